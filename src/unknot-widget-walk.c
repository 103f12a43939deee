/* unknot-widget-walk.c: finding widgets of a type below a widget
 *
 * For what GTK builds inside its own widgets and does not let us name or size
 * otherwise: the search entries of the shortcuts and preferences windows.
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "unknot-widget-walk.h"

/**
 * unknot_widget_collect:
 *
 * Adds the widgets of @type below @widget, @widget included, to @found, in the order
 * of a depth-first walk.
 */
void
unknot_widget_collect (GtkWidget *widget, GType type, GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    unknot_widget_collect (child, type, found);
}
