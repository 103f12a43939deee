/* unknot-preferences-window.c: sound, timing and check-in settings
 *
 * Every control is bound straight to its settings key: nothing to apply or save.
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "unknot-preferences-window.h"

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
};

G_DEFINE_FINAL_TYPE (UnknotPreferencesWindow,
                     unknot_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

static void
unknot_preferences_window_class_init (UnknotPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

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
}

static void
unknot_preferences_window_init (UnknotPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * unknot_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @settings: the application's settings
 */
GtkWidget *
unknot_preferences_window_new (GtkWindow *parent, GSettings *settings)
{
  UnknotPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (UNKNOT_TYPE_PREFERENCES_WINDOW, "transient-for", parent, "modal",
                       parent != NULL, NULL);
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
  return GTK_WIDGET (self);
}
