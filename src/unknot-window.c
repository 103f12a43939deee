/* unknot-window.c: the main window
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <time.h>

#include "unknot-application.h"
#include "unknot-body-page.h"
#include "unknot-check-in-page.h"
#include "unknot-coach-card.h"
#include "unknot-first-run.h"
#include "unknot-pain-diary.h"
#include "unknot-player-page.h"
#include "unknot-progress-page.h"
#include "unknot-raised-box.h"
#include "unknot-routine.h"
#include "unknot-routine-library.h"
#include "unknot-routine-page.h"
#include "unknot-row-layout.h"
#include "unknot-safety-view.h"
#include "unknot-session.h"
#include "unknot-vocabulary.h"
#include "unknot-widget-walk.h"
#include "unknot-window.h"

struct _UnknotWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwLeaflet *leaflet;
  GtkBox *home_box;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton *menu_button;
  GMenuModel *primary_menu;
  AdwViewStack *view_stack;
  GtkBox *routines_box;
  UnknotRoutinePage *routine_page;
  AdwBin *body_bin;
  AdwBin *progress_bin;

  /* Built the first time they are shown: start-up lays out only what it shows. */
  UnknotPlayerPage *player_page;
  UnknotBodyPage *body_page;
  UnknotCheckInPage *check_in_page;
  UnknotFirstRun *first_run;
  AdwViewSwitcherBar *switcher_bar;
  guint switcher_bar_idle;

  GSettings *settings;
  UnknotRoutineLibrary *library;
  guint next_problem;              /* the routine list is built up to the groups of this problem */
  gboolean list_complete;          /* and then the rest, after the first frame */
  char *pending_routine_id;        /* asked for before the safety notes were acknowledged */
  UnknotRoutine *check_in_routine; /* the routine the check-in shown belongs to */
};

G_DEFINE_FINAL_TYPE (UnknotWindow, unknot_window, ADW_TYPE_APPLICATION_WINDOW)

static void first_run_finished_cb (UnknotWindow *self);
static void check_in_done_cb (UnknotWindow *self);
static void check_in_skipped_cb (UnknotWindow *self);
static void player_closed_cb (UnknotWindow *self);

static UnknotApplication *
get_app (UnknotWindow *self)
{
  return UNKNOT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static GtkWidget *
add_page (UnknotWindow *self, GType type, const char *name)
{
  GtkWidget *page = g_object_new (type, NULL);

  gtk_stack_add_named (self->main_stack, page, name);
  return page;
}

static UnknotFirstRun *
get_first_run (UnknotWindow *self)
{
  if (self->first_run == NULL)
    {
      self->first_run = UNKNOT_FIRST_RUN (add_page (self, UNKNOT_TYPE_FIRST_RUN, "first-run"));
      g_signal_connect_swapped (self->first_run, "finished", G_CALLBACK (first_run_finished_cb),
                                self);
      unknot_first_run_set_sources (self->first_run, self->settings,
                                    unknot_application_get_diary (get_app (self)), self->library);
    }
  return self->first_run;
}

static UnknotCheckInPage *
get_check_in_page (UnknotWindow *self)
{
  if (self->check_in_page == NULL)
    {
      self->check_in_page =
        UNKNOT_CHECK_IN_PAGE (add_page (self, UNKNOT_TYPE_CHECK_IN_PAGE, "check-in"));
      g_signal_connect_swapped (self->check_in_page, "done", G_CALLBACK (check_in_done_cb), self);
      g_signal_connect_swapped (self->check_in_page, "skipped", G_CALLBACK (check_in_skipped_cb),
                                self);
    }
  return self->check_in_page;
}

static UnknotPlayerPage *
get_player_page (UnknotWindow *self)
{
  if (self->player_page == NULL)
    {
      self->player_page = UNKNOT_PLAYER_PAGE (add_page (self, UNKNOT_TYPE_PLAYER_PAGE, "player"));
      g_signal_connect_swapped (self->player_page, "closed", G_CALLBACK (player_closed_cb), self);
    }
  return self->player_page;
}

/* The view switcher at the bottom, shown while the window is too narrow for the one in
 * the header bar.  Built when first needed: most windows are never that narrow, and
 * its six labels and icons would be laid out at every start. */
static gboolean
sync_switcher_bar (gpointer data)
{
  UnknotWindow *self = data;
  gboolean narrow = adw_view_switcher_title_get_title_visible (self->switcher_title);

  self->switcher_bar_idle = 0;
  if (narrow && self->switcher_bar == NULL)
    {
      self->switcher_bar = ADW_VIEW_SWITCHER_BAR (adw_view_switcher_bar_new ());
      adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
      gtk_box_append (self->home_box, GTK_WIDGET (self->switcher_bar));
      unknot_widget_name_all (GTK_WIDGET (self->switcher_bar), ADW_TYPE_VIEW_SWITCHER, _ ("Views"));
    }
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_reveal (self->switcher_bar, narrow);
  return G_SOURCE_REMOVE;
}

/* The header bar's switcher gave way to the title, or came back.  This is told while
 * the header bar is being allocated, when the box below must not gain a child and a
 * bar revealed at once (animations off) is allocated at a height it cannot take; so
 * the bar follows just after, for the next frame. */
static void
title_visible_cb (UnknotWindow *self)
{
  if (self->switcher_bar_idle == 0)
    self->switcher_bar_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, sync_switcher_bar, self, NULL);
}

/* The main menu's popover, built when the menu is first opened: five items and their
 * shortcuts, which every start would otherwise lay out for a menu seldom opened. */
static void
create_menu (GtkMenuButton *button, gpointer data)
{
  UnknotWindow *self = data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/* The running or paused session, if the player was ever shown. */
static UnknotSession *
get_session (UnknotWindow *self)
{
  return self->player_page ? unknot_player_page_get_session (self->player_page) : NULL;
}

/* The routine's page, beside the list in the leaflet, made when a routine is first
 * shown. */
static UnknotRoutinePage *
get_routine_page (UnknotWindow *self)
{
  if (self->routine_page == NULL)
    {
      AdwLeafletPage *page;

      self->routine_page = g_object_new (UNKNOT_TYPE_ROUTINE_PAGE, NULL);
      page = adw_leaflet_append (self->leaflet, GTK_WIDGET (self->routine_page));
      adw_leaflet_page_set_name (page, "routine");
    }
  return self->routine_page;
}

/* The Body and Progress pages, when their tab is first chosen. */
static void
view_visible_child_cb (UnknotWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (name, "body") == 0 && self->body_page == NULL && self->library != NULL)
    {
      self->body_page = g_object_new (UNKNOT_TYPE_BODY_PAGE, NULL);
      adw_bin_set_child (self->body_bin, GTK_WIDGET (self->body_page));
      unknot_body_page_setup (self->body_page, self->library,
                              unknot_application_get_diary (get_app (self)));
    }
  else if (g_strcmp0 (name, "progress") == 0 && adw_bin_get_child (self->progress_bin) == NULL)
    adw_bin_set_child (self->progress_bin, g_object_new (UNKNOT_TYPE_PROGRESS_PAGE, NULL));
}

/**
 * unknot_window_show_routine:
 *
 * Opens the page of the routine with @routine_id.
 *
 * Returns: %FALSE if there is no such routine
 */
gboolean
unknot_window_show_routine (UnknotWindow *self, const char *routine_id)
{
  UnknotRoutine *routine;

  g_return_val_if_fail (UNKNOT_IS_WINDOW (self), FALSE);

  routine = unknot_routine_library_lookup (self->library, routine_id);
  if (routine == NULL)
    return FALSE;

  unknot_routine_page_set_routine (get_routine_page (self), routine,
                                   g_settings_get_uint (self->settings, "rest-seconds"));
  adw_leaflet_set_visible_child_name (self->leaflet, "routine");
  g_settings_set_string (self->settings, "last-routine", routine_id);
  return TRUE;
}

/* @text is plain: a toast's title is markup, and messages quote file names, GStreamer's
 * and eSpeak's words, which may hold "&" or "<". */
void
unknot_window_add_toast (UnknotWindow *self, const char *text)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (UNKNOT_IS_WINDOW (self));
  escaped = g_markup_escape_text (text, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static void
routine_row_activated_cb (AdwActionRow *row, UnknotWindow *self)
{
  unknot_window_show_routine (self, g_object_get_data (G_OBJECT (row), "routine-id"));
}

#define ROW_LINES 3

static GtkWidget *
create_routine_row (UnknotWindow *self, UnknotRoutine *routine, guint rest_seconds)
{
  g_autofree char *total =
    unknot_format_approximate_duration (unknot_routine_get_total_seconds (routine, rest_seconds));
  g_autofree char *tools = unknot_routine_describe_tools (routine);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE, "icon-name", "go-next-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

  if (unknot_routine_library_is_builtin (self->library, routine))
    /* Translators: a routine's subtitle: "About 7 min · Foam roller, Massage ball" */
    subtitle = g_strdup_printf (_ ("%s · %s"), total, tools);
  else
    /* Translators: a routine the person wrote: "Your routine · About 7 min · Foam roller" */
    subtitle = g_strdup_printf (_ ("Your routine · %s · %s"), total, tools);

  /* A person's routine may be called "<b>Mine</b> & co": shown as written. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), unknot_routine_get_name (routine));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  /* Names and subtitles take two lines at most on a phone; a longer one (a person's own
   * routine) ends in "…" after three, and the routine's page shows it whole.  Limited
   * lines also spare GTK 4.8 laying the label out one character per line to find its
   * minimum width (a tenth of what the routine list adds to start-up). */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), ROW_LINES);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), ROW_LINES);
  unknot_row_layout_apply (row);
  g_object_set_data_full (G_OBJECT (row), "routine-id", g_strdup (unknot_routine_get_id (routine)),
                          g_free);
  g_signal_connect (row, "activated", G_CALLBACK (routine_row_activated_cb), self);
  return row;
}

static GtkWidget *
create_coach_card (UnknotWindow *self)
{
  UnknotApplication *app = get_app (self);
  GtkWidget *card = unknot_coach_card_new ();

  unknot_coach_card_set_sources (UNKNOT_COACH_CARD (card), self->settings,
                                 unknot_application_get_diary (app), self->library);
  return card;
}

/* The coach's suggestion first; then the routines, grouped by what they help; a routine
 * that helps with several problems stands in each group, because a person looks for
 * their problem, not for the routine. */
/* The groups of routines by what they help, from @problem on, at most @max_groups of
 * them; returns the problem to go on from. */
static guint
add_routine_groups (UnknotWindow *self, guint problem, guint max_groups)
{
  guint rest_seconds = g_settings_get_uint (self->settings, "rest-seconds");
  guint n_groups = 0;

  for (; problem < UNKNOT_N_PROBLEMS && n_groups < max_groups; problem++)
    {
      GtkWidget *group = NULL;

      for (guint i = 0; i < unknot_routine_library_get_n_routines (self->library); i++)
        {
          UnknotRoutine *routine = unknot_routine_library_get_routine (self->library, i);

          if (!unknot_routine_helps (routine, problem))
            continue;
          if (group == NULL)
            {
              group = adw_preferences_group_new ();
              adw_preferences_group_set_title (
                ADW_PREFERENCES_GROUP (group),
                unknot_vocabulary_get_label (UNKNOT_VOCABULARY_PROBLEM, problem));
              gtk_box_append (self->routines_box, group);
              n_groups++;
            }
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     create_routine_row (self, routine, rest_seconds));
        }
    }
  return problem;
}

/* Last on the list: the user's routine files that could not be read, and why. */
static void
add_unreadable_files (UnknotWindow *self)
{
  const GPtrArray *problems = unknot_routine_library_get_problems (self->library);
  GtkWidget *group;
  g_autofree char *path = NULL;
  g_autofree char *shown = NULL;
  g_autoptr (GFile) directory = NULL;

  if (problems->len == 0)
    return;

  group = adw_preferences_group_new ();
  directory = unknot_routine_library_get_user_directory ();
  /* The description is markup; a folder can be called "Tom & Jerry". */
  path = g_file_get_parse_name (directory);
  shown = g_markup_escape_text (path, -1);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   _ ("Routine Files That Could Not Be Read"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), shown);
  for (guint i = 0; i < problems->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (problems, i));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "dialog-warning-symbolic");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_box_append (self->routines_box, group);
}

/* The first screen holds the coach's card and a group or two: the rest of the list is
 * built once the first frame is out, so start-up lays out only what it shows. */
#define FIRST_GROUPS 2

static void
populate_routines (UnknotWindow *self)
{
  gtk_box_append (self->routines_box, create_coach_card (self));
  self->next_problem = add_routine_groups (self, 0, FIRST_GROUPS);
}

static void
first_paint_cb (GdkFrameClock *frame_clock, UnknotWindow *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, first_paint_cb, self);
  self->next_problem = add_routine_groups (self, self->next_problem, G_MAXUINT);
  add_unreadable_files (self);
  self->list_complete = TRUE;
}

static void
go_back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
leaflet_visible_child_cb (UnknotWindow *self)
{
  const char *name = adw_leaflet_get_visible_child_name (self->leaflet);
  const char *page = gtk_stack_get_visible_child_name (self->main_stack);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back",
                                 g_strcmp0 (page, "main") == 0 && g_strcmp0 (name, "home") != 0);
}

/* Where to ask about: the places the person said hurt; else where this routine works. */
static GArray *
areas_to_ask (UnknotWindow *self, UnknotRoutine *routine)
{
  g_auto (GStrv) stated = g_settings_get_strv (self->settings, "pain-areas");
  GArray *areas = g_array_new (FALSE, FALSE, sizeof (UnknotArea));
  gboolean wanted[UNKNOT_N_AREAS] = { FALSE };

  for (guint i = 0; stated[i] != NULL; i++)
    {
      UnknotArea area;

      if (unknot_area_from_id (stated[i], &area))
        wanted[area] = TRUE;
    }

  if (g_strv_length (stated) == 0 && routine != NULL)
    {
      gboolean buttock = unknot_routine_works_target (routine, UNKNOT_TARGET_GLUTEUS_MAXIMUS) ||
                         unknot_routine_works_target (routine, UNKNOT_TARGET_PIRIFORMIS);
      gboolean hip = unknot_routine_works_target (routine, UNKNOT_TARGET_GLUTEUS_MEDIUS) ||
                     unknot_routine_works_target (routine, UNKNOT_TARGET_GLUTEUS_MINIMUS);

      wanted[UNKNOT_AREA_LOW_BACK] = unknot_routine_helps (routine, UNKNOT_PROBLEM_LOW_BACK_PAIN);
      wanted[UNKNOT_AREA_KNEE_LEFT] = wanted[UNKNOT_AREA_KNEE_RIGHT] =
        unknot_routine_helps (routine, UNKNOT_PROBLEM_KNEE_PAIN);
      wanted[UNKNOT_AREA_LEG_LEFT] = wanted[UNKNOT_AREA_LEG_RIGHT] =
        unknot_routine_helps (routine, UNKNOT_PROBLEM_SCIATICA);
      wanted[UNKNOT_AREA_BUTTOCK_LEFT] = wanted[UNKNOT_AREA_BUTTOCK_RIGHT] = buttock;
      wanted[UNKNOT_AREA_HIP_LEFT] = wanted[UNKNOT_AREA_HIP_RIGHT] = hip;
    }
  else if (g_strv_length (stated) == 0)
    {
      wanted[UNKNOT_AREA_LOW_BACK] = TRUE;
      wanted[UNKNOT_AREA_BUTTOCK_LEFT] = wanted[UNKNOT_AREA_BUTTOCK_RIGHT] = TRUE;
    }

  for (UnknotArea area = 0; area < UNKNOT_N_AREAS; area++)
    if (wanted[area])
      g_array_append_val (areas, area);
  return areas;
}

/* Shows the check-in: about @only if it is an area, else about the usual places. */
static void
ask_pain (UnknotWindow *self, UnknotPhase phase, UnknotRoutine *routine, int only)
{
  g_autoptr (GArray) areas = NULL;

  if (only >= 0)
    {
      UnknotArea area = (UnknotArea) only;

      areas = g_array_new (FALSE, FALSE, sizeof (UnknotArea));
      g_array_append_val (areas, area);
    }
  else
    areas = areas_to_ask (self, routine);

  unknot_check_in_page_ask (get_check_in_page (self), phase,
                            routine ? unknot_routine_get_name (routine) : NULL,
                            (const UnknotArea *) areas->data, areas->len);
  gtk_stack_set_visible_child_name (self->main_stack, "check-in");
  leaflet_visible_child_cb (self);
}

static void
too_intense_cb (UnknotSession *session, guint step_index, UnknotWindow *self)
{
  UnknotApplication *app = get_app (self);
  g_autoptr (GError) error = NULL;
  UnknotSide side = unknot_session_get_side (session);

  if (!unknot_pain_diary_add_intensity_event (
        unknot_application_get_diary (app), g_get_real_time () / G_USEC_PER_SEC,
        unknot_routine_get_id (unknot_session_get_routine (session)), step_index,
        side == UNKNOT_SIDE_RIGHT ? UNKNOT_SIDE_RIGHT : UNKNOT_SIDE_LEFT, &error))
    unknot_window_add_toast (self, error->message);
}

/* The routine is over: ask how it feels now, while the last sounds play out. */
static void
session_finished_cb (UnknotSession *session, gboolean completed, UnknotWindow *self)
{
  g_autoptr (UnknotRoutine) routine = NULL;

  if (!completed || !g_settings_get_boolean (self->settings, "ask-pain-after"))
    return;
  routine = g_object_ref (unknot_session_get_routine (session));
  player_closed_cb (self);
  g_set_object (&self->check_in_routine, routine);
  ask_pain (self, UNKNOT_PHASE_AFTER, routine, -1);
}

static void
begin_session (UnknotWindow *self, UnknotRoutine *routine)
{
  UnknotApplication *app = get_app (self);
  g_autoptr (UnknotSession) session = NULL;

  session = unknot_session_new (routine, unknot_application_get_clock (app),
                                g_settings_get_uint (self->settings, "get-ready-seconds"),
                                g_settings_get_uint (self->settings, "rest-seconds"));
  g_signal_connect_object (session, "too-intense", G_CALLBACK (too_intense_cb), self, 0);
  g_signal_connect_object (session, "finished", G_CALLBACK (session_finished_cb), self, 0);
  unknot_application_attach_session (app, session);
  unknot_player_page_set_session (get_player_page (self), session);
  gtk_stack_set_visible_child_name (self->main_stack, "player");
  leaflet_visible_child_cb (self);
  unknot_session_start (session);
}

static void
severe_response_cb (AdwMessageDialog *dialog, const char *response, UnknotWindow *self)
{
  if (g_strcmp0 (response, "safety") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "app.safety", NULL);
}

/* 7 or more is severe: massage is not the answer to every pain. */
static void
warn_severe (UnknotWindow *self)
{
  GtkWidget *dialog = adw_message_dialog_new (
    GTK_WINDOW (self), _ ("That Is Severe Pain"),
    _ ("Self-massage should feel like about 3 to 6 out of 10, not more. If the pain stays at "
       "7 or more, or comes with numbness, weakness, fever, or trouble with the bladder or "
       "bowels, see a doctor or physiotherapist rather than rolling."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"), "safety",
                                    _ ("_Safety Notes"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect (dialog, "response", G_CALLBACK (severe_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Stores what the person answered; returns a line about the change for an "after". */
static char *
record_check_in (UnknotWindow *self, gboolean *severe)
{
  UnknotApplication *app = get_app (self);
  UnknotPainDiary *diary = unknot_application_get_diary (app);
  UnknotPhase phase = unknot_check_in_page_get_phase (self->check_in_page);
  const char *routine_id = self->check_in_routine && phase != UNKNOT_PHASE_CHECK_IN
                             ? unknot_routine_get_id (self->check_in_routine)
                             : "";
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr (GString) changes = g_string_new (NULL);

  *severe = FALSE;
  for (UnknotArea area = 0; area < UNKNOT_N_AREAS; area++)
    {
      int score = unknot_check_in_page_get_score (self->check_in_page, area);
      const UnknotPainEntry *before = unknot_pain_diary_get_latest (diary, area);
      guint before_score = before ? before->score : 0;
      gboolean paired = before != NULL && before->phase == UNKNOT_PHASE_BEFORE &&
                        g_str_equal (before->routine_id, routine_id);
      g_autoptr (GError) error = NULL;

      if (score < 0)
        continue;
      if (!unknot_pain_diary_append (diary, now, area, (guint) score, routine_id, phase,
                                     unknot_check_in_page_get_note (self->check_in_page), &error))
        {
          unknot_window_add_toast (self, error->message);
          return NULL;
        }
      *severe = *severe || score >= 7;
      if (phase == UNKNOT_PHASE_AFTER && paired)
        /* Translators: "Low back 6 → 3"; several are joined with ", " */
        g_string_append_printf (changes, "%s%s %u → %d", changes->len ? _ (", ") : "",
                                unknot_area_get_label (area), before_score, score);
    }
  return changes->len > 0 ? g_string_free (g_steal_pointer (&changes), FALSE) : NULL;
}

static void
leave_check_in (UnknotWindow *self)
{
  UnknotPhase phase = unknot_check_in_page_get_phase (self->check_in_page);
  g_autoptr (UnknotRoutine) routine = g_steal_pointer (&self->check_in_routine);

  if (phase == UNKNOT_PHASE_BEFORE && routine != NULL)
    {
      begin_session (self, routine);
      return;
    }
  gtk_stack_set_visible_child_name (self->main_stack, "main");
  leaflet_visible_child_cb (self);
}

static void
check_in_done_cb (UnknotWindow *self)
{
  gboolean severe = FALSE;
  g_autofree char *changes = record_check_in (self, &severe);

  if (changes != NULL)
    unknot_window_add_toast (self, changes);
  leave_check_in (self);
  if (severe)
    warn_severe (self);
}

static void
check_in_skipped_cb (UnknotWindow *self)
{
  leave_check_in (self);
}

/* A check-in on its own: about one area (its id as parameter), or the usual places. */
static void
check_in_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);
  UnknotArea area;

  g_clear_object (&self->check_in_routine);
  if (unknot_area_from_id (g_variant_get_string (parameter, NULL), &area))
    ask_pain (self, UNKNOT_PHASE_CHECK_IN, NULL, (int) area);
  else
    ask_pain (self, UNKNOT_PHASE_CHECK_IN, NULL, -1);
}

/**
 * unknot_window_start_routine:
 *
 * Opens the player on the routine with @routine_id and counts in.  On the very first
 * run the safety notes come first; the routine starts once they are acknowledged.
 *
 * Returns: %FALSE if there is no such routine
 */
gboolean
unknot_window_start_routine (UnknotWindow *self, const char *routine_id)
{
  UnknotSession *current;
  UnknotRoutine *routine;

  g_return_val_if_fail (UNKNOT_IS_WINDOW (self), FALSE);

  routine = unknot_routine_library_lookup (self->library, routine_id);
  if (routine == NULL)
    return FALSE;

  if (!g_settings_get_boolean (self->settings, "safety-acknowledged"))
    {
      g_free (self->pending_routine_id);
      self->pending_routine_id = g_strdup (routine_id);
      unknot_first_run_show_safety (get_first_run (self));
      gtk_stack_set_visible_child_name (self->main_stack, "first-run");
      return TRUE;
    }
  /* Started from the first run's suggestion: the first run is over. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "first-run") == 0)
    g_settings_set_boolean (self->settings, "first-run-done", TRUE);

  current = get_session (self);
  if (current != NULL && (unknot_session_is_running (current) ||
                          unknot_session_get_state (current) == UNKNOT_SESSION_STATE_PAUSED))
    {
      unknot_window_add_toast (self, _ ("A routine is already running"));
      return TRUE;
    }

  /* Underneath the player, so that closing it returns to the routine. */
  unknot_window_show_routine (self, routine_id);

  if (g_settings_get_boolean (self->settings, "ask-pain-before"))
    {
      g_set_object (&self->check_in_routine, routine);
      ask_pain (self, UNKNOT_PHASE_BEFORE, routine, -1);
      return TRUE;
    }
  begin_session (self, routine);
  return TRUE;
}

static void
player_closed_cb (UnknotWindow *self)
{
  UnknotApplication *app = get_app (self);
  UnknotSession *session = get_session (self);

  if (session != NULL)
    {
      unknot_session_stop (session);
      if (app != NULL)
        unknot_application_detach_session (app, session);
    }
  if (self->player_page != NULL)
    unknot_player_page_set_session (self->player_page, NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "main");
  leaflet_visible_child_cb (self);
}

/* A routine's page, from the Body page's list of routines for a part. */
static void
show_routine_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  unknot_window_show_routine (UNKNOT_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
start_routine_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  unknot_window_start_routine (UNKNOT_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Done or skipped, the safety notes acknowledged: the routines, with the suggestion on
 * top, or the routine `--routine` asked for. */
static void
first_run_finished_cb (UnknotWindow *self)
{
  g_autofree char *pending = g_steal_pointer (&self->pending_routine_id);

  g_settings_set_boolean (self->settings, "first-run-done", TRUE);
  adw_view_stack_set_visible_child_name (self->view_stack, "routines");
  gtk_stack_set_visible_child_name (self->main_stack, "main");
  leaflet_visible_child_cb (self);
  if (pending != NULL)
    unknot_window_start_routine (self, pending);
}

/* "Set Up Again…": the first run from its welcome, with the answers given before. */
static void
first_run_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  UnknotWindow *self = UNKNOT_WINDOW (widget);

  /* Never over a running routine or a check-in. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "main") != 0)
    return;
  unknot_first_run_start (get_first_run (self));
  gtk_stack_set_visible_child_name (self->main_stack, "first-run");
  leaflet_visible_child_cb (self);
}

/* The disk refused the diary (full, read-only): the scores are kept and retried. */
static void
diary_saved_cb (UnknotWindow *self, GParamSpec *pspec, UnknotPainDiary *diary)
{
  AdwToast *toast;

  if (unknot_pain_diary_get_saved (diary))
    toast = adw_toast_new (_ ("Your pain diary is saved again"));
  else
    {
      g_autofree char *text =
        g_strdup_printf (_ ("Your scores are kept in Unknot but not yet saved. %s"),
                         unknot_pain_diary_get_save_problem (diary));
      /* The problem quotes a path, which may hold "&": a toast's title is markup. */
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      toast = adw_toast_new (escaped);
      adw_toast_set_timeout (toast, 0);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Told once, when the window first shows: what was damaged, and what was recovered. */
static gboolean
show_rescue_report (gpointer data)
{
  UnknotWindow *self = data;
  UnknotApplication *app = get_app (self);
  const char *report = unknot_pain_diary_get_rescue_report (unknot_application_get_diary (app));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _ ("Your Pain Diary Was Damaged"), report);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  return G_SOURCE_REMOVE;
}

/* Once the window is on the screen, so that the dialog comes above it. */
static void
show_rescue_report_cb (UnknotWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, show_rescue_report_cb, NULL);
  g_idle_add_full (G_PRIORITY_LOW, show_rescue_report, g_object_ref (self), g_object_unref);
}

/* The shortcuts window, built when first asked for (GtkApplication would build it with
 * every window, from gtk/help-overlay.ui, before the first frame).
 * GTK 4.8's shortcuts window asks for a 40-character search entry, about 400 px: wider
 * than a phone.  Its sections are one column each, so a shorter entry lets it fit. */
static void
show_help_overlay_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr (GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_BASE_PATH "/help-overlay.ui");
      g_autoptr (GPtrArray) entries = g_ptr_array_new ();

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
      unknot_widget_collect (GTK_WIDGET (overlay), GTK_TYPE_SEARCH_ENTRY, entries);
      for (guint i = 0; i < entries->len; i++)
        gtk_editable_set_width_chars (GTK_EDITABLE (g_ptr_array_index (entries, i)), 20);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

/* GtkWindow:application is not a construct property, so the window is set up here,
 * once it is known, rather than in constructed(). */
static void
unknot_window_setup (UnknotWindow *self, UnknotApplication *app)
{
  /* The diary first: a damaged one is recovered before anything writes the settings. */
  UnknotPainDiary *diary = unknot_application_get_diary (app);

  g_signal_connect_object (diary, "notify::saved", G_CALLBACK (diary_saved_cb), self,
                           G_CONNECT_SWAPPED);
  if (unknot_pain_diary_get_rescue_report (diary) != NULL)
    g_signal_connect (self, "map", G_CALLBACK (show_rescue_report_cb), NULL);

  self->settings = g_object_ref (unknot_application_get_settings (app));
  self->library = g_object_ref (unknot_application_get_library (app));

  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  if (!g_settings_get_boolean (self->settings, "first-run-done"))
    {
      unknot_first_run_start (get_first_run (self));
      gtk_stack_set_visible_child_name (self->main_stack, "first-run");
    }
  else if (!g_settings_get_boolean (self->settings, "safety-acknowledged"))
    {
      unknot_first_run_show_safety (get_first_run (self));
      gtk_stack_set_visible_child_name (self->main_stack, "first-run");
    }
  else
    gtk_stack_set_visible_child_name (self->main_stack, "main");
  populate_routines (self);
  view_visible_child_cb (self);
  leaflet_visible_child_cb (self);
}

static void
unknot_window_dispose (GObject *object)
{
  UnknotWindow *self = UNKNOT_WINDOW (object);

  if (get_session (self) != NULL)
    player_closed_cb (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_WINDOW);
  /* After the template: its switcher title may still tell of a change as it goes. */
  g_clear_handle_id (&self->switcher_bar_idle, g_source_remove);
  self->player_page = NULL;
  self->body_page = NULL;
  self->check_in_page = NULL;
  self->first_run = NULL;
  g_clear_pointer (&self->pending_routine_id, g_free);
  g_clear_object (&self->check_in_routine);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (unknot_window_parent_class)->dispose (object);
}

/* For the start-up benchmark: the monotonic time of the first frame, on stderr. */
static void
first_frame_cb (GdkFrameClock *frame_clock, UnknotWindow *self)
{
  struct timespec cpu;

  g_signal_handlers_disconnect_by_func (frame_clock, first_frame_cb, self);
  g_printerr ("unknot-first-frame: %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  /* And the CPU time the process has used so far, all its threads. */
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &cpu);
  g_printerr ("unknot-first-frame-cpu: %" G_GINT64_FORMAT "\n",
              (gint64) cpu.tv_sec * G_USEC_PER_SEC + cpu.tv_nsec / 1000);
}

static void
unknot_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (unknot_window_parent_class)->realize (widget);

  /* The first frame is on the screen at its after-paint: reported then, before the
   * rest of the list is built. */
  if (g_getenv ("UNKNOT_REPORT_FIRST_FRAME") != NULL)
    g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                      G_CALLBACK (first_frame_cb), widget);

  if (!UNKNOT_WINDOW (widget)->list_complete)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (first_paint_cb), widget, 0);
}

static void
unknot_window_class_init (UnknotWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_window_dispose;
  GTK_WIDGET_CLASS (klass)->realize = unknot_window_realize;

  g_type_ensure (UNKNOT_TYPE_BODY_PAGE);
  g_type_ensure (UNKNOT_TYPE_CHECK_IN_PAGE);
  g_type_ensure (UNKNOT_TYPE_FIRST_RUN);
  g_type_ensure (UNKNOT_TYPE_PLAYER_PAGE);
  g_type_ensure (UNKNOT_TYPE_PROGRESS_PAGE);
  g_type_ensure (UNKNOT_TYPE_RAISED_BOX);
  g_type_ensure (UNKNOT_TYPE_ROUTINE_PAGE);
  g_type_ensure (UNKNOT_TYPE_SAFETY_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/unknot-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, home_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, routines_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, body_bin);
  gtk_widget_class_bind_template_child (widget_class, UnknotWindow, progress_bin);
  gtk_widget_class_bind_template_callback (widget_class, view_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_visible_cb);

  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.start-routine", "s", start_routine_action);
  gtk_widget_class_install_action (widget_class, "win.show-routine", "s", show_routine_action);
  gtk_widget_class_install_action (widget_class, "win.first-run", NULL, first_run_action);
  gtk_widget_class_install_action (widget_class, "win.check-in", "s", check_in_action);
}

static void
unknot_window_init (UnknotWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu, self, NULL);
  /* libadwaita leaves its switchers unnamed: a screen reader would say "AdwViewSwitcher". */
  unknot_widget_name_all (GTK_WIDGET (self->switcher_title), ADW_TYPE_VIEW_SWITCHER, _ ("Views"));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

UnknotWindow *
unknot_window_new (UnknotApplication *application)
{
  UnknotWindow *self = g_object_new (UNKNOT_TYPE_WINDOW, "application", application, NULL);

  unknot_window_setup (self, application);
  return self;
}
