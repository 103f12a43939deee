/* unknot-routine.c: a routine, an ordered list of steps, read from a routine file
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "unknot-routine.h"
#include "unknot-vocabulary.h"

/* The parser is strict on purpose: a routine guides a person's body, so a file that is
 * not exactly right is refused whole, with an error naming the file, the line, the group
 * and the key.  GKeyFile alone forgives too much (duplicate groups merge, duplicate keys
 * overwrite) and never says which line was wrong, so the text is scanned first. */

struct _UnknotRoutine
{
  GObject parent_instance;

  char *id;
  char *name;
  char *summary;
  char *safety;
  char *source_name;
  guint helps;   /* bit per UnknotProblem */
  GArray *steps; /* of UnknotStep */
};

G_DEFINE_FINAL_TYPE (UnknotRoutine, unknot_routine, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (unknot - routine - error - quark, unknot_routine_error)

#define ROUTINE_GROUP "Routine"
#define STEP_GROUP_PREFIX "Step "
#define SUPPORTED_FORMAT 1
#define TRANSLATION_ROOM 2

typedef enum
{
  VALUE_TEXT,
  VALUE_WORD,
  VALUE_LIST,
  VALUE_NUMBER,
} ValueKind;

typedef struct
{
  const char *key;
  gboolean required;
  gboolean translatable;
  guint max_chars; /* for VALUE_TEXT */
} KeySpec;

static const KeySpec routine_keys[] = {
  { "Format", TRUE, FALSE, 0 },   { "Id", TRUE, FALSE, 0 },    { "Name", TRUE, TRUE, 60 },
  { "Summary", TRUE, TRUE, 200 }, { "Helps", TRUE, FALSE, 0 }, { "Safety", FALSE, TRUE, 1000 },
};

static const KeySpec step_keys[] = {
  { "Name", TRUE, TRUE, 60 },         { "Target", TRUE, FALSE, 0 },
  { "Tool", TRUE, FALSE, 0 },         { "Side", TRUE, FALSE, 0 },
  { "Technique", TRUE, FALSE, 0 },    { "Duration", TRUE, FALSE, 0 },
  { "Instruction", TRUE, TRUE, 600 }, { "Spoken", FALSE, TRUE, 120 },
};

/* What the scan learnt of the text: where each group and key stands, for messages. */
typedef struct
{
  const char *source_name;
  GHashTable *lines; /* "group" or "group\nkey" → line number */
} Scan;

static void
scan_clear (Scan *scan)
{
  g_clear_pointer (&scan->lines, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Scan, scan_clear)

static guint
scan_line_of (const Scan *scan, const char *group, const char *key)
{
  g_autofree char *where = key ? g_strconcat (group, "\n", key, NULL) : g_strdup (group);

  if (scan->lines == NULL)
    return 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (scan->lines, where));
}

/* @text on one line, as a terminal or a label shows it: control characters, which a
 * file can hold raw or as escapes (\n), are written as escapes. @text is UTF-8. */
static char *
one_line (const char *text)
{
  GString *line = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        g_string_append (line, "\\n");
      else if (c == '\r')
        g_string_append (line, "\\r");
      else if (c == '\t')
        g_string_append (line, "\\t");
      else if (g_unichar_iscntrl (c))
        g_string_append_printf (line, "\\u%04X", c);
      else
        g_string_append_unichar (line, c);
    }
  return g_string_free (line, FALSE);
}

/* Every message reads "FILE:LINE: [GROUP] KEY: what is wrong", leaving out what is
 * unknown, so a person can find the place in any text editor. */
G_GNUC_PRINTF (6, 7)
static void
set_error (GError **error,
           const Scan *scan,
           UnknotRoutineError code,
           const char *group,
           const char *key,
           const char *format,
           ...)
{
  g_autoptr (GString) where = g_string_new (scan->source_name);
  g_autofree char *what = NULL;
  guint line = 0;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (group != NULL)
    line = scan_line_of (scan, group, key);
  if (line == 0 && group != NULL && key != NULL)
    line = scan_line_of (scan, group, NULL);
  if (line > 0)
    g_string_append_printf (where, ":%u", line);
  g_string_append (where, ":");
  if (group != NULL)
    g_string_append_printf (where, " [%s]%s", group, key == NULL ? ":" : "");
  if (key != NULL)
    g_string_append_printf (where, " %s:", key);

  g_set_error (error, UNKNOT_ROUTINE_ERROR, code, "%s %s", where->str, what);
}

G_GNUC_PRINTF (4, 5)
static void
set_line_error (GError **error, const Scan *scan, guint line, const char *format, ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_SYNTAX, "%s:%u: %s",
               scan->source_name, line, what);
}

static gboolean
is_key_char (char c)
{
  return g_ascii_isalnum (c) || c == '-';
}

static gboolean
is_locale_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '@' || c == '.' || c == '-';
}

/* Splits "Name[de_DE]" into "Name" and "de_DE"; FALSE if it is not a well-formed key. */
static gboolean
split_key (const char *full_key, char **base, char **locale)
{
  const char *bracket = strchr (full_key, '[');
  const char *p;

  if (bracket == NULL)
    {
      for (p = full_key; *p; p++)
        if (!is_key_char (*p))
          return FALSE;
      if (p == full_key)
        return FALSE;
      *base = g_strdup (full_key);
      *locale = NULL;
      return TRUE;
    }

  if (bracket == full_key || !g_str_has_suffix (bracket, "]") || strlen (bracket) < 3)
    return FALSE;
  for (p = full_key; p < bracket; p++)
    if (!is_key_char (*p))
      return FALSE;
  for (p = bracket + 1; p[1] != '\0'; p++)
    if (!is_locale_char (*p))
      return FALSE;

  *base = g_strndup (full_key, bracket - full_key);
  *locale = g_strndup (bracket + 1, strlen (bracket) - 2);
  return TRUE;
}

/* GKeyFile passes unknown escapes through; a routine refuses them, as a typo. */
static gboolean
check_escapes (const char *value)
{
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p != '\\')
        continue;
      p++;
      if (*p == '\0' || strchr ("sntr\\;", *p) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* The text pass: encoding, line shapes, duplicates, and where everything is. */
/* NUL or another control character than tab, line feed and carriage return: a text
 * editor never writes them, and a name or a line shown with one would mislead. */
static gboolean
has_control_bytes (const char *data, gsize length)
{
  for (gsize i = 0; i < length; i++)
    {
      guchar c = data[i];

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
        return TRUE;
    }
  return FALSE;
}

static gboolean
scan_text (Scan *scan, const char *data, gsize length, GError **error)
{
  g_autoptr (GHashTable) keys_in_group = NULL;
  g_autofree char *group = NULL;
  const char *invalid = NULL;
  const char *line_start = data;
  const char *end = data + length;
  guint line = 0;

  if (has_control_bytes (data, length))
    {
      g_set_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_NOT_TEXT,
                   _ ("%s: not a routine file: it contains binary data"), scan->source_name);
      return FALSE;
    }

  if (!g_utf8_validate (data, length, &invalid))
    {
      guint bad_line = 1;

      for (const char *p = data; p < invalid; p++)
        bad_line += (*p == '\n');
      g_set_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_NOT_TEXT,
                   _ ("%s:%u: not a routine file: the text is not UTF-8"), scan->source_name,
                   bad_line);
      return FALSE;
    }

  scan->lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  while (line_start < end)
    {
      const char *newline = memchr (line_start, '\n', end - line_start);
      const char *line_end = newline ? newline : end;
      g_autofree char *text = NULL;

      line++;
      if ((gsize) (line_end - line_start) > UNKNOT_ROUTINE_MAX_LINE_LENGTH)
        {
          set_line_error (error, scan, line, _ ("the line is longer than %u bytes"),
                          UNKNOT_ROUTINE_MAX_LINE_LENGTH);
          return FALSE;
        }

      text = g_strndup (line_start, line_end - line_start);
      g_strchomp (text);
      line_start = newline ? newline + 1 : end;

      if (text[0] == '\0' || text[0] == '#')
        continue;

      if (g_ascii_isspace (text[0]))
        {
          set_line_error (error, scan, line, _ ("a line must not start with a space"));
          return FALSE;
        }

      if (text[0] == '[')
        {
          gsize text_length = strlen (text);

          if (text_length < 3 || text[text_length - 1] != ']')
            {
              set_line_error (error, scan, line, _ ("“%s” is not a group header like [Step 1]"),
                              text);
              return FALSE;
            }

          g_free (group);
          group = g_strndup (text + 1, text_length - 2);
          if (strchr (group, '[') || strchr (group, ']'))
            {
              set_line_error (error, scan, line, _ ("“%s” is not a group header like [Step 1]"),
                              text);
              return FALSE;
            }
          if (g_hash_table_contains (scan->lines, group))
            {
              g_set_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_DUPLICATE,
                           _ ("%s:%u: [%s]: the group is given twice (first on line %u)"),
                           scan->source_name, line, group, scan_line_of (scan, group, NULL));
              return FALSE;
            }
          g_hash_table_insert (scan->lines, g_strdup (group), GUINT_TO_POINTER (line));
          g_clear_pointer (&keys_in_group, g_hash_table_unref);
          keys_in_group = g_hash_table_new (g_str_hash, g_str_equal);
          continue;
        }

      {
        const char *equals = strchr (text, '=');
        g_autofree char *key = NULL;
        g_autofree char *base = NULL;
        g_autofree char *locale = NULL;
        g_autofree char *where = NULL;

        if (equals == NULL)
          {
            set_line_error (error, scan, line,
                            _ ("“%s” is neither a group header nor a Key=value line"), text);
            return FALSE;
          }
        if (group == NULL)
          {
            set_line_error (error, scan, line, _ ("a key comes before the first group"));
            return FALSE;
          }

        key = g_strndup (text, equals - text);
        g_strchomp (key);
        if (!split_key (key, &base, &locale))
          {
            set_line_error (error, scan, line, _ ("[%s] “%s” is not a valid key name"), group, key);
            return FALSE;
          }

        if (!check_escapes (equals + 1))
          {
            g_set_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_INVALID_VALUE,
                         _ ("%s:%u: [%s] %s: only \\s, \\n, \\t, \\r, \\\\ and \\; may follow "
                            "a backslash"),
                         scan->source_name, line, group, key);
            return FALSE;
          }

        where = g_strconcat (group, "\n", key, NULL);
        if (g_hash_table_contains (scan->lines, where))
          {
            g_set_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_DUPLICATE,
                         _ ("%s:%u: [%s] %s: the key is given twice (first on line %u)"),
                         scan->source_name, line, group, key, scan_line_of (scan, group, key));
            return FALSE;
          }
        g_hash_table_insert (scan->lines, g_steal_pointer (&where), GUINT_TO_POINTER (line));
      }
    }

  return TRUE;
}

static const KeySpec *
find_key_spec (const KeySpec *specs, guint n_specs, const char *key)
{
  for (guint i = 0; i < n_specs; i++)
    if (g_str_equal (specs[i].key, key))
      return &specs[i];
  return NULL;
}

/* Refuses keys the group does not know, and translations of keys that are not text. */
static gboolean
check_keys (GKeyFile *key_file,
            const Scan *scan,
            const char *group,
            const KeySpec *specs,
            guint n_specs,
            GError **error)
{
  g_auto (GStrv) keys = g_key_file_get_keys (key_file, group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *base = NULL;
      g_autofree char *locale = NULL;
      const KeySpec *spec;

      if (!split_key (keys[i], &base, &locale))
        {
          set_error (error, scan, UNKNOT_ROUTINE_ERROR_UNKNOWN_KEY, group, keys[i],
                     _ ("not a valid key name"));
          return FALSE;
        }

      spec = find_key_spec (specs, n_specs, base);
      if (spec == NULL)
        {
          set_error (error, scan, UNKNOT_ROUTINE_ERROR_UNKNOWN_KEY, group, keys[i],
                     _ ("unknown key"));
          return FALSE;
        }
      if (locale != NULL && !spec->translatable)
        {
          set_error (error, scan, UNKNOT_ROUTINE_ERROR_UNKNOWN_KEY, group, keys[i],
                     _ ("%s cannot be translated"), base);
          return FALSE;
        }
      if (locale != NULL)
        {
          g_autofree char *value = g_key_file_get_string (key_file, group, keys[i], NULL);

          /* Other languages run longer than English: twice the room. */
          if (value == NULL || g_utf8_strlen (value, -1) > TRANSLATION_ROOM * spec->max_chars)
            {
              set_error (error, scan, UNKNOT_ROUTINE_ERROR_INVALID_VALUE, group, keys[i],
                         _ ("the translation is longer than %u characters"),
                         TRANSLATION_ROOM * spec->max_chars);
              return FALSE;
            }
        }
    }

  for (guint i = 0; i < n_specs; i++)
    {
      if (specs[i].required && !g_key_file_has_key (key_file, group, specs[i].key, NULL))
        {
          set_error (error, scan, UNKNOT_ROUTINE_ERROR_MISSING_KEY, group, specs[i].key,
                     _ ("the key is missing"));
          return FALSE;
        }
    }

  return TRUE;
}

/* Reads a key as plain (unescaped) text, refusing bad escapes and empty values. */
static char *
get_raw (GKeyFile *key_file, const Scan *scan, const char *group, const char *key, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *value = g_key_file_get_string (key_file, group, key, &local_error);

  /* GLib returns the text with a bad escape left in it, and the error beside it. */
  if (value == NULL || local_error != NULL)
    {
      set_error (error, scan, UNKNOT_ROUTINE_ERROR_INVALID_VALUE, group, key, "%s",
                 local_error->message);
      return NULL;
    }
  g_strstrip (value);
  if (value[0] == '\0')
    {
      set_error (error, scan, UNKNOT_ROUTINE_ERROR_INVALID_VALUE, group, key,
                 _ ("the value is empty"));
      return NULL;
    }
  return g_steal_pointer (&value);
}

/* The translation of @key for the person's languages, best first, or %NULL: as
 * g_key_file_get_locale_string () finds it, without the untranslated fallback and
 * without a GError (made, message translated and freed) for each language the file
 * does not have, which was a fifth of reading the built-in routines at start-up. */
static char *
get_translation (GKeyFile *key_file, const char *group, const char *key)
{
  const char *const *languages = g_get_language_names ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *localized = g_strdup_printf ("%s[%s]", key, languages[i]);

      if (g_key_file_has_key (key_file, group, localized, NULL))
        return g_key_file_get_string (key_file, group, localized, NULL);
    }
  return NULL;
}

/* Text a person reads, in their language where the file has it. */
static char *
get_text (
  GKeyFile *key_file, const Scan *scan, const char *group, const KeySpec *spec, GError **error)
{
  g_autofree char *untranslated = NULL;
  g_autofree char *value = NULL;

  if (!g_key_file_has_key (key_file, group, spec->key, NULL))
    return NULL;

  untranslated = get_raw (key_file, scan, group, spec->key, error);
  if (untranslated == NULL)
    return NULL;
  if (g_utf8_strlen (untranslated, -1) > spec->max_chars)
    {
      set_error (error, scan, UNKNOT_ROUTINE_ERROR_INVALID_VALUE, group, spec->key,
                 _ ("the text is longer than %u characters"), spec->max_chars);
      return NULL;
    }

  value = get_translation (key_file, group, spec->key);
  if (value != NULL)
    g_strstrip (value);
  if (value == NULL || value[0] == '\0')
    return g_steal_pointer (&untranslated);
  return g_steal_pointer (&value);
}

static gboolean
get_word (GKeyFile *key_file,
          const Scan *scan,
          const char *group,
          const char *key,
          UnknotVocabulary vocabulary,
          guint *value,
          GError **error)
{
  g_autofree char *word = get_raw (key_file, scan, group, key, error);
  g_autofree char *known = NULL;

  if (word == NULL)
    return FALSE;
  if (unknot_vocabulary_lookup (vocabulary, word, value))
    return TRUE;

  known = unknot_vocabulary_list_ids (vocabulary);
  set_error (error, scan, UNKNOT_ROUTINE_ERROR_INVALID_VALUE, group, key,
             _ ("“%s” is not one of: %s"), word, known);
  return FALSE;
}

static gboolean
get_number (GKeyFile *key_file,
            const Scan *scan,
            const char *group,
            const char *key,
            guint min,
            guint max,
            guint *value,
            GError **error)
{
  g_autofree char *text = get_raw (key_file, scan, group, key, error);
  guint64 number = 0;

  if (text == NULL)
    return FALSE;
  if (!g_ascii_string_to_unsigned (text, 10, min, max, &number, NULL))
    {
      set_error (error, scan, UNKNOT_ROUTINE_ERROR_INVALID_VALUE, group, key,
                 _ ("“%s” is not a whole number from %u to %u"), text, min, max);
      return FALSE;
    }
  *value = (guint) number;
  return TRUE;
}

static gboolean
is_valid_id (const char *id)
{
  gsize length = strlen (id);

  if (length == 0 || length > 64 || !g_ascii_islower (id[0]))
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static gboolean
parse_routine_group (UnknotRoutine *self, GKeyFile *key_file, const Scan *scan, GError **error)
{
  const char *group = ROUTINE_GROUP;
  g_auto (GStrv) helps = NULL;
  g_autoptr (GError) local_error = NULL;
  guint format = 0;
  gsize n_helps = 0;

  if (!g_key_file_has_group (key_file, group))
    {
      set_error (error, scan, UNKNOT_ROUTINE_ERROR_MISSING_GROUP, group, NULL,
                 _ ("the group is missing"));
      return FALSE;
    }
  if (!check_keys (key_file, scan, group, routine_keys, G_N_ELEMENTS (routine_keys), error))
    return FALSE;

  if (!get_number (key_file, scan, group, "Format", 0, G_MAXUINT, &format, error))
    return FALSE;
  if (format != SUPPORTED_FORMAT)
    {
      set_error (error, scan, UNKNOT_ROUTINE_ERROR_UNSUPPORTED_FORMAT, group, "Format",
                 _ ("format %u is not supported; this version of Unknot reads format %u"), format,
                 SUPPORTED_FORMAT);
      return FALSE;
    }

  self->id = get_raw (key_file, scan, group, "Id", error);
  if (self->id == NULL)
    return FALSE;
  if (!is_valid_id (self->id))
    {
      set_error (error, scan, UNKNOT_ROUTINE_ERROR_INVALID_VALUE, group, "Id",
                 _ ("“%s” is not a valid id: use up to 64 lower-case letters, digits and "
                    "hyphens, starting with a letter"),
                 self->id);
      return FALSE;
    }

  if (!(self->name = get_text (key_file, scan, group, &routine_keys[2], error)))
    return FALSE;
  if (!(self->summary = get_text (key_file, scan, group, &routine_keys[3], error)))
    return FALSE;
  self->safety = get_text (key_file, scan, group, &routine_keys[5], &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  helps = g_key_file_get_string_list (key_file, group, "Helps", &n_helps, NULL);
  if (n_helps == 0)
    {
      set_error (error, scan, UNKNOT_ROUTINE_ERROR_INVALID_VALUE, group, "Helps",
                 _ ("name at least one problem the routine helps with"));
      return FALSE;
    }
  for (gsize i = 0; i < n_helps; i++)
    {
      guint problem;

      g_strstrip (helps[i]);
      if (!unknot_vocabulary_lookup (UNKNOT_VOCABULARY_PROBLEM, helps[i], &problem))
        {
          g_autofree char *known = unknot_vocabulary_list_ids (UNKNOT_VOCABULARY_PROBLEM);

          set_error (error, scan, UNKNOT_ROUTINE_ERROR_INVALID_VALUE, group, "Helps",
                     _ ("“%s” is not one of: %s"), helps[i], known);
          return FALSE;
        }
      if (self->helps & (1u << problem))
        {
          set_error (error, scan, UNKNOT_ROUTINE_ERROR_INVALID_VALUE, group, "Helps",
                     _ ("“%s” is listed twice"), helps[i]);
          return FALSE;
        }
      self->helps |= 1u << problem;
    }

  return TRUE;
}

static void
step_clear (UnknotStep *step)
{
  g_clear_pointer (&step->name, g_free);
  g_clear_pointer (&step->instruction, g_free);
  g_clear_pointer (&step->spoken, g_free);
}

static gboolean
parse_step_group (
  UnknotStep *step, GKeyFile *key_file, const Scan *scan, const char *group, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  guint value;

  if (!check_keys (key_file, scan, group, step_keys, G_N_ELEMENTS (step_keys), error))
    return FALSE;

  if (!(step->name = get_text (key_file, scan, group, &step_keys[0], error)))
    return FALSE;
  if (!get_word (key_file, scan, group, "Target", UNKNOT_VOCABULARY_TARGET, &value, error))
    return FALSE;
  step->target = value;
  if (!get_word (key_file, scan, group, "Tool", UNKNOT_VOCABULARY_TOOL, &value, error))
    return FALSE;
  step->tool = value;
  if (!get_word (key_file, scan, group, "Side", UNKNOT_VOCABULARY_SIDE, &value, error))
    return FALSE;
  step->side = value;
  if (!get_word (key_file, scan, group, "Technique", UNKNOT_VOCABULARY_TECHNIQUE, &value, error))
    return FALSE;
  step->technique = value;
  if (!get_number (key_file, scan, group, "Duration", UNKNOT_ROUTINE_MIN_STEP_SECONDS,
                   UNKNOT_ROUTINE_MAX_STEP_SECONDS, &step->duration_seconds, error))
    return FALSE;
  if (!(step->instruction = get_text (key_file, scan, group, &step_keys[6], error)))
    return FALSE;
  step->spoken = get_text (key_file, scan, group, &step_keys[7], &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* Accepts "Step N" with N from 1 to the maximum, written without leading zeros. */
static gboolean
parse_step_number (const char *group, guint *number)
{
  const char *digits;
  guint64 value;

  if (!g_str_has_prefix (group, STEP_GROUP_PREFIX))
    return FALSE;
  digits = group + strlen (STEP_GROUP_PREFIX);
  if (digits[0] == '0')
    return FALSE;
  if (!g_ascii_string_to_unsigned (digits, 10, 1, UNKNOT_ROUTINE_MAX_STEPS, &value, NULL))
    return FALSE;
  *number = (guint) value;
  return TRUE;
}

static gboolean
parse_steps (UnknotRoutine *self, GKeyFile *key_file, const Scan *scan, GError **error)
{
  g_auto (GStrv) groups = g_key_file_get_groups (key_file, NULL);
  guint n_steps = 0;
  guint max_number = 0;

  for (guint i = 0; groups[i] != NULL; i++)
    {
      guint number;

      if (g_str_equal (groups[i], ROUTINE_GROUP))
        continue;
      if (!parse_step_number (groups[i], &number))
        {
          if (g_str_has_prefix (groups[i], STEP_GROUP_PREFIX))
            set_error (error, scan, UNKNOT_ROUTINE_ERROR_UNKNOWN_GROUP, groups[i], NULL,
                       _ ("steps are numbered from 1 to %u, without leading zeros"),
                       UNKNOT_ROUTINE_MAX_STEPS);
          else
            set_error (error, scan, UNKNOT_ROUTINE_ERROR_UNKNOWN_GROUP, groups[i], NULL,
                       _ ("unknown group; a routine file has [Routine] and [Step 1], "
                          "[Step 2], …"));
          return FALSE;
        }
      n_steps++;
      max_number = MAX (max_number, number);
    }

  if (n_steps == 0)
    {
      set_error (error, scan, UNKNOT_ROUTINE_ERROR_MISSING_GROUP, "Step 1", NULL,
                 _ ("the routine has no steps"));
      return FALSE;
    }

  g_array_set_size (self->steps, max_number);
  for (guint number = 1; number <= max_number; number++)
    {
      g_autofree char *group = g_strdup_printf (STEP_GROUP_PREFIX "%u", number);

      if (!g_key_file_has_group (key_file, group))
        {
          set_error (error, scan, UNKNOT_ROUTINE_ERROR_MISSING_GROUP, group, NULL,
                     _ ("the group is missing; steps are numbered without gaps"));
          return FALSE;
        }
      if (!parse_step_group (&g_array_index (self->steps, UnknotStep, number - 1), key_file, scan,
                             group, error))
        return FALSE;
    }

  return TRUE;
}

/* What a file must be before a byte of it is read: regular, and small enough. */
static gboolean
check_file_kind (const char *name, gboolean regular, goffset size, GError **error)
{
  if (!regular)
    {
      g_set_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_READ,
                   _ ("%s: not a regular file"), name);
      return FALSE;
    }
  if (size > UNKNOT_ROUTINE_MAX_FILE_SIZE)
    {
      g_set_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_TOO_LARGE,
                   _ ("%s: the file is too large for a routine (more than %u KiB)"), name,
                   UNKNOT_ROUTINE_MAX_FILE_SIZE / 1024);
      return FALSE;
    }
  return TRUE;
}

/**
 * unknot_routine_new_from_bytes:
 * @bytes: the contents of a routine file
 * @source_name: the file's name, for error messages
 * @error: return location for a #UNKNOT_ROUTINE_ERROR
 *
 * Parses a routine file.  Nothing is half-loaded: either the whole routine is valid or
 * %NULL is returned with an error naming the file, line, group and key.
 *
 * Returns: (transfer full) (nullable): the routine
 */
static UnknotRoutine *parse_bytes (GBytes *bytes, const char *source_name, GError **error);

UnknotRoutine *
unknot_routine_new_from_bytes (GBytes *bytes, const char *source_name, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  UnknotRoutine *self;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (source_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = parse_bytes (bytes, source_name, &local_error);
  if (self == NULL)
    {
      /* Messages quote the file's group names and values, which may hold control
       * characters: the message stays one line, for a terminal and for a label. */
      char *message = one_line (local_error->message);

      g_free (local_error->message);
      local_error->message = message;
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return self;
}

static UnknotRoutine *
parse_bytes (GBytes *bytes, const char *source_name, GError **error)
{
  g_autoptr (UnknotRoutine) self = NULL;
  g_autoptr (GKeyFile) key_file = NULL;
  g_autoptr (GError) local_error = NULL;
  g_auto (Scan) scan = { source_name, NULL };
  const char *data;
  gsize length;

  data = g_bytes_get_data (bytes, &length);
  if (!check_file_kind (source_name, TRUE, length, error))
    return NULL;
  if (length == 0)
    {
      g_set_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_MISSING_GROUP,
                   _ ("%s: [Routine]: the file is empty"), source_name);
      return NULL;
    }

  if (!scan_text (&scan, data ? data : "", length, error))
    return NULL;

  key_file = g_key_file_new ();
  if (!g_key_file_load_from_data (key_file, data, length, G_KEY_FILE_KEEP_TRANSLATIONS,
                                  &local_error))
    {
      g_set_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_SYNTAX, "%s: %s", source_name,
                   local_error->message);
      return NULL;
    }

  self = g_object_new (UNKNOT_TYPE_ROUTINE, NULL);
  self->source_name = g_strdup (source_name);

  if (!parse_routine_group (self, key_file, &scan, error))
    return NULL;
  if (!parse_steps (self, key_file, &scan, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* A name fit for a message a person reads: UTF-8 whatever the file system holds, and
 * no control character (a file can be called "\033[2J.routine"). */
static char *
display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);
  GString *clean = g_string_sized_new (strlen (name));

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_unichar (clean, 0xfffd);
      else
        g_string_append_unichar (clean, c);
    }
  return g_string_free (clean, FALSE);
}

static void
set_read_error (GError **error, const char *name, int saved_errno)
{
  g_set_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_READ, "%s: %s", name,
               g_strerror (saved_errno));
}

/* A local file is opened without blocking (a FIFO or a device would wait for a writer
 * or never end) and measured through the descriptor that is read, so it cannot be
 * swapped for something else in between. */
static GBytes *
read_local_file (const char *path, const char *name, GError **error)
{
  gsize limit = UNKNOT_ROUTINE_MAX_FILE_SIZE + 1; /* one more tells a file that grew */
  g_autofree char *data = NULL;
  gsize length = 0;
  struct stat st;
  int fd;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_read_error (error, name, errno);
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      set_read_error (error, name, errno);
      g_close (fd, NULL);
      return NULL;
    }
  if (!check_file_kind (name, S_ISREG (st.st_mode), st.st_size, error))
    {
      g_close (fd, NULL);
      return NULL;
    }

  data = g_malloc (limit);
  while (length < limit)
    {
      gssize n = read (fd, data + length, limit - length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_read_error (error, name, errno);
          g_close (fd, NULL);
          return NULL;
        }
      if (n == 0)
        break;
      length += n;
    }
  g_close (fd, NULL);

  return g_bytes_new_take (g_realloc (g_steal_pointer (&data), MAX (length, 1)), length);
}

/**
 * unknot_routine_new_from_file:
 *
 * Reads and parses a routine file.  Anything but a regular file, and a file larger
 * than a routine can be, is refused before it is read; a local file is never opened
 * in a way that could block.
 *
 * Returns: (transfer full) (nullable): the routine
 */
UnknotRoutine *
unknot_routine_new_from_file (GFile *file, GCancellable *cancellable, GError **error)
{
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = display_name (file);
  path = g_file_get_path (file);

  if (path != NULL)
    {
      bytes = read_local_file (path, name, error);
      if (bytes == NULL)
        return NULL;
      return unknot_routine_new_from_bytes (bytes, name, error);
    }

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info != NULL &&
      !check_file_kind (name, g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR,
                        g_file_info_get_size (info), error))
    return NULL;

  if (info != NULL)
    stream = g_file_read (file, cancellable, &local_error);
  /* One byte more than the limit tells a file that grew since it was measured. */
  if (stream != NULL)
    bytes = g_input_stream_read_bytes (G_INPUT_STREAM (stream), UNKNOT_ROUTINE_MAX_FILE_SIZE + 1,
                                       cancellable, &local_error);
  if (bytes == NULL)
    {
      g_autofree char *reason = one_line (local_error->message);

      g_set_error (error, UNKNOT_ROUTINE_ERROR, UNKNOT_ROUTINE_ERROR_READ, "%s: %s", name, reason);
      return NULL;
    }

  return unknot_routine_new_from_bytes (bytes, name, error);
}

/**
 * unknot_routine_validate_file:
 * @path: a path or URI as given on the command line
 * @report: (out) (transfer full): what to tell the person, one line without a newline
 *
 * What `unknot --validate-routine FILE` does: reads and checks the file and says
 * what it is or what is wrong with it.
 *
 * Returns: %TRUE if the file is a valid routine
 */
gboolean
unknot_routine_validate_file (const char *path, char **report)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (UnknotRoutine) routine = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *valid = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  file = g_file_new_for_commandline_arg (path);
  routine = unknot_routine_new_from_file (file, NULL, &error);
  /* One line each: a name can hold a newline, and so can a file's name. */
  if (routine == NULL)
    {
      *report = one_line (error->message);
      return FALSE;
    }

  duration = unknot_format_duration (unknot_routine_get_work_seconds (routine));
  /* Translators: FILE: valid routine “NAME” (ID), N steps, 6 min on the tool */
  valid = g_strdup_printf (ngettext ("%s: valid routine “%s” (%s), %u step, %s on the tool\n",
                                     "%s: valid routine “%s” (%s), %u steps, %s on the tool\n",
                                     unknot_routine_get_n_steps (routine)),
                           unknot_routine_get_source_name (routine),
                           unknot_routine_get_name (routine), unknot_routine_get_id (routine),
                           unknot_routine_get_n_steps (routine), duration);
  /* The message ends in a newline, as it did when it was printed directly. */
  *report = one_line (g_strchomp (valid));
  return TRUE;
}

static void
unknot_routine_finalize (GObject *object)
{
  UnknotRoutine *self = (UnknotRoutine *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->safety, g_free);
  g_clear_pointer (&self->source_name, g_free);
  g_clear_pointer (&self->steps, g_array_unref);

  G_OBJECT_CLASS (unknot_routine_parent_class)->finalize (object);
}

static void
unknot_routine_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  UnknotRoutine *self = UNKNOT_ROUTINE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_routine_class_init (UnknotRoutineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = unknot_routine_finalize;
  object_class->get_property = unknot_routine_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
unknot_routine_init (UnknotRoutine *self)
{
  self->steps = g_array_new (FALSE, TRUE, sizeof (UnknotStep));
  g_array_set_clear_func (self->steps, (GDestroyNotify) step_clear);
}

const char *
unknot_routine_get_id (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), NULL);
  return self->id;
}

const char *
unknot_routine_get_name (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), NULL);
  return self->name;
}

const char *
unknot_routine_get_summary (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), NULL);
  return self->summary;
}

/**
 * unknot_routine_get_safety:
 *
 * Returns: (nullable): the routine's own cautions
 */
const char *
unknot_routine_get_safety (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), NULL);
  return self->safety;
}

const char *
unknot_routine_get_source_name (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), NULL);
  return self->source_name;
}

gboolean
unknot_routine_helps (UnknotRoutine *self, UnknotProblem problem)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), FALSE);
  g_return_val_if_fail (problem < UNKNOT_N_PROBLEMS, FALSE);
  return (self->helps & (1u << problem)) != 0;
}

gboolean
unknot_routine_uses_tool (UnknotRoutine *self, UnknotTool tool)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), FALSE);

  for (guint i = 0; i < self->steps->len; i++)
    if (g_array_index (self->steps, UnknotStep, i).tool == tool)
      return TRUE;
  return FALSE;
}

gboolean
unknot_routine_works_target (UnknotRoutine *self, UnknotTarget target)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), FALSE);

  for (guint i = 0; i < self->steps->len; i++)
    if (g_array_index (self->steps, UnknotStep, i).target == target)
      return TRUE;
  return FALSE;
}

guint
unknot_routine_get_n_steps (UnknotRoutine *self)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), 0);
  return self->steps->len;
}

const UnknotStep *
unknot_routine_get_step (UnknotRoutine *self, guint index)
{
  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);
  return &g_array_index (self->steps, UnknotStep, index);
}

guint
unknot_step_get_n_sides (const UnknotStep *step)
{
  return step->side == UNKNOT_SIDE_BOTH ? 2 : 1;
}

/**
 * unknot_routine_get_work_seconds:
 *
 * Returns: the time spent on the tool, every side counted
 */
guint
unknot_routine_get_work_seconds (UnknotRoutine *self)
{
  guint total = 0;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), 0);

  for (guint i = 0; i < self->steps->len; i++)
    {
      const UnknotStep *step = &g_array_index (self->steps, UnknotStep, i);

      total += step->duration_seconds * unknot_step_get_n_sides (step);
    }
  return total;
}

/**
 * unknot_routine_get_total_seconds:
 * @rest_seconds: the rest between two steps
 *
 * Returns: how long the routine takes from the first step to the end: work, the gaps to
 *   switch sides, and the rests between steps
 */
guint
unknot_routine_get_total_seconds (UnknotRoutine *self, guint rest_seconds)
{
  guint total;

  g_return_val_if_fail (UNKNOT_IS_ROUTINE (self), 0);

  total = unknot_routine_get_work_seconds (self);
  for (guint i = 0; i < self->steps->len; i++)
    {
      const UnknotStep *step = &g_array_index (self->steps, UnknotStep, i);

      if (step->side == UNKNOT_SIDE_BOTH)
        total += UNKNOT_SWITCH_SIDE_SECONDS;
      if (i > 0)
        total += rest_seconds;
    }
  return total;
}

/**
 * unknot_format_duration:
 *
 * Returns: (transfer full): a duration as a person says it: "45 s", "6 min", "7 min 30 s"
 */
char *
unknot_format_duration (guint seconds)
{
  guint minutes = seconds / 60;
  guint rest = seconds % 60;

  if (minutes == 0)
    return g_strdup_printf (C_ ("duration", "%u s"), rest);
  if (rest == 0)
    return g_strdup_printf (C_ ("duration", "%u min"), minutes);
  return g_strdup_printf (C_ ("duration", "%u min %u s"), minutes, rest);
}

/**
 * unknot_format_approximate_duration:
 *
 * Returns: (transfer full): a routine's length as a person plans with it, to the
 *   nearest minute: "About 8 min"
 */
char *
unknot_format_approximate_duration (guint seconds)
{
  guint minutes = MAX (1, (seconds + 30) / 60);

  return g_strdup_printf (C_ ("duration", "About %u min"), minutes);
}
