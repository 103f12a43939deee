/* unknot-safety-view.h: the red flags and the rules of safe self-massage
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "unknot-types.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_SAFETY_VIEW (unknot_safety_view_get_type ())

G_DECLARE_FINAL_TYPE (UnknotSafetyView, unknot_safety_view, UNKNOT, SAFETY_VIEW, AdwBin)

GtkWidget *unknot_safety_view_new (void);
void unknot_safety_view_present_window (GtkWindow *parent);

G_END_DECLS
