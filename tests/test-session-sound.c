/* test-session-sound.c: a whole routine's cue track, rendered to a WAV and measured
 *
 * Routine → session engine (fake clock) → sound → GStreamer → WAV file: every earcon
 * must start within 10 ms of the sample where the routine puts it, and the voice must
 * never talk over an earcon.
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "unknot-cue-player.h"
#include "unknot-earcon.h"
#include "unknot-fake-clock.h"
#include "unknot-routine.h"
#include "unknot-session.h"
#include "unknot-session-sound.h"
#include "unknot-test-audio.h"
#include "unknot-voice.h"

#define S ((gint64) G_USEC_PER_SEC)
#define START (1000 * S)
#define TOLERANCE_US (10 * 1000)

/* The same routine as test-session.c: count-in 5 s, a two-sided 20 s step, a rest of
 * 10 s, a one-sided 10 s step.  Where its earcons must sound, in seconds: */
static const char two_steps[] =
  "[Routine]\nFormat=1\nId=two-steps\nName=Two steps\nSummary=Test.\nHelps=recovery;\n"
  "[Step 1]\nName=Roll\nTarget=gluteus-maximus\nTool=foam-roller\nSide=both\nTechnique=roll\n"
  "Duration=20\nInstruction=Roll.\nSpoken=Roller under the buttock.\n"
  "[Step 2]\nName=Ball\nTarget=piriformis\nTool=massage-ball\nSide=right\nTechnique=hold\n"
  "Duration=10\nInstruction=Hold.\n";

static const double earcon_seconds[] = {
  2,  3,  4,  5,  15, 22, 23, 24, 25, 26, 30, 31, 32, 33,
  43, 50, 51, 52, 53, 54, 60, 61, 62, 63, 70, 71, 72, 73,
};

typedef struct
{
  char *dir;
  char *wav;
  UnknotClock *clock;
  UnknotRoutine *routine;
  UnknotSession *session;
  UnknotCuePlayer *player;
  UnknotSessionSound *sound;
  guint n_problems;
} Fixture;

static void
problem_cb (UnknotCuePlayer *player, const char *message, Fixture *f)
{
  g_test_message ("problem: %s", message);
  f->n_problems++;
}

static void
set_up (Fixture *f, const char *sink, gboolean with_voice)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (two_steps, strlen (two_steps));
  g_autoptr (GError) error = NULL;
  g_autoptr (UnknotVoice) voice = with_voice ? unknot_voice_new () : NULL;
  g_autofree char *description = NULL;

  f->dir = g_dir_make_tmp ("unknot-sound-XXXXXX", &error);
  g_assert_no_error (error);
  f->wav = g_build_filename (f->dir, "track.wav", NULL);
  description = sink ? g_strdup (sink)
                     : g_strdup_printf ("audiorate ! wavenc ! filesink location=\"%s\"", f->wav);

  f->clock = unknot_fake_clock_new (START);
  f->routine = unknot_routine_new_from_bytes (bytes, "two-steps.routine", &error);
  g_assert_no_error (error);
  f->session = unknot_session_new (f->routine, f->clock, 5, 10);
  f->player = unknot_cue_player_new (description);
  g_signal_connect (f->player, "problem", G_CALLBACK (problem_cb), f);
  f->sound = unknot_session_sound_new (f->player, voice);
}

static void
tear_down (Fixture *f)
{
  g_clear_object (&f->sound);
  g_clear_object (&f->player);
  g_clear_object (&f->session);
  g_clear_object (&f->routine);
  g_clear_object (&f->clock);
  g_unlink (f->wav);
  g_rmdir (f->dir);
  g_free (f->wav);
  g_free (f->dir);
}

static gboolean
lines_ready (Fixture *f)
{
  gboolean ready;

  g_object_get (f->sound, "lines-ready", &ready, NULL);
  return ready;
}

/* Runs the whole routine on the fake clock, then closes the file. */
static void
run_routine (Fixture *f)
{
  gint64 give_up = g_get_monotonic_time () + 60 * S;

  unknot_session_sound_set_session (f->sound, f->session);
  /* The voice synthesises in a thread; a person's routine starts while it does, but a
   * test whose clock jumps needs every line first. */
  while (!lines_ready (f) && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (lines_ready (f));

  unknot_session_start (f->session);
  unknot_fake_clock_advance (UNKNOT_FAKE_CLOCK (f->clock), 100 * S);
  g_assert_cmpint (unknot_session_get_state (f->session), ==, UNKNOT_SESSION_STATE_DONE);
  unknot_session_sound_set_session (f->sound, NULL);
}

static UnknotTestAudio *
load_track (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  UnknotTestAudio *audio = unknot_test_audio_load_wav (f->wav, &error);

  g_assert_no_error (error);
  g_assert_nonnull (audio);
  return audio;
}

static gboolean
near_an_earcon (gint64 us)
{
  for (guint i = 0; i < G_N_ELEMENTS (earcon_seconds); i++)
    if (ABS (us - (gint64) (earcon_seconds[i] * S)) <= TOLERANCE_US)
      return TRUE;
  return FALSE;
}

static gint64
sample_to_us (const UnknotTestAudio *audio, gsize sample)
{
  return (gint64) sample * S / audio->rate;
}

/* Every expected earcon has an onset within 10 ms of its sample. */
static void
assert_earcons_on_time (const UnknotTestAudio *audio, GArray *onsets)
{
  for (guint i = 0; i < G_N_ELEMENTS (earcon_seconds); i++)
    {
      gint64 expected = (gint64) (earcon_seconds[i] * S);
      gint64 best = G_MAXINT64;

      for (guint j = 0; j < onsets->len; j++)
        {
          gint64 error = sample_to_us (audio, g_array_index (onsets, gsize, j)) - expected;

          if (ABS (error) < ABS (best))
            best = error;
        }
      g_test_message ("earcon at %.0f s: onset off by %" G_GINT64_FORMAT " µs", earcon_seconds[i],
                      best);
      g_assert_cmpint (ABS (best), <=, TOLERANCE_US);
    }
}

static void
test_earcons_on_time (void)
{
  Fixture f = { 0 };
  g_autoptr (UnknotTestAudio) audio = NULL;
  g_autoptr (GArray) onsets = NULL;

  set_up (&f, NULL, FALSE);
  run_routine (&f);

  audio = load_track (&f);
  /* The file holds the whole routine: it ends after the last earcon. */
  g_assert_cmpint (sample_to_us (audio, audio->n_samples), >=, 73 * S);
  onsets =
    unknot_test_audio_find_onsets (audio->samples, audio->n_samples, audio->rate,
                                   UNKNOT_TEST_AUDIO_THRESHOLD, UNKNOT_TEST_AUDIO_MIN_GAP_US);
  g_assert_cmpuint (onsets->len, ==, G_N_ELEMENTS (earcon_seconds));
  assert_earcons_on_time (audio, onsets);
  g_assert_cmpuint (f.n_problems, ==, 0);
  tear_down (&f);
}

/* The voice adds its lines between the earcons, never over one, never moving one. */
static void
test_voice_between_earcons (void)
{
  Fixture f = { 0 };
  g_autoptr (UnknotTestAudio) audio = NULL;
  g_autoptr (GArray) onsets = NULL;
  g_autoptr (GArray) sounds = NULL;
  g_autoptr (UnknotVoice) probe = unknot_voice_new ();
  guint n_lines = 0;

  if (!unknot_voice_get_available (probe))
    {
      g_test_skip ("built without a voice");
      return;
    }

  set_up (&f, NULL, TRUE);
  run_routine (&f);

  audio = load_track (&f);
  onsets =
    unknot_test_audio_find_onsets (audio->samples, audio->n_samples, audio->rate,
                                   UNKNOT_TEST_AUDIO_THRESHOLD, UNKNOT_TEST_AUDIO_MIN_GAP_US);
  assert_earcons_on_time (audio, onsets);

  sounds =
    unknot_test_audio_find_sounds (audio->samples, audio->n_samples, audio->rate,
                                   UNKNOT_TEST_AUDIO_THRESHOLD, UNKNOT_TEST_AUDIO_MIN_GAP_US);
  for (guint i = 0; i < sounds->len; i++)
    {
      const UnknotTestSound *sound = &g_array_index (sounds, UnknotTestSound, i);
      gint64 start = sample_to_us (audio, sound->start);
      gint64 end = sample_to_us (audio, sound->end);

      if (near_an_earcon (start))
        continue;

      /* A spoken line: it must be over before the next earcon starts. */
      n_lines++;
      for (guint e = 0; e < G_N_ELEMENTS (earcon_seconds); e++)
        {
          gint64 earcon = (gint64) (earcon_seconds[e] * S);

          if (earcon > start)
            {
              g_test_message ("line %.2f–%.2f s, next earcon %.0f s", (double) start / S,
                              (double) end / S, earcon_seconds[e]);
              g_assert_cmpint (end, <, earcon);
              break;
            }
        }
    }

  /* Get ready, each side's start, halfway ×2, switch sides, rest, well done… */
  g_assert_cmpuint (n_lines, >=, 6);
  tear_down (&f);
}

/* Earcons off and voice off: a silent track of the right length. */
static void
test_muted (void)
{
  Fixture f = { 0 };
  g_autoptr (UnknotTestAudio) audio = NULL;

  set_up (&f, NULL, TRUE);
  g_object_set (f.sound, "cues-enabled", FALSE, "voice-enabled", FALSE, NULL);
  run_routine (&f);

  audio = load_track (&f);
  g_assert_cmpfloat (unknot_test_audio_peak (audio->samples, audio->n_samples), <, 0.001);
  tear_down (&f);
}

/* No audio device: the routine runs to its end on time, and the person is told once. */
static void
test_no_device (void)
{
  Fixture f = { 0 };
  gint64 give_up;

  set_up (&f, "alsasink device=unknot-no-such-device", FALSE);
  run_routine (&f);
  g_assert_cmpint (unknot_session_get_state (f.session), ==, UNKNOT_SESSION_STATE_DONE);

  give_up = g_get_monotonic_time () + 10 * S;
  while (f.n_problems == 0 && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (f.n_problems, ==, 1);
  g_assert_false (unknot_cue_player_get_available (f.player));
  tear_down (&f);
}

/* What the voice says, in words. */
static void
test_lines (void)
{
  Fixture f = { 0 };
  g_autofree char *start_left = NULL;
  g_autofree char *start_right = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *tick = NULL;

  set_up (&f, "fakesink", FALSE);
  start_left =
    unknot_session_sound_get_line (f.session, UNKNOT_CUE_STEP_START, 0, UNKNOT_SIDE_LEFT);
  start_right =
    unknot_session_sound_get_line (f.session, UNKNOT_CUE_STEP_START, 1, UNKNOT_SIDE_RIGHT);
  rest = unknot_session_sound_get_line (f.session, UNKNOT_CUE_REST, 1, UNKNOT_SIDE_RIGHT);
  tick = unknot_session_sound_get_line (f.session, UNKNOT_CUE_TICK, 0, UNKNOT_SIDE_LEFT);
  g_assert_cmpstr (start_left, ==, "Left side. Roller under the buttock.");
  /* A step without its own spoken line says its name. */
  g_assert_cmpstr (start_right, ==, "Right side. Ball");
  g_assert_cmpstr (rest, ==, "Rest. Next: Ball.");
  g_assert_null (tick);
  tear_down (&f);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session-sound/earcons-on-time", test_earcons_on_time);
  g_test_add_func ("/session-sound/voice-between-earcons", test_voice_between_earcons);
  g_test_add_func ("/session-sound/muted", test_muted);
  g_test_add_func ("/session-sound/no-device", test_no_device);
  g_test_add_func ("/session-sound/lines", test_lines);

  return g_test_run ();
}
