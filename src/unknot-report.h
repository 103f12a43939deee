/* unknot-report.h: the pain diary as a PDF a physiotherapist can read
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "unknot-types.h"

G_BEGIN_DECLS

/* How a routine went in a period: the progress page and the report show the same. */
typedef struct
{
  const char *routine_id; /* as long as the sessions it was made from */
  guint n_runs;           /* times it was done: the areas scored in one run count once */
  guint n_pairs;          /* before → after pairs, one per area and run */
  double average_before;
  double average_after;
} UnknotRoutineUse;

GArray *unknot_report_get_routine_uses (GArray *sessions);

gboolean unknot_report_write_pdf (UnknotPainDiary *diary,
                                  UnknotRoutineLibrary *library,
                                  gint64 from,
                                  gint64 to,
                                  GFile *file,
                                  GError **error);

G_END_DECLS
