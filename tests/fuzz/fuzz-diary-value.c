/* fuzz-diary-value.c: the diary's stored values, `pain-log` and `intensity-log`
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is taken twice: as the GVariant text form GLib's keyfile backend stores
 * (`a(xsysss)`, `a(xsus)`), and as serialized GVariant data of those types. Each
 * value that comes out is stored in a memory backend, read by a new diary and walked
 * through every public query and the CSV export. The diary must skip what it cannot
 * read, say so, and write it back unchanged with the next entry.
 */

#include "config.h"

#include "unknot-fuzz.h"
#include "unknot-pain-diary-private.h"

#define LOG_TYPE "a(xsysss)"
#define INTENSITY_TYPE "a(xsus)"

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
check_entries (UnknotPainDiary *diary)
{
  guint n = unknot_pain_diary_get_n_entries (diary);
  gint64 now = now_seconds ();
  const GPtrArray *problems = unknot_pain_diary_get_problems (diary);
  g_autoptr (GPtrArray) all = unknot_pain_diary_query (diary, 0, G_MAXINT64);

  for (guint i = 0; i < n; i++)
    {
      const UnknotPainEntry *entry = unknot_pain_diary_get_entry (diary, i);

      g_assert_cmpint (entry->time, >=, 0);
      g_assert_cmpint (entry->time, <=, now + 600);
      g_assert_cmpint (entry->area, <, UNKNOT_N_AREAS);
      g_assert_cmpint (entry->phase, <, UNKNOT_N_PHASES);
      g_assert_cmpuint (entry->score, <=, 10);
      unknot_fuzz_check_text (entry->routine_id);
      unknot_fuzz_check_text (entry->note);
      if (i > 0)
        g_assert_cmpint (unknot_pain_diary_get_entry (diary, i - 1)->time, <=, entry->time);
    }
  g_assert_cmpuint (all->len, ==, n);
  for (guint i = 0; i < problems->len; i++)
    unknot_fuzz_check_text (g_ptr_array_index (problems, i));
}

static void
walk (UnknotPainDiary *diary)
{
  gint64 now = now_seconds ();
  g_autoptr (GArray) sessions = NULL;
  g_autoptr (GArray) events = NULL;
  g_autofree char *csv = NULL;
  UnknotPainSummary summary;

  check_entries (diary);

  for (UnknotArea area = 0; area < UNKNOT_N_AREAS; area++)
    {
      const UnknotPainEntry *latest = unknot_pain_diary_get_latest (diary, area);
      g_autoptr (GArray) trend = unknot_pain_diary_get_trend (diary, area, 0, G_MAXINT64);

      if (latest != NULL)
        g_assert_cmpint (latest->area, ==, area);
      for (guint i = 0; i < trend->len; i++)
        g_assert_cmpuint (g_array_index (trend, UnknotPainPoint, i).score, <=, 10);
    }

  sessions = unknot_pain_diary_get_sessions (diary, 0, G_MAXINT64);
  for (guint i = 0; i < sessions->len; i++)
    {
      const UnknotPainSession *session = &g_array_index (sessions, UnknotPainSession, i);
      double change = 0;
      guint n_sessions = 0;

      g_assert_cmpuint (session->before, <=, 10);
      g_assert_cmpuint (session->after, <=, 10);
      g_assert_true (unknot_pain_diary_get_routine_change (diary, session->routine_id, 0,
                                                           G_MAXINT64, &change, &n_sessions));
      g_assert_cmpuint (n_sessions, >=, 1);
      g_assert_cmpfloat (change, >=, -10);
      g_assert_cmpfloat (change, <=, 10);
    }

  unknot_pain_diary_get_summary (diary, now, &summary);
  {
    /* The summary's changes are those of the last four weeks. */
    g_autoptr (GArray) recent =
      unknot_pain_diary_get_sessions (diary, now - 28 * 24 * 3600, now + 1);

    g_assert_cmpuint (summary.n_changes, ==, recent->len);
  }
  g_assert_cmpfloat (summary.average_change, >=, -10);
  g_assert_cmpfloat (summary.average_change, <=, 10);

  events = unknot_pain_diary_get_intensity_events (diary, G_MININT64, G_MAXINT64);
  for (guint i = 0; i < events->len; i++)
    {
      const UnknotIntensityRecord *record = &g_array_index (events, UnknotIntensityRecord, i);

      unknot_fuzz_check_text (record->routine_id);
      g_assert_true (record->side == UNKNOT_SIDE_LEFT || record->side == UNKNOT_SIDE_RIGHT);
    }

  csv = unknot_pain_diary_to_csv (diary);
  unknot_fuzz_check_text (csv);
}

/* What was stored before is still there, unchanged, in front of what was added. */
static void
check_kept (GVariant *before, GVariant *after, gsize n_added)
{
  gsize n = g_variant_n_children (before);

  g_assert_cmpuint (g_variant_n_children (after), ==, n + n_added);
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr (GVariant) old_child = g_variant_get_child_value (before, i);
      g_autoptr (GVariant) new_child = g_variant_get_child_value (after, i);

      g_assert_true (g_variant_equal (old_child, new_child));
    }
}

/* Every part of the stored diary (the archives, then pain-log) as one array. */
static GVariant *
stored_log (UnknotPainDiary *diary)
{
  UnknotDiaryStore *store = unknot_pain_diary_get_store (diary);
  g_autoptr (GPtrArray) children =
    g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);

  for (guint i = 0; i < unknot_diary_store_get_n_parts (store); i++)
    {
      GVariant *part = unknot_diary_store_get_part (store, i);

      for (gsize j = 0; j < g_variant_n_children (part); j++)
        g_ptr_array_add (children, g_variant_get_child_value (part, j));
    }
  return g_variant_ref_sink (g_variant_new_array (G_VARIANT_TYPE ("(xsysss)"),
                                                  (GVariant **) children->pdata, children->len));
}

static void
read_value (GVariant *value, const char *key)
{
  g_autoptr (GSettings) settings = unknot_fuzz_settings_new ();
  g_autoptr (UnknotPainDiary) diary = NULL;
  g_autoptr (GVariant) stored = NULL;
  g_autoptr (GError) error = NULL;
  gint64 now = now_seconds ();

  /* g_variant_parse() gives a full reference, g_variant_new_from_bytes() a floating one. */
  g_variant_take_ref (value);
  g_assert_true (g_settings_set_value (settings, key, value));
  diary = unknot_pain_diary_new (settings);
  walk (diary);

  if (g_str_equal (key, "pain-log"))
    {
      guint n = unknot_pain_diary_get_n_entries (diary);

      g_assert_true (unknot_pain_diary_append (diary, now - 60, UNKNOT_AREA_LOW_BACK, 4, "fuzz",
                                               UNKNOT_PHASE_BEFORE, "", &error));
      g_assert_cmpuint (unknot_pain_diary_get_n_entries (diary), ==, n + 1);
    }
  else
    {
      g_autoptr (GArray) before = unknot_pain_diary_get_intensity_events (diary, now, now + 1);

      g_assert_true (
        unknot_pain_diary_add_intensity_event (diary, now, "fuzz", 0, UNKNOT_SIDE_LEFT, &error));
      {
        g_autoptr (GArray) after = unknot_pain_diary_get_intensity_events (diary, now, now + 1);

        g_assert_cmpuint (after->len, ==, before->len + 1);
      }
    }
  g_assert_true (unknot_pain_diary_get_saved (diary));
  if (g_str_equal (key, "pain-log"))
    stored = stored_log (diary);
  else
    stored = g_settings_get_value (settings, key);
  check_kept (value, stored, 1);
  walk (diary);
  g_variant_unref (value);
}

static void
read_text (const uint8_t *data, size_t size, const char *type, const char *key)
{
  const char *text = (const char *) data;
  GVariant *value;

  /* GLib 2.74's parser meets a string that is not UTF-8 with a critical and returns
   * NULL without an error; the keyfile backend then gives the default. That is GLib's
   * to fix, and the diary never sees such a value. */
  if (!g_utf8_validate (text, size, NULL))
    return;
  value = g_variant_parse (G_VARIANT_TYPE (type), text, text + size, NULL, NULL);
  if (value != NULL)
    read_value (value, key);
}

static void
read_serialized (GBytes *bytes, const char *type, const char *key)
{
  read_value (g_variant_new_from_bytes (G_VARIANT_TYPE (type), bytes, FALSE), key);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = NULL;

  unknot_fuzz_init ();

  read_text (data, size, LOG_TYPE, "pain-log");
  read_text (data, size, INTENSITY_TYPE, "intensity-log");

  bytes = g_bytes_new (data, size);
  read_serialized (bytes, LOG_TYPE, "pain-log");
  read_serialized (bytes, INTENSITY_TYPE, "intensity-log");
  return 0;
}
