/* unknot-raised-box.h: a box that draws its cards' soft shadows from a texture
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_RAISED_BOX (unknot_raised_box_get_type ())
G_DECLARE_FINAL_TYPE (UnknotRaisedBox, unknot_raised_box, UNKNOT, RAISED_BOX, GtkBox)

G_END_DECLS
