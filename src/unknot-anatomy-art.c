/* unknot-anatomy-art.c: the anatomy SVG, loaded once: rendering by layer and hit-testing
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SVG is parsed once per process.  Each part (structure or area) is rendered once,
 * at one pixel per SVG unit, into an alpha mask; for each depth the masks are stacked in
 * paint order into a map of which interactive part is on top at each point.  Hit-testing
 * is then one look-up, whatever the size of the widget.
 */

#include "config.h"

#include <math.h>

#include "unknot-anatomy-art.h"

/* Map pixels per SVG unit.  The art is 600 units wide and drawn at 300–1400 logical
 * pixels, so a point is placed to within a pixel or two: finer than a finger. */
#define MAP_SCALE 1.0
/* A pixel belongs to a part where the part covers at least half of it. */
#define MAP_THRESHOLD 128

typedef struct
{
  RsvgRectangle bounds;  /* ink rectangle, SVG units */
  cairo_surface_t *mask; /* A8 at MAP_SCALE, or NULL when the part draws nothing */
  cairo_rectangle_int_t mask_extents;
} Part;

typedef struct
{
  guint8 *map;            /* map pixel → part index + 1, or 0 */
  RsvgRectangle *visible; /* per part: bounds of its pixels in the map, width 0 if none */
} DepthMap;

struct _UnknotAnatomyArt
{
  GObject parent_instance;

  RsvgHandle *handle;
  double width, height; /* the viewBox, SVG units */
  Part *parts;
  guint *paint_order; /* part indices, bottom first */
  int map_width, map_height;
  DepthMap depths[UNKNOT_ANATOMY_N_DEPTHS];
  gboolean masks_ready;
};

G_DEFINE_FINAL_TYPE (UnknotAnatomyArt, unknot_anatomy_art, G_TYPE_OBJECT)

static void
unknot_anatomy_art_finalize (GObject *object)
{
  UnknotAnatomyArt *self = UNKNOT_ANATOMY_ART (object);

  for (guint i = 0; self->parts != NULL && i < unknot_anatomy_get_n_parts (); i++)
    g_clear_pointer (&self->parts[i].mask, cairo_surface_destroy);
  g_free (self->parts);
  g_free (self->paint_order);
  for (guint d = 0; d < UNKNOT_ANATOMY_N_DEPTHS; d++)
    {
      g_free (self->depths[d].map);
      g_free (self->depths[d].visible);
    }
  g_clear_object (&self->handle);

  G_OBJECT_CLASS (unknot_anatomy_art_parent_class)->finalize (object);
}

static void
unknot_anatomy_art_class_init (UnknotAnatomyArtClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = unknot_anatomy_art_finalize;
}

static void
unknot_anatomy_art_init (UnknotAnatomyArt *self)
{
}

static char *
element_ref (const char *id)
{
  return g_strconcat ("#", id, NULL);
}

static int
compare_paint_order (gconstpointer a, gconstpointer b)
{
  guint pa = unknot_anatomy_get_part (*(const guint *) a)->paint_order;
  guint pb = unknot_anatomy_get_part (*(const guint *) b)->paint_order;

  return (pa > pb) - (pa < pb);
}

/**
 * unknot_anatomy_art_new:
 * @svg: the anatomy SVG
 *
 * Returns: (transfer full): the art, or %NULL if @svg cannot be read or lacks a part
 */
UnknotAnatomyArt *
unknot_anatomy_art_new (GBytes *svg, GError **error)
{
  g_autoptr (UnknotAnatomyArt) self = g_object_new (UNKNOT_TYPE_ANATOMY_ART, NULL);
  guint n_parts = unknot_anatomy_get_n_parts ();
  gboolean has_width, has_height, has_viewbox;
  RsvgLength width, height;
  RsvgRectangle viewbox;
  RsvgRectangle viewport;
  gsize size;
  const guint8 *data = g_bytes_get_data (svg, &size);

  self->handle = rsvg_handle_new_from_data (data, size, error);
  if (self->handle == NULL)
    return NULL;

  rsvg_handle_get_intrinsic_dimensions (self->handle, &has_width, &width, &has_height, &height,
                                        &has_viewbox, &viewbox);
  if (!has_viewbox || viewbox.width <= 0 || viewbox.height <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The anatomy art has no viewBox");
      return NULL;
    }
  self->width = viewbox.width;
  self->height = viewbox.height;
  viewport = (RsvgRectangle){ 0, 0, self->width, self->height };

  self->parts = g_new0 (Part, n_parts);
  self->paint_order = g_new (guint, n_parts);
  for (guint i = 0; i < n_parts; i++)
    {
      const UnknotAnatomyPart *part = unknot_anatomy_get_part (i);
      g_autofree char *ref = element_ref (part->id);
      RsvgRectangle logical;

      if (!rsvg_handle_has_sub (self->handle, ref))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       "The anatomy art has no element “%s”", part->id);
          return NULL;
        }
      if (!rsvg_handle_get_geometry_for_layer (self->handle, ref, &viewport, &self->parts[i].bounds,
                                               &logical, error))
        return NULL;
      self->paint_order[i] = i;
    }
  qsort (self->paint_order, n_parts, sizeof (guint), compare_paint_order);

  self->map_width = (int) ceil (self->width * MAP_SCALE);
  self->map_height = (int) ceil (self->height * MAP_SCALE);
  return g_steal_pointer (&self);
}

/**
 * unknot_anatomy_art_get_default:
 *
 * Returns: (transfer none) (nullable): the app's anatomy art, loaded on first use and
 * kept; %NULL only if the built-in resource is broken, which a test rules out
 */
UnknotAnatomyArt *
unknot_anatomy_art_get_default (void)
{
  static UnknotAnatomyArt *art;
  static gboolean tried;

  if (!tried)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) svg =
        g_resources_lookup_data (UNKNOT_ANATOMY_ART_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

      tried = TRUE;
      if (svg != NULL)
        art = unknot_anatomy_art_new (svg, &error);
      if (art == NULL)
        g_warning ("Cannot load the anatomy art: %s", error->message);
    }
  return art;
}

void
unknot_anatomy_art_get_size (UnknotAnatomyArt *self, double *width, double *height)
{
  g_return_if_fail (UNKNOT_IS_ANATOMY_ART (self));

  if (width != NULL)
    *width = self->width;
  if (height != NULL)
    *height = self->height;
}

gboolean
unknot_anatomy_art_has_element (UnknotAnatomyArt *self, const char *id)
{
  g_autofree char *ref = NULL;

  g_return_val_if_fail (UNKNOT_IS_ANATOMY_ART (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  ref = element_ref (id);
  return rsvg_handle_has_sub (self->handle, ref);
}

/**
 * unknot_anatomy_art_get_part_bounds:
 *
 * Returns: (transfer none): the ink rectangle of the part at @index, in SVG units
 */
const RsvgRectangle *
unknot_anatomy_art_get_part_bounds (UnknotAnatomyArt *self, guint index)
{
  g_return_val_if_fail (UNKNOT_IS_ANATOMY_ART (self), NULL);
  g_return_val_if_fail (index < unknot_anatomy_get_n_parts (), NULL);

  return &self->parts[index].bounds;
}

/* The device pixels an SVG rectangle covers once (x, y) is at the origin and a unit is
 * @scale pixels, with a pixel to spare for antialiasing. */
static cairo_rectangle_int_t
device_extents (const RsvgRectangle *bounds, double scale, double x, double y)
{
  int x0 = (int) floor ((bounds->x - x) * scale) - 1;
  int y0 = (int) floor ((bounds->y - y) * scale) - 1;
  int x1 = (int) ceil ((bounds->x + bounds->width - x) * scale) + 1;
  int y1 = (int) ceil ((bounds->y + bounds->height - y) * scale) + 1;

  return (cairo_rectangle_int_t){ x0, y0, MAX (x1 - x0, 1), MAX (y1 - y0, 1) };
}

/**
 * unknot_anatomy_art_render_part:
 * @format: %CAIRO_FORMAT_A8 for a mask, %CAIRO_FORMAT_ARGB32 for its colours
 * @scale: device pixels per SVG unit
 * @x: (in): the SVG point that lands on the device origin
 * @extents: (out): where the image goes, in device pixels from that origin
 *
 * Renders the part at @index alone, cropped to its bounds.  Areas are in a transparent
 * group, so they are rendered as elements of their own.
 *
 * Returns: (transfer full): a surface of @extents' size
 */
cairo_surface_t *
unknot_anatomy_art_render_part (UnknotAnatomyArt *self,
                                guint index,
                                cairo_format_t format,
                                double scale,
                                double x,
                                double y,
                                cairo_rectangle_int_t *extents)
{
  const UnknotAnatomyPart *part;
  const RsvgRectangle *bounds;
  g_autofree char *ref = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr (GError) error = NULL;
  gboolean rendered;

  g_return_val_if_fail (UNKNOT_IS_ANATOMY_ART (self), NULL);
  g_return_val_if_fail (index < unknot_anatomy_get_n_parts (), NULL);
  g_return_val_if_fail (scale > 0, NULL);
  g_return_val_if_fail (extents != NULL, NULL);

  part = unknot_anatomy_get_part (index);
  bounds = &self->parts[index].bounds;
  ref = element_ref (part->id);
  *extents = device_extents (bounds, scale, x, y);
  surface = cairo_image_surface_create (format, extents->width, extents->height);
  cr = cairo_create (surface);

  if (part->layer == UNKNOT_ANATOMY_LAYER_AREAS)
    {
      RsvgRectangle viewport = {
        (bounds->x - x) * scale - extents->x,
        (bounds->y - y) * scale - extents->y,
        bounds->width * scale,
        bounds->height * scale,
      };

      rendered = rsvg_handle_render_element (self->handle, cr, ref, &viewport, &error);
    }
  else
    {
      RsvgRectangle viewport = {
        -x * scale - extents->x,
        -y * scale - extents->y,
        self->width * scale,
        self->height * scale,
      };

      rendered = rsvg_handle_render_layer (self->handle, cr, ref, &viewport, &error);
    }
  if (!rendered)
    g_warning ("Cannot render %s: %s", part->id, error->message);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/**
 * unknot_anatomy_art_render_depth:
 * @scale: device pixels per SVG unit
 * @x: (in): the SVG point that lands on the device origin
 * @width: the surface's width in device pixels
 *
 * Renders the layers drawn at @depth, bottom to top, into one image.
 *
 * Returns: (transfer full): an ARGB32 surface of @width × @height
 */
cairo_surface_t *
unknot_anatomy_art_render_depth (UnknotAnatomyArt *self,
                                 UnknotAnatomyDepth depth,
                                 double scale,
                                 double x,
                                 double y,
                                 int width,
                                 int height)
{
  RsvgRectangle viewport;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (UNKNOT_IS_ANATOMY_ART (self), NULL);
  g_return_val_if_fail (depth < UNKNOT_ANATOMY_N_DEPTHS, NULL);

  viewport = (RsvgRectangle){ -x * scale, -y * scale, self->width * scale, self->height * scale };
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (width, 1), MAX (height, 1));
  cr = cairo_create (surface);
  for (UnknotAnatomyLayer layer = 0; layer < UNKNOT_ANATOMY_N_LAYERS; layer++)
    {
      g_autofree char *ref = NULL;
      g_autoptr (GError) error = NULL;

      if (!unknot_anatomy_depth_shows_layer (depth, layer))
        continue;
      ref = element_ref (unknot_anatomy_layer_get_id (layer));
      if (!rsvg_handle_render_layer (self->handle, cr, ref, &viewport, &error))
        g_warning ("Cannot render %s: %s", ref, error->message);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/**
 * unknot_anatomy_art_render_part_mask:
 *
 * unknot_anatomy_art_render_part() as an alpha mask.
 *
 * Returns: (transfer full): an A8 surface of @extents' size
 */
cairo_surface_t *
unknot_anatomy_art_render_part_mask (UnknotAnatomyArt *self,
                                     guint index,
                                     double scale,
                                     double x,
                                     double y,
                                     cairo_rectangle_int_t *extents)
{
  return unknot_anatomy_art_render_part (self, index, CAIRO_FORMAT_A8, scale, x, y, extents);
}

static void
ensure_masks (UnknotAnatomyArt *self)
{
  if (self->masks_ready)
    return;

  for (guint i = 0; i < unknot_anatomy_get_n_parts (); i++)
    self->parts[i].mask =
      unknot_anatomy_art_render_part_mask (self, i, MAP_SCALE, 0, 0, &self->parts[i].mask_extents);
  self->masks_ready = TRUE;
}

/* Stacks the masks of the parts a person can point at, at @depth, in paint order. */
static DepthMap *
ensure_depth_map (UnknotAnatomyArt *self, UnknotAnatomyDepth depth)
{
  DepthMap *depth_map = &self->depths[depth];
  guint n_parts = unknot_anatomy_get_n_parts ();
  int *x0, *y0, *x1, *y1;

  if (depth_map->map != NULL)
    return depth_map;

  ensure_masks (self);
  depth_map->map = g_new0 (guint8, (gsize) self->map_width * self->map_height);
  g_assert (n_parts < 255);

  for (guint o = 0; o < n_parts; o++)
    {
      guint index = self->paint_order[o];
      const Part *part = &self->parts[index];
      const guint8 *data;
      int stride;

      if (!unknot_anatomy_part_is_interactive (unknot_anatomy_get_part (index), depth))
        continue;

      data = cairo_image_surface_get_data (part->mask);
      stride = cairo_image_surface_get_stride (part->mask);
      for (int my = 0; my < part->mask_extents.height; my++)
        {
          int map_y = part->mask_extents.y + my;

          if (map_y < 0 || map_y >= self->map_height)
            continue;
          for (int mx = 0; mx < part->mask_extents.width; mx++)
            {
              int map_x = part->mask_extents.x + mx;

              if (map_x >= 0 && map_x < self->map_width && data[my * stride + mx] >= MAP_THRESHOLD)
                depth_map->map[map_y * self->map_width + map_x] = (guint8) (index + 1);
            }
        }
    }

  /* Where each part can still be seen: its focus goes there, and covered parts hide. */
  x0 = g_new (int, n_parts);
  y0 = g_new (int, n_parts);
  x1 = g_new (int, n_parts);
  y1 = g_new (int, n_parts);
  for (guint i = 0; i < n_parts; i++)
    {
      x0[i] = y0[i] = G_MAXINT;
      x1[i] = y1[i] = -1;
    }
  for (int my = 0; my < self->map_height; my++)
    for (int mx = 0; mx < self->map_width; mx++)
      {
        guint8 value = depth_map->map[my * self->map_width + mx];

        if (value == 0)
          continue;
        x0[value - 1] = MIN (x0[value - 1], mx);
        y0[value - 1] = MIN (y0[value - 1], my);
        x1[value - 1] = MAX (x1[value - 1], mx);
        y1[value - 1] = MAX (y1[value - 1], my);
      }
  depth_map->visible = g_new0 (RsvgRectangle, n_parts);
  for (guint i = 0; i < n_parts; i++)
    if (x1[i] >= 0)
      depth_map->visible[i] = (RsvgRectangle){
        x0[i] / MAP_SCALE,
        y0[i] / MAP_SCALE,
        (x1[i] - x0[i] + 1) / MAP_SCALE,
        (y1[i] - y0[i] + 1) / MAP_SCALE,
      };
  g_free (x0);
  g_free (y0);
  g_free (x1);
  g_free (y1);
  return depth_map;
}

/**
 * unknot_anatomy_art_hit_test:
 * @x: in SVG units
 *
 * Returns: the index of the part a person points at at (@x, @y) with the layers peeled
 * to @depth, or -1 where there is none
 */
int
unknot_anatomy_art_hit_test (UnknotAnatomyArt *self, UnknotAnatomyDepth depth, double x, double y)
{
  DepthMap *depth_map;
  int map_x, map_y;

  g_return_val_if_fail (UNKNOT_IS_ANATOMY_ART (self), -1);
  g_return_val_if_fail (depth < UNKNOT_ANATOMY_N_DEPTHS, -1);

  depth_map = ensure_depth_map (self, depth);
  map_x = (int) floor (x * MAP_SCALE);
  map_y = (int) floor (y * MAP_SCALE);
  if (map_x < 0 || map_y < 0 || map_x >= self->map_width || map_y >= self->map_height)
    return -1;
  return (int) depth_map->map[map_y * self->map_width + map_x] - 1;
}

/**
 * unknot_anatomy_art_get_visible_bounds:
 * @bounds: (out) (optional): the bounds of the part's uncovered pixels, SVG units
 *
 * Returns: whether any of the part at @index can be pointed at, at @depth
 */
gboolean
unknot_anatomy_art_get_visible_bounds (UnknotAnatomyArt *self,
                                       UnknotAnatomyDepth depth,
                                       guint index,
                                       RsvgRectangle *bounds)
{
  DepthMap *depth_map;

  g_return_val_if_fail (UNKNOT_IS_ANATOMY_ART (self), FALSE);
  g_return_val_if_fail (depth < UNKNOT_ANATOMY_N_DEPTHS, FALSE);
  g_return_val_if_fail (index < unknot_anatomy_get_n_parts (), FALSE);

  depth_map = ensure_depth_map (self, depth);
  if (bounds != NULL)
    *bounds = depth_map->visible[index];
  return depth_map->visible[index].width > 0;
}
