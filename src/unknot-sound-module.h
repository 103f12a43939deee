/* unknot-sound-module.h: the routine's sound, loaded when a routine first needs it
 *
 * The cue player (GStreamer) and the voice (libespeak-ng) live in a module of their
 * own, libunknot-sound.so, so that neither those libraries nor the thirty or so they
 * pull in (PulseAudio, ALSA, libsndfile and its codecs…) are mapped when Unknot starts:
 * the window opens without them, and they come in with the first routine or the volume
 * preview.  The application reaches the module only through this table; the tests,
 * which link everything, hand it the same table built in.
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "unknot-cue-player.h"
#include "unknot-session-sound.h"
#include "unknot-voice.h"

G_BEGIN_DECLS

/* The module's file name, and the environment variable that names another file. */
#define UNKNOT_SOUND_MODULE_NAME "libunknot-sound.so"
#define UNKNOT_SOUND_MODULE_ENV "UNKNOT_SOUND_MODULE"

typedef struct
{
  /* The module's own idea of this table and of Unknot's version: a module from another
   * build is refused rather than called. */
  gsize size;
  const char *version;

  UnknotCuePlayer *(*cue_player_new) (const char *sink_description);
  gboolean (*cue_player_prepare) (UnknotCuePlayer *player, GError **error);
  void (*cue_player_start) (UnknotCuePlayer *player, gint64 origin_us);
  gint64 (*cue_player_play_earcon) (UnknotCuePlayer *player,
                                    UnknotEarcon earcon,
                                    gint64 deadline_us);
  /* NULL when the module was built without libespeak-ng. */
  UnknotVoice *(*voice_new) (void);
  UnknotSessionSound *(*session_sound_new) (UnknotCuePlayer *player, UnknotVoice *voice);
  void (*session_sound_set_session) (UnknotSessionSound *sound, UnknotSession *session);
} UnknotSoundModule;

/* In the module, and built into libunknot for the tests. */
const UnknotSoundModule *unknot_sound_module_get (void);

/* The loader: the module, loaded once, or %NULL and why. */
const UnknotSoundModule *unknot_sound_module_load (GError **error);
void unknot_sound_module_set_builtin (const UnknotSoundModule *module);

G_END_DECLS
