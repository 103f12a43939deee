/* unknot-test-folder.c: a person's routine folder full of files that must not hurt
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "unknot-test-folder.h"

#define STEP_TEXT(name)                                                              \
  "Name=" name "\nTarget=piriformis\nTool=massage-ball\nSide=left\nTechnique=hold\n" \
  "Duration=30\nInstruction=Hold.\n"

#define ROUTINE_TEXT(id, name, step_name)                                              \
  "[Routine]\nFormat=1\nId=" id "\nName=" name "\nSummary=Mine.\nHelps=stiffness;\n\n" \
  "[Step 1]\n" STEP_TEXT (step_name)

/* The first 20 bytes of a PNG file: its signature and the start of its header. */
static const char png_start[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";

static void
write_file (const char *dir, const char *name, const char *contents, gssize length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
make_symlink (const char *dir, const char *name, const char *target)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (symlink (target, path), ==, 0);
}

static void
add_bad (GPtrArray *bad_files, const char *file, const char *says)
{
  UnknotTestBadFile *bad = g_new0 (UnknotTestBadFile, 1);

  bad->file = file;
  bad->says = says;
  g_ptr_array_add (bad_files, bad);
}

/**
 * unknot_test_folder_make_hostile:
 * @bad_files: (element-type UnknotTestBadFile): filled with the files that must be
 *   named as problems, in the order the library reads them (by name)
 *
 * Makes a routine folder with two good routines (one whose names are Pango markup) and
 * every kind of file that must be refused without blocking or reading it whole: a
 * directory, a dangling symlink, a symlink loop, a 100 MB sparse file, binary data, a
 * FIFO, links to /dev/zero and /dev/urandom, a line of 200 KiB, a thousand steps,
 * nested brackets, a NUL byte, Latin-1, a name that is not UTF-8 and holds an escape
 * sequence, and (when not root, for whom permissions do not count) a file nobody may
 * read.
 *
 * Returns: (transfer full): the folder
 */
char *
unknot_test_folder_make_hostile (GPtrArray *bad_files)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("unknot-hostile-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr (GString) text = NULL;
  int fd;

  g_assert_no_error (error);

  write_file (dir, "a-good.routine",
              ROUTINE_TEXT (UNKNOT_TEST_GOOD_ID, UNKNOT_TEST_GOOD_NAME, "Ball"), -1);
  /* Every text a person reads holds markup, valid and not. */
  write_file (dir, "b-markup.routine",
              "[Routine]\nFormat=1\nId=" UNKNOT_TEST_MARKUP_ID "\nName=" UNKNOT_TEST_MARKUP_NAME
              "\nSummary=" UNKNOT_TEST_MARKUP_SUMMARY "\nHelps=stiffness;\n"
              "Safety=" UNKNOT_TEST_MARKUP_SAFETY "\n\n"
              "[Step 1]\nName=" UNKNOT_TEST_MARKUP_STEP "\nTarget=piriformis\n"
              "Tool=massage-ball\nSide=both\nTechnique=hold\nDuration=30\n"
              "Instruction=" UNKNOT_TEST_MARKUP_INSTRUCTION "\nSpoken=Hold & <b>breathe</b>.\n",
              -1);

  path = g_build_filename (dir, "c-directory.routine", NULL);
  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  add_bad (bad_files, "c-directory.routine", "not a regular file");

  make_symlink (dir, "d-dangling.routine", "nowhere.routine");
  add_bad (bad_files, "d-dangling.routine", "No such file or directory");

  make_symlink (dir, "e-loop.routine", "e-loop.routine");
  add_bad (bad_files, "e-loop.routine", "Too many levels of symbolic links");

  /* 100 MB that take no room: refused by its size, never read. */
  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "f-huge.routine", NULL);
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 100 * 1000 * 1000), ==, 0);
  g_assert_true (g_close (fd, NULL));
  add_bad (bad_files, "f-huge.routine", "too large for a routine");

  write_file (dir, "g-binary.routine", png_start, sizeof png_start - 1);
  add_bad (bad_files, "g-binary.routine", "binary data");

  /* Opened the usual way, a FIFO waits for a writer that never comes. */
  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "h-fifo.routine", NULL);
  g_assert_cmpint (mkfifo (path, 0644), ==, 0);
  add_bad (bad_files, "h-fifo.routine", "not a regular file");

  make_symlink (dir, "i-zero.routine", "/dev/zero");
  add_bad (bad_files, "i-zero.routine", "not a regular file");
  make_symlink (dir, "j-urandom.routine", "/dev/urandom");
  add_bad (bad_files, "j-urandom.routine", "not a regular file");

  text = g_string_new ("[Routine]\nFormat=1\nId=long\nName=");
  for (guint i = 0; i < 200 * 1024; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "\n");
  write_file (dir, "k-long-line.routine", text->str, text->len);
  add_bad (bad_files, "k-long-line.routine", "the line is longer than");

  g_string_assign (text, "[Routine]\nFormat=1\nId=many\nName=Many\nSummary=Many.\n"
                         "Helps=stiffness;\n");
  for (guint i = 1; i <= 1000; i++)
    g_string_append_printf (text, "[Step %u]\n" STEP_TEXT ("Ball"), i);
  write_file (dir, "l-many-steps.routine", text->str, text->len);
  add_bad (bad_files, "l-many-steps.routine", "steps are numbered from 1 to 64");

  g_string_truncate (text, 0);
  for (guint i = 0; i < 2000; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 2000; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "\n");
  write_file (dir, "m-nesting.routine", text->str, text->len);
  add_bad (bad_files, "m-nesting.routine", "is not a group header");

  write_file (dir, "n-nul.routine",
              "[Routine]\nFormat=1\nId=nul\nName=Before\0after\nSummary=Mine.\n", 54);
  add_bad (bad_files, "n-nul.routine", "binary data");

  write_file (dir, "o-latin1.routine", ROUTINE_TEXT ("latin", "Ges\xe4\xdf", "Ball"), -1);
  add_bad (bad_files, "o-latin1.routine", "the text is not UTF-8");

  /* A name that is not UTF-8 and clears the terminal: the message must be neither. */
  write_file (dir, "p-\xff\033[2J.routine", "[Routine]\nFormat=1\n", -1);
  add_bad (bad_files, "p-\xef\xbf\xbd\xef\xbf\xbd[2J.routine", "the key is missing");

  /* Root reads anything, so only others can try this one. */
  if (geteuid () != 0)
    {
      g_clear_pointer (&path, g_free);
      path = g_build_filename (dir, "q-unreadable.routine", NULL);
      write_file (dir, "q-unreadable.routine", ROUTINE_TEXT ("unreadable", "Unreadable", "Ball"),
                  -1);
      g_assert_cmpint (g_chmod (path, 0), ==, 0);
      add_bad (bad_files, "q-unreadable.routine", "Permission denied");
    }

  return dir;
}

void
unknot_test_folder_remove (const char *dir)
{
  const char *argv[] = { "rm", "-rf", "--", dir, NULL };
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status,
                &error);
  g_assert_no_error (error);
}
