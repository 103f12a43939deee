/* unknot-test-audio.c: reading rendered cue tracks back, for tests
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <gio/gio.h>

#include "unknot-test-audio.h"

#define WAVE_FORMAT_PCM 0x0001
#define WAVE_FORMAT_EXTENSIBLE 0xFFFE

static guint32
read_u32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

static guint16
read_u16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static UnknotTestAudio *
fail (GError **error, const char *path, const char *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %s", path, what);
  return NULL;
}

/**
 * unknot_test_audio_load_wav:
 *
 * Reads a RIFF/WAVE file of 16-bit PCM, as wavenc writes it.  A data chunk whose size
 * was never filled in (a file not finished) runs to the end of the file.
 */
UnknotTestAudio *
unknot_test_audio_load_wav (const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  const guint8 *data;
  const guint8 *samples = NULL;
  gsize samples_size = 0;
  guint16 format = 0, channels = 0, bits = 0;
  guint32 rate = 0;
  gsize position = 12;
  UnknotTestAudio *audio;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  data = (const guint8 *) contents;

  if (length < 12 || memcmp (data, "RIFF", 4) != 0 || memcmp (data + 8, "WAVE", 4) != 0)
    return fail (error, path, "not a RIFF/WAVE file");

  while (position + 8 <= length)
    {
      const guint8 *chunk = data + position;
      gsize size = read_u32 (chunk + 4);
      gsize available = length - position - 8;

      if (memcmp (chunk, "fmt ", 4) == 0)
        {
          if (size < 16 || size > available)
            return fail (error, path, "short fmt chunk");
          format = read_u16 (chunk + 8);
          channels = read_u16 (chunk + 10);
          rate = read_u32 (chunk + 12);
          bits = read_u16 (chunk + 22);
          if (format == WAVE_FORMAT_EXTENSIBLE && size >= 40)
            format = read_u16 (chunk + 32);
        }
      else if (memcmp (chunk, "data", 4) == 0)
        {
          samples = chunk + 8;
          samples_size = (size == 0 || size > available) ? available : size;
          break;
        }
      position += 8 + size + (size & 1);
    }

  if (format != WAVE_FORMAT_PCM || bits != 16 || channels == 0 || rate == 0)
    return fail (error, path, "not 16-bit PCM");
  if (samples == NULL)
    return fail (error, path, "no data chunk");

  audio = g_new0 (UnknotTestAudio, 1);
  audio->rate = rate;
  audio->channels = channels;
  audio->n_samples = samples_size / (2 * channels);
  audio->samples = g_new (gint16, MAX (audio->n_samples, 1));
  for (gsize i = 0; i < audio->n_samples; i++)
    {
      int sum = 0;

      for (guint c = 0; c < channels; c++)
        sum += (gint16) read_u16 (samples + 2 * (i * channels + c));
      audio->samples[i] = (gint16) (sum / (int) channels);
    }
  return audio;
}

UnknotTestAudio *
unknot_test_audio_new_from_pcm (GBytes *pcm_s16le_mono, guint rate)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (pcm_s16le_mono, &size);
  UnknotTestAudio *audio = g_new0 (UnknotTestAudio, 1);

  audio->rate = rate;
  audio->channels = 1;
  audio->n_samples = size / 2;
  audio->samples = g_new (gint16, MAX (audio->n_samples, 1));
  for (gsize i = 0; i < audio->n_samples; i++)
    audio->samples[i] = (gint16) read_u16 (data + 2 * i);
  return audio;
}

void
unknot_test_audio_free (UnknotTestAudio *audio)
{
  if (audio == NULL)
    return;
  g_free (audio->samples);
  g_free (audio);
}

/**
 * unknot_test_audio_find_sounds:
 * @threshold: level that counts as sound, as a fraction of full scale
 * @min_gap_us: how long it must be quiet between two sounds
 *
 * A sound starts at the first sample louder than @threshold after at least
 * @min_gap_us of quiet (or at the start), and ends after its last loud sample.
 *
 * Returns: (transfer full) (element-type UnknotTestSound): the sounds, in order
 */
GArray *
unknot_test_audio_find_sounds (
  const gint16 *samples, gsize n_samples, guint rate, double threshold, gint64 min_gap_us)
{
  GArray *sounds = g_array_new (FALSE, FALSE, sizeof (UnknotTestSound));
  int level = (int) ceil (threshold * 32768);
  gsize min_gap = (gsize) (min_gap_us * rate / G_USEC_PER_SEC);
  UnknotTestSound current = { 0, 0 };
  gboolean in_sound = FALSE;

  for (gsize i = 0; i < n_samples; i++)
    {
      if (ABS ((int) samples[i]) <= level)
        continue;
      if (in_sound && i - current.end < min_gap)
        {
          current.end = i + 1;
          continue;
        }
      if (in_sound)
        g_array_append_val (sounds, current);
      current.start = i;
      current.end = i + 1;
      in_sound = TRUE;
    }
  if (in_sound)
    g_array_append_val (sounds, current);

  return sounds;
}

/**
 * unknot_test_audio_find_onsets:
 *
 * Like unknot_test_audio_find_sounds(), but only where each sound starts.
 *
 * Returns: (transfer full) (element-type gsize): sample indices
 */
GArray *
unknot_test_audio_find_onsets (
  const gint16 *samples, gsize n_samples, guint rate, double threshold, gint64 min_gap_us)
{
  g_autoptr (GArray) sounds =
    unknot_test_audio_find_sounds (samples, n_samples, rate, threshold, min_gap_us);
  GArray *onsets = g_array_sized_new (FALSE, FALSE, sizeof (gsize), sounds->len);

  for (guint i = 0; i < sounds->len; i++)
    g_array_append_val (onsets, g_array_index (sounds, UnknotTestSound, i).start);
  return onsets;
}

/* Largest magnitude as a fraction of full scale. */
double
unknot_test_audio_peak (const gint16 *samples, gsize n_samples)
{
  int peak = 0;

  for (gsize i = 0; i < n_samples; i++)
    peak = MAX (peak, ABS ((int) samples[i]));
  return peak / 32768.0;
}

double
unknot_test_audio_rms (const gint16 *samples, gsize n_samples)
{
  double sum = 0;

  if (n_samples == 0)
    return 0;
  for (gsize i = 0; i < n_samples; i++)
    sum += (double) samples[i] * samples[i];
  return sqrt (sum / n_samples) / 32768.0;
}

/* The strongest frequency between @low_hz and @high_hz (a Hann-windowed Goertzel scan
 * in 2 Hz steps): what the ear hears as the pitch of a soft tone. */
double
unknot_test_audio_dominant_frequency (
  const gint16 *samples, gsize n_samples, guint rate, double low_hz, double high_hz)
{
  g_autofree double *windowed = g_new (double, MAX (n_samples, 1));
  double best = 0, best_power = -1;

  for (gsize i = 0; i < n_samples; i++)
    windowed[i] = samples[i] * (0.5 - 0.5 * cos (2 * G_PI * i / MAX (n_samples - 1, 1)));

  for (double f = low_hz; f <= high_hz; f += 2)
    {
      double coefficient = 2 * cos (2 * G_PI * f / rate);
      double s1 = 0, s2 = 0, power;

      for (gsize i = 0; i < n_samples; i++)
        {
          double s0 = windowed[i] + coefficient * s1 - s2;

          s2 = s1;
          s1 = s0;
        }
      power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
      if (power > best_power)
        {
          best_power = power;
          best = f;
        }
    }
  return best;
}
