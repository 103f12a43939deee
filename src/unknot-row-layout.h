/* unknot-row-layout.h: a box layout whose width does not depend on its height
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_ROW_LAYOUT (unknot_row_layout_get_type ())
G_DECLARE_FINAL_TYPE (UnknotRowLayout, unknot_row_layout, UNKNOT, ROW_LAYOUT, GtkLayoutManager)

void unknot_row_layout_apply (GtkWidget *row);

G_END_DECLS
