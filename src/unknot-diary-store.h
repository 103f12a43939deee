/* unknot-diary-store.h: where the pain diary lives in GSettings, and how it survives
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define UNKNOT_TYPE_DIARY_STORE (unknot_diary_store_get_type ())

G_DECLARE_FINAL_TYPE (UnknotDiaryStore, unknot_diary_store, UNKNOT, DIARY_STORE, GObject)

UnknotDiaryStore *unknot_diary_store_new (GSettings *settings);

guint unknot_diary_store_get_n_parts (UnknotDiaryStore *self);
GVariant *unknot_diary_store_get_part (UnknotDiaryStore *self, guint index);
GVariant *unknot_diary_store_get_intensity (UnknotDiaryStore *self);

gboolean unknot_diary_store_append (
  UnknotDiaryStore *self, const char *key, GVariant **added, guint n_added, GError **error);

gboolean unknot_diary_store_is_writing (UnknotDiaryStore *self);
gboolean unknot_diary_store_get_saved (UnknotDiaryStore *self);
const char *unknot_diary_store_get_save_problem (UnknotDiaryStore *self);
gboolean unknot_diary_store_retry (UnknotDiaryStore *self);
const char *unknot_diary_store_get_rescue_report (UnknotDiaryStore *self);

void unknot_diary_store_set_part_size (UnknotDiaryStore *self, guint part_size);

GVariant *
unknot_diary_salvage (const char *text, gsize length, const char *tuple_type, guint *n_lost);

G_END_DECLS
