/* unknot-routine-page.c: one routine, its steps, what it needs and its cautions
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-routine.h"
#include "unknot-routine-page.h"
#include "unknot-vocabulary.h"
#include "unknot-widget-walk.h"

struct _UnknotRoutinePage
{
  AdwBin parent_instance;

  AdwWindowTitle *window_title;
  GtkScrolledWindow *scroller;
  GtkLabel *name_label;
  GtkLabel *facts_label;
  GtkLabel *summary_label;
  AdwPreferencesGroup *tools_group;
  AdwPreferencesGroup *steps_group;
  AdwActionRow *safety_row;
  GtkWidget *start_button;

  UnknotRoutine *routine;
  GPtrArray *rows; /* rows added for the current routine: (group, row) pairs */
};

G_DEFINE_FINAL_TYPE (UnknotRoutinePage, unknot_routine_page, ADW_TYPE_BIN)

static const char *tool_icons[] = {
  [UNKNOT_TOOL_NONE] = "unknot-body-symbolic",
  [UNKNOT_TOOL_FOAM_ROLLER] = "unknot-foam-roller-symbolic",
  [UNKNOT_TOOL_MASSAGE_BALL] = "unknot-massage-ball-symbolic",
};

/**
 * unknot_routine_describe_tools:
 *
 * Returns: (transfer full): the tools a routine needs, as a person reads them
 */
char *
unknot_routine_describe_tools (UnknotRoutine *routine)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint tool = UNKNOT_TOOL_FOAM_ROLLER; tool < UNKNOT_N_TOOLS; tool++)
    {
      if (!unknot_routine_uses_tool (routine, tool))
        continue;
      if (text->len > 0)
        /* Translators: separates items of a list, "Foam roller, Massage ball" */
        g_string_append (text, _ (", "));
      g_string_append (text, unknot_vocabulary_get_label (UNKNOT_VOCABULARY_TOOL, tool));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
describe_tool_use (UnknotTool tool)
{
  switch (tool)
    {
    case UNKNOT_TOOL_FOAM_ROLLER:
      return _ ("Any firm foam roller, and room to lie beside it");
    case UNKNOT_TOOL_MASSAGE_BALL:
      return _ ("A moderately firm ball did better than a hard one for hip work");
    case UNKNOT_TOOL_NONE:
    case UNKNOT_N_TOOLS:
    default:
      return NULL;
    }
}

static void
add_row (UnknotRoutinePage *self, AdwPreferencesGroup *group, GtkWidget *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, group);
  g_ptr_array_add (self->rows, row);
}

static void
clear_rows (UnknotRoutinePage *self)
{
  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->rows, i),
                                  g_ptr_array_index (self->rows, i + 1));
  g_ptr_array_set_size (self->rows, 0);
}

static GtkWidget *
create_step_row (const UnknotStep *step, guint number)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *duration = unknot_format_duration (step->duration_seconds);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *number_label;
  GtkWidget *instruction;

  /* Translators: a step's title: "Gluteus maximus: Slow rolling" */
  title = g_strdup_printf (
    _ ("%s: %s"), unknot_vocabulary_get_label (UNKNOT_VOCABULARY_TARGET, step->target),
    unknot_vocabulary_get_label (UNKNOT_VOCABULARY_TECHNIQUE, step->technique));
  if (step->side == UNKNOT_SIDE_BOTH)
    /* Translators: "Foam roller · Both sides · 1 min each" */
    subtitle = g_strdup_printf (
      _ ("%s · %s · %s each"), unknot_vocabulary_get_label (UNKNOT_VOCABULARY_TOOL, step->tool),
      unknot_vocabulary_get_label (UNKNOT_VOCABULARY_SIDE, step->side), duration);
  else
    /* Translators: "Massage ball · Left side · 45 s" */
    subtitle = g_strdup_printf (
      _ ("%s · %s · %s"), unknot_vocabulary_get_label (UNKNOT_VOCABULARY_TOOL, step->tool),
      unknot_vocabulary_get_label (UNKNOT_VOCABULARY_SIDE, step->side), duration);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), step->name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  number_label = gtk_label_new (NULL);
  {
    g_autofree char *number_text = g_strdup_printf ("%u", number);

    gtk_label_set_text (GTK_LABEL (number_label), number_text);
  }
  gtk_widget_add_css_class (number_label, "step-number");
  gtk_widget_add_css_class (number_label, "numeric");
  gtk_widget_set_valign (number_label, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (number_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), number_label);

  instruction = gtk_label_new (step->instruction);
  gtk_label_set_wrap (GTK_LABEL (instruction), TRUE);
  gtk_label_set_xalign (GTK_LABEL (instruction), 0);
  gtk_widget_set_margin_top (instruction, 12);
  gtk_widget_set_margin_bottom (instruction, 12);
  gtk_widget_set_margin_start (instruction, 12);
  gtk_widget_set_margin_end (instruction, 12);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), instruction);
  /* The row's own lists, its title's and the instruction's, after the step. */
  unknot_widget_name_all (row, GTK_TYPE_LIST_BOX, step->name);

  return row;
}

/**
 * unknot_routine_page_set_routine:
 * @rest_seconds: the rest between steps, for the total time
 */
void
unknot_routine_page_set_routine (UnknotRoutinePage *self,
                                 UnknotRoutine *routine,
                                 guint rest_seconds)
{
  g_autofree char *total = NULL;
  g_autofree char *facts = NULL;
  guint n_steps;

  g_return_if_fail (UNKNOT_IS_ROUTINE_PAGE (self));
  g_return_if_fail (UNKNOT_IS_ROUTINE (routine));

  g_set_object (&self->routine, routine);
  clear_rows (self);

  n_steps = unknot_routine_get_n_steps (routine);
  total =
    unknot_format_approximate_duration (unknot_routine_get_total_seconds (routine, rest_seconds));
  /* Translators: "About 7 min · 4 steps" */
  facts = g_strdup_printf (ngettext ("%s · %u step", "%s · %u steps", n_steps), total, n_steps);

  adw_window_title_set_title (self->window_title, unknot_routine_get_name (routine));
  gtk_label_set_text (self->name_label, unknot_routine_get_name (routine));
  gtk_label_set_text (self->facts_label, facts);
  gtk_label_set_text (self->summary_label, unknot_routine_get_summary (routine));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->start_button), "s",
                                    unknot_routine_get_id (routine));

  for (guint tool = UNKNOT_TOOL_FOAM_ROLLER; tool < UNKNOT_N_TOOLS; tool++)
    {
      GtkWidget *row;

      if (!unknot_routine_uses_tool (routine, tool))
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     unknot_vocabulary_get_label (UNKNOT_VOCABULARY_TOOL, tool));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), describe_tool_use (tool));
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), tool_icons[tool]);
      add_row (self, self->tools_group, row);
    }

  for (guint i = 0; i < n_steps; i++)
    add_row (self, self->steps_group,
             create_step_row (unknot_routine_get_step (routine, i), i + 1));

  if (unknot_routine_get_safety (routine) != NULL)
    adw_action_row_set_subtitle (self->safety_row, unknot_routine_get_safety (routine));
  else
    adw_action_row_set_subtitle (self->safety_row,
                                 _ ("Stop and move off the spot on numbness, tingling, burning or "
                                    "shooting pain. Aim for about 3 to 6 out of 10."));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/**
 * unknot_routine_page_get_routine:
 *
 * Returns: (transfer none) (nullable): the routine shown
 */
UnknotRoutine *
unknot_routine_page_get_routine (UnknotRoutinePage *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_PAGE (self), NULL);
  return self->routine;
}

static void
unknot_routine_page_dispose (GObject *object)
{
  UnknotRoutinePage *self = UNKNOT_ROUTINE_PAGE (object);

  g_clear_object (&self->routine);
  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_ROUTINE_PAGE);

  G_OBJECT_CLASS (unknot_routine_page_parent_class)->dispose (object);
}

static void
unknot_routine_page_finalize (GObject *object)
{
  UnknotRoutinePage *self = UNKNOT_ROUTINE_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (unknot_routine_page_parent_class)->finalize (object);
}

static void
unknot_routine_page_class_init (UnknotRoutinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_routine_page_dispose;
  object_class->finalize = unknot_routine_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/unknot-routine-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, window_title);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, name_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, facts_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, tools_group);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, steps_group);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, safety_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotRoutinePage, start_button);
}

static void
unknot_routine_page_init (UnknotRoutinePage *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
