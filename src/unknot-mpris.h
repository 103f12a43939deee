/* unknot-mpris.h: a running routine as an MPRIS media player on the session bus
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "unknot-types.h"

G_BEGIN_DECLS

/* The name owned while a session is set; a second Unknot on the same bus owns
 * UNKNOT_MPRIS_BUS_NAME ".instance" and its pid instead, as MPRIS allows. */
#define UNKNOT_MPRIS_BUS_NAME "org.mpris.MediaPlayer2.Unknot"

#define UNKNOT_TYPE_MPRIS (unknot_mpris_get_type ())

G_DECLARE_FINAL_TYPE (UnknotMpris, unknot_mpris, UNKNOT, MPRIS, GObject)

UnknotMpris *unknot_mpris_new (GDBusConnection *connection, const char *desktop_entry);
void unknot_mpris_set_session (UnknotMpris *self, UnknotSession *session);
UnknotSession *unknot_mpris_get_session (UnknotMpris *self);
double unknot_mpris_get_volume (UnknotMpris *self);
void unknot_mpris_set_volume (UnknotMpris *self, double volume);

G_END_DECLS
