/* unknot-session.h: runs one routine, step by step, on a clock
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "unknot-types.h"

G_BEGIN_DECLS

typedef enum
{
  UNKNOT_SESSION_STATE_READY,
  UNKNOT_SESSION_STATE_GET_READY,
  UNKNOT_SESSION_STATE_STEP,
  UNKNOT_SESSION_STATE_SWITCH_SIDE,
  UNKNOT_SESSION_STATE_REST,
  UNKNOT_SESSION_STATE_PAUSED,
  UNKNOT_SESSION_STATE_DONE,
  UNKNOT_SESSION_STATE_STOPPED,
} UnknotSessionState;

/* What a session announces, and when. Each has an earcon, a spoken line, or both. */
typedef enum
{
  UNKNOT_CUE_GET_READY,  /* start of the count-in (spoken) */
  UNKNOT_CUE_TICK,       /* each of the last three seconds of a count-in or gap */
  UNKNOT_CUE_STEP_START, /* a side of a step starts */
  UNKNOT_CUE_HALFWAY,
  UNKNOT_CUE_TEN_SECONDS,  /* spoken only */
  UNKNOT_CUE_LAST_SECONDS, /* each of the last three seconds of a step */
  UNKNOT_CUE_STEP_END,
  UNKNOT_CUE_SWITCH_SIDE,
  UNKNOT_CUE_REST,
  UNKNOT_CUE_DONE,
  UNKNOT_N_CUES
} UnknotCue;

/* A "too intense" press, kept so the diary can show it later. */
typedef struct
{
  guint step_index;
  UnknotSide side;
  guint seconds_into_step;
  gint64 time; /* Unix seconds, UTC */
} UnknotIntensityEvent;

#define UNKNOT_TYPE_SESSION (unknot_session_get_type ())

G_DECLARE_FINAL_TYPE (UnknotSession, unknot_session, UNKNOT, SESSION, GObject)

UnknotSession *unknot_session_new (UnknotRoutine *routine,
                                   UnknotClock *clock,
                                   guint get_ready_seconds,
                                   guint rest_seconds);

void unknot_session_start (UnknotSession *self);
void unknot_session_pause (UnknotSession *self);
void unknot_session_resume (UnknotSession *self);
void unknot_session_toggle_pause (UnknotSession *self);
void unknot_session_skip (UnknotSession *self);
void unknot_session_back (UnknotSession *self);
void unknot_session_stop (UnknotSession *self);
void unknot_session_too_intense (UnknotSession *self);
void unknot_session_shorten_step (UnknotSession *self);

UnknotRoutine *unknot_session_get_routine (UnknotSession *self);
UnknotClock *unknot_session_get_clock (UnknotSession *self);
UnknotSessionState unknot_session_get_state (UnknotSession *self);
UnknotSessionState unknot_session_get_phase (UnknotSession *self);
gboolean unknot_session_is_running (UnknotSession *self);
gint unknot_session_get_step_index (UnknotSession *self);
UnknotSide unknot_session_get_side (UnknotSession *self);
guint unknot_session_get_seconds_left (UnknotSession *self);
guint unknot_session_get_total_seconds_left (UnknotSession *self);
gint64 unknot_session_get_position (UnknotSession *self);
gint64 unknot_session_get_segment_position (UnknotSession *self);
gint64 unknot_session_get_segment_duration (UnknotSession *self);
gint64 unknot_session_get_origin (UnknotSession *self);
gint64 unknot_session_get_next_earcon_deadline (UnknotSession *self, gint64 after_us);
const GArray *unknot_session_get_intensity_events (UnknotSession *self);

const char *unknot_cue_get_id (UnknotCue cue);
const char *unknot_session_state_get_id (UnknotSessionState state);
const char *unknot_gentler_advice (UnknotTool tool);

G_END_DECLS
