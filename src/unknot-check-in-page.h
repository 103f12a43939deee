/* unknot-check-in-page.h: how much does it hurt, 0 to 10, one tap per place
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "unknot-pain-diary.h"
#include "unknot-types.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_CHECK_IN_PAGE (unknot_check_in_page_get_type ())

G_DECLARE_FINAL_TYPE (UnknotCheckInPage, unknot_check_in_page, UNKNOT, CHECK_IN_PAGE, AdwBin)

void unknot_check_in_page_ask (UnknotCheckInPage *self,
                               UnknotPhase phase,
                               const char *routine_name,
                               const UnknotArea *areas,
                               guint n_areas);
int unknot_check_in_page_get_score (UnknotCheckInPage *self, UnknotArea area);
void unknot_check_in_page_set_score (UnknotCheckInPage *self, UnknotArea area, int score);
const char *unknot_check_in_page_get_note (UnknotCheckInPage *self);
UnknotPhase unknot_check_in_page_get_phase (UnknotCheckInPage *self);

G_END_DECLS
