/* unknot-chart-drawing.h: the pain chart drawn with cairo, for the window and the report
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "unknot-pain-diary.h"
#include "unknot-types.h"

G_BEGIN_DECLS

#define UNKNOT_CHART_N_COLOURS 6

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} UnknotChartColour;

/* The colours a chart is drawn in: the text colour of the place it is drawn on (grid and
 * labels are drawn in it, fainter), and the line colours, the first the accent. */
typedef struct
{
  UnknotChartColour foreground;
  UnknotChartColour series[UNKNOT_CHART_N_COLOURS];
} UnknotChartStyle;

void unknot_chart_style_init_light (UnknotChartStyle *style);
void unknot_chart_style_init_dark (UnknotChartStyle *style);

UnknotChartData *unknot_chart_data_new (UnknotPainDiary *diary, gint64 from, gint64 to);
void unknot_chart_data_free (UnknotChartData *data);
gint64 unknot_chart_data_get_from (const UnknotChartData *data);
gint64 unknot_chart_data_get_to (const UnknotChartData *data);
guint unknot_chart_data_get_n_areas (const UnknotChartData *data);
UnknotArea unknot_chart_data_get_area (const UnknotChartData *data, guint index);
char *unknot_chart_data_describe (const UnknotChartData *data);

void unknot_chart_draw (cairo_t *cr,
                        PangoContext *context,
                        double width,
                        double height,
                        const UnknotChartData *data,
                        const UnknotChartStyle *style);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnknotChartData, unknot_chart_data_free)

G_END_DECLS
