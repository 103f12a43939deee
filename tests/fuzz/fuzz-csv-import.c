/* fuzz-csv-import.c: CSV import, unknot_pain_diary_import_csv()
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A CSV is either refused whole, with a message and nothing added, or imported; what
 * was imported exports to a CSV that imports into an empty diary as the same entries,
 * and importing it again adds nothing.
 */

#include "config.h"

#include <string.h>

#include "unknot-fuzz.h"
#include "unknot-pain-diary.h"

static UnknotPainDiary *
diary_new (GSettings **settings)
{
  *settings = unknot_fuzz_settings_new ();
  return unknot_pain_diary_new (*settings);
}

static guint
n_stored (GSettings *settings)
{
  g_autoptr (GVariant) log = g_settings_get_value (settings, "pain-log");

  return g_variant_n_children (log);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GSettings) settings = NULL;
  g_autoptr (GSettings) settings2 = NULL;
  g_autoptr (UnknotPainDiary) diary = NULL;
  g_autoptr (UnknotPainDiary) diary2 = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *csv2 = NULL;
  guint n_imported = G_MAXUINT;
  guint n_imported2 = G_MAXUINT;

  unknot_fuzz_init ();

  diary = diary_new (&settings);
  if (!unknot_pain_diary_import_csv (diary, (const char *) data, size, &n_imported, &error))
    {
      unknot_fuzz_check_error (error, UNKNOT_PAIN_DIARY_ERROR);
      g_assert_cmpint (error->code, ==, UNKNOT_PAIN_DIARY_ERROR_CSV);
      g_assert_cmpuint (n_imported, ==, 0);
      g_assert_cmpuint (unknot_pain_diary_get_n_entries (diary), ==, 0);
      g_assert_cmpuint (n_stored (settings), ==, 0);
      return 0;
    }
  g_assert_cmpuint (unknot_pain_diary_get_n_entries (diary), ==, n_imported);
  g_assert_cmpuint (n_stored (settings), ==, n_imported);
  g_assert_cmpuint (unknot_pain_diary_get_problems (diary)->len, ==, 0);

  /* Export, and import into an empty diary: the same entries. */
  csv = unknot_pain_diary_to_csv (diary);
  diary2 = diary_new (&settings2);
  if (!unknot_pain_diary_import_csv (diary2, csv, strlen (csv), &n_imported2, &error))
    g_error ("an exported CSV does not import: %s\n%s", error->message, csv);
  g_assert_cmpuint (n_imported2, ==, n_imported);
  csv2 = unknot_pain_diary_to_csv (diary2);
  g_assert_cmpstr (csv2, ==, csv);

  /* Everything is there already: nothing is added twice. */
  g_assert_true (unknot_pain_diary_import_csv (diary, csv, strlen (csv), &n_imported2, &error));
  g_assert_cmpuint (n_imported2, ==, 0);
  g_assert_cmpuint (unknot_pain_diary_get_n_entries (diary), ==, n_imported);
  g_assert_true (
    unknot_pain_diary_import_csv (diary, (const char *) data, size, &n_imported2, &error));
  g_assert_cmpuint (n_imported2, ==, 0);
  return 0;
}
