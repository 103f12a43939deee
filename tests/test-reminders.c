/* test-reminders.c: when reminders come (days, times, daylight saving, missed ones), what
 * they say, and the autostart that brings them when Unknot is closed: the host's file,
 * and the Background portal faked on a private bus
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "unknot-autostart.h"
#include "unknot-coach.h"
#include "unknot-pain-diary.h"
#include "unknot-reminders.h"
#include "unknot-routine.h"
#include "unknot-routine-library.h"

#define MINUTE 60
#define HOUR 3600
#define DAY (24 * HOUR)
#define WEEKDAYS 0x1fu /* Monday to Friday */

static GTimeZone *berlin;

/* Unix seconds of a local time in Berlin. */
static gint64
berlin_time (int year, int month, int day, int hour, int minute)
{
  g_autoptr (GDateTime) time = g_date_time_new (berlin, year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

static gint64
utc_time (int year, int month, int day, int hour, int minute)
{
  g_autoptr (GDateTime) time = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

/* How many reminders a computer that is always on shows from @from to @to, looking every
 * @step seconds: each shown one is remembered, as UnknotReminders does. */
static guint
count_shown (guint days, guint minute_of_day, gint64 from, gint64 to, gint64 step, GArray *times)
{
  gint64 last_shown = 0;
  guint n = 0;

  for (gint64 now = from; now <= to; now += step)
    if (unknot_reminder_schedule (days, minute_of_day, last_shown, now, berlin, NULL))
      {
        last_shown = now;
        n++;
        if (times != NULL)
          g_array_append_val (times, now);
      }
  return n;
}

static void
test_days (void)
{
  /* 25 November 2026 is a Wednesday. */
  gint64 wednesday_8 = berlin_time (2026, 11, 25, 8, 0);
  gint64 next;

  g_assert_false (
    unknot_reminder_schedule (WEEKDAYS, 8 * 60, 0, wednesday_8 - HOUR, berlin, &next));
  g_assert_cmpint (next, ==, wednesday_8);

  /* At the minute itself it is due; the next is Thursday's. */
  g_assert_true (unknot_reminder_schedule (WEEKDAYS, 8 * 60, 0, wednesday_8, berlin, &next));
  g_assert_cmpint (next, ==, wednesday_8 + DAY);
  g_assert_false (
    unknot_reminder_schedule (WEEKDAYS, 8 * 60, wednesday_8, wednesday_8 + MINUTE, berlin, &next));
  g_assert_cmpint (next, ==, wednesday_8 + DAY);

  /* After Friday's, the weekend is skipped. */
  g_assert_false (unknot_reminder_schedule (WEEKDAYS, 8 * 60, wednesday_8 + 2 * DAY,
                                            wednesday_8 + 2 * DAY + HOUR, berlin, &next));
  g_assert_cmpint (next, ==, berlin_time (2026, 11, 30, 8, 0));

  /* Sundays only, asked on a Sunday after the time: next Sunday. */
  g_assert_false (unknot_reminder_schedule (UNKNOT_REMINDER_DAY (7), 8 * 60,
                                            berlin_time (2026, 11, 29, 8, 0),
                                            berlin_time (2026, 11, 29, 9, 0), berlin, &next));
  g_assert_cmpint (next, ==, berlin_time (2026, 12, 6, 8, 0));

  /* No day chosen: never. */
  g_assert_false (unknot_reminder_schedule (0, 8 * 60, 0, wednesday_8, berlin, &next));
  g_assert_cmpint (next, ==, -1);

  /* Two weeks, always on: one a weekday, none at the weekend, each at 08:00. */
  {
    g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
    gint64 monday = berlin_time (2026, 11, 23, 0, 0);

    g_assert_cmpuint (
      count_shown (WEEKDAYS, 8 * 60, monday, monday + 14 * DAY - 1, 5 * MINUTE, times), ==, 10);
    for (guint i = 0; i < times->len; i++)
      {
        g_autoptr (GDateTime) utc =
          g_date_time_new_from_unix_utc (g_array_index (times, gint64, i));
        g_autoptr (GDateTime) local = g_date_time_to_timezone (utc, berlin);

        g_assert_cmpint (g_date_time_get_day_of_week (local), <=, 5);
        g_assert_cmpint (g_date_time_get_hour (local), ==, 8);
        g_assert_cmpint (g_date_time_get_minute (local), ==, 0);
      }
  }
}

static void
test_times (void)
{
  gint64 midnight = berlin_time (2026, 11, 25, 0, 0);
  gint64 next;

  /* Midnight: due at once as the day starts. */
  g_assert_true (
    unknot_reminder_schedule (UNKNOT_REMINDER_ALL_DAYS, 0, 0, midnight, berlin, &next));
  g_assert_cmpint (next, ==, midnight + DAY);
  g_assert_false (unknot_reminder_schedule (UNKNOT_REMINDER_ALL_DAYS, 0, midnight - DAY,
                                            midnight - 1, berlin, &next));
  g_assert_cmpint (next, ==, midnight);

  /* The day's last minute. */
  g_assert_false (unknot_reminder_schedule (UNKNOT_REMINDER_ALL_DAYS, 23 * 60 + 59, 0,
                                            midnight + 23 * HOUR + 58 * MINUTE, berlin, &next));
  g_assert_cmpint (next, ==, midnight + 23 * HOUR + 59 * MINUTE);
  g_assert_true (unknot_reminder_schedule (UNKNOT_REMINDER_ALL_DAYS, 23 * 60 + 59, 0,
                                           midnight + 23 * HOUR + 59 * MINUTE + 30, berlin, &next));
  g_assert_cmpint (next, ==, midnight + DAY + 23 * HOUR + 59 * MINUTE);

  /* The same local time in another zone is another instant. */
  {
    g_autoptr (GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");

    g_assert_nonnull (tokyo);
    g_assert_false (unknot_reminder_schedule (UNKNOT_REMINDER_ALL_DAYS, 18 * 60, 0,
                                              utc_time (2026, 11, 25, 0, 0), tokyo, &next));
    g_assert_cmpint (next, ==, utc_time (2026, 11, 25, 9, 0));
  }
}

/* 29 March 2026: at 02:00 the clocks in Berlin jump to 03:00. */
static void
test_spring_forward (void)
{
  gint64 jump = utc_time (2026, 3, 29, 1, 0); /* 03:00 CEST, the first instant after 02:00 */
  gint64 next;
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* 02:30 does not exist that day: it comes when the clocks jump. */
  g_assert_false (unknot_reminder_schedule (UNKNOT_REMINDER_ALL_DAYS, 2 * 60 + 30, 0,
                                            utc_time (2026, 3, 28, 23, 0), berlin, &next));
  g_assert_cmpint (next, ==, jump);
  g_assert_true (
    unknot_reminder_schedule (UNKNOT_REMINDER_ALL_DAYS, 2 * 60 + 30, 0, jump, berlin, &next));
  /* Then 02:30 summer time on Monday, 23 h 30 min later. */
  g_assert_cmpint (next, ==, utc_time (2026, 3, 30, 0, 30));
  g_assert_cmpint (next - jump, ==, 23 * HOUR + 30 * MINUTE);

  /* Saturday's (winter time) to Sunday's is a shorter day. */
  g_assert_false (unknot_reminder_schedule (UNKNOT_REMINDER_ALL_DAYS, 8 * 60,
                                            berlin_time (2026, 3, 28, 8, 0),
                                            berlin_time (2026, 3, 28, 9, 0), berlin, &next));
  g_assert_cmpint (next, ==, utc_time (2026, 3, 29, 6, 0));
  g_assert_cmpint (next - berlin_time (2026, 3, 28, 8, 0), ==, 23 * HOUR);

  /* Always on, looking every minute from Saturday to Monday: once a day. */
  g_assert_cmpuint (count_shown (UNKNOT_REMINDER_ALL_DAYS, 2 * 60 + 30,
                                 utc_time (2026, 3, 27, 23, 0), utc_time (2026, 3, 30, 21, 59),
                                 MINUTE, times),
                    ==, 3);
  g_assert_cmpint (g_array_index (times, gint64, 1), ==, jump);
}

/* 25 October 2026: at 03:00 summer time the clocks go back to 02:00, so 02:30 is passed
 * twice. */
static void
test_fall_back (void)
{
  gint64 first = utc_time (2026, 10, 25, 0, 30);  /* 02:30 CEST */
  gint64 second = utc_time (2026, 10, 25, 1, 30); /* 02:30 CET */
  gint64 next;
  gboolean due_first;
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* One of the two instants is the reminder; whichever it is, it is shown once. */
  due_first =
    unknot_reminder_schedule (UNKNOT_REMINDER_ALL_DAYS, 2 * 60 + 30, 0, first, berlin, &next);
  g_assert_cmpint (next, >, first);
  if (due_first)
    g_assert_false (unknot_reminder_schedule (UNKNOT_REMINDER_ALL_DAYS, 2 * 60 + 30, first, second,
                                              berlin, NULL));
  else
    {
      g_assert_cmpint (next, ==, second);
      g_assert_true (
        unknot_reminder_schedule (UNKNOT_REMINDER_ALL_DAYS, 2 * 60 + 30, 0, second, berlin, &next));
    }
  /* Monday's 02:30 is in winter time. */
  g_assert_cmpint (next, ==, utc_time (2026, 10, 26, 1, 30));

  /* Always on, looking every minute through the repeated hour and the days around it. */
  g_assert_cmpuint (count_shown (UNKNOT_REMINDER_ALL_DAYS, 2 * 60 + 30,
                                 utc_time (2026, 10, 23, 22, 0), utc_time (2026, 10, 26, 22, 59),
                                 MINUTE, times),
                    ==, 3);
  g_assert_cmpuint (count_shown (UNKNOT_REMINDER_ALL_DAYS, 2 * 60 + 30,
                                 utc_time (2026, 10, 24, 23, 0), utc_time (2026, 10, 25, 3, 0),
                                 MINUTE, NULL),
                    ==, 1);
}

/* A computer that was off or asleep at the time. */
static void
test_missed (void)
{
  gint64 tuesday_8 = berlin_time (2026, 11, 24, 8, 0);
  gint64 wednesday_8 = tuesday_8 + DAY;
  gint64 next;

  /* Off from Tuesday's reminder until Wednesday 14:00: Wednesday's comes late, once. */
  g_assert_true (
    unknot_reminder_schedule (WEEKDAYS, 8 * 60, tuesday_8, wednesday_8 + 6 * HOUR, berlin, &next));
  g_assert_cmpint (next, ==, wednesday_8 + DAY);
  g_assert_false (unknot_reminder_schedule (WEEKDAYS, 8 * 60, wednesday_8 + 6 * HOUR,
                                            wednesday_8 + 6 * HOUR + MINUTE, berlin, &next));
  /* Late, but still the same day, one minute before midnight. */
  g_assert_true (unknot_reminder_schedule (WEEKDAYS, 8 * 60, tuesday_8,
                                           wednesday_8 + 15 * HOUR + 59 * MINUTE, berlin, &next));

  /* Off from Wednesday 07:00 to Thursday 07:00: Wednesday's is not made up for. */
  g_assert_false (unknot_reminder_schedule (WEEKDAYS, 8 * 60, tuesday_8, wednesday_8 + DAY - HOUR,
                                            berlin, &next));
  g_assert_cmpint (next, ==, wednesday_8 + DAY);

  /* Off all weekend after Friday's: Monday's comes on Monday, not Saturday's or Sunday's. */
  g_assert_false (unknot_reminder_schedule (WEEKDAYS, 8 * 60, wednesday_8 + 2 * DAY,
                                            berlin_time (2026, 11, 30, 7, 0), berlin, &next));
  g_assert_cmpint (next, ==, berlin_time (2026, 11, 30, 8, 0));

  /* The clock set back after today's was shown: not shown again when 08:00 comes round. */
  g_assert_false (unknot_reminder_schedule (WEEKDAYS, 8 * 60, wednesday_8 + 5,
                                            wednesday_8 - 10 * MINUTE, berlin, &next));
  g_assert_cmpint (next, ==, wednesday_8 + DAY);
  g_assert_false (
    unknot_reminder_schedule (WEEKDAYS, 8 * 60, wednesday_8 + 5, wednesday_8, berlin, NULL));
}

static void
test_day_ids (void)
{
  const char *ids[] = { "sunday", "monday", "monday", "someday", NULL };
  g_auto (GStrv) back = NULL;

  g_assert_cmpuint (unknot_reminder_days_from_strv (ids), ==,
                    UNKNOT_REMINDER_DAY (1) | UNKNOT_REMINDER_DAY (7));
  back = unknot_reminder_days_to_strv (UNKNOT_REMINDER_DAY (1) | UNKNOT_REMINDER_DAY (7));
  g_assert_cmpstrv (back, ((const char *[]){ "monday", "sunday", NULL }));
  g_assert_cmpstr (unknot_reminder_day_id (3), ==, "wednesday");
}

/* The words: the coach's routine with its length, or the coach's advice. */
static void
test_describe (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr (UnknotPainDiary) diary = NULL;
  g_autoptr (UnknotRoutineLibrary) library = unknot_routine_library_new ();
  g_autoptr (UnknotSuggestion) suggestion = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *expected = NULL;
  const char *routine_id;
  guint minutes;

  g_settings_reset (settings, "pain-log");
  g_settings_reset (settings, "problems");
  g_settings_set_boolean (settings, "red-flags", FALSE);
  diary = unknot_pain_diary_new (settings);
  g_assert_true (unknot_routine_library_load_builtin (library, &error));
  g_assert_no_error (error);

  suggestion = unknot_coach_suggest_from_settings (settings, diary, library,
                                                   g_get_real_time () / G_USEC_PER_SEC);
  g_assert_nonnull (suggestion->routine);
  unknot_reminder_describe (suggestion, 10, &title, &body, &routine_id);
  minutes = (unknot_routine_get_total_seconds (suggestion->routine, 10) + 30) / 60;
  expected = g_strdup_printf ("Time for your %u-minute routine", minutes);
  g_assert_cmpstr (title, ==, expected);
  g_assert_true (g_str_has_prefix (body, unknot_routine_get_name (suggestion->routine)));
  g_assert_nonnull (strstr (body, suggestion->reason));
  g_assert_cmpstr (routine_id, ==, unknot_routine_get_id (suggestion->routine));
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&body, g_free);
  g_clear_pointer (&suggestion, unknot_suggestion_free);

  /* A longer rest makes a longer routine. */
  suggestion = unknot_coach_suggest_from_settings (settings, diary, library,
                                                   g_get_real_time () / G_USEC_PER_SEC);
  unknot_reminder_describe (suggestion, 60, &title, &body, &routine_id);
  g_assert_cmpstr (title, !=, expected);
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&body, g_free);
  g_clear_pointer (&suggestion, unknot_suggestion_free);

  /* Red flags: no routine to start, the coach's advice instead. */
  g_settings_set_boolean (settings, "red-flags", TRUE);
  suggestion = unknot_coach_suggest_from_settings (settings, diary, library,
                                                   g_get_real_time () / G_USEC_PER_SEC);
  unknot_reminder_describe (suggestion, 10, &title, &body, &routine_id);
  g_assert_cmpstr (title, ==, "See a Doctor Now");
  g_assert_cmpstr (body, ==, suggestion->reason);
  g_assert_null (routine_id);
  g_settings_reset (settings, "red-flags");
}

static void
wait_for_autostart (UnknotReminders *reminders, gboolean enabled)
{
  while (unknot_reminders_get_enabled (reminders) != enabled ||
         unknot_reminders_get_autostart_pending (reminders))
    g_main_context_iteration (NULL, TRUE);
}

static GSettings *
reminder_settings (void)
{
  GSettings *settings = g_settings_new (APPLICATION_ID);

  g_settings_reset (settings, "reminders-enabled");
  g_settings_reset (settings, "reminder-days");
  g_settings_reset (settings, "reminder-time");
  g_settings_reset (settings, "reminder-last-shown");
  return settings;
}

/* A host install: turning reminders on writes the autostart entry, off removes it. */
static void
test_autostart_file (void)
{
  g_autoptr (GSettings) settings = reminder_settings ();
  g_autoptr (UnknotReminders) reminders =
    unknot_reminders_new (settings, UNKNOT_AUTOSTART_FILE, NULL);
  g_autofree char *path = unknot_autostart_get_file_path ();
  g_autofree char *expected_path =
    g_build_filename (g_getenv ("XDG_CONFIG_HOME"), "autostart", APPLICATION_ID ".desktop", NULL);
  g_autoptr (GKeyFile) key_file = g_key_file_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *type = NULL;
  g_autofree char *validator = g_find_program_in_path ("desktop-file-validate");

  /* The test's own config folder, never the person's. */
  g_assert_cmpstr (path, ==, expected_path);
  g_assert_true (g_str_has_prefix (path, g_getenv ("G_TEST_BUILDDIR")));
  g_remove (path);
  g_assert_false (unknot_reminders_get_enabled (reminders));

  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  wait_for_autostart (reminders, TRUE);
  g_assert_null (unknot_reminders_get_problem (reminders));
  g_assert_true (g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  exec = g_key_file_get_string (key_file, "Desktop Entry", "Exec", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (exec, "unknot --reminders"));
  g_assert_true (
    g_key_file_get_boolean (key_file, "Desktop Entry", "X-GNOME-Autostart-enabled", NULL));
  type = g_key_file_get_string (key_file, "Desktop Entry", "Type", NULL);
  g_assert_cmpstr (type, ==, "Application");
  if (validator != NULL)
    {
      g_autofree char *output = NULL;
      int status;
      const char *argv[] = { validator, path, NULL };

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                   NULL, &output, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (output, ==, "");
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }

  /* Days and time do not touch it. */
  g_settings_set_uint (settings, "reminder-time", 7 * 60);
  g_assert_false (unknot_reminders_get_autostart_pending (reminders));

  g_settings_set_boolean (settings, "reminders-enabled", FALSE);
  wait_for_autostart (reminders, FALSE);
  g_assert_null (unknot_reminders_get_problem (reminders));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A folder that cannot be made: the person reads why, and reminders stay on. */
static void
test_autostart_file_error (void)
{
  g_autoptr (GSettings) settings = reminder_settings ();
  g_autoptr (UnknotReminders) reminders =
    unknot_reminders_new (settings, UNKNOT_AUTOSTART_FILE, NULL);
  g_autofree char *path = unknot_autostart_get_file_path ();
  g_autofree char *directory = g_path_get_dirname (path);
  g_autoptr (GError) error = NULL;

  g_remove (path);
  g_rmdir (directory);
  g_assert_true (g_file_set_contents (directory, "in the way", -1, &error));
  g_assert_no_error (error);

  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  wait_for_autostart (reminders, TRUE);
  g_assert_nonnull (unknot_reminders_get_problem (reminders));
  g_assert_nonnull (strstr (unknot_reminders_get_problem (reminders), directory));
  g_assert_cmpint (unknot_reminders_get_next_due (reminders), >, 0);

  g_assert_cmpint (g_remove (directory), ==, 0);
  g_settings_set_boolean (settings, "reminders-enabled", FALSE);
  wait_for_autostart (reminders, FALSE);
  g_assert_null (unknot_reminders_get_problem (reminders));
}

/* A fake org.freedesktop.portal.Desktop with the Background interface, on a private bus. */

static const char portal_xml[] =
  "<node><interface name='org.freedesktop.portal.Background'>"
  "<method name='RequestBackground'><arg type='s' direction='in'/>"
  "<arg type='a{sv}' direction='in'/><arg type='o' direction='out'/></method>"
  "</interface></node>";

typedef struct
{
  GTestDBus *bus;
  GDBusConnection *service;
  GDBusConnection *client;
  guint registration_id;
  GPtrArray *calls; /* the (sa{sv}) of each RequestBackground */
  guint32 response; /* 0: allowed, 1: the person said no */
  gboolean answer;  /* send the Response at all */
} Portal;

static void
portal_method_call (GDBusConnection *connection,
                    const char *sender,
                    const char *object_path,
                    const char *interface_name,
                    const char *method_name,
                    GVariant *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer user_data)
{
  Portal *portal = user_data;
  g_autoptr (GVariant) options = g_variant_get_child_value (parameters, 1);
  g_autofree char *token = NULL;
  g_autofree char *unique = g_strdup (sender + 1);
  g_autofree char *handle = NULL;
  gboolean autostart = FALSE;
  GVariantBuilder results;

  g_ptr_array_add (portal->calls, g_variant_ref (parameters));
  g_assert_true (g_variant_lookup (options, "handle_token", "s", &token));
  g_strdelimit (unique, ".", '_');
  handle = g_strdup_printf ("/org/freedesktop/portal/desktop/request/%s/%s", unique, token);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", handle));

  if (!portal->answer)
    return;
  g_variant_lookup (options, "autostart", "b", &autostart);
  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  if (portal->response == 0)
    {
      g_variant_builder_add (&results, "{sv}", "background", g_variant_new_boolean (TRUE));
      g_variant_builder_add (&results, "{sv}", "autostart", g_variant_new_boolean (autostart));
    }
  g_dbus_connection_emit_signal (connection, sender, handle, "org.freedesktop.portal.Request",
                                 "Response", g_variant_new ("(ua{sv})", portal->response, &results),
                                 NULL);
}

static GDBusConnection *
connect_to_bus (Portal *portal)
{
  g_autoptr (GError) error = NULL;
  GDBusConnection *connection = g_dbus_connection_new_for_address_sync (
    g_test_dbus_get_bus_address (portal->bus),
    G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
    NULL, NULL, &error);

  g_assert_no_error (error);
  return connection;
}

static void
portal_set_up (Portal *portal, gconstpointer data)
{
  portal->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (portal->bus);
  portal->service = connect_to_bus (portal);
  portal->client = connect_to_bus (portal);
  portal->calls = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  portal->answer = TRUE;
}

static void
portal_start (Portal *portal)
{
  static const GDBusInterfaceVTable vtable = { portal_method_call, NULL, NULL, { 0 } };
  g_autoptr (GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (portal_xml, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = NULL;
  guint32 result;

  portal->registration_id =
    g_dbus_connection_register_object (portal->service, "/org/freedesktop/portal/desktop",
                                       info->interfaces[0], &vtable, portal, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (
    portal->service, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
    "RequestName", g_variant_new ("(su)", "org.freedesktop.portal.Desktop", 0),
    G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  g_assert_cmpuint (result, ==, 1); /* the primary owner */
}

static void
portal_tear_down (Portal *portal, gconstpointer data)
{
  if (portal->registration_id != 0)
    g_dbus_connection_unregister_object (portal->service, portal->registration_id);
  g_clear_pointer (&portal->calls, g_ptr_array_unref);
  g_dbus_connection_close_sync (portal->client, NULL, NULL);
  g_dbus_connection_close_sync (portal->service, NULL, NULL);
  g_clear_object (&portal->client);
  g_clear_object (&portal->service);
  g_test_dbus_down (portal->bus);
  g_clear_object (&portal->bus);
}

static void
assert_request (Portal *portal, guint index, gboolean autostart)
{
  GVariant *call = g_ptr_array_index (portal->calls, index);
  g_autoptr (GVariant) options = g_variant_get_child_value (call, 1);
  g_autofree const char **commandline = NULL;
  const char *parent_window;
  const char *reason;
  gboolean value;

  g_variant_get_child (call, 0, "&s", &parent_window);
  g_assert_cmpstr (parent_window, ==, "");
  g_assert_true (g_variant_lookup (options, "autostart", "b", &value));
  g_assert_cmpint (value, ==, autostart);
  g_assert_true (g_variant_lookup (options, "commandline", "^a&s", &commandline));
  g_assert_cmpstrv (commandline, ((const char *[]){ "unknot", "--reminders", NULL }));
  g_assert_true (g_variant_lookup (options, "reason", "&s", &reason));
  g_assert_cmpstr (reason, !=, "");
}

/* In a Flatpak: turning reminders on asks the portal for autostart, off asks it to stop. */
static void
test_portal (Portal *portal, gconstpointer data)
{
  g_autoptr (GSettings) settings = reminder_settings ();
  g_autoptr (UnknotReminders) reminders = NULL;
  g_autofree char *path = unknot_autostart_get_file_path ();

  portal_start (portal);
  reminders = unknot_reminders_new (settings, UNKNOT_AUTOSTART_PORTAL, portal->client);
  g_remove (path);

  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  wait_for_autostart (reminders, TRUE);
  g_assert_cmpuint (portal->calls->len, ==, 1);
  assert_request (portal, 0, TRUE);
  g_assert_null (unknot_reminders_get_problem (reminders));
  /* No file in the sandbox. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_settings_set_boolean (settings, "reminders-enabled", FALSE);
  wait_for_autostart (reminders, FALSE);
  g_assert_cmpuint (portal->calls->len, ==, 2);
  assert_request (portal, 1, FALSE);
  g_assert_null (unknot_reminders_get_problem (reminders));

  /* The person says no: reminders stay on, and the reason is said. */
  portal->response = 1;
  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  wait_for_autostart (reminders, TRUE);
  g_assert_cmpuint (portal->calls->len, ==, 3);
  g_assert_nonnull (strstr (unknot_reminders_get_problem (reminders), "may not start"));
  g_assert_true (g_settings_get_boolean (settings, "reminders-enabled"));

  /* Asked again and allowed: the problem goes. */
  portal->response = 0;
  g_settings_set_boolean (settings, "reminders-enabled", FALSE);
  wait_for_autostart (reminders, FALSE);
  g_assert_null (unknot_reminders_get_problem (reminders));
}

/* No portal on the bus: a clear message at once, never a wait. */
static void
test_portal_missing (Portal *portal, gconstpointer data)
{
  g_autoptr (GSettings) settings = reminder_settings ();
  g_autoptr (UnknotReminders) reminders =
    unknot_reminders_new (settings, UNKNOT_AUTOSTART_PORTAL, portal->client);

  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  wait_for_autostart (reminders, TRUE);
  g_assert_nonnull (
    strstr (unknot_reminders_get_problem (reminders), "The Background portal is not available"));
  g_assert_cmpint (unknot_reminders_get_next_due (reminders), >, 0);
  g_settings_set_boolean (settings, "reminders-enabled", FALSE);
  wait_for_autostart (reminders, FALSE);
}

static void
due_cb (UnknotReminders *reminders, guint *n_due)
{
  (*n_due)++;
}

/* The object shows today's reminder once when its time has come, and waits for the next. */
static void
test_due (void)
{
  g_autoptr (GSettings) settings = reminder_settings ();
  g_autoptr (UnknotReminders) reminders =
    unknot_reminders_new (settings, UNKNOT_AUTOSTART_FILE, NULL);
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GTimeZone) tz = g_time_zone_new_local ();
  guint minute;
  g_auto (GStrv) all_days = unknot_reminder_days_to_strv (UNKNOT_REMINDER_ALL_DAYS);
  gint64 before;
  gint64 expected_next;
  guint n_due = 0;

  /* "This minute" must still be today when the reminders look. */
  now = g_date_time_new_now_local ();
  if (g_date_time_get_hour (now) == 23 && g_date_time_get_minute (now) == 59 &&
      g_date_time_get_second (now) >= 50)
    {
      g_usleep (11 * G_USEC_PER_SEC);
      g_clear_pointer (&now, g_date_time_unref);
      now = g_date_time_new_now_local ();
    }
  minute = (guint) (g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now));
  before = g_date_time_to_unix (now);

  g_signal_connect (reminders, "due", G_CALLBACK (due_cb), &n_due);
  unknot_reminders_start (reminders);
  g_assert_cmpint (unknot_reminders_get_next_due (reminders), ==, -1);

  /* This very minute, every day. */
  g_settings_set_strv (settings, "reminder-days", (const char *const *) all_days);
  g_settings_set_uint (settings, "reminder-time", minute);
  g_assert_cmpuint (n_due, ==, 0); /* still off */
  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  wait_for_autostart (reminders, TRUE);
  g_assert_cmpuint (n_due, ==, 1);
  g_assert_cmpint (g_settings_get_int64 (settings, "reminder-last-shown"), >=, before);
  unknot_reminder_schedule (
    UNKNOT_REMINDER_ALL_DAYS, minute, g_settings_get_int64 (settings, "reminder-last-shown"),
    g_settings_get_int64 (settings, "reminder-last-shown"), tz, &expected_next);
  g_assert_cmpint (unknot_reminders_get_next_due (reminders), ==, expected_next);
  g_assert_cmpint (expected_next, >, before + 22 * HOUR);

  /* Changing the time does not show today's again. */
  g_settings_set_uint (settings, "reminder-time", minute > 0 ? minute - 1 : 0);
  g_assert_cmpuint (n_due, ==, 1);

  /* Off: nothing to wait for. */
  g_settings_set_boolean (settings, "reminders-enabled", FALSE);
  wait_for_autostart (reminders, FALSE);
  g_assert_cmpint (unknot_reminders_get_next_due (reminders), ==, -1);
  g_assert_cmpuint (n_due, ==, 1);

  /* Started (at log-in) with today's reminder not yet shown: shown at start, not before. */
  g_clear_object (&reminders);
  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  g_settings_set_int64 (settings, "reminder-last-shown", 0);
  reminders = unknot_reminders_new (settings, UNKNOT_AUTOSTART_FILE, NULL);
  n_due = 0;
  g_signal_connect (reminders, "due", G_CALLBACK (due_cb), &n_due);
  g_assert_cmpuint (n_due, ==, 0);
  unknot_reminders_start (reminders);
  g_assert_cmpuint (n_due, ==, 1);
  unknot_reminders_start (reminders);
  g_assert_cmpuint (n_due, ==, 1);
  g_settings_set_boolean (settings, "reminders-enabled", FALSE);
  wait_for_autostart (reminders, FALSE);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_assert_nonnull (berlin);

  g_test_add_func ("/reminders/schedule/days", test_days);
  g_test_add_func ("/reminders/schedule/times", test_times);
  g_test_add_func ("/reminders/schedule/spring-forward", test_spring_forward);
  g_test_add_func ("/reminders/schedule/fall-back", test_fall_back);
  g_test_add_func ("/reminders/schedule/missed", test_missed);
  g_test_add_func ("/reminders/day-ids", test_day_ids);
  g_test_add_func ("/reminders/describe", test_describe);
  g_test_add_func ("/reminders/due", test_due);
  g_test_add_func ("/reminders/autostart/file", test_autostart_file);
  g_test_add_func ("/reminders/autostart/file-error", test_autostart_file_error);
  g_test_add ("/reminders/autostart/portal", Portal, NULL, portal_set_up, test_portal,
              portal_tear_down);
  g_test_add ("/reminders/autostart/portal-missing", Portal, NULL, portal_set_up,
              test_portal_missing, portal_tear_down);

  return g_test_run ();
}
