/* unknot-test-ui.c: what the GUI tests share: start-up, waiting, finding widgets
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "unknot-test-ui.h"

#include "unknot-sound-module.h"
#include "unknot-widget-walk.h"

/**
 * unknot_test_ui_init:
 *
 * Starts GTK for a test, or says why not.  Flatpak's run-tests has no display and
 * skips; the README's test command sets UNKNOT_REQUIRE_DISPLAY, where no display fails.
 * The tests speak TAP: a skip is the plan "1..0 # SKIP" and exit status 0 (meson
 * counts any other status of a TAP test, 77 included, as an error).
 *
 * Returns: -1 to go on, else the exit status for main()
 */
int
unknot_test_ui_init (int *argc, char ***argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      if (g_getenv ("UNKNOT_REQUIRE_DISPLAY") != NULL)
        {
          g_printerr ("No display, but UNKNOT_REQUIRE_DISPLAY is set\n");
          return 1;
        }
      g_print ("1..0 # SKIP no display\n");
      return EXIT_SUCCESS;
    }
  /* Accessible properties are kept, off the bus, so tests read what a screen reader
   * would. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  /* The tests link the sound code: the application takes it from here, not from
   * libunknot-sound.so, which only the unknot executable can load. */
  unknot_sound_module_set_builtin (unknot_sound_module_get ());
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* Transitions would leave two pages drawn for a while. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  return -1;
}

/**
 * unknot_test_ui_register_application:
 *
 * Returns: (transfer full): an application on the session bus, one per test program
 */
UnknotApplication *
unknot_test_ui_register_application (void)
{
  UnknotApplication *application = unknot_application_new ();
  g_autoptr (GError) error = NULL;

  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (application), NULL, &error))
    g_error ("%s", error->message);
  return application;
}

void
unknot_test_ui_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Collects the widgets of @type below @widget, @widget included, in order. */
void
unknot_test_ui_collect (GtkWidget *widget, GType type, GPtrArray *found)
{
  unknot_widget_collect (widget, type, found);
}

/**
 * unknot_test_ui_find_visible_label:
 *
 * Returns: (transfer none) (nullable): a label below @root that shows @text and is drawn
 */
GtkWidget *
unknot_test_ui_find_visible_label (GtkWidget *root, const char *text)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  unknot_test_ui_collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) == 0 &&
          gtk_widget_is_drawable (label))
        return label;
    }
  return NULL;
}
