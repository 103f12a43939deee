/* unknot-application.c
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-application.h"
#include "unknot-autostart.h"
#include "unknot-clock.h"
#include "unknot-coach.h"
#include "unknot-mpris.h"
#include "unknot-pain-diary.h"
#include "unknot-preferences-window.h"
#include "unknot-reminders.h"
#include "unknot-routine.h"
#include "unknot-routine-library.h"
#include "unknot-safety-view.h"
#include "unknot-session.h"
#include "unknot-sound-module.h"
#include "unknot-system-clock.h"
#include "unknot-version.h"
#include "unknot-window.h"

struct _UnknotApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  UnknotRoutineLibrary *library;
  GThread *library_loader; /* reading the routines while the window is built */
  UnknotClock *clock;
  UnknotPainDiary *diary;
  UnknotSession *session; /* the routine running, if any */
  /* Loaded and made when the first routine starts: GStreamer and espeak-ng stay out of
   * start-up, their libraries too. */
  const UnknotSoundModule *sound_module;
  gboolean sound_missing_told;
  UnknotCuePlayer *cue_player;
  UnknotSessionSound *sound;
  UnknotMpris *mpris;
  UnknotReminders *reminders;
  gboolean held;             /* kept running, windows or not, while reminders are on */
  gboolean background_start; /* started with --reminders: no window at first */
};

G_DEFINE_FINAL_TYPE (UnknotApplication, unknot_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_ ("Print the version and exit"), NULL },
  { "list-routines", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_ ("List the routines: id, name and total time"), NULL },
  { "routine", 0, 0, G_OPTION_ARG_STRING, NULL, N_ ("Open the routine with this id"), N_ ("ID") },
  { "last-routine", 0, 0, G_OPTION_ARG_NONE, NULL, N_ ("Open the most recent routine"), NULL },
  { "reminders", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_ ("Run in the background without a window, to show reminders"), NULL },
  { "validate-routine", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_ ("Check a routine file and say what is wrong with it"), N_ ("FILE") },
  { NULL }
};

UnknotApplication *
unknot_application_new (void)
{
  return g_object_new (UNKNOT_TYPE_APPLICATION, "application-id", APPLICATION_ID,
                       "resource-base-path", RESOURCE_BASE_PATH, "flags",
                       G_APPLICATION_DEFAULT_FLAGS, NULL);
}

GSettings *
unknot_application_get_settings (UnknotApplication *self)
{
  g_return_val_if_fail (UNKNOT_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = g_settings_new (APPLICATION_ID);
  return self->settings;
}

/* The routines as a worker reads them: the library, and why a built-in one did not
 * load (our bug). */
typedef struct
{
  UnknotRoutineLibrary *library;
  GError *error;
} LoadedLibrary;

/* Reads the built-in routines and the person's own: in the worker thread
 * start_loading_library () starts, or in the caller's. Nothing in it touches GTK, and
 * nothing else touches the library until it is joined. */
static gpointer
load_library (gpointer data)
{
  LoadedLibrary *loaded = g_new0 (LoadedLibrary, 1);
  g_autoptr (GFile) user_directory = unknot_routine_library_get_user_directory ();

  loaded->library = unknot_routine_library_new ();
  unknot_routine_library_load_builtin (loaded->library, &loaded->error);
  unknot_routine_library_load_directory (loaded->library, user_directory);
  return loaded;
}

/* Reading the routines (3 ms of start-up here) goes on beside GTK building the window,
 * which needs them last. */
static void
start_loading_library (UnknotApplication *self)
{
  if (self->library == NULL && self->library_loader == NULL)
    self->library_loader = g_thread_try_new ("unknot-routines", load_library, NULL, NULL);
}

/* The worker's routines, once it is done; %NULL if it was never started. */
static LoadedLibrary *
join_library_loader (UnknotApplication *self)
{
  if (self->library_loader == NULL)
    return NULL;
  return g_thread_join (g_steal_pointer (&self->library_loader));
}

static void
loaded_library_free (LoadedLibrary *loaded)
{
  g_clear_object (&loaded->library);
  g_clear_error (&loaded->error);
  g_free (loaded);
}

/**
 * unknot_application_get_library:
 *
 * Returns: (transfer none): the routines, loaded on first use (or from start-up on, in
 *   a worker thread this waits for)
 */
UnknotRoutineLibrary *
unknot_application_get_library (UnknotApplication *self)
{
  g_return_val_if_fail (UNKNOT_IS_APPLICATION (self), NULL);

  if (self->library == NULL)
    {
      LoadedLibrary *loaded = join_library_loader (self);

      if (loaded == NULL)
        loaded = load_library (NULL);
      /* Built-in routines are part of the program: one that does not load is our bug. */
      if (loaded->error != NULL)
        g_critical ("Built-in routines could not be loaded: %s", loaded->error->message);
      self->library = g_steal_pointer (&loaded->library);
      loaded_library_free (loaded);
    }
  return self->library;
}

/**
 * unknot_application_get_diary:
 *
 * Returns: (transfer none): the pain diary, read on first use
 */
UnknotPainDiary *
unknot_application_get_diary (UnknotApplication *self)
{
  g_return_val_if_fail (UNKNOT_IS_APPLICATION (self), NULL);

  if (self->diary == NULL)
    self->diary = unknot_pain_diary_new (unknot_application_get_settings (self));
  return self->diary;
}

/**
 * unknot_application_get_clock:
 *
 * Returns: (transfer none): the clock sessions run on: the system's, unless a test set
 *   another
 */
UnknotClock *
unknot_application_get_clock (UnknotApplication *self)
{
  g_return_val_if_fail (UNKNOT_IS_APPLICATION (self), NULL);

  if (self->clock == NULL)
    self->clock = unknot_system_clock_new ();
  return self->clock;
}

void
unknot_application_set_clock (UnknotApplication *self, UnknotClock *clock)
{
  g_return_if_fail (UNKNOT_IS_APPLICATION (self));
  g_return_if_fail (UNKNOT_IS_CLOCK (clock));

  g_set_object (&self->clock, clock);
}

static UnknotWindow *get_window (UnknotApplication *self);

static void
sound_problem_cb (UnknotApplication *self, const char *message)
{
  g_autofree char *text = NULL;

  /* Translators: a toast when the cues cannot be played; %s says why */
  text = g_strdup_printf (_ ("No sound: %s. The routine goes on silently."), message);
  unknot_window_add_toast (get_window (self), text);
}

static void
voice_problem_cb (UnknotApplication *self, const char *message)
{
  unknot_window_add_toast (get_window (self), message);
}

static void
mpris_raise_cb (UnknotApplication *self)
{
  gtk_window_present (GTK_WINDOW (get_window (self)));
}

/* The cue player and the voice, from the sound module, made when first needed; FALSE
 * when there is no sound to be had (said once: the routine goes on silently). */
static gboolean
ensure_sound (UnknotApplication *self)
{
  GSettings *settings = unknot_application_get_settings (self);
  g_autoptr (UnknotVoice) voice = NULL;
  g_autoptr (GError) error = NULL;

  if (self->sound != NULL)
    return TRUE;
  if (self->sound_module == NULL)
    {
      self->sound_module = unknot_sound_module_load (&error);
      if (self->sound_module == NULL)
        {
          if (!self->sound_missing_told)
            sound_problem_cb (self, error->message);
          self->sound_missing_told = TRUE;
          return FALSE;
        }
    }

  self->cue_player = self->sound_module->cue_player_new (NULL);
  g_signal_connect_swapped (self->cue_player, "problem", G_CALLBACK (sound_problem_cb), self);
  g_settings_bind (settings, "cue-volume", self->cue_player, "volume", G_SETTINGS_BIND_GET);

  /* Built without a voice, there is nothing to tell when it does not speak. */
  if (self->sound_module->voice_new != NULL)
    voice = self->sound_module->voice_new ();
  self->sound = self->sound_module->session_sound_new (self->cue_player, voice);
  g_signal_connect_swapped (self->sound, "voice-problem", G_CALLBACK (voice_problem_cb), self);
  g_settings_bind (settings, "cues-enabled", self->sound, "cues-enabled", G_SETTINGS_BIND_GET);
  g_settings_bind (settings, "voice-enabled", self->sound, "voice-enabled", G_SETTINGS_BIND_GET);
  return TRUE;
}

/* The routine as an MPRIS player, for media keys and the desktop's media controls. */
static void
ensure_media_controls (UnknotApplication *self)
{
  GSettings *settings = unknot_application_get_settings (self);

  if (self->mpris == NULL && g_application_get_dbus_connection (G_APPLICATION (self)) != NULL)
    {
      self->mpris =
        unknot_mpris_new (g_application_get_dbus_connection (G_APPLICATION (self)), APPLICATION_ID);
      g_signal_connect_swapped (self->mpris, "raise", G_CALLBACK (mpris_raise_cb), self);
      /* The desktop's media volume for Unknot is the cue volume. */
      g_settings_bind (settings, "cue-volume", self->mpris, "volume", G_SETTINGS_BIND_DEFAULT);
    }
}

/**
 * unknot_application_attach_session:
 *
 * A routine is about to start: it gets its sound and its media controls.
 */
void
unknot_application_attach_session (UnknotApplication *self, UnknotSession *session)
{
  g_return_if_fail (UNKNOT_IS_APPLICATION (self));
  g_return_if_fail (UNKNOT_IS_SESSION (session));

  if (ensure_sound (self))
    self->sound_module->session_sound_set_session (self->sound, session);
  ensure_media_controls (self);
  g_set_object (&self->session, session);
  if (self->mpris != NULL)
    unknot_mpris_set_session (self->mpris, session);
}

void
unknot_application_detach_session (UnknotApplication *self, UnknotSession *session)
{
  g_return_if_fail (UNKNOT_IS_APPLICATION (self));

  if (self->session != session || session == NULL)
    return;
  if (self->sound != NULL)
    self->sound_module->session_sound_set_session (self->sound, NULL);
  if (self->mpris != NULL)
    unknot_mpris_set_session (self->mpris, NULL);
  g_clear_object (&self->session);
}

static int
list_routines (UnknotApplication *self)
{
  UnknotRoutineLibrary *library = unknot_application_get_library (self);
  guint rest_seconds = g_settings_get_uint (unknot_application_get_settings (self), "rest-seconds");
  const GPtrArray *problems = unknot_routine_library_get_problems (library);

  for (guint i = 0; i < unknot_routine_library_get_n_routines (library); i++)
    {
      UnknotRoutine *routine = unknot_routine_library_get_routine (library, i);
      guint total = unknot_routine_get_total_seconds (routine, rest_seconds);

      g_print ("%s\t%s\t%u:%02u\n", unknot_routine_get_id (routine),
               unknot_routine_get_name (routine), total / 60, total % 60);
    }
  for (guint i = 0; i < problems->len; i++)
    g_printerr (_ ("Skipped: %s\n"), (const char *) g_ptr_array_index (problems, i));

  return EXIT_SUCCESS;
}

static int
validate_routine (const char *path)
{
  g_autofree char *report = NULL;

  if (!unknot_routine_validate_file (path, &report))
    {
      g_printerr ("%s\n", report);
      return EXIT_FAILURE;
    }
  g_print ("%s\n", report);
  return EXIT_SUCCESS;
}

/* Options that answer from this process and exit, and the ones forwarded to the
 * running instance as actions. */
static int
unknot_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  UnknotApplication *self = UNKNOT_APPLICATION (app);
  g_autoptr (GError) error = NULL;
  const char *routine_id = NULL;
  const char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("unknot %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "validate-routine", "^&ay", &path))
    return validate_routine (path);

  if (g_variant_dict_contains (options, "list-routines"))
    return list_routines (self);

  if (g_variant_dict_lookup (options, "routine", "&s", &routine_id))
    {
      if (unknot_routine_library_lookup (unknot_application_get_library (self), routine_id) == NULL)
        {
          g_printerr (_ ("There is no routine with the id “%s”. "
                         "Run “unknot --list-routines” to see them.\n"),
                      routine_id);
          return EXIT_FAILURE;
        }
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      /* Handled here or, when Unknot already runs, by the running instance; then the
       * usual activation presents the window. */
      g_action_group_activate_action (G_ACTION_GROUP (app), "open-routine",
                                      g_variant_new_string (routine_id));
      return -1;
    }

  if (g_variant_dict_contains (options, "reminders"))
    {
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      if (g_application_get_is_remote (app))
        return EXIT_SUCCESS; /* the running Unknot shows them */
      self->background_start = TRUE;
      return -1;
    }

  if (g_variant_dict_contains (options, "last-routine"))
    {
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      g_action_group_activate_action (G_ACTION_GROUP (app), "last-routine", NULL);
      return -1;
    }

  return G_APPLICATION_CLASS (unknot_application_parent_class)->handle_local_options (app, options);
}

/* The main window, made if there is none; an About or Safety window may be the active
 * one, so the windows are searched rather than taking the active one. */
static UnknotWindow *
get_window (UnknotApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (UNKNOT_IS_WINDOW (l->data))
      return l->data;

  return unknot_window_new (self);
}

static void
unknot_application_activate (GApplication *app)
{
  UnknotApplication *self = UNKNOT_APPLICATION (app);

  if (self->background_start)
    {
      /* `--reminders`: no window; the hold keeps Unknot running while reminders are on. */
      self->background_start = FALSE;
      if (!unknot_reminders_get_enabled (self->reminders))
        g_printerr ("%s\n", _ ("Reminders are off: Unknot has nothing to do in the background."));
      return;
    }
  gtk_window_present (GTK_WINDOW (get_window (self)));
}

static void
open_routine_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  UnknotApplication *self = user_data;
  UnknotWindow *window = get_window (self);

  unknot_window_start_routine (window, g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (window));
}

static void
last_routine_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  UnknotApplication *self = user_data;
  UnknotWindow *window = get_window (self);
  g_autofree char *routine_id =
    g_settings_get_string (unknot_application_get_settings (self), "last-routine");

  if (unknot_routine_library_lookup (unknot_application_get_library (self), routine_id) != NULL)
    unknot_window_show_routine (window, routine_id);
  else
    unknot_window_add_toast (window, _ ("No routine opened yet: pick one to start"));
  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GApplication *app = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Closing the windows first lets each save its state. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
  g_application_quit (app);
}

static void
about_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  UnknotApplication *self = user_data;
  static const char *developers[] = { "The Unknot authors", NULL };
  GtkWidget *about;

  about = adw_about_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (about),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  adw_about_window_set_application_name (ADW_ABOUT_WINDOW (about), _ ("Unknot"));
  adw_about_window_set_application_icon (ADW_ABOUT_WINDOW (about), APPLICATION_ID);
  adw_about_window_set_developer_name (ADW_ABOUT_WINDOW (about), _ ("The Unknot authors"));
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about),
                                DEVELOPMENT_BUILD ? UNKNOT_VCS_VERSION : PACKAGE_VERSION);
  adw_about_window_set_website (ADW_ABOUT_WINDOW (about), "https://github.com/unknot/unknot");
  adw_about_window_set_issue_url (ADW_ABOUT_WINDOW (about),
                                  "https://github.com/unknot/unknot/issues");
  adw_about_window_set_copyright (ADW_ABOUT_WINDOW (about), "© 2026 The Unknot authors");
  adw_about_window_set_license_type (ADW_ABOUT_WINDOW (about), GTK_LICENSE_GPL_3_0);
  adw_about_window_set_developers (ADW_ABOUT_WINDOW (about), developers);
  /* Translators: put your names here, one per line */
  adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), _ ("translator-credits"));
  adw_about_window_set_comments (ADW_ABOUT_WINDOW (about),
                                 _ ("Unknot coaches self-massage of the glutes and the "
                                    "piriformis. It does not diagnose: for red flags, "
                                    "see a professional."));

  adw_about_window_add_legal_section (
    ADW_ABOUT_WINDOW (about), _ ("Artwork and routine texts"), "© 2026 The Unknot authors",
    GTK_LICENSE_CUSTOM,
    _ ("The anatomy artwork, icons and routine texts are licensed under the Creative Commons "
       "Attribution-ShareAlike 4.0 International licence (CC BY-SA 4.0)."));
  adw_about_window_add_legal_section (
    ADW_ABOUT_WINDOW (about), _ ("Sources behind the content"), NULL, GTK_LICENSE_CUSTOM,
    _ ("Doses: Behm DG et al. (2020), a review of foam rolling; Konrad A et al. (2022), "
       "programmes over four weeks.\n"
       "Pressure: Grabow L et al. (2018), rolling at 3, 6 or 8 out of 10; "
       "Cheatham SW et al. (2020), ball density and guided routines.\n"
       "Pain scores: Farrar JT et al. (2001) and Salaffi F et al. (2004), "
       "what change a person notices.\n"
       "Anatomy: surface anatomy of the sciatic nerve from CT of living adults, "
       "Clinical Anatomy 28:144 (2015).\n"
       "Low back pain: prevalence in adults, Pain (2018)."));

  gtk_window_present (GTK_WINDOW (about));
}

static void
safety_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  UnknotApplication *self = user_data;

  unknot_safety_view_present_window (gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
preferences_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  UnknotApplication *self = user_data;
  GtkWidget *window =
    unknot_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                   unknot_application_get_settings (self), self->reminders);

  gtk_window_present (GTK_WINDOW (window));
}

/* The volume's preview: the step-start chime, at once, through the cue player. */
static void
preview_cue_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  UnknotApplication *self = user_data;
  g_autoptr (GError) error = NULL;
  gint64 now = g_get_monotonic_time ();

  if (!ensure_sound (self))
    return; /* said why, once */
  if (self->session != NULL && unknot_session_is_running (self->session))
    return; /* a routine's own cues are playing */
  if (!self->sound_module->cue_player_prepare (self->cue_player, &error))
    return; /* the player has said why, once */
  self->sound_module->cue_player_start (self->cue_player, now);
  self->sound_module->cue_player_play_earcon (self->cue_player, UNKNOT_EARCON_STEP_START,
                                              now + 100 * 1000);
}

static const GActionEntry app_actions[] = {
  { "preferences", preferences_action },
  { "preview-cue", preview_cue_action },
  { "open-routine", open_routine_action, "s" },
  { "last-routine", last_routine_action },
  { "quit", quit_action },
  { "about", about_action },
  { "safety", safety_action },
};

/* The coach's suggestion as a notification; "Start" (or the notification itself)
 * starts the routine in a window. */
static void
reminder_due_cb (UnknotApplication *self)
{
  GSettings *settings = unknot_application_get_settings (self);
  g_autoptr (UnknotSuggestion) suggestion = unknot_coach_suggest_from_settings (
    settings, unknot_application_get_diary (self), unknot_application_get_library (self),
    g_get_real_time () / G_USEC_PER_SEC);
  g_autoptr (GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  const char *routine_id;

  unknot_reminder_describe (suggestion, g_settings_get_uint (settings, "rest-seconds"), &title,
                            &body, &routine_id);
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_category (notification, "x-unknot.reminder");
  if (routine_id != NULL)
    {
      g_notification_set_default_action_and_target (notification, "app.open-routine", "s",
                                                    routine_id);
      /* Translators: the button of a reminder that starts the routine */
      g_notification_add_button_with_target (notification, _ ("Start"), "app.open-routine", "s",
                                             routine_id);
    }
  g_application_send_notification (G_APPLICATION (self), "reminder", notification);
}

static void
reminders_enabled_cb (UnknotApplication *self)
{
  gboolean enabled = unknot_reminders_get_enabled (self->reminders);

  if (enabled && !self->held)
    g_application_hold (G_APPLICATION (self));
  else if (!enabled && self->held)
    g_application_release (G_APPLICATION (self));
  self->held = enabled;
}

static void
unknot_application_startup (GApplication *app)
{
  UnknotApplication *self = UNKNOT_APPLICATION (app);
  static const struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.safety", { "F1", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.go-back", { "<Alt>Left", "Escape", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (unknot_application_parent_class)->startup (app);
  /* After GTK's start-up, which may change the environment a thread would read. */
  start_loading_library (self);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);

  /* Reminders come from whichever Unknot runs: the window's, or the one started at
   * log-in with --reminders. */
  self->reminders = unknot_reminders_new (unknot_application_get_settings (self),
                                          unknot_autostart_get_default_method (), NULL);
  g_signal_connect_swapped (self->reminders, "due", G_CALLBACK (reminder_due_cb), self);
  g_signal_connect_swapped (self->reminders, "notify::enabled", G_CALLBACK (reminders_enabled_cb),
                            self);
  reminders_enabled_cb (self);
  unknot_reminders_start (self->reminders);
}

static void
unknot_application_dispose (GObject *object)
{
  UnknotApplication *self = UNKNOT_APPLICATION (object);
  LoadedLibrary *unused = join_library_loader (self);

  if (self->session != NULL)
    unknot_application_detach_session (self, self->session);
  if (self->reminders != NULL)
    g_signal_handlers_disconnect_by_data (self->reminders, self);
  g_clear_object (&self->reminders);
  g_clear_object (&self->mpris);
  g_clear_object (&self->sound);
  g_clear_object (&self->cue_player);
  g_clear_object (&self->clock);
  g_clear_object (&self->diary);
  g_clear_object (&self->library);
  g_clear_pointer (&unused, loaded_library_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (unknot_application_parent_class)->dispose (object);
}

static void
unknot_application_class_init (UnknotApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = unknot_application_dispose;
  app_class->activate = unknot_application_activate;
  app_class->startup = unknot_application_startup;
  app_class->handle_local_options = unknot_application_handle_local_options;
}

static void
unknot_application_init (UnknotApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (
    G_APPLICATION (self), _ ("Guided self-massage for the glutes and the piriformis."));
}
