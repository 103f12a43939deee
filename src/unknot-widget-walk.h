/* unknot-widget-walk.h: finding widgets of a type below a widget
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void unknot_widget_collect (GtkWidget *widget, GType type, GPtrArray *found);
void unknot_widget_name_all (GtkWidget *widget, GType type, const char *name);

G_END_DECLS
