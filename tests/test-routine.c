/* test-routine.c: the routine parser, on good files and on a corpus of bad ones
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "unknot-routine.h"

static UnknotRoutine *
load_test_file (const char *dir, const char *name, GError **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", dir, name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  return unknot_routine_new_from_file (file, NULL, error);
}

static void
test_valid (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (UnknotRoutine) routine = load_test_file ("routines", "valid.routine", &error);
  const UnknotStep *step;

  g_assert_no_error (error);
  g_assert_nonnull (routine);
  g_assert_cmpstr (unknot_routine_get_id (routine), ==, "test-routine");
  g_assert_cmpstr (unknot_routine_get_name (routine), ==, "Test routine");
  g_assert_cmpstr (unknot_routine_get_summary (routine), ==, "Two steps to test the parser.");
  g_assert_null (unknot_routine_get_safety (routine));
  g_assert_cmpstr (unknot_routine_get_source_name (routine), ==, "valid.routine");
  g_assert_true (unknot_routine_helps (routine, UNKNOT_PROBLEM_KNEE_PAIN));
  g_assert_true (unknot_routine_helps (routine, UNKNOT_PROBLEM_RECOVERY));
  g_assert_false (unknot_routine_helps (routine, UNKNOT_PROBLEM_SCIATICA));
  g_assert_true (unknot_routine_uses_tool (routine, UNKNOT_TOOL_FOAM_ROLLER));
  g_assert_true (unknot_routine_uses_tool (routine, UNKNOT_TOOL_MASSAGE_BALL));
  g_assert_false (unknot_routine_uses_tool (routine, UNKNOT_TOOL_NONE));
  g_assert_true (unknot_routine_works_target (routine, UNKNOT_TARGET_PIRIFORMIS));
  g_assert_false (unknot_routine_works_target (routine, UNKNOT_TARGET_GLUTEUS_MAXIMUS));

  g_assert_cmpuint (unknot_routine_get_n_steps (routine), ==, 2);
  step = unknot_routine_get_step (routine, 0);
  g_assert_cmpstr (step->name, ==, "Outer hip");
  g_assert_cmpint (step->target, ==, UNKNOT_TARGET_GLUTEUS_MEDIUS);
  g_assert_cmpint (step->tool, ==, UNKNOT_TOOL_FOAM_ROLLER);
  g_assert_cmpint (step->side, ==, UNKNOT_SIDE_BOTH);
  g_assert_cmpint (step->technique, ==, UNKNOT_TECHNIQUE_ROLL);
  g_assert_cmpuint (step->duration_seconds, ==, 60);
  g_assert_cmpstr (step->spoken, ==, "Roller under the outer hip.");
  step = unknot_routine_get_step (routine, 1);
  g_assert_cmpint (step->side, ==, UNKNOT_SIDE_RIGHT);
  g_assert_cmpint (step->technique, ==, UNKNOT_TECHNIQUE_HOLD);
  g_assert_null (step->spoken);

  /* 60 s on each side, then 45 s on one */
  g_assert_cmpuint (unknot_routine_get_work_seconds (routine), ==, 165);
  /* plus one switch of sides and one rest between the two steps */
  g_assert_cmpuint (unknot_routine_get_total_seconds (routine, 10), ==,
                    165 + UNKNOT_SWITCH_SIDE_SECONDS + 10);
  g_assert_cmpuint (unknot_routine_get_total_seconds (routine, 0), ==,
                    165 + UNKNOT_SWITCH_SIDE_SECONDS);
}

/* Translated text is read in the person's language, with English where a key has none. */
static void
test_locale (void)
{
  const char *old_language = g_getenv ("LANGUAGE");
  g_autofree char *saved = g_strdup (old_language);
  g_autoptr (GError) error = NULL;
  g_autoptr (UnknotRoutine) german = NULL;
  g_autoptr (UnknotRoutine) spanish = NULL;

  /* g_get_language_names () caches per value of the locale variables. */
  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");
  german = load_test_file ("routines", "valid.routine", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (unknot_routine_get_name (german), ==, "Testablauf");
  g_assert_cmpstr (unknot_routine_get_summary (german), ==,
                   "Zwei Schritte, um den Parser zu testen.");
  g_assert_cmpstr (unknot_routine_get_step (german, 0)->name, ==, "Äußere Hüfte");
  g_assert_cmpstr (unknot_routine_get_step (german, 1)->name, ==, "Piriformis");

  g_setenv ("LANGUAGE", "es", TRUE);
  setlocale (LC_ALL, "");
  spanish = load_test_file ("routines", "valid.routine", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (unknot_routine_get_name (spanish), ==, "Rutina de prueba");
  g_assert_cmpstr (unknot_routine_get_summary (spanish), ==, "Two steps to test the parser.");

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
}

static const char *error_names[] = {
  [UNKNOT_ROUTINE_ERROR_READ] = "READ",
  [UNKNOT_ROUTINE_ERROR_TOO_LARGE] = "TOO_LARGE",
  [UNKNOT_ROUTINE_ERROR_NOT_TEXT] = "NOT_TEXT",
  [UNKNOT_ROUTINE_ERROR_SYNTAX] = "SYNTAX",
  [UNKNOT_ROUTINE_ERROR_DUPLICATE] = "DUPLICATE",
  [UNKNOT_ROUTINE_ERROR_UNKNOWN_GROUP] = "UNKNOWN_GROUP",
  [UNKNOT_ROUTINE_ERROR_UNKNOWN_KEY] = "UNKNOWN_KEY",
  [UNKNOT_ROUTINE_ERROR_MISSING_GROUP] = "MISSING_GROUP",
  [UNKNOT_ROUTINE_ERROR_MISSING_KEY] = "MISSING_KEY",
  [UNKNOT_ROUTINE_ERROR_INVALID_VALUE] = "INVALID_VALUE",
  [UNKNOT_ROUTINE_ERROR_UNSUPPORTED_FORMAT] = "UNSUPPORTED_FORMAT",
};

/* Each line of expected.txt names a file, the error it must give and text its message
 * must contain: every bad file is refused, whole, with the right place named. */
static void
test_bad_corpus (void)
{
  g_autofree char *list_path =
    g_test_build_filename (G_TEST_DIST, "data", "bad-routines", "expected.txt", NULL);
  g_autofree char *list = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;
  guint n_checked = 0;

  g_file_get_contents (list_path, &list, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (list, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = NULL;
      g_autoptr (UnknotRoutine) routine = NULL;
      g_autoptr (GError) parse_error = NULL;
      g_autofree char *prefix = NULL;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], "|", 3);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);

      g_test_message ("%s: expecting %s, “%s”", fields[0], fields[1], fields[2]);
      routine = load_test_file ("bad-routines", fields[0], &parse_error);
      g_assert_null (routine);
      g_assert_nonnull (parse_error);
      g_assert_true (parse_error->domain == UNKNOT_ROUTINE_ERROR);
      g_assert_cmpuint (parse_error->code, <, G_N_ELEMENTS (error_names));
      if (!g_str_equal (error_names[parse_error->code], fields[1]) ||
          strstr (parse_error->message, fields[2]) == NULL)
        g_error ("%s: expected %s “%s”, got %s “%s”", fields[0], fields[1], fields[2],
                 error_names[parse_error->code], parse_error->message);

      /* The message starts by naming the file. */
      prefix = g_strconcat (fields[0], ":", NULL);
      g_assert_true (g_str_has_prefix (parse_error->message, prefix));
      n_checked++;
    }

  g_assert_cmpuint (n_checked, >=, 40);
}

/* Whatever the bytes, the parser refuses or accepts without crashing or warning. */
static void
test_mutations (void)
{
  g_autofree char *path =
    g_test_build_filename (G_TEST_DIST, "data", "routines", "valid.routine", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  GRand *rand = g_rand_new_with_seed (20261125);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  for (guint round = 0; round < 2000; round++)
    {
      g_autofree char *copy = g_memdup2 (contents, length);
      gsize copy_length = g_rand_int_range (rand, 0, (gint32) length + 1);
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (UnknotRoutine) routine = NULL;
      g_autoptr (GError) error = NULL;

      for (guint flips = g_rand_int_range (rand, 0, 4); flips > 0 && copy_length > 0; flips--)
        copy[g_rand_int_range (rand, 0, (gint32) copy_length)] =
          (char) g_rand_int_range (rand, 0, 256);

      bytes = g_bytes_new (copy, copy_length);
      routine = unknot_routine_new_from_bytes (bytes, "mutated.routine", &error);
      g_assert_true ((routine == NULL) != (error == NULL));
    }

  g_rand_free (rand);
}

static void
test_file_errors (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("unknot-test-XXXXXX", &error);
  g_autofree char *missing = NULL;
  g_autofree char *loop = NULL;
  g_autofree char *huge = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (UnknotRoutine) routine = NULL;
  int fd;

  g_assert_no_error (error);

  /* A file that is not there */
  missing = g_build_filename (dir, "missing.routine", NULL);
  file = g_file_new_for_path (missing);
  routine = unknot_routine_new_from_file (file, NULL, &error);
  g_assert_null (routine);
  g_assert_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, "missing.routine: "));
  g_clear_error (&error);
  g_clear_object (&file);

  /* A directory */
  file = g_file_new_for_path (dir);
  routine = unknot_routine_new_from_file (file, NULL, &error);
  g_assert_null (routine);
  g_assert_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_READ);
  g_clear_error (&error);
  g_clear_object (&file);

  /* A symlink pointing at itself */
  loop = g_build_filename (dir, "loop.routine", NULL);
  g_assert_cmpint (symlink ("loop.routine", loop), ==, 0);
  file = g_file_new_for_path (loop);
  routine = unknot_routine_new_from_file (file, NULL, &error);
  g_assert_null (routine);
  g_assert_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_READ);
  g_clear_error (&error);
  g_clear_object (&file);

  /* A sparse 100 MB file is refused by its size, without reading it. */
  huge = g_build_filename (dir, "huge.routine", NULL);
  fd = g_open (huge, O_CREAT | O_WRONLY, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 100 * 1024 * 1024), ==, 0);
  close (fd);
  file = g_file_new_for_path (huge);
  routine = unknot_routine_new_from_file (file, NULL, &error);
  g_assert_null (routine);
  g_assert_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_clear_object (&file);

  g_unlink (huge);
  g_unlink (loop);
  g_rmdir (dir);
}

static void
test_format_duration (void)
{
  struct
  {
    guint seconds;
    const char *text;
  } cases[] = {
    { 0, "0 s" }, { 45, "45 s" }, { 60, "1 min" }, { 90, "1 min 30 s" }, { 600, "10 min" },
  };
  struct
  {
    guint seconds;
    const char *text;
  } rounded[] = {
    { 0, "About 1 min" },  { 20, "About 1 min" },  { 89, "About 1 min" },
    { 90, "About 2 min" }, { 452, "About 8 min" }, { 3600, "About 60 min" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = unknot_format_duration (cases[i].seconds);

      g_assert_cmpstr (text, ==, cases[i].text);
    }

  /* Totals are planned with to the minute, and never read as nothing. */
  for (guint i = 0; i < G_N_ELEMENTS (rounded); i++)
    {
      g_autofree char *text = unknot_format_approximate_duration (rounded[i].seconds);

      g_assert_cmpstr (text, ==, rounded[i].text);
    }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/routine/valid", test_valid);
  g_test_add_func ("/routine/locale", test_locale);
  g_test_add_func ("/routine/bad-corpus", test_bad_corpus);
  g_test_add_func ("/routine/mutations", test_mutations);
  g_test_add_func ("/routine/file-errors", test_file_errors);
  g_test_add_func ("/routine/format-duration", test_format_duration);

  return g_test_run ();
}
