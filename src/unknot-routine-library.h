/* unknot-routine-library.h: every routine the app knows, built-in and the person's own
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "unknot-types.h"

G_BEGIN_DECLS

#define UNKNOT_ROUTINES_RESOURCE_PATH "/io/github/unknot/Unknot/routines/"

#define UNKNOT_TYPE_ROUTINE_LIBRARY (unknot_routine_library_get_type ())

G_DECLARE_FINAL_TYPE (
  UnknotRoutineLibrary, unknot_routine_library, UNKNOT, ROUTINE_LIBRARY, GObject)

UnknotRoutineLibrary *unknot_routine_library_new (void);
gboolean unknot_routine_library_load_builtin (UnknotRoutineLibrary *self, GError **error);
void unknot_routine_library_load_directory (UnknotRoutineLibrary *self, GFile *directory);
GFile *unknot_routine_library_get_user_directory (void);
guint unknot_routine_library_get_n_routines (UnknotRoutineLibrary *self);
UnknotRoutine *unknot_routine_library_get_routine (UnknotRoutineLibrary *self, guint index);
UnknotRoutine *unknot_routine_library_lookup (UnknotRoutineLibrary *self, const char *id);
gboolean unknot_routine_library_is_builtin (UnknotRoutineLibrary *self, UnknotRoutine *routine);
const GPtrArray *unknot_routine_library_get_problems (UnknotRoutineLibrary *self);

G_END_DECLS
