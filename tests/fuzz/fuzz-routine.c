/* fuzz-routine.c: the routine parser, unknot_routine_new_from_bytes()
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes give either a routine inside the format's limits or an error a person
 * can read; never a crash, a warning or a critical.
 */

#include "config.h"

#include "unknot-fuzz.h"
#include "unknot-routine.h"

static void
check_routine (UnknotRoutine *routine)
{
  guint n_steps = unknot_routine_get_n_steps (routine);
  guint work = 0;
  g_autofree char *duration = NULL;
  g_autofree char *approximate = NULL;

  unknot_fuzz_check_text (unknot_routine_get_id (routine));
  unknot_fuzz_check_text (unknot_routine_get_name (routine));
  unknot_fuzz_check_text (unknot_routine_get_summary (routine));
  if (unknot_routine_get_safety (routine) != NULL)
    unknot_fuzz_check_text (unknot_routine_get_safety (routine));
  g_assert_cmpstr (unknot_routine_get_source_name (routine), ==, "fuzz.routine");

  g_assert_cmpuint (n_steps, >=, 1);
  g_assert_cmpuint (n_steps, <=, UNKNOT_ROUTINE_MAX_STEPS);
  for (guint i = 0; i < n_steps; i++)
    {
      const UnknotStep *step = unknot_routine_get_step (routine, i);

      unknot_fuzz_check_text (step->name);
      unknot_fuzz_check_text (step->instruction);
      if (step->spoken != NULL)
        unknot_fuzz_check_text (step->spoken);
      g_assert_cmpint (step->target, <, UNKNOT_N_TARGETS);
      g_assert_cmpint (step->tool, <, UNKNOT_N_TOOLS);
      g_assert_cmpint (step->side, <, UNKNOT_N_SIDES);
      g_assert_cmpint (step->technique, <, UNKNOT_N_TECHNIQUES);
      g_assert_cmpuint (step->duration_seconds, >=, UNKNOT_ROUTINE_MIN_STEP_SECONDS);
      g_assert_cmpuint (step->duration_seconds, <=, UNKNOT_ROUTINE_MAX_STEP_SECONDS);
      g_assert_true (unknot_routine_works_target (routine, step->target));
      g_assert_true (unknot_routine_uses_tool (routine, step->tool));
      work += step->duration_seconds * unknot_step_get_n_sides (step);
    }
  g_assert_cmpuint (unknot_routine_get_work_seconds (routine), ==, work);
  g_assert_cmpuint (unknot_routine_get_total_seconds (routine, 0), >=, work);
  g_assert_cmpuint (unknot_routine_get_total_seconds (routine, 60), >=,
                    unknot_routine_get_total_seconds (routine, 0));
  for (guint p = 0; p < UNKNOT_N_PROBLEMS; p++)
    unknot_routine_helps (routine, p);

  duration = unknot_format_duration (unknot_routine_get_total_seconds (routine, 60));
  approximate = unknot_format_approximate_duration (unknot_routine_get_total_seconds (routine, 60));
  unknot_fuzz_check_text (duration);
  unknot_fuzz_check_text (approximate);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (UnknotRoutine) routine = NULL;

  unknot_fuzz_init ();

  bytes = g_bytes_new (data, size);
  routine = unknot_routine_new_from_bytes (bytes, "fuzz.routine", &error);
  if (routine == NULL)
    {
      unknot_fuzz_check_error (error, UNKNOT_ROUTINE_ERROR);
      /* Listed on the Routines page and printed by --validate-routine: one line. */
      unknot_fuzz_check_line (error->message);
    }
  else
    check_routine (routine);
  return 0;
}
