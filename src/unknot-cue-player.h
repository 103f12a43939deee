/* unknot-cue-player.h: plays earcons and voice clips at their deadlines with GStreamer
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "unknot-earcon.h"

G_BEGIN_DECLS

/* The environment variable that chooses the output when no sink description is given,
 * as a gst-launch description; tests set it to a file or a fakesink. */
#define UNKNOT_AUDIO_SINK_ENV "UNKNOT_AUDIO_SINK"

#define UNKNOT_TYPE_CUE_PLAYER (unknot_cue_player_get_type ())

G_DECLARE_FINAL_TYPE (UnknotCuePlayer, unknot_cue_player, UNKNOT, CUE_PLAYER, GObject)

UnknotCuePlayer *unknot_cue_player_new (const char *sink_description);
gboolean unknot_cue_player_prepare (UnknotCuePlayer *self, GError **error);
void unknot_cue_player_start (UnknotCuePlayer *self, gint64 origin_us);
gint64
unknot_cue_player_play_earcon (UnknotCuePlayer *self, UnknotEarcon earcon, gint64 deadline_us);
gint64 unknot_cue_player_play_pcm (UnknotCuePlayer *self,
                                   GBytes *pcm_s16_mono,
                                   guint rate,
                                   gint64 deadline_us);
void unknot_cue_player_finish (UnknotCuePlayer *self);

gboolean unknot_cue_player_get_available (UnknotCuePlayer *self);
gboolean unknot_cue_player_get_live (UnknotCuePlayer *self);
double unknot_cue_player_get_volume (UnknotCuePlayer *self);
void unknot_cue_player_set_volume (UnknotCuePlayer *self, double volume);
gboolean unknot_cue_player_get_enabled (UnknotCuePlayer *self);
void unknot_cue_player_set_enabled (UnknotCuePlayer *self, gboolean enabled);
const char *unknot_cue_player_get_sink_description (UnknotCuePlayer *self);

G_END_DECLS
