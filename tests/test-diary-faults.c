/* test-diary-faults.c: the pain diary on the keyfile backend (a Flatpak's) when things
 * go wrong: killed mid-burst, a torn or corrupt file, a full disk, an unusable folder.
 * Also its layout in parts, and recovering entries from damaged text.
 *
 * Each fault runs in child processes of this program, as GLib's default settings
 * backend is made once per process: a child writes, the file is damaged, a new child
 * reads it.
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "unknot-pain-diary-private.h"

#define BASE_TIME G_GINT64_CONSTANT (1767225600) /* 2026-01-01 */
#define PART_SIZE 16

static const char *program;

/* ---- children ---- */

static UnknotPainDiary *
open_diary (GSettings **settings)
{
  UnknotPainDiary *diary;

  *settings = g_settings_new (APPLICATION_ID);
  diary = unknot_pain_diary_new (*settings);
  unknot_diary_store_set_part_size (unknot_pain_diary_get_store (diary), PART_SIZE);
  return diary;
}

static gboolean
append_numbered (UnknotPainDiary *diary, guint number)
{
  g_autofree char *note = g_strdup_printf ("entry %u", number);

  return unknot_pain_diary_append (diary, BASE_TIME + number, UNKNOT_AREA_LOW_BACK, number % 11,
                                   "glute-release", UNKNOT_PHASE_AFTER, note, NULL);
}

/* Appends entries @first, @first + 1, …, telling the parent of each one stored. */
static int
child_burst (guint first, guint count)
{
  g_autoptr (GSettings) settings = NULL;
  g_autoptr (UnknotPainDiary) diary = open_diary (&settings);

  for (guint i = first; i < first + count; i++)
    {
      if (!append_numbered (diary, i) || !unknot_pain_diary_get_saved (diary))
        return 2;
      printf ("%u\n", i);
      fflush (stdout);
    }
  return 0;
}

/* Prints what a new process reads: the rescue report (or "-"), then the entries. */
static int
child_list (void)
{
  g_autoptr (GSettings) settings = NULL;
  g_autoptr (UnknotPainDiary) diary = open_diary (&settings);
  const char *report = unknot_pain_diary_get_rescue_report (diary);

  printf ("%s\n", report ? report : "-");
  printf ("rest-seconds %u\n", g_settings_get_uint (settings, "rest-seconds"));
  for (guint i = 0; i < unknot_pain_diary_get_n_entries (diary); i++)
    printf ("%" G_GINT64_FORMAT "\n", unknot_pain_diary_get_entry (diary, i)->time - BASE_TIME);
  return 0;
}

/* The disk refuses the write; the entry is held, the person told, and it is written
 * once the disk takes it again.  @how: "full" (a file size limit) or "folder" (the
 * settings folder replaced by a file). */
static int
child_refused (const char *how)
{
  g_autoptr (GSettings) settings = NULL;
  g_autoptr (UnknotPainDiary) diary = open_diary (&settings);
  g_autofree char *dir = g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings", NULL);
  g_autofree char *moved = g_strconcat (dir, ".away", NULL);
  struct rlimit unlimited, limit;
  GStatBuf st;

  if (g_str_equal (how, "full"))
    {
      g_autofree char *keyfile = g_build_filename (dir, "keyfile", NULL);

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (g_stat (keyfile, &st), ==, 0);
      getrlimit (RLIMIT_FSIZE, &unlimited);
      limit = unlimited;
      limit.rlim_cur = st.st_size; /* one more entry does not fit */
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
    }
  else
    {
      g_assert_cmpint (g_rename (dir, moved), ==, 0);
      g_assert_true (g_file_set_contents (dir, "not a folder", -1, NULL));
    }

  g_assert_true (append_numbered (diary, 1000));
  g_assert_false (unknot_pain_diary_get_saved (diary));
  g_assert_nonnull (strstr (unknot_pain_diary_get_save_problem (diary), "could not write"));
  /* Held: the diary has it. */
  g_assert_cmpint (unknot_pain_diary_get_latest (diary, UNKNOT_AREA_LOW_BACK)->time, ==,
                   BASE_TIME + 1000);
  /* Still refused: still held, still not saved. */
  g_assert_false (unknot_diary_store_retry (unknot_pain_diary_get_store (diary)));

  if (g_str_equal (how, "full"))
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &unlimited), ==, 0);
  else
    {
      g_assert_cmpint (g_unlink (dir), ==, 0);
      g_assert_cmpint (g_rename (moved, dir), ==, 0);
    }
  g_assert_true (unknot_diary_store_retry (unknot_pain_diary_get_store (diary)));
  g_assert_true (unknot_pain_diary_get_saved (diary));
  return 0;
}

/* ---- the parent's side ---- */

typedef struct
{
  char *home;
  char **env;
} Home;

static void
home_set_up (Home *h, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  h->home = g_dir_make_tmp ("unknot-faults-XXXXXX", &error);
  g_assert_no_error (error);
  h->env = g_get_environ ();
  h->env = g_environ_setenv (h->env, "GSETTINGS_BACKEND", "keyfile", TRUE);
  h->env = g_environ_setenv (h->env, "XDG_CONFIG_HOME", h->home, TRUE);
  /* The children report a recovery with g_message; that is not a failure. */
  h->env = g_environ_setenv (h->env, "G_DEBUG", "", TRUE);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
home_tear_down (Home *h, gconstpointer data)
{
  remove_tree (h->home);
  g_free (h->home);
  g_strfreev (h->env);
}

static char *
keyfile_path (Home *h)
{
  return g_build_filename (h->home, "glib-2.0", "settings", "keyfile", NULL);
}

static char *
run_child (Home *h, const char *mode, const char *arg1, const char *arg2, int *status)
{
  const char *argv[] = { program, "--child", mode, arg1, arg2, NULL };
  g_autoptr (GError) error = NULL;
  char *out = NULL;

  g_spawn_sync (NULL, (char **) argv, h->env, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, status,
                &error);
  g_assert_no_error (error);
  return out;
}

static void
burst (Home *h, guint first, guint count)
{
  g_autofree char *first_text = g_strdup_printf ("%u", first);
  g_autofree char *count_text = g_strdup_printf ("%u", count);
  g_autofree char *out = NULL;
  int status = 0;

  out = run_child (h, "burst", first_text, count_text, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* What a new process reads: the report (or "-"), rest-seconds, and entry numbers. */
static char **
list (Home *h, char **report)
{
  int status = 0;
  g_autofree char *out = run_child (h, "list", NULL, NULL, &status);
  char **lines;

  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 3);
  *report = g_strcmp0 (lines[0], "-") == 0 ? NULL : g_strdup (lines[0]);
  return lines;
}

static guint
count_entries (char **lines)
{
  guint n = 0;

  for (guint i = 2; lines[i] != NULL; i++)
    n += lines[i][0] != '\0';
  return n;
}

static gboolean
has_entry (char **lines, guint number)
{
  g_autofree char *text = g_strdup_printf ("%u", number);

  return g_strv_contains ((const char *const *) lines + 2, text);
}

/* The copy kept of the settings file @name (keyfile, or the archives' file). */
static char *
find_copy_of (Home *h, const char *name)
{
  g_autofree char *dir = g_build_filename (h->home, "glib-2.0", "settings", NULL);
  g_autofree char *prefix = g_strconcat (name, ".damaged-", NULL);
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *entry;

  while (listing != NULL && (entry = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (entry, prefix))
      return g_build_filename (dir, entry, NULL);
  return NULL;
}

static char *
find_copy (Home *h)
{
  return find_copy_of (h, "keyfile");
}

/* SIGKILL at random moments in bursts of 1,000 appends: every entry the child said it
 * stored is there afterwards, once. */
static void
test_kill_during_burst (Home *h, gconstpointer data)
{
  g_autoptr (GHashTable) acknowledged = g_hash_table_new (NULL, NULL);
  g_autofree char *report = NULL;
  g_auto (GStrv) lines = NULL;
  guint first = 0;

  for (guint round = 0; round < 5; round++)
    {
      g_autofree char *first_text = g_strdup_printf ("%u", first);
      const char *argv[] = { program, "--child", "burst", first_text, "1000", NULL };
      g_autoptr (GError) error = NULL;
      GPid pid;
      int out_fd;
      FILE *out;
      char line[64];
      guint kill_after = g_test_rand_int_range (1, 120);
      guint seen = 0;
      int status;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, h->env,
                                               G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, NULL,
                                               &out_fd, NULL, &error));
      g_assert_no_error (error);
      out = fdopen (out_fd, "r");
      while (seen < kill_after && fgets (line, sizeof line, out) != NULL)
        {
          g_hash_table_add (acknowledged, GUINT_TO_POINTER (atoi (line) + 1));
          seen++;
        }
      /* Sometimes at once, sometimes a moment later: mid-write, mid-move, mid-rename. */
      if (g_test_rand_bit ())
        g_usleep (g_test_rand_int_range (0, 5000));
      kill (pid, SIGKILL);
      /* What it managed to say before it died was also stored. */
      while (fgets (line, sizeof line, out) != NULL)
        g_hash_table_add (acknowledged, GUINT_TO_POINTER (atoi (line) + 1));
      fclose (out);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      g_assert_cmpuint (seen, ==, kill_after);
      first += 1000;
    }

  lines = list (h, &report);
  g_assert_null (report);
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, acknowledged);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (!has_entry (lines, GPOINTER_TO_UINT (key) - 1))
        g_error ("entry %u was acknowledged but is gone", GPOINTER_TO_UINT (key) - 1);
  }
  /* Nothing twice, nothing half: at most one entry per round beyond the acknowledged. */
  g_assert_cmpuint (count_entries (lines), >=, g_hash_table_size (acknowledged));
  g_assert_cmpuint (count_entries (lines), <=, g_hash_table_size (acknowledged) + 5);
  for (guint i = 2; lines[i] != NULL && lines[i + 1] != NULL; i++)
    g_assert_cmpstr (lines[i], !=, lines[i + 1]);
}

/* Damages the file, then checks what a new process makes of it. */
static void
check_recovery (Home *h, const char *damaged, gsize length, guint n_expected)
{
  g_autofree char *keyfile = keyfile_path (h);
  g_autofree char *report = NULL;
  g_autofree char *again = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *kept = NULL;
  g_auto (GStrv) lines = NULL;
  g_auto (GStrv) lines_again = NULL;
  gsize kept_length;

  g_assert_true (g_file_set_contents (keyfile, damaged, length, NULL));

  lines = list (h, &report);
  g_assert_nonnull (report);
  g_test_message ("report: %s", report);
  copy = find_copy (h);
  g_assert_nonnull (copy);
  g_assert_nonnull (strstr (report, copy));
  /* The original is kept byte for byte. */
  g_assert_true (g_file_get_contents (copy, &kept, &kept_length, NULL));
  g_assert_cmpmem (kept, kept_length, damaged, length);

  g_assert_cmpuint (count_entries (lines), ==, n_expected);

  /* What was recovered was written back: the next start reads it whole. */
  lines_again = list (h, &again);
  g_assert_null (again);
  g_assert_cmpuint (count_entries (lines_again), ==, count_entries (lines));
}

static char *
write_diary (Home *h, guint n, gsize *length)
{
  g_autofree char *keyfile = keyfile_path (h);
  char *text = NULL;

  burst (h, 0, n);
  g_assert_true (g_file_get_contents (keyfile, &text, length, NULL));
  g_assert_nonnull (strstr (text, "pain-log="));
  return text;
}

/* The file ends in the middle of pain-log, as a torn write would leave it. */
static void
test_torn (Home *h, gconstpointer data)
{
  gsize length;
  g_autofree char *text = write_diary (h, 40, &length);
  const char *log = strstr (text, "pain-log=");
  const char *line_end = strchr (log, '\n');
  gsize cut = (log - text) + (line_end - log) * 2 / 3;
  guint whole = 0;

  /* 40 entries: 16 in an archive, 24 in pain-log; of those, the ones wholly before the
   * cut (each ends with its note, 'entry N', and the tuple's parenthesis) come back. */
  for (const char *p = log; (p = strstr (p, "')")) != NULL && p + 2 <= text + cut; p++)
    whole++;
  g_assert_cmpuint (whole, >, 5);
  g_assert_cmpuint (whole, <, 24);
  check_recovery (h, text, cut, 16 + whole);
}

/* One tuple garbled in the middle of pain-log: only that entry is lost. */
static void
test_corrupt_entry (Home *h, gconstpointer data)
{
  gsize length;
  g_autofree char *text = write_diary (h, 40, &length);
  char *quote = strstr (strstr (text, "pain-log="), "'low-back'");

  quote[9] = ','; /* 'low-back, … : the string never ends where it should */
  check_recovery (h, text, length, 39);
}

/* One entry garbled in an archive, in the archives' own file: only that entry is lost,
 * and that file is kept beside too. */
static void
test_corrupt_archive (Home *h, gconstpointer data)
{
  g_autofree char *name = g_strconcat (APPLICATION_ID, ".diary-archive", NULL);
  g_autofree char *archives = g_build_filename (h->home, "glib-2.0", "settings", name, NULL);
  g_autofree char *text = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *report = NULL;
  g_auto (GStrv) lines = NULL;
  gsize length, kept_length;
  char *quote;

  g_free (write_diary (h, 40, &length));
  g_assert_true (g_file_get_contents (archives, &text, &length, NULL));
  quote = strstr (strstr (text, "entries="), "'low-back'");
  g_assert_nonnull (quote);
  quote[9] = ',';
  g_assert_true (g_file_set_contents (archives, text, length, NULL));

  lines = list (h, &report);
  g_assert_nonnull (report);
  g_assert_cmpuint (count_entries (lines), ==, 39);
  copy = find_copy_of (h, name);
  g_assert_nonnull (copy);
  g_assert_true (g_file_get_contents (copy, &kept, &kept_length, NULL));
  g_assert_cmpmem (kept, kept_length, text, length);

  g_clear_pointer (&report, g_free);
  g_clear_pointer (&lines, g_strfreev);
  lines = list (h, &report);
  g_assert_null (report);
  g_assert_cmpuint (count_entries (lines), ==, 39);
}

/* A line GKeyFile rejects: the whole file reads as defaults.  Everything is recovered,
 * the other settings too. */
static void
test_corrupt_file (Home *h, gconstpointer data)
{
  gsize length;
  g_autofree char *text = write_diary (h, 40, &length);
  const char *header_end = strchr (text, '\n') + 1;
  g_autofree char *damaged = NULL;
  g_autofree char *report = NULL;
  g_auto (GStrv) lines = NULL;

  g_assert_true (text[0] == '[');
  /* A setting beside the diary, to see that it survives too. */
  damaged = g_strdup_printf ("this line is not a key file line\n%.*srest-seconds=25\n%s",
                             (int) (header_end - text), text, header_end);
  check_recovery (h, damaged, strlen (damaged), 40);

  lines = list (h, &report);
  g_assert_cmpstr (lines[1], ==, "rest-seconds 25");
}

static void
test_refused (Home *h, gconstpointer how)
{
  g_autofree char *report = NULL;
  g_auto (GStrv) lines = NULL;
  int status = 0;
  g_autofree char *out = NULL;

  burst (h, 0, 20);
  out = run_child (h, "refused", how, NULL, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  lines = list (h, &report);
  g_assert_null (report);
  g_assert_cmpuint (count_entries (lines), ==, 21);
  g_assert_true (has_entry (lines, 1000));
}

/* ---- in process: the layout in parts and the salvage of text ---- */

static void
test_parts (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr (UnknotPainDiary) diary = NULL;
  g_autoptr (UnknotPainDiary) reread = NULL;
  g_autoptr (GVariant) log = NULL;
  GVariantBuilder builder;

  /* A bad entry stored long ago must move into an archive as it is, and stay reported. */
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(xsysss)"));
  g_variant_builder_add (&builder, "(xsysss)", BASE_TIME - 10, "elbow", 3, "", "before", "");
  g_settings_set_value (settings, "pain-log", g_variant_builder_end (&builder));
  g_settings_reset (settings, "pain-log-archives");

  diary = unknot_pain_diary_new (settings);
  unknot_diary_store_set_part_size (unknot_pain_diary_get_store (diary), 4);
  for (guint i = 0; i < 21; i++)
    g_assert_true (append_numbered (diary, i));
  g_assert_true (unknot_pain_diary_get_saved (diary));

  /* 22 stored: archives hold four each, and pain-log keeps from 4 to 7. */
  g_assert_cmpuint (g_settings_get_uint (settings, "pain-log-archives"), ==, 4);
  log = g_settings_get_value (settings, "pain-log");
  g_assert_cmpuint (g_variant_n_children (log), ==, 6);

  reread = unknot_pain_diary_new (settings);
  g_assert_cmpuint (unknot_pain_diary_get_n_entries (reread), ==, 21);
  for (guint i = 0; i < 21; i++)
    g_assert_cmpint (unknot_pain_diary_get_entry (reread, i)->time, ==, BASE_TIME + i);
  g_assert_cmpuint (unknot_pain_diary_get_problems (reread)->len, ==, 1);
  g_assert_nonnull (
    strstr (g_ptr_array_index (unknot_pain_diary_get_problems (reread), 0), "entry 1 was skipped"));
  {
    g_autofree char *schema_path = NULL;
    g_autofree char *path = NULL;
    g_autofree char *id = g_strconcat (APPLICATION_ID, ".DiaryArchive", NULL);
    g_autoptr (GSettings) archive = NULL;
    g_autoptr (GVariant) entries = NULL;
    const char *area = NULL;

    g_object_get (settings, "path", &schema_path, NULL);
    path = g_strconcat (schema_path, "pain-log-archive/0/", NULL);
    archive = g_settings_new_with_path (id, path);
    entries = g_settings_get_value (archive, "entries");
    g_variant_get_child (entries, 0, "(x&sy&s&s&s)", NULL, &area, NULL, NULL, NULL, NULL);
    g_assert_cmpstr (area, ==, "elbow");
  }
  g_settings_reset (settings, "pain-log");
  g_settings_reset (settings, "pain-log-archives");
}

static void
test_salvage (void)
{
  static const struct
  {
    const char *text;
    guint n_entries;
    guint n_lost;
  } cases[] = {
    { "[]", 0, 0 },
    { "", 0, 0 },
    { "[(1, 'low-back', 0x05, '', 'before', '')]", 1, 0 },
    { "[(1, 'low-back', 0x05, '', 'before', 'a (note) with, (2, parens'), "
      "(2, 'knee-left', 0x03, 'x', 'after', \"it's\")]",
      2, 0 },
    /* torn at the end */
    { "[(1, 'low-back', 0x05, '', 'before', ''), (2, 'knee-left', 0x03, 'x', 'aft", 1, 1 },
    /* a garbled tuple between good ones */
    { "[(1, 'low-back', 0x05, '', 'before', ''), (2, 'knee, 0x03, 'x', 'after', ''), "
      "(3, 'hip-left', 0x01, '', 'check-in', '')]",
      2, 1 },
    /* a wrong type in a tuple */
    { "[(1, 'low-back', 0x05, '', 'before', ''), (2, 'knee-left', 'x', 'x', 'after', '')]", 1, 1 },
    /* escapes inside strings */
    { "[(1, 'low-back', 0x05, '', 'before', 'back\\\\slash \\' quote )')]", 1, 0 },
    { "garbage ((((( '''''", 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint lost = 99;
      g_autoptr (GVariant) value =
        unknot_diary_salvage (cases[i].text, strlen (cases[i].text), "(xsysss)", &lost);

      g_test_message ("case %u: %s", i, cases[i].text);
      g_assert_true (g_variant_is_of_type (value, G_VARIANT_TYPE ("a(xsysss)")));
      g_assert_cmpuint (g_variant_n_children (value), ==, cases[i].n_entries);
      g_assert_cmpuint (lost, ==, cases[i].n_lost);
    }
}

int
main (int argc, char *argv[])
{
  program = argv[0];
  setlocale (LC_ALL, "");

  if (argc >= 3 && g_str_equal (argv[1], "--child"))
    {
      if (g_str_equal (argv[2], "burst") && argc == 5)
        return child_burst (atoi (argv[3]), atoi (argv[4]));
      if (g_str_equal (argv[2], "list"))
        return child_list ();
      if (g_str_equal (argv[2], "refused") && argc == 4)
        return child_refused (argv[3]);
      return 64;
    }

  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) g_test_add (path, Home, data, home_set_up, func, home_tear_down)
  ADD ("/diary-faults/kill-during-burst", NULL, test_kill_during_burst);
  ADD ("/diary-faults/torn", NULL, test_torn);
  ADD ("/diary-faults/corrupt-entry", NULL, test_corrupt_entry);
  ADD ("/diary-faults/corrupt-file", NULL, test_corrupt_file);
  ADD ("/diary-faults/corrupt-archive", NULL, test_corrupt_archive);
  ADD ("/diary-faults/disk-full", "full", test_refused);
  ADD ("/diary-faults/folder-unusable", "folder", test_refused);
#undef ADD
  g_test_add_func ("/diary-faults/parts", test_parts);
  g_test_add_func ("/diary-faults/salvage", test_salvage);

  return g_test_run ();
}
