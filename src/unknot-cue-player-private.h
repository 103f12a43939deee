/* unknot-cue-player-private.h: what the tests may see of the cue player
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>

#include "unknot-cue-player.h"

G_BEGIN_DECLS

/* How far ahead of "now" a cue is pushed at the earliest on a live output: a deadline
 * closer than this plays this much after the call instead of having its start cut off
 * by the sink. */
#define UNKNOT_CUE_PLAYER_LIVE_MARGIN_US (50 * G_TIME_SPAN_MILLISECOND)

GstElement *unknot_cue_player_get_pipeline (UnknotCuePlayer *self);

G_END_DECLS
