/* unknot-body-page.c: the anatomy, and what a part does, why it hurts and what helps
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The picture with its layers, and beside it (below it in a narrow window) what the
 * person picked: what it is, why it can hurt the knee, the hip, the low back or down the
 * leg, the routines that work on it, and a check-in for where it is felt.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-anatomy.h"
#include "unknot-anatomy-view.h"
#include "unknot-body-page.h"
#include "unknot-pain-diary.h"
#include "unknot-routine.h"
#include "unknot-routine-library.h"

/* Wider than this, the details stand beside the picture. */
#define NARROW_WIDTH 600
#define DETAILS_WIDTH 360
/* Older scores are not coloured in: they say little about today. */
#define PAIN_SHOWN_DAYS 28

struct _UnknotBodyPage
{
  AdwBin parent_instance;

  GtkScrolledWindow *scroller;
  GtkViewport *viewport;
  GtkBox *layout_box;
  GtkWidget *picture_box;
  GtkWidget *details_box;
  GtkScrolledWindow *details_scroller;
  UnknotAnatomyView *view;
  GtkLabel *title_label;
  GtkLabel *kind_label;
  GtkLabel *description_label;
  GtkWidget *caution_box;
  GtkLabel *caution_label;
  AdwPreferencesGroup *why_group;
  AdwActionRow *knee_row;
  AdwActionRow *hip_row;
  AdwActionRow *low_back_row;
  AdwActionRow *leg_row;
  AdwPreferencesGroup *routines_group;
  GtkWidget *check_in_button;

  GSimpleAction *depth_action;
  UnknotRoutineLibrary *library;
  UnknotPainDiary *diary;
  GPtrArray *routine_rows;
  int narrow;       /* -1 until the first allocation */
  int wide_minimum; /* the width the details need beside the picture */
};

G_DEFINE_FINAL_TYPE (UnknotBodyPage, unknot_body_page, ADW_TYPE_BIN)

static void
set_row (AdwActionRow *row, const char *text)
{
  gtk_widget_set_visible (GTK_WIDGET (row), text != NULL);
  adw_action_row_set_subtitle (row, text != NULL ? text : "");
}

static GtkWidget *
create_routine_row (UnknotRoutine *routine)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE, "icon-name", "go-next-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), unknot_routine_get_name (routine));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), unknot_routine_get_summary (routine));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-routine");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", unknot_routine_get_id (routine));
  return row;
}

static void
update_routines (UnknotBodyPage *self, const UnknotAnatomyPart *part)
{
  for (guint i = 0; i < self->routine_rows->len; i++)
    adw_preferences_group_remove (self->routines_group, g_ptr_array_index (self->routine_rows, i));
  g_ptr_array_set_size (self->routine_rows, 0);

  for (guint i = 0;
       self->library != NULL && i < unknot_routine_library_get_n_routines (self->library); i++)
    {
      UnknotRoutine *routine = unknot_routine_library_get_routine (self->library, i);

      if (unknot_anatomy_part_is_worked_by (part, routine))
        g_ptr_array_add (self->routine_rows, create_routine_row (routine));
    }

  if (self->routine_rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     part->kind == UNKNOT_ANATOMY_KIND_BONE
                                       ? _ ("No routine works on bone")
                                       : _ ("No routine works on this yet"));
      g_ptr_array_add (self->routine_rows, row);
    }
  for (guint i = 0; i < self->routine_rows->len; i++)
    adw_preferences_group_add (self->routines_group, g_ptr_array_index (self->routine_rows, i));
}

static void
show_part (UnknotBodyPage *self, const UnknotAnatomyPart *part)
{
  const char *caution = part != NULL ? unknot_anatomy_part_get_caution (part) : NULL;
  g_autofree char *kind = NULL;
  g_autofree char *check_in = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->kind_label), part != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->why_group), part != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->routines_group), part != NULL);
  gtk_widget_set_visible (self->check_in_button, part != NULL);
  gtk_widget_set_visible (self->caution_box, caution != NULL);
  gtk_label_set_text (self->caution_label, caution != NULL ? caution : "");

  if (part == NULL)
    {
      gtk_label_set_text (self->title_label, _ ("Where Does It Hurt?"));
      gtk_label_set_text (self->description_label,
                          _ ("Choose a part of the picture to learn what it does, why it can hurt "
                             "and which routines work on it. Peel the layers to see the deep "
                             "muscles, the sciatic nerve and the bones; on the skin, choose where "
                             "you feel pain."));
      return;
    }

  gtk_label_set_text (self->title_label, unknot_anatomy_part_get_name (part));
  if (part->kind == UNKNOT_ANATOMY_KIND_AREA)
    kind = g_strdup (unknot_anatomy_part_get_kind_label (part));
  else
    /* Translators: what a part is and where a person feels it: "Deep muscle · Felt in: Left
     * buttock" */
    kind = g_strdup_printf (_ ("%s · Felt in: %s"), unknot_anatomy_part_get_kind_label (part),
                            unknot_area_get_label (part->area));
  gtk_label_set_text (self->kind_label, kind);
  gtk_label_set_text (self->description_label, unknot_anatomy_part_get_description (part));

  set_row (self->knee_row, unknot_anatomy_part_get_knee (part));
  set_row (self->hip_row, unknot_anatomy_part_get_hip (part));
  set_row (self->low_back_row, unknot_anatomy_part_get_low_back (part));
  set_row (self->leg_row, unknot_anatomy_part_get_leg (part));
  gtk_widget_set_visible (GTK_WIDGET (self->why_group),
                          unknot_anatomy_part_get_knee (part) != NULL ||
                            unknot_anatomy_part_get_hip (part) != NULL ||
                            unknot_anatomy_part_get_low_back (part) != NULL ||
                            unknot_anatomy_part_get_leg (part) != NULL);

  update_routines (self, part);

  /* Translators: the check-in button of the Body page: "Check In: Left buttock" */
  check_in = g_strdup_printf (_ ("Check In: %s"), unknot_area_get_label (part->area));
  gtk_button_set_label (GTK_BUTTON (self->check_in_button), check_in);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->check_in_button), "s",
                                    unknot_area_get_id (part->area));
}

static void
selected_cb (UnknotBodyPage *self)
{
  show_part (self, unknot_anatomy_lookup (unknot_anatomy_view_get_selected (self->view)));
}

static void
depth_cb (UnknotBodyPage *self)
{
  UnknotAnatomyDepth depth = unknot_anatomy_view_get_depth (self->view);

  g_simple_action_set_state (self->depth_action,
                             g_variant_new_string (unknot_anatomy_depth_get_id (depth)));
}

static void
change_depth_cb (GSimpleAction *action, GVariant *value, UnknotBodyPage *self)
{
  UnknotAnatomyDepth depth;

  if (unknot_anatomy_depth_from_id (g_variant_get_string (value, NULL), &depth))
    unknot_anatomy_view_set_depth (self->view, depth);
}

/* The latest score of each area, if recent, coloured in on the picture. */
static void
update_pain (UnknotBodyPage *self)
{
  gint64 since = g_get_real_time () / G_USEC_PER_SEC - PAIN_SHOWN_DAYS * 24 * 60 * 60;

  for (UnknotArea area = 0; area < UNKNOT_N_AREAS; area++)
    {
      const UnknotPainEntry *entry =
        self->diary != NULL ? unknot_pain_diary_get_latest (self->diary, area) : NULL;

      unknot_anatomy_view_set_pain (self->view, unknot_area_get_id (area),
                                    entry != NULL && entry->time >= since ? entry->score : -1);
    }
}

/**
 * unknot_body_page_setup:
 * @library: the routines to offer for a part
 * @diary: (nullable): the scores to colour the areas with
 */
void
unknot_body_page_setup (UnknotBodyPage *self, UnknotRoutineLibrary *library, UnknotPainDiary *diary)
{
  g_return_if_fail (UNKNOT_IS_BODY_PAGE (self));
  g_return_if_fail (UNKNOT_IS_ROUTINE_LIBRARY (library));
  g_return_if_fail (diary == NULL || UNKNOT_IS_PAIN_DIARY (diary));

  g_set_object (&self->library, library);
  if (self->diary != NULL)
    g_signal_handlers_disconnect_by_data (self->diary, self);
  g_set_object (&self->diary, diary);
  if (diary != NULL)
    g_signal_connect_swapped (diary, "changed", G_CALLBACK (update_pain), self);
  update_pain (self);
  selected_cb (self);
}

/**
 * unknot_body_page_get_view:
 *
 * Returns: (transfer none): the page's anatomy view
 */
UnknotAnatomyView *
unknot_body_page_get_view (UnknotBodyPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_BODY_PAGE (self), NULL);
  return self->view;
}

/* Beside when wide, below when narrow.  Wide, the picture fills the height and the details
 * scroll on their own; narrow, the page scrolls as one. */
static void
set_narrow (UnknotBodyPage *self, gboolean narrow)
{
  if (self->narrow == narrow)
    return;
  self->narrow = narrow;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->layout_box),
                                  narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER,
                                  narrow ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER);
  gtk_scrollable_set_vscroll_policy (GTK_SCROLLABLE (self->viewport),
                                     narrow ? GTK_SCROLL_NATURAL : GTK_SCROLL_MINIMUM);
  gtk_scrolled_window_set_policy (self->details_scroller, GTK_POLICY_NEVER,
                                  narrow ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (GTK_WIDGET (self->details_scroller), narrow ? -1 : DETAILS_WIDTH,
                               -1);
}

/* The page asks no more width than it needs narrow, so that the window can get narrow;
 * it goes narrow before it would get less than it needs wide. */
static void
unknot_body_page_measure (GtkWidget *widget,
                          GtkOrientation orientation,
                          int for_size,
                          int *minimum,
                          int *natural,
                          int *minimum_baseline,
                          int *natural_baseline)
{
  UnknotBodyPage *self = UNKNOT_BODY_PAGE (widget);
  int picture, details;

  gtk_widget_measure (GTK_WIDGET (self->scroller), orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
  if (orientation != GTK_ORIENTATION_HORIZONTAL)
    return;

  if (self->narrow != TRUE)
    self->wide_minimum = *minimum;
  gtk_widget_measure (self->picture_box, GTK_ORIENTATION_HORIZONTAL, -1, &picture, NULL, NULL,
                      NULL);
  gtk_widget_measure (self->details_box, GTK_ORIENTATION_HORIZONTAL, -1, &details, NULL, NULL,
                      NULL);
  *minimum = MIN (*minimum, MAX (picture, details) +
                              gtk_widget_get_margin_start (GTK_WIDGET (self->layout_box)) +
                              gtk_widget_get_margin_end (GTK_WIDGET (self->layout_box)));
  *natural = MAX (*natural, *minimum);
}

static void
unknot_body_page_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  UnknotBodyPage *self = UNKNOT_BODY_PAGE (widget);

  set_narrow (self, width <= MAX (NARROW_WIDTH, self->wide_minimum - 1));
  gtk_widget_allocate (GTK_WIDGET (self->scroller), width, height, baseline, NULL);
}

static void
unknot_body_page_dispose (GObject *object)
{
  UnknotBodyPage *self = UNKNOT_BODY_PAGE (object);

  if (self->diary != NULL)
    g_signal_handlers_disconnect_by_data (self->diary, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_BODY_PAGE);
  g_clear_object (&self->diary);
  g_clear_object (&self->library);
  g_clear_object (&self->depth_action);

  G_OBJECT_CLASS (unknot_body_page_parent_class)->dispose (object);
}

static void
unknot_body_page_finalize (GObject *object)
{
  UnknotBodyPage *self = UNKNOT_BODY_PAGE (object);

  g_ptr_array_unref (self->routine_rows);

  G_OBJECT_CLASS (unknot_body_page_parent_class)->finalize (object);
}

static void
unknot_body_page_class_init (UnknotBodyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_body_page_dispose;
  object_class->finalize = unknot_body_page_finalize;
  widget_class->measure = unknot_body_page_measure;
  widget_class->size_allocate = unknot_body_page_size_allocate;

  g_type_ensure (UNKNOT_TYPE_ANATOMY_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/unknot-body-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotBodyPage, viewport);
  gtk_widget_class_bind_template_child (widget_class, UnknotBodyPage, layout_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotBodyPage, picture_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotBodyPage, details_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotBodyPage, details_scroller);
  gtk_widget_class_bind_template_child (widget_class, UnknotBodyPage, view);
  gtk_widget_class_bind_template_child (widget_class, UnknotBodyPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotBodyPage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotBodyPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotBodyPage, caution_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotBodyPage, caution_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotBodyPage, why_group);
  gtk_widget_class_bind_template_child (widget_class, UnknotBodyPage, knee_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotBodyPage, hip_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotBodyPage, low_back_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotBodyPage, leg_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotBodyPage, routines_group);
  gtk_widget_class_bind_template_child (widget_class, UnknotBodyPage, check_in_button);
  gtk_widget_class_bind_template_callback (widget_class, selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, depth_cb);
}

static void
unknot_body_page_init (UnknotBodyPage *self)
{
  g_autoptr (GSimpleActionGroup) group = g_simple_action_group_new ();

  self->narrow = -1;
  self->routine_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a bound template child: AdwBin unparents its child itself, and disposing the
   * template would unparent it a second time. */
  self->scroller = GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (self)));
  /* AdwBin lays its child out with a GtkBinLayout; this page does it itself, to turn. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);

  self->depth_action =
    g_simple_action_new_stateful ("depth", G_VARIANT_TYPE_STRING,
                                  g_variant_new_string (unknot_anatomy_depth_get_id (
                                    unknot_anatomy_view_get_depth (self->view))));
  g_signal_connect (self->depth_action, "change-state", G_CALLBACK (change_depth_cb), self);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (self->depth_action));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "body", G_ACTION_GROUP (group));
  set_narrow (self, FALSE);
}
