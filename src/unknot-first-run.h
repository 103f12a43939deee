/* unknot-first-run.h: welcome, what brings you, where it hurts, safety, a first suggestion
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "unknot-types.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_FIRST_RUN (unknot_first_run_get_type ())

G_DECLARE_FINAL_TYPE (UnknotFirstRun, unknot_first_run, UNKNOT, FIRST_RUN, AdwBin)

GtkWidget *unknot_first_run_new (void);
void unknot_first_run_set_sources (UnknotFirstRun *self,
                                   GSettings *settings,
                                   UnknotPainDiary *diary,
                                   UnknotRoutineLibrary *library);
void unknot_first_run_start (UnknotFirstRun *self);
void unknot_first_run_show_safety (UnknotFirstRun *self);

G_END_DECLS
