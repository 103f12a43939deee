/* unknot-report.c: the pain diary as a PDF a physiotherapist can read
 *
 * One A4 document: what the period and the areas are, the chart the progress page
 * shows (drawn by the same code), the routines used with their average change, the
 * "too intense" presses, and every session with its scores.  Each page says that the app
 * coaches self-massage and does not diagnose.
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "unknot-chart-drawing.h"
#include "unknot-pain-diary.h"
#include "unknot-report.h"
#include "unknot-routine.h"
#include "unknot-routine-library.h"
#include "unknot-vocabulary.h"

/* A4 in PostScript points. */
#define PAGE_WIDTH 595.276
#define PAGE_HEIGHT 841.890
#define MARGIN 56.0
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
#define CONTENT_BOTTOM (PAGE_HEIGHT - 72.0)
#define FOOTER_TOP (PAGE_HEIGHT - 48.0)
#define CHART_HEIGHT 230.0
#define CELL_PADDING 4.0

typedef struct
{
  const char *title;
  double width; /* a share of the content width */
  PangoAlignment alignment;
} Column;

typedef struct
{
  cairo_t *cr;
  PangoContext *context;
  PangoFontDescription *title_font;
  PangoFontDescription *heading_font;
  PangoFontDescription *body_font;
  PangoFontDescription *table_font;
  PangoFontDescription *table_header_font;
  PangoFontDescription *footer_font;
  double y;
  guint page;
  /* The table being written, so its header comes again on each new page. */
  const Column *columns;
  guint n_columns;
} Report;

static PangoLayout *
create_layout (Report *report,
               const PangoFontDescription *font,
               const char *text,
               double width,
               PangoAlignment alignment)
{
  PangoLayout *layout = pango_layout_new (report->context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static void
show_layout (Report *report, PangoLayout *layout, double x, double y, double grey)
{
  cairo_set_source_rgb (report->cr, grey, grey, grey);
  cairo_move_to (report->cr, x, y);
  pango_cairo_show_layout (report->cr, layout);
}

static void
draw_footer (Report *report)
{
  g_autofree char *page = g_strdup_printf (_ ("Page %u"), report->page);
  g_autoptr (PangoLayout) notice = create_layout (
    report, report->footer_font,
    _ ("Unknot coaches self-massage; it does not diagnose. For numbness, weakness, fever, loss "
       "of bladder or bowel control, or pain after a fall, see a professional."),
    CONTENT_WIDTH - 60, PANGO_ALIGN_LEFT);
  g_autoptr (PangoLayout) number =
    create_layout (report, report->footer_font, page, 60, PANGO_ALIGN_RIGHT);

  cairo_set_source_rgb (report->cr, 0.75, 0.75, 0.75);
  cairo_set_line_width (report->cr, 0.5);
  cairo_move_to (report->cr, MARGIN, FOOTER_TOP - 6);
  cairo_line_to (report->cr, PAGE_WIDTH - MARGIN, FOOTER_TOP - 6);
  cairo_stroke (report->cr);
  show_layout (report, notice, MARGIN, FOOTER_TOP, 0.35);
  show_layout (report, number, PAGE_WIDTH - MARGIN - 60, FOOTER_TOP, 0.35);
}

static void
start_page (Report *report)
{
  if (report->page > 0)
    cairo_show_page (report->cr);
  report->page++;
  report->y = MARGIN;
  draw_footer (report);
}

static gboolean
fits (Report *report, double height)
{
  return report->y + height <= CONTENT_BOTTOM;
}

static void
paragraph (Report *report, const PangoFontDescription *font, const char *text, double space_after)
{
  g_autoptr (PangoLayout) layout =
    create_layout (report, font, text, CONTENT_WIDTH, PANGO_ALIGN_LEFT);
  double height = layout_height (layout);

  if (!fits (report, height))
    start_page (report);
  show_layout (report, layout, MARGIN, report->y, 0.1);
  report->y += height + space_after;
}

/* A heading stays with at least @keep points of what follows it. */
static void
heading (Report *report, const char *text, double keep)
{
  g_autoptr (PangoLayout) layout =
    create_layout (report, report->heading_font, text, CONTENT_WIDTH, PANGO_ALIGN_LEFT);
  double height = layout_height (layout);

  report->y += 10;
  if (!fits (report, height + 6 + keep))
    start_page (report);
  show_layout (report, layout, MARGIN, report->y, 0.1);
  report->y += height + 6;
}

static void
row (Report *report, const char *const *cells, gboolean is_header)
{
  PangoLayout *layouts[8] = { NULL };
  const PangoFontDescription *font = is_header ? report->table_header_font : report->table_font;
  double height = 0;
  double x = MARGIN;

  g_assert (report->n_columns <= G_N_ELEMENTS (layouts));

  for (guint i = 0; i < report->n_columns; i++)
    {
      double width = report->columns[i].width * CONTENT_WIDTH - 2 * CELL_PADDING;

      layouts[i] = create_layout (report, font, cells[i], width, report->columns[i].alignment);
      height = MAX (height, layout_height (layouts[i]));
    }
  height += 2 * CELL_PADDING;

  if (!fits (report, height))
    {
      start_page (report);
      if (!is_header)
        {
          const char *titles[8];

          for (guint i = 0; i < report->n_columns; i++)
            titles[i] = report->columns[i].title;
          row (report, titles, TRUE);
        }
    }

  for (guint i = 0; i < report->n_columns; i++)
    {
      show_layout (report, layouts[i], x + CELL_PADDING, report->y + CELL_PADDING, 0.1);
      x += report->columns[i].width * CONTENT_WIDTH;
      g_object_unref (layouts[i]);
    }
  report->y += height;

  if (is_header)
    cairo_set_source_rgb (report->cr, 0.3, 0.3, 0.3);
  else
    cairo_set_source_rgb (report->cr, 0.85, 0.85, 0.85);
  cairo_set_line_width (report->cr, is_header ? 0.8 : 0.4);
  cairo_move_to (report->cr, MARGIN, report->y);
  cairo_line_to (report->cr, PAGE_WIDTH - MARGIN, report->y);
  cairo_stroke (report->cr);
}

static void
begin_table (Report *report, const Column *columns, guint n_columns)
{
  const char *titles[8];

  g_assert (n_columns <= G_N_ELEMENTS (titles));

  report->columns = columns;
  report->n_columns = n_columns;
  for (guint i = 0; i < n_columns; i++)
    titles[i] = columns[i].title;
  row (report, titles, TRUE);
}

static char *
format_date (gint64 time, const char *format)
{
  g_autoptr (GDateTime) local = g_date_time_new_from_unix_local (time);

  return local != NULL ? g_date_time_format (local, format) : g_strdup ("?");
}

/* A change in points with a real minus sign: "−1.8", "+0.5", "0". */
static char *
format_change (double change, int decimals)
{
  double shown = fabs (change) * pow (10, decimals);

  if (round (shown) == 0)
    return g_strdup ("0");
  return g_strdup_printf ("%s%.*f", change < 0 ? "−" : "+", decimals, fabs (change));
}

static const char *
describe_change (guint before, guint after)
{
  if (before == after)
    return _ ("no change");
  if (!unknot_pain_change_is_noticeable (before, after))
    return _ ("small change");
  return after < before ? _ ("noticeably better") : _ ("noticeably worse");
}

static const char *
routine_name (UnknotRoutineLibrary *library, const char *routine_id)
{
  UnknotRoutine *routine =
    library != NULL ? unknot_routine_library_lookup (library, routine_id) : NULL;

  return routine != NULL ? unknot_routine_get_name (routine) : routine_id;
}

/* One run of a routine scores several areas within minutes; the diary pairs a before
 * and an after within three hours. */
#define RUN_WINDOW (3 * 60 * 60)

static gint
compare_uses (gconstpointer a, gconstpointer b)
{
  const UnknotRoutineUse *x = a;
  const UnknotRoutineUse *y = b;

  if (x->n_runs != y->n_runs)
    return x->n_runs > y->n_runs ? -1 : 1;
  return g_strcmp0 (x->routine_id, y->routine_id);
}

/**
 * unknot_report_get_routine_uses:
 * @sessions: (element-type UnknotPainSession): before → after pairs in time order, from
 *   unknot_pain_diary_get_sessions()
 *
 * Returns: (transfer full) (element-type UnknotRoutineUse): each routine of @sessions,
 *   the most done first, with its average scores before and after
 */
GArray *
unknot_report_get_routine_uses (GArray *sessions)
{
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) last_run = g_array_new (FALSE, FALSE, sizeof (gint64));
  GArray *uses = g_array_new (FALSE, TRUE, sizeof (UnknotRoutineUse));

  for (guint i = 0; i < sessions->len; i++)
    {
      const UnknotPainSession *session = &g_array_index (sessions, UnknotPainSession, i);
      gpointer found;
      guint index;
      UnknotRoutineUse *use;

      if (g_hash_table_lookup_extended (by_id, session->routine_id, NULL, &found))
        index = GPOINTER_TO_UINT (found);
      else
        {
          UnknotRoutineUse added = { session->routine_id };
          gint64 never = G_MININT64;

          index = uses->len;
          g_array_append_val (uses, added);
          g_array_append_val (last_run, never);
          g_hash_table_insert (by_id, (gpointer) session->routine_id, GUINT_TO_POINTER (index));
        }

      use = &g_array_index (uses, UnknotRoutineUse, index);
      if (g_array_index (last_run, gint64, index) == G_MININT64 ||
          session->time - g_array_index (last_run, gint64, index) > RUN_WINDOW)
        {
          use->n_runs++;
          g_array_index (last_run, gint64, index) = session->time;
        }
      use->n_pairs++;
      use->average_before += session->before;
      use->average_after += session->after;
    }

  for (guint i = 0; i < uses->len; i++)
    {
      UnknotRoutineUse *use = &g_array_index (uses, UnknotRoutineUse, i);

      use->average_before /= use->n_pairs;
      use->average_after /= use->n_pairs;
    }
  g_array_sort (uses, compare_uses);
  return uses;
}

static void
write_routines (Report *report, UnknotRoutineLibrary *library, GArray *sessions)
{
  static const Column columns[] = {
    { N_ ("Routine"), 0.40, PANGO_ALIGN_LEFT },
    { N_ ("Times done"), 0.13, PANGO_ALIGN_RIGHT },
    { N_ ("Before → after, average"), 0.22, PANGO_ALIGN_RIGHT },
    { N_ ("Change"), 0.25, PANGO_ALIGN_RIGHT },
  };
  Column translated[G_N_ELEMENTS (columns)];
  g_autoptr (GArray) uses = unknot_report_get_routine_uses (sessions);

  heading (report, _ ("Routines used"), 40);
  if (uses->len == 0)
    {
      paragraph (report, report->body_font,
                 _ ("No routine with a score before and after in this period."), 4);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      translated[i] = columns[i];
      translated[i].title = _ (columns[i].title);
    }
  begin_table (report, translated, G_N_ELEMENTS (translated));
  for (guint i = 0; i < uses->len; i++)
    {
      const UnknotRoutineUse *use = &g_array_index (uses, UnknotRoutineUse, i);
      g_autofree char *count = g_strdup_printf ("%u", use->n_runs);
      g_autofree char *averages =
        g_strdup_printf ("%.1f → %.1f", use->average_before, use->average_after);
      g_autofree char *difference = format_change (use->average_after - use->average_before, 1);
      g_autofree char *change =
        g_strdup_printf ("%s (%s)", difference,
                         describe_change ((guint) lround (use->average_before),
                                          (guint) lround (use->average_after)));
      const char *cells[] = { routine_name (library, use->routine_id), count, averages, change };

      row (report, cells, FALSE);
    }
}

static void
write_intensity_events (Report *report, UnknotRoutineLibrary *library, GArray *events)
{
  static const Column columns[] = {
    { N_ ("Date"), 0.24, PANGO_ALIGN_LEFT },
    { N_ ("Routine"), 0.30, PANGO_ALIGN_LEFT },
    { N_ ("Step"), 0.30, PANGO_ALIGN_LEFT },
    { N_ ("Side"), 0.16, PANGO_ALIGN_LEFT },
  };
  Column translated[G_N_ELEMENTS (columns)];

  heading (report, _ ("“Too intense” presses"), 40);
  if (events->len == 0)
    {
      paragraph (report, report->body_font, _ ("None in this period."), 4);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      translated[i] = columns[i];
      translated[i].title = _ (columns[i].title);
    }
  begin_table (report, translated, G_N_ELEMENTS (translated));
  for (guint i = 0; i < events->len; i++)
    {
      const UnknotIntensityRecord *event = &g_array_index (events, UnknotIntensityRecord, i);
      UnknotRoutine *routine =
        library != NULL ? unknot_routine_library_lookup (library, event->routine_id) : NULL;
      /* Translators: when a step was too intense, in the report; a strftime() format */
      g_autofree char *date = format_date (event->time, C_ ("report time", "%-d %b %Y, %H:%M"));
      g_autofree char *step = NULL;
      const char *cells[4];

      if (routine != NULL && event->step_index < unknot_routine_get_n_steps (routine))
        /* Translators: a step of a routine: its number and name, "2. Piriformis" */
        step = g_strdup_printf (_ ("%u. %s"), event->step_index + 1,
                                unknot_routine_get_step (routine, event->step_index)->name);
      else
        step = g_strdup_printf (_ ("Step %u"), event->step_index + 1);

      cells[0] = date;
      cells[1] = routine_name (library, event->routine_id);
      cells[2] = step;
      cells[3] = unknot_vocabulary_get_label (UNKNOT_VOCABULARY_SIDE, event->side);
      row (report, cells, FALSE);
    }
}

static void
write_sessions (Report *report, UnknotRoutineLibrary *library, GArray *sessions)
{
  static const Column columns[] = {
    { N_ ("Date"), 0.19, PANGO_ALIGN_LEFT },   { N_ ("Routine"), 0.24, PANGO_ALIGN_LEFT },
    { N_ ("Area"), 0.16, PANGO_ALIGN_LEFT },   { N_ ("Before"), 0.09, PANGO_ALIGN_RIGHT },
    { N_ ("After"), 0.09, PANGO_ALIGN_RIGHT }, { N_ ("Change"), 0.23, PANGO_ALIGN_RIGHT },
  };
  Column translated[G_N_ELEMENTS (columns)];

  heading (report, _ ("Sessions"), 40);
  if (sessions->len == 0)
    {
      paragraph (report, report->body_font,
                 _ ("No session with a score before and after in this period."), 4);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      translated[i] = columns[i];
      translated[i].title = _ (columns[i].title);
    }
  begin_table (report, translated, G_N_ELEMENTS (translated));
  for (guint i = 0; i < sessions->len; i++)
    {
      const UnknotPainSession *session = &g_array_index (sessions, UnknotPainSession, i);
      g_autofree char *date = format_date (session->time, C_ ("report time", "%-d %b %Y, %H:%M"));
      g_autofree char *before = g_strdup_printf ("%u", session->before);
      g_autofree char *after = g_strdup_printf ("%u", session->after);
      g_autofree char *difference =
        format_change ((double) session->after - (double) session->before, 0);
      g_autofree char *change =
        g_strdup_printf ("%s (%s)", difference, describe_change (session->before, session->after));
      const char *cells[] = { date,
                              routine_name (library, session->routine_id),
                              unknot_area_get_label (session->area),
                              before,
                              after,
                              change };

      row (report, cells, FALSE);
    }
}

static void
write_overview (
  Report *report, const UnknotChartData *chart, GArray *sessions, gint64 from, gint64 to)
{
  /* Translators: a date in the report; a strftime() format */
  const char *date_format = C_ ("report date", "%-d %B %Y");
  g_autofree char *first = format_date (from, date_format);
  g_autofree char *last = format_date (MAX (from, to - 1), date_format);
  g_autofree char *today = format_date (g_get_real_time () / G_USEC_PER_SEC, date_format);
  g_autofree char *period = NULL;
  g_autofree char *made = NULL;
  g_autofree char *areas_line = NULL;
  g_autoptr (GString) areas = g_string_new (NULL);

  paragraph (report, report->title_font, _ ("Unknot pain diary"), 8);

  /* Translators: the period a report covers: "Period: 1 March 2025 to 28 February 2026" */
  period = g_strdup_printf (_ ("Period: %s to %s"), first, last);
  paragraph (report, report->body_font, period, 2);
  /* Translators: the day a report was made: "Made on 1 March 2026" */
  made = g_strdup_printf (_ ("Made on %s"), today);
  paragraph (report, report->body_font, made, 2);

  for (guint i = 0; i < unknot_chart_data_get_n_areas (chart); i++)
    {
      if (areas->len > 0)
        /* Translators: between the names of areas in a list */
        g_string_append (areas, _ (", "));
      g_string_append (areas, unknot_area_get_label (unknot_chart_data_get_area (chart, i)));
    }
  if (areas->len > 0)
    /* Translators: the body areas a report covers: "Areas: Low back, Right buttock" */
    areas_line = g_strdup_printf (_ ("Areas: %s"), areas->str);
  else
    areas_line = g_strdup (_ ("Areas: no scores in this period"));
  paragraph (report, report->body_font, areas_line, 8);

  paragraph (report, report->body_font,
             _ ("Scores are the person’s own, from 0 (no pain) to 10 (worst imaginable): 1–3 "
                "mild, 4–6 moderate, 7–10 severe. A change of about 2 points (or 30 %) is one a "
                "person notices; smaller changes are marked “small change”."),
             4);

  if (sessions->len > 0)
    {
      g_autoptr (GArray) uses = unknot_report_get_routine_uses (sessions);
      guint before_total = 0;
      guint after_total = 0;
      guint n_runs = 0;
      double before, after;
      g_autofree char *difference = NULL;
      g_autofree char *line = NULL;

      for (guint i = 0; i < uses->len; i++)
        n_runs += g_array_index (uses, UnknotRoutineUse, i).n_runs;
      for (guint i = 0; i < sessions->len; i++)
        {
          before_total += g_array_index (sessions, UnknotPainSession, i).before;
          after_total += g_array_index (sessions, UnknotPainSession, i).after;
        }
      before = (double) before_total / sessions->len;
      after = (double) after_total / sessions->len;
      difference = format_change (after - before, 1);
      line = g_strdup_printf (
        /* Translators: the report's summary: how many routines had a score before and
         * after, how many area scores that makes, the average scores, the change and
         * whether a person notices it */
        _ ("Routines done with a score before and after: %u, scoring %u areas in all. On "
           "average %.1f before and %.1f after a routine: %s points (%s)."),
        n_runs, sessions->len, before, after, difference,
        describe_change ((guint) lround (before), (guint) lround (after)));
      paragraph (report, report->body_font, line, 4);
    }
}

static void
write_chart (Report *report, const UnknotChartData *chart)
{
  UnknotChartStyle style;
  g_autofree char *description = unknot_chart_data_describe (chart);

  heading (report, _ ("Pain over time"), CHART_HEIGHT + 40);
  unknot_chart_style_init_light (&style);
  cairo_save (report->cr);
  cairo_translate (report->cr, MARGIN, report->y);
  pango_context_set_font_description (report->context, report->body_font);
  unknot_chart_draw (report->cr, report->context, CONTENT_WIDTH, CHART_HEIGHT, chart, &style);
  cairo_restore (report->cr);
  report->y += CHART_HEIGHT + 8;

  paragraph (report, report->body_font, description, 2);
  paragraph (report, report->table_font,
             _ ("Each line is an area: its scores before routines and at check-ins, averaged "
                "per day, week or month as the period grows. Scores right after a routine are "
                "in the tables below."),
             4);
}

static cairo_status_t
append_bytes_cb (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * unknot_report_write_pdf:
 * @diary: the scores
 * @library: (nullable): the routines, for their names; without it, ids are shown
 * @from: the first second of the period, Unix time
 * @to: the end of the period, excluded
 * @file: where to write the PDF; replaced only once the whole document is made
 *
 * Returns: %TRUE if @file holds the report
 */
gboolean
unknot_report_write_pdf (UnknotPainDiary *diary,
                         UnknotRoutineLibrary *library,
                         gint64 from,
                         gint64 to,
                         GFile *file,
                         GError **error)
{
  g_autoptr (GByteArray) pdf = g_byte_array_new ();
  g_autoptr (UnknotChartData) chart = NULL;
  g_autoptr (GArray) sessions = NULL;
  g_autoptr (GArray) events = NULL;
  cairo_surface_t *surface;
  cairo_font_options_t *options;
  cairo_status_t status;
  Report report = { NULL };

  g_return_val_if_fail (UNKNOT_IS_PAIN_DIARY (diary), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  chart = unknot_chart_data_new (diary, from, to);
  sessions = unknot_pain_diary_get_sessions (diary, from, to);
  events = unknot_pain_diary_get_intensity_events (diary, from, to);

  surface = cairo_pdf_surface_create_for_stream (append_bytes_cb, pdf, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _ ("Unknot pain diary"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Unknot " PACKAGE_VERSION);
  report.cr = cairo_create (surface);

  /* Points as units, unhinted metrics: the layout is the same on every machine. */
  report.context = pango_cairo_create_context (report.cr);
  pango_cairo_context_set_resolution (report.context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (report.context, options);
  cairo_font_options_destroy (options);
  report.title_font = pango_font_description_from_string ("Sans Bold 18");
  report.heading_font = pango_font_description_from_string ("Sans Bold 12");
  report.body_font = pango_font_description_from_string ("Sans 10");
  report.table_font = pango_font_description_from_string ("Sans 8.5");
  report.table_header_font = pango_font_description_from_string ("Sans Bold 8.5");
  report.footer_font = pango_font_description_from_string ("Sans 7.5");

  start_page (&report);
  write_overview (&report, chart, sessions, from, to);
  write_chart (&report, chart);
  write_routines (&report, library, sessions);
  write_intensity_events (&report, library, events);
  write_sessions (&report, library, sessions);

  cairo_show_page (report.cr);
  cairo_destroy (report.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  g_object_unref (report.context);
  pango_font_description_free (report.title_font);
  pango_font_description_free (report.heading_font);
  pango_font_description_free (report.body_font);
  pango_font_description_free (report.table_font);
  pango_font_description_free (report.table_header_font);
  pango_font_description_free (report.footer_font);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("The report could not be made: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }

  return g_file_replace_contents (file, (const char *) pdf->data, pdf->len, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}
