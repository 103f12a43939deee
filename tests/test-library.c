/* test-library.c: built-in routines and a person's own routine folder
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "unknot-routine.h"
#include "unknot-routine-library.h"
#include "unknot-test-folder.h"

static void
test_builtin (void)
{
  g_autoptr (UnknotRoutineLibrary) library = unknot_routine_library_new ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) names = NULL;
  guint n_files = 0;

  g_assert_true (unknot_routine_library_load_builtin (library, &error));
  g_assert_no_error (error);

  names = g_resources_enumerate_children (UNKNOT_ROUTINES_RESOURCE_PATH, 0, NULL);
  for (guint i = 0; names[i] != NULL; i++)
    n_files += g_str_has_suffix (names[i], ".routine");

  /* Every shipped file loaded, and there are at least ten. */
  g_assert_cmpuint (unknot_routine_library_get_n_routines (library), ==, n_files);
  g_assert_cmpuint (n_files, >=, 10);
  g_assert_cmpuint (unknot_routine_library_get_problems (library)->len, ==, 0);

  for (guint i = 0; i < unknot_routine_library_get_n_routines (library); i++)
    {
      UnknotRoutine *routine = unknot_routine_library_get_routine (library, i);
      g_autofree char *expected_name =
        g_strconcat (unknot_routine_get_id (routine), ".routine", NULL);

      /* A built-in routine's file is named after its id. */
      g_assert_cmpstr (unknot_routine_get_source_name (routine), ==, expected_name);
      g_assert_true (unknot_routine_library_lookup (library, unknot_routine_get_id (routine)) ==
                     routine);
      g_assert_true (unknot_routine_library_is_builtin (library, routine));
    }

  g_assert_null (unknot_routine_library_lookup (library, "no-such-routine"));
  g_assert_null (unknot_routine_library_lookup (library, NULL));
}

static void
write_file (const char *dir, const char *name, const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

#define ROUTINE_TEXT(id)                                                                   \
  "[Routine]\nFormat=1\nId=" id "\nName=Mine\nSummary=My own.\nHelps=stiffness;\n"         \
  "[Step 1]\nName=Ball\nTarget=piriformis\nTool=massage-ball\nSide=left\nTechnique=hold\n" \
  "Duration=30\nInstruction=Hold.\n"

/* The person's folder: good files load, bad ones are named, nothing stops the rest. */
static void
test_user_directory (void)
{
  g_autoptr (UnknotRoutineLibrary) library = unknot_routine_library_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("unknot-library-XXXXXX", &error);
  g_autoptr (GFile) directory = NULL;
  g_autofree char *loop = NULL;
  const GPtrArray *problems;
  UnknotRoutine *mine;

  g_assert_no_error (error);
  g_assert_true (unknot_routine_library_load_builtin (library, &error));

  write_file (dir, "a-mine.routine", ROUTINE_TEXT ("my-routine"));
  write_file (dir, "b-broken.routine", "[Routine]\nFormat=1\n");
  write_file (dir, "c-twin.routine", ROUTINE_TEXT ("my-routine"));
  write_file (dir, "d-clash.routine", ROUTINE_TEXT ("glute-release"));
  write_file (dir, "notes.txt", "not a routine, not looked at");
  loop = g_build_filename (dir, "e-loop.routine", NULL);
  g_assert_cmpint (symlink ("e-loop.routine", loop), ==, 0);

  directory = g_file_new_for_path (dir);
  unknot_routine_library_load_directory (library, directory);

  mine = unknot_routine_library_lookup (library, "my-routine");
  g_assert_nonnull (mine);
  g_assert_false (unknot_routine_library_is_builtin (library, mine));
  g_assert_cmpstr (unknot_routine_get_source_name (mine), ==, "a-mine.routine");

  problems = unknot_routine_library_get_problems (library);
  g_assert_cmpuint (problems->len, ==, 4);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), "b-broken.routine:"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 1), "c-twin.routine:"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 1), "a-mine.routine"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 2), "d-clash.routine:"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 3), "e-loop.routine:"));

  /* The built-in routine keeps its id. */
  g_assert_true (unknot_routine_library_is_builtin (
    library, unknot_routine_library_lookup (library, "glute-release")));

  for (const char *const *name =
         (const char *const[]){ "a-mine.routine", "b-broken.routine", "c-twin.routine",
                                "d-clash.routine", "notes.txt", "e-loop.routine", NULL };
       *name != NULL; name++)
    {
      g_autofree char *path = g_build_filename (dir, *name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* A folder of everything that can go wrong: the good routines load, every bad file is
 * named once with what is wrong, and nothing blocks (a FIFO opened the usual way would
 * wait forever: the alarm ends the test instead) or reads 100 MB. */
static void
test_hostile_directory (void)
{
  g_autoptr (UnknotRoutineLibrary) library = unknot_routine_library_new ();
  g_autoptr (GPtrArray) bad_files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = unknot_test_folder_make_hostile (bad_files);
  g_autoptr (GFile) directory = g_file_new_for_path (dir);
  const GPtrArray *problems;
  UnknotRoutine *routine;
  gint64 start;

  alarm (20);
  start = g_get_monotonic_time ();
  unknot_routine_library_load_directory (library, directory);
  g_test_message ("hostile folder read in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  alarm (0);

  g_assert_cmpuint (unknot_routine_library_get_n_routines (library), ==, 2);
  routine = unknot_routine_library_lookup (library, UNKNOT_TEST_GOOD_ID);
  g_assert_nonnull (routine);
  g_assert_cmpstr (unknot_routine_get_name (routine), ==, UNKNOT_TEST_GOOD_NAME);
  routine = unknot_routine_library_lookup (library, UNKNOT_TEST_MARKUP_ID);
  g_assert_nonnull (routine);
  g_assert_cmpstr (unknot_routine_get_name (routine), ==, UNKNOT_TEST_MARKUP_NAME);
  g_assert_cmpstr (unknot_routine_get_step (routine, 0)->name, ==, UNKNOT_TEST_MARKUP_STEP);

  problems = unknot_routine_library_get_problems (library);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, bad_files->len);
  for (guint i = 0; i < bad_files->len; i++)
    {
      const UnknotTestBadFile *bad = g_ptr_array_index (bad_files, i);
      const char *message = g_ptr_array_index (problems, i);
      g_autofree char *prefix = g_strconcat (bad->file, ":", NULL);

      g_assert_true (g_utf8_validate (message, -1, NULL));
      g_assert_cmpuint (g_utf8_strlen (message, -1), <=, 200);
      for (const char *p = message; *p != '\0'; p = g_utf8_next_char (p))
        g_assert_false (g_unichar_iscntrl (g_utf8_get_char (p)));
      if (!g_str_has_prefix (message, prefix) || strstr (message, bad->says) == NULL)
        g_error ("“%s” does not name %s and say “%s”", message, bad->file, bad->says);
    }

  unknot_test_folder_remove (dir);
}

static void
test_missing_directory (void)
{
  g_autoptr (UnknotRoutineLibrary) library = unknot_routine_library_new ();
  g_autoptr (GFile) directory = g_file_new_for_path ("/nonexistent/unknot/routines");

  unknot_routine_library_load_directory (library, directory);
  g_assert_cmpuint (unknot_routine_library_get_n_routines (library), ==, 0);
  g_assert_cmpuint (unknot_routine_library_get_problems (library)->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/library/builtin", test_builtin);
  g_test_add_func ("/library/user-directory", test_user_directory);
  g_test_add_func ("/library/hostile-directory", test_hostile_directory);
  g_test_add_func ("/library/missing-directory", test_missing_directory);

  return g_test_run ();
}
