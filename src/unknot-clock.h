/* unknot-clock.h: where a session's time comes from
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "unknot-types.h"

G_BEGIN_DECLS

typedef void (*UnknotClockFunc) (gpointer user_data);

#define UNKNOT_TYPE_CLOCK (unknot_clock_get_type ())

G_DECLARE_DERIVABLE_TYPE (UnknotClock, unknot_clock, UNKNOT, CLOCK, GObject)

struct _UnknotClockClass
{
  GObjectClass parent_class;

  /* Monotonic time in µs; like CLOCK_MONOTONIC it stands still while the machine sleeps. */
  gint64 (*get_time) (UnknotClock *self);
  /* Time in µs that keeps counting while the machine sleeps (CLOCK_BOOTTIME). */
  gint64 (*get_boot_time) (UnknotClock *self);
  guint (*add_deadline) (UnknotClock *self,
                         gint64 deadline_us,
                         UnknotClockFunc func,
                         gpointer user_data);
  void (*remove) (UnknotClock *self, guint id);
};

gint64 unknot_clock_get_time (UnknotClock *self);
gint64 unknot_clock_get_boot_time (UnknotClock *self);
guint unknot_clock_add_deadline (UnknotClock *self,
                                 gint64 deadline_us,
                                 UnknotClockFunc func,
                                 gpointer user_data);
void unknot_clock_remove (UnknotClock *self, guint id);

G_END_DECLS
