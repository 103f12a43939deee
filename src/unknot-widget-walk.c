/* unknot-widget-walk.c: finding widgets of a type below a widget
 *
 * For what GTK and libadwaita build inside their own widgets and do not let us name or
 * size otherwise: the search entries of the shortcuts and preferences windows, the view
 * switchers, the lists inside expander rows and untitled preferences groups.
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

/**
 * unknot_widget_name_all:
 *
 * Gives every widget of @type below @widget, @widget included, @name as the name a
 * screen reader says.  GTK 4.8 names a widget nobody named after its type
 * ("AdwViewSwitcher", "GtkListBox"), and a screen reader says that as it enters it.
 */
void
unknot_widget_name_all (GtkWidget *widget, GType type, const char *name)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  unknot_widget_collect (widget, type, found);
  for (guint i = 0; i < found->len; i++)
    gtk_accessible_update_property (GTK_ACCESSIBLE (g_ptr_array_index (found, i)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}
