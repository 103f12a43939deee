/* unknot-fake-clock.c: a clock that moves only when a test moves it
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "unknot-fake-clock.h"

typedef struct
{
  guint id;
  gint64 deadline_us;
  guint64 order; /* equal deadlines fire in the order they were added */
  UnknotClockFunc func;
  gpointer user_data;
} Deadline;

struct _UnknotFakeClock
{
  UnknotClock parent_instance;

  gint64 now_us;
  gint64 boot_offset_us; /* how long the fake machine has slept */
  GArray *deadlines;     /* of Deadline, unsorted */
  guint next_id;
  guint64 next_order;
};

G_DEFINE_FINAL_TYPE (UnknotFakeClock, unknot_fake_clock, UNKNOT_TYPE_CLOCK)

static gint64
unknot_fake_clock_get_time (UnknotClock *clock)
{
  return UNKNOT_FAKE_CLOCK (clock)->now_us;
}

static gint64
unknot_fake_clock_get_boot_time (UnknotClock *clock)
{
  UnknotFakeClock *self = UNKNOT_FAKE_CLOCK (clock);

  return self->now_us + self->boot_offset_us;
}

static guint
unknot_fake_clock_add_deadline (UnknotClock *clock,
                                gint64 deadline_us,
                                UnknotClockFunc func,
                                gpointer user_data)
{
  UnknotFakeClock *self = UNKNOT_FAKE_CLOCK (clock);
  Deadline deadline = { ++self->next_id, deadline_us, self->next_order++, func, user_data };

  g_array_append_val (self->deadlines, deadline);
  return deadline.id;
}

static void
unknot_fake_clock_remove (UnknotClock *clock, guint id)
{
  UnknotFakeClock *self = UNKNOT_FAKE_CLOCK (clock);

  for (guint i = 0; i < self->deadlines->len; i++)
    {
      if (g_array_index (self->deadlines, Deadline, i).id == id)
        {
          g_array_remove_index_fast (self->deadlines, i);
          return;
        }
    }
}

/* The earliest pending deadline at or before @limit_us, or -1. */
static gint
find_next (UnknotFakeClock *self, gint64 limit_us)
{
  gint best = -1;

  for (guint i = 0; i < self->deadlines->len; i++)
    {
      const Deadline *d = &g_array_index (self->deadlines, Deadline, i);
      const Deadline *b = best >= 0 ? &g_array_index (self->deadlines, Deadline, best) : NULL;

      if (d->deadline_us > limit_us)
        continue;
      if (b == NULL || d->deadline_us < b->deadline_us ||
          (d->deadline_us == b->deadline_us && d->order < b->order))
        best = i;
    }
  return best;
}

static void
fire (UnknotFakeClock *self, guint index)
{
  Deadline deadline = g_array_index (self->deadlines, Deadline, index);

  g_array_remove_index_fast (self->deadlines, index);
  self->now_us = MAX (self->now_us, deadline.deadline_us);
  deadline.func (deadline.user_data);
}

/**
 * unknot_fake_clock_advance_to:
 *
 * Moves time forward to @time_us, firing every deadline on the way in order, each at
 * its own time; deadlines added by callbacks fire too if they fall in the interval.
 */
void
unknot_fake_clock_advance_to (UnknotFakeClock *self, gint64 time_us)
{
  gint next;

  g_return_if_fail (UNKNOT_IS_FAKE_CLOCK (self));

  g_object_ref (self);
  while ((next = find_next (self, time_us)) >= 0)
    fire (self, next);
  self->now_us = MAX (self->now_us, time_us);
  g_object_unref (self);
}

void
unknot_fake_clock_advance (UnknotFakeClock *self, gint64 us)
{
  g_return_if_fail (UNKNOT_IS_FAKE_CLOCK (self));
  g_return_if_fail (us >= 0);
  unknot_fake_clock_advance_to (self, self->now_us + us);
}

/**
 * unknot_fake_clock_advance_to_next:
 *
 * Moves time to the earliest pending deadline and fires it.
 *
 * Returns: %FALSE if nothing was pending
 */
gboolean
unknot_fake_clock_advance_to_next (UnknotFakeClock *self)
{
  gint next;

  g_return_val_if_fail (UNKNOT_IS_FAKE_CLOCK (self), FALSE);

  next = find_next (self, G_MAXINT64);
  if (next < 0)
    return FALSE;
  g_object_ref (self);
  fire (self, next);
  g_object_unref (self);
  return TRUE;
}

/**
 * unknot_fake_clock_sleep:
 *
 * The machine sleeps for @us: boot time moves on, monotonic time does not, as on Linux.
 */
/**
 * unknot_fake_clock_step_back:
 * @self: a fake clock
 * @us: how far
 *
 * Moves the time back by @us without firing anything: a clock that misbehaves, which
 * a monotonic clock never should.  Boot time moves with it.
 */
void
unknot_fake_clock_step_back (UnknotFakeClock *self, gint64 us)
{
  g_return_if_fail (UNKNOT_IS_FAKE_CLOCK (self));
  g_return_if_fail (us >= 0);

  self->now_us -= us;
}

void
unknot_fake_clock_sleep (UnknotFakeClock *self, gint64 us)
{
  g_return_if_fail (UNKNOT_IS_FAKE_CLOCK (self));
  self->boot_offset_us += us;
}

guint
unknot_fake_clock_get_n_pending (UnknotFakeClock *self)
{
  g_return_val_if_fail (UNKNOT_IS_FAKE_CLOCK (self), 0);
  return self->deadlines->len;
}

static void
unknot_fake_clock_finalize (GObject *object)
{
  UnknotFakeClock *self = UNKNOT_FAKE_CLOCK (object);

  g_clear_pointer (&self->deadlines, g_array_unref);

  G_OBJECT_CLASS (unknot_fake_clock_parent_class)->finalize (object);
}

static void
unknot_fake_clock_class_init (UnknotFakeClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  UnknotClockClass *clock_class = UNKNOT_CLOCK_CLASS (klass);

  object_class->finalize = unknot_fake_clock_finalize;
  clock_class->get_time = unknot_fake_clock_get_time;
  clock_class->get_boot_time = unknot_fake_clock_get_boot_time;
  clock_class->add_deadline = unknot_fake_clock_add_deadline;
  clock_class->remove = unknot_fake_clock_remove;
}

static void
unknot_fake_clock_init (UnknotFakeClock *self)
{
  self->deadlines = g_array_new (FALSE, FALSE, sizeof (Deadline));
}

/**
 * unknot_fake_clock_new:
 * @start_us: the time it starts at
 */
UnknotClock *
unknot_fake_clock_new (gint64 start_us)
{
  UnknotFakeClock *self = g_object_new (UNKNOT_TYPE_FAKE_CLOCK, NULL);

  self->now_us = start_us;
  return UNKNOT_CLOCK (self);
}
