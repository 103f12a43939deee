/* unknot-pain-chart.h: a chart of pain scores over time, one line per area
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "unknot-types.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_PAIN_CHART (unknot_pain_chart_get_type ())

G_DECLARE_FINAL_TYPE (UnknotPainChart, unknot_pain_chart, UNKNOT, PAIN_CHART, GtkWidget)

GtkWidget *unknot_pain_chart_new (void);
void unknot_pain_chart_set_data (UnknotPainChart *self, UnknotChartData *data, const char *period);
const char *unknot_pain_chart_get_summary (UnknotPainChart *self);

G_END_DECLS
