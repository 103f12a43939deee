/* unknot-window.h: the main window
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "unknot-types.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_WINDOW (unknot_window_get_type ())

G_DECLARE_FINAL_TYPE (UnknotWindow, unknot_window, UNKNOT, WINDOW, AdwApplicationWindow)

UnknotWindow *unknot_window_new (UnknotApplication *application);
gboolean unknot_window_show_routine (UnknotWindow *self, const char *routine_id);
gboolean unknot_window_start_routine (UnknotWindow *self, const char *routine_id);
void unknot_window_add_toast (UnknotWindow *self, const char *text);

G_END_DECLS
