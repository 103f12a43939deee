/* unknot-pain-diary.c: every pain score a person gave, kept in GSettings
 *
 * The stored array is the person's own record: it is only ever added to.  An entry
 * this version cannot read (a bad score, an unknown area, a time in the future) is
 * reported and skipped, but kept, byte for byte, in what is written back.  Every
 * append is flushed at once, so a kill right after a check-in keeps it.
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "unknot-pain-diary.h"
#include "unknot-pain-diary-private.h"

#define LOG_KEY "pain-log"
#define ARCHIVES_KEY "pain-log-archives"
#define INTENSITY_KEY "intensity-log"
#define ENTRY_TYPE "(xsysss)"
#define INTENSITY_TYPE "(xsus)"
/* A before and an after belong to one run of a routine when this close together. */
#define SESSION_WINDOW (3 * 3600)
/* Clocks disagree a little; a time further ahead than this is "in the future". */
#define FUTURE_TOLERANCE (10 * 60)
#define MAX_NOTE_CHARS 1000
#define DAY (24 * 3600)

struct _UnknotPainDiary
{
  GObject parent_instance;

  GSettings *settings;
  UnknotDiaryStore *store; /* what is stored, bad entries included, written back whole */
  GArray *entries;         /* of UnknotPainEntry, the readable ones, sorted by time */
  GPtrArray *problems;     /* of char *: one message per entry that was skipped */
  GArray *intensity;       /* of UnknotIntensityRecord, sorted by time */
  GStringChunk *strings;   /* routine ids of intensity records */
};

G_DEFINE_FINAL_TYPE (UnknotPainDiary, unknot_pain_diary, G_TYPE_OBJECT)

G_DEFINE_QUARK (unknot - pain - diary - error - quark, unknot_pain_diary_error)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum
{
  PROP_0,
  PROP_SAVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *id;
  const char *label;
} areas[] = {
  { "low-back", N_ ("Low back") },
  { "buttock-left", N_ ("Left buttock") },
  { "buttock-right", N_ ("Right buttock") },
  { "hip-left", N_ ("Left outer hip") },
  { "hip-right", N_ ("Right outer hip") },
  { "knee-left", N_ ("Left knee") },
  { "knee-right", N_ ("Right knee") },
  { "leg-left", N_ ("Back of the left leg") },
  { "leg-right", N_ ("Back of the right leg") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (areas) == UNKNOT_N_AREAS);

static const char *phases[] = { "before", "after", "check-in" };
G_STATIC_ASSERT (G_N_ELEMENTS (phases) == UNKNOT_N_PHASES);

const char *
unknot_area_get_id (UnknotArea area)
{
  g_return_val_if_fail (area < UNKNOT_N_AREAS, NULL);
  return areas[area].id;
}

const char *
unknot_area_get_label (UnknotArea area)
{
  g_return_val_if_fail (area < UNKNOT_N_AREAS, NULL);
  return _ (areas[area].label);
}

gboolean
unknot_area_from_id (const char *id, UnknotArea *area)
{
  for (guint i = 0; id != NULL && i < UNKNOT_N_AREAS; i++)
    {
      if (g_str_equal (areas[i].id, id))
        {
          if (area != NULL)
            *area = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
unknot_phase_get_id (UnknotPhase phase)
{
  g_return_val_if_fail (phase < UNKNOT_N_PHASES, NULL);
  return phases[phase];
}

static gboolean
phase_from_id (const char *id, UnknotPhase *phase)
{
  for (guint i = 0; id != NULL && i < UNKNOT_N_PHASES; i++)
    {
      if (g_str_equal (phases[i], id))
        {
          *phase = i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * unknot_pain_score_get_anchor:
 *
 * Returns: the word for a score on the 0–10 scale: none, mild, moderate, severe, worst
 */
const char *
unknot_pain_score_get_anchor (guint score)
{
  if (score == 0)
    return C_ ("pain", "None");
  if (score <= 3)
    return C_ ("pain", "Mild");
  if (score <= 6)
    return C_ ("pain", "Moderate");
  if (score <= 9)
    return C_ ("pain", "Severe");
  return C_ ("pain", "Worst imaginable");
}

/**
 * unknot_pain_change_is_noticeable:
 *
 * Returns: whether going from @before to @after is a change a person notices: about 2
 *   points or 30 %, up or down (Farrar 2001; Salaffi 2004)
 */
gboolean
unknot_pain_change_is_noticeable (guint before, guint after)
{
  guint difference = before > after ? before - after : after - before;
  guint base = MAX (before, after);

  if (difference >= 2)
    return TRUE;
  return base > 0 && difference * 10 >= base * 3;
}

static void
entry_clear (UnknotPainEntry *entry)
{
  g_clear_pointer (&entry->routine_id, g_free);
  g_clear_pointer (&entry->note, g_free);
}

static int
compare_entry_time (gconstpointer a, gconstpointer b)
{
  const UnknotPainEntry *x = a;
  const UnknotPainEntry *y = b;

  return (x->time > y->time) - (x->time < y->time);
}

/* Why an entry cannot be read, or NULL when it can. */
static char *
check_entry (
  gint64 time, const char *area, guint score, const char *phase, const char *note, gint64 now)
{
  UnknotPhase p;

  if (!unknot_area_from_id (area, NULL))
    return g_strdup_printf (_ ("unknown body area “%s”"), area);
  if (score > 10)
    return g_strdup_printf (_ ("score %u is not from 0 to 10"), score);
  if (!phase_from_id (phase, &p))
    return g_strdup_printf (_ ("unknown phase “%s”"), phase);
  if (time < 0)
    return g_strdup (_ ("the time is before 1970"));
  if (time > now + FUTURE_TOLERANCE)
    return g_strdup (_ ("the time is in the future"));
  if (note != NULL && g_utf8_strlen (note, -1) > MAX_NOTE_CHARS)
    return g_strdup_printf (_ ("the note is longer than %u characters"), MAX_NOTE_CHARS);
  return NULL;
}

static void
store_saved_cb (UnknotPainDiary *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED]);
}

/* (Re)reads what is stored, recovering a damaged diary. */
static void
open_store (UnknotPainDiary *self)
{
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  self->store = unknot_diary_store_new (self->settings);
  g_signal_connect_swapped (self->store, "notify::saved", G_CALLBACK (store_saved_cb), self);
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* The readable entries of @part, whose first entry is number @first + 1. */
static void
load_part (UnknotPainDiary *self, GVariant *part, guint first, gint64 now)
{
  gsize n = g_variant_n_children (part);

  for (gsize i = 0; i < n; i++)
    {
      gint64 time;
      const char *area, *routine, *phase, *note;
      guchar score;
      g_autofree char *problem = NULL;
      UnknotPainEntry entry;

      g_variant_get_child (part, i, "(x&sy&s&s&s)", &time, &area, &score, &routine, &phase, &note);
      problem = check_entry (time, area, score, phase, note, now);
      if (problem != NULL)
        {
          /* Translators: a diary entry that could not be read; %u is its number */
          g_ptr_array_add (self->problems, g_strdup_printf (_ ("Diary entry %u was skipped: %s"),
                                                            first + (guint) i + 1, problem));
          continue;
        }

      entry.time = time;
      unknot_area_from_id (area, &entry.area);
      entry.score = score;
      entry.routine_id = g_strdup (routine);
      phase_from_id (phase, &entry.phase);
      entry.note = g_strdup (note);
      g_array_append_val (self->entries, entry);
    }
}

static void
load (UnknotPainDiary *self)
{
  gint64 now = now_seconds ();
  guint first = 0;

  g_array_set_size (self->entries, 0);
  g_ptr_array_set_size (self->problems, 0);

  for (guint i = 0; i < unknot_diary_store_get_n_parts (self->store); i++)
    {
      GVariant *part = unknot_diary_store_get_part (self->store, i);

      load_part (self, part, first, now);
      first += g_variant_n_children (part);
    }

  /* Stored in the order given, which is nearly always time order already. */
  for (guint i = 1; i < self->entries->len; i++)
    {
      if (compare_entry_time (&g_array_index (self->entries, UnknotPainEntry, i - 1),
                              &g_array_index (self->entries, UnknotPainEntry, i)) > 0)
        {
          g_array_sort (self->entries, compare_entry_time);
          break;
        }
    }

  if (self->problems->len > 0)
    g_message ("%u diary entries could not be read and were kept as they are", self->problems->len);
}

static int
compare_record_time (gconstpointer a, gconstpointer b)
{
  const UnknotIntensityRecord *x = a;
  const UnknotIntensityRecord *y = b;

  return (x->time > y->time) - (x->time < y->time);
}

static void
load_intensity (UnknotPainDiary *self)
{
  GVariant *stored = unknot_diary_store_get_intensity (self->store);
  gsize n = g_variant_n_children (stored);

  g_array_set_size (self->intensity, 0);
  for (gsize i = 0; i < n; i++)
    {
      UnknotIntensityRecord record;
      const char *routine, *side;
      guint32 step;

      g_variant_get_child (stored, i, "(x&su&s)", &record.time, &routine, &step, &side);
      if (g_str_equal (side, "left"))
        record.side = UNKNOT_SIDE_LEFT;
      else if (g_str_equal (side, "right"))
        record.side = UNKNOT_SIDE_RIGHT;
      else
        continue;
      record.routine_id = g_string_chunk_insert_const (self->strings, routine);
      record.step_index = step;
      g_array_append_val (self->intensity, record);
    }
  g_array_sort (self->intensity, compare_record_time);
}

/* Another instance wrote the diary: one reload for the keys changed together. */
static gboolean
settings_change_event_cb (GSettings *settings, GQuark *keys, int n_keys, UnknotPainDiary *self)
{
  gboolean ours = keys == NULL;

  for (int i = 0; i < n_keys && !ours; i++)
    ours = keys[i] == g_quark_from_static_string (LOG_KEY) ||
           keys[i] == g_quark_from_static_string (INTENSITY_KEY) ||
           keys[i] == g_quark_from_static_string (ARCHIVES_KEY);
  if (!ours || unknot_diary_store_is_writing (self->store))
    return FALSE;
  open_store (self);
  load (self);
  load_intensity (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return FALSE;
}

/* Adds @added to @key and writes it at once: once this returns TRUE the entries are
 * held, and on disk unless #UnknotPainDiary:saved says otherwise. */
static gboolean
store (UnknotPainDiary *self, const char *key, GVariant **added, guint n_added, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  gboolean stored = unknot_diary_store_append (self->store, key, added, n_added, &local_error);

  if (!stored)
    g_set_error_literal (error, UNKNOT_PAIN_DIARY_ERROR, UNKNOT_PAIN_DIARY_ERROR_WRITE,
                         local_error->message);
  return stored;
}

static void
insert_sorted (UnknotPainDiary *self, UnknotPainEntry *entry)
{
  guint index = self->entries->len;

  while (index > 0 && g_array_index (self->entries, UnknotPainEntry, index - 1).time > entry->time)
    index--;
  g_array_insert_val (self->entries, index, *entry);
}

static GVariant *
entry_to_variant (gint64 time,
                  UnknotArea area,
                  guint score,
                  const char *routine_id,
                  UnknotPhase phase,
                  const char *note)
{
  return g_variant_new (ENTRY_TYPE, time, unknot_area_get_id (area), (guchar) score,
                        routine_id ? routine_id : "", unknot_phase_get_id (phase),
                        note ? note : "");
}

/**
 * unknot_pain_diary_append:
 * @time: Unix seconds, UTC
 * @routine_id: (nullable): the routine the score belongs to
 * @note: (nullable): the person's words
 *
 * Adds an entry and flushes it to storage before returning.
 *
 * Returns: %TRUE if the entry is stored
 */
gboolean
unknot_pain_diary_append (UnknotPainDiary *self,
                          gint64 time,
                          UnknotArea area,
                          guint score,
                          const char *routine_id,
                          UnknotPhase phase,
                          const char *note,
                          GError **error)
{
  g_autofree char *problem = NULL;
  GVariant *added;
  UnknotPainEntry entry;

  g_return_val_if_fail (UNKNOT_IS_PAIN_DIARY (self), FALSE);

  if (area >= UNKNOT_N_AREAS || phase >= UNKNOT_N_PHASES)
    problem = g_strdup (_ ("unknown body area or phase"));
  else
    problem = check_entry (time, unknot_area_get_id (area), score, unknot_phase_get_id (phase),
                           note, now_seconds ());
  if (problem != NULL)
    {
      g_set_error (error, UNKNOT_PAIN_DIARY_ERROR, UNKNOT_PAIN_DIARY_ERROR_INVALID,
                   _ ("This score cannot be stored: %s"), problem);
      return FALSE;
    }

  added = entry_to_variant (time, area, score, routine_id, phase, note);
  if (!store (self, LOG_KEY, &added, 1, error))
    return FALSE;

  entry.time = time;
  entry.area = area;
  entry.score = score;
  entry.routine_id = g_strdup (routine_id ? routine_id : "");
  entry.phase = phase;
  entry.note = g_strdup (note ? note : "");
  insert_sorted (self, &entry);

  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

guint
unknot_pain_diary_get_n_entries (UnknotPainDiary *self)
{
  g_return_val_if_fail (UNKNOT_IS_PAIN_DIARY (self), 0);
  return self->entries->len;
}

/**
 * unknot_pain_diary_get_entry:
 *
 * Returns: (transfer none): the entry at @index, in time order
 */
const UnknotPainEntry *
unknot_pain_diary_get_entry (UnknotPainDiary *self, guint index)
{
  g_return_val_if_fail (UNKNOT_IS_PAIN_DIARY (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return &g_array_index (self->entries, UnknotPainEntry, index);
}

/* The index of the first entry at or after @time. */
static guint
lower_bound (UnknotPainDiary *self, gint64 time)
{
  guint low = 0;
  guint high = self->entries->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->entries, UnknotPainEntry, middle).time < time)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/**
 * unknot_pain_diary_query:
 * @from: first second, included
 * @to: last second, excluded
 *
 * Returns: (transfer container) (element-type UnknotPainEntry): the entries in
 *   [@from, @to), in time order; valid until the diary changes
 */
GPtrArray *
unknot_pain_diary_query (UnknotPainDiary *self, gint64 from, gint64 to)
{
  GPtrArray *result = g_ptr_array_new ();

  g_return_val_if_fail (UNKNOT_IS_PAIN_DIARY (self), result);

  for (guint i = lower_bound (self, from); i < self->entries->len; i++)
    {
      UnknotPainEntry *entry = &g_array_index (self->entries, UnknotPainEntry, i);

      if (entry->time >= to)
        break;
      g_ptr_array_add (result, entry);
    }
  return result;
}

/**
 * unknot_pain_diary_get_latest:
 *
 * Returns: (transfer none) (nullable): the most recent score for @area
 */
const UnknotPainEntry *
unknot_pain_diary_get_latest (UnknotPainDiary *self, UnknotArea area)
{
  g_return_val_if_fail (UNKNOT_IS_PAIN_DIARY (self), NULL);

  for (guint i = self->entries->len; i-- > 0;)
    {
      const UnknotPainEntry *entry = &g_array_index (self->entries, UnknotPainEntry, i);

      if (entry->area == area)
        return entry;
    }
  return NULL;
}

/**
 * unknot_pain_diary_get_trend:
 *
 * Returns: (transfer full) (element-type UnknotPainPoint): the scores of @area in
 *   [@from, @to), in time order
 */
GArray *
unknot_pain_diary_get_trend (UnknotPainDiary *self, UnknotArea area, gint64 from, gint64 to)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (UnknotPainPoint));

  g_return_val_if_fail (UNKNOT_IS_PAIN_DIARY (self), points);

  for (guint i = lower_bound (self, from); i < self->entries->len; i++)
    {
      const UnknotPainEntry *entry = &g_array_index (self->entries, UnknotPainEntry, i);
      UnknotPainPoint point;

      if (entry->time >= to)
        break;
      if (entry->area != area)
        continue;
      point.time = entry->time;
      point.score = entry->score;
      point.phase = entry->phase;
      g_array_append_val (points, point);
    }
  return points;
}

/**
 * unknot_pain_diary_get_sessions:
 *
 * Pairs each "after" score with the latest "before" score of the same routine and area
 * in the three hours before it.
 *
 * Returns: (transfer full) (element-type UnknotPainSession): the routines done with a
 *   score before and after, whose "after" is in [@from, @to), in time order; routine
 *   ids are valid until the diary changes
 */
GArray *
unknot_pain_diary_get_sessions (UnknotPainDiary *self, gint64 from, gint64 to)
{
  GArray *sessions = g_array_new (FALSE, FALSE, sizeof (UnknotPainSession));

  g_return_val_if_fail (UNKNOT_IS_PAIN_DIARY (self), sessions);

  for (guint i = lower_bound (self, from); i < self->entries->len; i++)
    {
      const UnknotPainEntry *after = &g_array_index (self->entries, UnknotPainEntry, i);

      if (after->time >= to)
        break;
      if (after->phase != UNKNOT_PHASE_AFTER || after->routine_id[0] == '\0')
        continue;

      for (guint j = i; j-- > 0;)
        {
          const UnknotPainEntry *before = &g_array_index (self->entries, UnknotPainEntry, j);
          UnknotPainSession session;

          if (after->time - before->time > SESSION_WINDOW)
            break;
          if (before->phase != UNKNOT_PHASE_BEFORE || before->area != after->area ||
              !g_str_equal (before->routine_id, after->routine_id))
            continue;

          session.time = after->time;
          session.routine_id = after->routine_id;
          session.area = after->area;
          session.before = before->score;
          session.after = after->score;
          g_array_append_val (sessions, session);
          break;
        }
    }
  return sessions;
}

/**
 * unknot_pain_diary_get_routine_change:
 * @average_change: (out) (optional): after − before, averaged; negative is better
 * @n_sessions: (out) (optional): how many before/after pairs it averages
 *
 * Returns: %TRUE if @routine_id has at least one before/after pair in [@from, @to)
 */
gboolean
unknot_pain_diary_get_routine_change (UnknotPainDiary *self,
                                      const char *routine_id,
                                      gint64 from,
                                      gint64 to,
                                      double *average_change,
                                      guint *n_sessions)
{
  g_autoptr (GArray) sessions = NULL;
  gint64 total = 0;
  guint n = 0;

  g_return_val_if_fail (UNKNOT_IS_PAIN_DIARY (self), FALSE);

  sessions = unknot_pain_diary_get_sessions (self, from, to);
  for (guint i = 0; i < sessions->len; i++)
    {
      const UnknotPainSession *session = &g_array_index (sessions, UnknotPainSession, i);

      if (g_strcmp0 (session->routine_id, routine_id) != 0)
        continue;
      total += (gint64) session->after - (gint64) session->before;
      n++;
    }

  if (average_change != NULL)
    *average_change = n > 0 ? (double) total / n : 0.0;
  if (n_sessions != NULL)
    *n_sessions = n;
  return n > 0;
}

/* Monday-based weeks in the person's time zone, numbered from a fixed Monday. */
static gint64
week_of (GTimeZone *zone, gint64 time)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (time);
  g_autoptr (GDateTime) local = utc ? g_date_time_to_timezone (utc, zone) : NULL;
  GDate date;

  if (local == NULL)
    return 0;
  /* Julian day 1 is Monday 1 January of year 1: weeks start on Mondays. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  return (gint64) (g_date_get_julian (&date) - 1) / 7;
}

/**
 * unknot_pain_diary_get_summary:
 * @now: Unix seconds
 *
 * Routines are counted once per run: the entries of one routine within three hours.
 */
void
unknot_pain_diary_get_summary (UnknotPainDiary *self, gint64 now, UnknotPainSummary *summary)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();
  /* Week numbers since year 1 fit an int: about 105 000 of them by 2026. */
  g_autoptr (GHashTable) active_weeks = g_hash_table_new (NULL, NULL);
  g_autoptr (GArray) sessions = NULL;
  gint64 this_week = week_of (zone, now);
  const char *run_routine = NULL;
  gint64 run_start = G_MININT64;
  gint64 total_change = 0;

  g_return_if_fail (UNKNOT_IS_PAIN_DIARY (self));
  g_return_if_fail (summary != NULL);

  memset (summary, 0, sizeof *summary);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const UnknotPainEntry *entry = &g_array_index (self->entries, UnknotPainEntry, i);
      gint64 week;

      if (entry->routine_id[0] == '\0' || entry->time > now)
        continue;
      if (run_routine != NULL && g_str_equal (run_routine, entry->routine_id) &&
          entry->time - run_start <= SESSION_WINDOW)
        continue;

      /* A new run of a routine. */
      run_routine = entry->routine_id;
      run_start = entry->time;
      week = week_of (zone, entry->time);
      if (week == this_week)
        summary->sessions_this_week++;
      if (entry->time > now - 28 * DAY)
        summary->sessions_last_four_weeks++;
      g_hash_table_add (active_weeks, GINT_TO_POINTER ((gint) week));
    }

  /* This week still counts as unbroken before its end. */
  {
    gint week = (gint) this_week;

    if (!g_hash_table_contains (active_weeks, GINT_TO_POINTER (week)))
      week--;
    while (g_hash_table_contains (active_weeks, GINT_TO_POINTER (week)))
      {
        summary->weekly_streak++;
        week--;
      }
  }

  sessions = unknot_pain_diary_get_sessions (self, now - 28 * DAY, now + 1);
  for (guint i = 0; i < sessions->len; i++)
    {
      const UnknotPainSession *session = &g_array_index (sessions, UnknotPainSession, i);

      total_change += (gint64) session->after - (gint64) session->before;
    }
  summary->n_changes = sessions->len;
  summary->average_change = sessions->len > 0 ? (double) total_change / sessions->len : 0.0;
}

/**
 * unknot_pain_diary_get_problems:
 *
 * Returns: (transfer none) (element-type utf8): one message per stored entry that could
 *   not be read; those entries are kept as they are
 */
const GPtrArray *
unknot_pain_diary_get_problems (UnknotPainDiary *self)
{
  g_return_val_if_fail (UNKNOT_IS_PAIN_DIARY (self), NULL);
  return self->problems;
}

/* CSV, RFC 4180: a header, then time (ISO 8601, UTC), area, score, routine, phase, note. */
#define CSV_HEADER "time,area,score,routine,phase,note"

static void
append_csv_field (GString *csv, const char *field)
{
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (csv, field);
      return;
    }
  g_string_append_c (csv, '"');
  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

/**
 * unknot_pain_diary_to_csv:
 *
 * Returns: (transfer full): every readable entry as CSV, for a spreadsheet or a
 *   physiotherapist
 */
char *
unknot_pain_diary_to_csv (UnknotPainDiary *self)
{
  GString *csv = g_string_new (CSV_HEADER "\r\n");

  g_return_val_if_fail (UNKNOT_IS_PAIN_DIARY (self), g_string_free (csv, TRUE));

  for (guint i = 0; i < self->entries->len; i++)
    {
      const UnknotPainEntry *entry = &g_array_index (self->entries, UnknotPainEntry, i);
      g_autoptr (GDateTime) time = g_date_time_new_from_unix_utc (entry->time);
      g_autofree char *iso = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");

      g_string_append_printf (csv, "%s,%s,%u,", iso, unknot_area_get_id (entry->area),
                              entry->score);
      append_csv_field (csv, entry->routine_id);
      g_string_append_printf (csv, ",%s,", unknot_phase_get_id (entry->phase));
      append_csv_field (csv, entry->note);
      g_string_append (csv, "\r\n");
    }
  return g_string_free (csv, FALSE);
}

/* Splits one CSV record starting at *@cursor into fields; moves *@cursor past it. */
static GPtrArray *
parse_csv_record (const char **cursor, const char *end, guint *line, GError **error)
{
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) field = g_string_new (NULL);
  const char *p = *cursor;
  guint start_line = *line;

  for (;;)
    {
      if (p < end && *p == '"')
        {
          p++;
          for (;;)
            {
              if (p >= end)
                {
                  g_set_error (error, UNKNOT_PAIN_DIARY_ERROR, UNKNOT_PAIN_DIARY_ERROR_CSV,
                               _ ("line %u: a quoted field is never closed"), start_line);
                  return NULL;
                }
              if (*p == '"' && p + 1 < end && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                {
                  if (*p == '\n')
                    (*line)++;
                  g_string_append_c (field, *p++);
                }
            }
          if (p < end && *p != ',' && *p != '\r' && *p != '\n')
            {
              g_set_error (error, UNKNOT_PAIN_DIARY_ERROR, UNKNOT_PAIN_DIARY_ERROR_CSV,
                           _ ("line %u: text after a closing quote"), *line);
              return NULL;
            }
        }
      else
        {
          while (p < end && *p != ',' && *p != '\r' && *p != '\n')
            {
              if (*p == '"')
                {
                  g_set_error (error, UNKNOT_PAIN_DIARY_ERROR, UNKNOT_PAIN_DIARY_ERROR_CSV,
                               _ ("line %u: a quote inside an unquoted field"), *line);
                  return NULL;
                }
              g_string_append_c (field, *p++);
            }
        }

      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);

      if (p < end && *p == ',')
        {
          p++;
          continue;
        }
      if (p < end && *p == '\r')
        p++;
      if (p < end && *p == '\n')
        p++;
      (*line)++;
      break;
    }

  *cursor = p;
  return g_steal_pointer (&fields);
}

static gboolean
parse_csv_time (const char *text, gint64 *time)
{
  g_autoptr (GDateTime) parsed = NULL;
  /* The time of day, after the date's "T" (or a space): its own "-" is an offset. */
  const char *clock = strpbrk (text, "Tt ");

  /* A time zone, "Z" or an offset east or west of UTC after the time: a time without
   * one is ambiguous. */
  if (clock == NULL ||
      (!g_str_has_suffix (text, "Z") && !g_str_has_suffix (text, "z") && !strpbrk (clock, "+-")))
    return FALSE;
  parsed = g_date_time_new_from_iso8601 (text, NULL);
  if (parsed == NULL)
    return FALSE;
  *time = g_date_time_to_unix (parsed);
  return TRUE;
}

static gboolean
same_entry (const UnknotPainEntry *a, const UnknotPainEntry *b)
{
  return a->time == b->time && a->area == b->area && a->score == b->score && a->phase == b->phase &&
         g_str_equal (a->routine_id, b->routine_id) && g_str_equal (a->note, b->note);
}

static gboolean
contains_entry (UnknotPainDiary *self, const UnknotPainEntry *entry)
{
  for (guint i = lower_bound (self, entry->time); i < self->entries->len; i++)
    {
      const UnknotPainEntry *other = &g_array_index (self->entries, UnknotPainEntry, i);

      if (other->time != entry->time)
        break;
      if (same_entry (other, entry))
        return TRUE;
    }
  return FALSE;
}

/**
 * unknot_pain_diary_import_csv:
 * @n_imported: (out) (optional): how many new entries were added
 *
 * Adds the entries of a CSV made by unknot_pain_diary_to_csv().  The whole file is
 * checked first: one bad line and nothing is imported, with an error naming the line
 * and the problem.  Entries the diary already has are not added twice.
 */
gboolean
unknot_pain_diary_import_csv (
  UnknotPainDiary *self, const char *csv, gsize length, guint *n_imported, GError **error)
{
  g_autoptr (GArray) parsed = g_array_new (FALSE, FALSE, sizeof (UnknotPainEntry));
  g_autoptr (GPtrArray) added = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autoptr (GPtrArray) header = NULL;
  const char *cursor = csv;
  const char *end = csv + length;
  const char *invalid = NULL;
  guint line = 1;
  gint64 now = now_seconds ();

  g_return_val_if_fail (UNKNOT_IS_PAIN_DIARY (self), FALSE);

  g_array_set_clear_func (parsed, (GDestroyNotify) entry_clear);
  if (n_imported != NULL)
    *n_imported = 0;

  if (!g_utf8_validate (csv, length, &invalid))
    {
      guint bad_line = 1;

      for (const char *p = csv; p < invalid; p++)
        bad_line += *p == '\n';
      g_set_error (error, UNKNOT_PAIN_DIARY_ERROR, UNKNOT_PAIN_DIARY_ERROR_CSV,
                   _ ("line %u: the text is not UTF-8"), bad_line);
      return FALSE;
    }
  /* A byte-order mark from a spreadsheet is not part of the header. */
  if (length >= 3 && memcmp (cursor, "\xef\xbb\xbf", 3) == 0)
    cursor += 3;

  header = parse_csv_record (&cursor, end, &line, error);
  if (header == NULL)
    return FALSE;
  {
    g_autofree char *joined = NULL;

    g_ptr_array_add (header, NULL);
    joined = g_strjoinv (",", (char **) header->pdata);
    g_ptr_array_remove_index (header, header->len - 1);
    if (!g_str_equal (joined, CSV_HEADER))
      {
        g_set_error (error, UNKNOT_PAIN_DIARY_ERROR, UNKNOT_PAIN_DIARY_ERROR_CSV,
                     _ ("line 1: the header must be “%s”"), CSV_HEADER);
        return FALSE;
      }
  }

  while (cursor < end)
    {
      guint record_line = line;
      g_autoptr (GPtrArray) fields = parse_csv_record (&cursor, end, &line, error);
      g_autofree char *problem = NULL;
      UnknotPainEntry entry = { 0 };
      guint64 score;

      if (fields == NULL)
        return FALSE;
      if (fields->len == 1 && ((char *) g_ptr_array_index (fields, 0))[0] == '\0')
        continue; /* an empty line */
      if (fields->len != 6)
        {
          g_set_error (error, UNKNOT_PAIN_DIARY_ERROR, UNKNOT_PAIN_DIARY_ERROR_CSV,
                       _ ("line %u: %u fields where there should be 6"), record_line, fields->len);
          return FALSE;
        }
      if (!parse_csv_time (g_ptr_array_index (fields, 0), &entry.time))
        {
          g_set_error (error, UNKNOT_PAIN_DIARY_ERROR, UNKNOT_PAIN_DIARY_ERROR_CSV,
                       _ ("line %u: “%s” is not a time like 2026-11-25T08:30:00Z"), record_line,
                       (char *) g_ptr_array_index (fields, 0));
          return FALSE;
        }
      if (!g_ascii_string_to_unsigned (g_ptr_array_index (fields, 2), 10, 0, 255, &score, NULL))
        score = 255;
      problem = check_entry (entry.time, g_ptr_array_index (fields, 1), (guint) score,
                             g_ptr_array_index (fields, 4), g_ptr_array_index (fields, 5), now);
      if (problem != NULL)
        {
          g_set_error (error, UNKNOT_PAIN_DIARY_ERROR, UNKNOT_PAIN_DIARY_ERROR_CSV,
                       _ ("line %u: %s"), record_line, problem);
          return FALSE;
        }

      unknot_area_from_id (g_ptr_array_index (fields, 1), &entry.area);
      entry.score = (guint8) score;
      entry.routine_id = g_strdup (g_ptr_array_index (fields, 3));
      phase_from_id (g_ptr_array_index (fields, 4), &entry.phase);
      entry.note = g_strdup (g_ptr_array_index (fields, 5));
      g_array_append_val (parsed, entry);
    }

  /* Everything checked: now add what is new, in one write. */
  for (guint i = 0; i < parsed->len; i++)
    {
      UnknotPainEntry *entry = &g_array_index (parsed, UnknotPainEntry, i);
      gboolean duplicate = contains_entry (self, entry);

      for (guint j = 0; j < i && !duplicate; j++)
        duplicate = same_entry (&g_array_index (parsed, UnknotPainEntry, j), entry);
      /* A duplicate stays whole in @parsed (freed with it): later lines compare to it. */
      if (duplicate)
        continue;
      g_ptr_array_add (added, g_variant_ref_sink (entry_to_variant (entry->time, entry->area,
                                                                    entry->score, entry->routine_id,
                                                                    entry->phase, entry->note)));
    }

  if (added->len > 0)
    {
      if (!store (self, LOG_KEY, (GVariant **) added->pdata, added->len, error))
        return FALSE;
      load (self);
      g_signal_emit (self, signals[CHANGED], 0);
    }

  if (n_imported != NULL)
    *n_imported = added->len;
  return TRUE;
}

/**
 * unknot_pain_diary_add_intensity_event:
 *
 * Keeps a "too intense" press, for the progress page and the report.
 */
gboolean
unknot_pain_diary_add_intensity_event (UnknotPainDiary *self,
                                       gint64 time,
                                       const char *routine_id,
                                       guint step_index,
                                       UnknotSide side,
                                       GError **error)
{
  GVariant *added;

  g_return_val_if_fail (UNKNOT_IS_PAIN_DIARY (self), FALSE);
  g_return_val_if_fail (routine_id != NULL, FALSE);
  g_return_val_if_fail (side == UNKNOT_SIDE_LEFT || side == UNKNOT_SIDE_RIGHT, FALSE);

  added = g_variant_new (INTENSITY_TYPE, time, routine_id, step_index,
                         side == UNKNOT_SIDE_LEFT ? "left" : "right");
  if (!store (self, INTENSITY_KEY, &added, 1, error))
    return FALSE;

  load_intensity (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * unknot_pain_diary_get_intensity_events:
 *
 * Returns: (transfer full) (element-type UnknotIntensityRecord): the "too intense"
 *   presses in [@from, @to), in time order; routine ids live as long as the diary
 */
GArray *
unknot_pain_diary_get_intensity_events (UnknotPainDiary *self, gint64 from, gint64 to)
{
  GArray *events = g_array_new (FALSE, FALSE, sizeof (UnknotIntensityRecord));

  g_return_val_if_fail (UNKNOT_IS_PAIN_DIARY (self), events);

  for (guint i = 0; i < self->intensity->len; i++)
    {
      const UnknotIntensityRecord *record =
        &g_array_index (self->intensity, UnknotIntensityRecord, i);

      if (record->time >= from && record->time < to)
        g_array_append_val (events, *record);
    }
  return events;
}

/**
 * unknot_pain_diary_get_saved:
 *
 * Returns: whether every entry is on disk; when not, they are kept in memory and the
 *   write is tried again (see unknot_pain_diary_get_save_problem())
 */
gboolean
unknot_pain_diary_get_saved (UnknotPainDiary *self)
{
  g_return_val_if_fail (UNKNOT_IS_PAIN_DIARY (self), FALSE);
  return unknot_diary_store_get_saved (self->store);
}

/**
 * unknot_pain_diary_get_save_problem:
 *
 * Returns: (nullable): why entries are not on disk, for the person
 */
const char *
unknot_pain_diary_get_save_problem (UnknotPainDiary *self)
{
  g_return_val_if_fail (UNKNOT_IS_PAIN_DIARY (self), NULL);
  return unknot_diary_store_get_save_problem (self->store);
}

/**
 * unknot_pain_diary_get_rescue_report:
 *
 * Returns: (nullable): what was damaged in the stored diary and what was recovered,
 *   for the person; %NULL when it was read whole
 */
const char *
unknot_pain_diary_get_rescue_report (UnknotPainDiary *self)
{
  g_return_val_if_fail (UNKNOT_IS_PAIN_DIARY (self), NULL);
  return unknot_diary_store_get_rescue_report (self->store);
}

UnknotDiaryStore *
unknot_pain_diary_get_store (UnknotPainDiary *self)
{
  g_return_val_if_fail (UNKNOT_IS_PAIN_DIARY (self), NULL);
  return self->store;
}

static void
unknot_pain_diary_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  UnknotPainDiary *self = UNKNOT_PAIN_DIARY (object);

  switch (prop_id)
    {
    case PROP_SAVED:
      g_value_set_boolean (value, self->store ? unknot_diary_store_get_saved (self->store) : TRUE);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/**
 * unknot_pain_diary_new:
 * @settings: the application's settings, holding `pain-log` and `intensity-log`
 */
UnknotPainDiary *
unknot_pain_diary_new (GSettings *settings)
{
  UnknotPainDiary *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (UNKNOT_TYPE_PAIN_DIARY, NULL);
  self->settings = g_object_ref (settings);
  open_store (self);
  load (self);
  load_intensity (self);
  g_signal_connect (settings, "change-event", G_CALLBACK (settings_change_event_cb), self);
  return self;
}

static void
unknot_pain_diary_dispose (GObject *object)
{
  UnknotPainDiary *self = UNKNOT_PAIN_DIARY (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (unknot_pain_diary_parent_class)->dispose (object);
}

static void
unknot_pain_diary_finalize (GObject *object)
{
  UnknotPainDiary *self = UNKNOT_PAIN_DIARY (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->intensity, g_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (unknot_pain_diary_parent_class)->finalize (object);
}

static void
unknot_pain_diary_class_init (UnknotPainDiaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = unknot_pain_diary_get_property;
  object_class->dispose = unknot_pain_diary_dispose;
  object_class->finalize = unknot_pain_diary_finalize;

  /**
   * UnknotPainDiary::changed:
   *
   * Entries were added, here or by another instance.
   */
  /**
   * UnknotPainDiary:saved:
   *
   * Whether every entry is on disk.
   */
  properties[PROP_SAVED] =
    g_param_spec_boolean ("saved", NULL, NULL, TRUE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
unknot_pain_diary_init (UnknotPainDiary *self)
{
  self->entries = g_array_new (FALSE, FALSE, sizeof (UnknotPainEntry));
  g_array_set_clear_func (self->entries, (GDestroyNotify) entry_clear);
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->intensity = g_array_new (FALSE, FALSE, sizeof (UnknotIntensityRecord));
  self->strings = g_string_chunk_new (256);
}
