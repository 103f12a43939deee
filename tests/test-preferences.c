/* test-preferences.c: every preference is bound to its setting, both ways
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "unknot-test-ui.h"

#include <glib/gstdio.h>

#include "unknot-autostart.h"
#include "unknot-preferences-window.h"
#include "unknot-reminders.h"

/* The widget of @type whose tooltip is @text. */
static GtkWidget *
find_with_tooltip (GtkWidget *root, GType type, const char *text)
{
  g_autoptr (GPtrArray) widgets = g_ptr_array_new ();

  unknot_test_ui_collect (root, type, widgets);
  for (guint i = 0; i < widgets->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (widgets, i)), text) == 0)
      return g_ptr_array_index (widgets, i);
  return NULL;
}

static void
test_bindings (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr (GPtrArray) switches = g_ptr_array_new ();
  g_autoptr (GPtrArray) spins = g_ptr_array_new ();
  g_autoptr (GPtrArray) scales = g_ptr_array_new ();
  GtkWidget *window;

  g_settings_set_boolean (settings, "voice-enabled", TRUE);
  g_settings_set_uint (settings, "rest-seconds", 10);
  window = unknot_preferences_window_new (NULL, settings, NULL);
  gtk_window_present (GTK_WINDOW (window));

  /* Sound cues, voice, check-in before, check-in after, reminders. */
  unknot_test_ui_collect (window, GTK_TYPE_SWITCH, switches);
  g_assert_cmpuint (switches->len, ==, 5);
  g_assert_true (gtk_switch_get_active (g_ptr_array_index (switches, 1)));
  gtk_switch_set_active (g_ptr_array_index (switches, 1), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "voice-enabled"));
  g_settings_set_boolean (settings, "ask-pain-after", FALSE);
  g_assert_false (gtk_switch_get_active (g_ptr_array_index (switches, 3)));

  /* Get-ready and rest, in seconds; the reminder's hour and minute. */
  unknot_test_ui_collect (window, GTK_TYPE_SPIN_BUTTON, spins);
  g_assert_cmpuint (spins->len, ==, 4);
  g_assert_cmpfloat (gtk_spin_button_get_value (g_ptr_array_index (spins, 1)), ==, 10);
  gtk_spin_button_set_value (g_ptr_array_index (spins, 1), 25);
  g_assert_cmpuint (g_settings_get_uint (settings, "rest-seconds"), ==, 25);

  /* The volume. */
  unknot_test_ui_collect (window, GTK_TYPE_SCALE, scales);
  g_assert_cmpuint (scales->len, ==, 1);
  gtk_range_set_value (g_ptr_array_index (scales, 0), 0.3);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "cue-volume"), 0.3, 1e-9);
  g_assert_nonnull (find_with_tooltip (window, GTK_TYPE_BUTTON, "Play a Cue"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
wait_for_autostart (UnknotReminders *reminders)
{
  while (unknot_reminders_get_autostart_pending (reminders))
    g_main_context_iteration (NULL, TRUE);
}

/* The reminder's switch, days and time, and what the reminders say back. */
static void
test_reminders (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr (UnknotReminders) reminders = NULL;
  g_autoptr (GPtrArray) switches = g_ptr_array_new ();
  g_autoptr (GPtrArray) spins = g_ptr_array_new ();
  g_autoptr (GPtrArray) toggles = g_ptr_array_new ();
  g_autoptr (GPtrArray) days = g_ptr_array_new ();
  g_autofree char *path = unknot_autostart_get_file_path ();
  g_autofree char *directory = g_path_get_dirname (path);
  g_autoptr (GError) error = NULL;
  static const char *const names[] = { "Monday", "Tuesday",  "Wednesday", "Thursday",
                                       "Friday", "Saturday", "Sunday" };
  g_auto (GStrv) ids = NULL;
  GtkWidget *window, *reminders_switch, *hour, *minute, *row, *problem;

  g_settings_reset (settings, "reminders-enabled");
  g_settings_reset (settings, "reminder-days");
  g_settings_reset (settings, "reminder-time");
  g_settings_reset (settings, "reminder-last-shown");
  reminders = unknot_reminders_new (settings, UNKNOT_AUTOSTART_FILE, NULL);
  unknot_reminders_start (reminders);
  window = unknot_preferences_window_new (NULL, settings, reminders);
  gtk_window_present (GTK_WINDOW (window));

  unknot_test_ui_collect (window, GTK_TYPE_SWITCH, switches);
  reminders_switch = g_ptr_array_index (switches, 4);
  unknot_test_ui_collect (window, GTK_TYPE_SPIN_BUTTON, spins);
  hour = g_ptr_array_index (spins, 2);
  minute = g_ptr_array_index (spins, 3);
  unknot_test_ui_collect (window, GTK_TYPE_TOGGLE_BUTTON, toggles);
  for (guint i = 0; i < toggles->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (toggles, i), "day-toggle"))
      g_ptr_array_add (days, g_ptr_array_index (toggles, i));

  /* Off by default; the days and the time wait for the switch. */
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (reminders_switch)));
  row = gtk_widget_get_ancestor (hour, ADW_TYPE_ACTION_ROW);
  g_assert_false (gtk_widget_is_sensitive (hour));
  g_assert_false (gtk_widget_is_sensitive (g_ptr_array_index (days, 0)));
  g_assert_nonnull (unknot_test_ui_find_visible_label (window, "Remind Me"));

  gtk_switch_set_active (GTK_SWITCH (reminders_switch), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "reminders-enabled"));
  wait_for_autostart (reminders);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_is_sensitive (hour));
  g_assert_true (gtk_widget_is_sensitive (row));
  /* The switch's row says when the next one comes. */
  row = gtk_widget_get_ancestor (reminders_switch, ADW_TYPE_ACTION_ROW);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Next: "));

  /* Seven days named in full, Monday to Friday on. */
  g_assert_cmpuint (days->len, ==, 7);
  for (guint i = 0; i < 7; i++)
    {
      g_assert_cmpstr (gtk_widget_get_tooltip_text (g_ptr_array_index (days, i)), ==, names[i]);
      g_assert_cmpint (gtk_toggle_button_get_active (g_ptr_array_index (days, i)), ==, i < 5);
    }
  gtk_toggle_button_set_active (g_ptr_array_index (days, 5), TRUE);
  gtk_toggle_button_set_active (g_ptr_array_index (days, 0), FALSE);
  ids = g_settings_get_strv (settings, "reminder-days");
  g_assert_cmpstrv (
    ids, ((const char *[]){ "tuesday", "wednesday", "thursday", "friday", "saturday", NULL }));
  g_settings_set_strv (settings, "reminder-days", (const char *[]){ "sunday", NULL });
  for (guint i = 0; i < 7; i++)
    g_assert_cmpint (gtk_toggle_button_get_active (g_ptr_array_index (days, i)), ==, i == 6);

  /* The time: 18:00 by default, hour and minute each written into the one key. */
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (hour)), ==, 18);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (minute)), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (minute)), ==, "00");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hour), 7);
  g_assert_cmpuint (g_settings_get_uint (settings, "reminder-time"), ==, 7 * 60);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (minute), 5);
  g_assert_cmpuint (g_settings_get_uint (settings, "reminder-time"), ==, 7 * 60 + 5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (minute)), ==, "05");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hour)), ==, "07");
  g_settings_set_uint (settings, "reminder-time", 23 * 60 + 59);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (hour)), ==, 23);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (minute)), ==, 59);

  /* Off, and on again with the autostart folder blocked: the problem is shown. */
  problem = unknot_test_ui_find_visible_label (window, "Only While Unknot Is Open");
  g_assert_null (problem);
  gtk_switch_set_active (GTK_SWITCH (reminders_switch), FALSE);
  wait_for_autostart (reminders);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_rmdir (directory), ==, 0);
  g_assert_true (g_file_set_contents (directory, "in the way", -1, &error));
  g_assert_no_error (error);
  gtk_switch_set_active (GTK_SWITCH (reminders_switch), TRUE);
  wait_for_autostart (reminders);
  unknot_test_ui_iterate ();
  g_assert_nonnull (unknot_test_ui_find_visible_label (window, "Only While Unknot Is Open"));
  problem = gtk_widget_get_ancestor (
    unknot_test_ui_find_visible_label (window, "Only While Unknot Is Open"), ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (problem)), directory));

  g_assert_cmpint (g_remove (directory), ==, 0);
  gtk_switch_set_active (GTK_SWITCH (reminders_switch), FALSE);
  wait_for_autostart (reminders);
  unknot_test_ui_iterate ();
  g_assert_false (gtk_widget_get_visible (problem));
  row = gtk_widget_get_ancestor (reminders_switch, ADW_TYPE_ACTION_ROW);
  g_assert_false (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Next: "));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  status = unknot_test_ui_init (&argc, &argv);
  if (status >= 0)
    return status;

  g_test_add_func ("/preferences/bindings", test_bindings);
  g_test_add_func ("/preferences/reminders", test_reminders);
  return g_test_run ();
}
