/* unknot-first-run.c: welcome, what brings you, where it hurts, safety, a first suggestion
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-coach-card.h"
#include "unknot-first-run.h"
#include "unknot-pain-diary.h"
#include "unknot-safety-view.h"
#include "unknot-vocabulary.h"
#include "unknot-widget-walk.h"

/* Every answer is stored as soon as it is given, so skipping keeps what was answered.
 * Skip leads to the routines, except that the safety notes must have been acknowledged
 * once: until they are, Skip leads to them, and acknowledging them finishes. */

typedef enum
{
  PAGE_WELCOME,
  PAGE_PROBLEMS,
  PAGE_AREAS,
  PAGE_SAFETY,
  PAGE_RED_FLAGS,
  PAGE_SUGGESTION,
  N_PAGES
} Page;

static const char *const page_names[] = {
  "welcome", "problems", "areas", "safety", "red-flags", "suggestion",
};
G_STATIC_ASSERT (G_N_ELEMENTS (page_names) == N_PAGES);

struct _UnknotFirstRun
{
  AdwBin parent_instance;

  AdwWindowTitle *window_title;
  GtkWidget *back_button;
  GtkWidget *skip_button;
  GtkStack *stack;
  AdwPreferencesGroup *problems_group;
  AdwPreferencesGroup *back_group;
  AdwPreferencesGroup *buttocks_group;
  AdwPreferencesGroup *hips_group;
  AdwPreferencesGroup *legs_group;
  AdwPreferencesGroup *knees_group;
  UnknotCoachCard *coach_card;

  GtkWidget *problem_checks[UNKNOT_N_PROBLEMS];
  GtkWidget *area_checks[UNKNOT_N_AREAS];

  GSettings *settings;
  Page page;
  gboolean safety_only; /* Skip was pressed before the safety notes were acknowledged */
  gboolean loading;     /* setting the check buttons from the settings */
};

G_DEFINE_FINAL_TYPE (UnknotFirstRun, unknot_first_run, ADW_TYPE_BIN)

enum
{
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
safety_acknowledged (UnknotFirstRun *self)
{
  return self->settings != NULL && g_settings_get_boolean (self->settings, "safety-acknowledged");
}

static void
show_page (UnknotFirstRun *self, Page page)
{
  g_autofree char *title = NULL;
  guint step = 0;

  self->page = page;
  switch (page)
    {
    case PAGE_WELCOME:
      title = g_strdup (_ ("Welcome"));
      break;
    case PAGE_PROBLEMS:
      step = 1;
      break;
    case PAGE_AREAS:
      step = 2;
      break;
    case PAGE_SAFETY:
    case PAGE_RED_FLAGS:
      step = 3;
      break;
    case PAGE_SUGGESTION:
      title = g_strdup (_ ("Where to Start"));
      break;
    case N_PAGES:
    default:
      g_return_if_reached ();
    }

  /* The page says what it asks; the header bar, narrow on a phone, says how far along. */
  if (step > 0 && self->safety_only)
    title = g_strdup (_ ("Safety"));
  else if (step > 0)
    /* Translators: the first-run steps, "Step 2 of 3" */
    title = g_strdup_printf (_ ("Step %u of %u"), step, 3);
  adw_window_title_set_title (self->window_title, title);

  gtk_widget_set_visible (self->back_button, page != PAGE_WELCOME && !self->safety_only);
  gtk_widget_set_visible (self->skip_button, page != PAGE_SUGGESTION &&
                                               (page != PAGE_SAFETY || safety_acknowledged (self)));

  gtk_stack_set_visible_child_name (self->stack, page_names[page]);
  if (page == PAGE_SUGGESTION)
    unknot_coach_card_refresh (self->coach_card);

  /* Keyboard and screen reader continue on the new page, not on a hidden button. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_child_focus (gtk_stack_get_visible_child (self->stack), GTK_DIR_TAB_FORWARD);
}

static void
finish (UnknotFirstRun *self)
{
  self->safety_only = FALSE;
  g_signal_emit (self, signals[FINISHED], 0);
}

static void
next_clicked_cb (UnknotFirstRun *self)
{
  if (self->page + 1 < N_PAGES)
    show_page (self, self->page + 1);
}

static void
back_clicked_cb (UnknotFirstRun *self)
{
  if (self->page > PAGE_WELCOME)
    show_page (self, self->page - 1);
}

static void
skip_clicked_cb (UnknotFirstRun *self)
{
  if (safety_acknowledged (self))
    {
      finish (self);
      return;
    }
  self->safety_only = TRUE;
  show_page (self, PAGE_SAFETY);
}

static void
safety_acknowledged_cb (UnknotFirstRun *self)
{
  g_settings_set_boolean (self->settings, "safety-acknowledged", TRUE);
  if (self->safety_only)
    finish (self);
  else
    show_page (self, PAGE_RED_FLAGS);
}

static void
answer_red_flags (UnknotFirstRun *self, gboolean red_flags)
{
  g_settings_set_boolean (self->settings, "red-flags", red_flags);
  show_page (self, PAGE_SUGGESTION);
}

static void
no_clicked_cb (UnknotFirstRun *self)
{
  answer_red_flags (self, FALSE);
}

static void
yes_clicked_cb (UnknotFirstRun *self)
{
  answer_red_flags (self, TRUE);
}

static void
done_clicked_cb (UnknotFirstRun *self)
{
  finish (self);
}

/* Writes the ids of the checked buttons, in the order of @checks. */
static void
store_checks (UnknotFirstRun *self,
              const char *key,
              GtkWidget *const *checks,
              guint n_checks,
              const char *(*get_id) (guint index))
{
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();

  if (self->loading || self->settings == NULL)
    return;

  for (guint i = 0; i < n_checks; i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (checks[i])))
      g_ptr_array_add (ids, (gpointer) get_id (i));
  g_ptr_array_add (ids, NULL);
  g_settings_set_strv (self->settings, key, (const char *const *) ids->pdata);
}

static const char *
problem_id (guint index)
{
  return unknot_vocabulary_get_id (UNKNOT_VOCABULARY_PROBLEM, index);
}

static const char *
area_id (guint index)
{
  return unknot_area_get_id (index);
}

static void
problem_toggled_cb (UnknotFirstRun *self)
{
  store_checks (self, "problems", self->problem_checks, UNKNOT_N_PROBLEMS, problem_id);
}

static void
area_toggled_cb (UnknotFirstRun *self)
{
  store_checks (self, "pain-areas", self->area_checks, UNKNOT_N_AREAS, area_id);
}

static void
load_checks (UnknotFirstRun *self,
             const char *key,
             GtkWidget *const *checks,
             guint n_checks,
             const char *(*get_id) (guint index))
{
  g_auto (GStrv) stored = g_settings_get_strv (self->settings, key);

  for (guint i = 0; i < n_checks; i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (checks[i]),
                                 g_strv_contains ((const char *const *) stored, get_id (i)));
}

static void
load_answers (UnknotFirstRun *self)
{
  self->loading = TRUE;
  load_checks (self, "problems", self->problem_checks, UNKNOT_N_PROBLEMS, problem_id);
  load_checks (self, "pain-areas", self->area_checks, UNKNOT_N_AREAS, area_id);
  self->loading = FALSE;
}

/* A row with a check button, which the row names for screen readers. */
static GtkWidget *
add_check_row (AdwPreferencesGroup *group, const char *title, GCallback toggled, gpointer data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (check, "toggled", toggled, data);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (group, row);
  return check;
}

static void
add_rows (UnknotFirstRun *self)
{
  const struct
  {
    UnknotArea area;
    AdwPreferencesGroup *group;
  } areas[] = {
    { UNKNOT_AREA_LOW_BACK, self->back_group },
    { UNKNOT_AREA_BUTTOCK_LEFT, self->buttocks_group },
    { UNKNOT_AREA_BUTTOCK_RIGHT, self->buttocks_group },
    { UNKNOT_AREA_HIP_LEFT, self->hips_group },
    { UNKNOT_AREA_HIP_RIGHT, self->hips_group },
    { UNKNOT_AREA_LEG_LEFT, self->legs_group },
    { UNKNOT_AREA_LEG_RIGHT, self->legs_group },
    { UNKNOT_AREA_KNEE_LEFT, self->knees_group },
    { UNKNOT_AREA_KNEE_RIGHT, self->knees_group },
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (areas) == UNKNOT_N_AREAS);

  for (guint problem = 0; problem < UNKNOT_N_PROBLEMS; problem++)
    self->problem_checks[problem] = add_check_row (
      self->problems_group, unknot_vocabulary_get_label (UNKNOT_VOCABULARY_PROBLEM, problem),
      G_CALLBACK (problem_toggled_cb), self);
  /* The group has no title (the question above it is the page's heading). */
  unknot_widget_name_all (GTK_WIDGET (self->problems_group), GTK_TYPE_LIST_BOX,
                          _ ("What Brings You to Unknot?"));

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    self->area_checks[areas[i].area] = add_check_row (
      areas[i].group, unknot_area_get_label (areas[i].area), G_CALLBACK (area_toggled_cb), self);
}

/**
 * unknot_first_run_set_sources:
 * @settings: where the answers go: `problems`, `pain-areas`, `red-flags`,
 *   `safety-acknowledged`
 *
 * Also what the suggestion at the end is made from.
 */
void
unknot_first_run_set_sources (UnknotFirstRun *self,
                              GSettings *settings,
                              UnknotPainDiary *diary,
                              UnknotRoutineLibrary *library)
{
  g_return_if_fail (UNKNOT_IS_FIRST_RUN (self));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (self->settings == NULL);

  self->settings = g_object_ref (settings);
  unknot_coach_card_set_sources (self->coach_card, settings, diary, library);
  load_answers (self);
}

/**
 * unknot_first_run_start:
 *
 * From the welcome, with the answers given before, if any.
 */
void
unknot_first_run_start (UnknotFirstRun *self)
{
  g_return_if_fail (UNKNOT_IS_FIRST_RUN (self));

  self->safety_only = FALSE;
  load_answers (self);
  show_page (self, PAGE_WELCOME);
}

/**
 * unknot_first_run_show_safety:
 *
 * Only the safety notes: acknowledging them finishes.
 */
void
unknot_first_run_show_safety (UnknotFirstRun *self)
{
  g_return_if_fail (UNKNOT_IS_FIRST_RUN (self));

  self->safety_only = TRUE;
  show_page (self, PAGE_SAFETY);
}

static void
unknot_first_run_dispose (GObject *object)
{
  UnknotFirstRun *self = UNKNOT_FIRST_RUN (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_FIRST_RUN);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (unknot_first_run_parent_class)->dispose (object);
}

static void
unknot_first_run_class_init (UnknotFirstRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_first_run_dispose;

  /**
   * UnknotFirstRun::finished:
   *
   * Done or skipped, with the safety notes acknowledged: time for the routines.
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (UNKNOT_TYPE_COACH_CARD);
  g_type_ensure (UNKNOT_TYPE_SAFETY_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/unknot-first-run.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotFirstRun, window_title);
  gtk_widget_class_bind_template_child (widget_class, UnknotFirstRun, back_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotFirstRun, skip_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotFirstRun, stack);
  gtk_widget_class_bind_template_child (widget_class, UnknotFirstRun, problems_group);
  gtk_widget_class_bind_template_child (widget_class, UnknotFirstRun, back_group);
  gtk_widget_class_bind_template_child (widget_class, UnknotFirstRun, buttocks_group);
  gtk_widget_class_bind_template_child (widget_class, UnknotFirstRun, hips_group);
  gtk_widget_class_bind_template_child (widget_class, UnknotFirstRun, legs_group);
  gtk_widget_class_bind_template_child (widget_class, UnknotFirstRun, knees_group);
  gtk_widget_class_bind_template_child (widget_class, UnknotFirstRun, coach_card);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, skip_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, safety_acknowledged_cb);
  gtk_widget_class_bind_template_callback (widget_class, no_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, yes_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked_cb);
}

static void
unknot_first_run_init (UnknotFirstRun *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_rows (self);
  show_page (self, PAGE_WELCOME);
}

GtkWidget *
unknot_first_run_new (void)
{
  return g_object_new (UNKNOT_TYPE_FIRST_RUN, NULL);
}
