/* unknot-vocabulary.c: the fixed words of routine files and their labels
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-vocabulary.h"

typedef struct
{
  const char *id;
  const char *label;
} Term;

/* Each table is indexed by its enum, in the enum's order. */
static const Term targets[] = {
  { "gluteus-maximus", N_ ("Gluteus maximus") },
  { "gluteus-medius", N_ ("Gluteus medius") },
  { "gluteus-minimus", N_ ("Gluteus minimus") },
  { "piriformis", N_ ("Piriformis") },
};

static const Term tools[] = {
  { "none", N_ ("No tool") },
  { "foam-roller", N_ ("Foam roller") },
  { "massage-ball", N_ ("Massage ball") },
};

static const Term sides[] = {
  { "left", N_ ("Left side") },
  { "right", N_ ("Right side") },
  { "both", N_ ("Both sides") },
};

static const Term techniques[] = {
  { "roll", N_ ("Slow rolling") },
  { "hold", N_ ("Hold on a tender spot") },
  { "circles", N_ ("Small circles") },
  { "cross-fiber", N_ ("Across the fibres") },
};

static const Term problems[] = {
  { "knee-pain", N_ ("Knee pain") },
  { "low-back-pain", N_ ("Low back pain") },
  { "sciatica", N_ ("Sciatica-like pain") },
  { "hip-pain", N_ ("Hip pain") },
  { "stiffness", N_ ("Stiffness in daily life") },
  { "warm-up", N_ ("Sport warm-up") },
  { "recovery", N_ ("Recovery after exercise") },
};

static const struct
{
  const Term *terms;
  guint n_terms;
} vocabularies[] = {
  [UNKNOT_VOCABULARY_TARGET] = { targets, G_N_ELEMENTS (targets) },
  [UNKNOT_VOCABULARY_TOOL] = { tools, G_N_ELEMENTS (tools) },
  [UNKNOT_VOCABULARY_SIDE] = { sides, G_N_ELEMENTS (sides) },
  [UNKNOT_VOCABULARY_TECHNIQUE] = { techniques, G_N_ELEMENTS (techniques) },
  [UNKNOT_VOCABULARY_PROBLEM] = { problems, G_N_ELEMENTS (problems) },
};

G_STATIC_ASSERT (G_N_ELEMENTS (targets) == UNKNOT_N_TARGETS);
G_STATIC_ASSERT (G_N_ELEMENTS (tools) == UNKNOT_N_TOOLS);
G_STATIC_ASSERT (G_N_ELEMENTS (sides) == UNKNOT_N_SIDES);
G_STATIC_ASSERT (G_N_ELEMENTS (techniques) == UNKNOT_N_TECHNIQUES);
G_STATIC_ASSERT (G_N_ELEMENTS (problems) == UNKNOT_N_PROBLEMS);
G_STATIC_ASSERT (G_N_ELEMENTS (vocabularies) == UNKNOT_N_VOCABULARIES);

/**
 * unknot_vocabulary_lookup:
 * @vocabulary: which words
 * @id: a word as routine files write it
 * @value: (out): the enum value for @id
 *
 * Returns: %TRUE if @id is a word of @vocabulary
 */
gboolean
unknot_vocabulary_lookup (UnknotVocabulary vocabulary, const char *id, guint *value)
{
  g_return_val_if_fail (vocabulary < UNKNOT_N_VOCABULARIES, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (id == NULL)
    return FALSE;

  for (guint i = 0; i < vocabularies[vocabulary].n_terms; i++)
    {
      if (g_str_equal (vocabularies[vocabulary].terms[i].id, id))
        {
          *value = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
unknot_vocabulary_get_id (UnknotVocabulary vocabulary, guint value)
{
  g_return_val_if_fail (vocabulary < UNKNOT_N_VOCABULARIES, NULL);
  g_return_val_if_fail (value < vocabularies[vocabulary].n_terms, NULL);

  return vocabularies[vocabulary].terms[value].id;
}

/**
 * unknot_vocabulary_get_label:
 *
 * Returns: the word as a person reads it, translated
 */
const char *
unknot_vocabulary_get_label (UnknotVocabulary vocabulary, guint value)
{
  g_return_val_if_fail (vocabulary < UNKNOT_N_VOCABULARIES, NULL);
  g_return_val_if_fail (value < vocabularies[vocabulary].n_terms, NULL);

  return _ (vocabularies[vocabulary].terms[value].label);
}

guint
unknot_vocabulary_get_size (UnknotVocabulary vocabulary)
{
  g_return_val_if_fail (vocabulary < UNKNOT_N_VOCABULARIES, 0);

  return vocabularies[vocabulary].n_terms;
}

/**
 * unknot_vocabulary_list_ids:
 *
 * Returns: (transfer full): the ids of @vocabulary joined by ", ", for error messages
 */
char *
unknot_vocabulary_list_ids (UnknotVocabulary vocabulary)
{
  g_autoptr (GString) list = g_string_new (NULL);

  g_return_val_if_fail (vocabulary < UNKNOT_N_VOCABULARIES, NULL);

  for (guint i = 0; i < vocabularies[vocabulary].n_terms; i++)
    g_string_append_printf (list, "%s%s", i ? ", " : "", vocabularies[vocabulary].terms[i].id);

  return g_string_free (g_steal_pointer (&list), FALSE);
}
