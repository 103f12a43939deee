/* unknot-anatomy-view.c: the glutes, the piriformis and the hip, seen from behind
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * librsvg draws the art once per size and scale: the layers shown at a depth into one
 * texture, each part into an alpha mask.  A highlight, a selection or a pain colour is
 * the part's mask tinted once into a small texture of its own.  A frame only places
 * textures, so hovering from part to part never touches the SVG.  The cache is dropped
 * when the size, the scale or the style changes; while a window is being resized the old
 * textures are stretched, and the art is drawn again once the size has settled.
 *
 * Pointing is a look-up in UnknotAnatomyArt's map of which part is on top.  Each part
 * that can be seen also has an UnknotAnatomyHotspot child laid over it, which takes the
 * keyboard focus and gives the part its name on the accessibility bus.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "unknot-anatomy-art.h"
#include "unknot-anatomy-hotspot.h"
#include "unknot-anatomy-view.h"
#include "unknot-vocabulary.h"

/* What the compact view keeps: the hips, in SVG units. */
#define COMPACT_X 50.0
#define COMPACT_Y 36.0
#define COMPACT_WIDTH 500.0
#define COMPACT_HEIGHT 364.0

#define RING_WIDTH 2.5    /* the outline of a highlighted part, logical pixels */
#define BADGE_RADIUS 13.0 /* the circle a pain score is written in */
#define LEGEND_HEIGHT 50  /* the scale under the picture, when pain is shown */
#define LEGEND_CELL 26.0
#define RESIZE_SETTLE_MS 150
#define TARGET_CONTEXT_OPACITY 0.4f
#define NO_PART -1

/* Pain, 0 to 10: one hue, from pale to deep, so it reads by lightness alone. */
static const guint32 pain_ramp[11] = {
  0xede2fb, 0xdcccf2, 0xccb5e8, 0xbb9fdd, 0xab89d3, 0x9c73c8,
  0x8c5cbd, 0x7b49ac, 0x6a3798, 0x592485, 0x490f73,
};
#define PAIN_TEXT_DARK 0x241f31
#define PAIN_TEXT_LIGHT 0xffffff
#define PAIN_FIRST_LIGHT_TEXT 5

typedef enum
{
  TINT_HOVER,
  TINT_SELECTED,
  TINT_TARGET,
  TINT_PAIN,       /* on the skin: the area filled with its score's colour */
  TINT_PAIN_BELOW, /* under the skin: its outline, so the anatomy still shows */
  N_TINTS
} Tint;

/* A cached image, and the texture that shares its pixels once a GL renderer wants one. */
typedef struct
{
  cairo_surface_t *surface; /* ARGB32 */
  GdkTexture *texture;
  cairo_rectangle_int_t extents; /* device pixels from the image's origin */
  int score;                     /* the pain score a pain sprite was made for */
} Sprite;

typedef struct
{
  cairo_surface_t *mask; /* A8 */
  cairo_rectangle_int_t mask_extents;
  cairo_surface_t *ring; /* A8: the outline, around a structure, inside an area */
  cairo_rectangle_int_t ring_extents;
  Sprite sprites[N_TINTS];
} PartCache;

/* Everything drawn for one size and scale. */
typedef struct
{
  int scale;         /* the widget's scale factor */
  double unit;       /* device pixels per SVG unit */
  int width, height; /* the image, device pixels */
  Sprite base[UNKNOT_ANATOMY_N_DEPTHS];
  PartCache *parts;
} Cache;

struct _UnknotAnatomyView
{
  GtkWidget parent_instance;

  UnknotAnatomyArt *art;
  GPtrArray *hotspots; /* UnknotAnatomyHotspot, by part index; empty when not interactive */

  UnknotAnatomyDepth depth;
  gboolean compact;
  gboolean interactive;
  int selected;
  int hovered;
  int focused;
  int targets[2];
  int pain[UNKNOT_N_AREAS]; /* -1: none */
  gboolean hotspots_dirty;

  /* Where the image is in the widget: logical pixels, and logical pixels per SVG unit. */
  double image_x, image_y, unit;

  Cache *cache;
  guint settle_id;
  PangoLayout *numbers[11];
  PangoLayout *legend_none;
  PangoLayout *legend_worst;
  PangoLayout *peeled; /* says what a lit target's depth took away */
};

G_DEFINE_FINAL_TYPE (UnknotAnatomyView, unknot_anatomy_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_DEPTH,
  PROP_SELECTED,
  PROP_COMPACT,
  PROP_INTERACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  PART_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
crop_rect (UnknotAnatomyView *self, double *x, double *y, double *width, double *height)
{
  if (self->compact)
    {
      *x = COMPACT_X;
      *y = COMPACT_Y;
      *width = COMPACT_WIDTH;
      *height = COMPACT_HEIGHT;
      return;
    }
  *x = *y = 0;
  if (self->art != NULL)
    unknot_anatomy_art_get_size (self->art, width, height);
  else
    *width = *height = 1;
}

static UnknotAnatomyArt *
ensure_art (UnknotAnatomyView *self)
{
  if (self->art == NULL)
    {
      self->art = unknot_anatomy_art_get_default ();
      if (self->art != NULL)
        g_object_ref (self->art);
    }
  return self->art;
}

static gboolean
has_pain (UnknotAnatomyView *self)
{
  for (guint i = 0; i < UNKNOT_N_AREAS; i++)
    if (self->pain[i] >= 0)
      return TRUE;
  return FALSE;
}

static int
legend_height (UnknotAnatomyView *self)
{
  return has_pain (self) ? LEGEND_HEIGHT : 0;
}

static GdkRGBA
rgba_from_hex (guint32 rgb, float alpha)
{
  return (GdkRGBA){ ((rgb >> 16) & 0xff) / 255.f, ((rgb >> 8) & 0xff) / 255.f, (rgb & 0xff) / 255.f,
                    alpha };
}

/* The cache */

static void
clear_sprite (Sprite *sprite)
{
  g_clear_object (&sprite->texture);
  g_clear_pointer (&sprite->surface, cairo_surface_destroy);
}

static void
clear_sprites (Cache *cache)
{
  for (guint i = 0; i < unknot_anatomy_get_n_parts (); i++)
    for (guint t = 0; t < N_TINTS; t++)
      clear_sprite (&cache->parts[i].sprites[t]);
}

static void
cache_free (Cache *cache)
{
  clear_sprites (cache);
  for (guint i = 0; i < unknot_anatomy_get_n_parts (); i++)
    {
      g_clear_pointer (&cache->parts[i].mask, cairo_surface_destroy);
      g_clear_pointer (&cache->parts[i].ring, cairo_surface_destroy);
    }
  for (guint d = 0; d < UNKNOT_ANATOMY_N_DEPTHS; d++)
    clear_sprite (&cache->base[d]);
  g_free (cache->parts);
  g_free (cache);
}

static void
drop_cache (UnknotAnatomyView *self)
{
  g_clear_pointer (&self->cache, cache_free);
  g_clear_handle_id (&self->settle_id, g_source_remove);
}

static GdkTexture *
texture_for_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  gsize stride = (gsize) cairo_image_surface_get_stride (surface);
  g_autoptr (GBytes) bytes = NULL;

  /* Cairo's ARGB32 is GDK's default memory format: the texture shares the pixels. */
  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), stride * height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

/* The size the image has now, in device pixels, and device pixels per SVG unit. */
static void
current_device_size (UnknotAnatomyView *self, int *scale, double *unit, int *width, int *height)
{
  double x, y, w, h;

  crop_rect (self, &x, &y, &w, &h);
  *scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  *unit = self->unit * *scale;
  *width = MAX ((int) ceil (w * *unit), 1);
  *height = MAX ((int) ceil (h * *unit), 1);
}

static gboolean
cache_matches (UnknotAnatomyView *self)
{
  int scale, width, height;
  double unit;

  current_device_size (self, &scale, &unit, &width, &height);
  return self->cache != NULL && self->cache->scale == scale && self->cache->width == width &&
         self->cache->height == height;
}

static Cache *
build_cache (UnknotAnatomyView *self)
{
  Cache *cache = g_new0 (Cache, 1);

  current_device_size (self, &cache->scale, &cache->unit, &cache->width, &cache->height);
  cache->parts = g_new0 (PartCache, unknot_anatomy_get_n_parts ());
  return cache;
}

static Sprite *
ensure_base (UnknotAnatomyView *self, Cache *cache, UnknotAnatomyDepth depth)
{
  Sprite *base = &cache->base[depth];
  double x, y, width, height;

  if (base->surface == NULL)
    {
      crop_rect (self, &x, &y, &width, &height);
      base->surface = unknot_anatomy_art_render_depth (self->art, depth, cache->unit, x, y,
                                                       cache->width, cache->height);
      base->extents = (cairo_rectangle_int_t){ 0, 0, cache->width, cache->height };
    }
  return base;
}

/* Running maximum over a window of 2r + 1 (van Herk / Gil-Werman), beyond the ends counting
 * as @outside: the cost does not grow with the width of the outline.  @scratch holds
 * 3 (n + 2r) bytes. */
static void
running_max (const guint8 *in, guint8 *out, int n, int step, int r, guint8 outside, guint8 *scratch)
{
  int k = 2 * r + 1, m = n + 2 * r;
  guint8 *padded = scratch, *prefix = scratch + m, *suffix = scratch + 2 * m;

  memset (padded, outside, m);
  for (int i = 0; i < n; i++)
    padded[i + r] = in[i * step];
  for (int i = 0; i < m; i++)
    prefix[i] = (i % k == 0) ? padded[i] : MAX (prefix[i - 1], padded[i]);
  for (int i = m - 1; i >= 0; i--)
    suffix[i] = (i % k == k - 1 || i == m - 1) ? padded[i] : MAX (suffix[i + 1], padded[i]);
  /* The window of out[i] is padded[i … i + 2r]. */
  for (int i = 0; i < n; i++)
    out[i * step] = MAX (suffix[i], prefix[i + 2 * r]);
}

/* @src grown by @r pixels on every side, in a buffer 2·@r wider and higher; outside @src
 * counts as @outside. */
static guint8 *
grow (const guint8 *src, int width, int height, int stride, int r, guint8 outside)
{
  int grown_width = width + 2 * r, grown_height = height + 2 * r;
  gsize size = (gsize) grown_width * grown_height;
  guint8 *padded = g_malloc (size);
  guint8 *rows = g_malloc (size);
  guint8 *scratch = g_malloc (3 * (MAX (grown_width, grown_height) + 2 * r));

  memset (padded, outside, size);
  for (int y = 0; y < height; y++)
    memcpy (padded + (y + r) * grown_width + r, src + y * stride, width);
  for (int y = 0; y < grown_height; y++)
    running_max (padded + y * grown_width, rows + y * grown_width, grown_width, 1, r, outside,
                 scratch);
  for (int x = 0; x < grown_width; x++)
    running_max (rows + x, padded + x, grown_height, grown_width, r, outside, scratch);
  g_free (rows);
  g_free (scratch);
  return padded;
}

/* The outline of a highlight, outside the part: the mask grown by @r, less the mask. */
static cairo_surface_t *
make_outer_ring (cairo_surface_t *mask, int r)
{
  int width = cairo_image_surface_get_width (mask);
  int height = cairo_image_surface_get_height (mask);
  int src_stride = cairo_image_surface_get_stride (mask);
  const guint8 *src = cairo_image_surface_get_data (mask);
  guint8 *grown = grow (src, width, height, src_stride, r, 0);
  cairo_surface_t *ring =
    cairo_image_surface_create (CAIRO_FORMAT_A8, width + 2 * r, height + 2 * r);
  int stride = cairo_image_surface_get_stride (ring);
  guint8 *data;

  cairo_surface_flush (ring);
  data = cairo_image_surface_get_data (ring);
  for (int y = 0; y < height + 2 * r; y++)
    for (int x = 0; x < width + 2 * r; x++)
      {
        int sx = x - r, sy = y - r;
        int inside =
          sx >= 0 && sy >= 0 && sx < width && sy < height ? src[sy * src_stride + sx] : 0;

        data[y * stride + x] = (guint8) MAX (grown[y * (width + 2 * r) + x] - inside, 0);
      }
  cairo_surface_mark_dirty (ring);
  g_free (grown);
  return ring;
}

/* The outline of a pain area, inside it, so that no colour spills off the body: the mask
 * where the outside, grown by @r, reaches. */
static cairo_surface_t *
make_inner_ring (cairo_surface_t *mask, int r)
{
  int width = cairo_image_surface_get_width (mask);
  int height = cairo_image_surface_get_height (mask);
  int src_stride = cairo_image_surface_get_stride (mask);
  const guint8 *src = cairo_image_surface_get_data (mask);
  guint8 *outside = g_malloc ((gsize) width * height);
  guint8 *grown;
  cairo_surface_t *ring = cairo_image_surface_create (CAIRO_FORMAT_A8, width, height);
  int stride = cairo_image_surface_get_stride (ring);
  guint8 *data;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      outside[y * width + x] = (guint8) (255 - src[y * src_stride + x]);
  grown = grow (outside, width, height, width, r, 255);

  cairo_surface_flush (ring);
  data = cairo_image_surface_get_data (ring);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      data[y * stride + x] =
        MIN (src[y * src_stride + x], grown[(y + r) * (width + 2 * r) + x + r]);
  cairo_surface_mark_dirty (ring);
  g_free (outside);
  g_free (grown);
  return ring;
}

static PartCache *
ensure_part (UnknotAnatomyView *self, Cache *cache, guint index)
{
  PartCache *part = &cache->parts[index];

  if (part->mask == NULL)
    {
      double x, y, width, height;
      int r = MAX ((int) round (RING_WIDTH * cache->scale), 1);

      crop_rect (self, &x, &y, &width, &height);
      part->mask = unknot_anatomy_art_render_part_mask (self->art, index, cache->unit, x, y,
                                                        &part->mask_extents);
      if (unknot_anatomy_get_part (index)->kind == UNKNOT_ANATOMY_KIND_AREA)
        {
          part->ring = make_inner_ring (part->mask, r);
          part->ring_extents = part->mask_extents;
        }
      else
        {
          part->ring = make_outer_ring (part->mask, r);
          part->ring_extents = (cairo_rectangle_int_t){
            part->mask_extents.x - r,
            part->mask_extents.y - r,
            part->mask_extents.width + 2 * r,
            part->mask_extents.height + 2 * r,
          };
        }
    }
  return part;
}

static GdkRGBA
accent_colour (UnknotAnatomyView *self)
{
  GdkRGBA accent = { 0.21f, 0.52f, 0.89f, 1.f };

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                  "accent_bg_color", &accent);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return accent;
}

/* Takes out of a highlight whatever the layers drawn at this depth paint over the part at
 * @index: a highlight shows the part where it can be seen. */
static void
hide_covered (UnknotAnatomyView *self,
              Cache *cache,
              guint index,
              cairo_t *cr,
              const cairo_rectangle_int_t *extents)
{
  const UnknotAnatomyPart *part = unknot_anatomy_get_part (index);

  if (part->kind == UNKNOT_ANATOMY_KIND_AREA)
    return;
  cairo_save (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_DEST_OUT);
  cairo_set_source_rgba (cr, 0, 0, 0, 1);
  for (guint i = 0; i < unknot_anatomy_get_n_parts (); i++)
    {
      const UnknotAnatomyPart *other = unknot_anatomy_get_part (i);
      const RsvgRectangle *a = unknot_anatomy_art_get_part_bounds (self->art, index);
      const RsvgRectangle *b = unknot_anatomy_art_get_part_bounds (self->art, i);
      PartCache *cover;

      if (other->paint_order <= part->paint_order || other->kind == UNKNOT_ANATOMY_KIND_AREA ||
          !unknot_anatomy_part_is_shown (other, self->depth) || b->x > a->x + a->width ||
          a->x > b->x + b->width || b->y > a->y + a->height || a->y > b->y + b->height)
        continue;
      cover = ensure_part (self, cache, i);
      cairo_mask_surface (cr, cover->mask, cover->mask_extents.x - extents->x,
                          cover->mask_extents.y - extents->y);
    }
  cairo_restore (cr);
}

/* @part's mask filled with @fill and outlined with @line, once per size, style and tint. */
static Sprite *
ensure_sprite (UnknotAnatomyView *self, Cache *cache, guint index, Tint tint, int score)
{
  PartCache *part = ensure_part (self, cache, index);
  Sprite *sprite = &part->sprites[tint];
  GdkRGBA accent = accent_colour (self);
  GdkRGBA fill, line;
  cairo_surface_t *surface;
  cairo_t *cr;

  if ((tint == TINT_PAIN || tint == TINT_PAIN_BELOW) && sprite->score != score)
    clear_sprite (sprite);
  if (sprite->surface != NULL)
    return sprite;

  switch (tint)
    {
    /* Lighter, never tinted: blue over red would read as the purple of pain. */
    case TINT_HOVER:
      fill = (GdkRGBA){ 1, 1, 1, 0.22f };
      line = accent;
      line.alpha = 0.6f;
      break;
    case TINT_SELECTED:
      fill = (GdkRGBA){ 1, 1, 1, 0.32f };
      line = accent;
      break;
    case TINT_TARGET:
      fill = (GdkRGBA){ 0, 0, 0, 0 };
      line = accent;
      break;
    case TINT_PAIN_BELOW:
      fill = rgba_from_hex (pain_ramp[CLAMP (score, 0, 10)], 0.2f);
      line = rgba_from_hex (pain_ramp[MIN (CLAMP (score, 0, 10) + 4, 10)], 1);
      break;
    case TINT_PAIN:
    case N_TINTS:
    default:
      fill = rgba_from_hex (pain_ramp[CLAMP (score, 0, 10)], 0.78f);
      line = rgba_from_hex (pain_ramp[MIN (CLAMP (score, 0, 10) + 4, 10)], 1);
      break;
    }

  sprite->extents = part->ring_extents;
  sprite->score = score;
  surface =
    cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sprite->extents.width, sprite->extents.height);
  cr = cairo_create (surface);
  if (tint == TINT_TARGET)
    {
      double x, y, width, height;
      cairo_rectangle_int_t extents;
      cairo_surface_t *colours;

      /* The part in its own colours, over a dimmed picture. */
      crop_rect (self, &x, &y, &width, &height);
      colours = unknot_anatomy_art_render_part (self->art, index, CAIRO_FORMAT_ARGB32, cache->unit,
                                                x, y, &extents);
      cairo_set_source_surface (cr, colours, extents.x - sprite->extents.x,
                                extents.y - sprite->extents.y);
      cairo_paint (cr);
      cairo_surface_destroy (colours);
    }
  gdk_cairo_set_source_rgba (cr, &fill);
  cairo_mask_surface (cr, part->mask, part->mask_extents.x - sprite->extents.x,
                      part->mask_extents.y - sprite->extents.y);
  gdk_cairo_set_source_rgba (cr, &line);
  cairo_mask_surface (cr, part->ring, 0, 0);
  if (tint == TINT_HOVER || tint == TINT_SELECTED)
    hide_covered (self, cache, index, cr, &sprite->extents);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  sprite->surface = surface;
  return sprite;
}

static gboolean
settle_cb (gpointer user_data)
{
  UnknotAnatomyView *self = user_data;

  self->settle_id = 0;
  if (!cache_matches (self))
    g_clear_pointer (&self->cache, cache_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* Pointing */

static void
widget_to_art (UnknotAnatomyView *self, double x, double y, double *art_x, double *art_y)
{
  double cx, cy, cw, ch;

  crop_rect (self, &cx, &cy, &cw, &ch);
  *art_x = cx + (x - self->image_x) / self->unit;
  *art_y = cy + (y - self->image_y) / self->unit;
}

static void
art_to_widget (UnknotAnatomyView *self, double art_x, double art_y, double *x, double *y)
{
  double cx, cy, cw, ch;

  crop_rect (self, &cx, &cy, &cw, &ch);
  *x = self->image_x + (art_x - cx) * self->unit;
  *y = self->image_y + (art_y - cy) * self->unit;
}

static int
pick (UnknotAnatomyView *self, double x, double y)
{
  double art_x, art_y, cx, cy, cw, ch;

  if (!self->interactive || ensure_art (self) == NULL || self->unit <= 0)
    return NO_PART;
  widget_to_art (self, x, y, &art_x, &art_y);
  crop_rect (self, &cx, &cy, &cw, &ch);
  if (art_x < cx || art_y < cy || art_x >= cx + cw || art_y >= cy + ch)
    return NO_PART;
  return unknot_anatomy_art_hit_test (self->art, self->depth, art_x, art_y);
}

static void
set_hovered (UnknotAnatomyView *self, int hovered)
{
  if (self->hovered == hovered)
    return;
  self->hovered = hovered;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *controller, double x, double y, UnknotAnatomyView *self)
{
  set_hovered (self, pick (self, x, y));
}

static void
leave_cb (GtkEventControllerMotion *controller, UnknotAnatomyView *self)
{
  set_hovered (self, NO_PART);
}

static void
activate_part (UnknotAnatomyView *self, int index)
{
  const UnknotAnatomyPart *part = unknot_anatomy_get_part ((guint) index);

  unknot_anatomy_view_set_selected (self, part->id);
  g_signal_emit (self, signals[PART_ACTIVATED], 0, part->id);
}

static void
released_cb (GtkGestureClick *gesture, int n_press, double x, double y, UnknotAnatomyView *self)
{
  int index = pick (self, x, y);

  if (index == NO_PART)
    return;
  if ((guint) index < self->hotspots->len)
    gtk_widget_grab_focus (g_ptr_array_index (self->hotspots, index));
  activate_part (self, index);
}

static char *
describe_pain (int score)
{
  /* Translators: a body area's latest pain score, read out beside its name */
  return g_strdup_printf (_ ("Pain %d of 10"), score);
}

static gboolean
query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
{
  UnknotAnatomyView *self = UNKNOT_ANATOMY_VIEW (widget);
  int index = keyboard ? self->focused : pick (self, x, y);
  const UnknotAnatomyPart *part;

  if (index == NO_PART)
    return FALSE;
  part = unknot_anatomy_get_part ((guint) index);
  if (part->kind == UNKNOT_ANATOMY_KIND_AREA && self->pain[part->area] >= 0)
    {
      g_autofree char *pain = describe_pain (self->pain[part->area]);
      /* Translators: a tooltip: "Left knee: Pain 4 of 10" */
      g_autofree char *text =
        g_strdup_printf (_ ("%s: %s"), unknot_anatomy_part_get_name (part), pain);

      gtk_tooltip_set_text (tooltip, text);
    }
  else
    gtk_tooltip_set_text (tooltip, unknot_anatomy_part_get_name (part));
  return TRUE;
}

/* Hotspots */

static void
hotspot_focus_cb (GtkWidget *hotspot, GParamSpec *pspec, UnknotAnatomyView *self)
{
  int index = (int) unknot_anatomy_hotspot_get_part_index (UNKNOT_ANATOMY_HOTSPOT (hotspot));

  if (gtk_widget_has_focus (hotspot))
    self->focused = index;
  else if (self->focused == index)
    self->focused = NO_PART;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
hotspot_activate_cb (UnknotAnatomyHotspot *hotspot, UnknotAnatomyView *self)
{
  activate_part (self, (int) unknot_anatomy_hotspot_get_part_index (hotspot));
}

static void
update_hotspot_description (UnknotAnatomyView *self, guint index)
{
  const UnknotAnatomyPart *part = unknot_anatomy_get_part (index);
  g_autofree char *pain = NULL;

  if (index >= self->hotspots->len)
    return;
  if (part->kind == UNKNOT_ANATOMY_KIND_AREA && self->pain[part->area] >= 0)
    pain = describe_pain (self->pain[part->area]);
  unknot_anatomy_hotspot_set_description (g_ptr_array_index (self->hotspots, index),
                                          pain != NULL ? pain
                                                       : unknot_anatomy_part_get_kind_label (part));
}

static void
create_hotspots (UnknotAnatomyView *self)
{
  for (guint i = 0; i < unknot_anatomy_get_n_parts (); i++)
    {
      GtkWidget *hotspot = unknot_anatomy_hotspot_new (i);

      gtk_widget_set_visible (hotspot, FALSE);
      gtk_widget_set_parent (hotspot, GTK_WIDGET (self));
      g_signal_connect (hotspot, "notify::has-focus", G_CALLBACK (hotspot_focus_cb), self);
      g_signal_connect (hotspot, "activate", G_CALLBACK (hotspot_activate_cb), self);
      g_ptr_array_add (self->hotspots, hotspot);
      unknot_anatomy_hotspot_set_selected (UNKNOT_ANATOMY_HOTSPOT (hotspot),
                                           self->selected == (int) i);
      update_hotspot_description (self, i);
    }
}

static void
destroy_hotspots (UnknotAnatomyView *self)
{
  for (guint i = 0; i < self->hotspots->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->hotspots, i));
  g_ptr_array_set_size (self->hotspots, 0);
  self->focused = NO_PART;
}

/* A part a person can see at this depth has its hotspot; a covered one has none.  This
 * needs the art's map of the depth, so it waits until the view is shown. */
static void
update_hotspots (UnknotAnatomyView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || ensure_art (self) == NULL)
    {
      self->hotspots_dirty = TRUE;
      return;
    }
  self->hotspots_dirty = FALSE;
  for (guint i = 0; i < self->hotspots->len; i++)
    {
      const UnknotAnatomyPart *part = unknot_anatomy_get_part (i);

      gtk_widget_set_visible (
        g_ptr_array_index (self->hotspots, i),
        unknot_anatomy_part_is_interactive (part, self->depth) &&
          unknot_anatomy_art_get_visible_bounds (self->art, self->depth, i, NULL));
    }
}

/* GtkWidget */

static GtkSizeRequestMode
unknot_anatomy_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
unknot_anatomy_view_measure (GtkWidget *widget,
                             GtkOrientation orientation,
                             int for_size,
                             int *minimum,
                             int *natural,
                             int *minimum_baseline,
                             int *natural_baseline)
{
  UnknotAnatomyView *self = UNKNOT_ANATOMY_VIEW (widget);
  double x, y, width, height;

  ensure_art (self);
  crop_rect (self, &x, &y, &width, &height);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->compact ? 80 : 160;
      *natural = self->compact ? 220 : 480;
    }
  else
    {
      int for_width = for_size >= 0 ? for_size : (self->compact ? 220 : 480);

      *minimum = self->compact ? 60 : 160;
      *natural = (int) ceil (for_width * height / width) + legend_height (self);
      /* Narrow, the picture's height falls below the minimum: GTK wants natural ≥ min. */
      *natural = MAX (*natural, *minimum);
    }
}

static void
unknot_anatomy_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  UnknotAnatomyView *self = UNKNOT_ANATOMY_VIEW (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  double x, y, crop_width, crop_height, image_height;
  RsvgRectangle bounds;

  ensure_art (self);
  crop_rect (self, &x, &y, &crop_width, &crop_height);
  image_height = MAX (height - legend_height (self), 1);
  self->unit = MIN (width / crop_width, image_height / crop_height);
  /* On a whole device pixel, so that textures are not resampled. */
  self->image_x = floor ((width - crop_width * self->unit) / 2 * scale) / scale;
  self->image_y = floor ((image_height - crop_height * self->unit) / 2 * scale) / scale;

  if (self->cache != NULL && !cache_matches (self) && self->settle_id == 0)
    self->settle_id = g_timeout_add (RESIZE_SETTLE_MS, settle_cb, self);

  for (guint i = 0; i < self->hotspots->len; i++)
    {
      GtkWidget *hotspot = g_ptr_array_index (self->hotspots, i);
      double x0, y0, x1, y1;
      int minimum;

      if (!gtk_widget_get_visible (hotspot) || self->art == NULL ||
          !unknot_anatomy_art_get_visible_bounds (self->art, self->depth, i, &bounds))
        continue;
      art_to_widget (self, bounds.x, bounds.y, &x0, &y0);
      art_to_widget (self, bounds.x + bounds.width, bounds.y + bounds.height, &x1, &y1);
      gtk_widget_measure (hotspot, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      gtk_widget_size_allocate (hotspot,
                                &(GtkAllocation){ (int) floor (x0), (int) floor (y0),
                                                  MAX ((int) ceil (x1 - x0), 1),
                                                  MAX ((int) ceil (y1 - y0), 1) },
                                -1);
    }
}

/* GSK's cairo renderer copies a texture's pixels out on every frame; given a cairo node,
 * it paints straight from the cached surface.  A GL renderer uploads a texture once. */
static void
append_sprite (GtkSnapshot *snapshot, Cache *cache, gboolean cairo, Sprite *sprite)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (
    (float) sprite->extents.x / cache->scale, (float) sprite->extents.y / cache->scale,
    (float) sprite->extents.width / cache->scale, (float) sprite->extents.height / cache->scale);

  if (cairo)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

      cairo_translate (cr, bounds.origin.x, bounds.origin.y);
      cairo_scale (cr, 1.0 / cache->scale, 1.0 / cache->scale);
      cairo_set_source_surface (cr, sprite->surface, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      return;
    }
  if (sprite->texture == NULL)
    sprite->texture = texture_for_surface (sprite->surface);
  gtk_snapshot_append_texture (snapshot, sprite->texture, &bounds);
}

/* Whether a highlight of the part at @index is drawn: its layer is shown (even if a
 * layer above covers it: the outline shows where it lies), or it is an area on the skin. */
static gboolean
is_drawn (UnknotAnatomyView *self, int index)
{
  const UnknotAnatomyPart *part;

  if (index == NO_PART)
    return FALSE;
  part = unknot_anatomy_get_part ((guint) index);
  return unknot_anatomy_part_is_shown (part, self->depth) ||
         unknot_anatomy_part_is_interactive (part, self->depth);
}

static gboolean
focus_is_visible (UnknotAnatomyView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) && gtk_window_get_focus_visible (GTK_WINDOW (root));
}

static void
ensure_layouts (UnknotAnatomyView *self)
{
  if (self->numbers[0] != NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (self->numbers); i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", i);
      g_autoptr (PangoAttrList) attributes = pango_attr_list_new ();

      self->numbers[i] = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum"));
      pango_layout_set_attributes (self->numbers[i], attributes);
    }
  self->legend_none = gtk_widget_create_pango_layout (GTK_WIDGET (self), _ ("0: none"));
  self->legend_worst = gtk_widget_create_pango_layout (GTK_WIDGET (self), _ ("10: worst"));
}

static void
clear_layouts (UnknotAnatomyView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->numbers); i++)
    g_clear_object (&self->numbers[i]);
  g_clear_object (&self->legend_none);
  g_clear_object (&self->legend_worst);
  g_clear_object (&self->peeled);
}

static void
append_centred_layout (
  GtkSnapshot *snapshot, PangoLayout *layout, double x, double y, const GdkRGBA *colour)
{
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) round (x - width / 2.0),
                                                          (float) round (y - height / 2.0)));
  gtk_snapshot_append_layout (snapshot, layout, colour);
  gtk_snapshot_restore (snapshot);
}

/* The score written in a circle of its own colour: never colour alone. */
static void
append_badge (
  UnknotAnatomyView *self, GtkSnapshot *snapshot, double x, double y, int score, double radius)
{
  GdkRGBA fill = rgba_from_hex (pain_ramp[score], 1);
  GdkRGBA text =
    rgba_from_hex (score >= PAIN_FIRST_LIGHT_TEXT ? PAIN_TEXT_LIGHT : PAIN_TEXT_DARK, 1);
  GdkRGBA edge = rgba_from_hex (score >= PAIN_FIRST_LIGHT_TEXT ? 0xffffff : pain_ramp[10], 0.9f);
  graphene_rect_t rect = GRAPHENE_RECT_INIT ((float) (x - radius), (float) (y - radius),
                                             (float) (2 * radius), (float) (2 * radius));
  GskRoundedRect circle;
  const float widths[4] = { 1.5f, 1.5f, 1.5f, 1.5f };
  const GdkRGBA edges[4] = { edge, edge, edge, edge };

  gsk_rounded_rect_init_from_rect (&circle, &rect, (float) radius);
  gtk_snapshot_push_rounded_clip (snapshot, &circle);
  gtk_snapshot_append_color (snapshot, &fill, &rect);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &circle, widths, edges);
  append_centred_layout (snapshot, self->numbers[score], x, y, &text);
}

/* 0 to 10 under the picture, each number in its colour. */
static void
append_legend (UnknotAnatomyView *self, GtkSnapshot *snapshot, int width, int height)
{
  double cell = MIN (LEGEND_CELL, (width - 8) / 11.0);
  double x0 = round ((width - 11 * cell) / 2);
  double y = height - LEGEND_HEIGHT + 4 + cell / 2;
  GdkRGBA colour;
  int label_width, label_height;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &colour);
  G_GNUC_END_IGNORE_DEPRECATIONS

  for (int score = 0; score <= 10; score++)
    append_badge (self, snapshot, x0 + (score + 0.5) * cell, y, score, cell / 2 - 1);

  pango_layout_get_pixel_size (self->legend_none, &label_width, &label_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) x0, (float) (y + cell / 2 + 2)));
  gtk_snapshot_append_layout (snapshot, self->legend_none, &colour);
  gtk_snapshot_restore (snapshot);
  pango_layout_get_pixel_size (self->legend_worst, &label_width, &label_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) (x0 + 11 * cell - label_width),
                                                          (float) (y + cell / 2 + 2)));
  gtk_snapshot_append_layout (snapshot, self->legend_worst, &colour);
  gtk_snapshot_restore (snapshot);
}

/* A lit deep muscle says the layers above it were taken away, under the picture's top. */
static void
append_peeled (UnknotAnatomyView *self, GtkSnapshot *snapshot, int width)
{
  GdkRGBA colour, background;
  int text_width, text_height;
  graphene_rect_t rect;
  GskRoundedRect pill;
  PangoRectangle text;

  if (self->peeled == NULL)
    {
      g_autoptr (PangoAttrList) attributes = pango_attr_list_new ();

      self->peeled = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      pango_attr_list_insert (attributes, pango_attr_scale_new (0.8));
      pango_layout_set_attributes (self->peeled, attributes);
      pango_layout_set_wrap (self->peeled, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_alignment (self->peeled, PANGO_ALIGN_CENTER);
    }
  pango_layout_set_width (self->peeled, MAX (width - 24, 1) * PANGO_SCALE);
  pango_layout_set_text (self->peeled, unknot_anatomy_depth_get_peeled (self->depth), -1);
  pango_layout_get_pixel_extents (self->peeled, NULL, &text);
  text_width = text.width;
  text_height = text.height;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &colour);
  G_GNUC_END_IGNORE_DEPRECATIONS
  background = (GdkRGBA){ 1 - colour.red, 1 - colour.green, 1 - colour.blue, 0.85f };
  rect = GRAPHENE_RECT_INIT ((float) round ((width - text_width) / 2.0 - 8), 2,
                             (float) text_width + 16, (float) text_height + 4);
  gsk_rounded_rect_init_from_rect (&pill, &rect, rect.size.height / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &pill);
  gtk_snapshot_append_color (snapshot, &background, &rect);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_save (snapshot);
  /* The layout is as wide as the view, its lines centred in it. */
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (rect.origin.x + 8 - text.x, rect.origin.y + 2));
  gtk_snapshot_append_layout (snapshot, self->peeled, &colour);
  gtk_snapshot_restore (snapshot);
}

static void
unknot_anatomy_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  UnknotAnatomyView *self = UNKNOT_ANATOMY_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int highlighted;
  Cache *cache;
  float stretch;
  gboolean lit;
  gboolean cairo = GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (gtk_widget_get_native (widget)));

  if (ensure_art (self) == NULL || self->unit <= 0)
    return;
  if (self->cache == NULL)
    self->cache = build_cache (self);
  cache = self->cache;
  /* While the size settles the textures of the last size are stretched to fit. */
  stretch = (float) (self->unit * cache->scale / cache->unit);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT ((float) self->image_x, (float) self->image_y));
  gtk_snapshot_scale (snapshot, stretch, stretch);
  /* A lit target stands out of a faded picture. */
  lit = is_drawn (self, self->targets[0]) || is_drawn (self, self->targets[1]);
  if (lit)
    gtk_snapshot_push_opacity (snapshot, TARGET_CONTEXT_OPACITY);
  append_sprite (snapshot, cache, cairo, ensure_base (self, cache, self->depth));
  if (lit)
    gtk_snapshot_pop (snapshot);

  for (UnknotArea area = 0; area < UNKNOT_N_AREAS; area++)
    if (self->pain[area] >= 0)
      append_sprite (
        snapshot, cache, cairo,
        ensure_sprite (self, cache,
                       unknot_anatomy_part_get_index (unknot_anatomy_lookup_area (area)),
                       self->depth == UNKNOT_ANATOMY_DEPTH_SKIN ? TINT_PAIN : TINT_PAIN_BELOW,
                       self->pain[area]));

  for (guint i = 0; i < G_N_ELEMENTS (self->targets); i++)
    if (is_drawn (self, self->targets[i]))
      append_sprite (snapshot, cache, cairo,
                     ensure_sprite (self, cache, (guint) self->targets[i], TINT_TARGET, 0));
  if (is_drawn (self, self->selected))
    append_sprite (snapshot, cache, cairo,
                   ensure_sprite (self, cache, (guint) self->selected, TINT_SELECTED, 0));

  highlighted = self->hovered;
  if (highlighted == NO_PART && focus_is_visible (self))
    highlighted = self->focused;
  if (is_drawn (self, highlighted))
    append_sprite (snapshot, cache, cairo,
                   ensure_sprite (self, cache, (guint) highlighted, TINT_HOVER, 0));
  gtk_snapshot_restore (snapshot);

  if (lit && unknot_anatomy_depth_get_peeled (self->depth) != NULL)
    append_peeled (self, snapshot, width);

  if (!has_pain (self))
    return;
  ensure_layouts (self);
  for (UnknotArea area = 0; area < UNKNOT_N_AREAS; area++)
    if (self->pain[area] >= 0)
      {
        const UnknotAnatomyPart *part = unknot_anatomy_lookup_area (area);
        double x, y, cx, cy, cw, ch;

        crop_rect (self, &cx, &cy, &cw, &ch);
        if (part->label_x < cx || part->label_y < cy || part->label_x > cx + cw ||
            part->label_y > cy + ch)
          continue;
        art_to_widget (self, part->label_x, part->label_y, &x, &y);
        append_badge (self, snapshot, x, y, self->pain[area], BADGE_RADIUS);
      }
  append_legend (self, snapshot, width, height);
}

/* Tab goes through the parts in their logical order (both maximus, both medius … then the
 * bones and the areas), not in GTK's reading order of their rectangles; the arrow keys
 * move to the nearest part that way, as GTK does. */
static gboolean
unknot_anatomy_view_focus (GtkWidget *widget, GtkDirectionType direction)
{
  UnknotAnatomyView *self = UNKNOT_ANATOMY_VIEW (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  int step, start, n = (int) self->hotspots->len;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (unknot_anatomy_view_parent_class)->focus (widget, direction);

  step = direction == GTK_DIR_TAB_FORWARD ? 1 : -1;
  if (UNKNOT_IS_ANATOMY_HOTSPOT (focus_child))
    start =
      (int) unknot_anatomy_hotspot_get_part_index (UNKNOT_ANATOMY_HOTSPOT (focus_child)) + step;
  else
    start = step > 0 ? 0 : n - 1;
  for (int i = start; i >= 0 && i < n; i += step)
    {
      GtkWidget *hotspot = g_ptr_array_index (self->hotspots, i);

      if (gtk_widget_get_visible (hotspot) && gtk_widget_grab_focus (hotspot))
        return TRUE;
    }
  return FALSE;
}

static void
unknot_anatomy_view_map (GtkWidget *widget)
{
  UnknotAnatomyView *self = UNKNOT_ANATOMY_VIEW (widget);

  GTK_WIDGET_CLASS (unknot_anatomy_view_parent_class)->map (widget);
  if (self->hotspots_dirty)
    update_hotspots (self);
}

static void
unknot_anatomy_view_css_changed (GtkWidget *widget, GtkCssStyleChange *change)
{
  UnknotAnatomyView *self = UNKNOT_ANATOMY_VIEW (widget);

  GTK_WIDGET_CLASS (unknot_anatomy_view_parent_class)->css_changed (widget, change);
  /* The accent and the fonts may have changed; the art has not. */
  if (self->cache != NULL)
    clear_sprites (self->cache);
  clear_layouts (self);
  gtk_widget_queue_draw (widget);
}

static void
scale_factor_cb (UnknotAnatomyView *self)
{
  drop_cache (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_visible_cb (UnknotAnatomyView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
unknot_anatomy_view_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (unknot_anatomy_view_parent_class)->root (widget);
  if (GTK_IS_WINDOW (gtk_widget_get_root (widget)))
    g_signal_connect_object (gtk_widget_get_root (widget), "notify::focus-visible",
                             G_CALLBACK (focus_visible_cb), widget, G_CONNECT_SWAPPED);
}

static void
unknot_anatomy_view_unroot (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_root (widget), focus_visible_cb, widget);
  GTK_WIDGET_CLASS (unknot_anatomy_view_parent_class)->unroot (widget);
}

/* GObject */

static void
unknot_anatomy_view_dispose (GObject *object)
{
  UnknotAnatomyView *self = UNKNOT_ANATOMY_VIEW (object);

  destroy_hotspots (self);
  drop_cache (self);
  clear_layouts (self);
  g_clear_object (&self->art);

  G_OBJECT_CLASS (unknot_anatomy_view_parent_class)->dispose (object);
}

static void
unknot_anatomy_view_finalize (GObject *object)
{
  UnknotAnatomyView *self = UNKNOT_ANATOMY_VIEW (object);

  g_ptr_array_unref (self->hotspots);

  G_OBJECT_CLASS (unknot_anatomy_view_parent_class)->finalize (object);
}

static void
unknot_anatomy_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  UnknotAnatomyView *self = UNKNOT_ANATOMY_VIEW (object);

  switch (prop_id)
    {
    case PROP_DEPTH:
      g_value_set_enum (value, self->depth);
      break;
    case PROP_SELECTED:
      g_value_set_string (value, unknot_anatomy_view_get_selected (self));
      break;
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    case PROP_INTERACTIVE:
      g_value_set_boolean (value, self->interactive);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_anatomy_view_set_property (GObject *object,
                                  guint prop_id,
                                  const GValue *value,
                                  GParamSpec *pspec)
{
  UnknotAnatomyView *self = UNKNOT_ANATOMY_VIEW (object);

  switch (prop_id)
    {
    case PROP_DEPTH:
      unknot_anatomy_view_set_depth (self, g_value_get_enum (value));
      break;
    case PROP_SELECTED:
      unknot_anatomy_view_set_selected (self, g_value_get_string (value));
      break;
    case PROP_COMPACT:
      unknot_anatomy_view_set_compact (self, g_value_get_boolean (value));
      break;
    case PROP_INTERACTIVE:
      unknot_anatomy_view_set_interactive (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_anatomy_view_class_init (UnknotAnatomyViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_anatomy_view_dispose;
  object_class->finalize = unknot_anatomy_view_finalize;
  object_class->get_property = unknot_anatomy_view_get_property;
  object_class->set_property = unknot_anatomy_view_set_property;

  widget_class->get_request_mode = unknot_anatomy_view_get_request_mode;
  widget_class->measure = unknot_anatomy_view_measure;
  widget_class->size_allocate = unknot_anatomy_view_size_allocate;
  widget_class->snapshot = unknot_anatomy_view_snapshot;
  widget_class->map = unknot_anatomy_view_map;
  widget_class->focus = unknot_anatomy_view_focus;
  widget_class->css_changed = unknot_anatomy_view_css_changed;
  widget_class->query_tooltip = query_tooltip;
  widget_class->root = unknot_anatomy_view_root;
  widget_class->unroot = unknot_anatomy_view_unroot;

  /**
   * UnknotAnatomyView:depth:
   *
   * How far the layers are peeled.
   */
  properties[PROP_DEPTH] = g_param_spec_enum (
    "depth", NULL, NULL, UNKNOT_TYPE_ANATOMY_DEPTH, UNKNOT_ANATOMY_DEPTH_SUPERFICIAL,
    G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * UnknotAnatomyView:selected:
   *
   * The id of the selected part, or %NULL.
   */
  properties[PROP_SELECTED] =
    g_param_spec_string ("selected", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * UnknotAnatomyView:compact:
   *
   * Shows the hips only, for a small picture.
   */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * UnknotAnatomyView:interactive:
   *
   * Whether parts can be pointed at, focused and selected.  A view that only shows (the
   * player's) is one picture for a screen reader.
   */
  properties[PROP_INTERACTIVE] =
    g_param_spec_boolean ("interactive", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UnknotAnatomyView::part-activated:
   * @id: the part's id
   *
   * A part was clicked, or Enter was pressed on it; it is now selected.
   */
  signals[PART_ACTIVATED] =
    g_signal_new ("part-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_css_name (widget_class, "anatomy-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
unknot_anatomy_view_init (UnknotAnatomyView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->depth = UNKNOT_ANATOMY_DEPTH_SUPERFICIAL;
  self->interactive = TRUE;
  self->selected = self->hovered = self->focused = NO_PART;
  self->targets[0] = self->targets[1] = NO_PART;
  for (guint i = 0; i < UNKNOT_N_AREAS; i++)
    self->pain[i] = -1;
  self->hotspots = g_ptr_array_new ();
  self->hotspots_dirty = TRUE;

  g_signal_connect (motion, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_cb), NULL);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("The hips, seen from behind"), -1);
  create_hotspots (self);
}

GtkWidget *
unknot_anatomy_view_new (void)
{
  return g_object_new (UNKNOT_TYPE_ANATOMY_VIEW, NULL);
}

UnknotAnatomyDepth
unknot_anatomy_view_get_depth (UnknotAnatomyView *self)
{
  g_return_val_if_fail (UNKNOT_IS_ANATOMY_VIEW (self), UNKNOT_ANATOMY_DEPTH_SUPERFICIAL);
  return self->depth;
}

/**
 * unknot_anatomy_view_set_depth:
 *
 * Peels the layers down to @depth.
 */
void
unknot_anatomy_view_set_depth (UnknotAnatomyView *self, UnknotAnatomyDepth depth)
{
  g_return_if_fail (UNKNOT_IS_ANATOMY_VIEW (self));
  g_return_if_fail (depth < UNKNOT_ANATOMY_N_DEPTHS);

  if (self->depth == depth)
    return;
  self->depth = depth;
  self->hovered = NO_PART;
  /* Highlights leave out what covers a part, which depends on the depth. */
  for (guint i = 0; self->cache != NULL && i < unknot_anatomy_get_n_parts (); i++)
    {
      clear_sprite (&self->cache->parts[i].sprites[TINT_HOVER]);
      clear_sprite (&self->cache->parts[i].sprites[TINT_SELECTED]);
    }
  update_hotspots (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPTH]);
}

/**
 * unknot_anatomy_view_get_selected:
 *
 * Returns: (nullable): the id of the selected part
 */
const char *
unknot_anatomy_view_get_selected (UnknotAnatomyView *self)
{
  g_return_val_if_fail (UNKNOT_IS_ANATOMY_VIEW (self), NULL);
  return self->selected != NO_PART ? unknot_anatomy_get_part ((guint) self->selected)->id : NULL;
}

/**
 * unknot_anatomy_view_set_selected:
 * @id: (nullable): a part's id, or %NULL for none
 */
void
unknot_anatomy_view_set_selected (UnknotAnatomyView *self, const char *id)
{
  const UnknotAnatomyPart *part;
  int index;

  g_return_if_fail (UNKNOT_IS_ANATOMY_VIEW (self));

  part = unknot_anatomy_lookup (id);
  g_return_if_fail (id == NULL || part != NULL);
  index = part != NULL ? (int) unknot_anatomy_part_get_index (part) : NO_PART;
  if (self->selected == index)
    return;

  if (self->selected != NO_PART && (guint) self->selected < self->hotspots->len)
    unknot_anatomy_hotspot_set_selected (g_ptr_array_index (self->hotspots, self->selected), FALSE);
  self->selected = index;
  if (index != NO_PART && (guint) index < self->hotspots->len)
    unknot_anatomy_hotspot_set_selected (g_ptr_array_index (self->hotspots, index), TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/**
 * unknot_anatomy_view_get_hovered:
 *
 * Returns: (nullable): the id of the part under the pointer
 */
const char *
unknot_anatomy_view_get_hovered (UnknotAnatomyView *self)
{
  g_return_val_if_fail (UNKNOT_IS_ANATOMY_VIEW (self), NULL);
  return self->hovered != NO_PART ? unknot_anatomy_get_part ((guint) self->hovered)->id : NULL;
}

gboolean
unknot_anatomy_view_get_compact (UnknotAnatomyView *self)
{
  g_return_val_if_fail (UNKNOT_IS_ANATOMY_VIEW (self), FALSE);
  return self->compact;
}

void
unknot_anatomy_view_set_compact (UnknotAnatomyView *self, gboolean compact)
{
  g_return_if_fail (UNKNOT_IS_ANATOMY_VIEW (self));

  compact = !!compact;
  if (self->compact == compact)
    return;
  self->compact = compact;
  drop_cache (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}

gboolean
unknot_anatomy_view_get_interactive (UnknotAnatomyView *self)
{
  g_return_val_if_fail (UNKNOT_IS_ANATOMY_VIEW (self), FALSE);
  return self->interactive;
}

void
unknot_anatomy_view_set_interactive (UnknotAnatomyView *self, gboolean interactive)
{
  g_return_if_fail (UNKNOT_IS_ANATOMY_VIEW (self));

  interactive = !!interactive;
  if (self->interactive == interactive)
    return;
  self->interactive = interactive;
  self->hovered = NO_PART;
  if (interactive)
    {
      create_hotspots (self);
      update_hotspots (self);
    }
  else
    destroy_hotspots (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("The hips, seen from behind"), -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERACTIVE]);
}

/**
 * unknot_anatomy_view_set_pain:
 * @area_id: a diary area: "low-back", "knee-left" …
 * @score: 0 to 10, or -1 for none
 *
 * Colours @area_id by @score, writes the score on it, and shows the scale.
 */
void
unknot_anatomy_view_set_pain (UnknotAnatomyView *self, const char *area_id, int score)
{
  UnknotArea area;
  gboolean had_pain;

  g_return_if_fail (UNKNOT_IS_ANATOMY_VIEW (self));
  g_return_if_fail (score >= -1 && score <= 10);
  if (!unknot_area_from_id (area_id, &area))
    {
      g_critical ("No body area “%s”", area_id);
      return;
    }

  if (self->pain[area] == score)
    return;
  had_pain = has_pain (self);
  self->pain[area] = score;
  update_hotspot_description (self,
                              unknot_anatomy_part_get_index (unknot_anatomy_lookup_area (area)));
  if (had_pain != has_pain (self))
    gtk_widget_queue_resize (GTK_WIDGET (self));
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * unknot_anatomy_view_get_pain:
 *
 * Returns: the score shown on @area_id, or -1
 */
int
unknot_anatomy_view_get_pain (UnknotAnatomyView *self, const char *area_id)
{
  UnknotArea area;

  g_return_val_if_fail (UNKNOT_IS_ANATOMY_VIEW (self), -1);
  return unknot_area_from_id (area_id, &area) ? self->pain[area] : -1;
}

void
unknot_anatomy_view_clear_pain (UnknotAnatomyView *self)
{
  g_return_if_fail (UNKNOT_IS_ANATOMY_VIEW (self));

  for (UnknotArea area = 0; area < UNKNOT_N_AREAS; area++)
    unknot_anatomy_view_set_pain (self, unknot_area_get_id (area), -1);
}

/**
 * unknot_anatomy_view_set_target:
 * @target: the muscle a step works, or %UNKNOT_N_TARGETS for none
 * @side: the side being worked (%UNKNOT_SIDE_BOTH lights both)
 *
 * Lights the muscle, and peels the layers down to it: the piriformis and the minimus lie
 * under the glutes.
 */
void
unknot_anatomy_view_set_target (UnknotAnatomyView *self, UnknotTarget target, UnknotSide side)
{
  const UnknotAnatomyPart *left = NULL, *right = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (UNKNOT_IS_ANATOMY_VIEW (self));
  g_return_if_fail (target <= UNKNOT_N_TARGETS);

  if (target < UNKNOT_N_TARGETS)
    {
      if (side != UNKNOT_SIDE_RIGHT)
        left = unknot_anatomy_lookup_target (target, UNKNOT_SIDE_LEFT);
      if (side != UNKNOT_SIDE_LEFT)
        right = unknot_anatomy_lookup_target (target, UNKNOT_SIDE_RIGHT);
    }
  self->targets[0] = left != NULL ? (int) unknot_anatomy_part_get_index (left) : NO_PART;
  self->targets[1] = right != NULL ? (int) unknot_anatomy_part_get_index (right) : NO_PART;

  if (left != NULL || right != NULL)
    {
      const UnknotAnatomyPart *part = left != NULL ? left : right;

      unknot_anatomy_view_set_depth (self, unknot_anatomy_part_get_depth (part));
      if (left != NULL && right != NULL)
        /* Translators: what the player's small picture shows, for a screen reader:
         * "The hips, seen from behind. Lit: Piriformis, both sides" */
        label = g_strdup_printf (_ ("The hips, seen from behind. Lit: %s, both sides"),
                                 unknot_vocabulary_get_label (UNKNOT_VOCABULARY_TARGET, target));
      else
        /* Translators: what the player's small picture shows, for a screen reader:
         * "The hips, seen from behind. Lit: Left piriformis" */
        label = g_strdup_printf (_ ("The hips, seen from behind. Lit: %s"),
                                 unknot_anatomy_part_get_name (part));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label != NULL ? label : _ ("The hips, seen from behind"), -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
