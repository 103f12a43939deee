/* unknot-session-sound.h: what a running routine sounds like
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "unknot-session.h"
#include "unknot-types.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_SESSION_SOUND (unknot_session_sound_get_type ())

G_DECLARE_FINAL_TYPE (UnknotSessionSound, unknot_session_sound, UNKNOT, SESSION_SOUND, GObject)

UnknotSessionSound *unknot_session_sound_new (UnknotCuePlayer *player, UnknotVoice *voice);
void unknot_session_sound_set_session (UnknotSessionSound *self, UnknotSession *session);
char *unknot_session_sound_get_line (UnknotSession *session,
                                     UnknotCue cue,
                                     guint step_index,
                                     UnknotSide side);

G_END_DECLS
