/* unknot-session.c: runs one routine, step by step, on a clock
 *
 * A session lays the routine out as a timeline of segments (count-in, each side of each
 * step, the switch between sides, rests) and keeps one number: the position on that
 * timeline.  While running, position = clock time − origin; every deadline is computed
 * from the origin, so timer latency never adds up.  Pausing freezes the position;
 * resuming moves the origin.  Cues are emitted `cue-lookahead` ahead of their deadline
 * so sound can be queued to start exactly on time.
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-clock.h"
#include "unknot-routine.h"
#include "unknot-session.h"

#define SECOND G_USEC_PER_SEC
/* Going back within this much of a step's start goes to the step before. */
#define BACK_GRACE (3 * SECOND)
/* What "shorten this step" leaves of it. */
#define SHORTENED_REMAINDER (10 * SECOND)
/* Boot time running ahead of monotonic time by more than this means the machine slept. */
#define SLEEP_THRESHOLD (2 * SECOND)

typedef enum
{
  SEGMENT_GET_READY,
  SEGMENT_WORK,
  SEGMENT_SWITCH,
  SEGMENT_REST,
} SegmentKind;

typedef struct
{
  SegmentKind kind;
  guint step;
  UnknotSide side;
  gint64 duration;
} Segment;

struct _UnknotSession
{
  GObject parent_instance;

  UnknotRoutine *routine;
  UnknotClock *clock;
  GArray *segments; /* of Segment */
  GArray *intensity_events;
  gint64 cue_lookahead;

  UnknotSessionState state;
  UnknotSessionState phase; /* the state under a pause */
  guint segment;            /* index of the current segment */
  guint seconds_left;
  gint64 origin;          /* clock time at position 0, while running */
  gint64 paused_position; /* the position, while not running */
  gint64 emitted_until;   /* cues before this position have been emitted */
  gint64 last_time;       /* the clock's own and boot time at the last update, to notice sleep */
  gint64 last_boot_time;
  gint64 latest_time; /* the latest clock time seen: time never goes back here */
  guint wakeup_id;
};

G_DEFINE_FINAL_TYPE (UnknotSession, unknot_session, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_STATE,
  PROP_STEP_INDEX,
  PROP_SIDE,
  PROP_SECONDS_LEFT,
  PROP_CUE_LOOKAHEAD,
  N_PROPS
};

enum
{
  CUE,
  TOO_INTENSE,
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *cue_ids[] = {
  [UNKNOT_CUE_GET_READY] = "get-ready",
  [UNKNOT_CUE_TICK] = "tick",
  [UNKNOT_CUE_STEP_START] = "step-start",
  [UNKNOT_CUE_HALFWAY] = "halfway",
  [UNKNOT_CUE_TEN_SECONDS] = "ten-seconds",
  [UNKNOT_CUE_LAST_SECONDS] = "last-seconds",
  [UNKNOT_CUE_STEP_END] = "step-end",
  [UNKNOT_CUE_SWITCH_SIDE] = "switch-side",
  [UNKNOT_CUE_REST] = "rest",
  [UNKNOT_CUE_DONE] = "done",
};
G_STATIC_ASSERT (G_N_ELEMENTS (cue_ids) == UNKNOT_N_CUES);

static const char *state_ids[] = {
  [UNKNOT_SESSION_STATE_READY] = "ready", [UNKNOT_SESSION_STATE_GET_READY] = "get-ready",
  [UNKNOT_SESSION_STATE_STEP] = "step",   [UNKNOT_SESSION_STATE_SWITCH_SIDE] = "switch-side",
  [UNKNOT_SESSION_STATE_REST] = "rest",   [UNKNOT_SESSION_STATE_PAUSED] = "paused",
  [UNKNOT_SESSION_STATE_DONE] = "done",   [UNKNOT_SESSION_STATE_STOPPED] = "stopped",
};

const char *
unknot_cue_get_id (UnknotCue cue)
{
  g_return_val_if_fail (cue < UNKNOT_N_CUES, NULL);
  return cue_ids[cue];
}

const char *
unknot_session_state_get_id (UnknotSessionState state)
{
  g_return_val_if_fail (state < G_N_ELEMENTS (state_ids), NULL);
  return state_ids[state];
}

/**
 * unknot_gentler_advice:
 *
 * Returns: what to tell a person for whom a step is too intense (it does not have to
 *   hurt to help: 3 out of 10 gave the same gains as 8)
 */
const char *
unknot_gentler_advice (UnknotTool tool)
{
  switch (tool)
    {
    case UNKNOT_TOOL_FOAM_ROLLER:
      return _ ("Take weight off the roller: support more of it on your hands and feet. "
                "About 3 out of 10 helps as much as harder pressure.");
    case UNKNOT_TOOL_MASSAGE_BALL:
      return _ ("Ease off the ball: lean less weight onto it, or use a wall instead of the "
                "floor. About 3 out of 10 helps as much as harder pressure.");
    case UNKNOT_TOOL_NONE:
    case UNKNOT_N_TOOLS:
    default:
      return _ ("Ease off and move more slowly. About 3 out of 10 is enough.");
    }
}

static const Segment *
get_segment (UnknotSession *self, guint index)
{
  return &g_array_index (self->segments, Segment, index);
}

static gint64
segment_start (UnknotSession *self, guint index)
{
  gint64 start = 0;

  for (guint i = 0; i < index; i++)
    start += get_segment (self, i)->duration;
  return start;
}

static gint64
total_duration (UnknotSession *self)
{
  return segment_start (self, self->segments->len);
}

static UnknotSessionState
segment_state (const Segment *segment)
{
  switch (segment->kind)
    {
    case SEGMENT_GET_READY:
      return UNKNOT_SESSION_STATE_GET_READY;
    case SEGMENT_WORK:
      return UNKNOT_SESSION_STATE_STEP;
    case SEGMENT_SWITCH:
      return UNKNOT_SESSION_STATE_SWITCH_SIDE;
    case SEGMENT_REST:
    default:
      return UNKNOT_SESSION_STATE_REST;
    }
}

static gboolean
is_running (UnknotSession *self)
{
  switch (self->state)
    {
    case UNKNOT_SESSION_STATE_GET_READY:
    case UNKNOT_SESSION_STATE_STEP:
    case UNKNOT_SESSION_STATE_SWITCH_SIDE:
    case UNKNOT_SESSION_STATE_REST:
      return TRUE;
    case UNKNOT_SESSION_STATE_READY:
    case UNKNOT_SESSION_STATE_PAUSED:
    case UNKNOT_SESSION_STATE_DONE:
    case UNKNOT_SESSION_STATE_STOPPED:
    default:
      return FALSE;
    }
}

/* The clock's time, never earlier than before.  A monotonic clock does not step back,
 * but if one did (a broken platform clock, a test's), the timeline stands still until
 * the clock catches up instead of going back over cues already given. */
static gint64
session_now (UnknotSession *self)
{
  self->latest_time = MAX (self->latest_time, unknot_clock_get_time (self->clock));
  return self->latest_time;
}

static gint64
get_position (UnknotSession *self)
{
  if (is_running (self))
    return session_now (self) - self->origin;
  return self->paused_position;
}

typedef void (*CueFunc) (
  UnknotSession *self, UnknotCue cue, const Segment *segment, gint64 position, gpointer data);

/* Calls @func for every cue whose position is in [@from, @to), in order.  Each segment's
 * cues are placed relative to its start; the final DONE stands at the very end. */
static void
for_each_cue (UnknotSession *self, gint64 from, gint64 to, CueFunc func, gpointer data)
{
  gint64 start = 0;

  for (guint i = 0; i < self->segments->len && start < to; i++)
    {
      const Segment *segment = get_segment (self, i);
      const Segment *next = i + 1 < self->segments->len ? get_segment (self, i + 1) : NULL;
      gint64 d = segment->duration;
      struct
      {
        UnknotCue cue;
        gint64 offset;
      } cues[8];
      guint n = 0;

#define ADD(c, o) (cues[n].cue = (c), cues[n].offset = (o), n++)
      switch (segment->kind)
        {
        case SEGMENT_GET_READY:
          ADD (UNKNOT_CUE_GET_READY, 0);
          for (gint64 t = 3; t >= 1; t--)
            if (d - t * SECOND > 0)
              ADD (UNKNOT_CUE_TICK, d - t * SECOND);
          break;
        case SEGMENT_WORK:
          ADD (UNKNOT_CUE_STEP_START, 0);
          if (d >= 20 * SECOND)
            ADD (UNKNOT_CUE_HALFWAY, d / 2);
          if (d >= 30 * SECOND)
            ADD (UNKNOT_CUE_TEN_SECONDS, d - 10 * SECOND);
          for (gint64 t = 3; t >= 1; t--)
            if (d - t * SECOND > (d >= 20 * SECOND ? d / 2 : 0))
              ADD (UNKNOT_CUE_LAST_SECONDS, d - t * SECOND);
          /* Straight into the next step, its start says it all; at the end, DONE does. */
          if (next != NULL && next->kind != SEGMENT_WORK)
            ADD (UNKNOT_CUE_STEP_END, d);
          break;
        case SEGMENT_SWITCH:
        case SEGMENT_REST:
          /* A second after the step's end chime, so the two never sound together. */
          if (d >= 3 * SECOND)
            ADD (segment->kind == SEGMENT_SWITCH ? UNKNOT_CUE_SWITCH_SIDE : UNKNOT_CUE_REST,
                 SECOND);
          for (gint64 t = 3; t >= 1; t--)
            if (d - t * SECOND > SECOND)
              ADD (UNKNOT_CUE_TICK, d - t * SECOND);
          break;
        default:
          g_assert_not_reached ();
        }
#undef ADD

      for (guint c = 0; c < n; c++)
        {
          gint64 position = start + cues[c].offset;

          if (position >= from && position < to)
            func (self, cues[c].cue, segment, position, data);
        }
      start += d;
    }

  if (start >= from && start < to && self->segments->len > 0)
    func (self, UNKNOT_CUE_DONE, get_segment (self, self->segments->len - 1), start, data);
}

static void
emit_cue (
  UnknotSession *self, UnknotCue cue, const Segment *segment, gint64 position, gpointer data)
{
  g_signal_emit (self, signals[CUE], 0, cue, segment->step, segment->side, self->origin + position);
}

static void
set_state (UnknotSession *self, UnknotSessionState state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static guint
find_segment (UnknotSession *self, gint64 position)
{
  gint64 start = 0;

  for (guint i = 0; i < self->segments->len; i++)
    {
      start += get_segment (self, i)->duration;
      if (position < start)
        return i;
    }
  return self->segments->len - 1;
}

/* Brings segment, phase and seconds left in line with @position, notifying changes. */
static void
sync_to_position (UnknotSession *self, gint64 position)
{
  guint segment = find_segment (self, position);
  const Segment *old = get_segment (self, self->segment);
  const Segment *current = get_segment (self, segment);
  gint64 end = segment_start (self, segment) + current->duration;
  guint seconds_left = (guint) ((end - position + SECOND - 1) / SECOND);

  g_object_freeze_notify (G_OBJECT (self));
  if (segment != self->segment)
    {
      self->segment = segment;
      if (old->step != current->step)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP_INDEX]);
      if (old->side != current->side)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDE]);
    }
  self->phase = segment_state (current);
  if (is_running (self))
    set_state (self, self->phase);
  if (seconds_left != self->seconds_left)
    {
      self->seconds_left = seconds_left;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDS_LEFT]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void cancel_wakeup (UnknotSession *self);
static void schedule_wakeup (UnknotSession *self);

static void
finish (UnknotSession *self)
{
  gint64 total = total_duration (self);

  cancel_wakeup (self);
  self->origin = session_now (self) - total;
  for_each_cue (self, self->emitted_until, total + 1, emit_cue, NULL);
  self->emitted_until = total + 1;
  self->paused_position = total;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->seconds_left != 0)
    {
      self->seconds_left = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDS_LEFT]);
    }
  self->phase = UNKNOT_SESSION_STATE_DONE;
  set_state (self, UNKNOT_SESSION_STATE_DONE);
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[FINISHED], 0, TRUE);
}

static void
pause_at (UnknotSession *self, gint64 position)
{
  cancel_wakeup (self);
  self->paused_position = position;
  set_state (self, UNKNOT_SESSION_STATE_PAUSED);
}

/* Emits what is due, follows the timeline, and sleeps until the next thing to do. */
static void
update (UnknotSession *self)
{
  gint64 clock_time = unknot_clock_get_time (self->clock);
  gint64 now = session_now (self);
  gint64 boot = unknot_clock_get_boot_time (self->clock);
  gint64 position;

  if (!is_running (self))
    return;

  /* The machine slept: monotonic time stood still, so the position is where it was. */
  if ((boot - self->last_boot_time) - (clock_time - self->last_time) > SLEEP_THRESHOLD)
    {
      self->last_time = clock_time;
      self->last_boot_time = boot;
      pause_at (self, now - self->origin);
      return;
    }
  self->last_time = clock_time;
  self->last_boot_time = boot;

  position = now - self->origin;
  if (position >= total_duration (self))
    {
      finish (self);
      return;
    }

  g_object_ref (self);
  for_each_cue (self, self->emitted_until, position + self->cue_lookahead + 1, emit_cue, NULL);
  self->emitted_until = MAX (self->emitted_until, position + self->cue_lookahead + 1);
  if (is_running (self))
    {
      sync_to_position (self, position);
      schedule_wakeup (self);
    }
  g_object_unref (self);
}

static void
wakeup_cb (gpointer user_data)
{
  UnknotSession *self = user_data;

  self->wakeup_id = 0;
  update (self);
}

static void
find_first_cue (
  UnknotSession *self, UnknotCue cue, const Segment *segment, gint64 position, gpointer data)
{
  gint64 *first = data;

  *first = MIN (*first, position);
}

static void
cancel_wakeup (UnknotSession *self)
{
  if (self->wakeup_id != 0)
    unknot_clock_remove (self->clock, self->wakeup_id);
  self->wakeup_id = 0;
}

/* The next moment something changes: a cue to emit, a second of the countdown, the end
 * of the timeline.  Nothing polls in between. */
static void
schedule_wakeup (UnknotSession *self)
{
  gint64 position = get_position (self);
  gint64 total = total_duration (self);
  gint64 end = segment_start (self, self->segment) + get_segment (self, self->segment)->duration;
  gint64 next = MIN (end - (gint64) (self->seconds_left - 1) * SECOND, total);
  gint64 next_cue = G_MAXINT64;

  for_each_cue (self, self->emitted_until, total + 1, find_first_cue, &next_cue);
  if (next_cue != G_MAXINT64)
    next = MIN (next, next_cue - self->cue_lookahead);
  next = MAX (next, position);

  cancel_wakeup (self);
  self->wakeup_id = unknot_clock_add_deadline (self->clock, self->origin + next, wakeup_cb, self);
}

static void
jump_to (UnknotSession *self, gint64 position)
{
  self->emitted_until = position;
  if (is_running (self))
    {
      self->origin = session_now (self) - position;
      update (self);
    }
  else
    {
      self->paused_position = position;
      sync_to_position (self, position);
    }
}

/**
 * unknot_session_new:
 * @get_ready_seconds: the count-in before the first step
 * @rest_seconds: the rest between two steps
 */
UnknotSession *
unknot_session_new (UnknotRoutine *routine,
                    UnknotClock *clock,
                    guint get_ready_seconds,
                    guint rest_seconds)
{
  UnknotSession *self;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE (routine), NULL);
  g_return_val_if_fail (UNKNOT_IS_CLOCK (clock), NULL);

  self = g_object_new (UNKNOT_TYPE_SESSION, NULL);
  self->routine = g_object_ref (routine);
  self->clock = g_object_ref (clock);

  if (get_ready_seconds > 0)
    {
      Segment segment = { SEGMENT_GET_READY, 0, unknot_routine_get_step (routine, 0)->side,
                          get_ready_seconds * SECOND };

      if (segment.side == UNKNOT_SIDE_BOTH)
        segment.side = UNKNOT_SIDE_LEFT;
      g_array_append_val (self->segments, segment);
    }

  for (guint i = 0; i < unknot_routine_get_n_steps (routine); i++)
    {
      const UnknotStep *step = unknot_routine_get_step (routine, i);
      gint64 duration = step->duration_seconds * SECOND;
      UnknotSide first_side = step->side == UNKNOT_SIDE_BOTH ? UNKNOT_SIDE_LEFT : step->side;

      if (i > 0 && rest_seconds > 0)
        {
          Segment rest = { SEGMENT_REST, i, first_side, rest_seconds * SECOND };

          g_array_append_val (self->segments, rest);
        }
      if (step->side == UNKNOT_SIDE_BOTH)
        {
          Segment left = { SEGMENT_WORK, i, UNKNOT_SIDE_LEFT, duration };
          Segment gap = { SEGMENT_SWITCH, i, UNKNOT_SIDE_RIGHT,
                          UNKNOT_SWITCH_SIDE_SECONDS * SECOND };
          Segment right = { SEGMENT_WORK, i, UNKNOT_SIDE_RIGHT, duration };

          g_array_append_val (self->segments, left);
          g_array_append_val (self->segments, gap);
          g_array_append_val (self->segments, right);
        }
      else
        {
          Segment work = { SEGMENT_WORK, i, step->side, duration };

          g_array_append_val (self->segments, work);
        }
    }

  self->seconds_left = (guint) (get_segment (self, 0)->duration / SECOND);
  self->phase = segment_state (get_segment (self, 0));
  return self;
}

/**
 * unknot_session_start:
 *
 * Starts the count-in, or the first step if there is none.
 */
void
unknot_session_start (UnknotSession *self)
{
  g_return_if_fail (UNKNOT_IS_SESSION (self));
  g_return_if_fail (self->state == UNKNOT_SESSION_STATE_READY);

  self->origin = session_now (self);
  self->last_time = unknot_clock_get_time (self->clock);
  self->last_boot_time = unknot_clock_get_boot_time (self->clock);
  self->emitted_until = 0;
  set_state (self, self->phase);
  update (self);
}

void
unknot_session_pause (UnknotSession *self)
{
  g_return_if_fail (UNKNOT_IS_SESSION (self));

  if (is_running (self))
    pause_at (self, get_position (self));
}

void
unknot_session_resume (UnknotSession *self)
{
  g_return_if_fail (UNKNOT_IS_SESSION (self));

  if (self->state != UNKNOT_SESSION_STATE_PAUSED)
    return;
  self->origin = session_now (self) - self->paused_position;
  self->last_time = unknot_clock_get_time (self->clock);
  self->last_boot_time = unknot_clock_get_boot_time (self->clock);
  set_state (self, self->phase);
  update (self);
}

void
unknot_session_toggle_pause (UnknotSession *self)
{
  g_return_if_fail (UNKNOT_IS_SESSION (self));

  if (self->state == UNKNOT_SESSION_STATE_PAUSED)
    unknot_session_resume (self);
  else
    unknot_session_pause (self);
}

static gboolean
can_move (UnknotSession *self)
{
  return is_running (self) || self->state == UNKNOT_SESSION_STATE_PAUSED;
}

/**
 * unknot_session_skip:
 *
 * Goes to the start of the next side or step; from the last one, to the end.
 */
void
unknot_session_skip (UnknotSession *self)
{
  g_return_if_fail (UNKNOT_IS_SESSION (self));

  if (!can_move (self))
    return;

  for (guint i = self->segment + 1; i < self->segments->len; i++)
    {
      if (get_segment (self, i)->kind == SEGMENT_WORK)
        {
          jump_to (self, segment_start (self, i));
          return;
        }
    }

  /* Nothing left to skip to: the routine is over, without the cues in between. */
  self->emitted_until = total_duration (self);
  finish (self);
}

/**
 * unknot_session_back:
 *
 * Restarts the current side; near its start, or in a gap, goes to the side before.
 */
void
unknot_session_back (UnknotSession *self)
{
  gint64 position;
  guint target;

  g_return_if_fail (UNKNOT_IS_SESSION (self));

  if (!can_move (self))
    return;

  position = get_position (self);
  target = self->segment;
  if (get_segment (self, target)->kind != SEGMENT_WORK ||
      position - segment_start (self, target) < BACK_GRACE)
    {
      for (guint i = target; i-- > 0;)
        {
          if (get_segment (self, i)->kind == SEGMENT_WORK)
            {
              target = i;
              break;
            }
        }
    }

  jump_to (self, segment_start (self, target));
}

/**
 * unknot_session_stop:
 *
 * Ends the session before its end; nothing more is emitted.
 */
void
unknot_session_stop (UnknotSession *self)
{
  g_return_if_fail (UNKNOT_IS_SESSION (self));

  if (self->state == UNKNOT_SESSION_STATE_DONE || self->state == UNKNOT_SESSION_STATE_STOPPED)
    return;
  self->paused_position = get_position (self);
  cancel_wakeup (self);
  set_state (self, UNKNOT_SESSION_STATE_STOPPED);
  g_signal_emit (self, signals[FINISHED], 0, FALSE);
}

/**
 * unknot_session_too_intense:
 *
 * Records that the current step is too intense for the person; #UnknotSession::too-intense
 * tells the UI to offer gentler advice, a shorter step or the next one.
 */
void
unknot_session_too_intense (UnknotSession *self)
{
  const Segment *segment;
  UnknotIntensityEvent event;

  g_return_if_fail (UNKNOT_IS_SESSION (self));

  if (!can_move (self))
    return;

  segment = get_segment (self, self->segment);
  event.step_index = segment->step;
  event.side = segment->side;
  event.seconds_into_step =
    (guint) ((get_position (self) - segment_start (self, self->segment)) / SECOND);
  event.time = g_get_real_time () / G_USEC_PER_SEC;
  g_array_append_val (self->intensity_events, event);

  g_signal_emit (self, signals[TOO_INTENSE], 0, segment->step);
}

/**
 * unknot_session_shorten_step:
 *
 * Leaves at most ten seconds of the current side of a step.
 */
void
unknot_session_shorten_step (UnknotSession *self)
{
  Segment *segment;
  gint64 position;
  gint64 left;

  g_return_if_fail (UNKNOT_IS_SESSION (self));

  if (!can_move (self))
    return;

  segment = &g_array_index (self->segments, Segment, self->segment);
  if (segment->kind != SEGMENT_WORK)
    return;
  position = get_position (self);
  left = segment_start (self, self->segment) + segment->duration - position;
  if (left <= SHORTENED_REMAINDER)
    return;

  segment->duration -= left - SHORTENED_REMAINDER;
  if (is_running (self))
    update (self);
  else
    sync_to_position (self, position);
}

UnknotRoutine *
unknot_session_get_routine (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), NULL);
  return self->routine;
}

UnknotClock *
unknot_session_get_clock (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), NULL);
  return self->clock;
}

UnknotSessionState
unknot_session_get_state (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), UNKNOT_SESSION_STATE_READY);
  return self->state;
}

/**
 * unknot_session_get_phase:
 *
 * Returns: the state, looking through a pause: what the session is in or paused in
 */
UnknotSessionState
unknot_session_get_phase (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), UNKNOT_SESSION_STATE_READY);
  return self->state == UNKNOT_SESSION_STATE_PAUSED ? self->phase : self->state;
}

gboolean
unknot_session_is_running (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), FALSE);
  return is_running (self);
}

/**
 * unknot_session_get_step_index:
 *
 * Returns: the step being worked, or coming next during the count-in and rests
 */
gint
unknot_session_get_step_index (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), -1);
  return (gint) get_segment (self, self->segment)->step;
}

UnknotSide
unknot_session_get_side (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), UNKNOT_SIDE_LEFT);
  return get_segment (self, self->segment)->side;
}

/**
 * unknot_session_get_seconds_left:
 *
 * Returns: the countdown: whole seconds left in the current segment, rounded up
 */
guint
unknot_session_get_seconds_left (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0);
  return self->seconds_left;
}

guint
unknot_session_get_total_seconds_left (UnknotSession *self)
{
  gint64 left;

  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0);

  left = total_duration (self) - get_position (self);
  return left > 0 ? (guint) ((left + SECOND - 1) / SECOND) : 0;
}

/**
 * unknot_session_get_position:
 *
 * Returns: µs since the start of the session, pauses left out
 */
gint64
unknot_session_get_position (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0);
  return get_position (self);
}

/**
 * unknot_session_get_segment_position:
 *
 * Returns: µs into the current side of a step, count-in, switch or rest
 */
gint64
unknot_session_get_segment_position (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0);
  return get_position (self) - segment_start (self, self->segment);
}

gint64
unknot_session_get_segment_duration (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0);
  return get_segment (self, self->segment)->duration;
}

/**
 * unknot_session_get_origin:
 *
 * Returns: the clock time at which position 0 is (or would be, while not running)
 */
gint64
unknot_session_get_origin (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), 0);
  if (!is_running (self))
    return session_now (self) - self->paused_position;
  return self->origin;
}

static void
find_first_earcon (
  UnknotSession *self, UnknotCue cue, const Segment *segment, gint64 position, gpointer data)
{
  if (cue != UNKNOT_CUE_GET_READY && cue != UNKNOT_CUE_TEN_SECONDS)
    find_first_cue (self, cue, segment, position, data);
}

/**
 * unknot_session_get_next_earcon_deadline:
 * @after_us: a clock time
 *
 * For the voice, which must not talk over an earcon.
 *
 * Returns: the clock time of the first cue with an earcon after @after_us, or
 *   %G_MAXINT64 if there is none
 */
gint64
unknot_session_get_next_earcon_deadline (UnknotSession *self, gint64 after_us)
{
  gint64 first = G_MAXINT64;
  gint64 origin;

  g_return_val_if_fail (UNKNOT_IS_SESSION (self), G_MAXINT64);

  origin = unknot_session_get_origin (self);
  for_each_cue (self, after_us - origin + 1, total_duration (self) + 1, find_first_earcon, &first);
  return first == G_MAXINT64 ? G_MAXINT64 : origin + first;
}

/**
 * unknot_session_get_intensity_events:
 *
 * Returns: (transfer none) (element-type UnknotIntensityEvent): every "too intense"
 */
const GArray *
unknot_session_get_intensity_events (UnknotSession *self)
{
  g_return_val_if_fail (UNKNOT_IS_SESSION (self), NULL);
  return self->intensity_events;
}

static void
unknot_session_dispose (GObject *object)
{
  UnknotSession *self = UNKNOT_SESSION (object);

  if (self->clock != NULL)
    cancel_wakeup (self);
  g_clear_object (&self->clock);
  g_clear_object (&self->routine);

  G_OBJECT_CLASS (unknot_session_parent_class)->dispose (object);
}

static void
unknot_session_finalize (GObject *object)
{
  UnknotSession *self = UNKNOT_SESSION (object);

  g_clear_pointer (&self->segments, g_array_unref);
  g_clear_pointer (&self->intensity_events, g_array_unref);

  G_OBJECT_CLASS (unknot_session_parent_class)->finalize (object);
}

static void
unknot_session_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  UnknotSession *self = UNKNOT_SESSION (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_STEP_INDEX:
      g_value_set_int (value, unknot_session_get_step_index (self));
      break;
    case PROP_SIDE:
      g_value_set_int (value, unknot_session_get_side (self));
      break;
    case PROP_SECONDS_LEFT:
      g_value_set_uint (value, self->seconds_left);
      break;
    case PROP_CUE_LOOKAHEAD:
      g_value_set_int64 (value, self->cue_lookahead);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_session_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  UnknotSession *self = UNKNOT_SESSION (object);

  switch (prop_id)
    {
    case PROP_CUE_LOOKAHEAD:
      if (self->cue_lookahead != g_value_get_int64 (value))
        {
          self->cue_lookahead = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_session_class_init (UnknotSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = unknot_session_dispose;
  object_class->finalize = unknot_session_finalize;
  object_class->get_property = unknot_session_get_property;
  object_class->set_property = unknot_session_set_property;

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, 0, UNKNOT_SESSION_STATE_STOPPED, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STEP_INDEX] =
    g_param_spec_int ("step-index", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SIDE] =
    g_param_spec_int ("side", NULL, NULL, 0, UNKNOT_N_SIDES - 1, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SECONDS_LEFT] =
    g_param_spec_uint ("seconds-left", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * UnknotSession:cue-lookahead:
   *
   * How many µs before its deadline a cue is emitted, so its sound can be queued.
   */
  properties[PROP_CUE_LOOKAHEAD] =
    g_param_spec_int64 ("cue-lookahead", NULL, NULL, 0, G_USEC_PER_SEC, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UnknotSession::cue:
   * @cue: an #UnknotCue
   * @step_index: the step it belongs to
   * @side: the side being worked
   * @deadline: the clock time at which it should sound
   */
  signals[CUE] =
    g_signal_new ("cue", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_INT, G_TYPE_UINT, G_TYPE_INT, G_TYPE_INT64);
  signals[TOO_INTENSE] = g_signal_new ("too-intense", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * UnknotSession::finished:
   * @completed: %TRUE at the end of the routine, %FALSE when stopped
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
unknot_session_init (UnknotSession *self)
{
  self->segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  self->intensity_events = g_array_new (FALSE, FALSE, sizeof (UnknotIntensityEvent));
  self->state = UNKNOT_SESSION_STATE_READY;
  self->latest_time = G_MININT64;
}
