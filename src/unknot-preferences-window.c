/* unknot-preferences-window.c: sound, timing, check-in and reminder settings
 *
 * Every control is bound straight to its settings key: nothing to apply or save.
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-preferences-window.h"
#include "unknot-reminders.h"
#include "unknot-widget-walk.h"

struct _UnknotPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GtkWidget *cues_switch;
  GtkWidget *voice_switch;
  GtkAdjustment *volume_adjustment;
  GtkAdjustment *get_ready_adjustment;
  GtkAdjustment *rest_adjustment;
  GtkWidget *before_switch;
  GtkWidget *after_switch;

  GtkWidget *reminders_row;
  GtkWidget *reminders_switch;
  GtkWidget *days_row;
  GtkWidget *days_box;
  GtkWidget *day_buttons[7];
  GtkWidget *time_row;
  GtkWidget *hour_spin;
  GtkWidget *minute_spin;
  GtkAdjustment *hour_adjustment;
  GtkAdjustment *minute_adjustment;
  GtkWidget *problem_row;

  GSettings *settings;
  UnknotReminders *reminders;
  gboolean updating_days;
};

G_DEFINE_FINAL_TYPE (UnknotPreferencesWindow,
                     unknot_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

/* The days follow `reminder-days`; a toggle writes them all. */
static void
days_changed_cb (GSettings *settings, const char *key, UnknotPreferencesWindow *self)
{
  g_auto (GStrv) ids = g_settings_get_strv (settings, "reminder-days");
  guint days = unknot_reminder_days_from_strv ((const char *const *) ids);

  self->updating_days = TRUE;
  for (guint day = 1; day <= 7; day++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->day_buttons[day - 1]),
                                  (days & UNKNOT_REMINDER_DAY (day)) != 0);
  self->updating_days = FALSE;
}

static void
day_toggled_cb (GtkToggleButton *button, UnknotPreferencesWindow *self)
{
  g_auto (GStrv) ids = NULL;
  guint days = 0;

  if (self->updating_days || self->settings == NULL)
    return;
  for (guint day = 1; day <= 7; day++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->day_buttons[day - 1])))
      days |= UNKNOT_REMINDER_DAY (day);
  ids = unknot_reminder_days_to_strv (days);
  g_settings_set_strv (self->settings, "reminder-days", (const char *const *) ids);
}

/* `reminder-time` is minutes after midnight; the hour and the minute each show a part. */
static gboolean
get_hour (GValue *value, GVariant *variant, gpointer user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant) / 60);
  return TRUE;
}

static gboolean
get_minute (GValue *value, GVariant *variant, gpointer user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant) % 60);
  return TRUE;
}

static GVariant *
set_hour (const GValue *value, const GVariantType *type, gpointer user_data)
{
  UnknotPreferencesWindow *self = user_data;
  guint minute = (guint) gtk_adjustment_get_value (self->minute_adjustment);

  return g_variant_new_uint32 ((guint) g_value_get_double (value) * 60 + minute);
}

static GVariant *
set_minute (const GValue *value, const GVariantType *type, gpointer user_data)
{
  UnknotPreferencesWindow *self = user_data;
  guint hour = (guint) gtk_adjustment_get_value (self->hour_adjustment);

  return g_variant_new_uint32 (hour * 60 + (guint) g_value_get_double (value));
}

/* Two digits, as a clock shows them. */
static gboolean
time_output_cb (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* The switch's row says when the next reminder comes; a problem row says when Unknot
 * cannot start at log-in. */
static void
reminders_state_cb (UnknotPreferencesWindow *self)
{
  const char *problem = NULL;
  gint64 next_due = -1;

  if (self->reminders != NULL)
    {
      problem = unknot_reminders_get_problem (self->reminders);
      next_due = unknot_reminders_get_next_due (self->reminders);
    }

  gtk_widget_set_visible (self->problem_row, problem != NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->problem_row), problem ? problem : "");

  if (next_due > 0)
    {
      g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (next_due);
      g_autoptr (GDateTime) local = g_date_time_to_local (utc);
      /* Translators: when the next reminder comes: a weekday and a time, as strftime */
      g_autofree char *when = g_date_time_format (local, _ ("%A at %H:%M"));
      /* Translators: %s is when the next reminder comes, e.g. "Thursday at 18:00" */
      g_autofree char *subtitle = g_strdup_printf (_ ("Next: %s"), when);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->reminders_row), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->reminders_row),
                                 _ ("A notification with the coach’s suggested routine, even "
                                    "when Unknot is closed"));
}

/* libadwaita 1.2 leaves its own search entry, search results and view switchers
 * unnamed, even while search is off and with one page, when they are hidden: a screen
 * reader would still find them. */
static void
name_hidden_parts (GtkWidget *widget)
{
  g_autoptr (GPtrArray) lists = g_ptr_array_new ();

  unknot_widget_name_all (widget, GTK_TYPE_SEARCH_ENTRY, _ ("Search Preferences"));
  unknot_widget_name_all (widget, ADW_TYPE_VIEW_SWITCHER, _ ("Preference Pages"));
  /* Our pages' lists are named after their groups' titles; the lists outside the
   * pages' view stack are the search's page, whose group has no title. */
  unknot_widget_collect (widget, GTK_TYPE_LIST_BOX, lists);
  for (guint i = 0; i < lists->len; i++)
    if (gtk_widget_get_ancestor (g_ptr_array_index (lists, i), ADW_TYPE_VIEW_STACK) == NULL)
      gtk_accessible_update_property (GTK_ACCESSIBLE (g_ptr_array_index (lists, i)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Search Results"), -1);
}

static void
unknot_preferences_window_dispose (GObject *object)
{
  UnknotPreferencesWindow *self = UNKNOT_PREFERENCES_WINDOW (object);

  if (self->reminders != NULL)
    g_signal_handlers_disconnect_by_data (self->reminders, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->reminders);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (unknot_preferences_window_parent_class)->dispose (object);
}

static void
unknot_preferences_window_class_init (UnknotPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = unknot_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/unknot-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, cues_switch);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, voice_switch);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, volume_adjustment);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow,
                                        get_ready_adjustment);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, rest_adjustment);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, before_switch);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, after_switch);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, reminders_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, reminders_switch);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, days_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, days_box);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, time_row);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, hour_adjustment);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, minute_adjustment);
  gtk_widget_class_bind_template_child (widget_class, UnknotPreferencesWindow, problem_row);
}

static void
unknot_preferences_window_init (UnknotPreferencesWindow *self)
{
  /* A Monday: the days' names come from the locale, Monday first. */
  g_autoptr (GDateTime) monday = g_date_time_new_utc (2024, 1, 1, 12, 0, 0);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint day = 1; day <= 7; day++)
    {
      g_autoptr (GDateTime) date = g_date_time_add_days (monday, (int) day - 1);
      g_autofree char *short_name = g_date_time_format (date, "%a");
      g_autofree char *name = g_date_time_format (date, "%A");
      GtkWidget *button = gtk_toggle_button_new_with_label (short_name);

      gtk_widget_set_tooltip_text (button, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      gtk_widget_add_css_class (button, "day-toggle");
      g_signal_connect (button, "toggled", G_CALLBACK (day_toggled_cb), self);
      gtk_box_append (GTK_BOX (self->days_box), button);
      self->day_buttons[day - 1] = button;
    }
  g_signal_connect (self->hour_spin, "output", G_CALLBACK (time_output_cb), NULL);
  name_hidden_parts (GTK_WIDGET (self));
  g_signal_connect (self->minute_spin, "output", G_CALLBACK (time_output_cb), NULL);
}

/**
 * unknot_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @settings: the application's settings
 * @reminders: (nullable): the application's reminders, to say when the next comes and
 *   whether Unknot will start at log-in
 */
GtkWidget *
unknot_preferences_window_new (GtkWindow *parent, GSettings *settings, UnknotReminders *reminders)
{
  UnknotPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (reminders == NULL || UNKNOT_IS_REMINDERS (reminders), NULL);

  self = g_object_new (UNKNOT_TYPE_PREFERENCES_WINDOW, "transient-for", parent, "modal",
                       parent != NULL, NULL);
  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "cues-enabled", self->cues_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "voice-enabled", self->voice_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "cue-volume", self->volume_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "get-ready-seconds", self->get_ready_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "rest-seconds", self->rest_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "ask-pain-before", self->before_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "ask-pain-after", self->after_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);

  g_settings_bind (settings, "reminders-enabled", self->reminders_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "reminders-enabled", self->days_row, "sensitive", G_SETTINGS_BIND_GET);
  g_settings_bind (settings, "reminders-enabled", self->time_row, "sensitive", G_SETTINGS_BIND_GET);
  g_settings_bind_with_mapping (settings, "reminder-time", self->hour_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT, get_hour, set_hour, self, NULL);
  g_settings_bind_with_mapping (settings, "reminder-time", self->minute_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT, get_minute, set_minute, self, NULL);
  g_signal_connect (settings, "changed::reminder-days", G_CALLBACK (days_changed_cb), self);
  days_changed_cb (settings, "reminder-days", self);

  if (reminders != NULL)
    {
      self->reminders = g_object_ref (reminders);
      g_signal_connect_swapped (reminders, "notify::problem", G_CALLBACK (reminders_state_cb),
                                self);
      g_signal_connect_swapped (reminders, "notify::next-due", G_CALLBACK (reminders_state_cb),
                                self);
    }
  reminders_state_cb (self);
  return GTK_WIDGET (self);
}
