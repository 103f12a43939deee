/* bench-cue-timing.c: how close to its deadline each earcon reaches a real, clocked sink
 *
 * A routine of short steps runs in real time (UnknotSystemClock, a GMainLoop) through
 * the whole sound path: UnknotSession → UnknotSessionSound → UnknotCuePlayer → a
 * fakesink that syncs to the pipeline clock and discards.  For every earcon, the error
 * is the monotonic time its buffer is handed to the sink minus the deadline the session
 * gave it (the ::cue signal's deadline).
 *
 * Baseline, in the same main loop at the same time: a naive countdown that adds a
 * g_timeout_add_seconds (1, …) from each tick and compares each tick with the ideal
 * start + n seconds.
 *
 * Prints, per figure, one line "bench: NAME median=… p99=… baseline=… ratio=…" and
 * exits 0 when it measured; non-zero only when it could not.
 *
 * UNKNOT_BENCH_MINUTES: length of the run (default 5).
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <gst/gst.h>

#include "unknot-cue-player-private.h"
#include "unknot-cue-player.h"
#include "unknot-routine.h"
#include "unknot-session-sound.h"
#include "unknot-session.h"
#include "unknot-system-clock.h"

#define S ((gint64) G_USEC_PER_SEC)
#define MINUTE (60 * S)
#define SINK_NAME "bench-sink"
#define SINK_DESCRIPTION "fakesink name=" SINK_NAME " sync=true signal-handoffs=true"
#define GET_READY_SECONDS 3
#define REST_SECONDS 2
#define STEP_SECONDS 10
#define MAX_STEPS 64
/* A handoff this far from an earcon's deadline is not that earcon. */
#define MATCH_WINDOW (1 * S)
/* After the routine ends, how long the last sounds get to reach the sink. */
#define DRAIN_SECONDS 3

typedef struct
{
  gint64 scheduled_us; /* base time + running time of the buffer's first sample */
  gint64 arrival_us;   /* g_get_monotonic_time () in the handoff */
} Handoff;

typedef struct
{
  gint64 ideal_us; /* the earcon's deadline, or the naive tick's start + n s */
  gint64 error_us; /* arrival − ideal */
} Sample;

typedef struct
{
  GMainLoop *loop;
  UnknotSession *session;

  GArray *deadlines; /* gint64, of every cue that has an earcon; main thread */

  GMutex lock; /* guards handoffs: written on the streaming thread */
  GArray *handoffs;

  gint64 naive_start;
  guint naive_count;
  gboolean naive_stop;
  GArray *naive; /* Sample */

  char *problem;
  gboolean finished;
} Bench;

/* The cues that sound as an earcon (see unknot-session-sound.c). */
static gboolean
cue_has_earcon (UnknotCue cue)
{
  switch (cue)
    {
    case UNKNOT_CUE_TICK:
    case UNKNOT_CUE_STEP_START:
    case UNKNOT_CUE_HALFWAY:
    case UNKNOT_CUE_LAST_SECONDS:
    case UNKNOT_CUE_STEP_END:
    case UNKNOT_CUE_SWITCH_SIDE:
    case UNKNOT_CUE_REST:
    case UNKNOT_CUE_DONE:
      return TRUE;
    case UNKNOT_CUE_GET_READY:
    case UNKNOT_CUE_TEN_SECONDS:
    case UNKNOT_N_CUES:
    default:
      return FALSE;
    }
}

/* A routine of short steps, one in three on both sides, lasting about @minutes. */
static UnknotRoutine *
make_routine (guint minutes, GError **error)
{
  g_autoptr (GString) text = g_string_new ("[Routine]\nFormat=1\nId=bench\nName=Bench\n"
                                           "Summary=Short steps for the cue timing benchmark.\n"
                                           "Helps=recovery;\n");
  g_autoptr (GBytes) bytes = NULL;
  static const char *const sides[] = { "both", "left", "right" };
  gint64 total = GET_READY_SECONDS;
  guint n = 0;
  gsize len;

  while (total < (gint64) minutes * 60 && n < MAX_STEPS)
    {
      const char *side = sides[n % G_N_ELEMENTS (sides)];

      if (n > 0)
        total += REST_SECONDS;
      total +=
        g_str_equal (side, "both") ? 2 * STEP_SECONDS + UNKNOT_SWITCH_SIDE_SECONDS : STEP_SECONDS;
      n++;
      g_string_append_printf (text,
                              "[Step %u]\nName=Step %u\nTarget=gluteus-maximus\n"
                              "Tool=foam-roller\nSide=%s\nTechnique=roll\nDuration=%d\n"
                              "Instruction=Roll.\n",
                              n, n, side, STEP_SECONDS);
    }

  if (total < (gint64) minutes * 60)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "%u minutes do not fit in %u steps of %d s", minutes, MAX_STEPS, STEP_SECONDS);
      return NULL;
    }

  len = text->len;
  bytes = g_bytes_new_take (g_string_free (g_steal_pointer (&text), FALSE), len);
  return unknot_routine_new_from_bytes (bytes, "bench.routine", error);
}

/* On the streaming thread. */
static void
handoff_cb (GstElement *sink, GstBuffer *buffer, GstPad *pad, Bench *bench)
{
  gint64 now = g_get_monotonic_time ();
  g_autoptr (GstEvent) event = gst_pad_get_sticky_event (pad, GST_EVENT_SEGMENT, 0);
  const GstSegment *segment = NULL;
  GstClockTime running_time = GST_BUFFER_PTS (buffer);
  GstClockTime base_time = gst_element_get_base_time (sink);
  Handoff handoff;

  if (event != NULL)
    {
      gst_event_parse_segment (event, &segment);
      running_time = gst_segment_to_running_time (segment, GST_FORMAT_TIME, running_time);
    }
  if (!GST_CLOCK_TIME_IS_VALID (running_time))
    return;

  handoff.scheduled_us = (gint64) ((base_time + running_time) / GST_USECOND);
  handoff.arrival_us = now;
  g_mutex_lock (&bench->lock);
  g_array_append_val (bench->handoffs, handoff);
  g_mutex_unlock (&bench->lock);
}

static void
cue_cb (UnknotSession *session, int cue, guint step_index, int side, gint64 deadline, Bench *bench)
{
  if (cue_has_earcon (cue))
    g_array_append_val (bench->deadlines, deadline);
}

static void
problem_cb (UnknotCuePlayer *player, const char *message, Bench *bench)
{
  if (bench->problem == NULL)
    bench->problem = g_strdup (message);
  g_main_loop_quit (bench->loop);
}

/* The baseline: each tick adds the next one, a second from now. */
static gboolean
naive_tick_cb (gpointer user_data)
{
  Bench *bench = user_data;
  gint64 now = g_get_monotonic_time ();
  Sample sample;

  bench->naive_count++;
  sample.ideal_us = bench->naive_start + bench->naive_count * S;
  sample.error_us = now - sample.ideal_us;
  g_array_append_val (bench->naive, sample);

  if (!bench->naive_stop)
    g_timeout_add_seconds (1, naive_tick_cb, bench);
  return G_SOURCE_REMOVE;
}

static gboolean
drained_cb (gpointer user_data)
{
  Bench *bench = user_data;

  g_main_loop_quit (bench->loop);
  return G_SOURCE_REMOVE;
}

static void
finished_cb (UnknotSession *session, gboolean completed, Bench *bench)
{
  bench->finished = completed;
  bench->naive_stop = TRUE;
  g_timeout_add_seconds (DRAIN_SECONDS, drained_cb, bench);
}

static int
compare_int64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Nearest-rank percentile of |error| over the samples whose ideal time is in
 * [@from, @to); FALSE when there are none. */
static gboolean
percentiles (GArray *samples, gint64 from, gint64 to, double *median_ms, double *p99_ms)
{
  g_autoptr (GArray) errors = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < samples->len; i++)
    {
      const Sample *sample = &g_array_index (samples, Sample, i);
      gint64 error = ABS (sample->error_us);

      if (sample->ideal_us >= from && sample->ideal_us < to)
        g_array_append_val (errors, error);
    }
  if (errors->len == 0)
    return FALSE;

  g_array_sort (errors, compare_int64);
  *median_ms = g_array_index (errors, gint64, (errors->len - 1) / 2) / 1000.0;
  *p99_ms =
    g_array_index (errors, gint64, MIN (errors->len - 1, (errors->len * 99 + 99) / 100 - 1)) /
    1000.0;
  return TRUE;
}

static gboolean
report (const char *name, GArray *earcons, GArray *naive, gint64 from, gint64 to)
{
  double median, p99, baseline, baseline_p99;

  if (!percentiles (earcons, from, to, &median, &p99) ||
      !percentiles (naive, from, to, &baseline, &baseline_p99))
    {
      g_printerr ("%s: nothing measured\n", name);
      return FALSE;
    }

  g_print ("bench: %s median=%.3fms p99=%.3fms baseline=%.3fms ratio=%.4f\n", name, median, p99,
           baseline, baseline > 0 ? median / baseline : 0.0);
  g_print ("# %s: naive countdown p99=%.3fms\n", name, baseline_p99);
  return TRUE;
}

/* Each earcon's deadline with the handoff of its first sample: the buffer scheduled
 * nearest to it.  The player may place a sound later than its deadline (an overlap, or
 * a deadline too close): the error then says so. */
static GArray *
match_earcons (Bench *bench, guint *n_missing, guint *n_moved)
{
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (Sample));

  *n_missing = 0;
  *n_moved = 0;
  g_mutex_lock (&bench->lock);
  for (guint i = 0; i < bench->deadlines->len; i++)
    {
      gint64 deadline = g_array_index (bench->deadlines, gint64, i);
      const Handoff *best = NULL;

      for (guint j = 0; j < bench->handoffs->len; j++)
        {
          const Handoff *handoff = &g_array_index (bench->handoffs, Handoff, j);

          if (handoff->scheduled_us >= deadline - MATCH_WINDOW &&
              handoff->scheduled_us < deadline + MATCH_WINDOW &&
              (best == NULL ||
               ABS (handoff->scheduled_us - deadline) < ABS (best->scheduled_us - deadline)))
            best = handoff;
        }

      if (best == NULL)
        {
          (*n_missing)++;
          continue;
        }
      if (ABS (best->scheduled_us - deadline) > 1000)
        (*n_moved)++;

      g_array_append_val (samples, ((Sample){ deadline, best->arrival_us - deadline }));
    }
  g_mutex_unlock (&bench->lock);
  return samples;
}

static void
print_counts (const char *name, GArray *samples, GArray *naive, gint64 from, gint64 to)
{
  guint n = 0, m = 0;

  for (guint i = 0; i < samples->len; i++)
    n += g_array_index (samples, Sample, i).ideal_us >= from &&
         g_array_index (samples, Sample, i).ideal_us < to;
  for (guint i = 0; i < naive->len; i++)
    m += g_array_index (naive, Sample, i).ideal_us >= from &&
         g_array_index (naive, Sample, i).ideal_us < to;
  g_print ("# %s: %u earcons, %u naive ticks\n", name, n, m);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (UnknotRoutine) routine = NULL;
  g_autoptr (UnknotClock) clock = NULL;
  g_autoptr (UnknotCuePlayer) player = NULL;
  g_autoptr (UnknotSessionSound) sound = NULL;
  g_autoptr (GstElement) sink = NULL;
  g_autoptr (GArray) earcons = NULL;
  Bench bench = { 0 };
  const char *minutes_env = g_getenv ("UNKNOT_BENCH_MINUTES");
  guint64 minutes = 5;
  guint n_missing, n_moved, total;
  gint64 first, last;
  gint64 min_error = G_MAXINT64, max_error = G_MININT64;
  gboolean ok = TRUE;

  setlocale (LC_ALL, "");
  gst_init (&argc, &argv);

  if (minutes_env != NULL && *minutes_env != '\0' &&
      (!g_ascii_string_to_unsigned (minutes_env, 10, 1, 19, &minutes, &error)))
    {
      g_printerr ("UNKNOT_BENCH_MINUTES: %s\n", error->message);
      return 2;
    }

  routine = make_routine ((guint) minutes, &error);
  if (routine == NULL)
    {
      g_printerr ("Could not make the routine: %s\n", error->message);
      return 2;
    }

  bench.loop = g_main_loop_new (NULL, FALSE);
  bench.deadlines = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.handoffs = g_array_new (FALSE, FALSE, sizeof (Handoff));
  bench.naive = g_array_new (FALSE, FALSE, sizeof (Sample));
  g_mutex_init (&bench.lock);

  clock = unknot_system_clock_new ();
  bench.session = unknot_session_new (routine, clock, GET_READY_SECONDS, REST_SECONDS);
  player = unknot_cue_player_new (SINK_DESCRIPTION);
  g_signal_connect (player, "problem", G_CALLBACK (problem_cb), &bench);
  if (!unknot_cue_player_prepare (player, &error))
    {
      g_printerr ("The cue player cannot play: %s\n", error->message);
      return 1;
    }
  if (!unknot_cue_player_get_live (player))
    {
      g_printerr ("The cue player does not see “%s” as a live output\n", SINK_DESCRIPTION);
      return 1;
    }
  sink = gst_bin_get_by_name (GST_BIN (unknot_cue_player_get_pipeline (player)), SINK_NAME);
  if (sink == NULL)
    {
      g_printerr ("No element “%s” in the cue player's pipeline\n", SINK_NAME);
      return 1;
    }
  g_signal_connect (sink, "handoff", G_CALLBACK (handoff_cb), &bench);

  /* Earcons only: a voice would add its own buffers (and depends on the build). */
  sound = unknot_session_sound_new (player, NULL);
  /* Connected before the sound, so a deadline is recorded before its sound is queued. */
  g_signal_connect (bench.session, "cue", G_CALLBACK (cue_cb), &bench);
  g_signal_connect (bench.session, "finished", G_CALLBACK (finished_cb), &bench);
  unknot_session_sound_set_session (sound, bench.session);

  total = unknot_routine_get_total_seconds (routine, REST_SECONDS);
  g_printerr ("cue-timing: a routine of %u steps, %u:%02u of real time\n",
              unknot_routine_get_n_steps (routine), total / 60, total % 60);

  unknot_session_start (bench.session);
  bench.naive_start = g_get_monotonic_time ();
  g_timeout_add_seconds (1, naive_tick_cb, &bench);
  g_main_loop_run (bench.loop);

  if (bench.problem != NULL)
    {
      g_printerr ("The cue player failed: %s\n", bench.problem);
      return 1;
    }
  if (!bench.finished)
    {
      g_printerr ("The routine did not finish\n");
      return 1;
    }

  unknot_session_sound_set_session (sound, NULL);
  g_signal_handlers_disconnect_by_data (sink, &bench);

  earcons = match_earcons (&bench, &n_missing, &n_moved);
  if (earcons->len == 0)
    {
      g_printerr ("No earcon reached the sink (%u handoffs)\n", bench.handoffs->len);
      return 1;
    }

  first = g_array_index (earcons, Sample, 0).ideal_us;
  last = g_array_index (earcons, Sample, earcons->len - 1).ideal_us;
  g_print ("# %u earcons scheduled, %u reached the sink, %u missing, %u placed off their "
           "deadline by the player; %u handoffs; %u naive ticks\n",
           bench.deadlines->len, earcons->len, n_missing, n_moved, bench.handoffs->len,
           bench.naive->len);

  for (guint i = 0; i < earcons->len; i++)
    {
      gint64 error_us = g_array_index (earcons, Sample, i).error_us;

      min_error = MIN (min_error, error_us);
      max_error = MAX (max_error, error_us);
    }
  g_print ("# signed earcon error (late > 0): min=%.3fms max=%.3fms\n", min_error / 1000.0,
           max_error / 1000.0);

  ok &= report ("cue-timing", earcons, bench.naive, G_MININT64, G_MAXINT64);
  ok &= report ("cue-timing-first-minute", earcons, bench.naive, first, first + MINUTE);
  ok &= report ("cue-timing-last-minute", earcons, bench.naive, last + 1 - MINUTE, last + 1);
  print_counts ("first-minute", earcons, bench.naive, first, first + MINUTE);
  print_counts ("last-minute", earcons, bench.naive, last + 1 - MINUTE, last + 1);

  g_clear_object (&bench.session);
  g_clear_pointer (&bench.loop, g_main_loop_unref);
  g_array_unref (bench.deadlines);
  g_array_unref (bench.handoffs);
  g_array_unref (bench.naive);
  g_mutex_clear (&bench.lock);
  g_free (bench.problem);

  return ok ? 0 : 1;
}
