/* unknot-system-clock.h: the real clock, on the main context and the monotonic clock
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "unknot-clock.h"

G_BEGIN_DECLS

/* The real clock: the main context's sources, on the monotonic clock. */
#define UNKNOT_TYPE_SYSTEM_CLOCK (unknot_system_clock_get_type ())

G_DECLARE_FINAL_TYPE (UnknotSystemClock, unknot_system_clock, UNKNOT, SYSTEM_CLOCK, UnknotClock)

UnknotClock *unknot_system_clock_new (void);

G_END_DECLS
