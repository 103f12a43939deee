/* unknot-anatomy-art.h: the anatomy SVG, loaded once: rendering by layer and hit-testing
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <librsvg/rsvg.h>

#include "unknot-anatomy.h"
#include "unknot-types.h"

G_BEGIN_DECLS

#define UNKNOT_ANATOMY_ART_RESOURCE "/io/github/unknot/Unknot/anatomy/hip-posterior.svg"

#define UNKNOT_TYPE_ANATOMY_ART (unknot_anatomy_art_get_type ())

G_DECLARE_FINAL_TYPE (UnknotAnatomyArt, unknot_anatomy_art, UNKNOT, ANATOMY_ART, GObject)

UnknotAnatomyArt *unknot_anatomy_art_new (GBytes *svg, GError **error);
UnknotAnatomyArt *unknot_anatomy_art_get_default (void);

void unknot_anatomy_art_get_size (UnknotAnatomyArt *self, double *width, double *height);
gboolean unknot_anatomy_art_has_element (UnknotAnatomyArt *self, const char *id);
const RsvgRectangle *unknot_anatomy_art_get_part_bounds (UnknotAnatomyArt *self, guint index);

int
unknot_anatomy_art_hit_test (UnknotAnatomyArt *self, UnknotAnatomyDepth depth, double x, double y);
gboolean unknot_anatomy_art_get_visible_bounds (UnknotAnatomyArt *self,
                                                UnknotAnatomyDepth depth,
                                                guint index,
                                                RsvgRectangle *bounds);

cairo_surface_t *unknot_anatomy_art_render_depth (UnknotAnatomyArt *self,
                                                  UnknotAnatomyDepth depth,
                                                  double scale,
                                                  double x,
                                                  double y,
                                                  int width,
                                                  int height);
cairo_surface_t *unknot_anatomy_art_render_part (UnknotAnatomyArt *self,
                                                 guint index,
                                                 cairo_format_t format,
                                                 double scale,
                                                 double x,
                                                 double y,
                                                 cairo_rectangle_int_t *extents);
cairo_surface_t *unknot_anatomy_art_render_part_mask (UnknotAnatomyArt *self,
                                                      guint index,
                                                      double scale,
                                                      double x,
                                                      double y,
                                                      cairo_rectangle_int_t *extents);

G_END_DECLS
