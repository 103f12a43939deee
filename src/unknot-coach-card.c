/* unknot-coach-card.c: the coach's suggestion, its reason, and a way to act on it
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-coach-card.h"
#include "unknot-pain-diary.h"
#include "unknot-routine.h"
#include "unknot-routine-library.h"

/* The first thing the Routines page shows, and the last step of the first run.  It asks
 * the coach again whenever something the coach reads changes: the diary, what the person
 * told us, or the day (it is asked again each time the card is shown). */

struct _UnknotCoachCard
{
  AdwBin parent_instance;

  GtkWidget *warning_icon;
  GtkWidget *title_label;
  GtkWidget *reason_label;
  GtkWidget *encouragement_label;
  GtkWidget *start_button;
  GtkWidget *safety_button;
  GtkWidget *set_up_button;

  GSettings *settings;
  UnknotPainDiary *diary;
  UnknotRoutineLibrary *library;
  UnknotSuggestion *suggestion;
  gboolean show_set_up;
};

G_DEFINE_FINAL_TYPE (UnknotCoachCard, unknot_coach_card, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_SHOW_SET_UP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (UnknotCoachCard *self)
{
  const UnknotSuggestion *suggestion = self->suggestion;
  gboolean routine = suggestion->kind == UNKNOT_SUGGESTION_ROUTINE && suggestion->routine != NULL;
  gboolean warning = suggestion->kind != UNKNOT_SUGGESTION_ROUTINE;

  switch (suggestion->kind)
    {
    case UNKNOT_SUGGESTION_RED_FLAG:
      gtk_label_set_text (GTK_LABEL (self->title_label), _ ("See a Doctor Now"));
      break;
    case UNKNOT_SUGGESTION_SEE_PROFESSIONAL:
      gtk_label_set_text (GTK_LABEL (self->title_label), _ ("Time to See a Professional"));
      break;
    case UNKNOT_SUGGESTION_ROUTINE:
    default:
      gtk_label_set_text (GTK_LABEL (self->title_label),
                          routine ? unknot_routine_get_name (suggestion->routine)
                                  : _ ("No Routine to Suggest"));
      break;
    }

  gtk_label_set_text (GTK_LABEL (self->reason_label), suggestion->reason);
  gtk_label_set_text (GTK_LABEL (self->encouragement_label),
                      suggestion->encouragement ? suggestion->encouragement : "");
  gtk_widget_set_visible (self->encouragement_label, suggestion->encouragement != NULL);
  gtk_widget_set_visible (self->warning_icon, warning);
  if (suggestion->kind == UNKNOT_SUGGESTION_RED_FLAG)
    {
      gtk_widget_remove_css_class (self->warning_icon, "warning");
      gtk_widget_add_css_class (self->warning_icon, "error");
    }
  else
    {
      gtk_widget_remove_css_class (self->warning_icon, "error");
      gtk_widget_add_css_class (self->warning_icon, "warning");
    }

  gtk_widget_set_visible (self->start_button, routine);
  if (routine)
    {
      g_autofree char *label = NULL;

      /* The target first: the action takes a routine id, never nothing. */
      gtk_actionable_set_action_target_value (
        GTK_ACTIONABLE (self->start_button),
        g_variant_new_string (unknot_routine_get_id (suggestion->routine)));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->start_button), "win.start-routine");
      /* Translators: what a screen reader says for the Start button; %s is a routine */
      label = g_strdup_printf (_ ("Start %s"), unknot_routine_get_name (suggestion->routine));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->start_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  gtk_widget_set_visible (self->safety_button, warning);
  gtk_widget_set_visible (self->set_up_button,
                          self->show_set_up && suggestion->kind == UNKNOT_SUGGESTION_RED_FLAG);
}

/**
 * unknot_coach_card_refresh:
 *
 * Asks the coach again, now.
 */
void
unknot_coach_card_refresh (UnknotCoachCard *self)
{
  g_return_if_fail (UNKNOT_IS_COACH_CARD (self));

  if (self->settings == NULL || self->diary == NULL || self->library == NULL)
    return;

  g_clear_pointer (&self->suggestion, unknot_suggestion_free);
  self->suggestion = unknot_coach_suggest_from_settings (self->settings, self->diary, self->library,
                                                         g_get_real_time () / G_USEC_PER_SEC);
  update (self);
}

/**
 * unknot_coach_card_set_sources:
 * @settings: holds `problems`, `pain-areas` and `red-flags`
 *
 * What the card asks the coach about; it follows their changes from then on.
 */
void
unknot_coach_card_set_sources (UnknotCoachCard *self,
                               GSettings *settings,
                               UnknotPainDiary *diary,
                               UnknotRoutineLibrary *library)
{
  static const char *const keys[] = { "changed::problems", "changed::pain-areas",
                                      "changed::red-flags" };

  g_return_if_fail (UNKNOT_IS_COACH_CARD (self));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (UNKNOT_IS_PAIN_DIARY (diary));
  g_return_if_fail (UNKNOT_IS_ROUTINE_LIBRARY (library));
  g_return_if_fail (self->settings == NULL);

  self->settings = g_object_ref (settings);
  self->diary = g_object_ref (diary);
  self->library = g_object_ref (library);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_signal_connect_object (settings, keys[i], G_CALLBACK (unknot_coach_card_refresh), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (diary, "changed", G_CALLBACK (unknot_coach_card_refresh), self,
                           G_CONNECT_SWAPPED);
  unknot_coach_card_refresh (self);
}

/**
 * unknot_coach_card_get_suggestion:
 *
 * Returns: (transfer none) (nullable): what the card shows
 */
const UnknotSuggestion *
unknot_coach_card_get_suggestion (UnknotCoachCard *self)
{
  g_return_val_if_fail (UNKNOT_IS_COACH_CARD (self), NULL);
  return self->suggestion;
}

gboolean
unknot_coach_card_get_show_set_up (UnknotCoachCard *self)
{
  g_return_val_if_fail (UNKNOT_IS_COACH_CARD (self), FALSE);
  return self->show_set_up;
}

/* Whether a red flag offers "Set Up Again", to answer once a doctor has seen the person;
 * not inside the first run itself. */
void
unknot_coach_card_set_show_set_up (UnknotCoachCard *self, gboolean show_set_up)
{
  g_return_if_fail (UNKNOT_IS_COACH_CARD (self));

  show_set_up = !!show_set_up;
  if (self->show_set_up == show_set_up)
    return;
  self->show_set_up = show_set_up;
  if (self->suggestion != NULL)
    update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SET_UP]);
}

static void
unknot_coach_card_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (unknot_coach_card_parent_class)->map (widget);

  /* "Not done in the last day" and "this week" move with the clock. */
  unknot_coach_card_refresh (UNKNOT_COACH_CARD (widget));
}

static void
unknot_coach_card_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  UnknotCoachCard *self = UNKNOT_COACH_CARD (object);

  switch (prop_id)
    {
    case PROP_SHOW_SET_UP:
      g_value_set_boolean (value, self->show_set_up);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_coach_card_set_property (GObject *object,
                                guint prop_id,
                                const GValue *value,
                                GParamSpec *pspec)
{
  UnknotCoachCard *self = UNKNOT_COACH_CARD (object);

  switch (prop_id)
    {
    case PROP_SHOW_SET_UP:
      unknot_coach_card_set_show_set_up (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_coach_card_dispose (GObject *object)
{
  UnknotCoachCard *self = UNKNOT_COACH_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_COACH_CARD);
  g_clear_object (&self->settings);
  g_clear_object (&self->diary);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (unknot_coach_card_parent_class)->dispose (object);
}

static void
unknot_coach_card_finalize (GObject *object)
{
  UnknotCoachCard *self = UNKNOT_COACH_CARD (object);

  g_clear_pointer (&self->suggestion, unknot_suggestion_free);

  G_OBJECT_CLASS (unknot_coach_card_parent_class)->finalize (object);
}

static void
unknot_coach_card_class_init (UnknotCoachCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = unknot_coach_card_get_property;
  object_class->set_property = unknot_coach_card_set_property;
  object_class->dispose = unknot_coach_card_dispose;
  object_class->finalize = unknot_coach_card_finalize;
  widget_class->map = unknot_coach_card_map;

  properties[PROP_SHOW_SET_UP] =
    g_param_spec_boolean ("show-set-up", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/unknot-coach-card.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotCoachCard, warning_icon);
  gtk_widget_class_bind_template_child (widget_class, UnknotCoachCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotCoachCard, reason_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotCoachCard, encouragement_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotCoachCard, start_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotCoachCard, safety_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotCoachCard, set_up_button);
}

static void
unknot_coach_card_init (UnknotCoachCard *self)
{
  self->show_set_up = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
unknot_coach_card_new (void)
{
  return g_object_new (UNKNOT_TYPE_COACH_CARD, NULL);
}
