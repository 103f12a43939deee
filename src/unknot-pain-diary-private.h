/* unknot-pain-diary-private.h: the diary's storage, for tests and fuzzing
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "unknot-diary-store.h"
#include "unknot-pain-diary.h"

G_BEGIN_DECLS

UnknotDiaryStore *unknot_pain_diary_get_store (UnknotPainDiary *self);

G_END_DECLS
