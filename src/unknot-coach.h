/* unknot-coach.h: what to do next, from the diary and what the person told us
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "unknot-pain-diary.h"
#include "unknot-types.h"

G_BEGIN_DECLS

/* How far back the coach looks, and the score it treats as severe (CONTENT.md: 7–10). */
#define UNKNOT_COACH_WINDOW_DAYS 14
#define UNKNOT_COACH_SEVERE_SCORE 7
#define UNKNOT_COACH_SEVERE_COUNT 3

typedef enum
{
  UNKNOT_SUGGESTION_RED_FLAG,         /* see a doctor now, not massage */
  UNKNOT_SUGGESTION_SEE_PROFESSIONAL, /* see a professional rather than roll more */
  UNKNOT_SUGGESTION_ROUTINE,          /* this routine next */
} UnknotSuggestionKind;

/* The rules, in the order they are tried; the first that applies wins. */
typedef enum
{
  UNKNOT_COACH_RULE_RED_FLAGS,    /* the person said yes to a red flag */
  UNKNOT_COACH_RULE_STAYS_SEVERE, /* an area's last three scores in 14 days all 7 or more */
  UNKNOT_COACH_RULE_RISING,       /* an area up by a noticeable change, week on week */
  UNKNOT_COACH_RULE_HELPED,       /* the routine that helped the worst area most */
  UNKNOT_COACH_RULE_PROBLEM,      /* a routine for the first stated problem */
  UNKNOT_COACH_RULE_EVERYDAY,     /* nothing to go on: a gentle everyday routine */
  UNKNOT_COACH_RULE_NO_ROUTINE,   /* the library is empty */
} UnknotCoachRule;

typedef struct
{
  UnknotSuggestionKind kind;
  UnknotCoachRule rule;
  UnknotRoutine *routine; /* (nullable): a reference the suggestion owns */
  UnknotArea area;        /* the area the rule looked at, or UNKNOT_N_AREAS */
  char *reason;           /* one translated sentence */
  char *encouragement;    /* (nullable): a short line about keeping it up */
} UnknotSuggestion;

#define UNKNOT_TYPE_SUGGESTION (unknot_suggestion_get_type ())

GType unknot_suggestion_get_type (void) G_GNUC_CONST;
UnknotSuggestion *unknot_suggestion_copy (const UnknotSuggestion *suggestion);
void unknot_suggestion_free (UnknotSuggestion *suggestion);

UnknotSuggestion *unknot_coach_suggest (UnknotPainDiary *diary,
                                        UnknotRoutineLibrary *library,
                                        guint problems,
                                        const UnknotArea *areas,
                                        guint n_areas,
                                        gboolean red_flags,
                                        gint64 now);

UnknotSuggestion *unknot_coach_suggest_from_settings (GSettings *settings,
                                                      UnknotPainDiary *diary,
                                                      UnknotRoutineLibrary *library,
                                                      gint64 now);

guint unknot_coach_problems_from_strv (const char *const *ids);
guint unknot_coach_areas_from_strv (const char *const *ids, UnknotArea *areas);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotSuggestion, unknot_suggestion_free)

G_END_DECLS
