/* fuzz-routine-file.c: a routine file given on the command line
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is written to a file (one path, reused), then read the ways the command
 * line reads it: unknot_routine_validate_file(), what `unknot --validate-routine FILE`
 * prints, and the routine library over a folder holding it, as for the person's own
 * routines that `--routine ID` and `--list-routines` look in.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "unknot-fuzz.h"
#include "unknot-routine.h"
#include "unknot-routine-library.h"

#define FILE_NAME "fuzz.routine"

static char *directory;
static char *path;

static void
remove_files (void)
{
  g_unlink (path);
  g_rmdir (directory);
}

/* The library's message is the command line's, or for a long one its start and its
 * end around a "…" (at most 200 characters). */
static void
check_same_message (const char *problem, const char *report)
{
  glong half = (200 - 1) / 2;
  g_autofree char *start = NULL;

  if (g_str_equal (problem, report))
    return;
  g_assert_cmpint (g_utf8_strlen (report, -1), >, 200);
  g_assert_cmpint (g_utf8_strlen (problem, -1), ==, 2 * half + 1);
  start = g_utf8_substring (report, 0, half);
  g_assert_true (g_str_has_prefix (problem, start));
  g_assert_true (g_str_has_suffix (report, g_utf8_offset_to_pointer (problem, half + 1)));
}

/* The person's routines folder holding the file: what `--routine ID` and
 * `--list-routines` read besides the built-in routines. (The built-ins are left out:
 * parsing them for every input would make this target several times slower, and a
 * user routine with a built-in's id is test-library's to check.) */
static void
check_library (const char *report, gboolean valid)
{
  g_autoptr (UnknotRoutineLibrary) library = unknot_routine_library_new ();
  g_autoptr (GFile) folder = g_file_new_for_path (directory);
  const GPtrArray *problems;

  unknot_routine_library_load_directory (library, folder);
  problems = unknot_routine_library_get_problems (library);
  for (guint i = 0; i < problems->len; i++)
    unknot_fuzz_check_text (g_ptr_array_index (problems, i));

  if (!valid)
    {
      /* Refused, with the message the command line gives. */
      g_assert_cmpuint (unknot_routine_library_get_n_routines (library), ==, 0);
      g_assert_cmpuint (problems->len, ==, 1);
      check_same_message (g_ptr_array_index (problems, 0), report);
    }
  else
    {
      /* Listed, and found by its id. */
      UnknotRoutine *routine;

      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_cmpuint (unknot_routine_library_get_n_routines (library), ==, 1);
      routine = unknot_routine_library_get_routine (library, 0);
      g_assert_false (unknot_routine_library_is_builtin (library, routine));
      g_assert_true (unknot_routine_library_lookup (library, unknot_routine_get_id (routine)) ==
                     routine);
      g_assert_cmpstr (unknot_routine_get_source_name (routine), ==, FILE_NAME);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *report = NULL;
  gboolean valid;

  unknot_fuzz_init ();

  if (directory == NULL)
    {
      directory = g_dir_make_tmp ("unknot-fuzz-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (directory, FILE_NAME, NULL);
      atexit (remove_files);
    }
  /* Without fsync: the file only has to be there for this process. */
  if (!g_file_set_contents_full (path, (const char *) data, size, G_FILE_SET_CONTENTS_NONE, 0600,
                                 &error))
    g_error ("%s: %s", path, error->message);

  valid = unknot_routine_validate_file (path, &report);
  /* Whatever it says, it names the file. */
  g_assert_true (g_str_has_prefix (report, FILE_NAME));
  if (valid)
    g_assert_true (g_str_has_prefix (report, FILE_NAME ": valid routine"));
  /* One line for a terminal. */
  unknot_fuzz_check_line (report);

  check_library (report, valid);
  return 0;
}
