/* unknot-player-page.h: the running routine, readable from the floor
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "unknot-types.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_PLAYER_PAGE (unknot_player_page_get_type ())

G_DECLARE_FINAL_TYPE (UnknotPlayerPage, unknot_player_page, UNKNOT, PLAYER_PAGE, AdwBin)

void unknot_player_page_set_session (UnknotPlayerPage *self, UnknotSession *session);
UnknotSession *unknot_player_page_get_session (UnknotPlayerPage *self);
gboolean unknot_player_page_get_inhibiting (UnknotPlayerPage *self);

G_END_DECLS
