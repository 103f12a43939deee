/* unknot-sound-module.c: the table libunknot-sound.so offers the application
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gmodule.h>

#include "unknot-sound-module.h"

static const UnknotSoundModule module = {
  .size = sizeof (UnknotSoundModule),
  .version = PACKAGE_VERSION,
  .cue_player_new = unknot_cue_player_new,
  .cue_player_prepare = unknot_cue_player_prepare,
  .cue_player_start = unknot_cue_player_start,
  .cue_player_play_earcon = unknot_cue_player_play_earcon,
#if HAVE_ESPEAK
  .voice_new = unknot_voice_new,
#else
  .voice_new = NULL,
#endif
  .session_sound_new = unknot_session_sound_new,
  .session_sound_set_session = unknot_session_sound_set_session,
};

G_MODULE_EXPORT const UnknotSoundModule *
unknot_sound_module_get (void)
{
  return &module;
}
