/* unknot-routine.h: a routine, an ordered list of steps, read from a routine file
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "unknot-types.h"

G_BEGIN_DECLS

#define UNKNOT_ROUTINE_ERROR (unknot_routine_error_quark ())

typedef enum
{
  UNKNOT_ROUTINE_ERROR_READ,
  UNKNOT_ROUTINE_ERROR_TOO_LARGE,
  UNKNOT_ROUTINE_ERROR_NOT_TEXT,
  UNKNOT_ROUTINE_ERROR_SYNTAX,
  UNKNOT_ROUTINE_ERROR_DUPLICATE,
  UNKNOT_ROUTINE_ERROR_UNKNOWN_GROUP,
  UNKNOT_ROUTINE_ERROR_UNKNOWN_KEY,
  UNKNOT_ROUTINE_ERROR_MISSING_GROUP,
  UNKNOT_ROUTINE_ERROR_MISSING_KEY,
  UNKNOT_ROUTINE_ERROR_INVALID_VALUE,
  UNKNOT_ROUTINE_ERROR_UNSUPPORTED_FORMAT,
} UnknotRoutineError;

/* Limits of the format; see HACKING.md. */
#define UNKNOT_ROUTINE_MAX_FILE_SIZE (256 * 1024)
#define UNKNOT_ROUTINE_MAX_LINE_LENGTH 4096
#define UNKNOT_ROUTINE_MAX_STEPS 64
#define UNKNOT_ROUTINE_MIN_STEP_SECONDS 5
#define UNKNOT_ROUTINE_MAX_STEP_SECONDS 600

/* The gap between the left and the right side of a two-sided step. CONTENT.md: 5–10 s. */
#define UNKNOT_SWITCH_SIDE_SECONDS 8

struct _UnknotStep
{
  char *name;
  char *instruction;
  char *spoken;
  UnknotTarget target;
  UnknotTool tool;
  UnknotSide side;
  UnknotTechnique technique;
  guint duration_seconds; /* per side */
};

#define UNKNOT_TYPE_ROUTINE (unknot_routine_get_type ())

G_DECLARE_FINAL_TYPE (UnknotRoutine, unknot_routine, UNKNOT, ROUTINE, GObject)

GQuark unknot_routine_error_quark (void);

UnknotRoutine *
unknot_routine_new_from_bytes (GBytes *bytes, const char *source_name, GError **error);
UnknotRoutine *
unknot_routine_new_from_file (GFile *file, GCancellable *cancellable, GError **error);
gboolean unknot_routine_validate_file (const char *path, char **report);

const char *unknot_routine_get_id (UnknotRoutine *self);
const char *unknot_routine_get_name (UnknotRoutine *self);
const char *unknot_routine_get_summary (UnknotRoutine *self);
const char *unknot_routine_get_safety (UnknotRoutine *self);
const char *unknot_routine_get_source_name (UnknotRoutine *self);
gboolean unknot_routine_helps (UnknotRoutine *self, UnknotProblem problem);
gboolean unknot_routine_uses_tool (UnknotRoutine *self, UnknotTool tool);
gboolean unknot_routine_works_target (UnknotRoutine *self, UnknotTarget target);
guint unknot_routine_get_n_steps (UnknotRoutine *self);
const UnknotStep *unknot_routine_get_step (UnknotRoutine *self, guint index);
guint unknot_routine_get_work_seconds (UnknotRoutine *self);
guint unknot_routine_get_total_seconds (UnknotRoutine *self, guint rest_seconds);

guint unknot_step_get_n_sides (const UnknotStep *step);
char *unknot_format_duration (guint seconds);
char *unknot_format_approximate_duration (guint seconds);

G_END_DECLS
