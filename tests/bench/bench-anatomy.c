/* bench-anatomy.c: one frame of the anatomy view while the hover moves across the parts,
 * and one hit test, against drawing and hit-testing with librsvg from scratch
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view is 1280×800.  A frame: the pointer moves onto the next part (the motion
 * controller's "motion", so the view hit-tests and queues a draw), the widget is
 * snapshotted, and its render nodes are drawn into an image surface with cairo, as GSK's
 * cairo renderer draws them.  Baseline, in the same run: librsvg renders the whole SVG at
 * the picture's size into an image surface, as a view that drew the SVG on each frame
 * would (the SVG already parsed: the cheaper of the two naive baselines).
 *
 * A hit test: the view's look-up of the part at a point.  Baseline: asking librsvg, part
 * by part from the top, whether the point is painted (rendering each into one pixel).
 *
 * Scale 2 is a second run of this program with GDK_SCALE=2.  Both runs use GSK's cairo
 * renderer, the one this measures.  Without a display the program runs itself under
 * xvfb-run, or says why it cannot.
 *
 * Prints "bench: anatomy-frame-1x|2x …" and "bench: anatomy-hit-test …" lines.
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <math.h>
#include <unistd.h>

#include "unknot-anatomy.h"
#include "unknot-anatomy-art.h"
#include "unknot-anatomy-view.h"

#define WIDTH 1280
#define HEIGHT 800
#define FRAMES 400
#define BASELINE_FRAMES 60
#define HIT_BATCH 1000
#define HIT_BATCHES 400
#define BASELINE_HITS 200

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *values, double p)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, MIN ((guint) (p * values->len), values->len - 1));
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  (*(int *) user_data)++;
  return G_SOURCE_CONTINUE;
}

static void
wait_frames (GtkWidget *widget, int n)
{
  int ticks = 0;
  guint id = gtk_widget_add_tick_callback (widget, tick_cb, &ticks, NULL);

  while (ticks < n)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (widget, id);
  iterate ();
}

static GtkEventController *
motion_controller (GtkWidget *widget)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        return controller;
    }
  g_error ("The anatomy view has no motion controller");
}

/* One point on each part a person can point at, found by pointing. */
static GArray *
find_part_points (UnknotAnatomyView *view, GtkEventController *motion)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (graphene_point_t));
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (int y = 8; y < HEIGHT; y += 16)
    for (int x = 8; x < WIDTH; x += 16)
      {
        const char *id;

        g_signal_emit_by_name (motion, "motion", (double) x, (double) y);
        id = unknot_anatomy_view_get_hovered (view);
        if (id != NULL && !g_hash_table_contains (seen, id))
          {
            graphene_point_t point = GRAPHENE_POINT_INIT (x, y);

            g_hash_table_add (seen, (gpointer) id);
            g_array_append_val (points, point);
          }
      }
  return points;
}

static void
print_line (const char *name, GArray *times, double baseline, const char *unit, double factor)
{
  double median = percentile (times, 0.5);
  double p99 = percentile (times, 0.99);

  g_print ("bench: %s median=%.3f%s p99=%.3f%s baseline=%.3f%s ratio=%.1fx\n", name,
           median * factor, unit, p99 * factor, unit, baseline * factor, unit, baseline / median);
}

static void
bench_frames (int scale)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = unknot_anatomy_view_new ();
  g_autoptr (GArray) points = NULL;
  g_autoptr (GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) baseline = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GBytes) svg = NULL;
  g_autofree char *name = NULL;
  GtkEventController *motion;
  cairo_surface_t *target;
  RsvgHandle *handle;
  double art_width, art_height, unit;
  int image_width, image_height;

  /* 1280×800 whatever the screen: at scale 2 a 1280×800 screen holds only 640×400. */
  gtk_widget_set_size_request (view, WIDTH, HEIGHT);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (window, 3);
  if (gtk_widget_get_width (view) != WIDTH || gtk_widget_get_height (view) != HEIGHT)
    g_error ("The view is %d×%d, not %d×%d", gtk_widget_get_width (view),
             gtk_widget_get_height (view), WIDTH, HEIGHT);
  scale = gtk_widget_get_scale_factor (view);

  motion = motion_controller (view);
  points = find_part_points (UNKNOT_ANATOMY_VIEW (view), motion);
  g_printerr ("bench-anatomy: scale %d, hovering %u parts\n", scale, points->len);
  target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gtk_widget_get_width (view) * scale,
                                       gtk_widget_get_height (view) * scale);

  for (int i = -(int) points->len; i < FRAMES; i++) /* the first round warms the caches */
    {
      graphene_point_t *point =
        &g_array_index (points, graphene_point_t, (guint) (i + (int) points->len) % points->len);
      GtkSnapshot *snapshot;
      GskRenderNode *node;
      cairo_t *cr;
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      g_signal_emit_by_name (motion, "motion", (double) point->x, (double) point->y);
      /* What GTK does to draw the widget: its snapshot function (its children, the
       * hotspots, draw nothing). */
      snapshot = gtk_snapshot_new ();
      GTK_WIDGET_GET_CLASS (view)->snapshot (view, snapshot);
      node = gtk_snapshot_free_to_node (snapshot);
      cr = cairo_create (target);
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      cairo_scale (cr, scale, scale);
      if (node != NULL)
        gsk_render_node_draw (node, cr);
      cairo_destroy (cr);
      cairo_surface_flush (target);
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_clear_pointer (&node, gsk_render_node_unref);
      if (i >= 0)
        g_array_append_val (frames, elapsed);
      /* UNKNOT_BENCH_FRAME_PNG=FILE: the last frame, to look at. */
      if (i == FRAMES - 1 && g_getenv ("UNKNOT_BENCH_FRAME_PNG") != NULL)
        cairo_surface_write_to_png (target, g_getenv ("UNKNOT_BENCH_FRAME_PNG"));
    }

  /* The naive view: the whole SVG, drawn by librsvg at the picture's size, each frame. */
  svg = g_resources_lookup_data (UNKNOT_ANATOMY_ART_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  handle = rsvg_handle_new_from_data (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), NULL);
  unknot_anatomy_art_get_size (unknot_anatomy_art_get_default (), &art_width, &art_height);
  unit = MIN ((double) gtk_widget_get_width (view) / art_width,
              (double) gtk_widget_get_height (view) / art_height) *
         scale;
  image_width = (int) ceil (art_width * unit);
  image_height = (int) ceil (art_height * unit);
  for (int i = 0; i < BASELINE_FRAMES; i++)
    {
      gint64 start = g_get_monotonic_time ();
      cairo_t *cr = cairo_create (target);
      RsvgRectangle viewport = { (cairo_image_surface_get_width (target) - image_width) / 2.0, 0,
                                 image_width, image_height };
      double elapsed;

      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      rsvg_handle_render_document (handle, cr, &viewport, NULL);
      cairo_destroy (cr);
      cairo_surface_flush (target);
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (baseline, elapsed);
    }

  name = g_strdup_printf ("anatomy-frame-%dx", scale);
  print_line (name, frames, percentile (baseline, 0.5), "ms", 1);

  g_object_unref (handle);
  cairo_surface_destroy (target);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* Is (x, y) painted by the part at @index?  librsvg's answer, rendering it into one pixel. */
static gboolean
naive_hit (RsvgHandle *handle, cairo_surface_t *pixel, const char *id, double x, double y)
{
  g_autofree char *ref = g_strconcat ("#", id, NULL);
  RsvgRectangle viewport = { -floor (x), -floor (y), 600, 720 };
  cairo_t *cr = cairo_create (pixel);

  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  rsvg_handle_render_layer (handle, cr, ref, &viewport, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (pixel);
  return cairo_image_surface_get_data (pixel)[0] >= 128;
}

static void
bench_hit_test (void)
{
  UnknotAnatomyArt *art = unknot_anatomy_art_get_default ();
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) baseline = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GBytes) svg =
    g_resources_lookup_data (UNKNOT_ANATOMY_ART_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  RsvgHandle *handle =
    rsvg_handle_new_from_data (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), NULL);
  cairo_surface_t *pixel = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  g_autofree guint *order = g_new (guint, unknot_anatomy_get_n_parts ());
  guint n_parts = unknot_anatomy_get_n_parts ();
  GRand *rand = g_rand_new_with_seed (5);
  volatile int sink = 0;

  /* Top first, as a naive hit test would ask. */
  for (guint i = 0; i < n_parts; i++)
    order[i] = i;
  for (guint i = 0; i < n_parts; i++)
    for (guint j = i + 1; j < n_parts; j++)
      if (unknot_anatomy_get_part (order[j])->paint_order >
          unknot_anatomy_get_part (order[i])->paint_order)
        {
          guint swap = order[i];

          order[i] = order[j];
          order[j] = swap;
        }

  unknot_anatomy_art_hit_test (art, UNKNOT_ANATOMY_DEPTH_SUPERFICIAL, 300, 200);
  for (int b = 0; b < HIT_BATCHES; b++)
    {
      double xs[HIT_BATCH], ys[HIT_BATCH];
      gint64 start;
      double elapsed;

      for (int i = 0; i < HIT_BATCH; i++)
        {
          xs[i] = g_rand_double_range (rand, 0, 600);
          ys[i] = g_rand_double_range (rand, 0, 720);
        }
      start = g_get_monotonic_time ();
      for (int i = 0; i < HIT_BATCH; i++)
        sink += unknot_anatomy_art_hit_test (art, UNKNOT_ANATOMY_DEPTH_SUPERFICIAL, xs[i], ys[i]);
      elapsed = (double) (g_get_monotonic_time () - start) / HIT_BATCH;
      g_array_append_val (hits, elapsed);
    }

  for (int i = 0; i < BASELINE_HITS; i++)
    {
      double x = g_rand_double_range (rand, 0, 600), y = g_rand_double_range (rand, 0, 720);
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      for (guint o = 0; o < n_parts; o++)
        {
          const UnknotAnatomyPart *part = unknot_anatomy_get_part (order[o]);

          if (unknot_anatomy_part_is_interactive (part, UNKNOT_ANATOMY_DEPTH_SUPERFICIAL) &&
              naive_hit (handle, pixel, part->id, x, y))
            break;
        }
      elapsed = (double) (g_get_monotonic_time () - start);
      g_array_append_val (baseline, elapsed);
    }

  print_line ("anatomy-hit-test", hits, percentile (baseline, 0.5), "µs", 1);
  g_rand_free (rand);
  cairo_surface_destroy (pixel);
  g_object_unref (handle);
}

/* Runs this program again with GDK_SCALE=@scale; its output is ours. */
static int
run_scaled (const char *self, int scale)
{
  g_autofree char *scale_text = g_strdup_printf ("%d", scale);
  g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "GDK_SCALE", scale_text, TRUE);
  const char *argv[] = { self, "--frames", NULL };
  g_autoptr (GError) error = NULL;
  int status;

  /* The frames are drawn as GSK's cairo renderer draws them, so the view is told that
   * renderer draws it (with GL it would hand over textures instead). */
  env = g_environ_setenv (env, "GSK_RENDERER", "cairo", TRUE);

  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL, NULL,
                     NULL, &status, &error))
    {
      g_printerr ("bench-anatomy: %s\n", error->message);
      return 1;
    }
  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

int
main (int argc, char *argv[])
{
  g_autofree char *self = NULL;
  int status = 0;

  setlocale (LC_ALL, "");
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_autofree char *xvfb_run = g_find_program_in_path ("xvfb-run");

      if (xvfb_run == NULL || g_getenv ("UNKNOT_BENCH_IN_XVFB") != NULL)
        {
          g_print ("bench: anatomy skipped: no display, and no xvfb-run to make one\n");
          return 77;
        }
      g_setenv ("UNKNOT_BENCH_IN_XVFB", "1", TRUE);
      self = g_file_read_link ("/proc/self/exe", NULL);
      execl (xvfb_run, "xvfb-run", "-a", "-s", "-screen 0 1280x800x24",
             self != NULL ? self : argv[0], argc > 1 ? argv[1] : NULL, NULL);
      g_printerr ("bench-anatomy: cannot run xvfb-run\n");
      return 1;
    }

  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  if (argc > 1 && g_str_equal (argv[1], "--frames"))
    {
      bench_frames (1);
      return 0;
    }

  self = g_file_read_link ("/proc/self/exe", NULL);
  status |= run_scaled (self != NULL ? self : argv[0], 1);
  status |= run_scaled (self != NULL ? self : argv[0], 2);
  bench_hit_test ();
  return status;
}
