/* unknot-player-page.c: the running routine, readable from the floor
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-anatomy-view.h"
#include "unknot-player-page.h"
#include "unknot-routine.h"
#include "unknot-session.h"
#include "unknot-vocabulary.h"

struct _UnknotPlayerPage
{
  AdwBin parent_instance;

  AdwWindowTitle *window_title;
  GtkLabel *phase_label;
  GtkLabel *countdown_label;
  GtkLabel *step_label;
  UnknotAnatomyView *anatomy_view;
  GtkLabel *details_label;
  GtkLabel *instruction_label;
  GtkLabel *next_label;
  GtkWidget *finish_button;
  GtkWidget *controls_box;
  GtkWidget *pause_button;
  GtkProgressBar *progress_bar;
  GtkLabel *progress_label;

  UnknotSession *session;
  GtkWidget *dialog;    /* the stop or too-intense question, while open */
  guint inhibit_cookie; /* 0 where the desktop cannot inhibit */
  gboolean inhibiting;
  gboolean resume_after_dialog;
};

G_DEFINE_FINAL_TYPE (UnknotPlayerPage, unknot_player_page, ADW_TYPE_BIN)

enum
{
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
side_label (UnknotSide side)
{
  return unknot_vocabulary_get_label (UNKNOT_VOCABULARY_SIDE, side);
}

static char *
format_countdown (guint seconds)
{
  return g_strdup_printf ("%u:%02u", seconds / 60, seconds % 60);
}

/* While a routine runs the screen stays on; paused, stopped or done, it may sleep. */
static void
update_inhibit (UnknotPlayerPage *self)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkApplication *app = window ? gtk_window_get_application (window) : NULL;
  gboolean running = self->session != NULL && unknot_session_is_running (self->session) &&
                     gtk_widget_get_mapped (GTK_WIDGET (self));

  if (running == self->inhibiting || app == NULL)
    return;

  self->inhibiting = running;
  if (running)
    self->inhibit_cookie = gtk_application_inhibit (
      app, window, GTK_APPLICATION_INHIBIT_IDLE | GTK_APPLICATION_INHIBIT_SUSPEND,
      _ ("A massage routine is running"));
  else if (self->inhibit_cookie != 0)
    gtk_application_uninhibit (app, self->inhibit_cookie);
  if (!running)
    self->inhibit_cookie = 0;
}

static void
update_step (UnknotPlayerPage *self)
{
  UnknotRoutine *routine = unknot_session_get_routine (self->session);
  guint n_steps = unknot_routine_get_n_steps (routine);
  guint index = (guint) unknot_session_get_step_index (self->session);
  const UnknotStep *step = unknot_routine_get_step (routine, index);
  UnknotSide side = unknot_session_get_side (self->session);
  UnknotSessionState phase = unknot_session_get_phase (self->session);
  g_autofree char *subtitle = NULL;
  g_autofree char *details = NULL;
  g_autofree char *next = NULL;

  /* Translators: "Step 2 of 5" */
  subtitle = g_strdup_printf (_ ("Step %u of %u"), index + 1, n_steps);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  gtk_label_set_text (self->step_label, step->name);
  /* The muscle this side works, peeled down to if it lies deep. */
  unknot_anatomy_view_set_target (self->anatomy_view, step->target, side);
  /* Translators: "Piriformis · Massage ball · Left side" */
  details = g_strdup_printf (
    _ ("%s · %s · %s"), unknot_vocabulary_get_label (UNKNOT_VOCABULARY_TARGET, step->target),
    unknot_vocabulary_get_label (UNKNOT_VOCABULARY_TOOL, step->tool), side_label (side));
  gtk_label_set_text (self->details_label, details);
  gtk_label_set_text (self->instruction_label, step->instruction);

  if (phase == UNKNOT_SESSION_STATE_DONE)
    next = NULL;
  else if (step->side == UNKNOT_SIDE_BOTH && side == UNKNOT_SIDE_LEFT)
    /* Translators: what comes after this side of a step */
    next = g_strdup_printf (_ ("Next: %s, right side"), step->name);
  else if (phase != UNKNOT_SESSION_STATE_STEP && phase != UNKNOT_SESSION_STATE_SWITCH_SIDE)
    next = NULL; /* in the count-in and rests the step shown is the one coming */
  else if (index + 1 < n_steps)
    next = g_strdup_printf (_ ("Next: %s"), unknot_routine_get_step (routine, index + 1)->name);
  else
    next = g_strdup (_ ("Last step"));
  gtk_label_set_text (self->next_label, next ? next : "");
  gtk_widget_set_visible (GTK_WIDGET (self->next_label), next != NULL);
}

static void
update_countdown (UnknotPlayerPage *self)
{
  UnknotRoutine *routine = unknot_session_get_routine (self->session);
  g_autofree char *countdown = format_countdown (unknot_session_get_seconds_left (self->session));
  guint total_left = unknot_session_get_total_seconds_left (self->session);
  gint64 total = unknot_session_get_position (self->session) + (gint64) total_left * G_USEC_PER_SEC;
  g_autofree char *left = unknot_format_approximate_duration (total_left);
  g_autofree char *progress = NULL;

  gtk_label_set_text (self->countdown_label, countdown);
  gtk_progress_bar_set_fraction (
    self->progress_bar,
    total > 0 ? (double) unknot_session_get_position (self->session) / (double) total : 1.0);
  /* Translators: "Glute release · About 6 min left" */
  progress = g_strdup_printf (_ ("%s · %s left"), unknot_routine_get_name (routine), left);
  gtk_label_set_text (self->progress_label, total_left > 0 ? progress : "");
}

static void
update_state (UnknotPlayerPage *self)
{
  UnknotSessionState state = unknot_session_get_state (self->session);
  UnknotSessionState phase = unknot_session_get_phase (self->session);
  gboolean paused = state == UNKNOT_SESSION_STATE_PAUSED;
  gboolean over = state == UNKNOT_SESSION_STATE_DONE || state == UNKNOT_SESSION_STATE_STOPPED;
  const char *text;

  switch (paused ? UNKNOT_SESSION_STATE_PAUSED : phase)
    {
    case UNKNOT_SESSION_STATE_READY:
    case UNKNOT_SESSION_STATE_GET_READY:
      text = _ ("Get ready");
      break;
    case UNKNOT_SESSION_STATE_STEP:
      text = side_label (unknot_session_get_side (self->session));
      break;
    case UNKNOT_SESSION_STATE_SWITCH_SIDE:
      text = _ ("Switch sides");
      break;
    case UNKNOT_SESSION_STATE_REST:
      text = _ ("Rest");
      break;
    case UNKNOT_SESSION_STATE_PAUSED:
      text = _ ("Paused");
      break;
    case UNKNOT_SESSION_STATE_DONE:
      text = _ ("Well done");
      break;
    case UNKNOT_SESSION_STATE_STOPPED:
    default:
      text = _ ("Stopped");
      break;
    }
  gtk_label_set_text (self->phase_label, text);

  gtk_button_set_icon_name (GTK_BUTTON (self->pause_button), paused
                                                               ? "media-playback-start-symbolic"
                                                               : "media-playback-pause-symbolic");
  gtk_widget_set_tooltip_text (self->pause_button,
                               paused ? _ ("Resume (Space)") : _ ("Pause (Space)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pause_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  paused ? _ ("Resume") : _ ("Pause"), -1);

  gtk_widget_set_visible (self->controls_box, !over);
  gtk_widget_set_visible (self->finish_button, over);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.too-intense",
                                 phase == UNKNOT_SESSION_STATE_STEP && !over);
  if (over)
    gtk_widget_grab_focus (self->finish_button);

  update_inhibit (self);
}

static void
update_all (UnknotPlayerPage *self)
{
  adw_window_title_set_title (self->window_title,
                              unknot_routine_get_name (unknot_session_get_routine (self->session)));
  update_step (self);
  update_state (self);
  update_countdown (self);
}

static void
notify_state_cb (UnknotPlayerPage *self)
{
  update_state (self);
  update_step (self);
  update_countdown (self);
}

static void
notify_step_cb (UnknotPlayerPage *self)
{
  update_step (self);
  update_state (self);
}

static void
finished_cb (UnknotPlayerPage *self, gboolean completed)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  GApplication *app = window ? G_APPLICATION (gtk_window_get_application (window)) : NULL;
  g_autoptr (GNotification) notification = NULL;
  g_autofree char *body = NULL;

  if (!completed || app == NULL || gtk_window_is_active (window))
    return;

  /* Eyes closed on the floor, or another window on top: say it is over. */
  notification = g_notification_new (_ ("Routine done"));
  /* Translators: the body of the notification when a routine is done */
  body = g_strdup_printf (_ ("%s: well done. How does it feel now?"),
                          unknot_routine_get_name (unknot_session_get_routine (self->session)));
  g_notification_set_body (notification, body);
  g_notification_set_default_action (notification, "app.activate");
  g_application_send_notification (app, "routine-done", notification);
}

static void
dialog_closed (UnknotPlayerPage *self)
{
  self->dialog = NULL;
  if (self->resume_after_dialog && self->session != NULL &&
      unknot_session_get_state (self->session) == UNKNOT_SESSION_STATE_PAUSED)
    unknot_session_resume (self->session);
  self->resume_after_dialog = FALSE;
}

static void
stop_response_cb (AdwMessageDialog *dialog, const char *response, UnknotPlayerPage *self)
{
  if (g_strcmp0 (response, "stop") == 0 && self->session != NULL)
    {
      self->resume_after_dialog = FALSE;
      unknot_session_stop (self->session);
      dialog_closed (self);
      g_signal_emit (self, signals[CLOSED], 0);
      return;
    }
  dialog_closed (self);
}

static GtkWidget *
create_dialog (UnknotPlayerPage *self, const char *heading, const char *body)
{
  GtkWidget *dialog =
    adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);

  self->dialog = dialog;
  return dialog;
}

/* Stopping loses the rest of the routine, so it asks; the routine waits meanwhile. */
static void
stop_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  UnknotPlayerPage *self = UNKNOT_PLAYER_PAGE (widget);
  UnknotSessionState state = unknot_session_get_state (self->session);
  GtkWidget *dialog;

  if (state == UNKNOT_SESSION_STATE_DONE || state == UNKNOT_SESSION_STATE_STOPPED ||
      state == UNKNOT_SESSION_STATE_READY)
    {
      g_signal_emit (self, signals[CLOSED], 0);
      return;
    }
  if (self->dialog != NULL)
    return;

  self->resume_after_dialog = unknot_session_is_running (self->session);
  unknot_session_pause (self->session);

  dialog =
    create_dialog (self, _ ("Stop the Routine?"), _ ("The rest of the routine will be skipped."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "continue", _ ("_Keep Going"),
                                    "stop", _ ("_Stop"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "stop",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  g_signal_connect (dialog, "response", G_CALLBACK (stop_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
too_intense_response_cb (AdwMessageDialog *dialog, const char *response, UnknotPlayerPage *self)
{
  dialog_closed (self);
  if (self->session == NULL)
    return;
  if (g_strcmp0 (response, "shorten") == 0)
    unknot_session_shorten_step (self->session);
  else if (g_strcmp0 (response, "skip") == 0)
    unknot_session_skip (self->session);
}

/* Too intense: it does not have to hurt to help.  The press is kept for the diary. */
static void
too_intense_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  UnknotPlayerPage *self = UNKNOT_PLAYER_PAGE (widget);
  UnknotRoutine *routine = unknot_session_get_routine (self->session);
  const UnknotStep *step;
  GtkWidget *dialog;

  if (self->dialog != NULL)
    return;

  step = unknot_routine_get_step (routine, (guint) unknot_session_get_step_index (self->session));
  unknot_session_too_intense (self->session);

  dialog = create_dialog (self, _ ("Ease Off"), unknot_gentler_advice (step->tool));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _ ("_Keep Going"),
                                    "shorten", _ ("S_horten This Side"), "skip", _ ("_Move On"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (too_intense_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toggle_pause_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  unknot_session_toggle_pause (UNKNOT_PLAYER_PAGE (widget)->session);
}

static void
skip_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  unknot_session_skip (UNKNOT_PLAYER_PAGE (widget)->session);
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  unknot_session_back (UNKNOT_PLAYER_PAGE (widget)->session);
}

static void
close_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_signal_emit (widget, signals[CLOSED], 0);
}

/**
 * unknot_player_page_set_session:
 * @session: (nullable): the session to show and control
 */
void
unknot_player_page_set_session (UnknotPlayerPage *self, UnknotSession *session)
{
  g_return_if_fail (UNKNOT_IS_PLAYER_PAGE (self));
  g_return_if_fail (session == NULL || UNKNOT_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  self->dialog = NULL;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  update_inhibit (self);

  if (session == NULL)
    return;

  g_signal_connect_swapped (session, "notify::state", G_CALLBACK (notify_state_cb), self);
  g_signal_connect_swapped (session, "notify::step-index", G_CALLBACK (notify_step_cb), self);
  g_signal_connect_swapped (session, "notify::side", G_CALLBACK (notify_step_cb), self);
  g_signal_connect_swapped (session, "notify::seconds-left", G_CALLBACK (update_countdown), self);
  g_signal_connect_swapped (session, "finished", G_CALLBACK (finished_cb), self);
  update_all (self);
  gtk_widget_grab_focus (self->pause_button);
}

/**
 * unknot_player_page_get_inhibiting:
 *
 * Returns: whether the page keeps the screen awake (while the routine runs)
 */
gboolean
unknot_player_page_get_inhibiting (UnknotPlayerPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_PLAYER_PAGE (self), FALSE);
  return self->inhibiting;
}

/**
 * unknot_player_page_get_session:
 *
 * Returns: (transfer none) (nullable): the session shown
 */
UnknotSession *
unknot_player_page_get_session (UnknotPlayerPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_PLAYER_PAGE (self), NULL);
  return self->session;
}

static void
unknot_player_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (unknot_player_page_parent_class)->map (widget);
  update_inhibit (UNKNOT_PLAYER_PAGE (widget));
}

/* Leaving the window (closing it) must not keep the screen awake. */
static void
unknot_player_page_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (unknot_player_page_parent_class)->unmap (widget);
  update_inhibit (UNKNOT_PLAYER_PAGE (widget));
}

static void
unknot_player_page_dispose (GObject *object)
{
  UnknotPlayerPage *self = UNKNOT_PLAYER_PAGE (object);

  unknot_player_page_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_PLAYER_PAGE);

  G_OBJECT_CLASS (unknot_player_page_parent_class)->dispose (object);
}

static void
unknot_player_page_class_init (UnknotPlayerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_player_page_dispose;
  widget_class->map = unknot_player_page_map;
  widget_class->unmap = unknot_player_page_unmap;

  g_type_ensure (UNKNOT_TYPE_ANATOMY_VIEW);

  /**
   * UnknotPlayerPage::closed:
   *
   * The person is done with the player: finished, or stopped.
   */
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/unknot-player-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, phase_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, step_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, anatomy_view);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, instruction_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, next_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, finish_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, controls_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, pause_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, UnknotPlayerPage, progress_label);

  gtk_widget_class_install_action (widget_class, "player.toggle-pause", NULL, toggle_pause_action);
  gtk_widget_class_install_action (widget_class, "player.skip", NULL, skip_action);
  gtk_widget_class_install_action (widget_class, "player.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "player.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "player.too-intense", NULL, too_intense_action);
  gtk_widget_class_install_action (widget_class, "player.close", NULL, close_action);
}

static void
unknot_player_page_init (UnknotPlayerPage *self)
{
  /* Keys that work wherever the focus is in the page (see also the shortcuts window).
   * Seen in the capture phase, before the focused widget: Space means the routine, not
   * the button that happens to have the focus. */
  static const struct
  {
    guint keyval;
    const char *action;
  } keys[] = {
    { GDK_KEY_space, "player.toggle-pause" },
    { GDK_KEY_Right, "player.skip" },
    { GDK_KEY_n, "player.skip" },
    { GDK_KEY_Left, "player.back" },
    { GDK_KEY_p, "player.back" },
    { GDK_KEY_Escape, "player.stop" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (controller),
      gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, 0),
                        gtk_named_action_new (keys[i].action)));
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
