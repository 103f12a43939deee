/* unknot-anatomy.h: the structures and areas of the anatomy art, and what to say about them
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "unknot-pain-diary.h"
#include "unknot-types.h"

G_BEGIN_DECLS

/* How far the layers are peeled, from the skin down to the bone. */
typedef enum
{
  UNKNOT_ANATOMY_DEPTH_SKIN,        /* the body as a person feels it: the pain areas */
  UNKNOT_ANATOMY_DEPTH_SUPERFICIAL, /* every layer: the gluteus maximus on top */
  UNKNOT_ANATOMY_DEPTH_MIDDLE,      /* the maximus peeled off: the gluteus medius */
  UNKNOT_ANATOMY_DEPTH_DEEP,        /* the medius peeled off too: minimus, piriformis, nerve */
  UNKNOT_ANATOMY_DEPTH_BONE,        /* only the bones */
  UNKNOT_ANATOMY_N_DEPTHS
} UnknotAnatomyDepth;

#define UNKNOT_TYPE_ANATOMY_DEPTH (unknot_anatomy_depth_get_type ())

/* The layers of the art, bottom to top, as the SVG paints them. */
typedef enum
{
  UNKNOT_ANATOMY_LAYER_BACKDROP,
  UNKNOT_ANATOMY_LAYER_BONE,
  UNKNOT_ANATOMY_LAYER_NERVE,
  UNKNOT_ANATOMY_LAYER_DEEP,
  UNKNOT_ANATOMY_LAYER_MIDDLE,
  UNKNOT_ANATOMY_LAYER_SUPERFICIAL,
  UNKNOT_ANATOMY_LAYER_AREAS, /* never painted as art: the pain areas */
  UNKNOT_ANATOMY_N_LAYERS
} UnknotAnatomyLayer;

typedef enum
{
  UNKNOT_ANATOMY_KIND_MUSCLE,
  UNKNOT_ANATOMY_KIND_NERVE,
  UNKNOT_ANATOMY_KIND_BONE,
  UNKNOT_ANATOMY_KIND_AREA,
} UnknotAnatomyKind;

/* One structure (a muscle, the nerve, a bone) or one pain area of the art.  The text
 * fields are untranslated: read them with the unknot_anatomy_part_get_*() functions. */
struct _UnknotAnatomyPart
{
  const char *id; /* the element id in the SVG */
  UnknotAnatomyKind kind;
  UnknotAnatomyLayer layer;
  guint paint_order; /* position in the SVG: a higher one is painted over a lower one */
  UnknotSide side;   /* UNKNOT_SIDE_BOTH for the midline */
  int target;        /* the UnknotTarget it is, or -1 */
  UnknotArea area;   /* where it is felt, and what a check-in from it asks about */
  guint targets;     /* 1 << UnknotTarget for each target whose routines work on it */
  int problem;       /* an UnknotProblem whose routines help it, or -1 */
  double label_x;    /* where its pain score is written, in SVG units */
  double label_y;
  const char *name;
  const char *description;
  const char *knee;     /* why it can hurt the knee, or NULL */
  const char *hip;      /* … the outer hip, or NULL */
  const char *low_back; /* … the low back, or NULL */
  const char *leg;      /* … down the leg, or NULL */
  const char *caution;  /* what to be careful of, or NULL */
};

GType unknot_anatomy_depth_get_type (void);
const char *unknot_anatomy_depth_get_id (UnknotAnatomyDepth depth);
const char *unknot_anatomy_depth_get_label (UnknotAnatomyDepth depth);
const char *unknot_anatomy_depth_get_peeled (UnknotAnatomyDepth depth);
gboolean unknot_anatomy_depth_from_id (const char *id, UnknotAnatomyDepth *depth);
gboolean unknot_anatomy_depth_shows_layer (UnknotAnatomyDepth depth, UnknotAnatomyLayer layer);

const char *unknot_anatomy_layer_get_id (UnknotAnatomyLayer layer);

guint unknot_anatomy_get_n_parts (void);
const UnknotAnatomyPart *unknot_anatomy_get_part (guint index);
const UnknotAnatomyPart *unknot_anatomy_lookup (const char *id);
const UnknotAnatomyPart *unknot_anatomy_lookup_area (UnknotArea area);
const UnknotAnatomyPart *unknot_anatomy_lookup_target (UnknotTarget target, UnknotSide side);

guint unknot_anatomy_part_get_index (const UnknotAnatomyPart *part);
gboolean unknot_anatomy_part_is_shown (const UnknotAnatomyPart *part, UnknotAnatomyDepth depth);
gboolean unknot_anatomy_part_is_interactive (const UnknotAnatomyPart *part,
                                             UnknotAnatomyDepth depth);
UnknotAnatomyDepth unknot_anatomy_part_get_depth (const UnknotAnatomyPart *part);
gboolean unknot_anatomy_part_is_worked_by (const UnknotAnatomyPart *part, UnknotRoutine *routine);

const char *unknot_anatomy_part_get_name (const UnknotAnatomyPart *part);
const char *unknot_anatomy_part_get_kind_label (const UnknotAnatomyPart *part);
const char *unknot_anatomy_part_get_description (const UnknotAnatomyPart *part);
const char *unknot_anatomy_part_get_knee (const UnknotAnatomyPart *part);
const char *unknot_anatomy_part_get_hip (const UnknotAnatomyPart *part);
const char *unknot_anatomy_part_get_low_back (const UnknotAnatomyPart *part);
const char *unknot_anatomy_part_get_leg (const UnknotAnatomyPart *part);
const char *unknot_anatomy_part_get_caution (const UnknotAnatomyPart *part);

G_END_DECLS
