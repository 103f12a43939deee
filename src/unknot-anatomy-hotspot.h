/* unknot-anatomy-hotspot.h: one structure or area of the anatomy view, for the keyboard
 * and for screen readers
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "unknot-types.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_ANATOMY_HOTSPOT (unknot_anatomy_hotspot_get_type ())

G_DECLARE_FINAL_TYPE (
  UnknotAnatomyHotspot, unknot_anatomy_hotspot, UNKNOT, ANATOMY_HOTSPOT, GtkWidget)

GtkWidget *unknot_anatomy_hotspot_new (guint part_index);
guint unknot_anatomy_hotspot_get_part_index (UnknotAnatomyHotspot *self);
void unknot_anatomy_hotspot_set_selected (UnknotAnatomyHotspot *self, gboolean selected);
void unknot_anatomy_hotspot_set_description (UnknotAnatomyHotspot *self, const char *description);

G_END_DECLS
