/* bench-soak.c: memory over many routines in a row, on the fake clock and in real time
 *
 * Two runs, each in this one process, each with one cue player, one voice and one
 * UnknotSessionSound kept for the whole run, as the app keeps them; every routine is
 * parsed again and gets its own UnknotSession:
 *
 * - fake-clock: UNKNOT_SOAK_ROUTINES (default 500) routines back to back on an
 *   UnknotFakeClock, with the whole sound path writing as fast as it can into a
 *   "fakesink sync=false" (file mode: the player fills every gap with silence);
 * - real-time: UNKNOT_SOAK_REAL_ROUTINES (default 50) routines on the system clock in a
 *   GMainLoop, through the real cue pipeline into a "fakesink sync=true", which plays
 *   every buffer at its time and throws it away.
 *
 * The routine: a 2 s count-in, 5 s on the left, 5 s on the right (12 s).  Both runs
 * speak (espeak-ng) when the build has a voice.
 *
 * Memory after each routine: RSS (/proc/self/statm) and the bytes malloc has handed
 * out in every arena (malloc_info: system − free + mmap).  The baseline is taken after
 * the first routine of a run, once GStreamer, its plugins and the voice are loaded.
 * Per figure one line "bench: NAME median=… p99=… baseline=… ratio=…": median is the
 * median over the last tenth of the routines (where the run ends), p99 over all of
 * them, ratio = median / baseline.  The goal is growth under 1 MB; the "# …" lines
 * say the growth.  Exits 0 when it measured, non-zero when it could not.
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <gst/gst.h>

#include "unknot-cue-player.h"
#include "unknot-fake-clock.h"
#include "unknot-routine.h"
#include "unknot-session-sound.h"
#include "unknot-session.h"
#include "unknot-system-clock.h"
#include "unknot-voice.h"

#define S ((gint64) G_USEC_PER_SEC)
#define GET_READY_SECONDS 2
#define REST_SECONDS 0
#define GOAL_BYTES (1024 * 1024)

static const char routine_text[] =
  "[Routine]\nFormat=1\nId=soak\nName=Soak\nSummary=Short steps for the soak test.\n"
  "Helps=recovery;\n"
  "[Step 1]\nName=Roll\nTarget=gluteus-maximus\nTool=foam-roller\nSide=left\nTechnique=roll\n"
  "Duration=5\nInstruction=Roll.\nSpoken=Roller under the buttock.\n"
  "[Step 2]\nName=Ball\nTarget=piriformis\nTool=massage-ball\nSide=right\nTechnique=hold\n"
  "Duration=5\nInstruction=Hold.\n";

typedef struct
{
  gint64 rss;
  gint64 heap;
  gint64 arenas; /* malloc arenas: one per thread that ever allocated, up to 8 per core */
} Memory;

typedef struct
{
  GMainLoop *loop;
  guint n_cues;
  char *problem;
} Run;

static gboolean
read_rss (gint64 *rss)
{
  g_autofree char *contents = NULL;
  guint64 size_pages, resident_pages;

  if (!g_file_get_contents ("/proc/self/statm", &contents, NULL, NULL) ||
      sscanf (contents, "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT, &size_pages, &resident_pages) !=
        2)
    return FALSE;
  *rss = (gint64) resident_pages * sysconf (_SC_PAGESIZE);
  return TRUE;
}

/* Bytes in use in every arena, from the totals at the end of malloc_info's report,
 * and how many arenas there are. */
static gboolean
read_heap (gint64 *heap, gint64 *arenas)
{
  g_autofree char *xml = NULL;
  size_t length = 0;
  FILE *stream = open_memstream (&xml, &length);
  const char *totals;
  const char *p;
  gint64 fast = -1, rest = -1, mmapped = -1, current = -1;

  if (stream == NULL)
    return FALSE;
  if (malloc_info (0, stream) != 0)
    {
      fclose (stream);
      return FALSE;
    }
  fclose (stream);

  totals = g_strrstr (xml, "</heap>");
  totals = totals != NULL ? totals : xml;
  if ((p = strstr (totals, "<total type=\"fast\"")) != NULL)
    sscanf (p, "<total type=\"fast\" count=\"%*d\" size=\"%" G_GINT64_FORMAT "\"", &fast);
  if ((p = strstr (totals, "<total type=\"rest\"")) != NULL)
    sscanf (p, "<total type=\"rest\" count=\"%*d\" size=\"%" G_GINT64_FORMAT "\"", &rest);
  if ((p = strstr (totals, "<total type=\"mmap\"")) != NULL)
    sscanf (p, "<total type=\"mmap\" count=\"%*d\" size=\"%" G_GINT64_FORMAT "\"", &mmapped);
  if ((p = strstr (totals, "<system type=\"current\"")) != NULL)
    sscanf (p, "<system type=\"current\" size=\"%" G_GINT64_FORMAT "\"", &current);
  if (fast < 0 || rest < 0 || mmapped < 0 || current < 0)
    return FALSE;

  *heap = current - fast - rest + mmapped;
  *arenas = 0;
  for (p = strstr (xml, "<heap nr="); p != NULL; p = strstr (p + 1, "<heap nr="))
    (*arenas)++;
  return TRUE;
}

static gboolean
sample (GArray *samples)
{
  Memory memory;

  if (!read_rss (&memory.rss) || !read_heap (&memory.heap, &memory.arenas))
    return FALSE;
  g_array_append_val (samples, memory);
  return TRUE;
}

static UnknotRoutine *
parse_routine (void)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (routine_text, strlen (routine_text));
  g_autoptr (GError) error = NULL;
  UnknotRoutine *routine = unknot_routine_new_from_bytes (bytes, "soak.routine", &error);

  if (routine == NULL)
    g_error ("The soak routine does not parse: %s", error->message);
  return routine;
}

static void
cue_cb (UnknotSession *session, int cue, guint step, int side, gint64 deadline, Run *run)
{
  run->n_cues++;
}

static void
finished_cb (UnknotSession *session, gboolean completed, Run *run)
{
  if (run->loop != NULL)
    g_main_loop_quit (run->loop);
}

static void
problem_cb (UnknotCuePlayer *player, const char *message, Run *run)
{
  if (run->problem == NULL)
    run->problem = g_strdup (message);
}

static gboolean
lines_ready (UnknotSessionSound *sound)
{
  gboolean ready;

  g_object_get (sound, "lines-ready", &ready, NULL);
  return ready;
}

static void
iterate_pending (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A routine has run: detached from the sound once it is done, else said (@how: "on
 * the fake clock", "in real time"). */
static gboolean
end_run (UnknotSession *session, UnknotSessionSound *sound, const char *how)
{
  if (unknot_session_get_state (session) != UNKNOT_SESSION_STATE_DONE)
    {
      g_printerr ("soak: a routine %s did not finish\n", how);
      return FALSE;
    }
  unknot_session_sound_set_session (sound, NULL);
  iterate_pending ();
  return TRUE;
}

/* One routine on the fake clock: wait for its lines, run it to the end at once. */
static gboolean
run_fake (Run *run, UnknotClock *clock, UnknotSessionSound *sound)
{
  g_autoptr (UnknotRoutine) routine = parse_routine ();
  g_autoptr (UnknotSession) session =
    unknot_session_new (routine, clock, GET_READY_SECONDS, REST_SECONDS);
  gint64 give_up = g_get_monotonic_time () + 30 * S;
  guint total = unknot_routine_get_total_seconds (routine, REST_SECONDS) + GET_READY_SECONDS;

  g_signal_connect (session, "cue", G_CALLBACK (cue_cb), run);
  unknot_session_sound_set_session (sound, session);
  while (!lines_ready (sound) && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);

  unknot_session_start (session);
  unknot_fake_clock_advance (UNKNOT_FAKE_CLOCK (clock), (total + 2) * S);
  return end_run (session, sound, "on the fake clock");
}

/* One routine in real time, through the main loop. */
static gboolean
run_real (Run *run, UnknotClock *clock, UnknotSessionSound *sound)
{
  g_autoptr (UnknotRoutine) routine = parse_routine ();
  g_autoptr (UnknotSession) session =
    unknot_session_new (routine, clock, GET_READY_SECONDS, REST_SECONDS);

  g_signal_connect (session, "cue", G_CALLBACK (cue_cb), run);
  g_signal_connect (session, "finished", G_CALLBACK (finished_cb), run);
  unknot_session_sound_set_session (sound, session);
  unknot_session_start (session);
  g_main_loop_run (run->loop);
  return end_run (session, sound, "in real time");
}

static int
compare_int64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Median of the last tenth, p99 of all, and the baseline (after the first routine). */
static void
report_figure (const char *name, GArray *samples, gsize offset)
{
  guint n = samples->len;
  guint tail = MAX (n / 10, 1);
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) last = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 baseline = G_STRUCT_MEMBER (gint64, &g_array_index (samples, Memory, 0), offset);
  gint64 median, p99;

  for (guint i = 0; i < n; i++)
    {
      gint64 value = G_STRUCT_MEMBER (gint64, &g_array_index (samples, Memory, i), offset);

      g_array_append_val (all, value);
      if (i >= n - tail)
        g_array_append_val (last, value);
    }
  g_array_sort (all, compare_int64);
  g_array_sort (last, compare_int64);
  median = g_array_index (last, gint64, (last->len - 1) / 2);
  p99 = g_array_index (all, gint64, MIN (n - 1, (n * 99 + 99) / 100 - 1));

  g_print ("bench: %s median=%.1fkB p99=%.1fkB baseline=%.1fkB ratio=%.4f\n", name, median / 1024.0,
           p99 / 1024.0, baseline / 1024.0, baseline > 0 ? (double) median / baseline : 0.0);
  g_print ("# %s: growth %+.1f kB over %u routines (goal: under %d kB)%s\n", name,
           (median - baseline) / 1024.0, n, GOAL_BYTES / 1024,
           median - baseline < GOAL_BYTES ? "" : ": OVER THE GOAL");
}

static void
report (const char *run_name, GArray *samples)
{
  g_autofree char *heap = g_strdup_printf ("soak-%s-heap", run_name);
  g_autofree char *rss = g_strdup_printf ("soak-%s-rss", run_name);

  report_figure (heap, samples, G_STRUCT_OFFSET (Memory, heap));
  report_figure (rss, samples, G_STRUCT_OFFSET (Memory, rss));
}

static guint64
count_from_env (const char *name, guint64 fallback)
{
  const char *text = g_getenv (name);
  g_autoptr (GError) error = NULL;
  guint64 value;

  if (text == NULL || *text == '\0')
    return fallback;
  if (!g_ascii_string_to_unsigned (text, 10, 2, 100000, &value, &error))
    {
      g_printerr ("%s: %s\n", name, error->message);
      exit (2);
    }
  return value;
}

typedef gboolean (*RunOne) (Run *run, UnknotClock *clock, UnknotSessionSound *sound);

static gboolean
soak (const char *name, guint n_routines, UnknotClock *clock, const char *sink, RunOne run_one)
{
  g_autoptr (UnknotCuePlayer) player = unknot_cue_player_new (sink);
  g_autoptr (UnknotVoice) voice = unknot_voice_new ();
  g_autoptr (UnknotSessionSound) sound = NULL;
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (Memory));
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Run run = { loop, 0, NULL };
  gint64 start = g_get_monotonic_time ();
  gboolean ok = TRUE;
  Memory before;

  if (!read_rss (&before.rss) || !read_heap (&before.heap, &before.arenas))
    {
      g_printerr ("soak: cannot read this process's memory\n");
      return FALSE;
    }

  g_signal_connect (player, "problem", G_CALLBACK (problem_cb), &run);
  sound = unknot_session_sound_new (player, voice);
  g_printerr ("soak %s: %u routines, voice %s\n", name, n_routines,
              unknot_voice_get_available (voice) ? "on" : "off");

  for (guint i = 0; ok && i < n_routines; i++)
    {
      ok = run_one (&run, clock, sound) && sample (samples);
      /* The way there, in ten steps. */
      if (ok && (i + 1) % MAX (n_routines / 10, 1) == 0)
        g_print ("# soak-%s: after %u routines: heap %.1f kB, rss %.1f kB, %" G_GINT64_FORMAT
                 " malloc arenas\n",
                 name, i + 1, g_array_index (samples, Memory, i).heap / 1024.0,
                 g_array_index (samples, Memory, i).rss / 1024.0,
                 g_array_index (samples, Memory, i).arenas);
    }

  if (run.problem != NULL)
    {
      g_printerr ("soak %s: the cue player failed: %s\n", name, run.problem);
      ok = FALSE;
    }
  if (ok)
    {
      g_print ("# soak-%s: %u routines, %u cues, %.1f s; before the first routine: heap "
               "%.1f kB, rss %.1f kB, %" G_GINT64_FORMAT " malloc arenas\n",
               name, n_routines, run.n_cues, (g_get_monotonic_time () - start) / (double) S,
               before.heap / 1024.0, before.rss / 1024.0, before.arenas);
      report (name, samples);
    }
  g_free (run.problem);
  return ok;
}

int
main (int argc, char *argv[])
{
  g_autoptr (UnknotClock) fake_clock = NULL;
  g_autoptr (UnknotClock) system_clock = NULL;
  guint n_fake = count_from_env ("UNKNOT_SOAK_ROUTINES", 500);
  guint n_real = count_from_env ("UNKNOT_SOAK_REAL_ROUTINES", 50);

  setlocale (LC_ALL, "");
  gst_init (&argc, &argv);

  fake_clock = unknot_fake_clock_new (1000 * S);
  if (!soak ("fake-clock", n_fake, fake_clock, "fakesink sync=false", run_fake))
    return 1;

  system_clock = unknot_system_clock_new ();
  if (!soak ("real-time", n_real, system_clock, "fakesink sync=true", run_real))
    return 1;

  return 0;
}
