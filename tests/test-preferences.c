/* test-preferences.c: every preference is bound to its setting, both ways
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "unknot-test-ui.h"

#include "unknot-preferences-window.h"

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
  window = unknot_preferences_window_new (NULL, settings);
  gtk_window_present (GTK_WINDOW (window));

  /* Sound cues, voice, check-in before, check-in after. */
  unknot_test_ui_collect (window, GTK_TYPE_SWITCH, switches);
  g_assert_cmpuint (switches->len, ==, 4);
  g_assert_true (gtk_switch_get_active (g_ptr_array_index (switches, 1)));
  gtk_switch_set_active (g_ptr_array_index (switches, 1), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "voice-enabled"));
  g_settings_set_boolean (settings, "ask-pain-after", FALSE);
  g_assert_false (gtk_switch_get_active (g_ptr_array_index (switches, 3)));

  /* Get-ready and rest, in seconds. */
  unknot_test_ui_collect (window, GTK_TYPE_SPIN_BUTTON, spins);
  g_assert_cmpuint (spins->len, ==, 2);
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

int
main (int argc, char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  status = unknot_test_ui_init (&argc, &argv);
  if (status >= 0)
    return status;

  g_test_add_func ("/preferences/bindings", test_bindings);
  return g_test_run ();
}
