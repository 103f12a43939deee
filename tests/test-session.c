/* test-session.c: the session engine, driven by a fake clock
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "unknot-fake-clock.h"
#include "unknot-routine.h"
#include "unknot-session.h"

#define S ((gint64) G_USEC_PER_SEC)
#define START (1000 * S)

/* Step 1: both sides, 20 s each. Step 2: right side only, 10 s. */
static const char two_steps[] =
  "[Routine]\nFormat=1\nId=two-steps\nName=Two steps\nSummary=Test.\nHelps=recovery;\n"
  "[Step 1]\nName=Roll\nTarget=gluteus-maximus\nTool=foam-roller\nSide=both\nTechnique=roll\n"
  "Duration=20\nInstruction=Roll.\n"
  "[Step 2]\nName=Ball\nTarget=piriformis\nTool=massage-ball\nSide=right\nTechnique=hold\n"
  "Duration=10\nInstruction=Hold.\n";

static const char one_step[] =
  "[Routine]\nFormat=1\nId=one-step\nName=One step\nSummary=Test.\nHelps=recovery;\n"
  "[Step 1]\nName=Ball\nTarget=piriformis\nTool=massage-ball\nSide=left\nTechnique=hold\n"
  "Duration=45\nInstruction=Hold.\n";

static const char three_steps[] =
  "[Routine]\nFormat=1\nId=three-steps\nName=Three\nSummary=Test.\nHelps=recovery;\n"
  "[Step 1]\nName=A\nTarget=gluteus-maximus\nTool=foam-roller\nSide=left\nTechnique=roll\n"
  "Duration=30\nInstruction=A.\n"
  "[Step 2]\nName=B\nTarget=gluteus-medius\nTool=foam-roller\nSide=left\nTechnique=roll\n"
  "Duration=30\nInstruction=B.\n"
  "[Step 3]\nName=C\nTarget=gluteus-minimus\nTool=massage-ball\nSide=left\nTechnique=hold\n"
  "Duration=30\nInstruction=C.\n";

typedef struct
{
  UnknotClock *clock;
  UnknotRoutine *routine;
  UnknotSession *session;
  GString *log; /* "@SECONDS what" lines, in order */
  guint n_finished;
  gboolean completed;
} Fixture;

static double
seconds_since_start (Fixture *f, gint64 time)
{
  return (double) (time - START) / S;
}

static void
cue_cb (UnknotSession *session, int cue, guint step, int side, gint64 deadline, Fixture *f)
{
  /* Emitted no later than its deadline, and exactly at it without lookahead. */
  g_assert_cmpint (unknot_clock_get_time (f->clock), <=, deadline);
  g_string_append_printf (f->log, "@%g cue %s %u %s\n", seconds_since_start (f, deadline),
                          unknot_cue_get_id (cue), step + 1,
                          side == UNKNOT_SIDE_LEFT ? "left" : "right");
}

static void
state_cb (UnknotSession *session, GParamSpec *pspec, Fixture *f)
{
  g_string_append_printf (f->log, "@%g state %s\n",
                          seconds_since_start (f, unknot_clock_get_time (f->clock)),
                          unknot_session_state_get_id (unknot_session_get_state (session)));
}

static void
finished_cb (UnknotSession *session, gboolean completed, Fixture *f)
{
  f->n_finished++;
  f->completed = completed;
}

static void
fixture_set_up_with (Fixture *f, const char *text, guint get_ready, guint rest)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr (GError) error = NULL;

  f->clock = unknot_fake_clock_new (START);
  f->routine = unknot_routine_new_from_bytes (bytes, "test.routine", &error);
  g_assert_no_error (error);
  f->session = unknot_session_new (f->routine, f->clock, get_ready, rest);
  f->log = g_string_new (NULL);
  g_signal_connect (f->session, "cue", G_CALLBACK (cue_cb), f);
  g_signal_connect (f->session, "notify::state", G_CALLBACK (state_cb), f);
  g_signal_connect (f->session, "finished", G_CALLBACK (finished_cb), f);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  fixture_set_up_with (f, two_steps, 5, 10);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->session);
  g_clear_object (&f->routine);
  g_clear_object (&f->clock);
  g_string_free (f->log, TRUE);
}

static UnknotFakeClock *
fake (Fixture *f)
{
  return UNKNOT_FAKE_CLOCK (f->clock);
}

static void
advance_to (Fixture *f, double seconds)
{
  unknot_fake_clock_advance_to (fake (f), START + (gint64) (seconds * S));
}

static void
assert_log (Fixture *f, const char *expected)
{
  if (!g_str_equal (f->log->str, expected))
    {
      g_test_message ("got:\n%sexpected:\n%s", f->log->str, expected);
      g_assert_cmpstr (f->log->str, ==, expected);
    }
  g_string_truncate (f->log, 0);
}

/* The whole routine, every state and every cue at its exact time: count-in, a
 * two-sided step with its switch, a rest, a one-sided step, done. */
static void
test_whole_routine (Fixture *f, gconstpointer data)
{
  g_assert_cmpint (unknot_session_get_state (f->session), ==, UNKNOT_SESSION_STATE_READY);
  g_assert_cmpuint (unknot_session_get_total_seconds_left (f->session), ==, 73);

  unknot_session_start (f->session);
  advance_to (f, 1000);

  assert_log (f, "@0 state get-ready\n"
                 "@0 cue get-ready 1 left\n"
                 "@2 cue tick 1 left\n"
                 "@3 cue tick 1 left\n"
                 "@4 cue tick 1 left\n"
                 "@5 cue step-start 1 left\n"
                 "@5 state step\n"
                 "@15 cue halfway 1 left\n"
                 "@22 cue last-seconds 1 left\n"
                 "@23 cue last-seconds 1 left\n"
                 "@24 cue last-seconds 1 left\n"
                 "@25 cue step-end 1 left\n"
                 "@25 state switch-side\n"
                 "@26 cue switch-side 1 right\n"
                 "@30 cue tick 1 right\n"
                 "@31 cue tick 1 right\n"
                 "@32 cue tick 1 right\n"
                 "@33 cue step-start 1 right\n"
                 "@33 state step\n"
                 "@43 cue halfway 1 right\n"
                 "@50 cue last-seconds 1 right\n"
                 "@51 cue last-seconds 1 right\n"
                 "@52 cue last-seconds 1 right\n"
                 "@53 cue step-end 1 right\n"
                 "@53 state rest\n"
                 "@54 cue rest 2 right\n"
                 "@60 cue tick 2 right\n"
                 "@61 cue tick 2 right\n"
                 "@62 cue tick 2 right\n"
                 "@63 cue step-start 2 right\n"
                 "@63 state step\n"
                 "@70 cue last-seconds 2 right\n"
                 "@71 cue last-seconds 2 right\n"
                 "@72 cue last-seconds 2 right\n"
                 "@73 cue done 2 right\n"
                 "@73 state done\n");
  g_assert_cmpuint (f->n_finished, ==, 1);
  g_assert_true (f->completed);
  g_assert_cmpuint (unknot_session_get_seconds_left (f->session), ==, 0);
  g_assert_cmpuint (unknot_session_get_total_seconds_left (f->session), ==, 0);
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (fake (f)), ==, 0);
}

/* The countdown and the step follow the timeline; nothing wakes between seconds. */
static void
test_countdown (Fixture *f, gconstpointer data)
{
  guint wakeups = 0;

  unknot_session_start (f->session);
  g_assert_cmpuint (unknot_session_get_seconds_left (f->session), ==, 5);

  advance_to (f, 4.5);
  g_assert_cmpuint (unknot_session_get_seconds_left (f->session), ==, 1);
  advance_to (f, 5);
  g_assert_cmpint (unknot_session_get_step_index (f->session), ==, 0);
  g_assert_cmpint (unknot_session_get_side (f->session), ==, UNKNOT_SIDE_LEFT);
  g_assert_cmpuint (unknot_session_get_seconds_left (f->session), ==, 20);
  advance_to (f, 5.001);
  g_assert_cmpuint (unknot_session_get_seconds_left (f->session), ==, 20);
  advance_to (f, 6);
  g_assert_cmpuint (unknot_session_get_seconds_left (f->session), ==, 19);
  g_assert_cmpuint (unknot_session_get_total_seconds_left (f->session), ==, 67);
  g_assert_cmpint (unknot_session_get_segment_position (f->session), ==, 1 * S);
  g_assert_cmpint (unknot_session_get_segment_duration (f->session), ==, 20 * S);

  advance_to (f, 33);
  g_assert_cmpint (unknot_session_get_side (f->session), ==, UNKNOT_SIDE_RIGHT);
  advance_to (f, 63);
  g_assert_cmpint (unknot_session_get_step_index (f->session), ==, 1);

  /* About one wake-up a second, not a busy loop. */
  while (unknot_fake_clock_advance_to_next (fake (f)))
    wakeups++;
  g_assert_cmpuint (wakeups, <=, 10 + 5);
  g_assert_cmpint (unknot_session_get_state (f->session), ==, UNKNOT_SESSION_STATE_DONE);
}

/* Timers that fire late (a busy machine) do not move any deadline: error never adds up. */
static void
test_drift_free (Fixture *f, gconstpointer data)
{
  unknot_session_start (f->session);
  for (gint64 t = 0; t < 80 * S; t += 737 * 1000)
    unknot_fake_clock_advance_to (fake (f), START + t);

  g_assert_true (strstr (f->log->str, "@53 cue step-end 1 right\n") != NULL);
  g_assert_true (strstr (f->log->str, "@73 cue done 2 right\n") != NULL);
  g_assert_true (strstr (f->log->str, "@62 cue tick 2 right\n") != NULL);
}

/* A pause across a step boundary: the rest of the step waits, then everything moves by
 * exactly the length of the pause. */
static void
test_pause_across_boundary (Fixture *f, gconstpointer data)
{
  unknot_session_start (f->session);
  advance_to (f, 24.5);
  g_string_truncate (f->log, 0);

  unknot_session_pause (f->session);
  g_assert_cmpint (unknot_session_get_state (f->session), ==, UNKNOT_SESSION_STATE_PAUSED);
  g_assert_cmpint (unknot_session_get_phase (f->session), ==, UNKNOT_SESSION_STATE_STEP);
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (fake (f)), ==, 0);
  advance_to (f, 124.5);
  g_assert_cmpuint (unknot_session_get_seconds_left (f->session), ==, 1);
  g_assert_cmpuint (unknot_session_get_total_seconds_left (f->session), ==, 49);

  unknot_session_toggle_pause (f->session);
  advance_to (f, 126.5);
  assert_log (f, "@24.5 state paused\n"
                 "@124.5 state step\n"
                 "@125 cue step-end 1 left\n"
                 "@125 state switch-side\n"
                 "@126 cue switch-side 1 right\n");

  /* Pausing and resuming again does not repeat a cue. */
  unknot_session_pause (f->session);
  unknot_session_resume (f->session);
  advance_to (f, 127);
  assert_log (f, "@126.5 state paused\n@126.5 state switch-side\n");
}

static void
test_skip_and_back (Fixture *f, gconstpointer data)
{
  unknot_session_start (f->session);
  g_string_truncate (f->log, 0);

  /* Back during the count-in: nothing before it, it stays. */
  advance_to (f, 2.5);
  unknot_session_back (f->session);
  g_assert_cmpint (unknot_session_get_state (f->session), ==, UNKNOT_SESSION_STATE_GET_READY);
  g_assert_cmpint (unknot_session_get_position (f->session), ==, 0);
  g_string_truncate (f->log, 0);

  /* Skip the count-in: straight to the first side, with its cue. */
  unknot_session_skip (f->session);
  assert_log (f, "@2.5 cue step-start 1 left\n@2.5 state step\n");
  g_assert_cmpuint (unknot_session_get_seconds_left (f->session), ==, 20);

  /* Back at the very first step: restarts it. */
  advance_to (f, 3.5);
  unknot_session_back (f->session);
  assert_log (f, "@3.5 cue step-start 1 left\n");
  g_assert_cmpint (unknot_session_get_segment_position (f->session), ==, 0);

  /* Skip from the left side goes to the right side, over the switch. */
  unknot_session_skip (f->session);
  assert_log (f, "@3.5 cue step-start 1 right\n");
  g_assert_cmpint (unknot_session_get_side (f->session), ==, UNKNOT_SIDE_RIGHT);

  /* Well into a side, back restarts it; near its start, back goes to the side before. */
  advance_to (f, 13.5);
  unknot_session_back (f->session);
  g_assert_cmpint (unknot_session_get_side (f->session), ==, UNKNOT_SIDE_RIGHT);
  g_assert_cmpint (unknot_session_get_segment_position (f->session), ==, 0);
  unknot_session_back (f->session);
  g_assert_cmpint (unknot_session_get_side (f->session), ==, UNKNOT_SIDE_LEFT);
  g_string_truncate (f->log, 0);

  /* From a rest, back goes to the step before it. */
  unknot_session_skip (f->session);
  advance_to (f, 13.5 + 20 + 0.5);
  g_assert_cmpint (unknot_session_get_state (f->session), ==, UNKNOT_SESSION_STATE_REST);
  unknot_session_back (f->session);
  g_assert_cmpint (unknot_session_get_state (f->session), ==, UNKNOT_SESSION_STATE_STEP);
  g_assert_cmpint (unknot_session_get_step_index (f->session), ==, 0);
  g_assert_cmpint (unknot_session_get_side (f->session), ==, UNKNOT_SIDE_RIGHT);

  /* Skip at the last step: done, without the cues in between. */
  unknot_session_skip (f->session);
  g_assert_cmpint (unknot_session_get_step_index (f->session), ==, 1);
  g_string_truncate (f->log, 0);
  unknot_session_skip (f->session);
  assert_log (f, "@34 cue done 2 right\n@34 state done\n");
  g_assert_true (f->completed);

  /* After the end, nothing moves. */
  unknot_session_skip (f->session);
  unknot_session_back (f->session);
  unknot_session_toggle_pause (f->session);
  g_assert_cmpint (unknot_session_get_state (f->session), ==, UNKNOT_SESSION_STATE_DONE);
  g_assert_cmpuint (f->n_finished, ==, 1);
}

/* Skip while paused moves the position and stays paused. */
static void
test_skip_while_paused (Fixture *f, gconstpointer data)
{
  unknot_session_start (f->session);
  advance_to (f, 10);
  unknot_session_pause (f->session);
  unknot_session_skip (f->session);
  g_assert_cmpint (unknot_session_get_state (f->session), ==, UNKNOT_SESSION_STATE_PAUSED);
  g_assert_cmpint (unknot_session_get_side (f->session), ==, UNKNOT_SIDE_RIGHT);
  g_assert_cmpuint (unknot_session_get_seconds_left (f->session), ==, 20);
  g_string_truncate (f->log, 0);
  advance_to (f, 50);
  unknot_session_resume (f->session);
  assert_log (f, "@50 state step\n@50 cue step-start 1 right\n");
}

/* The machine sleeps mid-step: on waking the session is paused where it was. */
static void
test_sleep (Fixture *f, gconstpointer data)
{
  unknot_session_start (f->session);
  advance_to (f, 10.2);
  g_string_truncate (f->log, 0);

  unknot_fake_clock_sleep (fake (f), 3600 * S);
  advance_to (f, 11);
  g_assert_cmpint (unknot_session_get_state (f->session), ==, UNKNOT_SESSION_STATE_PAUSED);
  g_assert_cmpint (unknot_session_get_step_index (f->session), ==, 0);
  g_assert_cmpuint (unknot_session_get_seconds_left (f->session), ==, 15);
  assert_log (f, "@11 state paused\n");

  /* Nothing happens while paused; resuming goes on from there. */
  advance_to (f, 500);
  g_assert_cmpstr (f->log->str, ==, "");
  unknot_session_resume (f->session);
  advance_to (f, 504);
  assert_log (f, "@500 state step\n@504 cue halfway 1 left\n");
}

/* The cues of the whole routine, without times, in order. */
static char *
cue_names (const char *log)
{
  g_auto (GStrv) lines = g_strsplit (log, "\n", -1);
  GString *names = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *cue = strstr (lines[i], " cue ");

      if (cue != NULL)
        g_string_append_printf (names, "%s\n", cue + 5);
    }
  return g_string_free (names, FALSE);
}

/* The lines of the whole routine's log after @seconds. */
static char *
log_after (const char *log, double seconds)
{
  g_auto (GStrv) lines = g_strsplit (log, "\n", -1);
  GString *after = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] == '@' && g_ascii_strtod (lines[i] + 1, NULL) > seconds)
      g_string_append_printf (after, "%s\n", lines[i]);
  return g_string_free (after, FALSE);
}

static char *
whole_routine_log (void)
{
  Fixture f = { 0 };
  char *log;

  fixture_set_up (&f, NULL);
  unknot_session_start (f.session);
  advance_to (&f, 1000);
  log = g_strdup (f.log->str);
  fixture_tear_down (&f, NULL);
  return log;
}

/* A clock that steps back (a monotonic one never should) holds the timeline still until
 * it catches up: nothing is given twice, nothing goes back, then the routine goes on
 * exactly as it would have. */
static void
test_clock_steps_back (Fixture *f, gconstpointer data)
{
  g_autofree char *whole = whole_routine_log ();
  g_autofree char *rest = log_after (whole, 12);
  g_autofree char *from_35 = log_after (whole, 35);

  unknot_session_start (f->session);
  advance_to (f, 12);
  g_string_truncate (f->log, 0);

  unknot_fake_clock_step_back (fake (f), 5 * S);
  g_assert_cmpuint (unknot_session_get_seconds_left (f->session), ==, 13);
  advance_to (f, 8);
  g_assert_cmpstr (f->log->str, ==, "");
  /* A pause reads the time: the position it keeps is the furthest one, not 3 s. */
  unknot_session_pause (f->session);
  g_assert_cmpuint (unknot_session_get_seconds_left (f->session), ==, 13);
  g_assert_cmpuint (unknot_session_get_total_seconds_left (f->session), ==, 73 - 12);
  unknot_session_resume (f->session);
  g_assert_cmpint (unknot_session_get_state (f->session), ==, UNKNOT_SESSION_STATE_STEP);
  g_assert_cmpuint (unknot_session_get_seconds_left (f->session), ==, 13);
  assert_log (f, "@8 state paused\n@8 state step\n");

  advance_to (f, 1000);
  assert_log (f, rest);
  g_assert_cmpuint (f->n_finished, ==, 1);

  /* Far back, to before the routine started: the same. */
  fixture_tear_down (f, NULL);
  fixture_set_up (f, NULL);
  f->n_finished = 0;
  unknot_session_start (f->session);
  advance_to (f, 35);
  g_string_truncate (f->log, 0);
  unknot_fake_clock_step_back (fake (f), 3600 * S);
  unknot_fake_clock_advance (fake (f), 1800 * S);
  g_assert_cmpstr (f->log->str, ==, "");
  g_assert_cmpint (unknot_session_get_step_index (f->session), ==, 0);
  g_assert_cmpint (unknot_session_get_side (f->session), ==, UNKNOT_SIDE_RIGHT);
  advance_to (f, 1000);
  assert_log (f, from_35);
}

/* Hours of sleep anywhere in the routine (count-in, a step, the switch, the rest, its
 * last second): on waking it is paused where it was, stays so however long the person
 * takes, and on resuming gives every cue left once, the end as long after as was left. */
static void
test_sleep_hours (Fixture *f, gconstpointer data)
{
  g_autofree char *whole = whole_routine_log ();
  g_autofree char *all_cues = cue_names (whole);
  static const double moments[] = { 3.5, 10.2, 27, 56, 72.5 };

  for (guint i = 0; i < G_N_ELEMENTS (moments); i++)
    {
      g_autofree char *cues = NULL;
      gint64 paused_at, resumed_at;
      guint seconds_left;

      fixture_tear_down (f, NULL);
      fixture_set_up (f, NULL);
      f->n_finished = 0;
      unknot_session_start (f->session);
      advance_to (f, moments[i]);

      /* Nine hours asleep; monotonic time stands still, boot time does not. */
      unknot_fake_clock_sleep (fake (f), 9 * 3600 * S);
      unknot_fake_clock_advance (fake (f), 1 * S);
      g_test_message ("slept at %g s: %s", moments[i],
                      unknot_session_state_get_id (unknot_session_get_state (f->session)));
      g_assert_cmpint (unknot_session_get_state (f->session), ==, UNKNOT_SESSION_STATE_PAUSED);
      paused_at = unknot_session_get_origin (f->session);
      seconds_left = unknot_session_get_total_seconds_left (f->session);
      g_assert_cmpuint (seconds_left, <=, 73 - (guint) moments[i]);
      g_assert_cmpuint (seconds_left, >=, 73 - (guint) moments[i] - 1);

      /* Two more hours before the person comes back: nothing moves. */
      unknot_fake_clock_advance (fake (f), 2 * 3600 * S);
      g_assert_cmpint (unknot_session_get_state (f->session), ==, UNKNOT_SESSION_STATE_PAUSED);
      g_assert_cmpuint (unknot_session_get_total_seconds_left (f->session), ==, seconds_left);
      g_assert_cmpint (unknot_session_get_origin (f->session) - paused_at, ==, 2 * 3600 * S);

      unknot_session_resume (f->session);
      resumed_at = unknot_clock_get_time (f->clock);
      while (unknot_session_get_state (f->session) != UNKNOT_SESSION_STATE_DONE)
        g_assert_true (unknot_fake_clock_advance_to_next (fake (f)));
      g_assert_cmpint (unknot_clock_get_time (f->clock) - resumed_at, <=,
                       (gint64) seconds_left * S);
      g_assert_cmpint (unknot_clock_get_time (f->clock) - resumed_at, >,
                       ((gint64) seconds_left - 1) * S);
      g_assert_cmpuint (f->n_finished, ==, 1);

      /* Every cue once, in order, across the sleep. */
      cues = cue_names (f->log->str);
      g_assert_cmpstr (cues, ==, all_cues);
    }
}

static void
test_stop (Fixture *f, gconstpointer data)
{
  unknot_session_start (f->session);
  advance_to (f, 8);
  g_string_truncate (f->log, 0);
  unknot_session_stop (f->session);
  advance_to (f, 200);
  assert_log (f, "@8 state stopped\n");
  g_assert_cmpuint (f->n_finished, ==, 1);
  g_assert_false (f->completed);
  g_assert_cmpuint (unknot_fake_clock_get_n_pending (fake (f)), ==, 0);
}

static void
test_too_intense (Fixture *f, gconstpointer data)
{
  const GArray *events;
  const UnknotIntensityEvent *event;
  guint too_intense_step = G_MAXUINT;

  g_signal_connect_swapped (f->session, "too-intense", G_CALLBACK (g_nullify_pointer),
                            &too_intense_step);
  unknot_session_start (f->session);
  advance_to (f, 7);
  g_signal_handlers_disconnect_by_func (f->session, g_nullify_pointer, &too_intense_step);
  unknot_session_too_intense (f->session);

  events = unknot_session_get_intensity_events (f->session);
  g_assert_cmpuint (events->len, ==, 1);
  event = &g_array_index (events, UnknotIntensityEvent, 0);
  g_assert_cmpuint (event->step_index, ==, 0);
  g_assert_cmpint (event->side, ==, UNKNOT_SIDE_LEFT);
  g_assert_cmpuint (event->seconds_into_step, ==, 2);
  g_assert_cmpint (event->time, >, 1700000000);

  /* Shortening leaves ten seconds of this side; the rest of the routine moves up. */
  unknot_session_shorten_step (f->session);
  g_assert_cmpuint (unknot_session_get_seconds_left (f->session), ==, 10);
  g_assert_cmpuint (unknot_session_get_total_seconds_left (f->session), ==, 73 - 7 - 8);
  g_string_truncate (f->log, 0);
  advance_to (f, 17);
  assert_log (f, "@14 cue last-seconds 1 left\n"
                 "@15 cue last-seconds 1 left\n"
                 "@16 cue last-seconds 1 left\n"
                 "@17 cue step-end 1 left\n"
                 "@17 state switch-side\n");

  /* Not in a step: nothing to shorten. */
  unknot_session_shorten_step (f->session);
  g_assert_cmpuint (unknot_session_get_seconds_left (f->session), ==, 8);

  g_assert_nonnull (unknot_gentler_advice (UNKNOT_TOOL_MASSAGE_BALL));
  g_assert_cmpstr (unknot_gentler_advice (UNKNOT_TOOL_FOAM_ROLLER), !=,
                   unknot_gentler_advice (UNKNOT_TOOL_MASSAGE_BALL));
}

/* A routine of one step, with no count-in and no rests. */
static void
test_one_step (Fixture *f, gconstpointer data)
{
  fixture_tear_down (f, NULL);
  fixture_set_up_with (f, one_step, 0, 10);

  unknot_session_start (f->session);
  advance_to (f, 100);
  assert_log (f, "@0 state step\n"
                 "@0 cue step-start 1 left\n"
                 "@22.5 cue halfway 1 left\n"
                 "@35 cue ten-seconds 1 left\n"
                 "@42 cue last-seconds 1 left\n"
                 "@43 cue last-seconds 1 left\n"
                 "@44 cue last-seconds 1 left\n"
                 "@45 cue done 1 left\n"
                 "@45 state done\n");
}

/* No rest between steps: the next step's start is the only cue at the boundary. */
static void
test_no_rest (Fixture *f, gconstpointer data)
{
  fixture_tear_down (f, NULL);
  fixture_set_up_with (f, three_steps, 0, 0);

  unknot_session_start (f->session);
  advance_to (f, 31);
  g_assert_true (strstr (f->log->str, "@30 cue step-start 2 left\n") != NULL);
  g_assert_null (strstr (f->log->str, "step-end"));
  g_assert_cmpuint (unknot_session_get_total_seconds_left (f->session), ==, 59);
}

/* With a lookahead, cues come that much before their deadline; states do not. */
static void
test_lookahead (Fixture *f, gconstpointer data)
{
  gint64 emitted_at = 0;
  gint64 deadline_of = 0;

  g_object_set (f->session, "cue-lookahead", (gint64) 200000, NULL);
  unknot_session_start (f->session);
  advance_to (f, 4.79);
  g_assert_null (strstr (f->log->str, "step-start"));
  advance_to (f, 4.8);
  g_assert_nonnull (strstr (f->log->str, "@5 cue step-start 1 left\n"));
  g_assert_null (strstr (f->log->str, "state step"));
  advance_to (f, 5);
  g_assert_nonnull (strstr (f->log->str, "@5 state step"));

  /* The next earcon after the step's start is the halfway one. */
  deadline_of = unknot_session_get_next_earcon_deadline (f->session, START + 5 * S);
  g_assert_cmpint (deadline_of, ==, START + 15 * S);
  emitted_at = unknot_session_get_next_earcon_deadline (f->session, START + 24 * S);
  g_assert_cmpint (emitted_at, ==, START + 25 * S);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/session/whole-routine", test_whole_routine);
  ADD ("/session/countdown", test_countdown);
  ADD ("/session/drift-free", test_drift_free);
  ADD ("/session/pause-across-boundary", test_pause_across_boundary);
  ADD ("/session/skip-and-back", test_skip_and_back);
  ADD ("/session/skip-while-paused", test_skip_while_paused);
  ADD ("/session/sleep", test_sleep);
  ADD ("/session/sleep-hours", test_sleep_hours);
  ADD ("/session/clock-steps-back", test_clock_steps_back);
  ADD ("/session/stop", test_stop);
  ADD ("/session/too-intense", test_too_intense);
  ADD ("/session/one-step", test_one_step);
  ADD ("/session/no-rest", test_no_rest);
  ADD ("/session/lookahead", test_lookahead);
#undef ADD

  return g_test_run ();
}
