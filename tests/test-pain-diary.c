/* test-pain-diary.c: the pain diary, its stored data, CSV, and surviving a kill
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "unknot-pain-diary.h"

#define HOUR 3600
#define DAY (24 * HOUR)

static const char *program;

typedef struct
{
  GSettings *settings;
  UnknotPainDiary *diary;
  guint n_changed;
} Fixture;

static void
changed_cb (UnknotPainDiary *diary, Fixture *f)
{
  f->n_changed++;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->settings = g_settings_new (APPLICATION_ID);
  g_settings_reset (f->settings, "pain-log");
  g_settings_reset (f->settings, "intensity-log");
  g_settings_reset (f->settings, "pain-log-archives");
  f->diary = unknot_pain_diary_new (f->settings);
  g_signal_connect (f->diary, "changed", G_CALLBACK (changed_cb), f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->diary);
  g_clear_object (&f->settings);
}

/* A Wednesday at noon, local time, a little in the past. */
static gint64
wednesday_noon (void)
{
  g_autoptr (GDateTime) date = g_date_time_new_local (2026, 11, 18, 12, 0, 0);

  return g_date_time_to_unix (date);
}

static void
append (
  Fixture *f, gint64 time, UnknotArea area, guint score, const char *routine, UnknotPhase phase)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (
    unknot_pain_diary_append (f->diary, time, area, score, routine, phase, NULL, &error));
  g_assert_no_error (error);
}

static void
test_append_and_query (Fixture *f, gconstpointer data)
{
  gint64 t = wednesday_noon ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GVariant) stored = NULL;
  const UnknotPainEntry *entry;

  append (f, t, UNKNOT_AREA_LOW_BACK, 6, "glute-release", UNKNOT_PHASE_BEFORE);
  append (f, t + 600, UNKNOT_AREA_LOW_BACK, 3, "glute-release", UNKNOT_PHASE_AFTER);
  g_assert_true (unknot_pain_diary_append (f->diary, t - DAY, UNKNOT_AREA_KNEE_LEFT, 4, NULL,
                                           UNKNOT_PHASE_CHECK_IN, "stairs, \"bad\"", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_changed, ==, 3);

  /* Kept in time order whatever the order of writing. */
  g_assert_cmpuint (unknot_pain_diary_get_n_entries (f->diary), ==, 3);
  entry = unknot_pain_diary_get_entry (f->diary, 0);
  g_assert_cmpint (entry->area, ==, UNKNOT_AREA_KNEE_LEFT);
  g_assert_cmpstr (entry->routine_id, ==, "");
  g_assert_cmpstr (entry->note, ==, "stairs, \"bad\"");
  g_assert_cmpint (entry->phase, ==, UNKNOT_PHASE_CHECK_IN);

  found = unknot_pain_diary_query (f->diary, t, t + 600);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpuint (((UnknotPainEntry *) g_ptr_array_index (found, 0))->score, ==, 6);

  entry = unknot_pain_diary_get_latest (f->diary, UNKNOT_AREA_LOW_BACK);
  g_assert_cmpuint (entry->score, ==, 3);
  g_assert_null (unknot_pain_diary_get_latest (f->diary, UNKNOT_AREA_HIP_RIGHT));

  /* Stored in GSettings as DESIGN.md says: a(xsysss). */
  stored = g_settings_get_value (f->settings, "pain-log");
  g_assert_cmpuint (g_variant_n_children (stored), ==, 3);
  g_assert_true (g_variant_is_of_type (stored, G_VARIANT_TYPE ("a(xsysss)")));

  /* A second diary on the same settings reads the same. */
  {
    g_autoptr (UnknotPainDiary) again = unknot_pain_diary_new (f->settings);

    g_assert_cmpuint (unknot_pain_diary_get_n_entries (again), ==, 3);
  }
}

static void
test_append_refused (Fixture *f, gconstpointer data)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr (GError) error = NULL;

  g_assert_false (unknot_pain_diary_append (f->diary, now, UNKNOT_AREA_LOW_BACK, 11, NULL,
                                            UNKNOT_PHASE_CHECK_IN, NULL, &error));
  g_assert_error (error, UNKNOT_PAIN_DIARY_ERROR, UNKNOT_PAIN_DIARY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (unknot_pain_diary_append (f->diary, now + 2 * DAY, UNKNOT_AREA_LOW_BACK, 3, NULL,
                                            UNKNOT_PHASE_CHECK_IN, NULL, &error));
  g_assert_error (error, UNKNOT_PAIN_DIARY_ERROR, UNKNOT_PAIN_DIARY_ERROR_INVALID);
  g_assert_cmpuint (unknot_pain_diary_get_n_entries (f->diary), ==, 0);
  g_assert_cmpuint (f->n_changed, ==, 0);
}

/* Entries this version cannot read are reported and skipped, and survive every write. */
static void
test_bad_stored_data (Fixture *f, gconstpointer data)
{
  gint64 t = wednesday_noon ();
  gint64 future = g_get_real_time () / G_USEC_PER_SEC + 30 * DAY;
  g_autoptr (GVariant) original = NULL;
  g_autoptr (GVariant) after = NULL;
  g_autoptr (UnknotPainDiary) diary = NULL;
  const GPtrArray *problems;
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(xsysss)"));
  g_variant_builder_add (&builder, "(xsysss)", t, "low-back", 5, "", "check-in", "");
  g_variant_builder_add (&builder, "(xsysss)", t, "elbow", 5, "", "check-in", "");
  g_variant_builder_add (&builder, "(xsysss)", t, "low-back", 42, "", "check-in", "");
  g_variant_builder_add (&builder, "(xsysss)", t, "low-back", 5, "", "during", "");
  g_variant_builder_add (&builder, "(xsysss)", future, "low-back", 5, "", "check-in", "");
  g_variant_builder_add (&builder, "(xsysss)", (gint64) -5, "low-back", 5, "", "check-in", "");
  g_variant_builder_add (&builder, "(xsysss)", t + 60, "hip-left", 2, "glute-release", "after", "");
  original = g_variant_ref_sink (g_variant_builder_end (&builder));
  g_settings_set_value (f->settings, "pain-log", original);

  diary = unknot_pain_diary_new (f->settings);
  g_assert_cmpuint (unknot_pain_diary_get_n_entries (diary), ==, 2);
  problems = unknot_pain_diary_get_problems (diary);
  g_assert_cmpuint (problems->len, ==, 5);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "entry 2"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "elbow"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 1), "42"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 2), "during"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 3), "future"));

  /* A new check-in: the unreadable entries are written back as they were. */
  g_assert_true (unknot_pain_diary_append (diary, t + 120, UNKNOT_AREA_LOW_BACK, 4, NULL,
                                           UNKNOT_PHASE_CHECK_IN, NULL, NULL));
  after = g_settings_get_value (f->settings, "pain-log");
  g_assert_cmpuint (g_variant_n_children (after), ==, 8);
  for (gsize i = 0; i < 7; i++)
    {
      g_autoptr (GVariant) a = g_variant_get_child_value (original, i);
      g_autoptr (GVariant) b = g_variant_get_child_value (after, i);

      g_assert_true (g_variant_equal (a, b));
    }
  g_assert_cmpuint (unknot_pain_diary_get_n_entries (diary), ==, 3);
}

static void
test_trend_and_sessions (Fixture *f, gconstpointer data)
{
  gint64 t = wednesday_noon ();
  g_autoptr (GArray) trend = NULL;
  g_autoptr (GArray) sessions = NULL;
  const UnknotPainSession *session;
  double change = 0;
  guint n = 0;

  append (f, t, UNKNOT_AREA_LOW_BACK, 6, "glute-release", UNKNOT_PHASE_BEFORE);
  append (f, t, UNKNOT_AREA_KNEE_LEFT, 5, "glute-release", UNKNOT_PHASE_BEFORE);
  append (f, t + 900, UNKNOT_AREA_LOW_BACK, 3, "glute-release", UNKNOT_PHASE_AFTER);
  append (f, t + 900, UNKNOT_AREA_KNEE_LEFT, 5, "glute-release", UNKNOT_PHASE_AFTER);
  /* An "after" too long after its "before" is not a pair. */
  append (f, t + DAY, UNKNOT_AREA_LOW_BACK, 5, "piriformis-ball", UNKNOT_PHASE_BEFORE);
  append (f, t + DAY + 4 * HOUR, UNKNOT_AREA_LOW_BACK, 2, "piriformis-ball", UNKNOT_PHASE_AFTER);
  append (f, t + 2 * DAY, UNKNOT_AREA_LOW_BACK, 5, "glute-release", UNKNOT_PHASE_BEFORE);
  append (f, t + 2 * DAY + 600, UNKNOT_AREA_LOW_BACK, 4, "glute-release", UNKNOT_PHASE_AFTER);

  trend = unknot_pain_diary_get_trend (f->diary, UNKNOT_AREA_LOW_BACK, t, t + 3 * DAY);
  g_assert_cmpuint (trend->len, ==, 6);
  g_assert_cmpuint (g_array_index (trend, UnknotPainPoint, 0).score, ==, 6);
  g_assert_cmpint (g_array_index (trend, UnknotPainPoint, 5).time, ==, t + 2 * DAY + 600);

  sessions = unknot_pain_diary_get_sessions (f->diary, t, t + 3 * DAY);
  g_assert_cmpuint (sessions->len, ==, 3);
  session = &g_array_index (sessions, UnknotPainSession, 0);
  g_assert_cmpstr (session->routine_id, ==, "glute-release");
  g_assert_cmpint (session->area, ==, UNKNOT_AREA_LOW_BACK);
  g_assert_cmpuint (session->before, ==, 6);
  g_assert_cmpuint (session->after, ==, 3);
  session = &g_array_index (sessions, UnknotPainSession, 1);
  g_assert_cmpint (session->area, ==, UNKNOT_AREA_KNEE_LEFT);

  /* Glute release: −3, 0 and −1, on average −4/3. */
  g_assert_true (
    unknot_pain_diary_get_routine_change (f->diary, "glute-release", t, t + 3 * DAY, &change, &n));
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpfloat_with_epsilon (change, -4.0 / 3.0, 1e-9);
  g_assert_false (unknot_pain_diary_get_routine_change (f->diary, "piriformis-ball", t, t + 3 * DAY,
                                                        &change, &n));
  g_assert_cmpuint (n, ==, 0);
}

/* Runs of a routine per week, the weekly streak, the average change. */
static void
test_summary (Fixture *f, gconstpointer data)
{
  gint64 now = wednesday_noon ();
  UnknotPainSummary summary;

  unknot_pain_diary_get_summary (f->diary, now, &summary);
  g_assert_cmpuint (summary.sessions_this_week, ==, 0);
  g_assert_cmpuint (summary.weekly_streak, ==, 0);
  g_assert_cmpuint (summary.n_changes, ==, 0);

  /* Two runs this week (one with two areas), one last week, one two weeks ago, then a gap
   * and one six weeks ago. */
  append (f, now - HOUR, UNKNOT_AREA_LOW_BACK, 6, "glute-release", UNKNOT_PHASE_BEFORE);
  append (f, now - HOUR, UNKNOT_AREA_HIP_LEFT, 4, "glute-release", UNKNOT_PHASE_BEFORE);
  append (f, now - HOUR + 600, UNKNOT_AREA_LOW_BACK, 3, "glute-release", UNKNOT_PHASE_AFTER);
  append (f, now - HOUR + 600, UNKNOT_AREA_HIP_LEFT, 4, "glute-release", UNKNOT_PHASE_AFTER);
  append (f, now - DAY, UNKNOT_AREA_LOW_BACK, 5, "outer-hip-ball", UNKNOT_PHASE_AFTER);
  append (f, now - 7 * DAY, UNKNOT_AREA_LOW_BACK, 5, "glute-release", UNKNOT_PHASE_BEFORE);
  append (f, now - 7 * DAY + 600, UNKNOT_AREA_LOW_BACK, 4, "glute-release", UNKNOT_PHASE_AFTER);
  append (f, now - 14 * DAY, UNKNOT_AREA_LOW_BACK, 6, "glute-release", UNKNOT_PHASE_AFTER);
  append (f, now - 42 * DAY, UNKNOT_AREA_LOW_BACK, 7, "glute-release", UNKNOT_PHASE_AFTER);
  /* A check-in on its own is not a routine. */
  append (f, now - 2 * HOUR, UNKNOT_AREA_KNEE_LEFT, 2, NULL, UNKNOT_PHASE_CHECK_IN);

  unknot_pain_diary_get_summary (f->diary, now, &summary);
  g_assert_cmpuint (summary.sessions_this_week, ==, 2);
  g_assert_cmpuint (summary.sessions_last_four_weeks, ==, 4);
  g_assert_cmpuint (summary.weekly_streak, ==, 3);
  /* Pairs in the last four weeks: −3, 0, −1. */
  g_assert_cmpuint (summary.n_changes, ==, 3);
  g_assert_cmpfloat_with_epsilon (summary.average_change, -4.0 / 3.0, 1e-9);

  /* Next Tuesday nothing yet that week: the streak holds until the week is over. */
  unknot_pain_diary_get_summary (f->diary, now + 6 * DAY, &summary);
  g_assert_cmpuint (summary.sessions_this_week, ==, 0);
  g_assert_cmpuint (summary.weekly_streak, ==, 3);
  /* A week later still nothing: broken. */
  unknot_pain_diary_get_summary (f->diary, now + 13 * DAY, &summary);
  g_assert_cmpuint (summary.weekly_streak, ==, 0);
}

static void
test_noticeable (void)
{
  g_assert_true (unknot_pain_change_is_noticeable (6, 4));
  g_assert_true (unknot_pain_change_is_noticeable (4, 6));
  g_assert_true (unknot_pain_change_is_noticeable (3, 2));  /* 33 % */
  g_assert_false (unknot_pain_change_is_noticeable (8, 7)); /* 1 point, 12 % */
  g_assert_false (unknot_pain_change_is_noticeable (5, 5));
  g_assert_false (unknot_pain_change_is_noticeable (0, 0));
  g_assert_cmpstr (unknot_pain_score_get_anchor (0), ==, "None");
  g_assert_cmpstr (unknot_pain_score_get_anchor (3), ==, "Mild");
  g_assert_cmpstr (unknot_pain_score_get_anchor (4), ==, "Moderate");
  g_assert_cmpstr (unknot_pain_score_get_anchor (7), ==, "Severe");
  g_assert_cmpstr (unknot_pain_score_get_anchor (10), ==, "Worst imaginable");
}

static void
test_csv_round_trip (Fixture *f, gconstpointer data)
{
  gint64 t = wednesday_noon ();
  g_autofree char *csv = NULL;
  g_autofree char *csv_again = NULL;
  g_autoptr (GError) error = NULL;
  guint n_imported = 0;

  append (f, t, UNKNOT_AREA_LOW_BACK, 6, "glute-release", UNKNOT_PHASE_BEFORE);
  g_assert_true (unknot_pain_diary_append (f->diary, t + 60, UNKNOT_AREA_LEG_RIGHT, 10, NULL,
                                           UNKNOT_PHASE_CHECK_IN, "after \"the\" fall,\nhad to sit",
                                           NULL));
  csv = unknot_pain_diary_to_csv (f->diary);
  g_assert_true (g_str_has_prefix (csv, "time,area,score,routine,phase,note\r\n"));
  g_assert_nonnull (strstr (csv, "\"after \"\"the\"\" fall,\nhad to sit\""));

  /* Into an empty diary: the same entries. */
  g_settings_reset (f->settings, "pain-log");
  g_assert_cmpuint (unknot_pain_diary_get_n_entries (f->diary), ==, 0);
  g_assert_true (unknot_pain_diary_import_csv (f->diary, csv, strlen (csv), &n_imported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_imported, ==, 2);
  csv_again = unknot_pain_diary_to_csv (f->diary);
  g_assert_cmpstr (csv_again, ==, csv);

  /* Again: nothing is added twice. */
  g_assert_true (unknot_pain_diary_import_csv (f->diary, csv, strlen (csv), &n_imported, &error));
  g_assert_cmpuint (n_imported, ==, 0);
  g_assert_cmpuint (unknot_pain_diary_get_n_entries (f->diary), ==, 2);
}

/* Times in a CSV from elsewhere: UTC, or an offset east or west of it (a spreadsheet
 * in New York writes -05:00); each lands on the same instant.  A time without a zone is
 * refused: it could be any of them. */
static void
test_csv_time_zones (Fixture *f, gconstpointer data)
{
  static const char csv[] = "time,area,score,routine,phase,note\n"
                            "2026-11-18T12:00:00Z,low-back,5,,before,utc\n"
                            "2026-11-18T07:00:00-05:00,low-back,4,,after,new york\n"
                            "2026-11-18T13:00:00+01:00,buttock-left,3,,check-in,berlin\n"
                            "2026-11-18T02:00:00-10:00,buttock-right,2,,check-in,honolulu\n"
                            "2026-11-18 17:30:00+05:30,knee-left,1,,check-in,delhi\n";
  static const char *no_zone[] = { "2026-11-18T12:00:00", "2026-11-18", "2026-11-18T12:00:00-" };
  g_autoptr (GDateTime) noon = g_date_time_new_utc (2026, 11, 18, 12, 0, 0);
  gint64 t = g_date_time_to_unix (noon);
  g_autoptr (GError) error = NULL;
  guint n_imported = 0;

  g_assert_true (unknot_pain_diary_import_csv (f->diary, csv, strlen (csv), &n_imported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_imported, ==, 5);
  g_assert_cmpuint (unknot_pain_diary_get_n_entries (f->diary), ==, 5);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (unknot_pain_diary_get_entry (f->diary, i)->time, ==, t);

  for (guint i = 0; i < G_N_ELEMENTS (no_zone); i++)
    {
      g_autofree char *bad = g_strdup_printf (
        "time,area,score,routine,phase,note\n%s,low-back,5,,before,\n", no_zone[i]);
      g_autoptr (GError) bad_error = NULL;

      g_assert_false (
        unknot_pain_diary_import_csv (f->diary, bad, strlen (bad), &n_imported, &bad_error));
      g_assert_error (bad_error, UNKNOT_PAIN_DIARY_ERROR, UNKNOT_PAIN_DIARY_ERROR_CSV);
      g_assert_nonnull (strstr (bad_error->message, "is not a time"));
    }
}

/* A malformed CSV names the line and the problem, and imports nothing. */
static void
test_csv_bad (Fixture *f, gconstpointer data)
{
  static const struct
  {
    const char *csv;
    const char *message;
  } cases[] = {
    { "when,area,score\n", "line 1: the header must be" },
    { "time,area,score,routine,phase,note\n2026-11-18T12:00:00Z,low-back,5,,before\n",
      "line 2: 5 fields where there should be 6" },
    { "time,area,score,routine,phase,note\n2026-11-18T12:00:00Z,low-back,5,,before,\n"
      "yesterday,low-back,5,,before,\n",
      "line 3: “yesterday” is not a time" },
    { "time,area,score,routine,phase,note\n2026-11-18T12:00:00Z,low-back,11,,before,\n",
      "line 2: score 11 is not from 0 to 10" },
    { "time,area,score,routine,phase,note\n2026-11-18T12:00:00Z,low-back,-1,,before,\n",
      "line 2: score 255" },
    { "time,area,score,routine,phase,note\n2026-11-18T12:00:00Z,shoulder,5,,before,\n",
      "line 2: unknown body area “shoulder”" },
    { "time,area,score,routine,phase,note\n2026-11-18T12:00:00Z,low-back,5,,during,\n",
      "line 2: unknown phase “during”" },
    { "time,area,score,routine,phase,note\n2026-11-18T12:00:00Z,low-back,5,,before,\"open\n",
      "line 2: a quoted field is never closed" },
    { "time,area,score,routine,phase,note\n2026-11-18T12:00:00Z,low-back,5,,before,\"a\"b\n",
      "line 2: text after a closing quote" },
    { "time,area,score,routine,phase,note\n2099-01-01T00:00:00Z,low-back,5,,before,\n",
      "line 2: the time is in the future" },
    { "time,area,score,routine,phase,note\n2026-11-18T12:00:00Z,low-back,5,,before,\xff\n",
      "line 2: the text is not UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      guint n_imported = 99;

      g_assert_false (unknot_pain_diary_import_csv (f->diary, cases[i].csv, strlen (cases[i].csv),
                                                    &n_imported, &error));
      g_assert_error (error, UNKNOT_PAIN_DIARY_ERROR, UNKNOT_PAIN_DIARY_ERROR_CSV);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].message);
      g_assert_cmpuint (n_imported, ==, 0);
      g_assert_cmpuint (unknot_pain_diary_get_n_entries (f->diary), ==, 0);
    }
  g_assert_cmpuint (f->n_changed, ==, 0);
}

static void
test_intensity_events (Fixture *f, gconstpointer data)
{
  gint64 t = wednesday_noon ();
  g_autoptr (GArray) events = NULL;
  const UnknotIntensityRecord *record;

  g_assert_true (unknot_pain_diary_add_intensity_event (f->diary, t, "piriformis-ball", 1,
                                                        UNKNOT_SIDE_RIGHT, NULL));
  g_assert_true (unknot_pain_diary_add_intensity_event (f->diary, t - DAY, "glute-release", 0,
                                                        UNKNOT_SIDE_LEFT, NULL));
  events = unknot_pain_diary_get_intensity_events (f->diary, t - 2 * DAY, t + 1);
  g_assert_cmpuint (events->len, ==, 2);
  record = &g_array_index (events, UnknotIntensityRecord, 0);
  g_assert_cmpstr (record->routine_id, ==, "glute-release");
  record = &g_array_index (events, UnknotIntensityRecord, 1);
  g_assert_cmpstr (record->routine_id, ==, "piriformis-ball");
  g_assert_cmpuint (record->step_index, ==, 1);
  g_assert_cmpint (record->side, ==, UNKNOT_SIDE_RIGHT);
}

/* The person flies from Berlin to New York between a before and an after: the pair
 * is still a pair (times are UTC), nothing is lost, and the weeks follow the zone the
 * person is in now. */
static void
test_time_zone_change (Fixture *f, gconstpointer data)
{
  g_autofree char *saved_tz = g_strdup (g_getenv ("TZ"));
  g_autoptr (GDateTime) sunday_late = NULL;
  g_autoptr (GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  gint64 before, after;
  UnknotPainSummary in_berlin, in_new_york;
  g_autoptr (GArray) sessions = NULL;

  g_assert_nonnull (berlin);
  /* Sunday 23:30 in Berlin (17:30 in New York); the after comes 40 min later. */
  sunday_late = g_date_time_new (berlin, 2026, 11, 15, 23, 30, 0);
  before = g_date_time_to_unix (sunday_late);
  after = before + 40 * 60;

  g_setenv ("TZ", "Europe/Berlin", TRUE);
  append (f, before, UNKNOT_AREA_LOW_BACK, 6, "glute-release", UNKNOT_PHASE_BEFORE);
  g_setenv ("TZ", "America/New_York", TRUE);
  append (f, after, UNKNOT_AREA_LOW_BACK, 3, "glute-release", UNKNOT_PHASE_AFTER);

  sessions = unknot_pain_diary_get_sessions (f->diary, before - DAY, after + DAY);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_cmpuint (g_array_index (sessions, UnknotPainSession, 0).before, ==, 6);
  g_assert_cmpuint (g_array_index (sessions, UnknotPainSession, 0).after, ==, 3);

  /* A week later, in each zone: the same sessions and change; the week of the
   * routine is the one the person's clock says. */
  unknot_pain_diary_get_summary (f->diary, after + 2 * HOUR, &in_new_york);
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  unknot_pain_diary_get_summary (f->diary, after + 2 * HOUR, &in_berlin);
  g_assert_cmpuint (in_berlin.n_changes, ==, 1);
  g_assert_cmpuint (in_new_york.n_changes, ==, 1);
  g_assert_cmpfloat (in_berlin.average_change, ==, -3);
  g_assert_cmpfloat (in_new_york.average_change, ==, -3);
  g_assert_cmpuint (in_berlin.sessions_last_four_weeks, ==, 1);
  g_assert_cmpuint (in_new_york.sessions_last_four_weeks, ==, 1);
  /* A run counts when it starts.  Two hours after it, it is Monday in Berlin, where
   * the run started on Sunday: last week, so none this week, but the streak holds.
   * In New York it is still Sunday evening: the run is this week's. */
  g_assert_cmpuint (in_berlin.sessions_this_week, ==, 0);
  g_assert_cmpuint (in_berlin.weekly_streak, ==, 1);
  g_assert_cmpuint (in_new_york.sessions_this_week, ==, 1);
  g_assert_cmpuint (in_new_york.weekly_streak, ==, 1);

  if (saved_tz != NULL)
    g_setenv ("TZ", saved_tz, TRUE);
  else
    g_unsetenv ("TZ");
}

/* Another instance (or another GSettings object) writes: the diary follows. */
static void
test_external_change (Fixture *f, gconstpointer data)
{
  g_autoptr (GSettings) other = g_settings_new (APPLICATION_ID);
  g_autoptr (UnknotPainDiary) writer = unknot_pain_diary_new (other);

  g_assert_true (unknot_pain_diary_append (writer, wednesday_noon (), UNKNOT_AREA_HIP_RIGHT, 3,
                                           NULL, UNKNOT_PHASE_CHECK_IN, NULL, NULL));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (unknot_pain_diary_get_n_entries (f->diary), ==, 1);
  g_assert_cmpuint (f->n_changed, ==, 1);
}

/* A child process on the keyfile backend (as in the Flatpak) appends and kills itself
 * at once; a new process finds the entry. */
static int
child_main (const char *mode)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr (UnknotPainDiary) diary = unknot_pain_diary_new (settings);

  if (g_str_equal (mode, "append"))
    {
      gint64 now = g_get_real_time () / G_USEC_PER_SEC;

      if (!unknot_pain_diary_append (diary, now, UNKNOT_AREA_LOW_BACK, 7, "glute-release",
                                     UNKNOT_PHASE_AFTER, "kill me", NULL))
        return 2;
      kill (getpid (), SIGKILL);
      return 3;
    }
  g_print ("%u\n", unknot_pain_diary_get_n_entries (diary));
  return 0;
}

static void
test_survives_kill (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("unknot-kill-XXXXXX", &error);
  g_auto (GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  int status = 0;

  g_assert_no_error (error);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "keyfile", TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", home, TRUE);

  for (guint round = 0; round < 3; round++)
    {
      const char *argv[] = { program, "--child", "append", NULL };

      g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status,
                    &error);
      g_assert_no_error (error);
      /* Killed, not exited: the entry was acknowledged just before. */
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
    }

  {
    const char *argv[] = { program, "--child", "count", NULL };

    g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                  &error);
    g_assert_no_error (error);
    g_assert_cmpstr (out, ==, "3\n");
  }

  {
    g_autofree char *keyfile = g_build_filename (home, "glib-2.0", "settings", "keyfile", NULL);
    g_autofree char *dir1 = g_build_filename (home, "glib-2.0", "settings", NULL);
    g_autofree char *dir2 = g_build_filename (home, "glib-2.0", NULL);

    g_assert_true (g_file_test (keyfile, G_FILE_TEST_EXISTS));
    g_unlink (keyfile);
    g_rmdir (dir1);
    g_rmdir (dir2);
    g_rmdir (home);
  }
}

int
main (int argc, char *argv[])
{
  program = argv[0];
  setlocale (LC_ALL, "");

  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return child_main (argv[2]);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/pain-diary/append-and-query", test_append_and_query);
  ADD ("/pain-diary/append-refused", test_append_refused);
  ADD ("/pain-diary/bad-stored-data", test_bad_stored_data);
  ADD ("/pain-diary/trend-and-sessions", test_trend_and_sessions);
  ADD ("/pain-diary/summary", test_summary);
  ADD ("/pain-diary/csv-round-trip", test_csv_round_trip);
  ADD ("/pain-diary/csv-bad", test_csv_bad);
  ADD ("/pain-diary/csv-time-zones", test_csv_time_zones);
  ADD ("/pain-diary/intensity-events", test_intensity_events);
  ADD ("/pain-diary/external-change", test_external_change);
  ADD ("/pain-diary/time-zone-change", test_time_zone_change);
#undef ADD
  g_test_add_func ("/pain-diary/noticeable", test_noticeable);
  g_test_add_func ("/pain-diary/survives-kill", test_survives_kill);

  return g_test_run ();
}
