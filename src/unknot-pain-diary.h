/* unknot-pain-diary.h: every pain score a person gave, kept in GSettings
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "unknot-types.h"

G_BEGIN_DECLS

#define UNKNOT_PAIN_DIARY_ERROR (unknot_pain_diary_error_quark ())

typedef enum
{
  UNKNOT_PAIN_DIARY_ERROR_INVALID, /* an entry that is not valid: score, area, phase, time */
  UNKNOT_PAIN_DIARY_ERROR_CSV,     /* a CSV file that cannot be imported */
  UNKNOT_PAIN_DIARY_ERROR_WRITE,   /* the diary could not be stored */
} UnknotPainDiaryError;

/* Where a person feels pain. */
typedef enum
{
  UNKNOT_AREA_LOW_BACK,
  UNKNOT_AREA_BUTTOCK_LEFT,
  UNKNOT_AREA_BUTTOCK_RIGHT,
  UNKNOT_AREA_HIP_LEFT,
  UNKNOT_AREA_HIP_RIGHT,
  UNKNOT_AREA_KNEE_LEFT,
  UNKNOT_AREA_KNEE_RIGHT,
  UNKNOT_AREA_LEG_LEFT,
  UNKNOT_AREA_LEG_RIGHT,
  UNKNOT_N_AREAS
} UnknotArea;

typedef enum
{
  UNKNOT_PHASE_BEFORE,
  UNKNOT_PHASE_AFTER,
  UNKNOT_PHASE_CHECK_IN,
  UNKNOT_N_PHASES
} UnknotPhase;

typedef struct
{
  gint64 time; /* Unix seconds, UTC */
  UnknotArea area;
  guint8 score;     /* 0–10 */
  char *routine_id; /* "" when not tied to a routine */
  UnknotPhase phase;
  char *note; /* "" when none */
} UnknotPainEntry;

/* A routine done with a score before and after it, for one area. */
typedef struct
{
  gint64 time; /* of the "after" score */
  const char *routine_id;
  UnknotArea area;
  guint8 before;
  guint8 after;
} UnknotPainSession;

/* One score of an area, for a chart. */
typedef struct
{
  gint64 time;
  guint8 score;
  UnknotPhase phase;
} UnknotPainPoint;

/* A "too intense" press during a routine. */
typedef struct
{
  gint64 time;
  const char *routine_id;
  guint step_index; /* from 0 */
  UnknotSide side;
} UnknotIntensityRecord;

/* What the progress page and the coach show first. */
typedef struct
{
  guint sessions_this_week;
  guint sessions_last_four_weeks;
  guint weekly_streak;   /* consecutive weeks, up to this one, with at least one routine */
  guint n_changes;       /* before/after pairs counted in the average */
  double average_change; /* after − before, negative is better; 0 without pairs */
} UnknotPainSummary;

/* A change a person notices: about 2 points or 30 % (CONTENT.md, Pain scores). */
gboolean unknot_pain_change_is_noticeable (guint before, guint after);

const char *unknot_area_get_id (UnknotArea area);
const char *unknot_area_get_label (UnknotArea area);
gboolean unknot_area_from_id (const char *id, UnknotArea *area);
const char *unknot_phase_get_id (UnknotPhase phase);
const char *unknot_pain_score_get_anchor (guint score);

#define UNKNOT_TYPE_PAIN_DIARY (unknot_pain_diary_get_type ())

G_DECLARE_FINAL_TYPE (UnknotPainDiary, unknot_pain_diary, UNKNOT, PAIN_DIARY, GObject)

GQuark unknot_pain_diary_error_quark (void);

UnknotPainDiary *unknot_pain_diary_new (GSettings *settings);

gboolean unknot_pain_diary_append (UnknotPainDiary *self,
                                   gint64 time,
                                   UnknotArea area,
                                   guint score,
                                   const char *routine_id,
                                   UnknotPhase phase,
                                   const char *note,
                                   GError **error);
guint unknot_pain_diary_get_n_entries (UnknotPainDiary *self);
const UnknotPainEntry *unknot_pain_diary_get_entry (UnknotPainDiary *self, guint index);
GPtrArray *unknot_pain_diary_query (UnknotPainDiary *self, gint64 from, gint64 to);
const UnknotPainEntry *unknot_pain_diary_get_latest (UnknotPainDiary *self, UnknotArea area);
GArray *
unknot_pain_diary_get_trend (UnknotPainDiary *self, UnknotArea area, gint64 from, gint64 to);
GArray *unknot_pain_diary_get_sessions (UnknotPainDiary *self, gint64 from, gint64 to);
gboolean unknot_pain_diary_get_routine_change (UnknotPainDiary *self,
                                               const char *routine_id,
                                               gint64 from,
                                               gint64 to,
                                               double *average_change,
                                               guint *n_sessions);
void unknot_pain_diary_get_summary (UnknotPainDiary *self, gint64 now, UnknotPainSummary *summary);
const GPtrArray *unknot_pain_diary_get_problems (UnknotPainDiary *self);
gboolean unknot_pain_diary_get_saved (UnknotPainDiary *self);
const char *unknot_pain_diary_get_save_problem (UnknotPainDiary *self);
const char *unknot_pain_diary_get_rescue_report (UnknotPainDiary *self);

char *unknot_pain_diary_to_csv (UnknotPainDiary *self);
gboolean unknot_pain_diary_import_csv (
  UnknotPainDiary *self, const char *csv, gsize length, guint *n_imported, GError **error);

gboolean unknot_pain_diary_add_intensity_event (UnknotPainDiary *self,
                                                gint64 time,
                                                const char *routine_id,
                                                guint step_index,
                                                UnknotSide side,
                                                GError **error);
GArray *unknot_pain_diary_get_intensity_events (UnknotPainDiary *self, gint64 from, gint64 to);

G_END_DECLS
