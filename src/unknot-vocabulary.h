/* unknot-vocabulary.h: the fixed words of routine files and their labels
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "unknot-types.h"

G_BEGIN_DECLS

typedef enum
{
  UNKNOT_VOCABULARY_TARGET,
  UNKNOT_VOCABULARY_TOOL,
  UNKNOT_VOCABULARY_SIDE,
  UNKNOT_VOCABULARY_TECHNIQUE,
  UNKNOT_VOCABULARY_PROBLEM,
  UNKNOT_N_VOCABULARIES
} UnknotVocabulary;

gboolean unknot_vocabulary_lookup (UnknotVocabulary vocabulary, const char *id, guint *value);
const char *unknot_vocabulary_get_id (UnknotVocabulary vocabulary, guint value);
const char *unknot_vocabulary_get_label (UnknotVocabulary vocabulary, guint value);
guint unknot_vocabulary_get_size (UnknotVocabulary vocabulary);
char *unknot_vocabulary_list_ids (UnknotVocabulary vocabulary);

G_END_DECLS
