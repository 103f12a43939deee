/* unknot-fuzz.c: set-up shared by the fuzz targets
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "unknot-fuzz.h"

/* A warning or a critical is a finding: nothing a file can cause may end in one
 * (HACKING.md). Messages and debug output are dropped: they would only slow the
 * fuzzer down. */
static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags log_level,
                 const GLogField *fields,
                 gsize n_fields,
                 gpointer user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
      abort ();
    }
  return G_LOG_WRITER_HANDLED;
}

void
unknot_fuzz_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* The diary finds its archive schema in the default schema source. */
      g_setenv ("GSETTINGS_SCHEMA_DIR", UNKNOT_FUZZ_SCHEMA_DIR, TRUE);
      g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
      g_once_init_leave (&initialized, 1);
    }
}

/* A fresh settings object on its own memory backend, with the build's compiled
 * schema: nothing is written to disk and no input sees another's data. */
GSettings *
unknot_fuzz_settings_new (void)
{
  static GSettingsSchema *schema = NULL;
  g_autoptr (GSettingsBackend) backend = NULL;

  if (schema == NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GSettingsSchemaSource) source =
        g_settings_schema_source_new_from_directory (UNKNOT_FUZZ_SCHEMA_DIR, NULL, TRUE, &error);

      if (source == NULL)
        g_error ("%s: %s", UNKNOT_FUZZ_SCHEMA_DIR, error->message);
      schema = g_settings_schema_source_lookup (source, APPLICATION_ID, FALSE);
      if (schema == NULL)
        g_error ("%s: no schema %s", UNKNOT_FUZZ_SCHEMA_DIR, APPLICATION_ID);
    }

  backend = g_memory_settings_backend_new ();
  return g_settings_new_full (schema, backend, NULL);
}

/* Text that reaches a person: valid UTF-8 and not empty. */
void
unknot_fuzz_check_text (const char *text)
{
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
}

/* Text shown on one line, a terminal's or a label's: no control characters. */
void
unknot_fuzz_check_line (const char *text)
{
  unknot_fuzz_check_text (text);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      g_error ("a control character in “%s”", text);
}

/* An error a person reads: from the expected domain, with a message. */
void
unknot_fuzz_check_error (const GError *error, GQuark domain)
{
  g_assert_nonnull (error);
  if (error->domain != domain)
    g_error ("error from %s, not %s: %s", g_quark_to_string (error->domain),
             g_quark_to_string (domain), error->message);
  unknot_fuzz_check_text (error->message);
  g_assert_cmpuint (strlen (error->message), >, 0);
}
