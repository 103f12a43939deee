/* unknot-routine-library.c: every routine the app knows, built-in and the person's own
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-routine.h"
#include "unknot-routine-library.h"

struct _UnknotRoutineLibrary
{
  GObject parent_instance;

  GPtrArray *routines; /* of UnknotRoutine, in the order they were added */
  GHashTable *by_id;   /* id → UnknotRoutine (borrowed from routines) */
  GHashTable *builtin; /* set of UnknotRoutine that came from resources */
  GPtrArray *problems; /* of char *: one message per file that could not be used */
};

G_DEFINE_FINAL_TYPE (UnknotRoutineLibrary, unknot_routine_library, G_TYPE_OBJECT)

static void
unknot_routine_library_finalize (GObject *object)
{
  UnknotRoutineLibrary *self = (UnknotRoutineLibrary *) object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->builtin, g_hash_table_unref);
  g_clear_pointer (&self->routines, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (unknot_routine_library_parent_class)->finalize (object);
}

static void
unknot_routine_library_class_init (UnknotRoutineLibraryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = unknot_routine_library_finalize;
}

static void
unknot_routine_library_init (UnknotRoutineLibrary *self)
{
  self->routines = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->builtin = g_hash_table_new (NULL, NULL);
  self->problems = g_ptr_array_new_with_free_func (g_free);
}

UnknotRoutineLibrary *
unknot_routine_library_new (void)
{
  return g_object_new (UNKNOT_TYPE_ROUTINE_LIBRARY, NULL);
}

/* A message quotes what the file holds, which can be a line of 4096 bytes; where (the
 * file name and line, first) and what is wrong (last) are kept around a cut. */
#define MAX_PROBLEM_CHARS 200

static void
add_problem (UnknotRoutineLibrary *self, const char *message)
{
  glong length = g_utf8_strlen (message, -1);
  glong half = (MAX_PROBLEM_CHARS - 1) / 2;
  g_autofree char *start = NULL;

  if (length <= MAX_PROBLEM_CHARS)
    {
      g_ptr_array_add (self->problems, g_strdup (message));
      return;
    }
  start = g_utf8_substring (message, 0, half);
  g_ptr_array_add (
    self->problems,
    g_strconcat (start, "…", g_utf8_offset_to_pointer (message, length - half), NULL));
}

static gboolean
add_routine (UnknotRoutineLibrary *self, UnknotRoutine *routine, GError **error)
{
  UnknotRoutine *existing = g_hash_table_lookup (self->by_id, unknot_routine_get_id (routine));

  if (existing != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _ ("%s: the id “%s” is already used by %s"),
                   unknot_routine_get_source_name (routine), unknot_routine_get_id (routine),
                   unknot_routine_get_source_name (existing));
      return FALSE;
    }

  g_ptr_array_add (self->routines, g_object_ref (routine));
  g_hash_table_insert (self->by_id, (gpointer) unknot_routine_get_id (routine), routine);
  return TRUE;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/**
 * unknot_routine_library_load_builtin:
 *
 * Adds the routines shipped in the application's resources.  They are part of the
 * program, so any of them failing to load is a bug, reported through @error.
 */
gboolean
unknot_routine_library_load_builtin (UnknotRoutineLibrary *self, GError **error)
{
  g_auto (GStrv) names = NULL;
  gboolean all_loaded = TRUE;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE_LIBRARY (self), FALSE);

  names = g_resources_enumerate_children (UNKNOT_ROUTINES_RESOURCE_PATH,
                                          G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (names == NULL)
    return FALSE;
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);

  /* One broken built-in routine (our bug) must not take the others with it: it is
   * skipped, named in the problems, and the first such error is returned. */
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (UNKNOT_ROUTINES_RESOURCE_PATH, names[i], NULL);
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (UnknotRoutine) routine = NULL;
      g_autoptr (GError) local_error = NULL;

      if (!g_str_has_suffix (names[i], ".routine"))
        continue;
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
      if (bytes != NULL)
        routine = unknot_routine_new_from_bytes (bytes, names[i], &local_error);
      if (routine != NULL && add_routine (self, routine, &local_error))
        {
          g_hash_table_add (self->builtin, routine);
          continue;
        }
      add_problem (self, local_error->message);
      if (all_loaded)
        g_propagate_error (error, g_steal_pointer (&local_error));
      all_loaded = FALSE;
    }

  return all_loaded;
}

/**
 * unknot_routine_library_get_user_directory:
 *
 * Returns: (transfer full): where a person's own routines live
 */
GFile *
unknot_routine_library_get_user_directory (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "unknot", "routines", NULL);
}

/**
 * unknot_routine_library_load_directory:
 *
 * Adds every valid `*.routine` file in @directory.  A file that cannot be used is
 * skipped and named in the problems list; a directory that does not exist is fine.
 */
void
unknot_routine_library_load_directory (UnknotRoutineLibrary *self, GFile *directory)
{
  g_autoptr (GFileEnumerator) enumerator = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (UNKNOT_IS_ROUTINE_LIBRARY (self));
  g_return_if_fail (G_IS_FILE (directory));

  enumerator = g_file_enumerate_children (directory, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (enumerator == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        add_problem (self, error->message);
      return;
    }

  for (;;)
    {
      GFileInfo *info = NULL;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, NULL, &error))
        {
          add_problem (self, error->message);
          g_clear_error (&error);
          break;
        }
      if (info == NULL)
        break;
      if (g_str_has_suffix (g_file_info_get_name (info), ".routine"))
        g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
    }

  /* Directory order is arbitrary; a sorted order keeps the list and duplicates stable. */
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr (GFile) file = g_file_get_child (directory, g_ptr_array_index (names, i));
      g_autoptr (UnknotRoutine) routine = unknot_routine_new_from_file (file, NULL, &error);

      if (routine == NULL || !add_routine (self, routine, &error))
        {
          add_problem (self, error->message);
          g_clear_error (&error);
        }
    }
}

guint
unknot_routine_library_get_n_routines (UnknotRoutineLibrary *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_LIBRARY (self), 0);
  return self->routines->len;
}

/**
 * unknot_routine_library_get_routine:
 *
 * Returns: (transfer none): the routine at @index
 */
UnknotRoutine *
unknot_routine_library_get_routine (UnknotRoutineLibrary *self, guint index)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_LIBRARY (self), NULL);
  g_return_val_if_fail (index < self->routines->len, NULL);
  return g_ptr_array_index (self->routines, index);
}

/**
 * unknot_routine_library_lookup:
 *
 * Returns: (transfer none) (nullable): the routine with @id
 */
UnknotRoutine *
unknot_routine_library_lookup (UnknotRoutineLibrary *self, const char *id)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_LIBRARY (self), NULL);
  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_id, id);
}

gboolean
unknot_routine_library_is_builtin (UnknotRoutineLibrary *self, UnknotRoutine *routine)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_LIBRARY (self), FALSE);
  return g_hash_table_contains (self->builtin, routine);
}

/**
 * unknot_routine_library_get_problems:
 *
 * Returns: (transfer none) (element-type utf8): one message per routine file that
 *   could not be used
 */
const GPtrArray *
unknot_routine_library_get_problems (UnknotRoutineLibrary *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE_LIBRARY (self), NULL);
  return self->problems;
}
