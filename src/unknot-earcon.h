/* unknot-earcon.h: the short sounds that carry a routine, synthesised, never loaded
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  UNKNOT_EARCON_TICK, /* get-ready countdown 3-2-1 */
  UNKNOT_EARCON_STEP_START,
  UNKNOT_EARCON_HALFWAY,
  UNKNOT_EARCON_SWITCH_SIDE,
  UNKNOT_EARCON_LAST_SECONDS, /* each of the last three seconds of a step */
  UNKNOT_EARCON_STEP_END,
  UNKNOT_EARCON_REST,
  UNKNOT_EARCON_DONE, /* routine done */
  UNKNOT_N_EARCONS
} UnknotEarcon;

/* Every earcon is S16LE mono at this rate, and has sound from its first sample on. */
#define UNKNOT_EARCON_RATE 48000

GBytes *unknot_earcon_synthesize (UnknotEarcon earcon);
gint64 unknot_earcon_get_duration_us (UnknotEarcon earcon);
const char *unknot_earcon_get_id (UnknotEarcon earcon);

G_END_DECLS
