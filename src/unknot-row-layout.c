/* unknot-row-layout.c: a box layout whose width does not depend on its height
 *
 * An AdwActionRow lays out its title and subtitle in a vertical box inside a
 * horizontal one.  GTK 4.8's horizontal box, allocating its children, asks each for its
 * width at the row's height; the vertical box passes that on to its wrapping labels,
 * and a wrapping label answers by a binary search over a dozen Pango layouts of its
 * text.  A column of text is as wide as it is whatever its height, so this layout asks
 * the same box layout for the width at any height instead, and for everything else
 * passes the question on unchanged.
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "unknot-row-layout.h"

struct _UnknotRowLayout
{
  GtkLayoutManager parent_instance;

  GtkLayoutManager *box; /* the box layout it stands in for */
};

G_DEFINE_FINAL_TYPE (UnknotRowLayout, unknot_row_layout, GTK_TYPE_LAYOUT_MANAGER)

static GtkSizeRequestMode
unknot_row_layout_get_request_mode (GtkLayoutManager *manager, GtkWidget *widget)
{
  return GTK_LAYOUT_MANAGER_GET_CLASS (UNKNOT_ROW_LAYOUT (manager)->box)
    ->get_request_mode (UNKNOT_ROW_LAYOUT (manager)->box, widget);
}

static void
unknot_row_layout_measure (GtkLayoutManager *manager,
                           GtkWidget *widget,
                           GtkOrientation orientation,
                           int for_size,
                           int *minimum,
                           int *natural,
                           int *minimum_baseline,
                           int *natural_baseline)
{
  UnknotRowLayout *self = UNKNOT_ROW_LAYOUT (manager);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    for_size = -1;
  gtk_layout_manager_measure (self->box, widget, orientation, for_size, minimum, natural,
                              minimum_baseline, natural_baseline);
}

static void
unknot_row_layout_allocate (
  GtkLayoutManager *manager, GtkWidget *widget, int width, int height, int baseline)
{
  gtk_layout_manager_allocate (UNKNOT_ROW_LAYOUT (manager)->box, widget, width, height, baseline);
}

static void
unknot_row_layout_dispose (GObject *object)
{
  g_clear_object (&UNKNOT_ROW_LAYOUT (object)->box);
  G_OBJECT_CLASS (unknot_row_layout_parent_class)->dispose (object);
}

static void
unknot_row_layout_class_init (UnknotRowLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = unknot_row_layout_dispose;
  manager_class->get_request_mode = unknot_row_layout_get_request_mode;
  manager_class->measure = unknot_row_layout_measure;
  manager_class->allocate = unknot_row_layout_allocate;
}

static void
unknot_row_layout_init (UnknotRowLayout *self)
{
}

/* The vertical box holding @row's title and subtitle (class "title"), if it has one. */
static GtkWidget *
find_title_box (GtkWidget *widget, int depth)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BOX (child) && gtk_widget_has_css_class (child, "title") &&
          gtk_orientable_get_orientation (GTK_ORIENTABLE (child)) == GTK_ORIENTATION_VERTICAL)
        return child;
      if (depth < 2 && (found = find_title_box (child, depth + 1)) != NULL)
        return found;
    }
  return NULL;
}

/**
 * unknot_row_layout_apply:
 *
 * Lays out the title and subtitle of the AdwActionRow @row with a #UnknotRowLayout.
 * A row built otherwise is left as it is.
 */
void
unknot_row_layout_apply (GtkWidget *row)
{
  GtkWidget *title_box = find_title_box (row, 0);
  GtkLayoutManager *box;
  UnknotRowLayout *self;

  if (title_box == NULL)
    return;
  box = gtk_widget_get_layout_manager (title_box);
  if (!GTK_IS_BOX_LAYOUT (box))
    return;
  self = g_object_new (UNKNOT_TYPE_ROW_LAYOUT, NULL);
  self->box = g_object_ref (box);
  gtk_widget_set_layout_manager (title_box, GTK_LAYOUT_MANAGER (self));
}
