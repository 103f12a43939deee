/* unknot-system-clock.c: the real clock, on the main context and the monotonic clock
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <time.h>

#include "unknot-system-clock.h"

struct _UnknotSystemClock
{
  UnknotClock parent_instance;

  GHashTable *sources; /* id → GSource */
};

G_DEFINE_FINAL_TYPE (UnknotSystemClock, unknot_system_clock, UNKNOT_TYPE_CLOCK)

typedef struct
{
  GSource source;
  UnknotSystemClock *clock;
  UnknotClockFunc func;
  gpointer user_data;
} DeadlineSource;

/* A source with only a ready time: GLib wakes the loop at that monotonic time, so each
 * deadline is placed on the clock itself and no error adds up from tick to tick. */
static gboolean
deadline_source_dispatch (GSource *source, GSourceFunc callback, gpointer data)
{
  DeadlineSource *deadline = (DeadlineSource *) source;
  UnknotClockFunc func = deadline->func;
  gpointer user_data = deadline->user_data;

  g_hash_table_remove (deadline->clock->sources, GUINT_TO_POINTER (g_source_get_id (source)));
  func (user_data);
  return G_SOURCE_REMOVE;
}

static GSourceFuncs deadline_source_funcs = {
  .dispatch = deadline_source_dispatch,
};

static gint64
unknot_system_clock_get_time (UnknotClock *clock)
{
  return g_get_monotonic_time ();
}

static gint64
unknot_system_clock_get_boot_time (UnknotClock *clock)
{
  struct timespec now;

  if (clock_gettime (CLOCK_BOOTTIME, &now) != 0)
    return g_get_monotonic_time ();
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static guint
unknot_system_clock_add_deadline (UnknotClock *clock,
                                  gint64 deadline_us,
                                  UnknotClockFunc func,
                                  gpointer user_data)
{
  UnknotSystemClock *self = UNKNOT_SYSTEM_CLOCK (clock);
  GSource *source = g_source_new (&deadline_source_funcs, sizeof (DeadlineSource));
  DeadlineSource *deadline = (DeadlineSource *) source;
  guint id;

  deadline->clock = self;
  deadline->func = func;
  deadline->user_data = user_data;
  g_source_set_ready_time (source, MAX (deadline_us, 0));
  g_source_set_priority (source, G_PRIORITY_HIGH);
  g_source_set_static_name (source, "[unknot] deadline");
  id = g_source_attach (source, NULL);
  g_hash_table_insert (self->sources, GUINT_TO_POINTER (id), source);
  return id;
}

static void
unknot_system_clock_remove (UnknotClock *clock, guint id)
{
  UnknotSystemClock *self = UNKNOT_SYSTEM_CLOCK (clock);

  g_hash_table_remove (self->sources, GUINT_TO_POINTER (id));
}

static void
destroy_source (gpointer data)
{
  g_source_destroy (data);
  g_source_unref (data);
}

static void
unknot_system_clock_finalize (GObject *object)
{
  UnknotSystemClock *self = UNKNOT_SYSTEM_CLOCK (object);

  g_clear_pointer (&self->sources, g_hash_table_unref);

  G_OBJECT_CLASS (unknot_system_clock_parent_class)->finalize (object);
}

static void
unknot_system_clock_class_init (UnknotSystemClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  UnknotClockClass *clock_class = UNKNOT_CLOCK_CLASS (klass);

  object_class->finalize = unknot_system_clock_finalize;
  clock_class->get_time = unknot_system_clock_get_time;
  clock_class->get_boot_time = unknot_system_clock_get_boot_time;
  clock_class->add_deadline = unknot_system_clock_add_deadline;
  clock_class->remove = unknot_system_clock_remove;
}

static void
unknot_system_clock_init (UnknotSystemClock *self)
{
  self->sources = g_hash_table_new_full (NULL, NULL, NULL, destroy_source);
}

UnknotClock *
unknot_system_clock_new (void)
{
  return g_object_new (UNKNOT_TYPE_SYSTEM_CLOCK, NULL);
}
