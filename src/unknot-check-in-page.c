/* unknot-check-in-page.c: how much does it hurt, 0 to 10, one tap per place
 *
 * One row of eleven choices per body area, with the scale's words under it; one click
 * or one key press per area (two for 10: "1" then "0"), then Done.
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-check-in-page.h"

#define N_SCORES 11
/* "1" then "0" within this long means 10. */
#define TEN_WINDOW_US (900 * 1000)

typedef struct
{
  UnknotArea area;
  GtkWidget *row;
  GtkWidget *buttons[N_SCORES];
  int score; /* −1 until chosen */
  gint64 last_one_time;
} AreaRow;

struct _UnknotCheckInPage
{
  AdwBin parent_instance;

  AdwWindowTitle *window_title;
  GtkLabel *question_label;
  GtkBox *areas_box;
  AdwEntryRow *note_row;
  GtkScrolledWindow *scroller;

  UnknotPhase phase;
  GArray *rows; /* of AreaRow */
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (UnknotCheckInPage, unknot_check_in_page, ADW_TYPE_BIN)

enum
{
  DONE,
  SKIPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static AreaRow *
find_row (UnknotCheckInPage *self, UnknotArea area)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (g_array_index (self->rows, AreaRow, i).area == area)
      return &g_array_index (self->rows, AreaRow, i);
  return NULL;
}

static void
set_row_score (UnknotCheckInPage *self, AreaRow *row, int score)
{
  row->score = score;
  self->updating = TRUE;
  for (int i = 0; i < N_SCORES; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (row->buttons[i]), i == score);
  self->updating = FALSE;
}

static void
score_toggled_cb (GtkToggleButton *button, UnknotCheckInPage *self)
{
  AreaRow *row;

  if (self->updating || !gtk_toggle_button_get_active (button))
    return;
  row = find_row (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "area")));
  if (row != NULL)
    row->score = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "score"));
}

/* Digits choose a score in the focused row and move on to the next row. */
static gboolean
row_key_pressed_cb (GtkEventControllerKey *controller,
                    guint keyval,
                    guint keycode,
                    GdkModifierType state,
                    UnknotCheckInPage *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  AreaRow *row = find_row (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "area")));
  guint index;
  int score;

  if (row == NULL || keyval < GDK_KEY_0 || keyval > GDK_KEY_9 || (state & GDK_CONTROL_MASK))
    return GDK_EVENT_PROPAGATE;

  score = (int) (keyval - GDK_KEY_0);
  if (score == 0 && row->score == 1 && g_get_monotonic_time () - row->last_one_time < TEN_WINDOW_US)
    score = 10;
  row->last_one_time = score == 1 ? g_get_monotonic_time () : 0;
  set_row_score (self, row, score);
  gtk_widget_grab_focus (row->buttons[score]);

  /* A "1" may still become 10: stay until the next key. */
  if (score == 1)
    return GDK_EVENT_STOP;
  index = (guint) (row - &g_array_index (self->rows, AreaRow, 0));
  if (index + 1 < self->rows->len)
    gtk_widget_grab_focus (g_array_index (self->rows, AreaRow, index + 1).buttons[0]);
  return GDK_EVENT_STOP;
}

static GtkWidget *
create_row (UnknotCheckInPage *self, AreaRow *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (unknot_area_get_label (row->area));
  GtkWidget *scale = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *anchors = gtk_grid_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  static const struct
  {
    guint from, to;
  } spans[] = { { 0, 0 }, { 1, 3 }, { 4, 6 }, { 7, 9 }, { 10, 10 } };

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  gtk_box_set_homogeneous (GTK_BOX (scale), TRUE);
  gtk_widget_add_css_class (scale, "linked");
  gtk_widget_add_css_class (scale, "pain-scale");
  for (int i = 0; i < N_SCORES; i++)
    {
      g_autofree char *label = g_strdup_printf ("%d", i);
      g_autofree char *name = NULL;
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      /* Translators: what a screen reader says for a choice: "Low back: 5, moderate" */
      name = g_strdup_printf (_ ("%s: %d, %s"), unknot_area_get_label (row->area), i,
                              unknot_pain_score_get_anchor ((guint) i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      gtk_widget_set_tooltip_text (button, unknot_pain_score_get_anchor ((guint) i));
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button),
                                     GTK_TOGGLE_BUTTON (row->buttons[0]));
      g_object_set_data (G_OBJECT (button), "area", GUINT_TO_POINTER (row->area));
      g_object_set_data (G_OBJECT (button), "score", GINT_TO_POINTER (i));
      g_signal_connect (button, "toggled", G_CALLBACK (score_toggled_cb), self);
      row->buttons[i] = button;
      gtk_box_append (GTK_BOX (scale), button);
    }
  g_object_set_data (G_OBJECT (scale), "area", GUINT_TO_POINTER (row->area));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (row_key_pressed_cb), self);
  gtk_widget_add_controller (scale, keys);
  gtk_box_append (GTK_BOX (box), scale);

  /* The scale's words under the numbers they name, each spanning its numbers. */
  gtk_grid_set_column_homogeneous (GTK_GRID (anchors), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      /* "Worst imaginable" does not fit under one number. */
      GtkWidget *word = gtk_label_new (
        spans[i].from == 10 ? C_ ("pain", "Worst") : unknot_pain_score_get_anchor (spans[i].from));

      gtk_label_set_ellipsize (GTK_LABEL (word), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (word), 1);
      gtk_widget_add_css_class (word, "dim-label");
      gtk_widget_add_css_class (word, "pain-anchors");
      gtk_grid_attach (GTK_GRID (anchors), word, (int) spans[i].from, 0,
                       (int) (spans[i].to - spans[i].from + 1), 1);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (anchors), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("0 none, 1 to 3 mild, 4 to 6 moderate, 7 to 9 severe, "
                                     "10 worst imaginable"),
                                  -1);
  gtk_box_append (GTK_BOX (box), anchors);

  row->row = box;
  return box;
}

/**
 * unknot_check_in_page_ask:
 * @phase: before or after a routine, or a check-in on its own
 * @routine_name: (nullable): the routine it belongs to
 *
 * Shows one row per area, all unanswered.
 */
void
unknot_check_in_page_ask (UnknotCheckInPage *self,
                          UnknotPhase phase,
                          const char *routine_name,
                          const UnknotArea *areas,
                          guint n_areas)
{
  GtkWidget *child;

  g_return_if_fail (UNKNOT_IS_CHECK_IN_PAGE (self));
  g_return_if_fail (areas != NULL || n_areas == 0);

  self->phase = phase;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->areas_box))) != NULL)
    gtk_box_remove (self->areas_box, child);
  g_array_set_size (self->rows, 0);

  switch (phase)
    {
    case UNKNOT_PHASE_BEFORE:
      adw_window_title_set_title (self->window_title, _ ("Before You Start"));
      gtk_label_set_text (self->question_label, _ ("How much does it hurt right now?"));
      break;
    case UNKNOT_PHASE_AFTER:
      adw_window_title_set_title (self->window_title, _ ("Well Done"));
      gtk_label_set_text (self->question_label, _ ("How does it feel now?"));
      break;
    case UNKNOT_PHASE_CHECK_IN:
    case UNKNOT_N_PHASES:
    default:
      adw_window_title_set_title (self->window_title, _ ("Check In"));
      gtk_label_set_text (self->question_label, _ ("How much does it hurt today?"));
      break;
    }
  adw_window_title_set_subtitle (self->window_title, routine_name);

  for (guint i = 0; i < n_areas; i++)
    {
      AreaRow row = { .area = areas[i], .score = -1 };

      g_array_append_val (self->rows, row);
    }
  /* The array no longer moves: rows can keep pointers into it from here. */
  for (guint i = 0; i < self->rows->len; i++)
    gtk_box_append (self->areas_box, create_row (self, &g_array_index (self->rows, AreaRow, i)));

  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  if (self->rows->len > 0)
    gtk_widget_grab_focus (g_array_index (self->rows, AreaRow, 0).buttons[0]);
}

/**
 * unknot_check_in_page_get_score:
 *
 * Returns: the score chosen for @area, or −1
 */
int
unknot_check_in_page_get_score (UnknotCheckInPage *self, UnknotArea area)
{
  AreaRow *row;

  g_return_val_if_fail (UNKNOT_IS_CHECK_IN_PAGE (self), -1);
  row = find_row (self, area);
  return row ? row->score : -1;
}

void
unknot_check_in_page_set_score (UnknotCheckInPage *self, UnknotArea area, int score)
{
  AreaRow *row;

  g_return_if_fail (UNKNOT_IS_CHECK_IN_PAGE (self));
  g_return_if_fail (score >= -1 && score < N_SCORES);

  row = find_row (self, area);
  if (row != NULL)
    set_row_score (self, row, score);
}

const char *
unknot_check_in_page_get_note (UnknotCheckInPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_CHECK_IN_PAGE (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->note_row));
}

UnknotPhase
unknot_check_in_page_get_phase (UnknotCheckInPage *self)
{
  g_return_val_if_fail (UNKNOT_IS_CHECK_IN_PAGE (self), UNKNOT_PHASE_CHECK_IN);
  return self->phase;
}

static void
done_clicked_cb (UnknotCheckInPage *self)
{
  g_signal_emit (self, signals[DONE], 0);
}

static void
skip_clicked_cb (UnknotCheckInPage *self)
{
  g_signal_emit (self, signals[SKIPPED], 0);
}

static void
unknot_check_in_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), UNKNOT_TYPE_CHECK_IN_PAGE);

  G_OBJECT_CLASS (unknot_check_in_page_parent_class)->dispose (object);
}

static void
unknot_check_in_page_finalize (GObject *object)
{
  UnknotCheckInPage *self = UNKNOT_CHECK_IN_PAGE (object);

  g_clear_pointer (&self->rows, g_array_unref);

  G_OBJECT_CLASS (unknot_check_in_page_parent_class)->finalize (object);
}

static void
unknot_check_in_page_class_init (UnknotCheckInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_check_in_page_dispose;
  object_class->finalize = unknot_check_in_page_finalize;

  /**
   * UnknotCheckInPage::done:
   *
   * The person pressed Done; read the scores with unknot_check_in_page_get_score().
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                NULL, G_TYPE_NONE, 0);
  signals[SKIPPED] = g_signal_new ("skipped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/unknot-check-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotCheckInPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, UnknotCheckInPage, question_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotCheckInPage, areas_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotCheckInPage, note_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotCheckInPage, scroller);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, skip_clicked_cb);
}

static void
unknot_check_in_page_init (UnknotCheckInPage *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (AreaRow));
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The note's group has no title: its list would be named "GtkListBox". */
  gtk_accessible_update_property (
    GTK_ACCESSIBLE (gtk_widget_get_ancestor (GTK_WIDGET (self->note_row), GTK_TYPE_LIST_BOX)),
    GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Note"), -1);
}
