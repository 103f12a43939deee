/* unknot-chart-drawing.c: the pain chart drawn with cairo, for the window and the report
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "unknot-chart-drawing.h"

#define DAY (24 * 60 * 60)

/* A line is the pain a person lives with: scores before a routine and check-ins.  Scores
 * right after a routine measure its short relief and would saw the line up and down; the
 * progress page lists them as before → after changes instead.  An area scored only after
 * routines is drawn from those. */
typedef struct
{
  gint64 time;
  guint8 score;
} RawPoint;

/* What is drawn: the mean of a day, a week or a month, depending on the period. */
typedef struct
{
  gint64 time; /* mean of the scores' times */
  double score;
  gint64 bucket;
} ChartPoint;

typedef struct
{
  UnknotArea area;
  GArray *raw;    /* RawPoint, by time */
  GArray *points; /* ChartPoint, by time */
} Series;

typedef enum
{
  BUCKET_DAY,
  BUCKET_WEEK,
  BUCKET_MONTH,
} Bucket;

struct _UnknotChartData
{
  gint64 from;
  gint64 to;
  Bucket bucket;
  GArray *series; /* Series, in area order */
};

/* Line colours chosen to stay apart for the common colour blindnesses (after Okabe and
 * Ito), darker on light backgrounds and lighter on dark ones; dashes and marker shapes
 * tell the lines apart without colour. */
static const UnknotChartColour light_series[UNKNOT_CHART_N_COLOURS] = {
  { 0.110, 0.443, 0.847, 1 }, /* Adwaita's light accent */
  { 0.835, 0.369, 0.000, 1 }, { 0.000, 0.541, 0.400, 1 }, { 0.690, 0.310, 0.560, 1 },
  { 0.560, 0.420, 0.000, 1 }, { 0.200, 0.560, 0.780, 1 },
};

static const UnknotChartColour dark_series[UNKNOT_CHART_N_COLOURS] = {
  { 0.471, 0.682, 0.929, 1 }, /* Adwaita's dark accent */
  { 1.000, 0.600, 0.300, 1 }, { 0.300, 0.820, 0.640, 1 }, { 0.900, 0.600, 0.800, 1 },
  { 0.940, 0.820, 0.350, 1 }, { 0.560, 0.820, 0.960, 1 },
};

void
unknot_chart_style_init_light (UnknotChartStyle *style)
{
  style->foreground = (UnknotChartColour){ 0, 0, 0, 0.8 };
  memcpy (style->series, light_series, sizeof light_series);
}

void
unknot_chart_style_init_dark (UnknotChartStyle *style)
{
  style->foreground = (UnknotChartColour){ 1, 1, 1, 1 };
  memcpy (style->series, dark_series, sizeof dark_series);
}

static void
series_clear (gpointer data)
{
  Series *series = data;

  g_clear_pointer (&series->raw, g_array_unref);
  g_clear_pointer (&series->points, g_array_unref);
}

static gint
compare_raw_points (gconstpointer a, gconstpointer b)
{
  const RawPoint *pa = a;
  const RawPoint *pb = b;

  return (pa->time > pb->time) - (pa->time < pb->time);
}

static gint64
bucket_of (Bucket bucket, gint64 time)
{
  g_autoptr (GDateTime) local = g_date_time_new_from_unix_local (time);
  GDate date;

  if (local == NULL)
    return 0;
  if (bucket == BUCKET_MONTH)
    return (gint64) g_date_time_get_year (local) * 12 + g_date_time_get_month (local) - 1;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  if (bucket == BUCKET_WEEK)
    return g_date_get_julian (&date) - (g_date_time_get_day_of_week (local) - 1);
  return g_date_get_julian (&date);
}

static void
fill_points (Series *series, Bucket bucket)
{
  guint start = 0;

  series->points = g_array_new (FALSE, FALSE, sizeof (ChartPoint));
  while (start < series->raw->len)
    {
      const RawPoint *first = &g_array_index (series->raw, RawPoint, start);
      gint64 key = bucket_of (bucket, first->time);
      double time_sum = 0;
      double score_sum = 0;
      guint end = start;
      ChartPoint point;

      /* Times are summed relative to the first, so the sum stays exact. */
      while (end < series->raw->len)
        {
          const RawPoint *raw = &g_array_index (series->raw, RawPoint, end);

          if (end > start && bucket_of (bucket, raw->time) != key)
            break;
          time_sum += raw->time - first->time;
          score_sum += raw->score;
          end++;
        }
      point.time = first->time + (gint64) (time_sum / (end - start));
      point.score = score_sum / (end - start);
      point.bucket = key;
      g_array_append_val (series->points, point);
      start = end;
    }
}

/**
 * unknot_chart_data_new:
 * @diary: the scores
 * @from: the start of the period shown, Unix seconds
 * @to: its end
 *
 * Returns: (transfer full): each area's scores between @from and @to, ready to draw
 */
UnknotChartData *
unknot_chart_data_new (UnknotPainDiary *diary, gint64 from, gint64 to)
{
  UnknotChartData *data = g_new0 (UnknotChartData, 1);
  gint64 span;

  g_return_val_if_fail (UNKNOT_IS_PAIN_DIARY (diary), data);

  data->from = from;
  data->to = MAX (to, from + DAY);
  span = data->to - data->from;
  if (span <= 92 * DAY)
    data->bucket = BUCKET_DAY;
  else if (span <= 2 * 366 * DAY)
    data->bucket = BUCKET_WEEK;
  else
    data->bucket = BUCKET_MONTH;
  data->series = g_array_new (FALSE, TRUE, sizeof (Series));
  g_array_set_clear_func (data->series, series_clear);

  for (guint area = 0; area < UNKNOT_N_AREAS; area++)
    {
      g_autoptr (GArray) trend = unknot_pain_diary_get_trend (diary, area, from, to);
      gboolean only_after = TRUE;
      Series series = { area, NULL, NULL };

      if (trend == NULL || trend->len == 0)
        continue;

      for (guint i = 0; i < trend->len && only_after; i++)
        only_after = g_array_index (trend, UnknotPainPoint, i).phase == UNKNOT_PHASE_AFTER;

      series.raw = g_array_sized_new (FALSE, FALSE, sizeof (RawPoint), trend->len);
      for (guint i = 0; i < trend->len; i++)
        {
          const UnknotPainPoint *point = &g_array_index (trend, UnknotPainPoint, i);
          RawPoint raw = { point->time, MIN (point->score, 10) };

          if (only_after || point->phase != UNKNOT_PHASE_AFTER)
            g_array_append_val (series.raw, raw);
        }
      g_array_sort (series.raw, compare_raw_points);
      fill_points (&series, data->bucket);
      g_array_append_val (data->series, series);
    }

  return data;
}

void
unknot_chart_data_free (UnknotChartData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->series, g_array_unref);
  g_free (data);
}

gint64
unknot_chart_data_get_from (const UnknotChartData *data)
{
  return data->from;
}

gint64
unknot_chart_data_get_to (const UnknotChartData *data)
{
  return data->to;
}

/**
 * unknot_chart_data_get_n_areas:
 *
 * Returns: how many areas have scores in the period: one line each
 */
guint
unknot_chart_data_get_n_areas (const UnknotChartData *data)
{
  return data->series->len;
}

UnknotArea
unknot_chart_data_get_area (const UnknotChartData *data, guint index)
{
  g_return_val_if_fail (index < data->series->len, UNKNOT_AREA_LOW_BACK);
  return g_array_index (data->series, Series, index).area;
}

static double
mean_score (GArray *raw, gint64 from, gint64 to)
{
  double sum = 0;
  guint n = 0;

  for (guint i = 0; i < raw->len; i++)
    {
      const RawPoint *point = &g_array_index (raw, RawPoint, i);

      if (point->time >= from && point->time <= to)
        {
          sum += point->score;
          n++;
        }
    }
  return n > 0 ? sum / n : 0;
}

/**
 * unknot_chart_data_describe:
 *
 * What the chart shows, in words, one sentence per area: "Low back: from 6 to 3."
 * Each area's first week of scores is compared with its last (its first and last month
 * over more than three months), and a difference under the line a person notices is
 * called steady or little change rather than progress.
 *
 * Returns: (transfer full): the sentences, or a sentence that there are no scores
 */
char *
unknot_chart_data_describe (const UnknotChartData *data)
{
  g_autoptr (GString) text = g_string_new (NULL);
  gint64 window = data->bucket == BUCKET_DAY ? 7 * DAY : 30 * DAY;

  if (data->series->len == 0)
    return g_strdup (_ ("No pain scores in this period."));

  for (guint i = 0; i < data->series->len; i++)
    {
      const Series *series = &g_array_index (data->series, Series, i);
      const char *area = unknot_area_get_label (series->area);
      gint64 first = g_array_index (series->raw, RawPoint, 0).time;
      gint64 last = g_array_index (series->raw, RawPoint, series->raw->len - 1).time;
      guint start;
      guint end;

      if (text->len > 0)
        g_string_append_c (text, ' ');

      if (last - first < window)
        {
          start = (guint) lround (mean_score (series->raw, first, last));
          /* Translators: the chart's summary for one area, e.g. "Low back: around 5, too
           * few days to show a trend." */
          g_string_append_printf (text, _ ("%s: around %u, too few days to show a trend."), area,
                                  start);
          continue;
        }

      start = (guint) lround (mean_score (series->raw, first, first + window - 1));
      end = (guint) lround (mean_score (series->raw, last - window + 1, last));
      if (unknot_pain_change_is_noticeable (start, end))
        /* Translators: the chart's summary for one area, e.g. "Low back: from 6 to 3." */
        g_string_append_printf (text, _ ("%s: from %u to %u."), area, start, end);
      else if (start == end)
        /* Translators: the chart's summary for one area, e.g. "Right buttock: steady at 4." */
        g_string_append_printf (text, _ ("%s: steady at %u."), area, start);
      else
        /* Translators: the chart's summary for one area whose change is too small to
         * notice, e.g. "Right buttock: little change, from 4 to 5." */
        g_string_append_printf (text, _ ("%s: little change, from %u to %u."), area, start, end);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Drawing */

typedef struct
{
  cairo_t *cr;
  PangoContext *context;
  PangoFontDescription *font;
  const UnknotChartStyle *style;
  double text_height;
  /* The plot area, in the coordinates of cr. */
  double left;
  double right;
  double top;
  double bottom;
} Painter;

static void
set_colour (cairo_t *cr, const UnknotChartColour *colour, double alpha)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha * alpha);
}

static PangoLayout *
create_layout (Painter *painter, const char *text)
{
  PangoLayout *layout = pango_layout_new (painter->context);

  pango_layout_set_font_description (layout, painter->font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
text_width (Painter *painter, const char *text)
{
  g_autoptr (PangoLayout) layout = create_layout (painter, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* Draws @text with its top left corner at @x, @y. */
static void
show_text (Painter *painter, const char *text, double x, double y, double alpha)
{
  g_autoptr (PangoLayout) layout = create_layout (painter, text);

  set_colour (painter->cr, &painter->style->foreground, alpha);
  cairo_move_to (painter->cr, x, y);
  pango_cairo_show_layout (painter->cr, layout);
}

static double
x_for_time (Painter *painter, const UnknotChartData *data, gint64 time)
{
  return painter->left +
         (double) (time - data->from) / (data->to - data->from) * (painter->right - painter->left);
}

static double
y_for_score (Painter *painter, double score)
{
  return painter->bottom - score / 10 * (painter->bottom - painter->top);
}

/* The lines of a chart take the colours in turn, so that up to six never share one; each
 * area keeps its dash and marker in every period and in the report, and those pairs
 * alone already tell all areas apart. */
static void
series_look (guint index, UnknotArea area, guint *colour, guint *dash, guint *marker)
{
  *colour = index % UNKNOT_CHART_N_COLOURS;
  *dash = area % 4;
  *marker = area % 5;
}

static void
set_dash (cairo_t *cr, guint dash)
{
  static const double dashed[] = { 7, 4 };
  static const double dotted[] = { 2, 3 };
  static const double dash_dotted[] = { 8, 3, 2, 3 };

  switch (dash)
    {
    case 1:
      cairo_set_dash (cr, dashed, G_N_ELEMENTS (dashed), 0);
      break;
    case 2:
      cairo_set_dash (cr, dotted, G_N_ELEMENTS (dotted), 0);
      break;
    case 3:
      cairo_set_dash (cr, dash_dotted, G_N_ELEMENTS (dash_dotted), 0);
      break;
    default:
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    }
}

static void
draw_marker (cairo_t *cr, guint marker, double x, double y, double r)
{
  switch (marker)
    {
    case 1: /* square */
      cairo_rectangle (cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case 2: /* triangle */
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.1, y + r * 0.8);
      cairo_line_to (cr, x - r * 1.1, y + r * 0.8);
      cairo_close_path (cr);
      break;
    case 3: /* diamond */
      cairo_move_to (cr, x, y - r * 1.25);
      cairo_line_to (cr, x + r * 1.1, y);
      cairo_line_to (cr, x, y + r * 1.25);
      cairo_line_to (cr, x - r * 1.1, y);
      cairo_close_path (cr);
      break;
    case 4: /* triangle pointing down */
      cairo_move_to (cr, x, y + r * 1.2);
      cairo_line_to (cr, x + r * 1.1, y - r * 0.8);
      cairo_line_to (cr, x - r * 1.1, y - r * 0.8);
      cairo_close_path (cr);
      break;
    default: /* circle */
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
  cairo_fill (cr);
}

#define LEGEND_SAMPLE_WIDTH 28
#define LEGEND_GAP 6
#define LEGEND_SPACING 16

/* Lays the legend out in rows across @width, drawing it if @draw; returns its height. */
static double
layout_legend (Painter *painter, const UnknotChartData *data, double width, gboolean draw)
{
  double x = 0;
  double y = 0;
  double row_height = painter->text_height + 4;

  if (data->series->len == 0)
    return 0;

  for (guint i = 0; i < data->series->len; i++)
    {
      UnknotArea area = g_array_index (data->series, Series, i).area;
      const char *label = unknot_area_get_label (area);
      double entry_width = LEGEND_SAMPLE_WIDTH + LEGEND_GAP + text_width (painter, label);
      guint colour, dash, marker;

      if (x > 0 && x + entry_width > width)
        {
          x = 0;
          y += row_height;
        }
      if (draw)
        {
          double middle = y + row_height / 2;

          series_look (i, area, &colour, &dash, &marker);
          set_colour (painter->cr, &painter->style->series[colour], 1);
          cairo_set_line_width (painter->cr, 2);
          set_dash (painter->cr, dash);
          cairo_move_to (painter->cr, x, middle);
          cairo_line_to (painter->cr, x + LEGEND_SAMPLE_WIDTH, middle);
          cairo_stroke (painter->cr);
          draw_marker (painter->cr, marker, x + LEGEND_SAMPLE_WIDTH / 2.0, middle, 4);
          show_text (painter, label, x + LEGEND_SAMPLE_WIDTH + LEGEND_GAP,
                     middle - painter->text_height / 2, 0.9);
        }
      x += entry_width + LEGEND_SPACING;
    }
  return y + row_height;
}

/* The words of the scale, each in the middle of its band: 1–3, 4–6, 7–10. */
static const double anchor_scores[] = { 2, 5, 8.5 };

static double
anchors_width (Painter *painter)
{
  double width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (anchor_scores); i++)
    width =
      MAX (width, text_width (painter, unknot_pain_score_get_anchor ((guint) anchor_scores[i])));
  return width;
}

static void
draw_score_grid (Painter *painter, gboolean anchors)
{
  cairo_t *cr = painter->cr;
  double dots[] = { 1, 3 };
  char number[4];

  cairo_set_line_width (cr, 1);
  cairo_set_dash (cr, NULL, 0, 0);
  for (guint score = 0; score <= 10; score += 5)
    {
      double y = round (y_for_score (painter, score)) + 0.5;

      set_colour (cr, &painter->style->foreground, score == 0 ? 0.35 : 0.18);
      cairo_move_to (cr, painter->left, y);
      cairo_line_to (cr, painter->right, y);
      cairo_stroke (cr);

      g_snprintf (number, sizeof number, "%u", score);
      show_text (painter, number, painter->left - 6 - text_width (painter, number),
                 y - painter->text_height / 2, 0.7);
    }

  /* Where mild pain ends and severe pain begins, faintly. */
  set_colour (cr, &painter->style->foreground, 0.25);
  cairo_set_dash (cr, dots, G_N_ELEMENTS (dots), 0);
  for (double score = 3.5; score < 7; score += 3)
    {
      double y = round (y_for_score (painter, score)) + 0.5;

      cairo_move_to (cr, painter->left, y);
      cairo_line_to (cr, painter->right, y);
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint i = 0; anchors && i < G_N_ELEMENTS (anchor_scores); i++)
    show_text (painter, unknot_pain_score_get_anchor ((guint) anchor_scores[i]), painter->right + 6,
               y_for_score (painter, anchor_scores[i]) - painter->text_height / 2, 0.55);
}

typedef enum
{
  TICK_WEEK,
  TICK_MONTH,
  TICK_YEAR,
} TickUnit;

static GDateTime *
local_midnight (gint64 time)
{
  g_autoptr (GDateTime) local = g_date_time_new_from_unix_local (time);

  return g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                                g_date_time_get_day_of_month (local), 0, 0, 0);
}

static GDateTime *
first_tick (TickUnit unit, gint64 from)
{
  g_autoptr (GDateTime) midnight = local_midnight (from);
  g_autoptr (GDateTime) tick = NULL;

  switch (unit)
    {
    case TICK_WEEK:
      tick = g_date_time_add_days (midnight, (8 - g_date_time_get_day_of_week (midnight)) % 7);
      break;
    case TICK_MONTH:
      tick = g_date_time_new_local (g_date_time_get_year (midnight),
                                    g_date_time_get_month (midnight), 1, 0, 0, 0);
      break;
    case TICK_YEAR:
    default:
      tick = g_date_time_new_local (g_date_time_get_year (midnight), 1, 1, 0, 0, 0);
      break;
    }
  while (g_date_time_to_unix (tick) < from)
    {
      GDateTime *next = unit == TICK_WEEK    ? g_date_time_add_weeks (tick, 1)
                        : unit == TICK_MONTH ? g_date_time_add_months (tick, 1)
                                             : g_date_time_add_years (tick, 1);

      g_date_time_unref (tick);
      tick = next;
    }
  return g_steal_pointer (&tick);
}

static char *
tick_label (TickUnit unit, GDateTime *tick)
{
  switch (unit)
    {
    case TICK_WEEK:
      /* Translators: a date under the chart, as in "3 Mar"; a strftime() format */
      return g_date_time_format (tick, C_ ("chart week tick", "%-d %b"));
    case TICK_MONTH:
      if (g_date_time_get_month (tick) == 1)
        /* Translators: a January under the chart, shown as its year: "2026" */
        return g_date_time_format (tick, C_ ("chart year tick", "%Y"));
      /* Translators: a month under the chart, as in "Mar"; a strftime() format */
      return g_date_time_format (tick, C_ ("chart month tick", "%b"));
    case TICK_YEAR:
    default:
      return g_date_time_format (tick, C_ ("chart year tick", "%Y"));
    }
}

static void
draw_time_axis (Painter *painter, const UnknotChartData *data, double width)
{
  cairo_t *cr = painter->cr;
  gint64 span = data->to - data->from;
  TickUnit unit = span <= 120 * DAY ? TICK_WEEK : span <= 2 * 366 * DAY ? TICK_MONTH : TICK_YEAR;
  g_autoptr (GDateTime) tick = first_tick (unit, data->from);
  double label_end = -G_MAXDOUBLE;

  cairo_set_line_width (cr, 1);
  cairo_set_dash (cr, NULL, 0, 0);
  while (g_date_time_to_unix (tick) <= data->to)
    {
      double x = round (x_for_time (painter, data, g_date_time_to_unix (tick))) + 0.5;
      g_autofree char *label = tick_label (unit, tick);
      double label_width = text_width (painter, label);
      GDateTime *next;

      set_colour (cr, &painter->style->foreground, 0.08);
      cairo_move_to (cr, x, painter->top);
      cairo_line_to (cr, x, painter->bottom);
      cairo_stroke (cr);
      set_colour (cr, &painter->style->foreground, 0.35);
      cairo_move_to (cr, x, painter->bottom);
      cairo_line_to (cr, x, painter->bottom + 4);
      cairo_stroke (cr);

      /* Labels that would collide or leave the chart are left out; the ticks stay. */
      if (x - label_width / 2 > label_end + 8 && x - label_width / 2 >= 0 &&
          x + label_width / 2 <= width)
        {
          show_text (painter, label, x - label_width / 2, painter->bottom + 6, 0.7);
          label_end = x + label_width / 2;
        }

      next = unit == TICK_WEEK    ? g_date_time_add_weeks (tick, 1)
             : unit == TICK_MONTH ? g_date_time_add_months (tick, 1)
                                  : g_date_time_add_years (tick, 1);
      g_date_time_unref (tick);
      tick = next;
    }
}

/* Gaps longer than this many days break a line: it does not pretend to know the pain
 * in between. */
static gint64
longest_joined_gap (Bucket bucket)
{
  switch (bucket)
    {
    case BUCKET_DAY:
      return 7;
    case BUCKET_WEEK:
      return 28;
    case BUCKET_MONTH:
    default:
      return 3; /* months */
    }
}

static void
draw_series (Painter *painter, const UnknotChartData *data, guint index)
{
  const Series *series = &g_array_index (data->series, Series, index);
  cairo_t *cr = painter->cr;
  guint colour, dash, marker;
  double radius;

  series_look (index, series->area, &colour, &dash, &marker);
  set_colour (cr, &painter->style->series[colour], 1);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  set_dash (cr, dash);

  for (guint i = 0; i < series->points->len; i++)
    {
      const ChartPoint *point = &g_array_index (series->points, ChartPoint, i);
      double x = x_for_time (painter, data, point->time);
      double y = y_for_score (painter, point->score);

      if (i > 0 && point->bucket - g_array_index (series->points, ChartPoint, i - 1).bucket <=
                     longest_joined_gap (data->bucket))
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
    }
  cairo_stroke (cr);

  /* Markers shrink when they would crowd each other. */
  radius = series->points->len * 8 > painter->right - painter->left ? 2.5 : 3.5;
  for (guint i = 0; i < series->points->len; i++)
    {
      const ChartPoint *point = &g_array_index (series->points, ChartPoint, i);

      draw_marker (cr, marker, x_for_time (painter, data, point->time),
                   y_for_score (painter, point->score), radius);
    }
}

static PangoFontDescription *
create_small_font (PangoContext *context)
{
  PangoFontDescription *font =
    pango_font_description_copy (pango_context_get_font_description (context));
  int size = pango_font_description_get_size (font);

  if (size <= 0)
    pango_font_description_set_size (font, 9 * PANGO_SCALE);
  else if (pango_font_description_get_size_is_absolute (font))
    pango_font_description_set_absolute_size (font, size * 0.85);
  else
    pango_font_description_set_size (font, (int) (size * 0.85));
  return font;
}

/**
 * unknot_chart_draw:
 * @cr: where to draw, with (0, 0) the chart's top left corner
 * @context: the Pango context whose font the labels use (a widget's, or one made for a
 *   PDF page)
 * @width: the chart's width in @cr's units
 * @height: its height
 * @data: what to draw
 * @style: the colours
 *
 * Draws the legend, the score grid from 0 to 10 with the words of the scale, the time
 * axis with weeks, months or years, and a line with markers per area.
 */
void
unknot_chart_draw (cairo_t *cr,
                   PangoContext *context,
                   double width,
                   double height,
                   const UnknotChartData *data,
                   const UnknotChartStyle *style)
{
  g_autoptr (PangoFontDescription) font = create_small_font (context);
  Painter painter = { cr, context, font, style };
  g_autoptr (PangoLayout) layout = NULL;
  int number_width;
  int text_height;
  double legend_height;
  double gutter;
  gboolean anchors;

  g_return_if_fail (cr != NULL && data != NULL && style != NULL);

  layout = create_layout (&painter, "10");
  pango_layout_get_pixel_size (layout, &number_width, &text_height);
  painter.text_height = text_height;

  legend_height = layout_legend (&painter, data, width, FALSE);
  painter.left = number_width + 8;
  /* The words of the scale stand right of the plot, when it stays wide enough. */
  gutter = anchors_width (&painter) + 10;
  anchors = width - painter.left - gutter >= 220;
  painter.right = anchors ? width - gutter : width - 2;
  painter.top = (legend_height > 0 ? legend_height + 8 : 0) + text_height / 2.0;
  painter.bottom = height - text_height - 8;
  if (painter.bottom - painter.top < 40 || painter.right - painter.left < 60)
    return;

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  draw_score_grid (&painter, anchors);
  draw_time_axis (&painter, data, width);

  cairo_save (cr);
  cairo_rectangle (cr, painter.left - 6, 0, painter.right - painter.left + 12, height);
  cairo_clip (cr);
  for (guint i = 0; i < data->series->len; i++)
    draw_series (&painter, data, i);
  cairo_restore (cr);

  layout_legend (&painter, data, width, TRUE);

  if (data->series->len == 0)
    {
      const char *empty = _ ("No pain scores in this period");

      show_text (&painter, empty, (painter.left + painter.right - text_width (&painter, empty)) / 2,
                 (painter.top + painter.bottom - text_height) / 2, 0.7);
    }
  cairo_restore (cr);
}
