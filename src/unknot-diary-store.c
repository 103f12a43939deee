/* unknot-diary-store.c: where the pain diary lives in GSettings, and how it survives
 *
 * The diary is `pain-log` (a(xsysss), DESIGN.md) plus older parts of the same type,
 * each a relocatable `DiaryArchive` at `pain-log-archive/N/` under the app's path.
 * New entries go to `pain-log`; once it holds twice the part size, its oldest part
 * moves into a new archive.  So a check-in rewrites a few hundred entries, not ten
 * years of them: GLib's keyfile backend (a Flatpak's) prints the whole changed value
 * on every write.
 *
 * With GLib's keyfile backend, every write also rewrites and checksums the whole file,
 * so there the archives live in a keyfile of their own beside it
 * (`<schema id>.diary-archive`): a check-in then touches a file of a few hundred
 * entries, whatever the diary's age.
 *
 * What is written is checked: with the keyfile backend the file must hold the new
 * value, or the write failed (a full disk, a read-only folder).  Then the entries
 * stay in memory, the person is told, and the write is tried again until it works.
 *
 * A stored value that cannot be read (a torn or corrupt keyfile) reads as the default,
 * empty list, and the next write would replace the person's diary with it.  Before
 * anything is written, the store notices (the value's text is in the keyfile, but the
 * value reads as nothing), keeps a copy of the file beside it, recovers every entry
 * that still parses, and writes those back.  Where it cannot keep a copy, it never
 * writes the diary.
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "unknot-diary-store.h"

#define LOG_KEY "pain-log"
#define ARCHIVES_KEY "pain-log-archives"
#define INTENSITY_KEY "intensity-log"
#define ARCHIVE_KEY "entries"
#define ENTRY_TYPE "(xsysss)"
#define INTENSITY_TYPE "(xsus)"
#define DEFAULT_PART_SIZE 512
#define RETRY_SECONDS 15
/* A tuple of the diary is well under this in the keyfile's text (notes are short). */
#define MAX_TUPLE_TEXT (64 * 1024)

struct _UnknotDiaryStore
{
  GObject parent_instance;

  GSettings *settings; /* the app's: read, and its own writes are batched here */
  GSettingsBackend *backend;
  GSettingsBackend *archive_backend; /* the same, or with a keyfile, a keyfile of its own */
  GSettingsSchema *archive_schema;
  char *path;
  char *keyfile;         /* the keyfile backend's file, or NULL with another backend */
  char *archive_keyfile; /* the archives' file then */

  GPtrArray *archives; /* of GVariant a(xsysss), oldest first */
  GVariant *log;
  GVariant *intensity;
  guint part_size;

  guint writing;    /* our own write: its change notification is not news */
  gboolean blocked; /* a damaged diary could not be kept aside: never write over it */
  gboolean saved;
  char *save_problem;
  char *rescue_report;
  guint retry_id;
};

G_DEFINE_FINAL_TYPE (UnknotDiaryStore, unknot_diary_store, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SAVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
archive_path (UnknotDiaryStore *self, guint index)
{
  return g_strdup_printf ("%spain-log-archive/%u/", self->path, index);
}

static GSettings *
archive_settings (UnknotDiaryStore *self, guint index)
{
  g_autofree char *path = archive_path (self, index);

  return g_settings_new_full (self->archive_schema, self->archive_backend, path);
}

/* The keyfile's group for a settings path: "/a/b/" is "a/b". */
static char *
keyfile_group (const char *path)
{
  gsize length = strlen (path);

  while (length > 0 && path[length - 1] == '/')
    length--;
  while (length > 0 && *path == '/')
    path++, length--;
  return g_strndup (path, length);
}

/* The raw text of @key in [@group] of a keyfile's @text, read line by line so that a
 * file GKeyFile rejects still gives up what it holds. */
static char *
keyfile_find_value (const char *text, gsize length, const char *group, const char *key)
{
  const char *end = text + length;
  const char *line = text;
  gboolean in_group = FALSE;
  gsize group_length = strlen (group);
  gsize key_length = strlen (key);

  while (line < end)
    {
      const char *newline = memchr (line, '\n', end - line);
      const char *line_end = newline ? newline : end;
      gsize line_length = line_end - line;

      if (line_length > 0 && line[0] == '[')
        in_group = line_length >= group_length + 2 && line[group_length + 1] == ']' &&
                   memcmp (line + 1, group, group_length) == 0;
      else if (in_group && line_length > key_length && memcmp (line, key, key_length) == 0)
        {
          const char *p = line + key_length;

          while (p < line_end && (*p == ' ' || *p == '\t'))
            p++;
          if (p < line_end && *p == '=')
            {
              p++;
              while (p < line_end && (*p == ' ' || *p == '\t'))
                p++;
              return g_strndup (p, line_end - p);
            }
        }
      line = newline ? newline + 1 : end;
    }
  return NULL;
}

/* From @start (a '('), the end of the tuple: quote-aware, and a tuple of ours holds
 * no other tuple, so a second '(' outside a string means this one is broken. */
static const char *
tuple_end (const char *start, const char *end)
{
  char quote = 0;

  if (end - start > MAX_TUPLE_TEXT)
    end = start + MAX_TUPLE_TEXT;
  for (const char *p = start + 1; p < end; p++)
    {
      if (quote != 0)
        {
          if (*p == '\\')
            p++;
          else if (*p == quote)
            quote = 0;
        }
      else if (*p == '\'' || *p == '"')
        quote = *p;
      else if (*p == ')')
        return p + 1;
      else if (*p == '(')
        return NULL;
    }
  return NULL;
}

/* Whether GLib's parser can read the text's \u and \U escapes: it turns one that is not
 * a Unicode character (a surrogate, above U+10FFFF) into text that is not UTF-8, and
 * meets that with a critical. */
static gboolean
unicode_escapes_valid (const char *start, const char *end)
{
  for (const char *p = start; p < end; p++)
    {
      int digits;
      gunichar c = 0;

      if (*p != '\\' || p + 1 >= end)
        continue;
      p++;
      digits = *p == 'u' ? 4 : *p == 'U' ? 8 : 0;
      for (int i = 1; i <= digits && p + i < end && g_ascii_isxdigit (p[i]); i++)
        c = c * 16 + g_ascii_xdigit_value (p[i]);
      if (digits > 0 && (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)))
        return FALSE;
    }
  return TRUE;
}

/**
 * unknot_diary_salvage:
 * @text: the text of an array of tuples, as g_variant_print() writes it; may be torn
 * @tuple_type: the type of one tuple, e.g. "(xsysss)"
 * @n_lost: (out) (optional): how many tuples were there but could not be read
 *
 * Every tuple of @text that still parses as @tuple_type, in order.  A tuple starts
 * with '(' then a digit or '-' (every tuple of ours starts with a time), at the start
 * of the array or after ", ".
 *
 * Returns: (transfer full): an array of @tuple_type, possibly empty
 */
GVariant *
unknot_diary_salvage (const char *text, gsize length, const char *tuple_type, guint *n_lost)
{
  const GVariantType *type = G_VARIANT_TYPE (tuple_type);
  g_autoptr (GVariantType) array_type = g_variant_type_new_array (type);
  GVariantBuilder builder;
  const char *end = text + length;
  guint lost = 0;

  g_variant_builder_init (&builder, array_type);
  for (const char *p = text; p < end; p++)
    {
      const char *close;
      GVariant *tuple;

      if (*p != '(' || p + 1 >= end || !(g_ascii_isdigit (p[1]) || p[1] == '-'))
        continue;
      if (!(p == text || p[-1] == '[' || (p - text >= 2 && p[-1] == ' ' && p[-2] == ',')))
        continue;

      close = tuple_end (p, end);
      /* GLib's parser meets text that is not UTF-8 with a critical. */
      tuple = close && g_utf8_validate (p, close - p, NULL) && unicode_escapes_valid (p, close)
                ? g_variant_parse (type, p, close, NULL, NULL)
                : NULL;
      if (tuple == NULL)
        {
          lost++;
          continue;
        }
      /* g_variant_parse () gives a full reference; the builder takes its own. */
      g_variant_builder_add_value (&builder, tuple);
      g_variant_unref (tuple);
      p = close - 1;
    }

  if (n_lost != NULL)
    *n_lost = lost;
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/* Children [@from, @to) of @array, then @added: a new floating array. */
static GVariant *
array_slice (GVariant *array,
             const char *child_type,
             gsize from,
             gsize to,
             GVariant *const *added,
             guint n_added)
{
  gsize n = to - from;
  g_autofree GVariant **children = g_new (GVariant *, n + n_added);
  GVariant *result;

  for (gsize i = 0; i < n; i++)
    children[i] = g_variant_get_child_value (array, from + i);
  for (guint i = 0; i < n_added; i++)
    children[n + i] = added[i];
  result = g_variant_new_array (G_VARIANT_TYPE (child_type), children, n + n_added);
  for (gsize i = 0; i < n; i++)
    g_variant_unref (children[i]);
  return result;
}

static void
replace_value (GVariant **slot, GVariant *value)
{
  GVariant *old = *slot;

  *slot = g_variant_ref_sink (value);
  if (old != NULL)
    g_variant_unref (old);
}

static void
set_saved (UnknotDiaryStore *self, gboolean saved, const char *problem)
{
  g_free (self->save_problem);
  self->save_problem = g_strdup (problem);
  if (self->saved == saved)
    return;
  self->saved = saved;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED]);
}

/* Applies @writer's delayed changes and checks that @file now holds @key = @value.
 * Not just that it was replaced: when a write fails part way (a full disk), GLib's
 * keyfile backend still renames the partial file into place. */
static gboolean
apply_checked (UnknotDiaryStore *self,
               GSettings *writer,
               const char *file,
               const char *key,
               GVariant *value,
               GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *line = NULL;
  gsize length;

  self->writing++;
  g_settings_apply (writer);
  g_settings_sync ();
  self->writing--;
  if (file == NULL)
    return TRUE;

  printed = g_variant_print (value, FALSE);
  line = g_strdup_printf ("\n%s=%s\n", key, printed);
  if (g_file_get_contents (file, &contents, &length, NULL) && strstr (contents, line) != NULL)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _ ("Unknot could not write “%s”: the disk may be full, or the folder read-only"),
               file);
  return FALSE;
}

static GSettings *
new_writer (GSettingsBackend *backend, GSettingsSchema *schema, const char *path)
{
  GSettings *writer = g_settings_new_full (schema, backend, path);

  g_settings_delay (writer);
  return writer;
}

static GSettings *
main_writer (UnknotDiaryStore *self)
{
  g_autoptr (GSettingsSchema) schema = NULL;

  g_object_get (self->settings, "settings-schema", &schema, NULL);
  return new_writer (self->backend, schema, self->path);
}

static GSettings *
archive_writer (UnknotDiaryStore *self, guint index)
{
  g_autofree char *path = archive_path (self, index);

  return new_writer (self->archive_backend, self->archive_schema, path);
}

static void
set_read_only_error (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                       _ ("The pain diary cannot be written: its settings are read-only"));
}

static gboolean
set_or_fail (GSettings *writer, const char *key, GVariant *value, GError **error)
{
  if (g_settings_set_value (writer, key, value))
    return TRUE;
  g_settings_revert (writer);
  set_read_only_error (error);
  return FALSE;
}

/* Stores pain-log and the number of archives, in one write. */
static gboolean
write_log (UnknotDiaryStore *self, GError **error)
{
  g_autoptr (GSettings) writer = NULL;

  if (self->blocked)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, self->rescue_report);
      return FALSE;
    }
  writer = main_writer (self);
  if (!set_or_fail (writer, LOG_KEY, self->log, error) ||
      !set_or_fail (writer, ARCHIVES_KEY, g_variant_new_uint32 (self->archives->len), error))
    return FALSE;
  return apply_checked (self, writer, self->keyfile, LOG_KEY, self->log, error);
}

/* Moves the oldest part of pain-log into a new archive, written first: killed in
 * between, the entries are still in pain-log and the unnumbered archive is ignored. */
static gboolean
move_oldest_part (UnknotDiaryStore *self)
{
  g_autoptr (GSettings) writer = archive_writer (self, self->archives->len);
  gsize n = g_variant_n_children (self->log);
  GVariant *part =
    g_variant_ref_sink (array_slice (self->log, ENTRY_TYPE, 0, self->part_size, NULL, 0));

  if (!g_settings_set_value (writer, ARCHIVE_KEY, part) ||
      !apply_checked (self, writer, self->archive_keyfile, ARCHIVE_KEY, part, NULL))
    {
      /* The whole log is written instead; the move is tried at the next append. */
      g_variant_unref (part);
      return FALSE;
    }
  g_ptr_array_add (self->archives, part);
  replace_value (&self->log, array_slice (self->log, ENTRY_TYPE, self->part_size, n, NULL, 0));
  return TRUE;
}

static gboolean
retry_cb (gpointer data)
{
  UnknotDiaryStore *self = data;

  if (!unknot_diary_store_retry (self))
    return G_SOURCE_CONTINUE;
  self->retry_id = 0;
  return G_SOURCE_REMOVE;
}

/* A write that did not reach the disk: the backend holds it; keep trying. */
static void
write_failed (UnknotDiaryStore *self, const GError *error)
{
  set_saved (self, FALSE, error->message);
  if (self->retry_id == 0 && !self->blocked)
    self->retry_id = g_timeout_add_seconds (RETRY_SECONDS, retry_cb, self);
}

/**
 * unknot_diary_store_append:
 * @key: "pain-log" or "intensity-log"
 * @added: (array length=n_added): tuples of the key's element type, consumed if floating
 *
 * Adds @added after what is stored and writes it at once.  The entries are kept even
 * when the disk refuses them: then #UnknotDiaryStore:saved goes %FALSE and the write
 * is retried.
 *
 * Returns: %FALSE only when the settings cannot take the entries at all (locked down)
 */
static gboolean
append (UnknotDiaryStore *self, const char *key, GVariant **added, guint n_added, GError **error);

gboolean
unknot_diary_store_append (
  UnknotDiaryStore *self, const char *key, GVariant **added, guint n_added, GError **error)
{
  gboolean appended;

  for (guint i = 0; i < n_added; i++)
    g_variant_ref_sink (added[i]);
  appended = append (self, key, added, n_added, error);
  for (guint i = 0; i < n_added; i++)
    g_variant_unref (added[i]);
  return appended;
}

static gboolean
append (UnknotDiaryStore *self, const char *key, GVariant **added, guint n_added, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  gboolean is_log;
  GVariant **slot;

  g_return_val_if_fail (UNKNOT_IS_DIARY_STORE (self), FALSE);

  is_log = g_str_equal (key, LOG_KEY);
  g_return_val_if_fail (is_log || g_str_equal (key, INTENSITY_KEY), FALSE);

  if (!g_settings_is_writable (self->settings, key))
    {
      set_read_only_error (error);
      return FALSE;
    }

  slot = is_log ? &self->log : &self->intensity;
  replace_value (slot, array_slice (*slot, is_log ? ENTRY_TYPE : INTENSITY_TYPE, 0,
                                    g_variant_n_children (*slot), added, n_added));

  if (self->blocked)
    {
      write_log (self, &local_error);
      write_failed (self, local_error);
      return TRUE;
    }

  if (is_log)
    {
      /* More than one part only when a diary from before archives is first written. */
      while (g_variant_n_children (self->log) >= 2 * (gsize) self->part_size)
        if (!move_oldest_part (self))
          break;
      if (!write_log (self, &local_error))
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          write_failed (self, local_error);
          return TRUE;
        }
    }
  else
    {
      g_autoptr (GSettings) writer = main_writer (self);

      if (!set_or_fail (writer, INTENSITY_KEY, self->intensity, error))
        return FALSE;
      if (!apply_checked (self, writer, self->keyfile, INTENSITY_KEY, self->intensity,
                          &local_error))
        {
          write_failed (self, local_error);
          return TRUE;
        }
    }

  /* The backend writes the whole file: whatever failed before is on disk now too. */
  g_clear_handle_id (&self->retry_id, g_source_remove);
  set_saved (self, TRUE, NULL);
  return TRUE;
}

/**
 * unknot_diary_store_retry:
 *
 * Writes again what could not be written before.
 *
 * Returns: %TRUE if everything is on disk now
 */
gboolean
unknot_diary_store_retry (UnknotDiaryStore *self)
{
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (UNKNOT_IS_DIARY_STORE (self), FALSE);

  if (self->saved)
    return TRUE;
  if (!write_log (self, &error))
    {
      set_saved (self, FALSE, error->message);
      return FALSE;
    }
  g_clear_handle_id (&self->retry_id, g_source_remove);
  set_saved (self, TRUE, NULL);
  return TRUE;
}

guint
unknot_diary_store_get_n_parts (UnknotDiaryStore *self)
{
  g_return_val_if_fail (UNKNOT_IS_DIARY_STORE (self), 0);
  return self->archives->len + 1;
}

/**
 * unknot_diary_store_get_part:
 *
 * Returns: (transfer none): part @index of the diary, a(xsysss), oldest part first;
 *   the last part is pain-log
 */
GVariant *
unknot_diary_store_get_part (UnknotDiaryStore *self, guint index)
{
  g_return_val_if_fail (UNKNOT_IS_DIARY_STORE (self), NULL);
  g_return_val_if_fail (index <= self->archives->len, NULL);

  return index < self->archives->len ? g_ptr_array_index (self->archives, index) : self->log;
}

/**
 * unknot_diary_store_get_intensity:
 *
 * Returns: (transfer none): intensity-log, a(xsus)
 */
GVariant *
unknot_diary_store_get_intensity (UnknotDiaryStore *self)
{
  g_return_val_if_fail (UNKNOT_IS_DIARY_STORE (self), NULL);
  return self->intensity;
}

/**
 * unknot_diary_store_is_writing:
 *
 * Returns: whether the store is writing now: a change notification then is its own
 */
gboolean
unknot_diary_store_is_writing (UnknotDiaryStore *self)
{
  g_return_val_if_fail (UNKNOT_IS_DIARY_STORE (self), FALSE);
  return self->writing > 0;
}

gboolean
unknot_diary_store_get_saved (UnknotDiaryStore *self)
{
  g_return_val_if_fail (UNKNOT_IS_DIARY_STORE (self), FALSE);
  return self->saved;
}

/**
 * unknot_diary_store_get_save_problem:
 *
 * Returns: (nullable): why the diary is not saved, for the person
 */
const char *
unknot_diary_store_get_save_problem (UnknotDiaryStore *self)
{
  g_return_val_if_fail (UNKNOT_IS_DIARY_STORE (self), NULL);
  return self->save_problem;
}

/**
 * unknot_diary_store_get_rescue_report:
 *
 * Returns: (nullable): what was found damaged when the diary was read, and what
 *   became of it, for the person; %NULL when nothing was
 */
const char *
unknot_diary_store_get_rescue_report (UnknotDiaryStore *self)
{
  g_return_val_if_fail (UNKNOT_IS_DIARY_STORE (self), NULL);
  return self->rescue_report;
}

/* For tests: a smaller part shows archives without thousands of entries. */
void
unknot_diary_store_set_part_size (UnknotDiaryStore *self, guint part_size)
{
  g_return_if_fail (UNKNOT_IS_DIARY_STORE (self));
  g_return_if_fail (part_size > 0);
  self->part_size = part_size;
}

/* Keeps the damaged file beside itself, never over an earlier copy. */
static char *
keep_copy (const char *path, GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autoptr (GFile) source = g_file_new_for_path (path);

  for (guint attempt = 0;; attempt++)
    {
      g_autofree char *name = attempt == 0
                                ? g_strdup_printf ("%s.damaged-%s", path, stamp)
                                : g_strdup_printf ("%s.damaged-%s-%u", path, stamp, attempt);
      g_autoptr (GFile) copy = g_file_new_for_path (name);
      g_autoptr (GError) local_error = NULL;

      if (g_file_copy (source, copy, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, &local_error))
        return g_steal_pointer (&name);
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS) || attempt > 100)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
}

/* A keyfile's text, read only once a key needs it: a whole diary's archives are not
 * read twice at every start when nothing is damaged. */
typedef struct
{
  const char *path; /* NULL: not a keyfile */
  char *text;       /* NULL: not read yet, or no such file */
  gsize length;
  gboolean read;
} KeyfileText;

static const char *
keyfile_text_read (KeyfileText *file)
{
  if (!file->read && file->path != NULL &&
      !g_file_get_contents (file->path, &file->text, &file->length, NULL))
    g_clear_pointer (&file->text, g_free);
  file->read = TRUE;
  return file->text;
}

static void
keyfile_text_clear (KeyfileText *file)
{
  g_clear_pointer (&file->text, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KeyfileText, keyfile_text_clear)

typedef struct
{
  guint recovered;
  guint lost;
  guint damaged; /* keys whose stored text could not be read */
} Rescue;

/* The value of @key: the stored one, or, when its text is in the keyfile but does not
 * parse (GSettings then gives the default), what can be recovered of it, which is
 * also set on @writer. */
static GVariant *
read_key (UnknotDiaryStore *self,
          GSettings *settings,
          GSettings *writer,
          const char *key,
          KeyfileText *file,
          const char *group,
          Rescue *rescue)
{
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettingsSchemaKey) schema_key = NULL;
  g_autofree char *value_text = NULL;
  const GVariantType *type;
  GVariant *value = g_settings_get_user_value (settings, key);

  if (value != NULL || keyfile_text_read (file) == NULL)
    return value;
  value_text = keyfile_find_value (file->text, file->length, group, key);
  if (value_text == NULL)
    return NULL;

  rescue->damaged++;
  g_object_get (settings, "settings-schema", &schema, NULL);
  schema_key = g_settings_schema_get_key (schema, key);
  type = g_settings_schema_key_get_value_type (schema_key);
  if (g_str_equal (key, LOG_KEY) || g_str_equal (key, ARCHIVE_KEY) ||
      g_str_equal (key, INTENSITY_KEY))
    {
      guint lost = 0;

      value = unknot_diary_salvage (value_text, strlen (value_text),
                                    g_str_equal (key, INTENSITY_KEY) ? INTENSITY_TYPE : ENTRY_TYPE,
                                    &lost);
      if (!g_str_equal (key, INTENSITY_KEY))
        {
          rescue->recovered += g_variant_n_children (value);
          rescue->lost += lost;
        }
    }
  else
    value = g_variant_parse (type, value_text, NULL, NULL, NULL);

  if (value != NULL && !self->blocked)
    g_settings_set_value (writer, key, value);
  return value;
}

static gboolean
same_first_entry (GVariant *a, GVariant *b)
{
  g_autoptr (GVariant) first_a = NULL;
  g_autoptr (GVariant) first_b = NULL;

  if (a == NULL || b == NULL || g_variant_n_children (a) == 0 || g_variant_n_children (b) == 0)
    return FALSE;
  first_a = g_variant_get_child_value (a, 0);
  first_b = g_variant_get_child_value (b, 0);
  return g_variant_equal (first_a, first_b);
}

/* The archives stored one after another from 0, when their count cannot be read. */
static guint
count_archives (UnknotDiaryStore *self)
{
  guint n = 0;

  for (;; n++)
    {
      g_autoptr (GSettings) settings = archive_settings (self, n);
      g_autoptr (GVariant) value = g_settings_get_user_value (settings, ARCHIVE_KEY);

      if (value == NULL || same_first_entry (value, self->log))
        return n;
    }
}

static GVariant *
empty_array (const char *child_type)
{
  return g_variant_ref_sink (g_variant_new_array (G_VARIANT_TYPE (child_type), NULL, 0));
}

/* Reads every part, recovering what a damaged keyfile still holds. */
static void
load (UnknotDiaryStore *self)
{
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettings) writer = main_writer (self);
  g_autoptr (GPtrArray) archive_writers = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto (KeyfileText) text = { self->keyfile };
  g_auto (KeyfileText) archive_text = { self->archive_keyfile };
  g_autofree char *group = keyfile_group (self->path);
  g_auto (GStrv) keys = NULL;
  g_autofree char *copy = NULL;
  g_autoptr (GError) error = NULL;
  Rescue rescue = { 0 };
  guint n_archives = 0;
  gboolean have_count = FALSE;

  /* Every key of the app's schema: when GKeyFile rejects the whole file, all of them
   * read as defaults, and the next write of any of them would keep only that one. */
  g_object_get (self->settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr (GVariant) value =
        read_key (self, self->settings, writer, keys[i], &text, group, &rescue);

      if (value == NULL)
        continue;
      /* read_key () gives a full reference, never a floating one: replace_value ()
       * takes its own, and @value's goes with it. */
      if (g_str_equal (keys[i], LOG_KEY))
        replace_value (&self->log, value);
      else if (g_str_equal (keys[i], INTENSITY_KEY))
        replace_value (&self->intensity, value);
      else if (g_str_equal (keys[i], ARCHIVES_KEY))
        {
          n_archives = g_variant_get_uint32 (value);
          have_count = TRUE;
        }
    }

  /* Without a readable count (the line torn away), the archives that are there; one
   * written just before a kill, whose entries are still in pain-log, is left out. */
  if (!have_count)
    n_archives = count_archives (self);

  for (guint i = 0; i < n_archives; i++)
    {
      g_autoptr (GSettings) settings = archive_settings (self, i);
      g_autofree char *path = archive_path (self, i);
      g_autofree char *archive_group = keyfile_group (path);
      GSettings *archive = archive_writer (self, i);
      GVariant *value =
        read_key (self, settings, archive, ARCHIVE_KEY, &archive_text, archive_group, &rescue);

      g_ptr_array_add (archive_writers, archive);
      g_ptr_array_add (self->archives, value ? value : empty_array (ENTRY_TYPE));
    }

  if (self->log == NULL)
    self->log = empty_array (ENTRY_TYPE);
  if (self->intensity == NULL)
    self->intensity = empty_array (INTENSITY_TYPE);

  if (rescue.damaged == 0)
    return;

  copy = keep_copy (self->keyfile, &error);
  /* The archives' file is rewritten only where one of them was damaged, and then read. */
  if (copy != NULL && archive_text.text != NULL)
    {
      g_autofree char *archive_copy = keep_copy (self->archive_keyfile, &error);

      if (archive_copy == NULL)
        g_clear_pointer (&copy, g_free);
    }
  if (copy == NULL)
    {
      self->blocked = TRUE;
      g_settings_revert (writer);
      self->rescue_report = g_strdup_printf (
        _ ("Your stored pain diary could not be read, and no copy of it could be kept (%s). "
           "Unknot leaves it as it is and will not save new scores until this is fixed."),
        error->message);
      set_saved (self, FALSE, self->rescue_report);
      g_warning ("%s", self->rescue_report);
      return;
    }

  /* The recovered values go back in place of the unreadable ones; the copy keeps the
   * original. */
  for (guint i = 0; i < archive_writers->len; i++)
    apply_checked (self, g_ptr_array_index (archive_writers, i), self->archive_keyfile, ARCHIVE_KEY,
                   g_ptr_array_index (self->archives, i), NULL);
  if (!apply_checked (self, writer, self->keyfile, LOG_KEY, self->log, &error))
    write_failed (self, error);

  {
    g_autofree char *recovered =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry was recovered.",
                                    "%u entries were recovered.", rescue.recovered),
                       rescue.recovered);
    g_autofree char *lost = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%u could not be read.", "%u could not be read.", rescue.lost),
      rescue.lost);
    g_autofree char *kept = g_strdup_printf (_ ("The damaged file is kept as “%s”."), copy);

    /* Translators: the sentences above, joined: damaged, recovered, [lost,] kept */
    self->rescue_report =
      g_strjoin (" ", _ ("Part of your stored pain diary was damaged."), recovered,
                 rescue.lost > 0 ? lost : kept, rescue.lost > 0 ? kept : NULL, NULL);
  }
  g_message ("%s", self->rescue_report);
}

static gboolean
is_keyfile_backend (GSettingsBackend *backend)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (backend), "GKeyfileSettingsBackend");
}

/**
 * unknot_diary_store_new:
 * @settings: the app's settings, holding pain-log and friends
 *
 * Reads the diary, recovering a damaged one.  Create it before anything else writes
 * @settings, so that nothing writes over a damaged file first.
 */
UnknotDiaryStore *
unknot_diary_store_new (GSettings *settings)
{
  UnknotDiaryStore *self;
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autofree char *archive_id = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (UNKNOT_TYPE_DIARY_STORE, NULL);
  self->settings = g_object_ref (settings);
  g_object_get (settings, "backend", &self->backend, "path", &self->path, "settings-schema",
                &schema, NULL);
  archive_id = g_strconcat (g_settings_schema_get_id (schema), ".DiaryArchive", NULL);
  self->archive_schema =
    g_settings_schema_source_lookup (g_settings_schema_source_get_default (), archive_id, TRUE);
  if (self->archive_schema == NULL)
    g_error ("The settings schema %s is not installed", archive_id);
  if (is_keyfile_backend (self->backend))
    {
      g_autofree char *name =
        g_strconcat (g_settings_schema_get_id (schema), ".diary-archive", NULL);

      self->keyfile =
        g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings", "keyfile", NULL);
      self->archive_keyfile =
        g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings", name, NULL);
      self->archive_backend = g_keyfile_settings_backend_new (self->archive_keyfile, "/", NULL);
    }
  else
    self->archive_backend = g_object_ref (self->backend);

  load (self);
  return self;
}

static void
unknot_diary_store_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  UnknotDiaryStore *self = UNKNOT_DIARY_STORE (object);

  switch (prop_id)
    {
    case PROP_SAVED:
      g_value_set_boolean (value, self->saved);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_diary_store_finalize (GObject *object)
{
  UnknotDiaryStore *self = UNKNOT_DIARY_STORE (object);

  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_object (&self->settings);
  g_clear_object (&self->backend);
  g_clear_object (&self->archive_backend);
  g_clear_pointer (&self->archive_keyfile, g_free);
  g_clear_pointer (&self->archive_schema, g_settings_schema_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->keyfile, g_free);
  g_clear_pointer (&self->archives, g_ptr_array_unref);
  g_clear_pointer (&self->log, g_variant_unref);
  g_clear_pointer (&self->intensity, g_variant_unref);
  g_clear_pointer (&self->save_problem, g_free);
  g_clear_pointer (&self->rescue_report, g_free);

  G_OBJECT_CLASS (unknot_diary_store_parent_class)->finalize (object);
}

static void
unknot_diary_store_class_init (UnknotDiaryStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = unknot_diary_store_get_property;
  object_class->finalize = unknot_diary_store_finalize;

  /**
   * UnknotDiaryStore:saved:
   *
   * Whether everything the diary holds is on disk.
   */
  properties[PROP_SAVED] =
    g_param_spec_boolean ("saved", NULL, NULL, TRUE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
unknot_diary_store_init (UnknotDiaryStore *self)
{
  self->archives = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  self->part_size = DEFAULT_PART_SIZE;
  self->saved = TRUE;
}
