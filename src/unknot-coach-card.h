/* unknot-coach-card.h: the coach's suggestion, its reason, and a way to act on it
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "unknot-coach.h"
#include "unknot-types.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_COACH_CARD (unknot_coach_card_get_type ())

G_DECLARE_FINAL_TYPE (UnknotCoachCard, unknot_coach_card, UNKNOT, COACH_CARD, AdwBin)

GtkWidget *unknot_coach_card_new (void);
void unknot_coach_card_set_sources (UnknotCoachCard *self,
                                    GSettings *settings,
                                    UnknotPainDiary *diary,
                                    UnknotRoutineLibrary *library);
void unknot_coach_card_refresh (UnknotCoachCard *self);
const UnknotSuggestion *unknot_coach_card_get_suggestion (UnknotCoachCard *self);
gboolean unknot_coach_card_get_show_set_up (UnknotCoachCard *self);
void unknot_coach_card_set_show_set_up (UnknotCoachCard *self, gboolean show_set_up);

G_END_DECLS
