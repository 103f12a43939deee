/* unknot-reminders.h: when the next reminder is due, and a timer that waits for it
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "unknot-autostart.h"
#include "unknot-coach.h"

G_BEGIN_DECLS

/* Days of the week as bits, Monday first (GDateTime's day of the week 1–7). */
#define UNKNOT_REMINDER_DAY(day_of_week) (1u << ((day_of_week) -1))
#define UNKNOT_REMINDER_ALL_DAYS 0x7fu

guint unknot_reminder_days_from_strv (const char *const *ids);
char **unknot_reminder_days_to_strv (guint days);
const char *unknot_reminder_day_id (guint day_of_week);

gboolean unknot_reminder_schedule (
  guint days, guint minute_of_day, gint64 last_shown, gint64 now, GTimeZone *tz, gint64 *next_due);

void unknot_reminder_describe (const UnknotSuggestion *suggestion,
                               guint rest_seconds,
                               char **title,
                               char **body,
                               const char **routine_id);

#define UNKNOT_TYPE_REMINDERS (unknot_reminders_get_type ())

G_DECLARE_FINAL_TYPE (UnknotReminders, unknot_reminders, UNKNOT, REMINDERS, GObject)

UnknotReminders *unknot_reminders_new (GSettings *settings,
                                       UnknotAutostartMethod method,
                                       GDBusConnection *connection);
void unknot_reminders_start (UnknotReminders *self);
gboolean unknot_reminders_get_enabled (UnknotReminders *self);
gint64 unknot_reminders_get_next_due (UnknotReminders *self);
const char *unknot_reminders_get_problem (UnknotReminders *self);
gboolean unknot_reminders_get_autostart_pending (UnknotReminders *self);

G_END_DECLS
