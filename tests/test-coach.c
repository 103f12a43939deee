/* test-coach.c: each of the coach's rules, case by case, on a diary built by hand
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "unknot-coach.h"
#include "unknot-pain-diary.h"
#include "unknot-routine.h"
#include "unknot-routine-library.h"

#define HOUR 3600
#define DAY (24 * HOUR)

#define PROBLEM(p) (1u << UNKNOT_PROBLEM_##p)

static UnknotRoutineLibrary *library;

typedef struct
{
  GSettings *settings;
  UnknotPainDiary *diary;
  gint64 now;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->settings = g_settings_new (APPLICATION_ID);
  g_settings_reset (fixture->settings, "pain-log");
  g_settings_reset (fixture->settings, "intensity-log");
  fixture->diary = unknot_pain_diary_new (fixture->settings);
  fixture->now = g_get_real_time () / G_USEC_PER_SEC;
  g_assert_cmpuint (unknot_pain_diary_get_n_entries (fixture->diary), ==, 0);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->diary);
  g_clear_object (&fixture->settings);
}

static void
add (Fixture *fixture,
     gint64 ago,
     UnknotArea area,
     guint score,
     const char *routine_id,
     UnknotPhase phase)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (unknot_pain_diary_append (fixture->diary, fixture->now - ago, area, score,
                                           routine_id, phase, NULL, &error));
  g_assert_no_error (error);
}

static void
add_check_in (Fixture *fixture, gint64 ago, UnknotArea area, guint score)
{
  add (fixture, ago, area, score, NULL, UNKNOT_PHASE_CHECK_IN);
}

/* A routine done @ago seconds ago, with a score before it and one after. */
static void
add_session (
  Fixture *fixture, gint64 ago, UnknotArea area, const char *routine_id, guint before, guint after)
{
  add (fixture, ago + 15 * 60, area, before, routine_id, UNKNOT_PHASE_BEFORE);
  add (fixture, ago, area, after, routine_id, UNKNOT_PHASE_AFTER);
}

static UnknotSuggestion *
suggest (Fixture *fixture, guint problems, const UnknotArea *areas, guint n_areas, gboolean red)
{
  UnknotSuggestion *suggestion =
    unknot_coach_suggest (fixture->diary, library, problems, areas, n_areas, red, fixture->now);

  g_assert_nonnull (suggestion);
  g_assert_nonnull (suggestion->reason);
  g_test_message ("rule %d: %s", suggestion->rule, suggestion->reason);
  return suggestion;
}

static void
assert_routine (const UnknotSuggestion *suggestion, UnknotCoachRule rule, const char *routine_id)
{
  g_assert_cmpint (suggestion->rule, ==, rule);
  g_assert_cmpint (suggestion->kind, ==, UNKNOT_SUGGESTION_ROUTINE);
  g_assert_nonnull (suggestion->routine);
  g_assert_cmpstr (unknot_routine_get_id (suggestion->routine), ==, routine_id);
}

static void
assert_professional (const UnknotSuggestion *suggestion, UnknotCoachRule rule, UnknotArea area)
{
  g_assert_cmpint (suggestion->rule, ==, rule);
  g_assert_cmpint (suggestion->kind, ==, UNKNOT_SUGGESTION_SEE_PROFESSIONAL);
  g_assert_null (suggestion->routine);
  g_assert_null (suggestion->encouragement);
  g_assert_cmpint (suggestion->area, ==, area);
  g_assert_true (g_str_has_suffix (suggestion->reason,
                                   "see a doctor or physiotherapist rather than rolling more."));
}

/* (a) Red flags win over everything, even a routine that helped. */
static void
test_red_flags (Fixture *fixture, gconstpointer data)
{
  static const UnknotArea areas[] = { UNKNOT_AREA_LOW_BACK };
  g_autoptr (UnknotSuggestion) suggestion = NULL;

  for (guint i = 0; i < 3; i++)
    add_session (fixture, (i + 1) * DAY, UNKNOT_AREA_LOW_BACK, "glute-release", 6, 2);
  for (guint i = 0; i < 3; i++)
    add_check_in (fixture, (i + 1) * HOUR, UNKNOT_AREA_KNEE_LEFT, 9);

  suggestion = suggest (fixture, PROBLEM (LOW_BACK_PAIN), areas, G_N_ELEMENTS (areas), TRUE);
  g_assert_cmpint (suggestion->kind, ==, UNKNOT_SUGGESTION_RED_FLAG);
  g_assert_cmpint (suggestion->rule, ==, UNKNOT_COACH_RULE_RED_FLAGS);
  g_assert_null (suggestion->routine);
  g_assert_null (suggestion->encouragement);
  g_assert_cmpstr (suggestion->reason, ==,
                   "You said you have one of the signs under Seek Care Now: see a doctor "
                   "straight away, not massage.");

  /* Without the red flag, the same diary says something else. */
  g_clear_pointer (&suggestion, unknot_suggestion_free);
  suggestion = suggest (fixture, PROBLEM (LOW_BACK_PAIN), areas, G_N_ELEMENTS (areas), FALSE);
  g_assert_cmpint (suggestion->kind, !=, UNKNOT_SUGGESTION_RED_FLAG);
}

/* (b) The last three scores of an area within two weeks, all 7 or more. */
static void
test_stays_severe (Fixture *fixture, gconstpointer data)
{
  g_autoptr (UnknotSuggestion) suggestion = NULL;

  /* Older scores do not matter; the last three do, whatever their phase. */
  add_check_in (fixture, 10 * DAY, UNKNOT_AREA_HIP_RIGHT, 2);
  add_check_in (fixture, 5 * DAY, UNKNOT_AREA_HIP_RIGHT, 7);
  add_session (fixture, 3 * DAY, UNKNOT_AREA_HIP_RIGHT, "outer-hip-ball", 9, 8);

  suggestion = suggest (fixture, PROBLEM (HIP_PAIN), NULL, 0, FALSE);
  assert_professional (suggestion, UNKNOT_COACH_RULE_STAYS_SEVERE, UNKNOT_AREA_HIP_RIGHT);
  g_assert_cmpstr (suggestion->reason, ==,
                   "Your right outer hip has stayed at 7 or more out of 10 in your last three "
                   "scores: see a doctor or physiotherapist rather than rolling more.");
}

static void
test_stays_severe_not (Fixture *fixture, gconstpointer data)
{
  g_autoptr (UnknotSuggestion) suggestion = NULL;

  /* Two severe scores are not yet three. */
  add_check_in (fixture, 2 * DAY, UNKNOT_AREA_LOW_BACK, 8);
  add_check_in (fixture, 1 * DAY, UNKNOT_AREA_LOW_BACK, 9);
  suggestion = suggest (fixture, 0, NULL, 0, FALSE);
  g_assert_cmpint (suggestion->rule, !=, UNKNOT_COACH_RULE_STAYS_SEVERE);
  g_clear_pointer (&suggestion, unknot_suggestion_free);

  /* Three, but the first is more than 14 days old. */
  add_check_in (fixture, 15 * DAY, UNKNOT_AREA_KNEE_LEFT, 8);
  add_check_in (fixture, 3 * DAY, UNKNOT_AREA_KNEE_LEFT, 8);
  add_check_in (fixture, 1 * DAY, UNKNOT_AREA_KNEE_LEFT, 8);
  suggestion = suggest (fixture, 0, NULL, 0, FALSE);
  g_assert_cmpint (suggestion->rule, !=, UNKNOT_COACH_RULE_STAYS_SEVERE);
  g_clear_pointer (&suggestion, unknot_suggestion_free);

  /* Three severe, then one at 6: it did not stay severe. */
  add_check_in (fixture, 5 * HOUR, UNKNOT_AREA_LOW_BACK, 7);
  add_check_in (fixture, 1 * HOUR, UNKNOT_AREA_LOW_BACK, 6);
  suggestion = suggest (fixture, 0, NULL, 0, FALSE);
  g_assert_cmpint (suggestion->rule, !=, UNKNOT_COACH_RULE_STAYS_SEVERE);
  g_assert_cmpint (suggestion->kind, ==, UNKNOT_SUGGESTION_ROUTINE);
  g_clear_pointer (&suggestion, unknot_suggestion_free);

  /* Now the knee's third severe score within two weeks. */
  add_check_in (fixture, 10 * 60, UNKNOT_AREA_KNEE_LEFT, 10);
  suggestion = suggest (fixture, 0, NULL, 0, FALSE);
  assert_professional (suggestion, UNKNOT_COACH_RULE_STAYS_SEVERE, UNKNOT_AREA_KNEE_LEFT);
}

/* (c) This week's mean two points or more above last week's. */
static void
test_rising (Fixture *fixture, gconstpointer data)
{
  g_autoptr (UnknotSuggestion) suggestion = NULL;

  add_check_in (fixture, 12 * DAY, UNKNOT_AREA_LEG_LEFT, 3);
  add_check_in (fixture, 9 * DAY, UNKNOT_AREA_LEG_LEFT, 2);
  add_check_in (fixture, 4 * DAY, UNKNOT_AREA_LEG_LEFT, 5);
  add_check_in (fixture, 2 * DAY, UNKNOT_AREA_LEG_LEFT, 6);
  add_check_in (fixture, 1 * DAY, UNKNOT_AREA_LEG_LEFT, 4);

  suggestion = suggest (fixture, PROBLEM (SCIATICA), NULL, 0, FALSE);
  assert_professional (suggestion, UNKNOT_COACH_RULE_RISING, UNKNOT_AREA_LEG_LEFT);
  g_assert_cmpstr (suggestion->reason, ==,
                   "The back of your left leg went up from about 3 to 5 out of 10 over the last "
                   "two weeks: see a doctor or physiotherapist rather than rolling more.");
}

static void
test_rising_not (Fixture *fixture, gconstpointer data)
{
  g_autoptr (UnknotSuggestion) suggestion = NULL;

  /* Up by less than two points: noise, not a trend. */
  add_check_in (fixture, 12 * DAY, UNKNOT_AREA_LOW_BACK, 3);
  add_check_in (fixture, 9 * DAY, UNKNOT_AREA_LOW_BACK, 4);
  add_check_in (fixture, 4 * DAY, UNKNOT_AREA_LOW_BACK, 5);
  add_check_in (fixture, 2 * DAY, UNKNOT_AREA_LOW_BACK, 5);
  suggestion = suggest (fixture, PROBLEM (LOW_BACK_PAIN), NULL, 0, FALSE);
  g_assert_cmpint (suggestion->kind, ==, UNKNOT_SUGGESTION_ROUTINE);
  g_clear_pointer (&suggestion, unknot_suggestion_free);

  /* Only one score last week: too little to call it rising. */
  add_check_in (fixture, 10 * DAY, UNKNOT_AREA_KNEE_RIGHT, 1);
  add_check_in (fixture, 3 * DAY, UNKNOT_AREA_KNEE_RIGHT, 6);
  add_check_in (fixture, 1 * DAY, UNKNOT_AREA_KNEE_RIGHT, 6);
  suggestion = suggest (fixture, PROBLEM (LOW_BACK_PAIN), NULL, 0, FALSE);
  g_assert_cmpint (suggestion->kind, ==, UNKNOT_SUGGESTION_ROUTINE);
  g_clear_pointer (&suggestion, unknot_suggestion_free);

  /* Low scores right after routines last week are relief, not the baseline: the pain
   * before them is what stayed the same. */
  add_session (fixture, 12 * DAY, UNKNOT_AREA_HIP_LEFT, "outer-hip-ball", 5, 1);
  add_session (fixture, 10 * DAY, UNKNOT_AREA_HIP_LEFT, "outer-hip-ball", 5, 1);
  add_check_in (fixture, 3 * DAY, UNKNOT_AREA_HIP_LEFT, 5);
  add_check_in (fixture, 2 * DAY, UNKNOT_AREA_HIP_LEFT, 5);
  suggestion = suggest (fixture, PROBLEM (LOW_BACK_PAIN), NULL, 0, FALSE);
  g_assert_cmpint (suggestion->kind, ==, UNKNOT_SUGGESTION_ROUTINE);
}

/* Staying severe is tried before rising. */
static void
test_severe_before_rising (Fixture *fixture, gconstpointer data)
{
  g_autoptr (UnknotSuggestion) suggestion = NULL;

  add_check_in (fixture, 12 * DAY, UNKNOT_AREA_LOW_BACK, 3);
  add_check_in (fixture, 10 * DAY, UNKNOT_AREA_LOW_BACK, 3);
  add_check_in (fixture, 3 * DAY, UNKNOT_AREA_LOW_BACK, 8);
  add_check_in (fixture, 2 * DAY, UNKNOT_AREA_LOW_BACK, 8);
  add_check_in (fixture, 1 * DAY, UNKNOT_AREA_LOW_BACK, 8);

  suggestion = suggest (fixture, 0, NULL, 0, FALSE);
  assert_professional (suggestion, UNKNOT_COACH_RULE_STAYS_SEVERE, UNKNOT_AREA_LOW_BACK);
}

/* (d) The routine that helped the worst area most, with the numbers. */
static void
test_helped (Fixture *fixture, gconstpointer data)
{
  static const UnknotArea areas[] = { UNKNOT_AREA_LOW_BACK };
  g_autoptr (UnknotSuggestion) suggestion = NULL;

  add_session (fixture, 5 * DAY, UNKNOT_AREA_LOW_BACK, "glute-release", 6, 3);
  add_session (fixture, 3 * DAY, UNKNOT_AREA_LOW_BACK, "glute-release", 7, 4);
  add_session (fixture, 1 * DAY, UNKNOT_AREA_LOW_BACK, "glute-release", 5, 2);
  /* Another routine helped less. */
  add_session (fixture, 2 * DAY, UNKNOT_AREA_LOW_BACK, "desk-day-reset", 6, 5);
  add_session (fixture, 4 * DAY, UNKNOT_AREA_LOW_BACK, "desk-day-reset", 6, 4);
  /* The low back is the area that hurts most now. */
  add_check_in (fixture, 2 * HOUR, UNKNOT_AREA_LOW_BACK, 5);
  add_check_in (fixture, 3 * HOUR, UNKNOT_AREA_KNEE_LEFT, 2);

  suggestion = suggest (fixture, PROBLEM (KNEE_PAIN), areas, G_N_ELEMENTS (areas), FALSE);
  assert_routine (suggestion, UNKNOT_COACH_RULE_HELPED, "glute-release");
  g_assert_cmpint (suggestion->area, ==, UNKNOT_AREA_LOW_BACK);
  g_assert_cmpstr (suggestion->reason, ==,
                   "Your low back went from 6 to 3 after Glute release 3 times this week.");
}

static void
test_helped_wording (Fixture *fixture, gconstpointer data)
{
  g_autoptr (UnknotSuggestion) suggestion = NULL;

  /* Once, this week: said without a count. */
  add_session (fixture, 2 * DAY, UNKNOT_AREA_BUTTOCK_LEFT, "piriformis-ball", 6, 2);
  suggestion = suggest (fixture, 0, NULL, 0, FALSE);
  assert_routine (suggestion, UNKNOT_COACH_RULE_HELPED, "piriformis-ball");
  g_assert_cmpstr (suggestion->reason, ==,
                   "Your left buttock went from 6 to 2 after Piriformis ball release this week.");
  g_clear_pointer (&suggestion, unknot_suggestion_free);

  /* Twice, one of them more than a week ago. */
  add_session (fixture, 10 * DAY, UNKNOT_AREA_BUTTOCK_LEFT, "piriformis-ball", 6, 4);
  suggestion = suggest (fixture, 0, NULL, 0, FALSE);
  assert_routine (suggestion, UNKNOT_COACH_RULE_HELPED, "piriformis-ball");
  g_assert_cmpstr (suggestion->reason, ==,
                   "Your left buttock went from 6 to 3 after Piriformis ball release 2 times in "
                   "the last two weeks.");
}

static void
test_helped_not (Fixture *fixture, gconstpointer data)
{
  g_autoptr (UnknotSuggestion) suggestion = NULL;

  /* From 6 to 5 is not a change a person notices: the stated problem decides. */
  add_session (fixture, 3 * DAY, UNKNOT_AREA_LOW_BACK, "glute-release", 6, 5);
  add_session (fixture, 1 * DAY, UNKNOT_AREA_LOW_BACK, "glute-release", 6, 5);
  suggestion = suggest (fixture, PROBLEM (SCIATICA), NULL, 0, FALSE);
  assert_routine (suggestion, UNKNOT_COACH_RULE_PROBLEM, "sciatica-gentle");
  g_clear_pointer (&suggestion, unknot_suggestion_free);

  /* A routine that helped more than two weeks ago no longer counts. */
  add_session (fixture, 20 * DAY, UNKNOT_AREA_LOW_BACK, "low-back-glutes", 7, 2);
  suggestion = suggest (fixture, PROBLEM (SCIATICA), NULL, 0, FALSE);
  assert_routine (suggestion, UNKNOT_COACH_RULE_PROBLEM, "sciatica-gentle");
  g_clear_pointer (&suggestion, unknot_suggestion_free);

  /* It helped the knee, but the low back hurts more now: no routine has helped that. */
  add_session (fixture, 2 * DAY, UNKNOT_AREA_KNEE_RIGHT, "knee-friendly-hips", 5, 1);
  add_check_in (fixture, 1 * HOUR, UNKNOT_AREA_LOW_BACK, 6);
  suggestion = suggest (fixture, PROBLEM (SCIATICA), NULL, 0, FALSE);
  assert_routine (suggestion, UNKNOT_COACH_RULE_PROBLEM, "sciatica-gentle");
  g_clear_pointer (&suggestion, unknot_suggestion_free);

  /* Once the knee hurts more than the back, the routine that helped it comes back. */
  add_check_in (fixture, 10 * 60, UNKNOT_AREA_KNEE_RIGHT, 7);
  suggestion = suggest (fixture, PROBLEM (SCIATICA), NULL, 0, FALSE);
  assert_routine (suggestion, UNKNOT_COACH_RULE_HELPED, "knee-friendly-hips");
  g_assert_cmpint (suggestion->area, ==, UNKNOT_AREA_KNEE_RIGHT);
}

/* On a tie for the worst area, the one the person named wins. */
static void
test_helped_stated_area (Fixture *fixture, gconstpointer data)
{
  static const UnknotArea areas[] = { UNKNOT_AREA_HIP_LEFT };
  g_autoptr (UnknotSuggestion) suggestion = NULL;

  add_session (fixture, 2 * DAY, UNKNOT_AREA_LOW_BACK, "glute-release", 6, 3);
  add_session (fixture, 2 * DAY, UNKNOT_AREA_HIP_LEFT, "outer-hip-ball", 6, 3);

  suggestion = suggest (fixture, 0, NULL, 0, FALSE);
  assert_routine (suggestion, UNKNOT_COACH_RULE_HELPED, "glute-release");
  g_clear_pointer (&suggestion, unknot_suggestion_free);

  suggestion = suggest (fixture, 0, areas, G_N_ELEMENTS (areas), FALSE);
  assert_routine (suggestion, UNKNOT_COACH_RULE_HELPED, "outer-hip-ball");
  g_assert_cmpint (suggestion->area, ==, UNKNOT_AREA_HIP_LEFT);
}

/* (e) The first stated problem, with why in one sentence. */
static void
test_problem (Fixture *fixture, gconstpointer data)
{
  static const struct
  {
    guint problems;
    const char *routine_id;
    const char *reason;
  } cases[] = {
    { PROBLEM (KNEE_PAIN), "knee-friendly-hips",
      "For knee pain: the outer hip muscles keep your knees from drifting inward." },
    { PROBLEM (LOW_BACK_PAIN), "low-back-glutes", NULL },
    { PROBLEM (SCIATICA), "sciatica-gentle", NULL },
    { PROBLEM (STIFFNESS), "desk-day-reset", NULL },
    { PROBLEM (WARM_UP), "pre-run-warm-up", NULL },
    { PROBLEM (RECOVERY), "post-run-recovery", NULL },
    /* Several: the first in the list of problems. */
    { PROBLEM (RECOVERY) | PROBLEM (SCIATICA), "sciatica-gentle",
      "For sciatica-like pain: a tight piriformis can press on the sciatic nerve that runs "
      "beneath it." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (UnknotSuggestion) suggestion =
        suggest (fixture, cases[i].problems, NULL, 0, FALSE);
      UnknotProblem first = 0;

      assert_routine (suggestion, UNKNOT_COACH_RULE_PROBLEM, cases[i].routine_id);
      while ((cases[i].problems & (1u << first)) == 0)
        first++;
      g_assert_true (unknot_routine_helps (suggestion->routine, first));
      g_assert_true (g_str_has_prefix (suggestion->reason, "For "));
      g_assert_true (g_str_has_suffix (suggestion->reason, "."));
      if (cases[i].reason != NULL)
        g_assert_cmpstr (suggestion->reason, ==, cases[i].reason);
    }
}

/* A routine done in the last day gives way to another for the same problem. */
static void
test_problem_not_again (Fixture *fixture, gconstpointer data)
{
  g_autoptr (UnknotSuggestion) suggestion = NULL;

  add_session (fixture, 3 * HOUR, UNKNOT_AREA_KNEE_LEFT, "knee-friendly-hips", 4, 4);
  suggestion = suggest (fixture, PROBLEM (KNEE_PAIN), NULL, 0, FALSE);
  g_assert_cmpint (suggestion->rule, ==, UNKNOT_COACH_RULE_PROBLEM);
  g_assert_cmpstr (unknot_routine_get_id (suggestion->routine), !=, "knee-friendly-hips");
  g_assert_true (unknot_routine_helps (suggestion->routine, UNKNOT_PROBLEM_KNEE_PAIN));
  g_clear_pointer (&suggestion, unknot_suggestion_free);

  /* When every routine for the problem was done today, the usual one is suggested. */
  add_session (fixture, 2 * HOUR, UNKNOT_AREA_BUTTOCK_RIGHT, "pre-run-warm-up", 2, 2);
  add_session (fixture, 1 * HOUR, UNKNOT_AREA_BUTTOCK_RIGHT, "pre-training-warm-up", 2, 2);
  suggestion = suggest (fixture, PROBLEM (WARM_UP), NULL, 0, FALSE);
  assert_routine (suggestion, UNKNOT_COACH_RULE_PROBLEM, "pre-run-warm-up");
}

/* No problem named, but where it hurts says enough. */
static void
test_problem_from_area (Fixture *fixture, gconstpointer data)
{
  static const UnknotArea knee[] = { UNKNOT_AREA_BUTTOCK_LEFT, UNKNOT_AREA_KNEE_RIGHT };
  static const UnknotArea buttock[] = { UNKNOT_AREA_BUTTOCK_LEFT };
  g_autoptr (UnknotSuggestion) suggestion = NULL;

  suggestion = suggest (fixture, 0, knee, G_N_ELEMENTS (knee), FALSE);
  assert_routine (suggestion, UNKNOT_COACH_RULE_PROBLEM, "knee-friendly-hips");
  g_clear_pointer (&suggestion, unknot_suggestion_free);

  suggestion = suggest (fixture, 0, buttock, G_N_ELEMENTS (buttock), FALSE);
  assert_routine (suggestion, UNKNOT_COACH_RULE_EVERYDAY, "glute-release");
}

/* (f) Nothing stated, nothing in the diary. */
static void
test_everyday (Fixture *fixture, gconstpointer data)
{
  g_autoptr (UnknotSuggestion) suggestion = suggest (fixture, 0, NULL, 0, FALSE);
  g_autoptr (UnknotRoutineLibrary) empty = unknot_routine_library_new ();
  g_autoptr (UnknotSuggestion) nothing = NULL;

  assert_routine (suggestion, UNKNOT_COACH_RULE_EVERYDAY, "glute-release");
  g_assert_cmpint (suggestion->area, ==, UNKNOT_N_AREAS);

  nothing =
    unknot_coach_suggest (fixture->diary, empty, PROBLEM (KNEE_PAIN), NULL, 0, FALSE, fixture->now);
  g_assert_cmpint (nothing->rule, ==, UNKNOT_COACH_RULE_NO_ROUTINE);
  g_assert_null (nothing->routine);
}

/* Programmes of more than four weeks did better: a nudge until the streak is going. */
static void
test_encouragement (Fixture *fixture, gconstpointer data)
{
  g_autoptr (UnknotSuggestion) suggestion = NULL;

  suggestion = suggest (fixture, PROBLEM (STIFFNESS), NULL, 0, FALSE);
  g_assert_cmpstr (suggestion->encouragement, ==,
                   "A few sessions a week for more than four weeks work best.");
  g_clear_pointer (&suggestion, unknot_suggestion_free);

  /* This week and the two before: the streak is going. */
  add_session (fixture, 14 * DAY, UNKNOT_AREA_LOW_BACK, "glute-release", 3, 3);
  add_session (fixture, 7 * DAY, UNKNOT_AREA_LOW_BACK, "glute-release", 3, 3);
  add_session (fixture, 10 * 60, UNKNOT_AREA_LOW_BACK, "glute-release", 3, 3);
  suggestion = suggest (fixture, PROBLEM (STIFFNESS), NULL, 0, FALSE);
  g_assert_cmpint (suggestion->kind, ==, UNKNOT_SUGGESTION_ROUTINE);
  g_assert_null (suggestion->encouragement);
}

static void
test_settings_helpers (void)
{
  const char *problems[] = { "sciatica", "no-such-problem", "knee-pain", NULL };
  const char *areas[] = { "knee-left", "elbow", "low-back", "knee-left", NULL };
  UnknotArea parsed[UNKNOT_N_AREAS];

  g_assert_cmpuint (unknot_coach_problems_from_strv (problems), ==,
                    PROBLEM (SCIATICA) | PROBLEM (KNEE_PAIN));
  g_assert_cmpuint (unknot_coach_problems_from_strv (NULL), ==, 0);
  g_assert_cmpuint (unknot_coach_areas_from_strv (areas, parsed), ==, 2);
  g_assert_cmpint (parsed[0], ==, UNKNOT_AREA_KNEE_LEFT);
  g_assert_cmpint (parsed[1], ==, UNKNOT_AREA_LOW_BACK);
  g_assert_cmpuint (unknot_coach_areas_from_strv (NULL, parsed), ==, 0);
}

static void
test_boxed (Fixture *fixture, gconstpointer data)
{
  g_autoptr (UnknotSuggestion) suggestion = suggest (fixture, PROBLEM (KNEE_PAIN), NULL, 0, FALSE);
  g_autoptr (UnknotSuggestion) copy = g_boxed_copy (UNKNOT_TYPE_SUGGESTION, suggestion);

  g_assert_true (copy->routine == suggestion->routine);
  g_assert_cmpstr (copy->reason, ==, suggestion->reason);
  g_assert_true (copy->reason != suggestion->reason);
  g_assert_cmpstr (copy->encouragement, ==, suggestion->encouragement);
  g_assert_cmpint (copy->rule, ==, suggestion->rule);
}

#define ADD(path, func) \
  g_test_add ("/coach/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  library = unknot_routine_library_new ();
  if (!unknot_routine_library_load_builtin (library, &error))
    g_error ("%s", error->message);

  ADD ("red-flags", test_red_flags);
  ADD ("stays-severe", test_stays_severe);
  ADD ("stays-severe-not", test_stays_severe_not);
  ADD ("rising", test_rising);
  ADD ("rising-not", test_rising_not);
  ADD ("severe-before-rising", test_severe_before_rising);
  ADD ("helped", test_helped);
  ADD ("helped-wording", test_helped_wording);
  ADD ("helped-not", test_helped_not);
  ADD ("helped-stated-area", test_helped_stated_area);
  ADD ("problem", test_problem);
  ADD ("problem-not-again", test_problem_not_again);
  ADD ("problem-from-area", test_problem_from_area);
  ADD ("everyday", test_everyday);
  ADD ("encouragement", test_encouragement);
  ADD ("boxed", test_boxed);
  g_test_add_func ("/coach/settings-helpers", test_settings_helpers);

  status = g_test_run ();
  g_clear_object (&library);
  return status;
}
