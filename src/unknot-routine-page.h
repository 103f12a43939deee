/* unknot-routine-page.h: one routine, its steps, what it needs and its cautions
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "unknot-types.h"

G_BEGIN_DECLS

#define UNKNOT_TYPE_ROUTINE_PAGE (unknot_routine_page_get_type ())

G_DECLARE_FINAL_TYPE (UnknotRoutinePage, unknot_routine_page, UNKNOT, ROUTINE_PAGE, AdwBin)

void unknot_routine_page_set_routine (UnknotRoutinePage *self,
                                      UnknotRoutine *routine,
                                      guint rest_seconds);
UnknotRoutine *unknot_routine_page_get_routine (UnknotRoutinePage *self);
char *unknot_routine_describe_tools (UnknotRoutine *routine);

G_END_DECLS
