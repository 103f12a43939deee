/* test-anatomy.c: the anatomy art has every part the app names, in the right layer and
 * order; pointing finds the right part; peeling shows and hides the right ones
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "unknot-anatomy.h"
#include "unknot-anatomy-art.h"
#include "unknot-routine.h"
#include "unknot-routine-library.h"

static UnknotAnatomyArt *
art (void)
{
  UnknotAnatomyArt *result = unknot_anatomy_art_get_default ();

  g_assert_nonnull (result);
  return result;
}

static int
part_index (const char *id)
{
  const UnknotAnatomyPart *part = unknot_anatomy_lookup (id);

  g_assert_nonnull (part);
  return (int) unknot_anatomy_part_get_index (part);
}

/* The ids of the SVG's elements in document order, and the group each one sits in. */
typedef struct
{
  GPtrArray *ids;
  GHashTable *parents; /* id → id of the nearest enclosing element that has one */
  GPtrArray *stack;    /* the enclosing ids, NULL for elements without one */
} SvgOutline;

static void
outline_start_cb (GMarkupParseContext *context,
                  const char *element_name,
                  const char **attribute_names,
                  const char **attribute_values,
                  gpointer user_data,
                  GError **error)
{
  SvgOutline *outline = user_data;
  const char *id = NULL;

  for (guint i = 0; attribute_names[i] != NULL; i++)
    if (g_str_equal (attribute_names[i], "id"))
      id = attribute_values[i];

  if (id != NULL)
    {
      for (guint i = outline->stack->len; i > 0; i--)
        if (g_ptr_array_index (outline->stack, i - 1) != NULL)
          {
            g_hash_table_insert (outline->parents, g_strdup (id),
                                 g_strdup (g_ptr_array_index (outline->stack, i - 1)));
            break;
          }
      g_ptr_array_add (outline->ids, g_strdup (id));
    }
  g_ptr_array_add (outline->stack, (gpointer) (id != NULL ? g_intern_string (id) : NULL));
}

static void
outline_end_cb (GMarkupParseContext *context,
                const char *element_name,
                gpointer user_data,
                GError **error)
{
  SvgOutline *outline = user_data;

  g_ptr_array_remove_index (outline->stack, outline->stack->len - 1);
}

static void
read_outline (SvgOutline *outline)
{
  static const GMarkupParser parser = { outline_start_cb, outline_end_cb, NULL, NULL, NULL };
  g_autoptr (GBytes) svg =
    g_resources_lookup_data (UNKNOT_ANATOMY_ART_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr (GMarkupParseContext) context = NULL;
  g_autoptr (GError) error = NULL;
  gsize size;
  const char *data;

  g_assert_nonnull (svg);
  data = g_bytes_get_data (svg, &size);
  outline->ids = g_ptr_array_new_with_free_func (g_free);
  outline->parents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  outline->stack = g_ptr_array_new ();
  context = g_markup_parse_context_new (&parser, G_MARKUP_IGNORE_QUALIFIED, outline, NULL);
  g_assert_true (g_markup_parse_context_parse (context, data, (gssize) size, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
}

static void
clear_outline (SvgOutline *outline)
{
  g_ptr_array_unref (outline->ids);
  g_hash_table_unref (outline->parents);
  g_ptr_array_unref (outline->stack);
}

static guint
document_position (SvgOutline *outline, const char *id)
{
  guint position;

  if (!g_ptr_array_find_with_equal_func (outline->ids, id, g_str_equal, &position))
    g_error ("%s is not in the SVG", id);
  return position;
}

/* Every id the code uses is in the SVG, under the layer the code thinks, and the paint
 * order the hit-test relies on is the SVG's own. */
static void
test_ids_exist (void)
{
  SvgOutline outline = { 0 };
  guint n_parts = unknot_anatomy_get_n_parts ();

  read_outline (&outline);
  for (UnknotAnatomyLayer layer = 0; layer < UNKNOT_ANATOMY_N_LAYERS; layer++)
    {
      g_assert_true (unknot_anatomy_art_has_element (art (), unknot_anatomy_layer_get_id (layer)));
      if (layer > 0)
        g_assert_cmpuint (document_position (&outline, unknot_anatomy_layer_get_id (layer - 1)), <,
                          document_position (&outline, unknot_anatomy_layer_get_id (layer)));
    }

  for (guint i = 0; i < n_parts; i++)
    {
      const UnknotAnatomyPart *part = unknot_anatomy_get_part (i);
      const RsvgRectangle *bounds = unknot_anatomy_art_get_part_bounds (art (), i);

      g_test_message ("%s", part->id);
      g_assert_true (unknot_anatomy_art_has_element (art (), part->id));
      g_assert_cmpstr (g_hash_table_lookup (outline.parents, part->id), ==,
                       unknot_anatomy_layer_get_id (part->layer));
      g_assert_cmpfloat (bounds->width, >, 1);
      g_assert_cmpfloat (bounds->height, >, 1);
      g_assert_true (unknot_anatomy_lookup (part->id) == part);

      for (guint j = 0; j < n_parts; j++)
        {
          const UnknotAnatomyPart *other = unknot_anatomy_get_part (j);

          if (i == j)
            continue;
          g_assert_cmpstr (part->id, !=, other->id);
          g_assert_cmpuint (part->paint_order, !=, other->paint_order);
          if (part->paint_order < other->paint_order)
            g_assert_cmpuint (document_position (&outline, part->id), <,
                              document_position (&outline, other->id));
        }

      /* A side is where the SVG draws it: the person's left on the viewer's left. */
      if (part->side == UNKNOT_SIDE_LEFT)
        g_assert_cmpfloat (bounds->x + bounds->width / 2, <, 300);
      else if (part->side == UNKNOT_SIDE_RIGHT)
        g_assert_cmpfloat (bounds->x + bounds->width / 2, >, 300);
    }
  clear_outline (&outline);
}

/* Every target a routine step can name has a muscle on each side; every diary area has
 * its area in the art. */
static void
test_targets_and_areas (void)
{
  g_autoptr (UnknotRoutineLibrary) library = unknot_routine_library_new ();
  g_autoptr (GError) error = NULL;

  for (UnknotTarget target = 0; target < UNKNOT_N_TARGETS; target++)
    for (UnknotSide side = UNKNOT_SIDE_LEFT; side <= UNKNOT_SIDE_RIGHT; side++)
      {
        const UnknotAnatomyPart *part = unknot_anatomy_lookup_target (target, side);

        g_assert_nonnull (part);
        g_assert_cmpint (part->kind, ==, UNKNOT_ANATOMY_KIND_MUSCLE);
        g_assert_cmpint (part->side, ==, side);
        g_assert_true (unknot_anatomy_art_has_element (art (), part->id));
      }

  g_assert_true (unknot_routine_library_load_builtin (library, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < unknot_routine_library_get_n_routines (library); i++)
    {
      UnknotRoutine *routine = unknot_routine_library_get_routine (library, i);

      for (guint s = 0; s < unknot_routine_get_n_steps (routine); s++)
        {
          const UnknotStep *step = unknot_routine_get_step (routine, s);

          g_assert_nonnull (unknot_anatomy_lookup_target (step->target, UNKNOT_SIDE_LEFT));
          g_assert_nonnull (unknot_anatomy_lookup_target (step->target, UNKNOT_SIDE_RIGHT));
        }
    }

  for (UnknotArea area = 0; area < UNKNOT_N_AREAS; area++)
    {
      const UnknotAnatomyPart *part = unknot_anatomy_lookup_area (area);
      g_autofree char *id = g_strconcat ("area-", unknot_area_get_id (area), NULL);

      g_assert_nonnull (part);
      g_assert_cmpstr (part->id, ==, id);
      g_assert_cmpint (part->kind, ==, UNKNOT_ANATOMY_KIND_AREA);
      g_assert_true (unknot_anatomy_art_has_element (art (), id));
      g_assert_cmpstr (unknot_anatomy_part_get_name (part), ==, unknot_area_get_label (area));
    }
}

/* Every part has a name and says what it is; a muscle says why it can hurt; a routine
 * works on each muscle and each area, never on bone. */
static void
test_texts (void)
{
  g_autoptr (UnknotRoutineLibrary) library = unknot_routine_library_new ();

  g_assert_true (unknot_routine_library_load_builtin (library, NULL));
  for (guint i = 0; i < unknot_anatomy_get_n_parts (); i++)
    {
      const UnknotAnatomyPart *part = unknot_anatomy_get_part (i);
      guint n_routines = 0;

      g_test_message ("%s", part->id);
      g_assert_cmpstr (unknot_anatomy_part_get_name (part), !=, "");
      g_assert_cmpstr (unknot_anatomy_part_get_kind_label (part), !=, "");
      g_assert_cmpuint (strlen (unknot_anatomy_part_get_description (part)), >, 20);
      if (part->kind != UNKNOT_ANATOMY_KIND_BONE)
        g_assert_true (unknot_anatomy_part_get_knee (part) != NULL ||
                       unknot_anatomy_part_get_hip (part) != NULL ||
                       unknot_anatomy_part_get_low_back (part) != NULL ||
                       unknot_anatomy_part_get_leg (part) != NULL);
      if (part->kind == UNKNOT_ANATOMY_KIND_NERVE)
        g_assert_nonnull (strstr (unknot_anatomy_part_get_caution (part), "bladder"));

      for (guint r = 0; r < unknot_routine_library_get_n_routines (library); r++)
        n_routines +=
          unknot_anatomy_part_is_worked_by (part, unknot_routine_library_get_routine (library, r));
      if (part->kind == UNKNOT_ANATOMY_KIND_BONE)
        g_assert_cmpuint (n_routines, ==, 0);
      else
        g_assert_cmpuint (n_routines, >, 0);
    }
}

typedef struct
{
  const char *id; /* without the side */
  double x, y;    /* the right side's point; the left one is x → 600 − x */
} SamplePoint;

/* resources/anatomy/README.md, "Hit-test points", and the areas. */
static const SamplePoint sample_points[] = {
  { "gluteus-maximus", 410, 240 },
  { "gluteus-medius", 450, 120 },
  { "gluteus-minimus", 450, 150 },
  { "piriformis", 380, 194 },
  { "sciatic-nerve", 431, 380 },
  { "femur", 460, 380 },
  { "greater-trochanter", 482, 244 },
  { "ischial-tuberosity", 377, 320 },
  { "iliac-crest", 420, 62 },
  { "pelvis", 410, 120 },
  { "sacrum", 300, 176 },
  { "lumbar-spine", 300, 100 },
  { "area-low-back", 300, 60 },
  { "area-buttock", 380, 300 },
  { "area-hip", 510, 220 },
  { "area-leg", 400, 450 },
  { "area-knee", 403, 640 },
};

static void
check_point (const char *id, double x, double y)
{
  int expected = part_index (id);
  UnknotAnatomyDepth depth = unknot_anatomy_part_get_depth (unknot_anatomy_get_part (expected));
  int found = unknot_anatomy_art_hit_test (art (), depth, x, y);

  g_test_message ("%s at (%g, %g), %s", id, x, y, unknot_anatomy_depth_get_id (depth));
  g_assert_cmpstr (found >= 0 ? unknot_anatomy_get_part (found)->id : "nothing", ==, id);
}

/* Pointing at the middle of each part, on both sides, finds it, with the layers peeled to
 * where it is on top. */
static void
test_hit_sample_points (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (sample_points); i++)
    {
      const SamplePoint *point = &sample_points[i];

      /* One part for both sides: both points find it. */
      if (unknot_anatomy_lookup (point->id) != NULL)
        {
          check_point (point->id, point->x, point->y);
          check_point (point->id, 600 - point->x, point->y);
          continue;
        }
      for (UnknotSide side = UNKNOT_SIDE_LEFT; side <= UNKNOT_SIDE_RIGHT; side++)
        {
          g_autofree char *id =
            g_strconcat (point->id, side == UNKNOT_SIDE_LEFT ? "-left" : "-right", NULL);

          check_point (id, side == UNKNOT_SIDE_LEFT ? 600 - point->x : point->x, point->y);
        }
    }
}

/* Outside the body nothing is found, at any depth. */
static void
test_hit_outside (void)
{
  static const struct
  {
    double x, y;
  } outside[] = {
    { 5, 5 },     { 595, 5 },  { 20, 300 },  { 580, 300 }, { 300, 520 }, { 300, 566 },
    { 300, 650 }, { 60, 650 }, { 540, 650 }, { 5, 715 },   { -10, 200 }, { 300, 900 },
  };

  for (UnknotAnatomyDepth depth = 0; depth < UNKNOT_ANATOMY_N_DEPTHS; depth++)
    for (guint i = 0; i < G_N_ELEMENTS (outside); i++)
      {
        g_test_message ("(%g, %g) at %s", outside[i].x, outside[i].y,
                        unknot_anatomy_depth_get_id (depth));
        g_assert_cmpint (unknot_anatomy_art_hit_test (art (), depth, outside[i].x, outside[i].y),
                         ==, -1);
      }
}

static void
assert_hit (UnknotAnatomyDepth depth, double x, double y, const char *id)
{
  int found = unknot_anatomy_art_hit_test (art (), depth, x, y);

  g_test_message ("(%g, %g) at %s", x, y, unknot_anatomy_depth_get_id (depth));
  g_assert_cmpstr (found >= 0 ? unknot_anatomy_get_part (found)->id : NULL, ==, id);
}

static gboolean
can_see (UnknotAnatomyDepth depth, const char *id)
{
  return unknot_anatomy_art_get_visible_bounds (art (), depth, (guint) part_index (id), NULL);
}

/* Peeling: the piriformis hides under the maximus until both glutes above it are off;
 * the skin shows only areas, the bone only bones. */
static void
test_peeling (void)
{
  static const char *const muscles[] = { "gluteus-maximus-right", "gluteus-medius-right",
                                         "gluteus-minimus-right", "piriformis-right",
                                         "sciatic-nerve-right" };
  static const gboolean visible[UNKNOT_ANATOMY_N_DEPTHS][G_N_ELEMENTS (muscles)] = {
    [UNKNOT_ANATOMY_DEPTH_SKIN] = { FALSE, FALSE, FALSE, FALSE, FALSE },
    [UNKNOT_ANATOMY_DEPTH_SUPERFICIAL] = { TRUE, TRUE, FALSE, FALSE, TRUE },
    [UNKNOT_ANATOMY_DEPTH_MIDDLE] = { FALSE, TRUE, TRUE, TRUE, TRUE },
    [UNKNOT_ANATOMY_DEPTH_DEEP] = { FALSE, FALSE, TRUE, TRUE, TRUE },
    [UNKNOT_ANATOMY_DEPTH_BONE] = { FALSE, FALSE, FALSE, FALSE, FALSE },
  };

  for (UnknotAnatomyDepth depth = 0; depth < UNKNOT_ANATOMY_N_DEPTHS; depth++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (muscles); i++)
        {
          g_test_message ("%s at %s", muscles[i], unknot_anatomy_depth_get_id (depth));
          g_assert_cmpint (can_see (depth, muscles[i]), ==, visible[depth][i]);
        }
      for (guint i = 0; i < unknot_anatomy_get_n_parts (); i++)
        {
          const UnknotAnatomyPart *part = unknot_anatomy_get_part (i);
          gboolean seen = unknot_anatomy_art_get_visible_bounds (art (), depth, i, NULL);

          if (depth == UNKNOT_ANATOMY_DEPTH_SKIN)
            g_assert_cmpint (seen, ==, part->kind == UNKNOT_ANATOMY_KIND_AREA);
          else if (depth == UNKNOT_ANATOMY_DEPTH_BONE)
            g_assert_cmpint (seen, ==, part->kind == UNKNOT_ANATOMY_KIND_BONE);
          else if (part->kind == UNKNOT_ANATOMY_KIND_AREA)
            g_assert_false (seen);
        }
    }

  /* One point, peeled layer by layer: maximus, then piriformis, then the greater sciatic
   * notch it passes through: no bone. */
  assert_hit (UNKNOT_ANATOMY_DEPTH_SKIN, 380, 194, "area-buttock-right");
  assert_hit (UNKNOT_ANATOMY_DEPTH_SUPERFICIAL, 380, 194, "gluteus-maximus-right");
  assert_hit (UNKNOT_ANATOMY_DEPTH_MIDDLE, 380, 194, "piriformis-right");
  assert_hit (UNKNOT_ANATOMY_DEPTH_DEEP, 380, 194, "piriformis-right");
  assert_hit (UNKNOT_ANATOMY_DEPTH_BONE, 380, 194, NULL);
  assert_hit (UNKNOT_ANATOMY_DEPTH_BONE, 410, 120, "pelvis");
  /* The minimus under the medius, the medius's top beside the maximus. */
  assert_hit (UNKNOT_ANATOMY_DEPTH_SUPERFICIAL, 450, 120, "gluteus-medius-right");
  assert_hit (UNKNOT_ANATOMY_DEPTH_MIDDLE, 450, 150, "gluteus-medius-right");
  assert_hit (UNKNOT_ANATOMY_DEPTH_DEEP, 450, 150, "gluteus-minimus-right");
  /* The nerve below the maximus at every muscle depth, gone at the bone. */
  assert_hit (UNKNOT_ANATOMY_DEPTH_SUPERFICIAL, 169, 380, "sciatic-nerve-left");
  assert_hit (UNKNOT_ANATOMY_DEPTH_BONE, 169, 380, NULL);

  for (UnknotAnatomyLayer layer = 0; layer < UNKNOT_ANATOMY_N_LAYERS; layer++)
    {
      g_assert_true (unknot_anatomy_depth_shows_layer (UNKNOT_ANATOMY_DEPTH_SKIN, layer) ==
                     (layer == UNKNOT_ANATOMY_LAYER_BACKDROP));
      g_assert_true (unknot_anatomy_depth_shows_layer (UNKNOT_ANATOMY_DEPTH_SUPERFICIAL, layer) ==
                     (layer != UNKNOT_ANATOMY_LAYER_AREAS));
      g_assert_true (unknot_anatomy_depth_shows_layer (UNKNOT_ANATOMY_DEPTH_BONE, layer) ==
                     (layer <= UNKNOT_ANATOMY_LAYER_BONE));
    }
}

/* The colour at SVG point (x, y) of an image rendered at one pixel per unit. */
static guint32
pixel (cairo_surface_t *surface, int x, int y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);

  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
}

static gboolean
is_colour (guint32 argb, guint32 rgb)
{
  int dr = (int) ((argb >> 16) & 0xff) - (int) ((rgb >> 16) & 0xff);
  int dg = (int) ((argb >> 8) & 0xff) - (int) ((rgb >> 8) & 0xff);
  int db = (int) (argb & 0xff) - (int) (rgb & 0xff);

  g_test_message ("pixel %08x, expected about %06x", argb, rgb);
  return (argb >> 24) == 0xff && ABS (dr) < 40 && ABS (dg) < 40 && ABS (db) < 40;
}

/* What is rendered at each depth is what the layers hold; at the top depth it is the whole
 * SVG, pixel for pixel, so the areas never show. */
static void
test_render_depths (void)
{
  double width, height;
  cairo_surface_t *surfaces[UNKNOT_ANATOMY_N_DEPTHS];
  RsvgHandle *handle;
  g_autoptr (GBytes) svg =
    g_resources_lookup_data (UNKNOT_ANATOMY_ART_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  cairo_surface_t *whole;
  cairo_t *cr;
  RsvgRectangle viewport;

  unknot_anatomy_art_get_size (art (), &width, &height);
  g_assert_cmpfloat (width, ==, 600);
  g_assert_cmpfloat (height, ==, 720);
  for (UnknotAnatomyDepth depth = 0; depth < UNKNOT_ANATOMY_N_DEPTHS; depth++)
    surfaces[depth] = unknot_anatomy_art_render_depth (art (), depth, 1, 0, 0, 600, 720);

  /* Skin over the maximus, then its red, the piriformis's, and bone. */
  g_assert_true (is_colour (pixel (surfaces[UNKNOT_ANATOMY_DEPTH_SKIN], 380, 194), 0xe3bf9b));
  g_assert_true (
    is_colour (pixel (surfaces[UNKNOT_ANATOMY_DEPTH_SUPERFICIAL], 380, 194), 0xc9504b));
  g_assert_true (is_colour (pixel (surfaces[UNKNOT_ANATOMY_DEPTH_MIDDLE], 380, 194), 0xb33f55));
  g_assert_true (is_colour (pixel (surfaces[UNKNOT_ANATOMY_DEPTH_DEEP], 380, 194), 0xb33f55));
  g_assert_true (is_colour (pixel (surfaces[UNKNOT_ANATOMY_DEPTH_BONE], 410, 120), 0xf2ebd7));
  g_assert_true (is_colour (pixel (surfaces[UNKNOT_ANATOMY_DEPTH_DEEP], 450, 150), 0xeda183));
  g_assert_true (is_colour (pixel (surfaces[UNKNOT_ANATOMY_DEPTH_DEEP], 431, 380), 0xf6d32d));
  g_assert_false (is_colour (pixel (surfaces[UNKNOT_ANATOMY_DEPTH_BONE], 431, 380), 0xf6d32d));

  handle = rsvg_handle_new_from_data (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), NULL);
  whole = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 720);
  cr = cairo_create (whole);
  viewport = (RsvgRectangle){ 0, 0, 600, 720 };
  g_assert_true (rsvg_handle_render_document (handle, cr, &viewport, NULL));
  cairo_destroy (cr);
  cairo_surface_flush (whole);
  g_assert_cmpmem (cairo_image_surface_get_data (whole), 600 * 720 * 4,
                   cairo_image_surface_get_data (surfaces[UNKNOT_ANATOMY_DEPTH_SUPERFICIAL]),
                   600 * 720 * 4);

  cairo_surface_destroy (whole);
  g_object_unref (handle);
  for (UnknotAnatomyDepth depth = 0; depth < UNKNOT_ANATOMY_N_DEPTHS; depth++)
    cairo_surface_destroy (surfaces[depth]);
}

/* A part's mask lies where its bounds say, at any scale. */
static void
test_part_masks (void)
{
  int index = part_index ("piriformis-right");
  const RsvgRectangle *bounds = unknot_anatomy_art_get_part_bounds (art (), (guint) index);
  cairo_rectangle_int_t extents;
  cairo_surface_t *mask =
    unknot_anatomy_art_render_part_mask (art (), (guint) index, 2, 100, 50, &extents);
  const guint8 *data = cairo_image_surface_get_data (mask);
  int stride = cairo_image_surface_get_stride (mask);

  g_assert_cmpint (extents.x, <=, (bounds->x - 100) * 2);
  g_assert_cmpint (extents.x + extents.width, >=, (bounds->x + bounds->width - 100) * 2);
  /* (380, 194) is inside; it lands at ((380 − 100) · 2, (194 − 50) · 2). */
  g_assert_cmpint (data[(288 - extents.y) * stride + (560 - extents.x)], ==, 255);
  g_assert_cmpint (data[0], ==, 0);
  cairo_surface_destroy (mask);

  /* Areas are in a transparent group, and still have a mask. */
  index = part_index ("area-knee-left");
  mask = unknot_anatomy_art_render_part_mask (art (), (guint) index, 1, 0, 0, &extents);
  data = cairo_image_surface_get_data (mask);
  stride = cairo_image_surface_get_stride (mask);
  g_assert_cmpint (data[(640 - extents.y) * stride + (197 - extents.x)], ==, 255);
  cairo_surface_destroy (mask);
}

/* Hit-testing is a look-up: far under the 50 µs a frame can spare. */
static void
test_hit_speed (void)
{
  const guint n = 200000;
  gint64 start;
  double per_hit;
  int found = 0;

  unknot_anatomy_art_hit_test (art (), UNKNOT_ANATOMY_DEPTH_DEEP, 0, 0);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    found += unknot_anatomy_art_hit_test (art (), i % UNKNOT_ANATOMY_N_DEPTHS, (i * 7) % 600,
                                          (i * 13) % 720) >= 0;
  per_hit = (double) (g_get_monotonic_time () - start) / n;
  g_test_message ("%.3f µs per hit test, %d found", per_hit, found);
  g_assert_cmpint (found, >, 0);
  g_assert_cmpfloat (per_hit, <, 50);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/anatomy/ids-exist", test_ids_exist);
  g_test_add_func ("/anatomy/targets-and-areas", test_targets_and_areas);
  g_test_add_func ("/anatomy/texts", test_texts);
  g_test_add_func ("/anatomy/hit-sample-points", test_hit_sample_points);
  g_test_add_func ("/anatomy/hit-outside", test_hit_outside);
  g_test_add_func ("/anatomy/peeling", test_peeling);
  g_test_add_func ("/anatomy/render-depths", test_render_depths);
  g_test_add_func ("/anatomy/part-masks", test_part_masks);
  g_test_add_func ("/anatomy/hit-speed", test_hit_speed);

  return g_test_run ();
}
