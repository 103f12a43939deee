/* test-faults-window.c: the app with a hostile routine folder and no sound output
 *
 * The person's data folder has a path with "&" and "<" in it, and its routine folder
 * is the one of unknot-test-folder.c: the window comes up, lists the good routines as
 * written (markup is never interpreted), names every bad file, and a routine runs to
 * its end without a sound output, saying so once.  G_DEBUG=fatal-warnings makes any
 * markup that GTK tries to parse and cannot a failure.
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "unknot-application.h"
#include "unknot-check-in-page.h"
#include "unknot-fake-clock.h"
#include "unknot-player-page.h"
#include "unknot-routine-library.h"
#include "unknot-session.h"
#include "unknot-sound-module.h"
#include "unknot-test-folder.h"
#include "unknot-test-ui.h"
#include "unknot-window.h"

static UnknotApplication *application;
static GPtrArray *bad_files; /* of UnknotTestBadFile */
static GSettings *settings;

static UnknotWindow *
open_window (void)
{
  UnknotWindow *window;

  g_settings_set_boolean (settings, "first-run-done", TRUE);
  g_settings_set_boolean (settings, "safety-acknowledged", TRUE);
  g_settings_set_boolean (settings, "ask-pain-before", FALSE);
  g_settings_set_boolean (settings, "ask-pain-after", FALSE);
  window = unknot_window_new (application);
  gtk_window_present (GTK_WINDOW (window));
  unknot_test_ui_iterate ();
  return window;
}

static GtkWidget *
find_label_starting_with (GtkWidget *root, const char *start)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  unknot_test_ui_collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), start) &&
          gtk_widget_is_drawable (label))
        return label;
    }
  return NULL;
}

/* Shown as written: the text on screen is the text given, tags and all. */
static void
assert_shown_as_written (GtkWidget *root, const char *text)
{
  if (unknot_test_ui_find_visible_label (root, text) == NULL)
    g_error ("“%s” is not shown as written", text);
}

static GtkWidget *
find_routine_row (UnknotWindow *window, const char *id)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  unknot_test_ui_collect (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (g_ptr_array_index (rows, i)), "routine-id"), id) ==
        0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

/* The window comes up with the folder: good routines listed, every bad file named. */
static void
test_hostile_folder (void)
{
  UnknotWindow *window;
  GtkWidget *row;
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  gboolean instruction_found = FALSE;

  /* A FIFO opened the usual way would hang here; the alarm fails the test instead. */
  alarm (60);
  window = open_window ();
  alarm (0);

  g_assert_nonnull (find_routine_row (window, UNKNOT_TEST_GOOD_ID));
  g_assert_nonnull (find_routine_row (window, UNKNOT_TEST_MARKUP_ID));
  assert_shown_as_written (GTK_WIDGET (window), UNKNOT_TEST_GOOD_NAME);
  assert_shown_as_written (GTK_WIDGET (window), UNKNOT_TEST_MARKUP_NAME);
  /* The built-in routines are all there too. */
  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (window), "Glute release"));

  g_assert_nonnull (unknot_test_ui_find_visible_label (GTK_WIDGET (window),
                                                       "Routine Files That Could Not Be Read"));
  for (guint i = 0; i < bad_files->len; i++)
    {
      const UnknotTestBadFile *bad = g_ptr_array_index (bad_files, i);
      g_autofree char *start = g_strconcat (bad->file, ":", NULL);
      GtkWidget *label = find_label_starting_with (GTK_WIDGET (window), start);

      if (label == NULL)
        g_error ("%s is not named on the Routines page", bad->file);
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), bad->says));
    }

  /* Its page: name, step, safety and instruction as written. */
  row = find_routine_row (window, UNKNOT_TEST_MARKUP_ID);
  g_signal_emit_by_name (row, "activated");
  unknot_test_ui_iterate ();
  assert_shown_as_written (GTK_WIDGET (window), UNKNOT_TEST_MARKUP_STEP);
  assert_shown_as_written (GTK_WIDGET (window), UNKNOT_TEST_MARKUP_SAFETY);
  unknot_test_ui_collect (GTK_WIDGET (window), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, i)),
                   UNKNOT_TEST_MARKUP_INSTRUCTION) == 0)
      instruction_found = TRUE;
  g_assert_true (instruction_found);

  gtk_window_destroy (GTK_WINDOW (window));
  unknot_test_ui_iterate ();
}

static GtkWidget *
player_page (UnknotWindow *window)
{
  g_autoptr (GPtrArray) pages = g_ptr_array_new ();

  unknot_test_ui_collect (GTK_WIDGET (window), UNKNOT_TYPE_PLAYER_PAGE, pages);
  g_assert_cmpuint (pages->len, ==, 1);
  return g_ptr_array_index (pages, 0);
}

static guint
count_toasts (UnknotWindow *window, const char *start)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  guint n = 0;

  unknot_test_ui_collect (GTK_WIDGET (window), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, i)), start) &&
        gtk_widget_is_drawable (g_ptr_array_index (labels, i)))
      n++;
  return n;
}

/* Closes every toast shown, and those queued behind them. */
static void
close_toasts (UnknotWindow *window)
{
  for (guint round = 0; round < 20; round++)
    {
      g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
      gboolean closed = FALSE;

      /* libadwaita 1.2 has no API for the toasts shown: their close buttons it is. */
      unknot_test_ui_collect (GTK_WIDGET (window), GTK_TYPE_BUTTON, buttons);
      for (guint i = 0; i < buttons->len; i++)
        {
          GtkWidget *button = g_ptr_array_index (buttons, i);
          GtkWidget *toast = gtk_widget_get_ancestor (button, g_type_from_name ("AdwToastWidget"));

          if (toast != NULL && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (button)),
                                          "window-close-symbolic") == 0)
            {
              g_signal_emit_by_name (button, "clicked");
              closed = TRUE;
            }
        }
      unknot_test_ui_iterate ();
      if (!closed)
        return;
    }
}

#if HAVE_ESPEAK
/* Only the voice's test waits on the wall clock. */
static void
iterate_for (gint64 us)
{
  gint64 until = g_get_monotonic_time () + us;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}
#endif

static void
run_to_the_end (UnknotWindow *window, UnknotFakeClock *clock, const char *id)
{
  UnknotSession *session;
  gint64 start, end;

  g_assert_true (unknot_window_start_routine (window, id));
  unknot_test_ui_iterate ();
  session = unknot_player_page_get_session (UNKNOT_PLAYER_PAGE (player_page (window)));
  g_assert_nonnull (session);
  start = unknot_clock_get_time (UNKNOT_CLOCK (clock));
  end = start + (gint64) unknot_session_get_total_seconds_left (session) * G_USEC_PER_SEC;
  while (unknot_session_get_state (session) != UNKNOT_SESSION_STATE_DONE)
    {
      g_assert_true (unknot_fake_clock_advance_to_next (clock));
      unknot_test_ui_iterate ();
    }
  /* On time: the engine's clock knows nothing of the sound. */
  g_assert_cmpint (unknot_clock_get_time (UNKNOT_CLOCK (clock)), ==, end);
  g_assert_true (gtk_widget_activate_action (player_page (window), "player.close", NULL));
  unknot_test_ui_iterate ();
}

/* No sound output ($UNKNOT_AUDIO_SINK names no element): two routines run to their end
 * on time, and the person is told once, in a toast that shows the message as written. */
static void
test_no_sound_told_once (void)
{
  g_autoptr (UnknotClock) clock = unknot_fake_clock_new (1000 * G_USEC_PER_SEC);
  UnknotWindow *window;

  unknot_application_set_clock (application, clock);
  window = open_window ();
  close_toasts (window);

  run_to_the_end (window, UNKNOT_FAKE_CLOCK (clock), UNKNOT_TEST_MARKUP_ID);
  g_assert_cmpuint (count_toasts (window, "No sound: "), ==, 1);
  close_toasts (window);
  g_assert_cmpuint (count_toasts (window, "No sound: "), ==, 0);

  run_to_the_end (window, UNKNOT_FAKE_CLOCK (clock), "glute-release");
  g_assert_cmpuint (count_toasts (window, "No sound: "), ==, 0);

  /* A toast's text is shown as written, whatever it quotes. */
  unknot_window_add_toast (window, "No sound: <b>“a & b”</b>");
  unknot_test_ui_iterate ();
  assert_shown_as_written (GTK_WIDGET (window), "No sound: <b>“a & b”</b>");

  gtk_window_destroy (GTK_WINDOW (window));
  unknot_test_ui_iterate ();
}

#if HAVE_ESPEAK
/* A voice that cannot start (its data folder empty), with a working output: the
 * routine runs on earcons and the person is told once.  In a child process, where the
 * output is a fakesink and eSpeak NG has not started yet. */
static void
test_broken_voice_told_once (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (UnknotClock) clock = unknot_fake_clock_new (1000 * G_USEC_PER_SEC);
      g_autoptr (GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("unknot-espeak-XXXXXX", &error);
      g_autofree char *data = g_build_filename (dir, "espeak-ng-data", NULL);
      UnknotWindow *window;
      gint64 give_up = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;

      g_assert_no_error (error);
      g_assert_cmpint (g_mkdir (data, 0755), ==, 0);
      g_setenv ("ESPEAK_DATA_PATH", dir, TRUE);
      g_setenv ("UNKNOT_AUDIO_SINK", "fakesink sync=false", TRUE);

      unknot_application_set_clock (application, clock);
      window = open_window ();
      close_toasts (window);
      g_assert_true (unknot_window_start_routine (window, UNKNOT_TEST_GOOD_ID));
      /* The voice fails in its threads: the message comes through the main loop. */
      while (count_toasts (window, "Spoken guidance is off") == 0 &&
             g_get_monotonic_time () < give_up)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (10 * 1000);
      g_assert_true (gtk_widget_activate_action (player_page (window), "player.close", NULL));
      unknot_test_ui_iterate ();
      gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);
      unknot_test_ui_iterate ();
      g_assert_cmpuint (count_toasts (window, "Spoken guidance is off"), ==, 1);
      g_assert_cmpuint (count_toasts (window, "No sound: "), ==, 0);
      close_toasts (window);

      run_to_the_end (window, UNKNOT_FAKE_CLOCK (clock), "glute-release");
      iterate_for (G_USEC_PER_SEC);
      g_assert_cmpuint (count_toasts (window, "Spoken guidance is off"), ==, 0);

      gtk_window_destroy (GTK_WINDOW (window));
      unknot_test_ui_iterate ();
      unknot_test_folder_remove (dir);
      return;
    }
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}
#endif

/* No sound module (a broken installation): first a file that is not there, then one
 * that is not a module at all.  The routine runs to its end on time, the person is told
 * once why there is no sound, and the volume preview stays silent without a word more.
 * In a child process: the application loads the module once. */
typedef struct
{
  GTestFileType where;
  const char *file;
} ModuleFile;

static const ModuleFile missing_module = { G_TEST_BUILT, "no-such-module.so" };
/* A file that is there but is no shared library: this test's own source. */
static const ModuleFile not_a_module = { G_TEST_DIST, "test-faults-window.c" };

static void
test_no_sound_module_told_once (gconstpointer data)
{
  const ModuleFile *module = data;

  if (g_test_subprocess ())
    {
      g_autoptr (UnknotClock) clock = unknot_fake_clock_new (1000 * G_USEC_PER_SEC);
      g_autofree char *path = g_test_build_filename (module->where, module->file, NULL);
      UnknotWindow *window;

      g_setenv ("UNKNOT_SOUND_MODULE", path, TRUE);
      g_setenv ("UNKNOT_AUDIO_SINK", "fakesink sync=false", TRUE);
      unknot_sound_module_set_builtin (NULL);

      unknot_application_set_clock (application, clock);
      window = open_window ();
      close_toasts (window);
      run_to_the_end (window, UNKNOT_FAKE_CLOCK (clock), "glute-release");
      g_assert_cmpuint (count_toasts (window, "No sound: the sound module"), ==, 1);
      close_toasts (window);

      g_action_group_activate_action (G_ACTION_GROUP (application), "preview-cue", NULL);
      run_to_the_end (window, UNKNOT_FAKE_CLOCK (clock), "glute-release");
      g_assert_cmpuint (count_toasts (window, "No sound: "), ==, 0);

      gtk_window_destroy (GTK_WINDOW (window));
      unknot_test_ui_iterate ();
      return;
    }
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *routines = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *unknot_dir = NULL;
  g_autofree char *link = NULL;
  int status;

  setlocale (LC_ALL, "");

  /* Before anything asks GLib for the data folder: it is read once. */
  bad_files = g_ptr_array_new_with_free_func (g_free);
  routines = unknot_test_folder_make_hostile (bad_files);
  data_home = g_dir_make_tmp ("unknot & <data>-XXXXXX", &error);
  g_assert_no_error (error);
  unknot_dir = g_build_filename (data_home, "unknot", NULL);
  g_assert_cmpint (g_mkdir (unknot_dir, 0700), ==, 0);
  link = g_build_filename (unknot_dir, "routines", NULL);
  g_assert_cmpint (symlink (routines, link), ==, 0);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  /* No sound output at all: the element does not exist. */
  g_setenv ("UNKNOT_AUDIO_SINK", "unknotnosuchsink", TRUE);

  status = unknot_test_ui_init (&argc, &argv);
  if (status < 0)
    {
      application = unknot_test_ui_register_application ();
      settings = g_object_ref (unknot_application_get_settings (application));

      g_test_add_func ("/faults-window/hostile-folder", test_hostile_folder);
      g_test_add_func ("/faults-window/no-sound-told-once", test_no_sound_told_once);
#if HAVE_ESPEAK
      /* Built without a voice, there is none to break. */
      g_test_add_func ("/faults-window/broken-voice-told-once", test_broken_voice_told_once);
#endif
      g_test_add_data_func ("/faults-window/no-sound-module/missing", &missing_module,
                            test_no_sound_module_told_once);
      g_test_add_data_func ("/faults-window/no-sound-module/not-a-module", &not_a_module,
                            test_no_sound_module_told_once);
      status = g_test_run ();

      g_clear_object (&settings);
      g_clear_object (&application);
    }

  unknot_test_folder_remove (data_home);
  unknot_test_folder_remove (routines);
  g_ptr_array_unref (bad_files);
  return status;
}
