/* unknot-fake-clock.h: a clock that moves only when a test moves it
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "unknot-clock.h"

G_BEGIN_DECLS

/* The test clock: time moves only when a test advances it. */
#define UNKNOT_TYPE_FAKE_CLOCK (unknot_fake_clock_get_type ())

G_DECLARE_FINAL_TYPE (UnknotFakeClock, unknot_fake_clock, UNKNOT, FAKE_CLOCK, UnknotClock)

UnknotClock *unknot_fake_clock_new (gint64 start_us);
void unknot_fake_clock_advance (UnknotFakeClock *self, gint64 us);
void unknot_fake_clock_advance_to (UnknotFakeClock *self, gint64 time_us);
gboolean unknot_fake_clock_advance_to_next (UnknotFakeClock *self);
void unknot_fake_clock_step_back (UnknotFakeClock *self, gint64 us);
void unknot_fake_clock_sleep (UnknotFakeClock *self, gint64 us);
guint unknot_fake_clock_get_n_pending (UnknotFakeClock *self);

G_END_DECLS
