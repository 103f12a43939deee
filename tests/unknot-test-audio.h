/* unknot-test-audio.h: reading rendered cue tracks back, for tests
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 16-bit PCM from a WAV file; several channels are mixed down to one. */
typedef struct
{
  guint rate;
  guint channels; /* in the file */
  gsize n_samples;
  gint16 *samples; /* mono, host byte order */
} UnknotTestAudio;

UnknotTestAudio *unknot_test_audio_load_wav (const char *path, GError **error);
UnknotTestAudio *unknot_test_audio_new_from_pcm (GBytes *pcm_s16le_mono, guint rate);
void unknot_test_audio_free (UnknotTestAudio *audio);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotTestAudio, unknot_test_audio_free)

/* The default of unknot_test_audio_find_onsets(): -40 dBFS, and 100 ms of quiet. */
#define UNKNOT_TEST_AUDIO_THRESHOLD 0.01
#define UNKNOT_TEST_AUDIO_MIN_GAP_US (100 * G_TIME_SPAN_MILLISECOND)

GArray *unknot_test_audio_find_onsets (
  const gint16 *samples, gsize n_samples, guint rate, double threshold, gint64 min_gap_us);
GArray *unknot_test_audio_find_sounds (
  const gint16 *samples, gsize n_samples, guint rate, double threshold, gint64 min_gap_us);
double unknot_test_audio_peak (const gint16 *samples, gsize n_samples);
double unknot_test_audio_rms (const gint16 *samples, gsize n_samples);
double unknot_test_audio_dominant_frequency (
  const gint16 *samples, gsize n_samples, guint rate, double low_hz, double high_hz);

/* One sound found by unknot_test_audio_find_sounds(): samples [start, end). */
typedef struct
{
  gsize start;
  gsize end;
} UnknotTestSound;

G_END_DECLS
