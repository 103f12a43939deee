/* unknot-clock.c: where a session's time comes from
 *
 * The session engine never reads the time itself: it asks a clock, so the real one
 * can schedule each deadline on the monotonic clock and tests can run a whole routine
 * in microseconds with a fake one.
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "unknot-clock.h"

G_DEFINE_ABSTRACT_TYPE (UnknotClock, unknot_clock, G_TYPE_OBJECT)

static void
unknot_clock_class_init (UnknotClockClass *klass)
{
}

static void
unknot_clock_init (UnknotClock *self)
{
}

gint64
unknot_clock_get_time (UnknotClock *self)
{
  g_return_val_if_fail (UNKNOT_IS_CLOCK (self), 0);
  return UNKNOT_CLOCK_GET_CLASS (self)->get_time (self);
}

gint64
unknot_clock_get_boot_time (UnknotClock *self)
{
  g_return_val_if_fail (UNKNOT_IS_CLOCK (self), 0);
  return UNKNOT_CLOCK_GET_CLASS (self)->get_boot_time (self);
}

/**
 * unknot_clock_add_deadline:
 * @deadline_us: when to call @func, on this clock's time
 *
 * Calls @func once, as soon as the clock reaches @deadline_us.
 *
 * Returns: an id for unknot_clock_remove(), never 0
 */
guint
unknot_clock_add_deadline (UnknotClock *self,
                           gint64 deadline_us,
                           UnknotClockFunc func,
                           gpointer user_data)
{
  g_return_val_if_fail (UNKNOT_IS_CLOCK (self), 0);
  g_return_val_if_fail (func != NULL, 0);
  return UNKNOT_CLOCK_GET_CLASS (self)->add_deadline (self, deadline_us, func, user_data);
}

void
unknot_clock_remove (UnknotClock *self, guint id)
{
  g_return_if_fail (UNKNOT_IS_CLOCK (self));
  g_return_if_fail (id != 0);
  UNKNOT_CLOCK_GET_CLASS (self)->remove (self, id);
}
