/* test-content.c: the built-in routines stay inside the evidence
 *
 * The ranges come from the sources behind the content (see the About window):
 * foam rolling 30–120 s per set, 1–3 sets per muscle; a ball held 30–60 s; about 90 s
 * per muscle as a floor for pain relief; warm-ups may be shorter.
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "unknot-routine.h"
#include "unknot-routine-library.h"
#include "unknot-vocabulary.h"

static UnknotRoutineLibrary *
load_builtin (void)
{
  UnknotRoutineLibrary *library = unknot_routine_library_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (unknot_routine_library_load_builtin (library, &error));
  g_assert_no_error (error);
  return library;
}

static gboolean
is_warm_up_only (UnknotRoutine *routine)
{
  for (guint problem = 0; problem < UNKNOT_N_PROBLEMS; problem++)
    if (problem != UNKNOT_PROBLEM_WARM_UP && unknot_routine_helps (routine, problem))
      return FALSE;
  return TRUE;
}

static void
test_doses (void)
{
  g_autoptr (UnknotRoutineLibrary) library = load_builtin ();

  for (guint r = 0; r < unknot_routine_library_get_n_routines (library); r++)
    {
      UnknotRoutine *routine = unknot_routine_library_get_routine (library, r);
      guint seconds[UNKNOT_N_TARGETS][2] = { { 0 } };
      guint sets[UNKNOT_N_TARGETS] = { 0 };
      guint work = unknot_routine_get_work_seconds (routine);
      guint floor_seconds = is_warm_up_only (routine) ? 30 : 90;

      g_test_message ("%s", unknot_routine_get_id (routine));

      for (guint i = 0; i < unknot_routine_get_n_steps (routine); i++)
        {
          const UnknotStep *step = unknot_routine_get_step (routine, i);

          switch (step->tool)
            {
            case UNKNOT_TOOL_FOAM_ROLLER:
              g_assert_cmpuint (step->duration_seconds, >=, 30);
              g_assert_cmpuint (step->duration_seconds, <=, 120);
              g_assert_true (step->technique == UNKNOT_TECHNIQUE_ROLL ||
                             step->technique == UNKNOT_TECHNIQUE_CROSS_FIBER);
              break;
            case UNKNOT_TOOL_MASSAGE_BALL:
              g_assert_cmpuint (step->duration_seconds, >=, 30);
              g_assert_cmpuint (step->duration_seconds, <=, 60);
              g_assert_true (step->technique != UNKNOT_TECHNIQUE_ROLL);
              break;
            case UNKNOT_TOOL_NONE:
            case UNKNOT_N_TOOLS:
            default:
              g_error ("%s step %u: built-in routines use a roller or a ball",
                       unknot_routine_get_id (routine), i + 1);
            }

          sets[step->target]++;
          if (step->side != UNKNOT_SIDE_RIGHT)
            seconds[step->target][0] += step->duration_seconds;
          if (step->side != UNKNOT_SIDE_LEFT)
            seconds[step->target][1] += step->duration_seconds;
        }

      for (guint target = 0; target < UNKNOT_N_TARGETS; target++)
        {
          if (sets[target] == 0)
            continue;
          g_assert_cmpuint (sets[target], <=, 3);
          /* Both sides get the same work, and enough of it. */
          g_assert_cmpuint (seconds[target][0], ==, seconds[target][1]);
          g_assert_cmpuint (seconds[target][0], >=, floor_seconds);
        }

      g_assert_cmpuint (work, >=, 3 * 60);
      g_assert_cmpuint (work, <=, 20 * 60);
    }
}

static void
test_coverage (void)
{
  g_autoptr (UnknotRoutineLibrary) library = load_builtin ();
  guint n = unknot_routine_library_get_n_routines (library);

  g_assert_cmpuint (n, >=, 10);

  for (guint target = 0; target < UNKNOT_N_TARGETS; target++)
    {
      gboolean found = FALSE;

      for (guint r = 0; r < n && !found; r++)
        found =
          unknot_routine_works_target (unknot_routine_library_get_routine (library, r), target);
      if (!found)
        g_error ("no routine works %s",
                 unknot_vocabulary_get_id (UNKNOT_VOCABULARY_TARGET, target));
    }

  for (guint tool = UNKNOT_TOOL_FOAM_ROLLER; tool < UNKNOT_N_TOOLS; tool++)
    {
      gboolean found = FALSE;

      for (guint r = 0; r < n && !found; r++)
        found = unknot_routine_uses_tool (unknot_routine_library_get_routine (library, r), tool);
      g_assert_true (found);
    }

  for (guint problem = 0; problem < UNKNOT_N_PROBLEMS; problem++)
    {
      guint count = 0;

      for (guint r = 0; r < n; r++)
        count += unknot_routine_helps (unknot_routine_library_get_routine (library, r), problem);
      if (count < 2)
        g_error ("only %u routine(s) help with %s", count,
                 unknot_vocabulary_get_id (UNKNOT_VOCABULARY_PROBLEM, problem));
    }
}

/* Every step says what the voice will say, and nothing names a side: the app does. */
static void
test_texts (void)
{
  g_autoptr (UnknotRoutineLibrary) library = load_builtin ();

  for (guint r = 0; r < unknot_routine_library_get_n_routines (library); r++)
    {
      UnknotRoutine *routine = unknot_routine_library_get_routine (library, r);

      g_assert_nonnull (unknot_routine_get_safety (routine));
      for (guint i = 0; i < unknot_routine_get_n_steps (routine); i++)
        {
          const UnknotStep *step = unknot_routine_get_step (routine, i);

          g_assert_nonnull (step->spoken);
          g_assert_null (strstr (step->spoken, "left"));
          g_assert_null (strstr (step->spoken, "right"));
        }
    }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/content/doses", test_doses);
  g_test_add_func ("/content/coverage", test_coverage);
  g_test_add_func ("/content/texts", test_texts);

  return g_test_run ();
}
