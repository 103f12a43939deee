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

/* The string setting @key is @expected; a macro, so a failure names the test's line. */
#define unknot_test_ui_assert_setting(settings, key, expected)           \
  G_STMT_START                                                           \
  {                                                                      \
    g_autofree char *value_ = g_settings_get_string ((settings), (key)); \
    g_assert_cmpstr (value_, ==, (expected));                            \
  }                                                                      \
  G_STMT_END

G_END_DECLS
