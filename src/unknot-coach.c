/* unknot-coach.c: what to do next, from the diary and what the person told us
 *
 * A handful of rules, tried in order; the first that applies gives the suggestion and
 * its reason in one sentence with the numbers it was based on.  Safety comes first: a
 * red flag, or pain that stays severe or keeps rising, sends the person to a
 * professional instead of to more rolling (DESIGN.md, Data and safety rules).
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "unknot-coach.h"
#include "unknot-routine.h"
#include "unknot-routine-library.h"
#include "unknot-vocabulary.h"

#define DAY (24 * 3600)
#define WEEK (7 * DAY)
/* Pain rising: this week's mean this many points above last week's (CONTENT.md: about
 * 2 points is a change a person notices), each week with at least this many scores. */
#define RISE_POINTS 2.0
#define RISE_MIN_SCORES 2
/* "Prefer a routine not done in the last day." */
#define RECENT (24 * 3600)
#define EVERYDAY_ROUTINE "glute-release"

G_DEFINE_BOXED_TYPE (UnknotSuggestion,
                     unknot_suggestion,
                     unknot_suggestion_copy,
                     unknot_suggestion_free)

UnknotSuggestion *
unknot_suggestion_copy (const UnknotSuggestion *suggestion)
{
  UnknotSuggestion *copy;

  g_return_val_if_fail (suggestion != NULL, NULL);

  copy = g_new0 (UnknotSuggestion, 1);
  *copy = *suggestion;
  if (copy->routine != NULL)
    g_object_ref (copy->routine);
  copy->reason = g_strdup (suggestion->reason);
  copy->encouragement = g_strdup (suggestion->encouragement);
  return copy;
}

void
unknot_suggestion_free (UnknotSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;
  g_clear_object (&suggestion->routine);
  g_free (suggestion->reason);
  g_free (suggestion->encouragement);
  g_free (suggestion);
}

static UnknotSuggestion *
suggestion_new (UnknotSuggestionKind kind,
                UnknotCoachRule rule,
                UnknotRoutine *routine,
                UnknotArea area,
                char *reason)
{
  UnknotSuggestion *suggestion = g_new0 (UnknotSuggestion, 1);

  suggestion->kind = kind;
  suggestion->rule = rule;
  suggestion->routine = routine != NULL ? g_object_ref (routine) : NULL;
  suggestion->area = area;
  suggestion->reason = reason;
  return suggestion;
}

/* The area as the subject of a sentence: "Your low back went from 6 to 3 …". */
static const char *
area_subject (UnknotArea area)
{
  switch (area)
    {
    case UNKNOT_AREA_LOW_BACK:
      return C_ ("sentence subject", "Your low back");
    case UNKNOT_AREA_BUTTOCK_LEFT:
      return C_ ("sentence subject", "Your left buttock");
    case UNKNOT_AREA_BUTTOCK_RIGHT:
      return C_ ("sentence subject", "Your right buttock");
    case UNKNOT_AREA_HIP_LEFT:
      return C_ ("sentence subject", "Your left outer hip");
    case UNKNOT_AREA_HIP_RIGHT:
      return C_ ("sentence subject", "Your right outer hip");
    case UNKNOT_AREA_KNEE_LEFT:
      return C_ ("sentence subject", "Your left knee");
    case UNKNOT_AREA_KNEE_RIGHT:
      return C_ ("sentence subject", "Your right knee");
    case UNKNOT_AREA_LEG_LEFT:
      return C_ ("sentence subject", "The back of your left leg");
    case UNKNOT_AREA_LEG_RIGHT:
      return C_ ("sentence subject", "The back of your right leg");
    case UNKNOT_N_AREAS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Why a routine for this problem: one sentence from CONTENT.md and DESIGN.md. */
static const char *
problem_reason (UnknotProblem problem)
{
  switch (problem)
    {
    case UNKNOT_PROBLEM_KNEE_PAIN:
      return _ ("For knee pain: the outer hip muscles keep your knees from drifting inward.");
    case UNKNOT_PROBLEM_LOW_BACK_PAIN:
      return _ ("For low back pain: tight glutes that do not fire often show up as pain in the "
                "lower back.");
    case UNKNOT_PROBLEM_SCIATICA:
      return _ ("For sciatica-like pain: a tight piriformis can press on the sciatic nerve that "
                "runs beneath it.");
    case UNKNOT_PROBLEM_HIP_PAIN:
      return _ ("For hip pain: tight or tired muscles of the outer hip often show up as hip "
                "pain.");
    case UNKNOT_PROBLEM_STIFFNESS:
      return _ ("For stiffness: your glutes work each time you stand up or climb stairs, and "
                "slow rolling relaxes them.");
    case UNKNOT_PROBLEM_WARM_UP:
      return _ ("For a warm-up: brisk passes wake up the glutes, which drive sprinting, jumping "
                "and changing direction.");
    case UNKNOT_PROBLEM_RECOVERY:
      return _ ("For recovery: slow rolling relaxes hard-worked muscles and eases soreness for a "
                "while.");
    case UNKNOT_N_PROBLEMS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
area_is_stated (const UnknotArea *areas, guint n_areas, UnknotArea area)
{
  for (guint i = 0; i < n_areas; i++)
    if (areas[i] == area)
      return TRUE;
  return FALSE;
}

static guint
round_score (double score)
{
  return (guint) CLAMP (lround (score), 0, 10);
}

/* (b) The last three scores of an area within the window, all severe. */
static UnknotSuggestion *
check_stays_severe (UnknotPainDiary *diary, gint64 now)
{
  for (guint area = 0; area < UNKNOT_N_AREAS; area++)
    {
      g_autoptr (GArray) points =
        unknot_pain_diary_get_trend (diary, area, now - UNKNOT_COACH_WINDOW_DAYS * DAY, now + 1);
      gboolean severe = points->len >= UNKNOT_COACH_SEVERE_COUNT;

      for (guint i = points->len - MIN (points->len, UNKNOT_COACH_SEVERE_COUNT);
           severe && i < points->len; i++)
        severe = g_array_index (points, UnknotPainPoint, i).score >= UNKNOT_COACH_SEVERE_SCORE;

      if (severe)
        return suggestion_new (
          UNKNOT_SUGGESTION_SEE_PROFESSIONAL, UNKNOT_COACH_RULE_STAYS_SEVERE, NULL, area,
          /* Translators: %s is a body area as a sentence subject, "Your low back" */
          g_strdup_printf (_ ("%s has stayed at 7 or more out of 10 in your last three scores: "
                              "see a doctor or physiotherapist rather than rolling more."),
                           area_subject (area)));
    }
  return NULL;
}

/* The mean of an area's scores in [from, to), leaving out the scores right after a
 * routine: their short relief would hide how the pain is going. */
static gboolean
mean_score (UnknotPainDiary *diary, UnknotArea area, gint64 from, gint64 to, double *mean)
{
  g_autoptr (GArray) points = unknot_pain_diary_get_trend (diary, area, from, to);
  guint total = 0;
  guint n = 0;

  for (guint i = 0; i < points->len; i++)
    {
      const UnknotPainPoint *point = &g_array_index (points, UnknotPainPoint, i);

      if (point->phase == UNKNOT_PHASE_AFTER)
        continue;
      total += point->score;
      n++;
    }
  if (n < RISE_MIN_SCORES)
    return FALSE;
  *mean = (double) total / n;
  return TRUE;
}

/* (c) An area whose last seven days are a noticeable step up from the seven before. */
static UnknotSuggestion *
check_rising (UnknotPainDiary *diary, gint64 now)
{
  for (guint area = 0; area < UNKNOT_N_AREAS; area++)
    {
      double earlier;
      double later;

      if (!mean_score (diary, area, now - 2 * WEEK + 1, now - WEEK + 1, &earlier) ||
          !mean_score (diary, area, now - WEEK + 1, now + 1, &later))
        continue;
      if (later - earlier < RISE_POINTS ||
          !unknot_pain_change_is_noticeable (round_score (earlier), round_score (later)))
        continue;

      return suggestion_new (
        UNKNOT_SUGGESTION_SEE_PROFESSIONAL, UNKNOT_COACH_RULE_RISING, NULL, area,
        /* Translators: "Your low back went up from about 3 to 6 out of 10 over the last two
         * weeks: …"; the first %s is a body area as a sentence subject */
        g_strdup_printf (_ ("%s went up from about %u to %u out of 10 over the last two weeks: "
                            "see a doctor or physiotherapist rather than rolling more."),
                         area_subject (area), round_score (earlier), round_score (later)));
    }
  return NULL;
}

/* The area that hurts most now: the highest latest score within the window; on a tie an
 * area the person named, then the first. */
static gboolean
find_worst_area (
  UnknotPainDiary *diary, const UnknotArea *areas, guint n_areas, gint64 now, UnknotArea *worst)
{
  gint best_score = -1;
  gboolean best_stated = FALSE;

  for (guint area = 0; area < UNKNOT_N_AREAS; area++)
    {
      g_autoptr (GArray) points =
        unknot_pain_diary_get_trend (diary, area, now - UNKNOT_COACH_WINDOW_DAYS * DAY, now + 1);
      gint score;
      gboolean stated;

      if (points->len == 0)
        continue;
      score = g_array_index (points, UnknotPainPoint, points->len - 1).score;
      stated = area_is_stated (areas, n_areas, area);
      if (score > best_score || (score == best_score && stated && !best_stated))
        {
          best_score = score;
          best_stated = stated;
          *worst = area;
        }
    }
  return best_score >= 0;
}

typedef struct
{
  const char *routine_id;
  guint n;
  guint before_total;
  guint after_total;
  gint64 first_time;
} RoutineChange;

/* (d) The routine with the best average change for the worst area, if noticeable. */
static UnknotSuggestion *
check_helped (UnknotPainDiary *diary,
              UnknotRoutineLibrary *library,
              const UnknotArea *areas,
              guint n_areas,
              gint64 now)
{
  g_autoptr (GArray) sessions = NULL;
  g_autoptr (GArray) changes = g_array_new (FALSE, TRUE, sizeof (RoutineChange));
  const RoutineChange *best = NULL;
  UnknotRoutine *routine;
  UnknotArea area = UNKNOT_N_AREAS;
  guint before;
  guint after;
  const char *name;
  char *reason;

  if (!find_worst_area (diary, areas, n_areas, now, &area))
    return NULL;

  sessions = unknot_pain_diary_get_sessions (diary, now - UNKNOT_COACH_WINDOW_DAYS * DAY, now + 1);
  for (guint i = 0; i < sessions->len; i++)
    {
      const UnknotPainSession *session = &g_array_index (sessions, UnknotPainSession, i);
      RoutineChange *change = NULL;

      if (session->area != area ||
          unknot_routine_library_lookup (library, session->routine_id) == NULL)
        continue;
      for (guint j = 0; j < changes->len && change == NULL; j++)
        if (g_str_equal (g_array_index (changes, RoutineChange, j).routine_id, session->routine_id))
          change = &g_array_index (changes, RoutineChange, j);
      if (change == NULL)
        {
          g_array_set_size (changes, changes->len + 1);
          change = &g_array_index (changes, RoutineChange, changes->len - 1);
          change->routine_id = session->routine_id;
          change->first_time = session->time;
        }
      change->n++;
      change->before_total += session->before;
      change->after_total += session->after;
    }

  /* Best: the largest average drop; on a tie, the one done more often. Sums are compared
   * cross-multiplied, so no rounding decides. */
  for (guint i = 0; i < changes->len; i++)
    {
      const RoutineChange *change = &g_array_index (changes, RoutineChange, i);
      gint64 drop = (gint64) change->before_total - change->after_total;

      if (best == NULL)
        {
          best = change;
          continue;
        }
      {
        gint64 best_drop = (gint64) best->before_total - best->after_total;
        gint64 left = drop * best->n;
        gint64 right = best_drop * change->n;

        if (left > right || (left == right && change->n > best->n))
          best = change;
      }
    }
  if (best == NULL)
    return NULL;

  before = round_score ((double) best->before_total / best->n);
  after = round_score ((double) best->after_total / best->n);
  if (after >= before || !unknot_pain_change_is_noticeable (before, after))
    return NULL;

  routine = unknot_routine_library_lookup (library, best->routine_id);
  name = unknot_routine_get_name (routine);
  if (best->first_time > now - WEEK)
    {
      if (best->n == 1)
        /* Translators: "Your low back went from 6 to 3 after Glute release this week." */
        reason = g_strdup_printf (_ ("%s went from %u to %u after %s this week."),
                                  area_subject (area), before, after, name);
      else
        reason = g_strdup_printf (
          /* Translators: "Your low back went from 6 to 3 after Glute release 3 times this
           * week."; the numbers before and after are averages. English never shows the
           * singular, which is said without a number. */
          ngettext ("%s went from %u to %u after %s %u time this week.",
                    "%s went from %u to %u after %s %u times this week.", best->n),
          area_subject (area), before, after, name, best->n);
    }
  else
    {
      if (best->n == 1)
        reason = g_strdup_printf (_ ("%s went from %u to %u after %s in the last two weeks."),
                                  area_subject (area), before, after, name);
      else
        reason = g_strdup_printf (
          /* Translators: see "… %u times this week." */
          ngettext ("%s went from %u to %u after %s %u time in the last two weeks.",
                    "%s went from %u to %u after %s %u times in the last two weeks.", best->n),
          area_subject (area), before, after, name, best->n);
    }

  return suggestion_new (UNKNOT_SUGGESTION_ROUTINE, UNKNOT_COACH_RULE_HELPED, routine, area,
                         reason);
}

static gboolean
done_recently (UnknotPainDiary *diary, UnknotRoutine *routine, gint64 now)
{
  g_autoptr (GPtrArray) entries = unknot_pain_diary_query (diary, now - RECENT + 1, now + 1);
  const char *id = unknot_routine_get_id (routine);

  for (guint i = 0; i < entries->len; i++)
    {
      const UnknotPainEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->routine_id, id))
        return TRUE;
    }
  return FALSE;
}

static guint
count_problems (UnknotRoutine *routine)
{
  guint n = 0;

  for (guint problem = 0; problem < UNKNOT_N_PROBLEMS; problem++)
    n += unknot_routine_helps (routine, problem);
  return n;
}

/* The routine for @problem: one not done in the last day if there is one, then the one
 * made most for it (helping the fewest other problems), then the library's order. */
static UnknotRoutine *
pick_for_problem (UnknotPainDiary *diary,
                  UnknotRoutineLibrary *library,
                  UnknotProblem problem,
                  gint64 now)
{
  UnknotRoutine *best = NULL;
  gboolean best_recent = FALSE;
  guint best_problems = 0;

  for (guint i = 0; i < unknot_routine_library_get_n_routines (library); i++)
    {
      UnknotRoutine *routine = unknot_routine_library_get_routine (library, i);
      gboolean recent;
      guint n_problems;

      if (!unknot_routine_helps (routine, problem))
        continue;
      recent = done_recently (diary, routine, now);
      n_problems = count_problems (routine);
      if (best == NULL || (best_recent && !recent) ||
          (best_recent == recent && n_problems < best_problems))
        {
          best = routine;
          best_recent = recent;
          best_problems = n_problems;
        }
    }
  return best;
}

/* Where it hurts says what brings the person, when they named no problem. */
static guint
problems_from_areas (const UnknotArea *areas, guint n_areas)
{
  guint problems = 0;

  for (guint i = 0; i < n_areas; i++)
    {
      switch (areas[i])
        {
        case UNKNOT_AREA_LOW_BACK:
          problems |= 1u << UNKNOT_PROBLEM_LOW_BACK_PAIN;
          break;
        case UNKNOT_AREA_HIP_LEFT:
        case UNKNOT_AREA_HIP_RIGHT:
          problems |= 1u << UNKNOT_PROBLEM_HIP_PAIN;
          break;
        case UNKNOT_AREA_KNEE_LEFT:
        case UNKNOT_AREA_KNEE_RIGHT:
          problems |= 1u << UNKNOT_PROBLEM_KNEE_PAIN;
          break;
        case UNKNOT_AREA_LEG_LEFT:
        case UNKNOT_AREA_LEG_RIGHT:
          problems |= 1u << UNKNOT_PROBLEM_SCIATICA;
          break;
        case UNKNOT_AREA_BUTTOCK_LEFT:
        case UNKNOT_AREA_BUTTOCK_RIGHT:
        case UNKNOT_N_AREAS:
        default:
          /* A sore buttock is what every routine works on: no one problem to pick. */
          break;
        }
    }
  return problems;
}

/* (e) A routine for the first stated problem that has one. */
static UnknotSuggestion *
check_problem (UnknotPainDiary *diary,
               UnknotRoutineLibrary *library,
               guint problems,
               const UnknotArea *areas,
               guint n_areas,
               gint64 now)
{
  if (problems == 0)
    problems = problems_from_areas (areas, n_areas);

  for (guint problem = 0; problem < UNKNOT_N_PROBLEMS; problem++)
    {
      UnknotRoutine *routine;

      if ((problems & (1u << problem)) == 0)
        continue;
      routine = pick_for_problem (diary, library, problem, now);
      if (routine != NULL)
        return suggestion_new (UNKNOT_SUGGESTION_ROUTINE, UNKNOT_COACH_RULE_PROBLEM, routine,
                               UNKNOT_N_AREAS, g_strdup (problem_reason (problem)));
    }
  return NULL;
}

/* (f) Nothing to go on: a gentle everyday routine. */
static UnknotSuggestion *
everyday (UnknotRoutineLibrary *library)
{
  UnknotRoutine *routine = unknot_routine_library_lookup (library, EVERYDAY_ROUTINE);

  if (routine == NULL && unknot_routine_library_get_n_routines (library) > 0)
    routine = unknot_routine_library_get_routine (library, 0);
  if (routine == NULL)
    return suggestion_new (UNKNOT_SUGGESTION_ROUTINE, UNKNOT_COACH_RULE_NO_ROUTINE, NULL,
                           UNKNOT_N_AREAS, g_strdup (_ ("There are no routines to suggest.")));

  return suggestion_new (UNKNOT_SUGGESTION_ROUTINE, UNKNOT_COACH_RULE_EVERYDAY, routine,
                         UNKNOT_N_AREAS,
                         g_strdup (_ ("A gentle everyday routine to start with, until you tell "
                                      "Unknot what brings you.")));
}

/**
 * unknot_coach_suggest:
 * @diary: the person's pain diary
 * @library: the routines to choose from
 * @problems: what brings the person: bit `1 << UnknotProblem` for each
 * @areas: (array length=n_areas): where it hurts, as the person said
 * @red_flags: the person said yes to one of the signs to seek care now
 * @now: Unix seconds
 *
 * Returns: (transfer full): what to do next, and why
 */
UnknotSuggestion *
unknot_coach_suggest (UnknotPainDiary *diary,
                      UnknotRoutineLibrary *library,
                      guint problems,
                      const UnknotArea *areas,
                      guint n_areas,
                      gboolean red_flags,
                      gint64 now)
{
  UnknotSuggestion *suggestion;

  g_return_val_if_fail (UNKNOT_IS_PAIN_DIARY (diary), NULL);
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_LIBRARY (library), NULL);
  g_return_val_if_fail (areas != NULL || n_areas == 0, NULL);

  if (red_flags)
    return suggestion_new (UNKNOT_SUGGESTION_RED_FLAG, UNKNOT_COACH_RULE_RED_FLAGS, NULL,
                           UNKNOT_N_AREAS,
                           g_strdup (_ ("You said you have one of the signs under Seek Care "
                                        "Now: see a doctor straight away, not massage.")));

  if ((suggestion = check_stays_severe (diary, now)) != NULL ||
      (suggestion = check_rising (diary, now)) != NULL)
    return suggestion;

  if ((suggestion = check_helped (diary, library, areas, n_areas, now)) == NULL &&
      (suggestion = check_problem (diary, library, problems, areas, n_areas, now)) == NULL)
    suggestion = everyday (library);

  /* Konrad et al. 2022: programmes of more than four weeks did better. */
  if (suggestion->routine != NULL)
    {
      UnknotPainSummary summary;

      unknot_pain_diary_get_summary (diary, now, &summary);
      if (summary.weekly_streak <= 1)
        suggestion->encouragement =
          g_strdup (_ ("A few sessions a week for more than four weeks work best."));
    }
  return suggestion;
}

/**
 * unknot_coach_problems_from_strv:
 * @ids: (nullable): problem ids, as the `problems` setting holds them
 *
 * Returns: a bit `1 << UnknotProblem` for each known id; unknown ids are ignored
 */
guint
unknot_coach_problems_from_strv (const char *const *ids)
{
  guint problems = 0;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      guint problem;

      if (unknot_vocabulary_lookup (UNKNOT_VOCABULARY_PROBLEM, ids[i], &problem))
        problems |= 1u << problem;
    }
  return problems;
}

/**
 * unknot_coach_areas_from_strv:
 * @ids: (nullable): area ids, as the `pain-areas` setting holds them
 * @areas: (out caller-allocates) (array fixed-size=9): room for every area
 *
 * Returns: how many known areas were written to @areas, each once
 */
guint
unknot_coach_areas_from_strv (const char *const *ids, UnknotArea *areas)
{
  guint n = 0;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      UnknotArea area;

      if (unknot_area_from_id (ids[i], &area) && !area_is_stated (areas, n, area) &&
          n < UNKNOT_N_AREAS)
        areas[n++] = area;
    }
  return n;
}

/**
 * unknot_coach_suggest_from_settings:
 * @settings: holds what the person told us: `problems`, `pain-areas` and `red-flags`
 * @now: Unix seconds
 *
 * The coach's suggestion for the person these settings describe, as the coach card and
 * the reminders show it.
 */
UnknotSuggestion *
unknot_coach_suggest_from_settings (GSettings *settings,
                                    UnknotPainDiary *diary,
                                    UnknotRoutineLibrary *library,
                                    gint64 now)
{
  g_auto (GStrv) problems = g_settings_get_strv (settings, "problems");
  g_auto (GStrv) area_ids = g_settings_get_strv (settings, "pain-areas");
  UnknotArea areas[UNKNOT_N_AREAS];
  guint n_areas = unknot_coach_areas_from_strv ((const char *const *) area_ids, areas);

  return unknot_coach_suggest (diary, library,
                               unknot_coach_problems_from_strv ((const char *const *) problems),
                               areas, n_areas, g_settings_get_boolean (settings, "red-flags"), now);
}
