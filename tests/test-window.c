/* test-window.c: the main window opens, asks for the safety notes once, lists the routines
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>

#include "unknot-application.h"
#include "unknot-test-ui.h"
#include "unknot-fake-clock.h"
#include "unknot-check-in-page.h"
#include "unknot-coach-card.h"
#include "unknot-pain-chart.h"
#include "unknot-pain-diary.h"
#include "unknot-player-page.h"
#include "unknot-raised-box.h"
#include "unknot-row-layout.h"
#include "unknot-progress-page.h"
#include "unknot-session.h"
#include "unknot-routine.h"
#include "unknot-routine-library.h"
#include "unknot-window.h"

typedef struct
{
  UnknotApplication *app;
  UnknotWindow *window;
  GSettings *settings;
} Fixture;

/* One application for the whole program: it registers on the session bus once. */
static UnknotApplication *application;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->app = application;
  fixture->settings = unknot_application_get_settings (fixture->app);
  g_settings_reset (fixture->settings, "safety-acknowledged");
  g_settings_reset (fixture->settings, "last-routine");
  g_settings_reset (fixture->settings, "pain-log");
  g_settings_reset (fixture->settings, "pain-areas");
  g_settings_reset (fixture->settings, "problems");
  g_settings_reset (fixture->settings, "red-flags");
  /* The tests of the first run start it themselves; the others begin as before it
   * existed: at the safety notes until they are acknowledged, then the routines. */
  g_settings_set_boolean (fixture->settings, "first-run-done", TRUE);
  /* Check-ins have their own test; the others go straight into the player. */
  g_settings_set_boolean (fixture->settings, "ask-pain-before", FALSE);
  g_settings_set_boolean (fixture->settings, "ask-pain-after", FALSE);
}

static void
open_window (Fixture *fixture)
{
  fixture->window = unknot_window_new (fixture->app);
  gtk_window_present (GTK_WINDOW (fixture->window));
  unknot_test_ui_iterate ();
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  unknot_test_ui_iterate ();
}

static void
test_first_run_safety (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *acknowledge = NULL;

  open_window (fixture);

  /* The red flags come first, before any routine. */
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Before You Start"));
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window),
                                                       "Loss of bladder or bowel control"));
  g_assert_null (unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Glute release"));

  unknot_test_ui_collect (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), "I Understand") == 0)
      acknowledge = g_ptr_array_index (buttons, i);
  g_assert_nonnull (acknowledge);
  g_signal_emit_by_name (acknowledge, "clicked");
  unknot_test_ui_iterate ();

  g_assert_true (g_settings_get_boolean (fixture->settings, "safety-acknowledged"));
  g_assert_null (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Before You Start"));
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Glute release"));

  /* Acknowledged once: the next window goes straight to the routines. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  open_window (fixture);
  g_assert_null (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Before You Start"));
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Glute release"));
}

/* Whether @row's title column is laid out by a UnknotRowLayout. */
static gboolean
has_row_layout (GtkWidget *row)
{
  g_autoptr (GPtrArray) boxes = g_ptr_array_new ();

  unknot_test_ui_collect (row, GTK_TYPE_BOX, boxes);
  for (guint i = 0; i < boxes->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (boxes, i), "title"))
      return UNKNOT_IS_ROW_LAYOUT (gtk_widget_get_layout_manager (g_ptr_array_index (boxes, i)));
  return FALSE;
}

static void
test_lists_routines (Fixture *fixture, gconstpointer data)
{
  UnknotRoutineLibrary *library = unknot_application_get_library (fixture->app);
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  g_autoptr (GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);

  g_settings_set_boolean (fixture->settings, "safety-acknowledged", TRUE);
  open_window (fixture);

  unknot_test_ui_collect (GTK_WIDGET (fixture->window), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *id = g_object_get_data (G_OBJECT (g_ptr_array_index (rows, i)), "routine-id");

      if (id == NULL)
        continue;
      g_hash_table_add (listed, (gpointer) id);
      /* A name or subtitle too long for three lines ends in "…". */
      g_assert_cmpint (adw_action_row_get_title_lines (g_ptr_array_index (rows, i)), ==, 3);
      g_assert_cmpint (adw_action_row_get_subtitle_lines (g_ptr_array_index (rows, i)), ==, 3);
      g_assert_true (has_row_layout (g_ptr_array_index (rows, i)));
    }

  /* Every routine stands under at least one problem it helps with. */
  g_assert_cmpuint (g_hash_table_size (listed), ==,
                    unknot_routine_library_get_n_routines (library));
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Knee pain"));
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Sciatica-like pain"));
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Sport warm-up"));
}

static void
test_routine_page (Fixture *fixture, gconstpointer data)
{
  UnknotRoutineLibrary *library = unknot_application_get_library (fixture->app);
  UnknotRoutine *routine = unknot_routine_library_lookup (library, "piriformis-ball");
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  g_autoptr (GPtrArray) expanders = g_ptr_array_new ();
  GtkWidget *row = NULL;

  g_assert_nonnull (routine);
  g_settings_set_boolean (fixture->settings, "safety-acknowledged", TRUE);
  open_window (fixture);

  /* Activating the routine's row opens its page. */
  unknot_test_ui_collect (GTK_WIDGET (fixture->window), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len && row == NULL; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (g_ptr_array_index (rows, i)), "routine-id"),
                   "piriformis-ball") == 0)
      row = g_ptr_array_index (rows, i);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  unknot_test_ui_iterate ();

  unknot_test_ui_assert_setting (fixture->settings, "last-routine", "piriformis-ball");
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "What You Need"));
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Massage ball"));
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window),
                                                       unknot_routine_get_safety (routine)));

  /* One expandable row per step, titled with the step's name. */
  unknot_test_ui_collect (GTK_WIDGET (fixture->window), ADW_TYPE_EXPANDER_ROW, expanders);
  g_assert_cmpuint (expanders->len, ==, unknot_routine_get_n_steps (routine));
  for (guint i = 0; i < expanders->len; i++)
    g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (expanders, i)), ==,
                     unknot_routine_get_step (routine, i)->name);

  /* Back goes home. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.go-back", NULL));
  unknot_test_ui_iterate ();
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Knee pain"));

  /* Showing a routine that does not exist changes nothing. */
  g_assert_false (unknot_window_show_routine (fixture->window, "no-such-routine"));
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
has_accel (const char *action, const char *accel)
{
  g_auto (GStrv) accels =
    gtk_application_get_accels_for_action (GTK_APPLICATION (application), action);

  return g_strv_contains ((const char *const *) accels, accel);
}

static void
test_shortcuts_and_windows (Fixture *fixture, gconstpointer data)
{
  GtkWindow *about;
  GtkWindow *shortcuts;
  GtkWindow *safety;

  g_settings_set_boolean (fixture->settings, "safety-acknowledged", TRUE);
  open_window (fixture);

  g_assert_true (has_accel ("app.quit", "<Control>q"));
  g_assert_true (has_accel ("window.close", "<Control>w"));
  g_assert_true (has_accel ("win.show-help-overlay", "<Control>question"));
  g_assert_true (has_accel ("app.safety", "F1"));
  g_assert_true (has_accel ("win.go-back", "<Alt>Left"));

  g_action_group_activate_action (G_ACTION_GROUP (application), "about", NULL);
  unknot_test_ui_iterate ();
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Unknot");
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                   GTK_LICENSE_GPL_3_0);
  gtk_window_destroy (about);

  /* Built when first asked for, not with the window. */
  g_assert_null (
    gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window)));
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-help-overlay", NULL));
  unknot_test_ui_iterate ();
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  {
    int natural;

    /* It fits a phone: GTK 4.8 asks for a 40-character search entry, 400 px. */
    gtk_widget_measure (GTK_WIDGET (shortcuts), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural,
                        NULL, NULL);
    g_assert_cmpint (natural, <=, 360);
  }
  gtk_window_close (shortcuts);

  g_action_group_activate_action (G_ACTION_GROUP (application), "safety", NULL);
  unknot_test_ui_iterate ();
  safety = find_toplevel (ADW_TYPE_WINDOW);
  g_assert_nonnull (safety);
  g_assert_cmpstr (gtk_window_get_title (safety), ==, "Safety");
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (safety), "New weakness in a leg"));
  /* Read from the menu, the notes ask for nothing. */
  g_assert_null (unknot_test_ui_find_visible_label (GTK_WIDGET (safety), "I Understand"));
  gtk_window_destroy (safety);
}

/* A stand-in for GNOME Shell's notification server, so tests see what would be shown. */
static const char notifications_xml[] =
  "<node><interface name='org.gtk.Notifications'>"
  "<method name='AddNotification'><arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "<arg type='a{sv}' direction='in'/></method>"
  "<method name='RemoveNotification'><arg type='s' direction='in'/>"
  "<arg type='s' direction='in'/></method>"
  "</interface></node>";

static GPtrArray *notification_titles;

static void
notifications_method_cb (GDBusConnection *connection,
                         const char *sender,
                         const char *object_path,
                         const char *interface_name,
                         const char *method_name,
                         GVariant *parameters,
                         GDBusMethodInvocation *invocation,
                         gpointer user_data)
{
  if (g_str_equal (method_name, "AddNotification"))
    {
      g_autoptr (GVariant) notification = g_variant_get_child_value (parameters, 2);
      const char *title = NULL;

      g_variant_lookup (notification, "title", "&s", &title);
      g_ptr_array_add (notification_titles, g_strdup (title));
    }
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
serve_notifications (GDBusConnection *connection)
{
  static const GDBusInterfaceVTable vtable = { notifications_method_cb };
  g_autoptr (GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (notifications_xml, NULL);
  g_autoptr (GVariant) reply = NULL;

  notification_titles = g_ptr_array_new_with_free_func (g_free);
  g_dbus_connection_register_object (connection, "/org/gtk/Notifications", info->interfaces[0],
                                     &vtable, NULL, NULL, NULL);
  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.gtk.Notifications", 0), NULL,
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  g_assert_nonnull (reply);
}

static UnknotFakeClock *
use_fake_clock (void)
{
  g_autoptr (UnknotClock) clock = unknot_fake_clock_new (1000 * G_USEC_PER_SEC);

  unknot_application_set_clock (application, clock);
  return UNKNOT_FAKE_CLOCK (clock);
}

static GtkWidget *
player_page (Fixture *fixture)
{
  g_autoptr (GPtrArray) pages = g_ptr_array_new ();

  unknot_test_ui_collect (GTK_WIDGET (fixture->window), UNKNOT_TYPE_PLAYER_PAGE, pages);
  g_assert_cmpuint (pages->len, ==, 1);
  return g_ptr_array_index (pages, 0);
}

static AdwMessageDialog *
find_dialog (void)
{
  return (AdwMessageDialog *) find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

/* What `unknot --routine ID` and the desktop action do in the running instance. */
static void
test_open_routine_actions (Fixture *fixture, gconstpointer data)
{
  AdwMessageDialog *dialog;

  use_fake_clock ();
  g_settings_set_boolean (fixture->settings, "safety-acknowledged", TRUE);
  open_window (fixture);

  /* No routine opened yet: the window says so and stays on the list. */
  g_action_group_activate_action (G_ACTION_GROUP (application), "last-routine", NULL);
  unknot_test_ui_iterate ();
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window),
                                                       "No routine opened yet: pick one to start"));

  /* --routine ID: straight into the player, counting in. */
  g_action_group_activate_action (G_ACTION_GROUP (application), "open-routine",
                                  g_variant_new_string ("sciatica-gentle"));
  unknot_test_ui_iterate ();
  unknot_test_ui_assert_setting (fixture->settings, "last-routine", "sciatica-gentle");
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Get ready"));
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "0:05"));

  /* Stopping asks first; keeping going changes nothing. */
  g_assert_true (gtk_widget_activate_action (player_page (fixture), "player.stop", NULL));
  unknot_test_ui_iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "continue");
  unknot_test_ui_iterate ();
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Get ready"));

  g_assert_true (gtk_widget_activate_action (player_page (fixture), "player.stop", NULL));
  unknot_test_ui_iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "stop");
  unknot_test_ui_iterate ();

  /* Back on the routine's page. */
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "What You Need"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.go-back", NULL));
  unknot_test_ui_iterate ();
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Knee pain"));

  g_action_group_activate_action (G_ACTION_GROUP (application), "last-routine", NULL);
  unknot_test_ui_iterate ();
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "What You Need"));
}

/* On the very first run, --routine shows the safety notes first, then the routine. */
static void
test_first_run_routine (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();

  use_fake_clock ();
  open_window (fixture);
  g_assert_true (unknot_window_start_routine (fixture->window, "glute-release"));
  unknot_test_ui_iterate ();
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Before You Start"));
  g_assert_null (unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Get ready"));

  unknot_test_ui_collect (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), "I Understand") == 0)
      g_signal_emit_by_name (g_ptr_array_index (buttons, i), "clicked");
  unknot_test_ui_iterate ();
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Get ready"));
}

/* A whole routine in the player, on the fake clock: what the person sees at each moment. */
static void
test_player_whole_routine (Fixture *fixture, gconstpointer data)
{
  UnknotFakeClock *clock = use_fake_clock ();
  UnknotRoutineLibrary *library = unknot_application_get_library (application);
  UnknotRoutine *routine = unknot_routine_library_lookup (library, "pre-run-warm-up");
  const UnknotStep *first = unknot_routine_get_step (routine, 0);
  GtkWidget *page;
  UnknotSession *session;
  g_autofree char *countdown = NULL;
  gint64 start;

  g_settings_set_boolean (fixture->settings, "safety-acknowledged", TRUE);
  open_window (fixture);
  g_assert_true (unknot_window_start_routine (fixture->window, "pre-run-warm-up"));
  unknot_test_ui_iterate ();
  page = player_page (fixture);
  session = unknot_player_page_get_session (UNKNOT_PLAYER_PAGE (page));
  start = unknot_clock_get_time (UNKNOT_CLOCK (clock));

  /* Counting in, the first step named, the screen kept awake. */
  g_assert_nonnull (unknot_test_ui_find_visible_label (page, "Get ready"));
  g_assert_nonnull (unknot_test_ui_find_visible_label (page, "0:05"));
  g_assert_nonnull (unknot_test_ui_find_visible_label (page, first->name));
  g_assert_nonnull (unknot_test_ui_find_visible_label (page, "Step 1 of 4"));
  g_assert_true (unknot_player_page_get_inhibiting (UNKNOT_PLAYER_PAGE (page)));

  unknot_fake_clock_advance_to (clock, start + 5 * G_USEC_PER_SEC);
  unknot_test_ui_iterate ();
  countdown = g_strdup_printf ("0:%02u", first->duration_seconds);
  g_assert_nonnull (unknot_test_ui_find_visible_label (page, "Left side"));
  g_assert_nonnull (unknot_test_ui_find_visible_label (page, countdown));
  g_assert_nonnull (unknot_test_ui_find_visible_label (page, first->instruction));

  /* Space's action: paused, the screen may sleep; the countdown stands still. */
  g_assert_true (gtk_widget_activate_action (page, "player.toggle-pause", NULL));
  unknot_test_ui_iterate ();
  g_assert_nonnull (unknot_test_ui_find_visible_label (page, "Paused"));
  g_assert_false (unknot_player_page_get_inhibiting (UNKNOT_PLAYER_PAGE (page)));
  unknot_fake_clock_advance (clock, 60 * G_USEC_PER_SEC);
  unknot_test_ui_iterate ();
  g_assert_nonnull (unknot_test_ui_find_visible_label (page, countdown));
  g_assert_true (gtk_widget_activate_action (page, "player.toggle-pause", NULL));
  unknot_test_ui_iterate ();
  g_assert_true (unknot_player_page_get_inhibiting (UNKNOT_PLAYER_PAGE (page)));

  /* Skip goes to the right side; back returns to the left. */
  g_assert_true (gtk_widget_activate_action (page, "player.skip", NULL));
  unknot_test_ui_iterate ();
  g_assert_nonnull (unknot_test_ui_find_visible_label (page, "Right side"));
  g_assert_true (gtk_widget_activate_action (page, "player.back", NULL));
  unknot_test_ui_iterate ();
  g_assert_nonnull (unknot_test_ui_find_visible_label (page, "Left side"));

  /* Too intense: gentler advice, and the press is kept. */
  g_assert_true (gtk_widget_activate_action (page, "player.too-intense", NULL));
  unknot_test_ui_iterate ();
  g_assert_nonnull (find_dialog ());
  adw_message_dialog_response (find_dialog (), "keep");
  unknot_test_ui_iterate ();
  g_assert_cmpuint (unknot_session_get_intensity_events (session)->len, ==, 1);

  /* To the end: well done, the screen may sleep, Finish goes back to the routine. */
  while (unknot_session_get_state (session) != UNKNOT_SESSION_STATE_DONE)
    g_assert_true (unknot_fake_clock_advance_to_next (clock));
  unknot_test_ui_iterate ();
  g_assert_nonnull (unknot_test_ui_find_visible_label (page, "Well done"));
  g_assert_false (unknot_player_page_get_inhibiting (UNKNOT_PLAYER_PAGE (page)));
  /* Without a window manager the window may not be focused: then a notification says it
   * is done. */
  g_test_message ("window active at the end: %d",
                  gtk_window_is_active (GTK_WINDOW (fixture->window)));
  if (!gtk_window_is_active (GTK_WINDOW (fixture->window)))
    {
      while (notification_titles->len == 0)
        g_main_context_iteration (NULL, TRUE);
      g_assert_cmpstr (g_ptr_array_index (notification_titles, 0), ==, "Routine done");
    }
  g_assert_true (gtk_widget_activate_action (page, "player.close", NULL));
  unknot_test_ui_iterate ();
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "What You Need"));
  g_assert_null (unknot_player_page_get_session (UNKNOT_PLAYER_PAGE (page)));
}

static UnknotCheckInPage *
check_in_page (Fixture *fixture)
{
  g_autoptr (GPtrArray) pages = g_ptr_array_new ();

  unknot_test_ui_collect (GTK_WIDGET (fixture->window), UNKNOT_TYPE_CHECK_IN_PAGE, pages);
  g_assert_cmpuint (pages->len, ==, 1);
  return g_ptr_array_index (pages, 0);
}

/* Pain before and after a routine: asked, stored, paired, and the change shown. */
static void
test_check_in_around_routine (Fixture *fixture, gconstpointer data)
{
  UnknotFakeClock *clock = use_fake_clock ();
  UnknotPainDiary *diary = unknot_application_get_diary (application);
  const char *areas[] = { "low-back", "hip-left", NULL };
  g_autoptr (GArray) sessions = NULL;
  UnknotCheckInPage *page;
  g_autoptr (UnknotSession) session = NULL;
  GtkWidget *button;

  g_settings_set_boolean (fixture->settings, "safety-acknowledged", TRUE);
  g_settings_set_boolean (fixture->settings, "ask-pain-before", TRUE);
  g_settings_set_boolean (fixture->settings, "ask-pain-after", TRUE);
  g_settings_set_strv (fixture->settings, "pain-areas", areas);
  open_window (fixture);

  g_assert_true (unknot_window_start_routine (fixture->window, "glute-release"));
  unknot_test_ui_iterate ();
  page = check_in_page (fixture);
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (page), "How much does it hurt right now?"));
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (page), "Low back"));
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (page), "Left outer hip"));
  g_assert_null (unknot_test_ui_find_visible_label (GTK_WIDGET (page), "Left knee"));
  /* Not started yet: the routine waits for the answer. */
  g_assert_null (unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Get ready"));

  /* One click per area: the "6" of the low back, the "4" of the hip; then Done. */
  unknot_check_in_page_set_score (page, UNKNOT_AREA_LOW_BACK, 6);
  unknot_check_in_page_set_score (page, UNKNOT_AREA_HIP_LEFT, 4);
  button = GTK_WIDGET (unknot_test_ui_find_visible_label (GTK_WIDGET (page), "Done"));
  g_assert_nonnull (button);
  g_signal_emit_by_name (gtk_widget_get_parent (button), "clicked");
  unknot_test_ui_iterate ();

  g_assert_cmpuint (unknot_pain_diary_get_n_entries (diary), ==, 2);
  g_assert_cmpint (unknot_pain_diary_get_entry (diary, 0)->phase, ==, UNKNOT_PHASE_BEFORE);
  g_assert_cmpstr (unknot_pain_diary_get_entry (diary, 0)->routine_id, ==, "glute-release");
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Get ready"));

  /* Run it to the end: then it asks how it feels now. */
  session =
    g_object_ref (unknot_player_page_get_session (UNKNOT_PLAYER_PAGE (player_page (fixture))));
  while (unknot_session_get_state (session) != UNKNOT_SESSION_STATE_DONE)
    g_assert_true (unknot_fake_clock_advance_to_next (clock));
  unknot_test_ui_iterate ();
  page = check_in_page (fixture);
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (page), "How does it feel now?"));

  unknot_check_in_page_set_score (page, UNKNOT_AREA_LOW_BACK, 3);
  button = GTK_WIDGET (unknot_test_ui_find_visible_label (GTK_WIDGET (page), "Done"));
  g_signal_emit_by_name (gtk_widget_get_parent (button), "clicked");
  unknot_test_ui_iterate ();

  /* Stored as a before/after pair; the hip left unanswered is not stored. */
  g_assert_cmpuint (unknot_pain_diary_get_n_entries (diary), ==, 3);
  sessions = unknot_pain_diary_get_sessions (diary, 0, G_MAXINT64);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_cmpuint (g_array_index (sessions, UnknotPainSession, 0).before, ==, 6);
  g_assert_cmpuint (g_array_index (sessions, UnknotPainSession, 0).after, ==, 3);
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Low back 6 → 3"));
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "What You Need"));

  /* A check-in on its own, about one area; 7 or more brings the safety advice. */
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.check-in", "s", "knee-right"));
  unknot_test_ui_iterate ();
  page = check_in_page (fixture);
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (page), "Right knee"));
  unknot_check_in_page_set_score (page, UNKNOT_AREA_KNEE_RIGHT, 8);
  button = GTK_WIDGET (unknot_test_ui_find_visible_label (GTK_WIDGET (page), "Done"));
  g_signal_emit_by_name (gtk_widget_get_parent (button), "clicked");
  unknot_test_ui_iterate ();
  g_assert_cmpint (unknot_pain_diary_get_latest (diary, UNKNOT_AREA_KNEE_RIGHT)->phase, ==,
                   UNKNOT_PHASE_CHECK_IN);
  g_assert_nonnull (find_dialog ());
  g_assert_cmpstr (adw_message_dialog_get_heading (find_dialog ()), ==, "That Is Severe Pain");
  adw_message_dialog_response (find_dialog (), "close");
  unknot_test_ui_iterate ();
}

/* Ctrl+W's action exists on the window and closes it. */
static void
test_close_window (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GtkWidget) window_ref = NULL;

  g_settings_set_boolean (fixture->settings, "safety-acknowledged", TRUE);
  open_window (fixture);
  window_ref = g_object_ref (GTK_WIDGET (fixture->window));

  g_assert_true (gtk_widget_activate_action (window_ref, "window.close", NULL));
  unknot_test_ui_iterate ();
  g_assert_false (gtk_widget_get_visible (window_ref));
  fixture->window = NULL;
}

/* The main menu: no popover until it is first opened, then the five items. */
static void
test_main_menu (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr (GPtrArray) popovers = g_ptr_array_new ();
  GtkMenuButton *menu = NULL;
  GMenuModel *model;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_settings_set_boolean (fixture->settings, "safety-acknowledged", TRUE);
  open_window (fixture);
  unknot_test_ui_collect (GTK_WIDGET (fixture->window), GTK_TYPE_MENU_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), "Main Menu") == 0)
      menu = g_ptr_array_index (buttons, i);
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (menu)));
  g_assert_null (gtk_menu_button_get_menu_model (menu));
  unknot_test_ui_collect (GTK_WIDGET (fixture->window), GTK_TYPE_POPOVER_MENU, popovers);
  g_assert_cmpuint (popovers->len, ==, 0);

  gtk_menu_button_popup (menu);
  while (unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Preferences") == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  model = gtk_menu_button_get_menu_model (menu);
  g_assert_nonnull (model);
  g_assert_cmpint (
    g_menu_model_get_n_items (g_menu_model_get_item_link (model, 0, G_MENU_LINK_SECTION)), ==, 5);
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "About Unknot"));

  /* Opened again: the same menu, not a second one. */
  gtk_menu_button_popdown (menu);
  unknot_test_ui_iterate ();
  gtk_menu_button_popup (menu);
  unknot_test_ui_iterate ();
  g_assert_true (gtk_menu_button_get_menu_model (menu) == model);
  gtk_menu_button_popdown (menu);
  unknot_test_ui_iterate ();
}

/* The window's bottom view switcher, or %NULL while it has none. */
static AdwViewSwitcherBar *
find_switcher_bar (UnknotWindow *window)
{
  g_autoptr (GPtrArray) bars = g_ptr_array_new ();

  unknot_test_ui_collect (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR, bars);
  g_assert_cmpuint (bars->len, <=, 1);
  return bars->len > 0 ? g_ptr_array_index (bars, 0) : NULL;
}

/* Iterates until the window's switcher bar shows, or fails after 10 s. */
static AdwViewSwitcherBar *
wait_for_revealed_switcher_bar (UnknotWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  AdwViewSwitcherBar *bar;

  while ((bar = find_switcher_bar (window)) == NULL || !adw_view_switcher_bar_get_reveal (bar))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  return bar;
}

/* A narrow window switches views from a bar at the bottom.  A wide one has none, not
 * even hidden (it would be laid out at every start); it gains it when made narrow, and
 * a window that opens narrow has it at once.  With animations off (as in these tests)
 * a bar revealed while the header bar is allocated warned about a height of -1:
 * G_DEBUG=fatal-warnings makes that a failure. */
static void
test_switcher_bar (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
  AdwViewSwitcherBar *bar;
  gint64 deadline;

  g_settings_set_boolean (fixture->settings, "safety-acknowledged", TRUE);
  g_settings_set_int (fixture->settings, "window-width", 900);
  g_settings_set_int (fixture->settings, "window-height", 700);
  open_window (fixture);
  g_assert_null (find_switcher_bar (fixture->window));

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 700);
  bar = wait_for_revealed_switcher_bar (fixture->window);
  g_assert_nonnull (adw_view_switcher_bar_get_stack (bar));
  unknot_test_ui_collect (GTK_WIDGET (bar), GTK_TYPE_TOGGLE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, ==, 3);
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (bar), "Progress"));

  /* Wide again: the bar is kept, hidden. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 700);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (adw_view_switcher_bar_get_reveal (bar))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (find_switcher_bar (fixture->window) == bar);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_settings_set_int (fixture->settings, "window-width", 360);
  open_window (fixture);
  wait_for_revealed_switcher_bar (fixture->window);

  g_settings_reset (fixture->settings, "window-width");
  g_settings_reset (fixture->settings, "window-height");
}

/* Presents @window and waits until it has been drawn at its size. */
static void
show_and_wait (GtkWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_window_set_default_size (window, 600, 400);
  gtk_window_present (window);
  while (!(gtk_widget_get_mapped (GTK_WIDGET (window)) &&
           gtk_widget_get_width (GTK_WIDGET (window)) > 0))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  unknot_test_ui_iterate ();
}

/* Adds up the area of the window-sized inset shadows in @node. */
static double
window_sized_inset_shadows (GskRenderNode *node, double window_area)
{
  double area = 0;

  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        area += window_sized_inset_shadows (gsk_container_node_get_child (node, i), window_area);
      return area;
    case GSK_TRANSFORM_NODE:
      return window_sized_inset_shadows (gsk_transform_node_get_child (node), window_area);
    case GSK_CLIP_NODE:
      return window_sized_inset_shadows (gsk_clip_node_get_child (node), window_area);
    case GSK_DEBUG_NODE:
      return window_sized_inset_shadows (gsk_debug_node_get_child (node), window_area);
    case GSK_INSET_SHADOW_NODE:
      {
        const graphene_rect_t *outline = &gsk_inset_shadow_node_get_outline (node)->bounds;
        double shaded = outline->size.width * outline->size.height;

        return shaded > window_area / 2 ? shaded : 0;
      }
    default:
      return 0;
    }
}

/* @node drawn by @widget's renderer: @width × @height pixels (Cairo ARGB32). */
static guchar *
render_pixels (GtkWidget *widget, GskRenderNode *node, int width, int height)
{
  g_autoptr (GdkTexture) texture =
    gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                 &GRAPHENE_RECT_INIT (0, 0, width, height));
  guchar *pixels = g_malloc ((gsize) width * height * 4);

  gdk_texture_download (texture, pixels, (gsize) width * 4);
  return pixels;
}

/* The colour schemes the drawing tests compare in. */
static const AdwColorScheme light_and_dark[] = { ADW_COLOR_SCHEME_FORCE_LIGHT,
                                                 ADW_COLOR_SCHEME_FORCE_DARK };

/* The window as drawn: its pixels (Cairo ARGB32), @width × @height, and the area of
 * the inset shadows that cover it. */
static guchar *
render_window (GtkWindow *window, int *width, int *height, double *inset_area)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;

  *width = gdk_paintable_get_intrinsic_width (paintable);
  *height = gdk_paintable_get_intrinsic_height (paintable);
  gdk_paintable_snapshot (paintable, snapshot, *width, *height);
  node = gtk_snapshot_free_to_node (snapshot);
  *inset_area = window_sized_inset_shadows (node, (double) *width * *height);
  return render_pixels (GTK_WIDGET (window), node, *width, *height);
}

/* render_window (), then @window is closed. */
static guchar *
render_and_close (GtkWindow *window, int *width, int *height, double *inset_area)
{
  guchar *pixels = render_window (window, width, height, inset_area);

  gtk_window_destroy (window);
  unknot_test_ui_iterate ();
  return pixels;
}

static void
painted_cb (GdkFrameClock *clock, gboolean *painted)
{
  *painted = TRUE;
}

/* Iterates until @widget's window has laid itself out and painted once more. */
static void
wait_for_paint (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gboolean painted = FALSE;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);

  gtk_widget_queue_draw (widget);
  while (!painted)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, handler);
}

/* @widget's render node, from a frame drawn just now. */
static GskRenderNode *
widget_node (GtkWidget *widget)
{
  g_autoptr (GdkPaintable) paintable = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;

  /* The paintable takes the widget's node from its last frame: made after it. */
  wait_for_paint (widget);
  paintable = gtk_widget_paintable_new (widget);
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return node;
}

/* @widget as drawn now, @width × @height pixels (Cairo ARGB32). */
static guchar *
widget_pixels (GtkWidget *widget, int *width, int *height)
{
  g_autoptr (GskRenderNode) node = widget_node (widget);

  *width = gtk_widget_get_width (widget);
  *height = gtk_widget_get_height (widget);
  return render_pixels (widget, node, *width, *height);
}

/* @widget's pixel at (@x, @y) in its own coordinates, as drawn now (Cairo ARGB32). */
static guint32
widget_pixel (GtkWidget *widget, double x, double y)
{
  int width, height;
  g_autofree guchar *pixels = widget_pixels (widget, &width, &height);
  guint32 pixel;

  g_assert_cmpint ((int) x, <, width);
  g_assert_cmpint ((int) y, <, height);
  memcpy (&pixel, pixels + ((gsize) y * width + (gsize) x) * 4, 4);
  return pixel;
}

/* Iterates until @adjustment's content is longer than its page, or fails after 10 s. */
static void
wait_for_overflow (GtkAdjustment *adjustment)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment) + 1)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* On a phone a long step goes on below the player's controls: a line at the edge of
 * the step's scroller says so while there is more, and goes once the end is shown. */
static void
test_player_more_below (Fixture *fixture, gconstpointer data)
{
  UnknotFakeClock *clock = use_fake_clock ();
  g_autoptr (GPtrArray) scrollers = g_ptr_array_new ();
  GtkWidget *scroller = NULL;
  GtkAdjustment *adjustment;
  double x, edge, above;

  g_settings_set_boolean (fixture->settings, "safety-acknowledged", TRUE);
  g_settings_set_int (fixture->settings, "window-width", 360);
  g_settings_set_int (fixture->settings, "window-height", 720);
  open_window (fixture);
  g_assert_true (unknot_window_start_routine (fixture->window, "sciatica-gentle"));
  unknot_test_ui_iterate ();
  unknot_fake_clock_advance (clock, 6 * G_USEC_PER_SEC);
  unknot_test_ui_iterate ();

  unknot_test_ui_collect (player_page (fixture), GTK_TYPE_SCROLLED_WINDOW, scrollers);
  for (guint i = 0; i < scrollers->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (scrollers, i), "player-content"))
      scroller = g_ptr_array_index (scrollers, i);
  g_assert_nonnull (scroller);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  wait_for_overflow (adjustment);
  unknot_test_ui_iterate ();

  /* Left of the text, the scroller's last row of pixels and one above the 40 px GTK
   * gives the edge. */
  x = 3;
  edge = gtk_widget_get_height (scroller) - 1;
  above = edge - 45;
  g_assert_cmpuint (widget_pixel (scroller, x, edge), !=, widget_pixel (scroller, x, above));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                          gtk_adjustment_get_page_size (adjustment));
  unknot_test_ui_iterate ();
  g_assert_cmpuint (widget_pixel (scroller, x, edge), ==, widget_pixel (scroller, x, above));

  g_settings_reset (fixture->settings, "window-width");
  g_settings_reset (fixture->settings, "window-height");
}

/* What a card's shadows and its rows' separators are drawn with. */
typedef struct
{
  guint blurred;    /* outset shadows with a blur */
  guint outlines;   /* outset shadows without */
  guint textures;   /* bare texture nodes */
  guint recoloured; /* texture nodes each under a colour matrix of its own */
  guint lines;      /* sides of border nodes drawn */
  guint shaded;     /* border nodes GTK's GL renderer draws with its border shader: in
                     * more than one colour, or round a rounded outline */
} ShadowCount;

static gboolean
is_shaded_border (GskRenderNode *node)
{
  const GdkRGBA *colors = gsk_border_node_get_colors (node);
  const GskRoundedRect *outline = gsk_border_node_get_outline (node);

  for (guint i = 1; i < 4; i++)
    if (!gdk_rgba_equal (&colors[i], &colors[0]))
      return TRUE;
  for (guint i = 0; i < 4; i++)
    if (outline->corner[i].width > 0 || outline->corner[i].height > 0)
      return TRUE;
  return FALSE;
}

static void
count_shadows (GskRenderNode *node, ShadowCount *count)
{
  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        count_shadows (gsk_container_node_get_child (node, i), count);
      break;
    case GSK_TRANSFORM_NODE:
      count_shadows (gsk_transform_node_get_child (node), count);
      break;
    case GSK_CLIP_NODE:
      count_shadows (gsk_clip_node_get_child (node), count);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      count_shadows (gsk_rounded_clip_node_get_child (node), count);
      break;
    case GSK_DEBUG_NODE:
      count_shadows (gsk_debug_node_get_child (node), count);
      break;
    case GSK_COLOR_MATRIX_NODE:
      if (gsk_render_node_get_node_type (gsk_color_matrix_node_get_child (node)) ==
          GSK_TEXTURE_NODE)
        count->recoloured++;
      else
        count_shadows (gsk_color_matrix_node_get_child (node), count);
      break;
    case GSK_OUTSET_SHADOW_NODE:
      if (gsk_outset_shadow_node_get_blur_radius (node) > 0)
        count->blurred++;
      else
        count->outlines++;
      break;
    case GSK_TEXTURE_NODE:
      count->textures++;
      break;
    case GSK_BORDER_NODE:
      for (guint i = 0; i < 4; i++)
        if (gsk_border_node_get_widths (node)[i] > 0)
          count->lines++;
      if (is_shaded_border (node))
        count->shaded++;
      break;
    default:
      break;
    }
}

/* Counts them in @widget as drawn now. */
static ShadowCount
count_widget_shadows (GtkWidget *widget)
{
  g_autoptr (GskRenderNode) node = widget_node (widget);
  ShadowCount count = { 0 };

  count_shadows (node, &count);
  return count;
}

/* A card of @width × @height. */
static GtkWidget *
plain_card (int width, int height)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_size_request (card, width, height);
  return card;
}

/* A boxed list of @n_rows routine-like rows, 300 px wide. */
static GtkWidget *
boxed_list (guint n_rows)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_set_size_request (list, 300, -1);
  for (guint i = 0; i < n_rows; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Glute release");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "About 8 min · Foam roller");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  return list;
}

/* @card in a box of @type, in a window of its own beside nothing else. */
static GtkWidget *
card_window (UnknotApplication *app, GType type, GtkWidget *card)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = g_object_new (type, "orientation", GTK_ORIENTATION_VERTICAL, NULL);

  gtk_widget_set_halign (card, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (card, 40);
  gtk_widget_set_margin_bottom (card, 40);
  gtk_box_append (GTK_BOX (box), card);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  /* No row shows focus. */
  gtk_window_set_focus_visible (GTK_WINDOW (window), FALSE);
  show_and_wait (GTK_WINDOW (window));
  return window;
}

/* The pixels of @window around @card (20 px each side), as drawn now. */
static guchar *
around_card (GtkWidget *window, GtkWidget *card, int *width, int *height)
{
  int window_width, window_height;
  double insets;
  graphene_rect_t bounds;
  g_autofree guchar *pixels = NULL;
  guchar *region;

  wait_for_paint (window);
  pixels = render_window (GTK_WINDOW (window), &window_width, &window_height, &insets);
  g_assert_true (gtk_widget_compute_bounds (card, window, &bounds));
  *width = (int) bounds.size.width + 40;
  *height = (int) bounds.size.height + 40;
  region = g_malloc ((gsize) *width * *height * 4);
  for (int y = 0; y < *height; y++)
    memcpy (region + (gsize) y * *width * 4,
            pixels +
              (((gsize) bounds.origin.y - 20 + y) * window_width + (gsize) bounds.origin.x - 20) *
                4,
            (gsize) *width * 4);
  return region;
}

/* How far apart, in levels of 255, @drawn is from @expected at most, channel by
 * channel; both are @width × @height (the drawn one's size is checked). */
static int
levels_apart (const guchar *expected,
              int width,
              int height,
              const guchar *drawn,
              int drawn_width,
              int drawn_height)
{
  int worst = 0;

  g_assert_cmpint (drawn_width, ==, width);
  g_assert_cmpint (drawn_height, ==, height);
  for (gsize i = 0; i < (gsize) width * height * 4; i++)
    worst = MAX (worst, ABS ((int) expected[i] - (int) drawn[i]));
  return worst;
}

/* A card in the routine list (a raised box) has libadwaita's shadow, light and dark,
 * within two levels of 255 of the one GTK draws for any other card, but drawn from
 * textures, each through a colour matrix (the GL renderer's shader of symbolic icons;
 * not for the cairo renderer: test-window-cairo): no blurred shadow and no outline is
 * left for GTK to draw.  A card too small to cut the textures around keeps GTK's
 * shadow, as do all cards with high contrast (test-window-hc). */
static void
test_raised_cards (Fixture *fixture, gconstpointer data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  gboolean high_contrast = g_getenv ("ADW_DEBUG_HIGH_CONTRAST") != NULL;
  gboolean cairo = g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") == 0;
  GtkWidget *card, *raised;
  ShadowCount count;

  g_assert_cmpint (adw_style_manager_get_high_contrast (style), ==, high_contrast);
  for (guint s = 0; s < G_N_ELEMENTS (light_and_dark); s++)
    {
      GtkWidget *raised_card, *plain;
      g_autofree guchar *expected = NULL;
      g_autofree guchar *drawn = NULL;
      int width, height, raised_width, raised_height, worst;

      adw_style_manager_set_color_scheme (style, light_and_dark[s]);
      card = plain_card (300, 120);
      plain = card_window (fixture->app, GTK_TYPE_BOX, card);
      expected = around_card (plain, card, &width, &height);
      gtk_window_destroy (GTK_WINDOW (plain));
      raised_card = plain_card (300, 120);
      raised = card_window (fixture->app, UNKNOT_TYPE_RAISED_BOX, raised_card);
      drawn = around_card (raised, raised_card, &raised_width, &raised_height);
      g_assert_cmpint (GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (GTK_NATIVE (raised))), ==,
                       cairo);
      worst = levels_apart (expected, width, height, drawn, raised_width, raised_height);
      g_test_message ("scheme %u: at most %d levels apart", s, worst);
      /* The cairo renderer blurs with three box blurs, near the Gaussian the GL renderer
       * draws and the textures hold. */
      g_assert_cmpint (worst, <=, cairo ? 8 : 2);

      count = count_widget_shadows (gtk_widget_get_parent (raised_card));
      g_assert_cmpuint (count.blurred, ==, high_contrast ? 2 : 0);
      g_assert_cmpuint (count.outlines, ==, high_contrast ? 1 : 0);
      g_assert_cmpuint (count.textures, ==, high_contrast || !cairo ? 0 : 8);
      g_assert_cmpuint (count.recoloured, ==, high_contrast || cairo ? 0 : 8);
      gtk_window_destroy (GTK_WINDOW (raised));
      unknot_test_ui_iterate ();
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* Too small to cut around. */
  card = plain_card (40, 40);
  raised = card_window (fixture->app, UNKNOT_TYPE_RAISED_BOX, card);
  count = count_widget_shadows (gtk_widget_get_parent (card));
  g_assert_cmpuint (count.blurred, ==, 2);
  g_assert_cmpuint (count.outlines, ==, 1);
  g_assert_cmpuint (count.recoloured, ==, 0);
  gtk_window_destroy (GTK_WINDOW (raised));
  unknot_test_ui_iterate ();
}

/* The boxed lists of a raised box look as libadwaita draws them, light and dark, but
 * their separators are borders GTK's GL renderer draws with its colour shader: one
 * colour on all sides (libadwaita leaves the unseen ones in the text's colour), and the
 * one below a first row that has two after it is the second row's top border (the
 * first row's outline is rounded by the list's corners).  Else they take the border
 * shader, one more for software GL to compile.  A list of two rows keeps it. */
static void
test_raised_lists (Fixture *fixture, gconstpointer data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  for (guint s = 0; s < G_N_ELEMENTS (light_and_dark); s++)
    for (guint n_rows = 1; n_rows <= 4; n_rows++)
      {
        GtkWidget *plain_list = boxed_list (n_rows);
        GtkWidget *raised_list = boxed_list (n_rows);
        GtkWidget *plain, *raised;
        g_autofree guchar *expected = NULL;
        g_autofree guchar *drawn = NULL;
        int width, height, raised_width, raised_height, worst;
        ShadowCount plain_count, raised_count;

        adw_style_manager_set_color_scheme (style, light_and_dark[s]);
        plain = card_window (fixture->app, GTK_TYPE_BOX, plain_list);
        raised = card_window (fixture->app, UNKNOT_TYPE_RAISED_BOX, raised_list);
        expected = around_card (plain, plain_list, &width, &height);
        drawn = around_card (raised, raised_list, &raised_width, &raised_height);
        worst = levels_apart (expected, width, height, drawn, raised_width, raised_height);
        g_test_message ("scheme %u, %u rows: at most %d levels apart", s, n_rows, worst);
        g_assert_cmpint (worst, <=, 2);

        plain_count = count_widget_shadows (plain_list);
        raised_count = count_widget_shadows (raised_list);
        g_assert_cmpuint (plain_count.lines, ==, n_rows - 1);
        g_assert_cmpuint (raised_count.lines, ==, n_rows - 1);
        g_assert_cmpuint (plain_count.shaded, ==, n_rows - 1);
        g_assert_cmpuint (raised_count.shaded, ==, n_rows == 2 ? 1 : 0);
        gtk_window_destroy (GTK_WINDOW (plain));
        gtk_window_destroy (GTK_WINDOW (raised));
        unknot_test_ui_iterate ();
      }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static GtkWidget *
long_row (gboolean row_layout)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 "Gentle piriformis for buttock and leg pain, slowly");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               "About 7 min · Foam roller, Massage ball, Wall, Floor mat");
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  if (row_layout)
    unknot_row_layout_apply (row);
  /* Neither row shows focus. */
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

/* The routine rows' title column (UnknotRowLayout) is laid out as AdwActionRow lays it
 * out, wrapped on a phone and on one line when wide, line for line and pixel for pixel;
 * only the way there is shorter. */
static void
test_row_layout (Fixture *fixture, gconstpointer data)
{
  const int widths[] = { 360, 900 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      GtkWidget *window = adw_application_window_new (GTK_APPLICATION (fixture->app));
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      GtkWidget *plain = long_row (FALSE);
      GtkWidget *laid = long_row (TRUE);
      g_autoptr (GPtrArray) plain_labels = g_ptr_array_new ();
      g_autoptr (GPtrArray) laid_labels = g_ptr_array_new ();
      g_autofree guchar *plain_pixels = NULL;
      g_autofree guchar *laid_pixels = NULL;
      int width, height, laid_width, laid_height;

      /* Each in a list of its own, so that both are first and last rows alike. */
      for (guint r = 0; r < 2; r++)
        {
          GtkWidget *list = gtk_list_box_new ();

          gtk_widget_add_css_class (list, "boxed-list");
          gtk_list_box_append (GTK_LIST_BOX (list), r == 0 ? plain : laid);
          gtk_box_append (GTK_BOX (box), list);
        }
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
      /* No focus ring on the first row. */
      gtk_window_set_focus_visible (GTK_WINDOW (window), FALSE);
      gtk_window_set_default_size (GTK_WINDOW (window), widths[w], 400);
      gtk_window_present (GTK_WINDOW (window));
      wait_for_paint (window);

      g_assert_true (has_row_layout (laid));
      g_assert_false (has_row_layout (plain));
      g_assert_cmpint (gtk_widget_get_width (laid), ==, gtk_widget_get_width (plain));
      g_assert_cmpint (gtk_widget_get_height (laid), ==, gtk_widget_get_height (plain));
      unknot_test_ui_collect (plain, GTK_TYPE_LABEL, plain_labels);
      unknot_test_ui_collect (laid, GTK_TYPE_LABEL, laid_labels);
      g_assert_cmpuint (laid_labels->len, ==, plain_labels->len);
      for (guint i = 0; i < plain_labels->len; i++)
        {
          GtkWidget *a = g_ptr_array_index (plain_labels, i);
          GtkWidget *b = g_ptr_array_index (laid_labels, i);
          PangoLayout *layout_a = gtk_label_get_layout (GTK_LABEL (a));
          PangoLayout *layout_b = gtk_label_get_layout (GTK_LABEL (b));

          g_assert_cmpint (gtk_widget_get_width (b), ==, gtk_widget_get_width (a));
          g_assert_cmpint (gtk_widget_get_height (b), ==, gtk_widget_get_height (a));
          g_assert_cmpint (pango_layout_get_line_count (layout_b), ==,
                           pango_layout_get_line_count (layout_a));
        }
      /* On a phone the title wraps; wide, it does not. */
      g_assert_cmpint (gtk_widget_get_height (plain), >, widths[w] < 500 ? 70 : 0);
      g_assert_true (widths[w] < 500 || gtk_widget_get_height (plain) < 70);
      plain_pixels = widget_pixels (plain, &width, &height);
      laid_pixels = widget_pixels (laid, &laid_width, &laid_height);
      g_assert_cmpint (laid_width, ==, width);
      g_assert_cmpint (laid_height, ==, height);
      g_assert_cmpmem (laid_pixels, (gsize) width * height * 4, plain_pixels,
                       (gsize) width * height * 4);
      gtk_window_destroy (GTK_WINDOW (window));
      unknot_test_ui_iterate ();
    }
}

/* On an X server without a compositor the window's frame (.solid-csd) looks as
 * libadwaita draws it on any other window, pixel for pixel, in every style, but
 * without the window-sized inset shadows that software GL shades in full for every
 * redrawn second of a routine. */
static void
test_solid_frame (Fixture *fixture, gconstpointer data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  g_settings_set_boolean (fixture->settings, "safety-acknowledged", TRUE);
  for (guint s = 0; s < G_N_ELEMENTS (light_and_dark); s++)
    {
      GtkWidget *plain = adw_application_window_new (GTK_APPLICATION (fixture->app));
      g_autofree guchar *expected = NULL;
      g_autofree guchar *drawn = NULL;
      int width, height, plain_width, plain_height;
      double plain_insets, insets;

      adw_style_manager_set_color_scheme (style, light_and_dark[s]);
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (plain), adw_status_page_new ());
      show_and_wait (GTK_WINDOW (plain));
      if (!gtk_widget_has_css_class (plain, "solid-csd"))
        {
          gtk_window_destroy (GTK_WINDOW (plain));
          adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
          g_test_skip ("the display has a compositor: windows have no solid frame");
          return;
        }
      expected = render_and_close (GTK_WINDOW (plain), &plain_width, &plain_height, &plain_insets);

      fixture->window = unknot_window_new (fixture->app);
      show_and_wait (GTK_WINDOW (fixture->window));
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture->window), "solid-csd"));
      drawn = render_and_close (GTK_WINDOW (fixture->window), &width, &height, &insets);
      fixture->window = NULL;

      /* libadwaita's own frame is what the test is about; ours shades no more than
       * its own pixels. */
      g_assert_cmpfloat (plain_insets, >, 0);
      g_assert_cmpfloat (insets, ==, 0);

      /* The five pixels of the frame, on every side. */
      g_assert_cmpint (width, ==, plain_width);
      g_assert_cmpint (height, ==, plain_height);
      for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
          {
            gsize at = ((gsize) y * width + x) * 4;

            if (x >= 5 && y >= 5 && x < width - 5 && y < height - 5)
              continue;
            if (memcmp (expected + at, drawn + at, 4) != 0)
              g_error (
                "scheme %u: the frame's pixel (%d, %d) is %02x%02x%02x%02x, not %02x%02x%02x%02x",
                s, x, y, drawn[at + 3], drawn[at + 2], drawn[at + 1], drawn[at], expected[at + 3],
                expected[at + 2], expected[at + 1], expected[at]);
          }
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* A window built like Unknot's, with @css_class: a toast overlay round a header bar (a
 * button at each end and a title; flat or not) over a status page. */
static GtkWidget *
header_window (UnknotApplication *app,
               const char *css_class,
               gboolean flat,
               GtkWidget **overlay,
               GtkWidget **header)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_status_page_new ();

  *overlay = adw_toast_overlay_new ();
  *header = adw_header_bar_new ();
  if (css_class != NULL)
    gtk_widget_add_css_class (window, css_class);
  if (flat)
    gtk_widget_add_css_class (*header, "flat");
  adw_header_bar_pack_start (ADW_HEADER_BAR (*header), gtk_button_new_with_label ("Start"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (*header),
                           gtk_button_new_from_icon_name ("open-menu-symbolic"));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (*header), adw_window_title_new ("Title", NULL));
  adw_status_page_set_title (ADW_STATUS_PAGE (page), "Page");
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), *header);
  gtk_box_append (GTK_BOX (box), page);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (*overlay), box);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), *overlay);
  return window;
}

/* libadwaita's header bar reaches a pixel past its sides (and, in a window without a
 * compositor, past its top) into what the toast overlay clips; in Unknot's window it
 * stays inside, so nothing is drawn across a clip (GL's "rect clip" shaders are left out
 * of the first frame), and the window looks the same, pixel for pixel: flat or not,
 * light and dark (and with high contrast: test-window-hc). */
static void
test_header_inside (Fixture *fixture, gconstpointer data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  for (guint s = 0; s < G_N_ELEMENTS (light_and_dark); s++)
    for (int flat = 0; flat < 2; flat++)
      {
        g_autofree guchar *expected = NULL;
        g_autofree guchar *drawn = NULL;
        GtkWidget *window, *overlay, *header;
        graphene_rect_t bounds;
        int width, height, plain_width, plain_height;
        double insets;

        adw_style_manager_set_color_scheme (style, light_and_dark[s]);
        window = header_window (fixture->app, NULL, flat, &overlay, &header);
        show_and_wait (GTK_WINDOW (window));
        expected = render_and_close (GTK_WINDOW (window), &plain_width, &plain_height, &insets);

        window = header_window (fixture->app, "unknot-window", flat, &overlay, &header);
        show_and_wait (GTK_WINDOW (window));
        g_assert_true (gtk_widget_compute_bounds (header, overlay, &bounds));
        g_assert_cmpfloat (bounds.origin.x, ==, 0);
        g_assert_cmpfloat (bounds.origin.y, ==, 0);
        g_assert_cmpfloat (bounds.size.width, ==, gtk_widget_get_width (overlay));
        drawn = render_and_close (GTK_WINDOW (window), &width, &height, &insets);

        if (levels_apart (expected, plain_width, plain_height, drawn, width, height) != 0)
          g_error ("scheme %u, flat %d: the window is not drawn as libadwaita draws it", s, flat);
      }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* A drawn button with this label (with its mnemonic underscore, if any). */
static GtkWidget *
find_visible_button (GtkWidget *root, const char *label)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();

  unknot_test_ui_collect (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), label) == 0 &&
          gtk_widget_is_drawable (button))
        return button;
    }
  return NULL;
}

static void
click (Fixture *fixture, const char *label)
{
  GtkWidget *button = find_visible_button (GTK_WIDGET (fixture->window), label);

  if (button == NULL)
    g_error ("no button “%s” to click", label);
  g_signal_emit_by_name (button, "clicked");
  unknot_test_ui_iterate ();
}

/* Ticks the check button of the drawn row titled @title. */
static void
tick (Fixture *fixture, const char *title)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *check = NULL;

  unknot_test_ui_collect (GTK_WIDGET (fixture->window), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len && check == NULL; i++)
    {
      AdwActionRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0 &&
          gtk_widget_is_drawable (GTK_WIDGET (row)))
        check = adw_action_row_get_activatable_widget (row);
    }
  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  gtk_widget_activate (check);
  unknot_test_ui_iterate ();
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
}

/* The first run's Back, an icon button. */
static GtkWidget *
find_back_button (Fixture *fixture)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();

  unknot_test_ui_collect (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if (g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (button)), "go-previous-symbolic") == 0 &&
          gtk_widget_is_drawable (button))
        return button;
    }
  return NULL;
}

static UnknotCoachCard *
visible_coach_card (Fixture *fixture)
{
  g_autoptr (GPtrArray) cards = g_ptr_array_new ();

  unknot_test_ui_collect (GTK_WIDGET (fixture->window), UNKNOT_TYPE_COACH_CARD, cards);
  for (guint i = 0; i < cards->len; i++)
    if (gtk_widget_is_drawable (g_ptr_array_index (cards, i)))
      return g_ptr_array_index (cards, i);
  return NULL;
}

static void
assert_strv (GSettings *settings, const char *key, const char *expected)
{
  g_auto (GStrv) value = g_settings_get_strv (settings, key);
  g_autofree char *joined = g_strjoinv (",", value);

  g_assert_cmpstr (joined, ==, expected);
}

/* Welcome → what brings you → where it hurts → safety → red flags → the suggestion. */
static void
test_first_run_walk_through (Fixture *fixture, gconstpointer data)
{
  UnknotCoachCard *card;

  g_settings_reset (fixture->settings, "first-run-done");
  open_window (fixture);

  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Welcome to Unknot"));
  g_assert_null (unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Knee pain"));
  g_assert_nonnull (find_visible_button (GTK_WIDGET (fixture->window), "Skip"));
  g_assert_null (find_back_button (fixture));
  click (fixture, "Get Started");

  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "What Brings You to Unknot?"));
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Step 1 of 3"));
  tick (fixture, "Knee pain");
  tick (fixture, "Recovery after exercise");
  assert_strv (fixture->settings, "problems", "knee-pain,recovery");
  click (fixture, "Next");

  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Where Does It Hurt?"));
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Outer Hips"));
  tick (fixture, "Right knee");
  tick (fixture, "Low back");
  assert_strv (fixture->settings, "pain-areas", "low-back,knee-right");
  click (fixture, "Next");

  /* The safety notes, with nothing past them until they are acknowledged. */
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Before You Start"));
  g_assert_null (find_visible_button (GTK_WIDGET (fixture->window), "Skip"));
  click (fixture, "I Understand");
  g_assert_true (g_settings_get_boolean (fixture->settings, "safety-acknowledged"));

  g_assert_nonnull (unknot_test_ui_find_visible_label (
    GTK_WIDGET (fixture->window), "Do you have any of the signs under Seek Care Now?"));
  click (fixture, "No");
  g_assert_false (g_settings_get_boolean (fixture->settings, "red-flags"));

  /* The first suggestion, for the first problem named. */
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Where to Start"));
  card = visible_coach_card (fixture);
  g_assert_nonnull (card);
  g_assert_cmpint (unknot_coach_card_get_suggestion (card)->rule, ==, UNKNOT_COACH_RULE_PROBLEM);
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (card), "Knee-friendly hips"));
  g_assert_nonnull (unknot_test_ui_find_visible_label (
    GTK_WIDGET (card),
    "For knee pain: the outer hip muscles keep your knees from drifting inward."));
  g_assert_nonnull (find_visible_button (GTK_WIDGET (card), "Start"));
  g_assert_false (g_settings_get_boolean (fixture->settings, "first-run-done"));

  /* Back goes a step back, and forward again. */
  g_assert_nonnull (find_back_button (fixture));
  g_signal_emit_by_name (find_back_button (fixture), "clicked");
  unknot_test_ui_iterate ();
  g_assert_nonnull (unknot_test_ui_find_visible_label (
    GTK_WIDGET (fixture->window), "Do you have any of the signs under Seek Care Now?"));
  click (fixture, "No");

  click (fixture, "Go to Routines");
  g_assert_true (g_settings_get_boolean (fixture->settings, "first-run-done"));
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Knee pain"));
  /* The Routines page begins with the same suggestion. */
  card = visible_coach_card (fixture);
  g_assert_nonnull (card);
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (card), "Suggested for You"));
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (card), "Knee-friendly hips"));

  /* Set Up Again: the answers given are still there. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.first-run", NULL));
  unknot_test_ui_iterate ();
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Welcome to Unknot"));
  click (fixture, "Get Started");
  {
    g_autoptr (GPtrArray) checks = g_ptr_array_new ();
    guint active = 0;

    unknot_test_ui_collect (GTK_WIDGET (fixture->window), GTK_TYPE_CHECK_BUTTON, checks);
    for (guint i = 0; i < checks->len; i++)
      if (gtk_widget_is_drawable (g_ptr_array_index (checks, i)))
        active += gtk_check_button_get_active (g_ptr_array_index (checks, i));
    g_assert_cmpuint (active, ==, 2);
  }
}

/* A yes to the red flags: the suggestion is to see a doctor now, with no routine. */
static void
test_first_run_red_flags (Fixture *fixture, gconstpointer data)
{
  UnknotCoachCard *card;

  g_settings_reset (fixture->settings, "first-run-done");
  open_window (fixture);
  click (fixture, "Get Started");
  tick (fixture, "Sciatica-like pain");
  click (fixture, "Next");
  click (fixture, "Next");
  click (fixture, "I Understand");
  click (fixture, "Yes");
  g_assert_true (g_settings_get_boolean (fixture->settings, "red-flags"));

  card = visible_coach_card (fixture);
  g_assert_nonnull (card);
  g_assert_cmpint (unknot_coach_card_get_suggestion (card)->kind, ==, UNKNOT_SUGGESTION_RED_FLAG);
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (card), "See a Doctor Now"));
  g_assert_null (find_visible_button (GTK_WIDGET (card), "Start"));
  g_assert_nonnull (find_visible_button (GTK_WIDGET (card), "Safety Notes"));
  g_assert_null (find_visible_button (GTK_WIDGET (card), "Set Up Again"));

  /* On the Routines page too, with a way to answer again once a doctor has seen them. */
  click (fixture, "Go to Routines");
  card = visible_coach_card (fixture);
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (card), "See a Doctor Now"));
  g_assert_null (find_visible_button (GTK_WIDGET (card), "Start"));
  g_assert_nonnull (find_visible_button (GTK_WIDGET (card), "Set Up Again"));

  click (fixture, "Safety Notes");
  g_assert_nonnull (find_toplevel (ADW_TYPE_WINDOW));
  gtk_window_destroy (find_toplevel (ADW_TYPE_WINDOW));
  unknot_test_ui_iterate ();

  /* Answering no again brings the routines back. */
  click (fixture, "Set Up Again");
  click (fixture, "Skip");
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Knee pain"));
  g_assert_true (g_settings_get_boolean (fixture->settings, "red-flags"));
  click (fixture, "Set Up Again");
  click (fixture, "Get Started");
  click (fixture, "Next");
  click (fixture, "Next");
  click (fixture, "I Understand");
  click (fixture, "No");
  card = visible_coach_card (fixture);
  g_assert_cmpint (unknot_coach_card_get_suggestion (card)->kind, ==, UNKNOT_SUGGESTION_ROUTINE);
  g_assert_nonnull (unknot_test_ui_find_visible_label (
    GTK_WIDGET (card), "Gentle piriformis for buttock and leg pain"));
}

/* Skip goes to the routines, but only past the safety notes, once. */
static void
test_first_run_skip (Fixture *fixture, gconstpointer data)
{
  g_settings_reset (fixture->settings, "first-run-done");
  open_window (fixture);

  click (fixture, "Get Started");
  tick (fixture, "Hip pain");
  click (fixture, "Skip");
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Before You Start"));
  g_assert_null (find_visible_button (GTK_WIDGET (fixture->window), "Skip"));
  g_assert_null (find_back_button (fixture));
  g_assert_null (unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Knee pain"));
  click (fixture, "I Understand");

  g_assert_true (g_settings_get_boolean (fixture->settings, "safety-acknowledged"));
  g_assert_true (g_settings_get_boolean (fixture->settings, "first-run-done"));
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Knee pain"));
  /* What was answered before skipping is kept and used. */
  assert_strv (fixture->settings, "problems", "hip-pain");
  g_assert_true (
    unknot_routine_helps (unknot_coach_card_get_suggestion (visible_coach_card (fixture))->routine,
                          UNKNOT_PROBLEM_HIP_PAIN));

  /* A next window goes straight to the routines. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  open_window (fixture);
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Knee pain"));

  /* Set up again, with the safety notes acknowledged: Skip goes straight back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.first-run", NULL));
  unknot_test_ui_iterate ();
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Welcome to Unknot"));
  click (fixture, "Skip");
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Knee pain"));
}

/* `unknot --routine ID` on a first run: the safety notes, then the routine. */
static void
test_first_run_pending_routine (Fixture *fixture, gconstpointer data)
{
  use_fake_clock ();
  g_settings_reset (fixture->settings, "first-run-done");
  open_window (fixture);
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Welcome to Unknot"));

  g_assert_true (unknot_window_start_routine (fixture->window, "outer-hip-ball"));
  unknot_test_ui_iterate ();
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Before You Start"));
  g_assert_null (unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Get ready"));
  click (fixture, "I Understand");

  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Get ready"));
  unknot_test_ui_assert_setting (fixture->settings, "last-routine", "outer-hip-ball");
  g_assert_true (g_settings_get_boolean (fixture->settings, "first-run-done"));
}

/* The card on top of the Routines page: follows the settings and the diary; Start starts. */
static void
test_coach_card (Fixture *fixture, gconstpointer data)
{
  UnknotPainDiary *diary = unknot_application_get_diary (application);
  const char *sciatica[] = { "sciatica", NULL };
  const char *warm_up[] = { "warm-up", NULL };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  UnknotCoachCard *card;
  GtkWidget *first;

  use_fake_clock ();
  g_settings_set_boolean (fixture->settings, "safety-acknowledged", TRUE);
  g_settings_set_strv (fixture->settings, "problems", sciatica);
  open_window (fixture);

  /* The first thing on the page. */
  card = visible_coach_card (fixture);
  g_assert_nonnull (card);
  first = gtk_widget_get_first_child (gtk_widget_get_parent (GTK_WIDGET (card)));
  g_assert_true (first == GTK_WIDGET (card));
  g_assert_nonnull (unknot_test_ui_find_visible_label (
    GTK_WIDGET (card), "Gentle piriformis for buttock and leg pain"));
  g_assert_nonnull (unknot_test_ui_find_visible_label (
    GTK_WIDGET (card), "For sciatica-like pain: a tight piriformis can press on "
                       "the sciatic nerve that runs beneath it."));

  /* What brings the person changes: so does the suggestion. */
  g_settings_set_strv (fixture->settings, "problems", warm_up);
  unknot_test_ui_iterate ();
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (card), "Pre-run warm-up"));

  /* The diary changes: a routine that helped comes first, with its numbers. */
  for (guint i = 0; i < 3; i++)
    {
      gint64 time = now - (i + 1) * 24 * 3600;

      g_assert_true (unknot_pain_diary_append (diary, time - 600, UNKNOT_AREA_LOW_BACK, 6,
                                               "glute-release", UNKNOT_PHASE_BEFORE, NULL, NULL));
      g_assert_true (unknot_pain_diary_append (diary, time, UNKNOT_AREA_LOW_BACK, 3,
                                               "glute-release", UNKNOT_PHASE_AFTER, NULL, NULL));
    }
  unknot_test_ui_iterate ();
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (card), "Glute release"));
  g_assert_nonnull (unknot_test_ui_find_visible_label (
    GTK_WIDGET (card), "Your low back went from 6 to 3 after Glute release 3 times this week."));

  /* Pain that stays severe: see a professional, no Start. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (unknot_pain_diary_append (diary, now - 60 + i, UNKNOT_AREA_LOW_BACK, 8, NULL,
                                             UNKNOT_PHASE_CHECK_IN, NULL, NULL));
  unknot_test_ui_iterate ();
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (card), "Time to See a Professional"));
  g_assert_null (find_visible_button (GTK_WIDGET (card), "Start"));
  g_assert_nonnull (find_visible_button (GTK_WIDGET (card), "Safety Notes"));
  g_settings_reset (fixture->settings, "pain-log");
  unknot_test_ui_iterate ();

  /* Start starts the suggested routine. */
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (card), "Pre-run warm-up"));
  click (fixture, "Start");
  unknot_test_ui_assert_setting (fixture->settings, "last-routine", "pre-run-warm-up");
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Get ready"));
}

#define DAY (24 * 60 * 60)

/* The Progress page: the view stack's last page. */
static UnknotProgressPage *
show_progress (Fixture *fixture)
{
  g_autoptr (GPtrArray) stacks = g_ptr_array_new ();
  g_autoptr (GPtrArray) pages = g_ptr_array_new ();
  AdwViewStack *stack;

  unknot_test_ui_collect (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK, stacks);
  g_assert_cmpuint (stacks->len, ==, 1);
  stack = g_ptr_array_index (stacks, 0);
  g_assert_cmpstr (adw_view_stack_page_get_title (adw_view_stack_get_page (
                     stack, adw_view_stack_get_child_by_name (stack, "progress"))),
                   ==, "Progress");
  adw_view_stack_set_visible_child_name (stack, "progress");
  unknot_test_ui_iterate ();

  unknot_test_ui_collect (GTK_WIDGET (fixture->window), UNKNOT_TYPE_PROGRESS_PAGE, pages);
  g_assert_cmpuint (pages->len, ==, 1);
  return g_ptr_array_index (pages, 0);
}

static const char *
visible_view (Fixture *fixture)
{
  g_autoptr (GPtrArray) stacks = g_ptr_array_new ();

  unknot_test_ui_collect (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK, stacks);
  return adw_view_stack_get_visible_child_name (g_ptr_array_index (stacks, 0));
}

/* The number on the summary card whose caption is @caption. */
static const char *
summary_value (UnknotProgressPage *page, const char *caption)
{
  GtkWidget *label = unknot_test_ui_find_visible_label (GTK_WIDGET (page), caption);

  if (label == NULL)
    g_error ("no summary card “%s”", caption);
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_prev_sibling (label)));
}

static UnknotPainChart *
find_chart (UnknotProgressPage *page)
{
  g_autoptr (GPtrArray) charts = g_ptr_array_new ();

  unknot_test_ui_collect (GTK_WIDGET (page), UNKNOT_TYPE_PAIN_CHART, charts);
  g_assert_cmpuint (charts->len, ==, 1);
  g_assert_true (gtk_widget_is_drawable (g_ptr_array_index (charts, 0)));
  return g_ptr_array_index (charts, 0);
}

/* An empty diary: how to start, not an empty chart; the button goes to the routines. */
static void
test_progress_empty (Fixture *fixture, gconstpointer data)
{
  UnknotProgressPage *page;
  g_autoptr (GPtrArray) charts = g_ptr_array_new ();

  g_settings_set_boolean (fixture->settings, "safety-acknowledged", TRUE);
  open_window (fixture);
  page = show_progress (fixture);

  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (page), "No Check-Ins Yet"));
  g_assert_nonnull (unknot_test_ui_find_visible_label (
    GTK_WIDGET (page), "Pick a routine: Unknot asks how it feels before and after."));
  g_assert_nonnull (find_visible_button (GTK_WIDGET (page), "Import a Diary…"));
  unknot_test_ui_collect (GTK_WIDGET (page), UNKNOT_TYPE_PAIN_CHART, charts);
  g_assert_false (gtk_widget_is_drawable (g_ptr_array_index (charts, 0)));

  click (fixture, "Go to Routines");
  g_assert_cmpstr (visible_view (fixture), ==, "routines");
}

static void
append_session (
  UnknotPainDiary *diary, gint64 time, const char *routine_id, guint before, guint after)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (unknot_pain_diary_append (diary, time - 900, UNKNOT_AREA_LOW_BACK, before,
                                           routine_id, UNKNOT_PHASE_BEFORE, NULL, &error));
  g_assert_true (unknot_pain_diary_append (diary, time, UNKNOT_AREA_LOW_BACK, after, routine_id,
                                           UNKNOT_PHASE_AFTER, NULL, &error));
  g_assert_no_error (error);
}

/* With data: the summary's numbers, the chart and what it says, routines and sessions
 * marked against the change a person notices, and all of it kept up to date. */
static void
test_progress_summary (Fixture *fixture, gconstpointer data)
{
  UnknotPainDiary *diary = unknot_application_get_diary (application);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  UnknotPainSummary summary;
  UnknotProgressPage *page;
  UnknotPainChart *chart;
  g_autofree char *week = NULL;
  g_autofree char *streak = NULL;
  const char *text;

  /* Four routines in the last four weeks, one before them; low back from 6 to 3. */
  append_session (diary, now - 40 * DAY, "glute-release", 7, 5);
  append_session (diary, now - 20 * DAY, "glute-release", 6, 4);
  append_session (diary, now - 16 * DAY, "glute-release", 6, 4);
  append_session (diary, now - 3 * DAY, "glute-release", 3, 1);
  append_session (diary, now - 3600, "glute-release", 3, 1);
  unknot_pain_diary_get_summary (diary, now, &summary);
  g_assert_cmpuint (summary.sessions_last_four_weeks, ==, 4);

  g_settings_set_boolean (fixture->settings, "safety-acknowledged", TRUE);
  open_window (fixture);
  page = show_progress (fixture);
  g_assert_null (unknot_test_ui_find_visible_label (GTK_WIDGET (page), "No Check-Ins Yet"));

  week = g_strdup_printf ("%u", summary.sessions_this_week);
  g_assert_cmpstr (summary_value (page, summary.sessions_this_week == 1 ? "session this week"
                                                                        : "sessions this week"),
                   ==, week);
  streak = g_strdup_printf ("%u", summary.weekly_streak);
  g_assert_cmpstr (summary_value (page, summary.weekly_streak == 1
                                          ? "week in a row with a routine"
                                          : "weeks in a row with a routine"),
                   ==, streak);
  g_assert_cmpstr (summary_value (page, "sessions in the last four weeks"), ==, "4");
  g_assert_cmpstr (summary_value (page, "average change, 4.5 → 2.5"), ==, "−2.0");
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (page), "Noticeably better"));
  g_assert_nonnull (unknot_test_ui_find_visible_label (
    GTK_WIDGET (page), "Programmes of more than four weeks did better than shorter ones: a few "
                       "sessions a week, for a month or more."));

  /* The chart says what it shows, to screen readers and under it. */
  chart = find_chart (page);
  text = unknot_pain_chart_get_summary (chart);
  g_assert_cmpstr (text, ==, "Last 4 weeks. Low back: from 6 to 3.");
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text);
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (page), text));

  /* The routine's average and each session, newest first. */
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (page), "Done 4 times · 4.5 → 2.5 on average"));
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (page), "6 → 4"));
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (page), "3 → 1"));
  g_assert_null (unknot_test_ui_find_visible_label (GTK_WIDGET (page), "7 → 5"));

  /* The whole diary, with the oldest session too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "progress.range", "s", "all"));
  unknot_test_ui_iterate ();
  g_assert_true (g_str_has_prefix (unknot_pain_chart_get_summary (chart), "Since "));
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (page), "7 → 5"));

  /* A new check-in shows at once; a change under the line a person notices is small. */
  append_session (diary, now - 60, "piriformis-ball", 5, 4);
  unknot_test_ui_iterate ();
  g_assert_cmpstr (summary_value (page, "sessions in the last four weeks"), ==, "5");
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (page), "Piriformis ball release"));
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (page), "Small change"));
}

/* Closes the toast shown, so that the next one in the queue shows. */
static void
dismiss_toast (Fixture *fixture)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();

  unknot_test_ui_collect (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      const char *icon_name = gtk_button_get_icon_name (GTK_BUTTON (button));

      if (g_strcmp0 (icon_name, "window-close-symbolic") == 0 && gtk_widget_is_drawable (button))
        g_signal_emit_by_name (button, "clicked");
    }
  unknot_test_ui_iterate ();
}

/* In a folder of this run's own: other runs on the machine use the same names. */
static GFile *
write_temporary (const char *dir, const char *name, const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* Import: a bad line names itself and imports nothing; a good file says how many.
 * Export: the CSV and the PDF land in the file chosen. */
static void
test_progress_import_export (Fixture *fixture, gconstpointer data)
{
  UnknotPainDiary *diary = unknot_application_get_diary (application);
  g_autofree char *dir = g_dir_make_tmp ("unknot-window-XXXXXX", NULL);
  g_autoptr (GFile) bad = write_temporary (dir, "unknot-bad.csv",
                                           "time,area,score,routine,phase,note\r\n"
                                           "2026-01-05T08:00:00Z,low-back,5,,check-in,\r\n"
                                           "2026-01-06T08:00:00Z,low-back,12,,check-in,\r\n");
  g_autoptr (GFile) good = write_temporary (dir, "unknot-good.csv",
                                            "time,area,score,routine,phase,note\r\n"
                                            "2026-01-05T08:00:00Z,low-back,5,,check-in,\r\n"
                                            "2026-01-06T08:00:00Z,low-back,4,,check-in,\r\n");
  g_autoptr (GFile) csv = g_file_new_build_filename (dir, "unknot-export.csv", NULL);
  g_autoptr (GFile) pdf = g_file_new_build_filename (dir, "unknot-export.pdf", NULL);
  g_autofree char *exported = NULL;
  g_autofree char *expected = NULL;
  UnknotProgressPage *page;
  AdwMessageDialog *dialog;

  g_settings_set_boolean (fixture->settings, "safety-acknowledged", TRUE);
  open_window (fixture);
  page = show_progress (fixture);

  unknot_progress_page_import_csv (page, bad);
  unknot_test_ui_iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Import the Diary");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "In “unknot-bad.csv”, line 3: score 12 is not from 0 to 10. "
                   "Nothing was imported.");
  adw_message_dialog_response (dialog, "close");
  unknot_test_ui_iterate ();
  g_assert_cmpuint (unknot_pain_diary_get_n_entries (diary), ==, 0);
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (page), "No Check-Ins Yet"));

  unknot_progress_page_import_csv (page, good);
  unknot_test_ui_iterate ();
  g_assert_cmpuint (unknot_pain_diary_get_n_entries (diary), ==, 2);
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Imported 2 entries"));
  g_assert_null (unknot_test_ui_find_visible_label (GTK_WIDGET (page), "No Check-Ins Yet"));
  dismiss_toast (fixture);
  g_assert_null (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Imported 2 entries"));

  unknot_progress_page_export_csv (page, csv);
  unknot_test_ui_iterate ();
  g_assert_true (g_file_load_contents (csv, NULL, &exported, NULL, NULL, NULL));
  expected = unknot_pain_diary_to_csv (diary);
  g_assert_cmpstr (exported, ==, expected);
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Exported 2 entries"));
  dismiss_toast (fixture);

  g_clear_pointer (&exported, g_free);
  unknot_progress_page_export_pdf (page, pdf);
  unknot_test_ui_iterate ();
  g_assert_true (g_file_load_contents (pdf, NULL, &exported, NULL, NULL, NULL));
  g_assert_true (g_str_has_prefix (exported, "%PDF-"));
  g_assert_nonnull (
    unknot_test_ui_find_visible_label (GTK_WIDGET (fixture->window), "Report saved"));

  g_file_delete (bad, NULL, NULL);
  g_file_delete (good, NULL, NULL);
  g_file_delete (csv, NULL, NULL);
  g_file_delete (pdf, NULL, NULL);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  status = unknot_test_ui_init (&argc, &argv);
  if (status >= 0)
    return status;
  application = unknot_test_ui_register_application ();
  serve_notifications (g_application_get_dbus_connection (G_APPLICATION (application)));

  g_test_add ("/window/first-run-safety", Fixture, NULL, fixture_set_up, test_first_run_safety,
              fixture_tear_down);
  g_test_add ("/window/lists-routines", Fixture, NULL, fixture_set_up, test_lists_routines,
              fixture_tear_down);
  g_test_add ("/window/routine-page", Fixture, NULL, fixture_set_up, test_routine_page,
              fixture_tear_down);

  g_test_add ("/window/shortcuts-and-windows", Fixture, NULL, fixture_set_up,
              test_shortcuts_and_windows, fixture_tear_down);
  g_test_add ("/window/open-routine-actions", Fixture, NULL, fixture_set_up,
              test_open_routine_actions, fixture_tear_down);

  g_test_add ("/window/close", Fixture, NULL, fixture_set_up, test_close_window, fixture_tear_down);
  g_test_add ("/window/switcher-bar", Fixture, NULL, fixture_set_up, test_switcher_bar,
              fixture_tear_down);
  g_test_add ("/window/main-menu", Fixture, NULL, fixture_set_up, test_main_menu,
              fixture_tear_down);
  g_test_add ("/window/raised-cards", Fixture, NULL, fixture_set_up, test_raised_cards,
              fixture_tear_down);
  g_test_add ("/window/raised-lists", Fixture, NULL, fixture_set_up, test_raised_lists,
              fixture_tear_down);
  g_test_add ("/window/row-layout", Fixture, NULL, fixture_set_up, test_row_layout,
              fixture_tear_down);
  g_test_add ("/window/player-more-below", Fixture, NULL, fixture_set_up, test_player_more_below,
              fixture_tear_down);
  g_test_add ("/window/solid-frame", Fixture, NULL, fixture_set_up, test_solid_frame,
              fixture_tear_down);
  g_test_add ("/window/header-inside", Fixture, NULL, fixture_set_up, test_header_inside,
              fixture_tear_down);
  g_test_add ("/window/check-in-around-routine", Fixture, NULL, fixture_set_up,
              test_check_in_around_routine, fixture_tear_down);
  g_test_add ("/window/player-whole-routine", Fixture, NULL, fixture_set_up,
              test_player_whole_routine, fixture_tear_down);
  g_test_add ("/window/first-run-routine", Fixture, NULL, fixture_set_up, test_first_run_routine,
              fixture_tear_down);

  g_test_add ("/window/first-run-walk-through", Fixture, NULL, fixture_set_up,
              test_first_run_walk_through, fixture_tear_down);
  g_test_add ("/window/first-run-red-flags", Fixture, NULL, fixture_set_up,
              test_first_run_red_flags, fixture_tear_down);
  g_test_add ("/window/first-run-skip", Fixture, NULL, fixture_set_up, test_first_run_skip,
              fixture_tear_down);
  g_test_add ("/window/first-run-pending-routine", Fixture, NULL, fixture_set_up,
              test_first_run_pending_routine, fixture_tear_down);
  g_test_add ("/window/coach-card", Fixture, NULL, fixture_set_up, test_coach_card,
              fixture_tear_down);

  g_test_add ("/window/progress-empty", Fixture, NULL, fixture_set_up, test_progress_empty,
              fixture_tear_down);
  g_test_add ("/window/progress-summary", Fixture, NULL, fixture_set_up, test_progress_summary,
              fixture_tear_down);
  g_test_add ("/window/progress-import-export", Fixture, NULL, fixture_set_up,
              test_progress_import_export, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&application);
  g_clear_pointer (&notification_titles, g_ptr_array_unref);
  return status;
}
