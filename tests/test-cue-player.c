/* test-cue-player.c: earcons, and the cue player's timing, volume and failures
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <glib/gstdio.h>

#include "unknot-cue-player-private.h"
#include "unknot-earcon.h"
#include "unknot-test-audio.h"

#define RATE UNKNOT_EARCON_RATE
/* Any monotonic time will do as the origin of a file: nothing waits for it. */
#define FILE_ORIGIN (1000 * G_USEC_PER_SEC)
/* An onset is found where the attack crosses -40 dBFS: a few samples into the sound. */
#define ATTACK_SAMPLES (RATE / 2000)

static char *tmp_dir;

static char *
track_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static UnknotCuePlayer *
file_player (const char *path)
{
  g_autofree char *description =
    g_strdup_printf ("audiorate ! wavenc ! filesink location=\"%s\"", path);
  g_autoptr (GError) error = NULL;
  UnknotCuePlayer *player = unknot_cue_player_new (description);

  g_assert_true (unknot_cue_player_prepare (player, &error));
  g_assert_no_error (error);
  g_assert_false (unknot_cue_player_get_live (player));
  return player;
}

static UnknotTestAudio *
load_track (const char *path)
{
  g_autoptr (GError) error = NULL;
  UnknotTestAudio *audio = unknot_test_audio_load_wav (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (audio);
  g_assert_cmpuint (audio->rate, ==, RATE);
  g_assert_cmpuint (audio->channels, ==, 1);
  return audio;
}

static gsize
us_to_sample (gint64 us)
{
  return (gsize) ((us * RATE + G_USEC_PER_SEC / 2) / G_USEC_PER_SEC);
}

/* Each earcon: short, at a comfortable level, never clipped, heard from the start. */
static void
test_earcon_shape (void)
{
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (UnknotEarcon e = 0; e < UNKNOT_N_EARCONS; e++)
    {
      g_autoptr (GBytes) pcm = unknot_earcon_synthesize (e);
      g_autoptr (GBytes) again = unknot_earcon_synthesize (e);
      g_autoptr (UnknotTestAudio) audio = unknot_test_audio_new_from_pcm (pcm, RATE);
      const char *id = unknot_earcon_get_id (e);
      double peak = unknot_test_audio_peak (audio->samples, audio->n_samples);
      double peak_db = 20 * log10 (peak);
      gsize first_5ms = 5 * RATE / 1000;
      double start_peak = unknot_test_audio_peak (audio->samples, first_5ms);

      g_test_message ("%-13s %4" G_GINT64_FORMAT " ms, peak %.1f dBFS, first 5 ms %.1f dBFS", id,
                      unknot_earcon_get_duration_us (e) / 1000, peak_db, 20 * log10 (start_peak));

      g_assert_nonnull (id);
      g_assert_false (g_hash_table_contains (ids, id));
      g_hash_table_add (ids, (gpointer) id);

      /* Cached: the same bytes every time. */
      g_assert_true (pcm == again);

      g_assert_cmpuint (audio->n_samples, >, first_5ms);
      g_assert_cmpint (unknot_earcon_get_duration_us (e), ==,
                       (gint64) audio->n_samples * G_USEC_PER_SEC / RATE);
      g_assert_cmpint (unknot_earcon_get_duration_us (e), <, 800 * G_TIME_SPAN_MILLISECOND);

      g_assert_cmpfloat (peak_db, >=, -12);
      g_assert_cmpfloat (peak_db, <=, -3);
      /* Energy from the first sample on: the onset is the start of the buffer. */
      g_assert_cmpint (ABS (audio->samples[0]), >, 0);
      g_assert_cmpfloat (start_peak, >, 0.05);
      /* Fades out instead of stopping with a click. */
      g_assert_cmpint (ABS (audio->samples[audio->n_samples - 1]), <, 100);
    }
}

typedef struct
{
  double duration_ms;
  double first_hz; /* pitch at the start */
  double last_hz;  /* pitch near the end */
  guint n_notes;
} Signature;

static Signature
signature (UnknotEarcon e)
{
  g_autoptr (GBytes) pcm = unknot_earcon_synthesize (e);
  g_autoptr (UnknotTestAudio) audio = unknot_test_audio_new_from_pcm (pcm, RATE);
  gsize window = 40 * RATE / 1000;
  gsize tail = audio->n_samples - MIN (audio->n_samples, window + 15 * RATE / 1000);
  Signature s;
  gsize hop = 10 * RATE / 1000;
  gsize span = 20 * RATE / 1000;
  double history[3] = { 0, 0, 0 };
  gboolean rising = FALSE;

  s.duration_ms = audio->n_samples * 1000.0 / RATE;
  s.first_hz = unknot_test_audio_dominant_frequency (audio->samples, window, RATE, 100, 2000);
  s.last_hz = unknot_test_audio_dominant_frequency (audio->samples + tail, window, RATE, 100, 2000);

  /* Notes: where the 20 ms RMS rises clearly above what it was in the last 30 ms. */
  s.n_notes = 0;
  for (gsize i = 0; i + span <= audio->n_samples; i += hop)
    {
      double level = unknot_test_audio_rms (audio->samples + i, span);
      double before = MIN (history[0], MIN (history[1], history[2]));
      gboolean rises = level > 0.02 && level > 1.3 * before && level > history[2];

      if (rises && !rising)
        s.n_notes++;
      rising = rises;
      history[0] = history[1];
      history[1] = history[2];
      history[2] = level;
    }
  return s;
}

static gboolean
differ (double a, double b, double ratio)
{
  return MAX (a, b) > MIN (a, b) * ratio;
}

/* Told apart with eyes closed: no two share length, pitch at both ends and notes. */
static void
test_earcon_distinct (void)
{
  Signature signatures[UNKNOT_N_EARCONS];

  for (UnknotEarcon e = 0; e < UNKNOT_N_EARCONS; e++)
    {
      signatures[e] = signature (e);
      g_test_message ("%-13s %4.0f ms  %4.0f Hz → %4.0f Hz  %u note(s)", unknot_earcon_get_id (e),
                      signatures[e].duration_ms, signatures[e].first_hz, signatures[e].last_hz,
                      signatures[e].n_notes);
    }

  for (UnknotEarcon a = 0; a < UNKNOT_N_EARCONS; a++)
    for (UnknotEarcon b = a + 1; b < UNKNOT_N_EARCONS; b++)
      {
        const Signature *x = &signatures[a], *y = &signatures[b];
        gboolean distinct = differ (x->duration_ms, y->duration_ms, 1.2) ||
                            differ (x->first_hz, y->first_hz, 1.05) ||
                            differ (x->last_hz, y->last_hz, 1.05) || x->n_notes != y->n_notes;

        if (!distinct)
          g_error ("%s and %s sound alike", unknot_earcon_get_id (a), unknot_earcon_get_id (b));
      }

  /* The shapes the design asks for. */
  g_assert_cmpfloat (fabs (signatures[UNKNOT_EARCON_TICK].first_hz - 880), <, 15);
  g_assert_cmpfloat (signatures[UNKNOT_EARCON_LAST_SECONDS].first_hz, >,
                     signatures[UNKNOT_EARCON_TICK].first_hz);
  g_assert_cmpuint (signatures[UNKNOT_EARCON_LAST_SECONDS].n_notes, ==, 2);
  g_assert_cmpfloat (signatures[UNKNOT_EARCON_STEP_START].last_hz, >,
                     signatures[UNKNOT_EARCON_STEP_START].first_hz);
  g_assert_cmpfloat (signatures[UNKNOT_EARCON_STEP_END].last_hz, <,
                     signatures[UNKNOT_EARCON_STEP_END].first_hz);
  g_assert_cmpfloat (signatures[UNKNOT_EARCON_REST].first_hz, <, 400);
  g_assert_cmpuint (signatures[UNKNOT_EARCON_DONE].n_notes, ==, 3);
}

static gpointer
synthesize_all_thread (gpointer data)
{
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  for (UnknotEarcon e = 0; e < UNKNOT_N_EARCONS; e++)
    g_ptr_array_add (results, unknot_earcon_synthesize (e));
  return results;
}

/* The first synthesis can come from any thread; all see the same sound. */
static void
test_earcon_threads (void)
{
  GThread *threads[4];
  g_autoptr (GPtrArray) first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("earcons", synthesize_all_thread, NULL);
  first = g_thread_join (threads[0]);
  for (guint i = 1; i < G_N_ELEMENTS (threads); i++)
    {
      g_autoptr (GPtrArray) results = g_thread_join (threads[i]);

      for (guint e = 0; e < UNKNOT_N_EARCONS; e++)
        g_assert_true (g_ptr_array_index (results, e) == g_ptr_array_index (first, e));
    }
}

/* Every earcon at a known deadline: each starts within 10 ms of it in the file. */
static void
test_timing (void)
{
  g_autofree char *path = track_path ("timing.wav");
  g_autoptr (UnknotCuePlayer) player = file_player (path);
  g_autoptr (UnknotTestAudio) audio = NULL;
  g_autoptr (GArray) onsets = NULL;
  gint64 deadlines[UNKNOT_N_EARCONS];

  unknot_cue_player_start (player, FILE_ORIGIN);
  for (UnknotEarcon e = 0; e < UNKNOT_N_EARCONS; e++)
    {
      gint64 end;

      deadlines[e] = FILE_ORIGIN + G_USEC_PER_SEC + e * 1300 * G_TIME_SPAN_MILLISECOND;
      end = unknot_cue_player_play_earcon (player, e, deadlines[e]);
      g_assert_cmpint (ABS (end - (deadlines[e] + unknot_earcon_get_duration_us (e))), <=, 1);
    }
  unknot_cue_player_finish (player);
  g_assert_true (unknot_cue_player_get_available (player));

  audio = load_track (path);
  /* The file runs from the origin to the end of the last sound. */
  g_assert_cmpint (
    ABS ((gssize) audio->n_samples -
         (gssize) us_to_sample (deadlines[UNKNOT_N_EARCONS - 1] - FILE_ORIGIN +
                                unknot_earcon_get_duration_us (UNKNOT_N_EARCONS - 1))),
    <=, 1);

  onsets =
    unknot_test_audio_find_onsets (audio->samples, audio->n_samples, RATE,
                                   UNKNOT_TEST_AUDIO_THRESHOLD, UNKNOT_TEST_AUDIO_MIN_GAP_US);
  g_assert_cmpuint (onsets->len, ==, UNKNOT_N_EARCONS);
  for (guint i = 0; i < onsets->len; i++)
    {
      gsize expected = us_to_sample (deadlines[i] - FILE_ORIGIN);
      gsize found = g_array_index (onsets, gsize, i);

      g_test_message ("%-13s expected at sample %zu, found at %zu", unknot_earcon_get_id (i),
                      expected, found);
      g_assert_cmpint (ABS ((gssize) found - (gssize) expected), <=, 480);
    }
}

/* A sound asked for before the previous one ends waits for it. */
static void
test_overlap (void)
{
  g_autofree char *path = track_path ("overlap.wav");
  g_autoptr (UnknotCuePlayer) player = file_player (path);
  g_autoptr (UnknotTestAudio) audio = NULL;
  g_autoptr (GBytes) done = unknot_earcon_synthesize (UNKNOT_EARCON_DONE);
  g_autoptr (GBytes) tick = unknot_earcon_synthesize (UNKNOT_EARCON_TICK);
  g_autoptr (UnknotTestAudio) tick_audio = unknot_test_audio_new_from_pcm (tick, RATE);
  gint64 done_end, tick_end;
  gsize tick_start;

  unknot_cue_player_set_volume (player, 1.0);
  unknot_cue_player_start (player, FILE_ORIGIN);
  done_end =
    unknot_cue_player_play_earcon (player, UNKNOT_EARCON_DONE, FILE_ORIGIN + G_USEC_PER_SEC);
  tick_end = unknot_cue_player_play_earcon (player, UNKNOT_EARCON_TICK,
                                            FILE_ORIGIN + G_USEC_PER_SEC + 100000);
  unknot_cue_player_finish (player);

  g_assert_cmpint (ABS (done_end - (FILE_ORIGIN + G_USEC_PER_SEC +
                                    unknot_earcon_get_duration_us (UNKNOT_EARCON_DONE))),
                   <=, 1);
  g_assert_cmpint (ABS (tick_end - (done_end + unknot_earcon_get_duration_us (UNKNOT_EARCON_TICK))),
                   <=, 1);

  /* The tick is in the file, whole, right after the chord. */
  audio = load_track (path);
  tick_start = us_to_sample (done_end - FILE_ORIGIN);
  g_assert_cmpuint (audio->n_samples, >=, tick_start + tick_audio->n_samples);
  for (gsize i = 0; i < tick_audio->n_samples; i++)
    g_assert_cmpint (ABS (audio->samples[tick_start + i] - tick_audio->samples[i]), <=, 2);
}

static double
render_rms (const char *name, double volume, gboolean enabled)
{
  g_autofree char *path = track_path (name);
  g_autoptr (UnknotCuePlayer) player = file_player (path);
  g_autoptr (UnknotTestAudio) audio = NULL;
  gint64 end;

  g_object_set (player, "volume", volume, "enabled", enabled, NULL);
  unknot_cue_player_start (player, FILE_ORIGIN);
  end = unknot_cue_player_play_earcon (player, UNKNOT_EARCON_HALFWAY,
                                       FILE_ORIGIN + 200 * G_TIME_SPAN_MILLISECOND);
  unknot_cue_player_finish (player);

  audio = load_track (path);
  g_assert_cmpint (ABS ((gssize) audio->n_samples - (gssize) us_to_sample (end - FILE_ORIGIN)), <=,
                   1);
  return unknot_test_audio_rms (audio->samples, audio->n_samples);
}

static void
test_volume (void)
{
  g_autoptr (UnknotCuePlayer) player = unknot_cue_player_new ("fakesink");
  double loud = render_rms ("loud.wav", 0.8, TRUE);
  double soft = render_rms ("soft.wav", 0.2, TRUE);
  double off = render_rms ("off.wav", 0.8, FALSE);
  double volume;
  gboolean enabled;

  g_test_message ("RMS at 0.8: %.4f, at 0.2: %.4f, disabled: %.4f", loud, soft, off);
  g_assert_cmpfloat (loud, >, 0.01);
  g_assert_cmpfloat (fabs (loud / soft - 4.0), <, 0.05);
  g_assert_cmpfloat (off, ==, 0.0);

  /* The defaults, and the volume stays in 0–1. */
  g_object_get (player, "volume", &volume, "enabled", &enabled, NULL);
  g_assert_cmpfloat (volume, ==, 0.8);
  g_assert_true (enabled);
  unknot_cue_player_set_volume (player, 3.0);
  g_assert_cmpfloat (unknot_cue_player_get_volume (player), ==, 1.0);
}

/* A voice clip at another rate comes out at its deadline, at its pitch and length. */
static void
test_pcm (void)
{
  g_autofree char *path = track_path ("pcm.wav");
  g_autoptr (UnknotCuePlayer) player = file_player (path);
  g_autoptr (UnknotTestAudio) audio = NULL;
  g_autoptr (GArray) sounds = NULL;
  guint clip_rate = 22050;
  gsize n = clip_rate / 2;
  gint16 *clip = g_new (gint16, n);
  g_autoptr (GBytes) pcm = NULL;
  const UnknotTestSound *sound;
  gint64 deadline = FILE_ORIGIN + 300 * G_TIME_SPAN_MILLISECOND;
  gint64 end;

  for (gsize i = 0; i < n; i++)
    clip[i] = GINT16_TO_LE ((gint16) (12000 * sin (2 * G_PI * 440 * i / clip_rate + G_PI / 2)));
  pcm = g_bytes_new_take (clip, n * sizeof (gint16));

  unknot_cue_player_set_volume (player, 1.0);
  unknot_cue_player_start (player, FILE_ORIGIN);
  end = unknot_cue_player_play_pcm (player, pcm, clip_rate, deadline);
  unknot_cue_player_finish (player);
  g_assert_cmpint (ABS (end - deadline - 500 * G_TIME_SPAN_MILLISECOND), <=, 1);

  audio = load_track (path);
  sounds =
    unknot_test_audio_find_sounds (audio->samples, audio->n_samples, RATE,
                                   UNKNOT_TEST_AUDIO_THRESHOLD, UNKNOT_TEST_AUDIO_MIN_GAP_US);
  g_assert_cmpuint (sounds->len, ==, 1);
  sound = &g_array_index (sounds, UnknotTestSound, 0);
  g_assert_cmpint (ABS ((gssize) sound->start - (gssize) us_to_sample (deadline - FILE_ORIGIN)), <=,
                   2);
  g_assert_cmpint (ABS ((gssize) (sound->end - sound->start) - RATE / 2), <=, 48);
  g_assert_cmpfloat (fabs (unknot_test_audio_dominant_frequency (audio->samples + sound->start,
                                                                 RATE / 10, RATE, 100, 2000) -
                           440),
                     <=, 4);
}

/* A minute of cues is written in well under a second: nothing waits for real time. */
static void
test_file_speed (void)
{
  g_autofree char *path = track_path ("minute.wav");
  g_autoptr (UnknotCuePlayer) player = file_player (path);
  g_autoptr (UnknotTestAudio) audio = NULL;
  g_autoptr (GArray) onsets = NULL;
  gint64 started = g_get_monotonic_time ();
  gint64 elapsed;

  unknot_cue_player_start (player, FILE_ORIGIN);
  for (guint s = 0; s < 60; s++)
    unknot_cue_player_play_earcon (player,
                                   s % 10 == 0 ? UNKNOT_EARCON_STEP_START : UNKNOT_EARCON_TICK,
                                   FILE_ORIGIN + s * G_USEC_PER_SEC);
  unknot_cue_player_finish (player);
  elapsed = g_get_monotonic_time () - started;
  g_test_message ("60 s of cues written in %" G_GINT64_FORMAT " ms", elapsed / 1000);
  /* Generous for a loaded machine; real time would be 60 s. */
  g_assert_cmpint (elapsed, <, 5 * G_USEC_PER_SEC);

  audio = load_track (path);
  onsets =
    unknot_test_audio_find_onsets (audio->samples, audio->n_samples, RATE,
                                   UNKNOT_TEST_AUDIO_THRESHOLD, UNKNOT_TEST_AUDIO_MIN_GAP_US);
  g_assert_cmpuint (onsets->len, ==, 60);
  for (guint s = 0; s < 60; s++)
    g_assert_cmpint (ABS ((gssize) g_array_index (onsets, gsize, s) - (gssize) (s * RATE)), <=,
                     ATTACK_SAMPLES);
}

/* A second track on the same player starts a new file. */
static void
test_restart (void)
{
  g_autofree char *path = track_path ("again.wav");
  g_autoptr (UnknotCuePlayer) player = file_player (path);
  g_autoptr (UnknotTestAudio) audio = NULL;
  g_autoptr (GArray) onsets = NULL;

  unknot_cue_player_start (player, FILE_ORIGIN);
  unknot_cue_player_play_earcon (player, UNKNOT_EARCON_TICK, FILE_ORIGIN + 2 * G_USEC_PER_SEC);
  unknot_cue_player_finish (player);

  unknot_cue_player_start (player, 2 * FILE_ORIGIN);
  unknot_cue_player_play_earcon (player, UNKNOT_EARCON_REST, 2 * FILE_ORIGIN + G_USEC_PER_SEC / 2);
  unknot_cue_player_finish (player);

  audio = load_track (path);
  onsets =
    unknot_test_audio_find_onsets (audio->samples, audio->n_samples, RATE,
                                   UNKNOT_TEST_AUDIO_THRESHOLD, UNKNOT_TEST_AUDIO_MIN_GAP_US);
  g_assert_cmpuint (onsets->len, ==, 1);
  g_assert_cmpint (ABS ((gssize) g_array_index (onsets, gsize, 0) - RATE / 2), <=, ATTACK_SAMPLES);
}

/* Before start there is no timeline: nothing plays, end times still make sense. */
static void
test_not_started (void)
{
  g_autoptr (UnknotCuePlayer) player = unknot_cue_player_new ("fakesink sync=false");

  g_assert_cmpint (unknot_cue_player_play_earcon (player, UNKNOT_EARCON_TICK, 5000000), ==,
                   5000000 + unknot_earcon_get_duration_us (UNKNOT_EARCON_TICK));
  unknot_cue_player_finish (player);
  g_assert_true (unknot_cue_player_get_available (player));
}

static void
count_problem_cb (guint *n_problems)
{
  (*n_problems)++;
}

/* A track with nothing in it ends cleanly, file and all. */
static void
test_empty_track (void)
{
  g_autofree char *path = track_path ("empty.wav");
  g_autoptr (UnknotCuePlayer) player = file_player (path);
  guint n_problems = 0;

  g_signal_connect_swapped (player, "problem", G_CALLBACK (count_problem_cb), &n_problems);
  unknot_cue_player_start (player, FILE_ORIGIN);
  unknot_cue_player_finish (player);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (n_problems, ==, 0);
  g_assert_true (unknot_cue_player_get_available (player));
}

static void
test_sink_from_environment (void)
{
  g_autoptr (UnknotCuePlayer) from_env = NULL;
  g_autoptr (UnknotCuePlayer) fallback = NULL;
  g_autoptr (UnknotCuePlayer) given = NULL;

  g_setenv (UNKNOT_AUDIO_SINK_ENV, "fakesink sync=false", TRUE);
  from_env = unknot_cue_player_new (NULL);
  g_assert_cmpstr (unknot_cue_player_get_sink_description (from_env), ==, "fakesink sync=false");
  given = unknot_cue_player_new ("fakesink");
  g_assert_cmpstr (unknot_cue_player_get_sink_description (given), ==, "fakesink");

  /* Only described, never opened here: the tests must not touch a real device. */
  g_unsetenv (UNKNOT_AUDIO_SINK_ENV);
  fallback = unknot_cue_player_new (NULL);
  g_assert_cmpstr (unknot_cue_player_get_sink_description (fallback), ==, "autoaudiosink");
}

typedef struct
{
  guint n_problems;
  char *message;
} Problems;

static void
problem_cb (UnknotCuePlayer *player, const char *message, Problems *problems)
{
  problems->n_problems++;
  g_free (problems->message);
  problems->message = g_strdup (message);
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
iterate_pending (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* An output that cannot be used: one problem, then silence, and nothing blocks. */
static void
check_unusable_output (const char *description)
{
  g_autoptr (UnknotCuePlayer) player = unknot_cue_player_new (description);
  Problems problems = { 0, NULL };
  gboolean timed_out = FALSE;
  guint timeout_id;
  gint64 origin = g_get_monotonic_time ();
  gint64 deadline = origin + 100 * G_TIME_SPAN_MILLISECOND;

  g_test_message ("output: %s", description);
  g_signal_connect (player, "problem", G_CALLBACK (problem_cb), &problems);

  unknot_cue_player_prepare (player, NULL);
  unknot_cue_player_start (player, origin);
  g_assert_cmpint (unknot_cue_player_play_earcon (player, UNKNOT_EARCON_TICK, deadline), >=,
                   deadline + unknot_earcon_get_duration_us (UNKNOT_EARCON_TICK));

  /* The failure may come from a streaming thread through the bus: wait for it. */
  timeout_id = g_timeout_add_seconds (20, timeout_cb, &timed_out);
  while (problems.n_problems == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout_id);
  g_assert_false (timed_out);

  /* Whatever else is asked of it afterwards, nothing more is said. */
  iterate_pending ();
  g_assert_false (unknot_cue_player_get_available (player));
  g_assert_false (unknot_cue_player_prepare (player, NULL));
  g_assert_cmpint (
    unknot_cue_player_play_earcon (player, UNKNOT_EARCON_DONE, deadline + G_USEC_PER_SEC), ==,
    deadline + G_USEC_PER_SEC + unknot_earcon_get_duration_us (UNKNOT_EARCON_DONE));
  unknot_cue_player_finish (player);
  unknot_cue_player_start (player, origin);
  unknot_cue_player_play_earcon (player, UNKNOT_EARCON_TICK, deadline);
  unknot_cue_player_finish (player);
  iterate_pending ();

  g_test_message ("problem: %s", problems.message);
  g_assert_cmpuint (problems.n_problems, ==, 1);
  g_assert_nonnull (problems.message);
  g_assert_true (g_str_has_prefix (problems.message, "Sound cues are off: "));
  g_free (problems.message);
}

static gboolean
has_element (const char *name)
{
  g_autoptr (GstElementFactory) factory = gst_element_factory_find (name);

  return factory != NULL;
}

/* Every audio sink is ranked out of autoaudiosink's choice for the moment, so this
 * never opens a real device either. */
static void
check_autoaudiosink_without_outputs (void)
{
  GList *sinks = gst_element_factory_list_get_elements (
    GST_ELEMENT_FACTORY_TYPE_SINK | GST_ELEMENT_FACTORY_TYPE_MEDIA_AUDIO, GST_RANK_NONE);
  g_autoptr (GArray) ranks = g_array_new (FALSE, FALSE, sizeof (guint));

  for (GList *l = sinks; l != NULL; l = l->next)
    {
      guint rank = gst_plugin_feature_get_rank (l->data);

      g_array_append_val (ranks, rank);
      gst_plugin_feature_set_rank (l->data, GST_RANK_NONE);
    }

  check_unusable_output ("autoaudiosink");

  for (GList *l = sinks; l != NULL; l = l->next)
    gst_plugin_feature_set_rank (l->data, g_array_index (ranks, guint, g_list_position (sinks, l)));
  gst_plugin_feature_list_free (sinks);
}

static void
test_missing_device (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "no-such-dir", "cues.wav", NULL);
  g_autofree char *unwritable = g_strdup_printf ("wavenc ! filesink location=\"%s\"", path);
  gboolean tried_device = FALSE;

  g_assert_true (gst_init_check (NULL, NULL, NULL));

  /* Sound servers and devices that are not there. */
  if (has_element ("alsasink"))
    {
      check_unusable_output ("alsasink device=unknot-nonexistent");
      tried_device = TRUE;
    }
  if (has_element ("pulsesink"))
    {
      check_unusable_output ("pulsesink server=/nonexistent/unknot-pulse");
      tried_device = TRUE;
    }
  if (!tried_device)
    g_test_message ("neither alsasink nor pulsesink is installed");

  /* autoaudiosink with no output to choose from: it would quietly use a fakesink. */
  check_autoaudiosink_without_outputs ();

  /* A plugin that is missing, and a file that cannot be written. */
  check_unusable_output ("unknotnosuchsink");
  check_unusable_output (unwritable);
}

static gint64 rendered_at[2];
static gint rendered;

static void
handoff_cb (GstElement *sink, GstBuffer *buffer, GstPad *pad, gpointer user_data)
{
  gint n = g_atomic_int_get (&rendered);

  if (n < (gint) G_N_ELEMENTS (rendered_at))
    rendered_at[n] = g_get_monotonic_time ();
  g_atomic_int_inc (&rendered);
  g_main_context_wakeup (NULL);
}

/* On a live output a sound starts at its deadline on the monotonic clock, however early
 * it was handed over; the sink (here a fakesink that syncs) does the waiting. */
static void
test_live_clock (void)
{
  g_autoptr (UnknotCuePlayer) player =
    unknot_cue_player_new ("fakesink name=out sync=true signal-handoffs=true");
  g_autoptr (GstElement) sink = NULL;
  g_autoptr (GError) error = NULL;
  gboolean timed_out = FALSE;
  guint timeout_id;
  gint64 origin, deadlines[2];

  g_assert_true (unknot_cue_player_prepare (player, &error));
  g_assert_no_error (error);
  g_assert_true (unknot_cue_player_get_live (player));

  sink = gst_bin_get_by_name (GST_BIN (unknot_cue_player_get_pipeline (player)), "out");
  g_assert_nonnull (sink);
  g_signal_connect (sink, "handoff", G_CALLBACK (handoff_cb), NULL);

  origin = g_get_monotonic_time ();
  deadlines[0] = origin + 250 * G_TIME_SPAN_MILLISECOND;
  deadlines[1] = origin + 500 * G_TIME_SPAN_MILLISECOND;
  unknot_cue_player_start (player, origin);
  unknot_cue_player_play_earcon (player, UNKNOT_EARCON_TICK, deadlines[0]);
  unknot_cue_player_play_earcon (player, UNKNOT_EARCON_LAST_SECONDS, deadlines[1]);

  timeout_id = g_timeout_add_seconds (20, timeout_cb, &timed_out);
  while (g_atomic_int_get (&rendered) < 2 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout_id);
  g_assert_false (timed_out);

  for (guint i = 0; i < 2; i++)
    {
      g_test_message ("sound %u rendered %+" G_GINT64_FORMAT " µs from its deadline", i,
                      rendered_at[i] - deadlines[i]);
      /* Never early (the clock's granularity aside); late only by scheduling. */
      g_assert_cmpint (rendered_at[i], >=, deadlines[i] - 1000);
      g_assert_cmpint (rendered_at[i], <, deadlines[i] + 5 * G_USEC_PER_SEC);
    }

  unknot_cue_player_finish (player);
  g_assert_true (unknot_cue_player_get_available (player));
}

static void
remove_tmp_dir (void)
{
  g_autoptr (GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = track_path (name);

      g_remove (path);
    }
  g_rmdir (tmp_dir);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  tmp_dir = g_dir_make_tmp ("unknot-cues-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/earcon/shape", test_earcon_shape);
  g_test_add_func ("/earcon/distinct", test_earcon_distinct);
  g_test_add_func ("/earcon/threads", test_earcon_threads);
  g_test_add_func ("/cue-player/timing", test_timing);
  g_test_add_func ("/cue-player/overlap", test_overlap);
  g_test_add_func ("/cue-player/volume", test_volume);
  g_test_add_func ("/cue-player/pcm", test_pcm);
  g_test_add_func ("/cue-player/file-speed", test_file_speed);
  g_test_add_func ("/cue-player/restart", test_restart);
  g_test_add_func ("/cue-player/not-started", test_not_started);
  g_test_add_func ("/cue-player/empty-track", test_empty_track);
  g_test_add_func ("/cue-player/sink-from-environment", test_sink_from_environment);
  g_test_add_func ("/cue-player/missing-device", test_missing_device);
  g_test_add_func ("/cue-player/live-clock", test_live_clock);

  status = g_test_run ();
  remove_tmp_dir ();
  g_free (tmp_dir);
  return status;
}
