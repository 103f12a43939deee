/* unknot-reminders.c: when the next reminder is due, and a timer that waits for it
 *
 * The rules are one pure function, unknot_reminder_schedule (): given the days, the
 * time of day, when the last reminder was shown, now and a time zone, it says whether
 * a reminder is due now and when the next one is. A day's reminder is due at its time
 * in local time; a time the clocks skip in spring comes when they jump (02:30 → 03:00
 * in Berlin), and a time the clocks pass twice in autumn comes once. A reminder missed
 * while the computer was off or asleep comes late, once, and only on its own day.
 *
 * UnknotReminders follows the settings and waits for the next due time with a single
 * timer on the real-time clock (a Linux timerfd): it fires after a suspend as soon as
 * the machine wakes, and it is cancelled when the clock is set, so the time is worked
 * out again; nothing polls. It also turns the autostart on and off with the setting.
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/timerfd.h>
#endif

#include "unknot-reminders.h"
#include "unknot-routine.h"

static const char *const day_names[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

/**
 * unknot_reminder_day_id:
 * @day_of_week: 1 (Monday) to 7 (Sunday)
 *
 * Returns: the day's id in the `reminder-days` setting
 */
const char *
unknot_reminder_day_id (guint day_of_week)
{
  g_return_val_if_fail (day_of_week >= 1 && day_of_week <= 7, NULL);

  return day_names[day_of_week - 1];
}

guint
unknot_reminder_days_from_strv (const char *const *ids)
{
  guint days = 0;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    for (guint day = 1; day <= 7; day++)
      if (g_str_equal (ids[i], day_names[day - 1]))
        days |= UNKNOT_REMINDER_DAY (day);
  return days;
}

/**
 * unknot_reminder_days_to_strv:
 *
 * Returns: (transfer full): the ids of the days in @days, Monday first
 */
char **
unknot_reminder_days_to_strv (guint days)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint day = 1; day <= 7; day++)
    if (days & UNKNOT_REMINDER_DAY (day))
      g_strv_builder_add (builder, day_names[day - 1]);
  return g_strv_builder_end (builder);
}

/**
 * unknot_reminder_schedule:
 * @days: the days with a reminder, as UNKNOT_REMINDER_DAY() bits
 * @minute_of_day: the reminder's local time, in minutes after midnight
 * @last_shown: when the last reminder was shown (Unix seconds), or 0
 * @now: Unix seconds
 * @tz: the local time zone
 * @next_due: (out) (optional): the first reminder time after @now that is still to be
 *   shown (Unix seconds), or -1 when no day is chosen
 *
 * Returns: whether today's reminder is due: its time has come (at or before @now, on
 *   @now's local day) and no reminder was shown since
 */
gboolean
unknot_reminder_schedule (
  guint days, guint minute_of_day, gint64 last_shown, gint64 now, GTimeZone *tz, gint64 *next_due)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (now);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (utc, tz);
  g_autoptr (GDateTime) noon = NULL;
  gboolean due_now = FALSE;
  gint64 next = -1;

  g_return_val_if_fail (minute_of_day < 24 * 60, FALSE);

  /* Noon of each day is never in a daylight-saving change, so adding days to it lands
   * on the right dates. */
  noon = g_date_time_new (tz, g_date_time_get_year (local), g_date_time_get_month (local),
                          g_date_time_get_day_of_month (local), 12, 0, 0);
  for (int offset = 0; offset <= 7 && (days & UNKNOT_REMINDER_ALL_DAYS) != 0; offset++)
    {
      g_autoptr (GDateTime) day = g_date_time_add_days (noon, offset);
      g_autoptr (GDateTime) due_time = NULL;
      gint64 due;

      if ((days & UNKNOT_REMINDER_DAY (g_date_time_get_day_of_week (day))) == 0)
        continue;
      due_time = g_date_time_new (tz, g_date_time_get_year (day), g_date_time_get_month (day),
                                  g_date_time_get_day_of_month (day), (int) minute_of_day / 60,
                                  (int) minute_of_day % 60, 0);
      due = g_date_time_to_unix (due_time);
      if (due <= now)
        {
          /* Only today's can still be due: a missed day is not made up for. */
          if (offset == 0 && last_shown < due)
            due_now = TRUE;
          continue;
        }
      /* After the clock was set back, one already shown is not shown again. */
      if (due > last_shown)
        {
          next = due;
          break;
        }
    }

  if (next_due != NULL)
    *next_due = next;
  return due_now;
}

/**
 * unknot_reminder_describe:
 * @suggestion: what the coach suggests now
 * @rest_seconds: the rest between steps, for the routine's length
 * @title: (out) (transfer full): the notification's title
 * @body: (out) (transfer full): its text
 * @routine_id: (out) (transfer none) (nullable): the routine to start, if any
 *
 * The reminder's words: the coach's suggested routine and why, or the coach's advice to
 * see someone instead.
 */
void
unknot_reminder_describe (const UnknotSuggestion *suggestion,
                          guint rest_seconds,
                          char **title,
                          char **body,
                          const char **routine_id)
{
  g_return_if_fail (suggestion != NULL);

  *routine_id = NULL;
  switch (suggestion->kind)
    {
    case UNKNOT_SUGGESTION_RED_FLAG:
      *title = g_strdup (_ ("See a Doctor Now"));
      *body = g_strdup (suggestion->reason);
      return;
    case UNKNOT_SUGGESTION_SEE_PROFESSIONAL:
      *title = g_strdup (_ ("Time to See a Professional"));
      *body = g_strdup (suggestion->reason);
      return;
    case UNKNOT_SUGGESTION_ROUTINE:
    default:
      break;
    }

  if (suggestion->routine == NULL)
    {
      *title = g_strdup (_ ("Time for Self-Massage"));
      *body = g_strdup (suggestion->reason);
      return;
    }

  {
    guint seconds = unknot_routine_get_total_seconds (suggestion->routine, rest_seconds);
    guint minutes = MAX (1, (seconds + 30) / 60);

    /* Translators: a reminder's title; %u is the routine's length in minutes */
    *title = g_strdup_printf (
      ngettext ("Time for your %u-minute routine", "Time for your %u-minute routine", minutes),
      minutes);
    *body =
      g_strdup_printf ("%s\n%s", unknot_routine_get_name (suggestion->routine), suggestion->reason);
    *routine_id = unknot_routine_get_id (suggestion->routine);
  }
}

/* The object: settings in, a "due" signal out. */

struct _UnknotReminders
{
  GObject parent_instance;

  GSettings *settings;
  UnknotAutostartMethod method;
  GDBusConnection *connection;
  GCancellable *cancellable;

  gboolean enabled;
  gint64 next_due;
  char *problem;

  int timer_fd;
  guint timer_source;
  gulong changed_id;

  gboolean autostart_pending;
  gboolean autostart_again;
};

G_DEFINE_FINAL_TYPE (UnknotReminders, unknot_reminders, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ENABLED,
  PROP_NEXT_DUE,
  PROP_PROBLEM,
  PROP_AUTOSTART_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  DUE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void schedule (UnknotReminders *self);

static void
set_problem (UnknotReminders *self, const char *problem)
{
  if (g_strcmp0 (self->problem, problem) == 0)
    return;
  g_free (self->problem);
  self->problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

static void
set_autostart_pending (UnknotReminders *self, gboolean pending)
{
  if (self->autostart_pending == pending)
    return;
  self->autostart_pending = pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSTART_PENDING]);
}

static void request_autostart (UnknotReminders *self);

static void
autostart_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (UnknotReminders) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!unknot_autostart_set_enabled_finish (result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return; /* disposed */

  if (self->autostart_again)
    {
      /* The switch moved while the request was out: ask for what it says now. */
      self->autostart_again = FALSE;
      self->autostart_pending = FALSE;
      request_autostart (self);
      return;
    }
  set_problem (self, error != NULL ? error->message : NULL);
  if (error != NULL)
    g_message ("Reminders: %s", error->message);
  set_autostart_pending (self, FALSE);
}

static void
request_autostart (UnknotReminders *self)
{
  if (self->autostart_pending)
    {
      self->autostart_again = TRUE;
      return;
    }
  set_autostart_pending (self, TRUE);
  unknot_autostart_set_enabled_async (self->method, self->connection, self->enabled,
                                      self->cancellable, autostart_done_cb, g_object_ref (self));
}

static void
set_next_due (UnknotReminders *self, gint64 next_due)
{
  if (self->next_due == next_due)
    return;
  self->next_due = next_due;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_DUE]);
}

static gboolean
timer_cb (int fd, GIOCondition condition, gpointer user_data)
{
  UnknotReminders *self = user_data;
  guint64 expirations;

  /* ECANCELED: the clock was set. Either way the time is worked out again. */
  if (read (fd, &expirations, sizeof expirations) < 0 && errno == EAGAIN)
    return G_SOURCE_CONTINUE;
  schedule (self);
  return G_SOURCE_CONTINUE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  UnknotReminders *self = user_data;

  self->timer_source = 0;
  schedule (self);
  return G_SOURCE_REMOVE;
}

/* Wakes at @due (Unix seconds) on the real-time clock, or never for -1. */
static void
arm_timer (UnknotReminders *self, gint64 due)
{
#ifdef __linux__
  struct itimerspec spec = { 0 };

  if (self->timer_fd < 0)
    {
      self->timer_fd = timerfd_create (CLOCK_REALTIME, TFD_CLOEXEC | TFD_NONBLOCK);
      if (self->timer_fd >= 0)
        self->timer_source = g_unix_fd_add (self->timer_fd, G_IO_IN, timer_cb, self);
    }
  if (self->timer_fd >= 0)
    {
      /* A zero time disarms it. */
      spec.it_value.tv_sec = due > 0 ? (time_t) due : 0;
      if (timerfd_settime (self->timer_fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &spec,
                           NULL) == 0)
        return;
      g_message ("Reminders: no real-time timer (%s); using a plain timeout", g_strerror (errno));
      g_clear_handle_id (&self->timer_source, g_source_remove);
      close (self->timer_fd);
      self->timer_fd = -1;
    }
#endif
  /* Without a timerfd: a monotonic timeout, which a suspend delays. */
  g_clear_handle_id (&self->timer_source, g_source_remove);
  if (due > 0)
    {
      gint64 now = g_get_real_time () / G_USEC_PER_SEC;

      self->timer_source =
        g_timeout_add_seconds ((guint) CLAMP (due - now, 1, G_MAXINT32), timeout_cb, self);
    }
}

/* Shows the reminder if it is due, and waits for the next one. */
static void
schedule (UnknotReminders *self)
{
  g_autoptr (GTimeZone) tz = NULL;
  g_auto (GStrv) day_ids = NULL;
  gint64 now, next_due = -1;
  guint days, minute;

  if (!self->enabled)
    {
      arm_timer (self, -1);
      set_next_due (self, -1);
      return;
    }

  tz = g_time_zone_new_local ();
  day_ids = g_settings_get_strv (self->settings, "reminder-days");
  days = unknot_reminder_days_from_strv ((const char *const *) day_ids);
  minute = g_settings_get_uint (self->settings, "reminder-time");
  now = g_get_real_time () / G_USEC_PER_SEC;

  if (unknot_reminder_schedule (days, minute,
                                g_settings_get_int64 (self->settings, "reminder-last-shown"), now,
                                tz, &next_due))
    {
      /* Stored before it is shown: a crash while showing it never shows it twice. */
      g_signal_handler_block (self->settings, self->changed_id);
      g_settings_set_int64 (self->settings, "reminder-last-shown", now);
      g_settings_sync ();
      g_signal_handler_unblock (self->settings, self->changed_id);
      g_signal_emit (self, signals[DUE], 0);
    }
  arm_timer (self, next_due);
  set_next_due (self, next_due);
}

static void
settings_changed_cb (GSettings *settings, const char *key, UnknotReminders *self)
{
  if (g_str_equal (key, "reminders-enabled"))
    {
      gboolean enabled = g_settings_get_boolean (settings, key);

      if (enabled != self->enabled)
        {
          self->enabled = enabled;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
          request_autostart (self);
        }
    }
  else if (!g_str_equal (key, "reminder-days") && !g_str_equal (key, "reminder-time") &&
           !g_str_equal (key, "reminder-last-shown"))
    return;

  schedule (self);
}

/**
 * unknot_reminders_new:
 * @settings: holds the `reminder*` keys
 * @method: how Unknot starts at log-in while reminders are on
 * @connection: (nullable): the bus the Background portal is on; %NULL for the session bus
 *
 * Follows the settings from then on: turning reminders on or off also turns the
 * autostart on or off. Call unknot_reminders_start () once the signals are connected.
 */
UnknotReminders *
unknot_reminders_new (GSettings *settings,
                      UnknotAutostartMethod method,
                      GDBusConnection *connection)
{
  UnknotReminders *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (connection == NULL || G_IS_DBUS_CONNECTION (connection), NULL);

  self = g_object_new (UNKNOT_TYPE_REMINDERS, NULL);
  self->settings = g_object_ref (settings);
  self->method = method;
  self->connection = connection != NULL ? g_object_ref (connection) : NULL;
  self->enabled = g_settings_get_boolean (settings, "reminders-enabled");
  self->changed_id = g_signal_connect (settings, "changed", G_CALLBACK (settings_changed_cb), self);
  return self;
}

/**
 * unknot_reminders_start:
 *
 * Shows a reminder that is due now (UnknotReminders::due), and waits for the next.
 */
void
unknot_reminders_start (UnknotReminders *self)
{
  g_return_if_fail (UNKNOT_IS_REMINDERS (self));

  schedule (self);
}

gboolean
unknot_reminders_get_enabled (UnknotReminders *self)
{
  g_return_val_if_fail (UNKNOT_IS_REMINDERS (self), FALSE);

  return self->enabled;
}

/**
 * unknot_reminders_get_next_due:
 *
 * Returns: when the next reminder comes (Unix seconds), or -1 for never
 */
gint64
unknot_reminders_get_next_due (UnknotReminders *self)
{
  g_return_val_if_fail (UNKNOT_IS_REMINDERS (self), -1);

  return self->next_due;
}

/**
 * unknot_reminders_get_problem:
 *
 * Returns: (nullable): why Unknot will not start at log-in, as the last autostart
 *   request said
 */
const char *
unknot_reminders_get_problem (UnknotReminders *self)
{
  g_return_val_if_fail (UNKNOT_IS_REMINDERS (self), NULL);

  return self->problem;
}

gboolean
unknot_reminders_get_autostart_pending (UnknotReminders *self)
{
  g_return_val_if_fail (UNKNOT_IS_REMINDERS (self), FALSE);

  return self->autostart_pending;
}

static void
unknot_reminders_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  UnknotReminders *self = UNKNOT_REMINDERS (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    case PROP_NEXT_DUE:
      g_value_set_int64 (value, self->next_due);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    case PROP_AUTOSTART_PENDING:
      g_value_set_boolean (value, self->autostart_pending);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_reminders_dispose (GObject *object)
{
  UnknotReminders *self = UNKNOT_REMINDERS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer_source, g_source_remove);
  if (self->timer_fd >= 0)
    close (self->timer_fd);
  self->timer_fd = -1;
  if (self->settings != NULL)
    g_clear_signal_handler (&self->changed_id, self->settings);
  g_clear_object (&self->settings);
  g_clear_object (&self->connection);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (unknot_reminders_parent_class)->dispose (object);
}

static void
unknot_reminders_finalize (GObject *object)
{
  UnknotReminders *self = UNKNOT_REMINDERS (object);

  g_free (self->problem);

  G_OBJECT_CLASS (unknot_reminders_parent_class)->finalize (object);
}

static void
unknot_reminders_class_init (UnknotRemindersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = unknot_reminders_get_property;
  object_class->dispose = unknot_reminders_dispose;
  object_class->finalize = unknot_reminders_finalize;

  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NEXT_DUE] =
    g_param_spec_int64 ("next-due", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_AUTOSTART_PENDING] =
    g_param_spec_boolean ("autostart-pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UnknotReminders::due:
   *
   * A reminder is due now; `reminder-last-shown` already says so.
   */
  signals[DUE] = g_signal_new ("due", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                               NULL, G_TYPE_NONE, 0);
}

static void
unknot_reminders_init (UnknotReminders *self)
{
  self->timer_fd = -1;
  self->next_due = -1;
  self->cancellable = g_cancellable_new ();
}
