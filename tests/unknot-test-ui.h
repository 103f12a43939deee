/* unknot-test-ui.h: what the GUI tests share: start-up, waiting, finding widgets
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "unknot-application.h"

G_BEGIN_DECLS

int unknot_test_ui_init (int *argc, char ***argv);
UnknotApplication *unknot_test_ui_register_application (void);
void unknot_test_ui_iterate (void);
void unknot_test_ui_collect (GtkWidget *widget, GType type, GPtrArray *found);
GtkWidget *unknot_test_ui_find_visible_label (GtkWidget *root, const char *text);

G_END_DECLS
