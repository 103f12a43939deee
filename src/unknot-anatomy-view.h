/* unknot-anatomy-view.h: the glutes, the piriformis and the hip, seen from behind
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "unknot-anatomy.h"
#include "unknot-types.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_ANATOMY_VIEW (unknot_anatomy_view_get_type ())

G_DECLARE_FINAL_TYPE (UnknotAnatomyView, unknot_anatomy_view, UNKNOT, ANATOMY_VIEW, GtkWidget)

GtkWidget *unknot_anatomy_view_new (void);

UnknotAnatomyDepth unknot_anatomy_view_get_depth (UnknotAnatomyView *self);
void unknot_anatomy_view_set_depth (UnknotAnatomyView *self, UnknotAnatomyDepth depth);
const char *unknot_anatomy_view_get_selected (UnknotAnatomyView *self);
void unknot_anatomy_view_set_selected (UnknotAnatomyView *self, const char *id);
const char *unknot_anatomy_view_get_hovered (UnknotAnatomyView *self);
gboolean unknot_anatomy_view_get_compact (UnknotAnatomyView *self);
void unknot_anatomy_view_set_compact (UnknotAnatomyView *self, gboolean compact);
gboolean unknot_anatomy_view_get_interactive (UnknotAnatomyView *self);
void unknot_anatomy_view_set_interactive (UnknotAnatomyView *self, gboolean interactive);

void unknot_anatomy_view_set_pain (UnknotAnatomyView *self, const char *area_id, int score);
int unknot_anatomy_view_get_pain (UnknotAnatomyView *self, const char *area_id);
void unknot_anatomy_view_clear_pain (UnknotAnatomyView *self);
void unknot_anatomy_view_set_target (UnknotAnatomyView *self, UnknotTarget target, UnknotSide side);

G_END_DECLS
