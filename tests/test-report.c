/* test-report.c: the chart's words and drawing, and the PDF report for a physiotherapist
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <locale.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <glib/gstdio.h>
#if HAVE_POPPLER
#include <poppler.h>
#endif

#include "unknot-chart-drawing.h"
#include "unknot-pain-diary.h"
#include "unknot-report.h"
#include "unknot-routine-library.h"

#define HOUR 3600
#define DAY (24 * HOUR)

static UnknotRoutineLibrary *library;

typedef struct
{
  GSettings *settings;
  UnknotPainDiary *diary;
  gint64 now;
  char *directory;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->settings = g_settings_new (APPLICATION_ID);
  g_settings_reset (f->settings, "pain-log");
  g_settings_reset (f->settings, "intensity-log");
  f->diary = unknot_pain_diary_new (f->settings);
  f->now = g_get_real_time () / G_USEC_PER_SEC;
  f->directory = g_dir_make_tmp ("unknot-report-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unknot_pain_diary_get_n_entries (f->diary), ==, 0);
}

static void
remove_directory (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  remove_directory (f->directory);
  g_clear_pointer (&f->directory, g_free);
  g_clear_object (&f->diary);
  g_clear_object (&f->settings);
}

static void
append (
  Fixture *f, gint64 time, UnknotArea area, guint score, const char *routine_id, UnknotPhase phase)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (
    unknot_pain_diary_append (f->diary, time, area, score, routine_id, phase, NULL, &error));
  g_assert_no_error (error);
}

/* A year of use: a routine every other day, a check-in on the days between.  The low back
 * goes from 7 down to 3 over the year and eases by 2 after each routine; the right buttock
 * stays at 4, and a routine takes it to 3. */
static void
fill_year (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  for (int day = 364; day >= 1; day--)
    {
      gint64 t = f->now - day * DAY;
      guint low_back = 3 + (4 * day + 182) / 364;

      if (day % 2 == 0)
        {
          const char *routine_id = day % 4 == 0 ? "glute-release" : "piriformis-ball";

          append (f, t, UNKNOT_AREA_LOW_BACK, low_back, routine_id, UNKNOT_PHASE_BEFORE);
          append (f, t + 1, UNKNOT_AREA_BUTTOCK_RIGHT, 4, routine_id, UNKNOT_PHASE_BEFORE);
          append (f, t + 900, UNKNOT_AREA_LOW_BACK, low_back - 2, routine_id, UNKNOT_PHASE_AFTER);
          append (f, t + 901, UNKNOT_AREA_BUTTOCK_RIGHT, 3, routine_id, UNKNOT_PHASE_AFTER);
        }
      else
        append (f, t, UNKNOT_AREA_LOW_BACK, low_back, NULL, UNKNOT_PHASE_CHECK_IN);
    }

  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (
        unknot_pain_diary_add_intensity_event (f->diary, f->now - (40 + 60 * i) * DAY + 300,
                                               "piriformis-ball", 1, UNKNOT_SIDE_LEFT, &error));
      g_assert_no_error (error);
    }
}

static char *
read_file (const char *path, gsize *length)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, &error));
  g_assert_no_error (error);
  return contents;
}

static void
assert_is_pdf (const char *path)
{
  gsize length = 0;
  g_autofree char *contents = read_file (path, &length);
  g_autofree char *tail = NULL;

  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-1."));
  tail = g_strndup (contents + length - MIN (length, 32), MIN (length, 32));
  g_assert_nonnull (strstr (tail, "%%EOF"));
}

/* The PDF's text, pages joined, with every run of white space made one space so that a
 * sentence wrapped over two lines is still found. */
static char *
pdf_text (const char *path, int *n_pages)
{
#if HAVE_POPPLER
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
  g_autoptr (GString) text = g_string_new (NULL);
  gboolean space = FALSE;

  g_assert_no_error (error);
  *n_pages = poppler_document_get_n_pages (document);
  for (int i = 0; i < *n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_object_unref (page);

      for (const char *p = page_text; *p != '\0'; p++)
        {
          if (g_ascii_isspace (*p))
            space = TRUE;
          else
            {
              if (space && text->len > 0)
                g_string_append_c (text, ' ');
              space = FALSE;
              g_string_append_c (text, *p);
            }
        }
      space = TRUE;
    }
  g_object_unref (document);
  return g_string_free (g_steal_pointer (&text), FALSE);
#else
  *n_pages = -1;
  return NULL;
#endif
}

static void
assert_contains (const char *text, const char *expected)
{
  if (strstr (text, expected) == NULL)
    g_error ("“%s” is not in the report:\n%s", expected, text);
}

static void
test_report_year (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->directory, "report.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  int n_pages = 0;

  fill_year (f);
  g_assert_true (
    unknot_report_write_pdf (f->diary, library, f->now - 365 * DAY, f->now + 1, file, &error));
  g_assert_no_error (error);
  assert_is_pdf (path);

  text = pdf_text (path, &n_pages);
  if (text == NULL)
    {
      g_test_skip ("built without poppler-glib: the report's text is not checked");
      return;
    }
  g_test_message ("a year of sessions: %d pages", n_pages);
  /* 182 sessions with two areas each need several pages of table. */
  g_assert_cmpint (n_pages, >=, 5);

  assert_contains (text, "Unknot pain diary");
  assert_contains (text, "Areas: Low back, Right buttock");
  /* The chart's summary, as the progress page says it. */
  assert_contains (text, "Low back: from 7 to 3.");
  assert_contains (text, "Right buttock: steady at 4.");
  /* Routines by name, with their average change; buttock 4 → 3 is only a small change. */
  assert_contains (text, "Glute release");
  assert_contains (text, "Piriformis ball release");
  assert_contains (text, "noticeably better");
  assert_contains (text, "small change");
  /* The "too intense" presses, with the step and side. */
  assert_contains (text, "Too intense");
  assert_contains (text, "Piriformis: hold a tender spot");
  assert_contains (text, "Left side");
  /* Every page says what the app is not. */
  assert_contains (text, "Unknot coaches self-massage; it does not diagnose.");
  {
    g_autofree char *last_page = g_strdup_printf ("Page %d", n_pages);

    assert_contains (text, last_page);
  }
}

static void
test_report_empty (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->directory, "empty.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  int n_pages = 0;

  g_assert_true (
    unknot_report_write_pdf (f->diary, NULL, f->now - 28 * DAY, f->now + 1, file, &error));
  g_assert_no_error (error);
  assert_is_pdf (path);

  text = pdf_text (path, &n_pages);
  if (text == NULL)
    {
      g_test_skip ("built without poppler-glib: the report's text is not checked");
      return;
    }
  g_assert_cmpint (n_pages, ==, 1);
  assert_contains (text, "Areas: no scores in this period");
  assert_contains (text, "No pain scores in this period");
  assert_contains (text, "No session with a score before and after in this period.");
  assert_contains (text, "None in this period.");
}

static void
test_report_unwritable (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->directory, "missing", "report.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  append (f, f->now - DAY, UNKNOT_AREA_LOW_BACK, 5, NULL, UNKNOT_PHASE_CHECK_IN);
  g_assert_false (
    unknot_report_write_pdf (f->diary, library, f->now - 28 * DAY, f->now + 1, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_chart_describe (Fixture *f, gconstpointer data)
{
  gint64 from = f->now - 28 * DAY;
  g_autoptr (UnknotChartData) empty = unknot_chart_data_new (f->diary, from, f->now + 1);
  g_autoptr (UnknotChartData) chart = NULL;
  g_autofree char *text = unknot_chart_data_describe (empty);

  g_assert_cmpstr (text, ==, "No pain scores in this period.");
  g_assert_cmpuint (unknot_chart_data_get_n_areas (empty), ==, 0);

  for (int day = 27; day >= 1; day--)
    {
      gint64 t = f->now - day * DAY;

      /* Low back: 6 in the first week, 3 in the last; the lower "after" scores are not
       * part of the line. */
      append (f, t, UNKNOT_AREA_LOW_BACK,
              day > 20  ? 6
              : day > 7 ? 5
                        : 3,
              "glute-release", UNKNOT_PHASE_BEFORE);
      append (f, t + 600, UNKNOT_AREA_LOW_BACK, 0, "glute-release", UNKNOT_PHASE_AFTER);
      /* Right buttock: always 4.  Left knee: 4, then 5: under the line a person notices. */
      append (f, t, UNKNOT_AREA_BUTTOCK_RIGHT, 4, NULL, UNKNOT_PHASE_CHECK_IN);
      append (f, t, UNKNOT_AREA_KNEE_LEFT, day > 14 ? 4 : 5, NULL, UNKNOT_PHASE_CHECK_IN);
    }
  /* Back of the left leg: only scored after routines, over two days. */
  append (f, f->now - 2 * DAY, UNKNOT_AREA_LEG_LEFT, 2, "glute-release", UNKNOT_PHASE_AFTER);
  append (f, f->now - DAY, UNKNOT_AREA_LEG_LEFT, 3, "glute-release", UNKNOT_PHASE_AFTER);

  chart = unknot_chart_data_new (f->diary, from, f->now + 1);
  g_clear_pointer (&text, g_free);
  text = unknot_chart_data_describe (chart);
  g_assert_cmpstr (text, ==,
                   "Low back: from 6 to 3. Right buttock: steady at 4. "
                   "Left knee: little change, from 4 to 5. "
                   "Back of the left leg: around 3, too few days to show a trend.");
  g_assert_cmpuint (unknot_chart_data_get_n_areas (chart), ==, 4);
  g_assert_cmpint (unknot_chart_data_get_area (chart, 0), ==, UNKNOT_AREA_LOW_BACK);
  g_assert_cmpint (unknot_chart_data_get_area (chart, 3), ==, UNKNOT_AREA_LEG_LEFT);
}

/* How many pixels are close to @colour. */
static guint
count_pixels (cairo_surface_t *surface, const UnknotChartColour *colour)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  guint n = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);
        int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        if (((pixel >> 24) & 0xff) == 0xff && ABS (r - colour->red * 255) < 8 &&
            ABS (g - colour->green * 255) < 8 && ABS (b - colour->blue * 255) < 8)
          n++;
      }
  return n;
}

static guint
draw_and_count (UnknotChartData *chart, int width, int height, const UnknotChartColour *colour)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  UnknotChartStyle style;
  guint n;

  unknot_chart_style_init_light (&style);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  unknot_chart_draw (cr, context, width, height, chart, &style);
  g_object_unref (context);
  cairo_destroy (cr);
  n = count_pixels (surface, colour);
  cairo_surface_destroy (surface);
  return n;
}

static void
test_chart_draw (Fixture *f, gconstpointer data)
{
  g_autoptr (UnknotChartData) chart = NULL;
  UnknotChartStyle style;

  unknot_chart_style_init_light (&style);
  for (int day = 27; day >= 1; day--)
    {
      append (f, f->now - day * DAY, UNKNOT_AREA_LOW_BACK, 5, NULL, UNKNOT_PHASE_CHECK_IN);
      append (f, f->now - day * DAY, UNKNOT_AREA_BUTTOCK_LEFT, 2, NULL, UNKNOT_PHASE_CHECK_IN);
    }
  chart = unknot_chart_data_new (f->diary, f->now - 28 * DAY, f->now + 1);

  /* Low back's line in the first colour, the left buttock's in the second. */
  g_assert_cmpuint (draw_and_count (chart, 600, 260, &style.series[0]), >, 200);
  g_assert_cmpuint (draw_and_count (chart, 600, 260, &style.series[1]), >, 100);
  /* Too small for a chart: nothing is drawn, nothing breaks. */
  g_assert_cmpuint (draw_and_count (chart, 30, 30, &style.series[0]), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  library = unknot_routine_library_new ();
  if (!unknot_routine_library_load_builtin (library, &error))
    g_error ("%s", error->message);

  g_test_add ("/report/year", Fixture, NULL, fixture_set_up, test_report_year, fixture_tear_down);
  g_test_add ("/report/empty", Fixture, NULL, fixture_set_up, test_report_empty, fixture_tear_down);
  g_test_add ("/report/unwritable", Fixture, NULL, fixture_set_up, test_report_unwritable,
              fixture_tear_down);
  g_test_add ("/chart/describe", Fixture, NULL, fixture_set_up, test_chart_describe,
              fixture_tear_down);
  g_test_add ("/chart/draw", Fixture, NULL, fixture_set_up, test_chart_draw, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&library);
  return status;
}
