/* unknot-raised-box.c: a box that draws its cards' soft shadows from a texture
 *
 * libadwaita 1.2 gives a card (`.card`, `list.boxed-list`) three shadows: a 1 px
 * outline and two blurred layers, `0 1px 3px 1px rgba(0,0,0,.07)` and `0 2px 6px 2px
 * rgba(0,0,0,.03)`.  GTK's GL renderer draws a blurred shadow through an offscreen blur,
 * and the outline with a shader of its own; software GL (Mesa's llvmpipe: virtual
 * machines, remote desktops) compiles each shader the first frame uses at the first
 * start and loads it at every start: most of what the routine list cost the first frame
 * there.
 *
 * In a raised box (class `raised-cards`) the box draws the shadows itself, under its
 * cards: the shadow of one small card is computed once per scale factor (the outline,
 * and the layers blurred with a Gaussian of half the blur radius, as CSS defines a
 * shadow's blur and GTK's GL renderer draws it), cut into corners and edges (the inside
 * of the card left clear, as CSS clips a shadow to outside the box), and laid around
 * each card as textures.  Each is drawn through an identity colour matrix, but by the
 * cairo renderer: GTK's GL renderer draws that with the shader of every symbolic icon,
 * where a bare texture would take one more shader to compile.  Cards too small to cut
 * around get the shadows drawn the usual way.
 *
 * With high contrast libadwaita's outline is a line in the text's colour under the
 * blurred layers: the box then leaves its class and all its cards' shadows to the
 * style sheet, and draws nothing itself.
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "unknot-raised-box.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

/* The card's corner radius, and how far the blurred layers reach beyond its edge
 * (spread 2 + offset 2 + three standard deviations of the 6 px blur, rounded up). */
#define RADIUS 12
#define EXTENT 16
/* The sides of a corner piece: EXTENT outside the card, RADIUS + EXTENT inside, where
 * the corner's shadow meets the straight edge's. */
#define CORNER (2 * EXTENT + RADIUS)

enum
{
  TOP_LEFT,
  TOP,
  TOP_RIGHT,
  RIGHT,
  BOTTOM_RIGHT,
  BOTTOM,
  BOTTOM_LEFT,
  LEFT,
  N_PIECES
};

struct _UnknotRaisedBox
{
  GtkBox parent_instance;

  GdkTexture *pieces[N_PIECES];
  int scale; /* the scale the pieces were drawn at */
};

G_DEFINE_FINAL_TYPE (UnknotRaisedBox, unknot_raised_box, GTK_TYPE_BOX)

/* libadwaita's card shadow, black: colour alpha, vertical offset, spread, blur radius of
 * the outline and the two blurred layers, in the order GTK draws them (the first
 * lowest). */
static const struct
{
  double alpha;
  double dy;
  double spread;
  double blur;
} layers[] = {
  { 0.03, 0, 1, 0 },
  { 0.07, 1, 1, 3 },
  { 0.03, 2, 2, 6 },
};

/* The same shadow around @outline, for GTK to draw. */
static void
append_shadow_nodes (GtkSnapshot *snapshot, const GskRoundedRect *outline)
{
  for (guint i = 0; i < G_N_ELEMENTS (layers); i++)
    gtk_snapshot_append_outset_shadow (snapshot, outline, &(GdkRGBA){ 0, 0, 0, layers[i].alpha }, 0,
                                       layers[i].dy, layers[i].spread, layers[i].blur);
}

static void
rounded_rect_path (cairo_t *cr, const graphene_rect_t *rect, double radius)
{
  double x = rect->origin.x, y = rect->origin.y;
  double width = rect->size.width, height = rect->size.height;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A piece of @surface (ARGB32, premultiplied, as GDK_MEMORY_DEFAULT) as a texture. */
static GdkTexture *
cut (cairo_surface_t *surface, int x, int y, int width, int height)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr (GBytes) bytes = g_bytes_new (data + (gsize) y * stride + (gsize) x * 4,
                                          (gsize) (height - 1) * stride + width * 4);

  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

/* Four floats at a time (GCC's and Clang's vector extension: SSE on x86-64). */
typedef float Floats4 __attribute__ ((vector_size (16)));

/* @sum[i] += @weight × @source[i] for @n floats, each sum the same as one at a time. */
static void
add_weighted (float *sum, const float *source, float weight, int n)
{
  int i = 0;

  for (; i + 4 <= n; i += 4)
    {
      Floats4 a, b;

      memcpy (&a, sum + i, sizeof a);
      memcpy (&b, source + i, sizeof b);
      a += weight * b;
      memcpy (sum + i, &a, sizeof a);
    }
  for (; i < n; i++)
    sum[i] += weight * source[i];
}

/* Blurs @values (@size × @size) with a Gaussian of standard deviation @sigma, one
 * direction then the other.  Each line is copied out with its ends repeated beyond the
 * edges, and blurred tap by tap along its length, four pixels at a time (the start-up's
 * first frame computes this). */
static void
gaussian_blur (float *values, int size, double sigma)
{
  int radius = (int) ceil (3 * sigma);
  int taps = 2 * radius + 1;
  g_autofree float *kernel = g_new (float, taps);
  g_autofree float *padded = g_new (float, size + 2 * radius);
  g_autofree float *line = g_new (float, size);
  double total = 0;

  for (int i = -radius; i <= radius; i++)
    total += kernel[i + radius] = (float) exp (-(i * i) / (2 * sigma * sigma));
  for (int i = 0; i < taps; i++)
    kernel[i] /= (float) total;

  for (int pass = 0; pass < 2; pass++)
    for (int a = 0; a < size; a++)
      {
        /* pass 0: row a; pass 1: column a */
        int start = pass == 0 ? a * size : a;
        int step = pass == 0 ? 1 : size;

        for (int b = -radius; b < size + radius; b++)
          padded[b + radius] = values[start + CLAMP (b, 0, size - 1) * step];
        memset (line, 0, sizeof (float) * size);
        for (int k = 0; k < taps; k++)
          add_weighted (line, padded + k, kernel[k], size);
        for (int b = 0; b < size; b++)
          values[start + b * step] = line[b];
      }
}

/* Fills @mask with the coverage of @rect rounded by @radius, at @scale. */
static void
fill_mask (cairo_surface_t *mask, int scale, const graphene_rect_t *rect, double radius)
{
  cairo_t *cr = cairo_create (mask);

  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  cairo_scale (cr, scale, scale);
  rounded_rect_path (cr, rect, radius);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (mask);
}

/* Draws the shadow of a card just big enough to cut, at @scale, as the CSS
 * specification blurs a shadow (a Gaussian of half the blur radius, as GTK's GL
 * renderer draws it), and cuts it. */
static void
make_pieces (UnknotRaisedBox *self, int scale)
{
  int card = 2 * (RADIUS + EXTENT) + 1; /* one pixel of straight edge in the middle */
  int size = card + 2 * EXTENT;
  int pixels = size * scale;
  int corner = CORNER * scale;
  int middle = (size / 2) * scale; /* the row and column of the straight edges */
  int end = pixels - corner;
  g_autofree float *clear = g_new (float, (gsize) pixels *pixels);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixels, pixels);
  cairo_surface_t *mask = cairo_image_surface_create (CAIRO_FORMAT_A8, pixels, pixels);
  guchar *argb = cairo_image_surface_get_data (surface);
  int argb_stride = cairo_image_surface_get_stride (surface);
  const guchar *coverage = cairo_image_surface_get_data (mask);
  int mask_stride = cairo_image_surface_get_stride (mask);
  g_autofree float *values = g_new (float, (gsize) pixels *pixels);
  cairo_t *cr;

  /* How much of each pixel no layer darkens (black over black: the order is all one). */
  for (gsize i = 0; i < (gsize) pixels * pixels; i++)
    clear[i] = 1;
  for (guint l = 0; l < G_N_ELEMENTS (layers); l++)
    {
      double grow = layers[l].spread;

      fill_mask (mask, scale,
                 &GRAPHENE_RECT_INIT (EXTENT - grow, EXTENT - grow + layers[l].dy, card + 2 * grow,
                                      card + 2 * grow),
                 RADIUS + grow);
      for (int y = 0; y < pixels; y++)
        for (int x = 0; x < pixels; x++)
          values[y * pixels + x] = coverage[y * mask_stride + x] / 255.f;
      if (layers[l].blur > 0)
        gaussian_blur (values, pixels, layers[l].blur / 2 * scale);
      for (gsize i = 0; i < (gsize) pixels * pixels; i++)
        clear[i] *= 1 - (float) layers[l].alpha * values[i];
    }
  cairo_surface_destroy (mask);

  /* Black, premultiplied: only the alpha. */
  cairo_surface_flush (surface);
  for (int y = 0; y < pixels; y++)
    for (int x = 0; x < pixels; x++)
      {
        guint32 alpha = (guint32) lround (255 * (1 - clear[y * pixels + x]));

        *(guint32 *) (argb + y * argb_stride + x * 4) = alpha << 24;
      }
  cairo_surface_mark_dirty (surface);
  /* Outside the card only. */
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  rounded_rect_path (cr, &GRAPHENE_RECT_INIT (EXTENT, EXTENT, card, card), RADIUS);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (guint i = 0; i < N_PIECES; i++)
    g_clear_object (&self->pieces[i]);
  self->pieces[TOP_LEFT] = cut (surface, 0, 0, corner, corner);
  /* Edges one pixel across at any scale: stretched, they must not blend two columns. */
  self->pieces[TOP] = cut (surface, middle, 0, 1, corner);
  self->pieces[TOP_RIGHT] = cut (surface, end, 0, corner, corner);
  self->pieces[RIGHT] = cut (surface, end, middle, corner, 1);
  self->pieces[BOTTOM_RIGHT] = cut (surface, end, end, corner, corner);
  self->pieces[BOTTOM] = cut (surface, middle, end, 1, corner);
  self->pieces[BOTTOM_LEFT] = cut (surface, 0, end, corner, corner);
  self->pieces[LEFT] = cut (surface, 0, middle, corner, 1);
  cairo_surface_destroy (surface);
  self->scale = scale;
}

/* The identity, as a colour matrix and offset (see the top of the file). */
static const graphene_matrix_t *
identity_matrix (void)
{
  static graphene_matrix_t identity;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      graphene_matrix_init_identity (&identity);
      g_once_init_leave (&initialized, 1);
    }
  return &identity;
}

/* Each piece through a colour matrix of its own if @recolour: around several, the matrix
 * would be drawn through an offscreen. */
static void
append_piece (GtkSnapshot *snapshot,
              gboolean recolour,
              GdkTexture *piece,
              float x,
              float y,
              float width,
              float height)
{
  if (width <= 0 || height <= 0)
    return;
  if (recolour)
    gtk_snapshot_push_color_matrix (snapshot, identity_matrix (), graphene_vec4_zero ());
  gtk_snapshot_append_texture (snapshot, piece, &GRAPHENE_RECT_INIT (x, y, width, height));
  if (recolour)
    gtk_snapshot_pop (snapshot);
}

/* The shadow around @card, laid out from the pieces. */
static void
snapshot_shadow (UnknotRaisedBox *self, GtkSnapshot *snapshot, gboolean recolour, GtkWidget *card)
{
  graphene_rect_t bounds;
  float x, y, width, height, inner_width, inner_height;

  if (!gtk_widget_compute_bounds (card, GTK_WIDGET (self), &bounds))
    return;
  x = bounds.origin.x - EXTENT;
  y = bounds.origin.y - EXTENT;
  width = bounds.size.width + 2 * EXTENT;
  height = bounds.size.height + 2 * EXTENT;
  inner_width = width - 2 * CORNER;
  inner_height = height - 2 * CORNER;

  if (inner_width < 0 || inner_height < 0)
    {
      /* Too small to cut around: the shadows the usual way. */
      GskRoundedRect outline;

      gsk_rounded_rect_init_from_rect (&outline, &bounds, RADIUS);
      append_shadow_nodes (snapshot, &outline);
      return;
    }

  append_piece (snapshot, recolour, self->pieces[TOP_LEFT], x, y, CORNER, CORNER);
  append_piece (snapshot, recolour, self->pieces[TOP], x + CORNER, y, inner_width, CORNER);
  append_piece (snapshot, recolour, self->pieces[TOP_RIGHT], x + width - CORNER, y, CORNER, CORNER);
  append_piece (snapshot, recolour, self->pieces[RIGHT], x + width - CORNER, y + CORNER, CORNER,
                inner_height);
  append_piece (snapshot, recolour, self->pieces[BOTTOM_RIGHT], x + width - CORNER,
                y + height - CORNER, CORNER, CORNER);
  append_piece (snapshot, recolour, self->pieces[BOTTOM], x + CORNER, y + height - CORNER,
                inner_width, CORNER);
  append_piece (snapshot, recolour, self->pieces[BOTTOM_LEFT], x, y + height - CORNER, CORNER,
                CORNER);
  append_piece (snapshot, recolour, self->pieces[LEFT], x, y + CORNER, CORNER, inner_height);
}

static gboolean
is_card (GtkWidget *widget)
{
  return gtk_widget_has_css_class (widget, "card") ||
         (GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "boxed-list"));
}

/* The cards drawn below @widget, four levels down at most: a card of its own, or the
 * list inside a preferences group (group, box, list box's box, list). */
static void
snapshot_shadows_below (
  UnknotRaisedBox *self, GtkSnapshot *snapshot, gboolean recolour, GtkWidget *widget, int depth)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child))
        continue;
      if (is_card (child))
        snapshot_shadow (self, snapshot, recolour, child);
      else if (depth < 4)
        snapshot_shadows_below (self, snapshot, recolour, child, depth + 1);
    }
}

static void
unknot_raised_box_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  UnknotRaisedBox *self = UNKNOT_RAISED_BOX (widget);
  int scale = gtk_widget_get_scale_factor (widget);

  if (gtk_widget_has_css_class (widget, "raised-cards"))
    {
      /* The colour matrix is for GL: the cairo renderer would apply it pixel by pixel. */
      GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
      gboolean recolour = !GSK_IS_CAIRO_RENDERER (renderer);

      if (self->pieces[TOP_LEFT] == NULL || self->scale != scale)
        make_pieces (self, scale);
      snapshot_shadows_below (self, snapshot, recolour, widget, 1);
    }
  GTK_WIDGET_CLASS (unknot_raised_box_parent_class)->snapshot (widget, snapshot);
}

static void
unknot_raised_box_dispose (GObject *object)
{
  UnknotRaisedBox *self = UNKNOT_RAISED_BOX (object);

  for (guint i = 0; i < N_PIECES; i++)
    g_clear_object (&self->pieces[i]);
  G_OBJECT_CLASS (unknot_raised_box_parent_class)->dispose (object);
}

static void
unknot_raised_box_class_init (UnknotRaisedBoxClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = unknot_raised_box_dispose;
  GTK_WIDGET_CLASS (klass)->snapshot = unknot_raised_box_snapshot;
}

static void
high_contrast_cb (UnknotRaisedBox *self)
{
  if (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()))
    gtk_widget_remove_css_class (GTK_WIDGET (self), "raised-cards");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "raised-cards");
}

static void
unknot_raised_box_init (UnknotRaisedBox *self)
{
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (high_contrast_cb), self, G_CONNECT_SWAPPED);
  high_contrast_cb (self);
}
