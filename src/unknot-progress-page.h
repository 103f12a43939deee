/* unknot-progress-page.h: the pain diary over weeks: summary, chart, changes, sessions
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "unknot-types.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_PROGRESS_PAGE (unknot_progress_page_get_type ())

G_DECLARE_FINAL_TYPE (UnknotProgressPage, unknot_progress_page, UNKNOT, PROGRESS_PAGE, GtkWidget)

void unknot_progress_page_import_csv (UnknotProgressPage *self, GFile *file);
void unknot_progress_page_export_csv (UnknotProgressPage *self, GFile *file);
void unknot_progress_page_export_pdf (UnknotProgressPage *self, GFile *file);

G_END_DECLS
