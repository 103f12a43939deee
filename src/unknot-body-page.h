/* unknot-body-page.h: the anatomy, and what a part does, why it hurts and what helps
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "unknot-types.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_BODY_PAGE (unknot_body_page_get_type ())

G_DECLARE_FINAL_TYPE (UnknotBodyPage, unknot_body_page, UNKNOT, BODY_PAGE, AdwBin)

void unknot_body_page_setup (UnknotBodyPage *self,
                             UnknotRoutineLibrary *library,
                             UnknotPainDiary *diary);
UnknotAnatomyView *unknot_body_page_get_view (UnknotBodyPage *self);

G_END_DECLS
