/* unknot-preferences-window.h: sound, timing and check-in settings
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "unknot-reminders.h"
#include "unknot-types.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_PREFERENCES_WINDOW (unknot_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (UnknotPreferencesWindow,
                      unknot_preferences_window,
                      UNKNOT,
                      PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *
unknot_preferences_window_new (GtkWindow *parent, GSettings *settings, UnknotReminders *reminders);

G_END_DECLS
