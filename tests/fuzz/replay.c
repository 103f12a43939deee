/* replay.c: runs a fuzz target over files, without libFuzzer
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * replay DIR|FILE...: calls LLVMFuzzerTestOneInput() on every file given and every
 * file in the directories given (the seed corpus and the regressions), so the normal
 * build runs each of them on every CI build. A crash or a failed check aborts.
 */

#include <stdlib.h>

#include "unknot-fuzz.h"

static guint n_inputs;

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static void
replay_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      exit (EXIT_FAILURE);
    }
  g_print ("%s\n", path);
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
  n_inputs++;
}

static void
replay_path (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      replay_file (path);
      return;
    }

  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      exit (EXIT_FAILURE);
    }
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    replay_path (g_ptr_array_index (names, i));
}

int
main (int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    replay_path (argv[i]);
  g_print ("%u inputs replayed\n", n_inputs);
  /* A corpus that went missing would make this test pass without testing anything. */
  return n_inputs > 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
