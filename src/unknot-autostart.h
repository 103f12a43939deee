/* unknot-autostart.h: start Unknot in the background when the person logs in
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  UNKNOT_AUTOSTART_FILE,   /* a host install: an XDG autostart entry the app writes itself */
  UNKNOT_AUTOSTART_PORTAL, /* a Flatpak: the Background portal's autostart request */
} UnknotAutostartMethod;

/* What the autostarted instance is run with (see `unknot --reminders`). */
#define UNKNOT_AUTOSTART_OPTION "--reminders"

UnknotAutostartMethod unknot_autostart_get_default_method (void);
char *unknot_autostart_get_file_path (void);

void unknot_autostart_set_enabled_async (UnknotAutostartMethod method,
                                         GDBusConnection *connection,
                                         gboolean enabled,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer user_data);
gboolean unknot_autostart_set_enabled_finish (GAsyncResult *result, GError **error);

G_END_DECLS
