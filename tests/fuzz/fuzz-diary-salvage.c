/* fuzz-diary-salvage.c: what is read back from a damaged diary, unknot_diary_salvage()
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is the text of a stored value as a damaged keyfile may hold it: torn,
 * overwritten, or not text at all. Salvage gives an array of the right type; what it
 * gives, printed again as the keyfile backend would, salvages to the same value with
 * nothing lost; and a value that is whole loses nothing.
 */

#include "config.h"

#include <string.h>

#include "unknot-diary-store.h"
#include "unknot-fuzz.h"

/* Printed as the keyfile backend prints it, then salvaged: the same, nothing lost. */
static void
check_round_trip (GVariant *value, const char *tuple_type)
{
  g_autofree char *printed = g_variant_print (value, FALSE);
  g_autoptr (GVariant) again = NULL;
  guint lost = G_MAXUINT;

  again = unknot_diary_salvage (printed, strlen (printed), tuple_type, &lost);
  if (lost != 0 || !g_variant_equal (again, value))
    {
      g_autofree char *printed_again = g_variant_print (again, FALSE);

      g_error ("salvage lost %u of a whole value:\n%s\ngave\n%s", lost, printed, printed_again);
    }
}

static void
salvage (const char *text, gsize length, const char *tuple_type)
{
  g_autoptr (GVariantType) array_type = g_variant_type_new_array (G_VARIANT_TYPE (tuple_type));
  g_autoptr (GVariant) value = NULL;
  guint lost = G_MAXUINT;
  gsize n_open = 0;

  value = unknot_diary_salvage (text, length, tuple_type, &lost);
  g_assert_nonnull (value);
  g_assert_false (g_variant_is_floating (value));
  g_assert_true (g_variant_is_of_type (value, array_type));

  /* Every tuple, read or lost, began with a '('. */
  for (gsize i = 0; i < length; i++)
    n_open += text[i] == '(';
  g_assert_cmpuint (g_variant_n_children (value) + lost, <=, n_open);

  check_round_trip (value, tuple_type);

  /* A value the keyfile backend could read whole is salvaged whole. (GLib's parser
   * meets text that is not UTF-8, or a \u escape that is no character, with a
   * critical: such text is left to the salvage alone.) */
  if (g_utf8_validate (text, length, NULL) && g_strstr_len (text, length, "\\u") == NULL &&
      g_strstr_len (text, length, "\\U") == NULL)
    {
      g_autoptr (GVariant) parsed = g_variant_parse (array_type, text, text + length, NULL, NULL);

      if (parsed != NULL)
        check_round_trip (parsed, tuple_type);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  unknot_fuzz_init ();

  salvage ((const char *) data, size, "(xsysss)");
  salvage ((const char *) data, size, "(xsus)");
  return 0;
}
