/* unknot-pain-chart.c: a chart of pain scores over time, one line per area
 *
 * The drawing is unknot_chart_draw(), shared with the PDF report; this widget gives it
 * the colours of the current style and tells screen readers what the chart shows.
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "unknot-chart-drawing.h"
#include "unknot-pain-chart.h"

struct _UnknotPainChart
{
  GtkWidget parent_instance;

  UnknotChartData *data;
  char *summary;
};

G_DEFINE_FINAL_TYPE (UnknotPainChart, unknot_pain_chart, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
unknot_pain_chart_new (void)
{
  return g_object_new (UNKNOT_TYPE_PAIN_CHART, NULL);
}

/**
 * unknot_pain_chart_set_data:
 * @data: (transfer full) (nullable): what to draw
 * @period: (nullable): a sentence naming the period, put before the summary
 *
 * Shows @data and updates the summary that screen readers read as the chart's
 * description.
 */
void
unknot_pain_chart_set_data (UnknotPainChart *self, UnknotChartData *data, const char *period)
{
  g_autofree char *description = NULL;
  g_autofree char *summary = NULL;

  g_return_if_fail (UNKNOT_IS_PAIN_CHART (self));

  g_clear_pointer (&self->data, unknot_chart_data_free);
  self->data = data;

  if (data != NULL)
    {
      description = unknot_chart_data_describe (data);
      summary = period != NULL ? g_strdup_printf ("%s %s", period, description)
                               : g_steal_pointer (&description);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  summary != NULL ? summary : "", -1);
  if (g_strcmp0 (summary, self->summary) != 0)
    {
      g_free (self->summary);
      self->summary = g_steal_pointer (&summary);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * unknot_pain_chart_get_summary:
 *
 * Returns: (nullable): what the chart shows, in words
 */
const char *
unknot_pain_chart_get_summary (UnknotPainChart *self)
{
  g_return_val_if_fail (UNKNOT_IS_PAIN_CHART (self), NULL);
  return self->summary;
}

static void
colour_from_rgba (UnknotChartColour *colour, const GdkRGBA *rgba)
{
  colour->red = rgba->red;
  colour->green = rgba->green;
  colour->blue = rgba->blue;
  colour->alpha = rgba->alpha;
}

/* The text colour and the accent of the current style, with the other lines in hues
 * that suit a light or a dark background. */
static void
get_style (UnknotPainChart *self, UnknotChartStyle *style)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA rgba;

  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    unknot_chart_style_init_dark (style);
  else
    unknot_chart_style_init_light (style);

  gtk_style_context_get_color (context, &rgba);
  colour_from_rgba (&style->foreground, &rgba);
  if (gtk_style_context_lookup_color (context, "accent_color", &rgba))
    colour_from_rgba (&style->series[0], &rgba);
}

static void
unknot_pain_chart_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  UnknotPainChart *self = UNKNOT_PAIN_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  UnknotChartStyle style;
  cairo_t *cr;

  if (self->data == NULL || width <= 0 || height <= 0)
    return;

  get_style (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  unknot_chart_draw (cr, gtk_widget_get_pango_context (widget), width, height, self->data, &style);
  cairo_destroy (cr);
}

static void
unknot_pain_chart_measure (GtkWidget *widget,
                           GtkOrientation orientation,
                           int for_size,
                           int *minimum,
                           int *natural,
                           int *minimum_baseline,
                           int *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 600;
    }
  else
    {
      /* Flatter when wide, taller when narrow, where the legend takes more rows. */
      *minimum = 200;
      *natural = for_size > 0 && for_size < 500 ? 260 : 280;
    }
}

/* A switch between light and dark restyles the widget: redraw with the new colours. */
static void
unknot_pain_chart_css_changed (GtkWidget *widget, GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (unknot_pain_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
unknot_pain_chart_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  UnknotPainChart *self = UNKNOT_PAIN_CHART (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_pain_chart_finalize (GObject *object)
{
  UnknotPainChart *self = UNKNOT_PAIN_CHART (object);

  g_clear_pointer (&self->data, unknot_chart_data_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (unknot_pain_chart_parent_class)->finalize (object);
}

static void
unknot_pain_chart_class_init (UnknotPainChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = unknot_pain_chart_get_property;
  object_class->finalize = unknot_pain_chart_finalize;
  widget_class->snapshot = unknot_pain_chart_snapshot;
  widget_class->measure = unknot_pain_chart_measure;
  widget_class->css_changed = unknot_pain_chart_css_changed;

  /**
   * UnknotPainChart:summary:
   *
   * What the chart shows, in words: its accessible description and its caption.
   */
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "painchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
unknot_pain_chart_init (UnknotPainChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Pain scores over time"), -1);
}
