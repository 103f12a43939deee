/* unknot-application.h
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "unknot-types.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_APPLICATION (unknot_application_get_type ())

G_DECLARE_FINAL_TYPE (UnknotApplication, unknot_application, UNKNOT, APPLICATION, AdwApplication)

UnknotApplication *unknot_application_new (void);
GSettings *unknot_application_get_settings (UnknotApplication *self);
UnknotRoutineLibrary *unknot_application_get_library (UnknotApplication *self);

UnknotPainDiary *unknot_application_get_diary (UnknotApplication *self);
UnknotClock *unknot_application_get_clock (UnknotApplication *self);
void unknot_application_set_clock (UnknotApplication *self, UnknotClock *clock);
void unknot_application_attach_session (UnknotApplication *self, UnknotSession *session);
void unknot_application_detach_session (UnknotApplication *self, UnknotSession *session);

G_END_DECLS
