/* unknot-anatomy-hotspot.c: one structure or area of the anatomy view, for the keyboard
 * and for screen readers
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 exposes only widgets to screen readers, so each part of the picture gets one
 * of these: an invisible button laid over where the part can be seen, pressed while the
 * part is selected (GTK 4.8 has no toggle button role; GtkToggleButton does the same).
 * It takes the keyboard focus and says its name; the view draws it and takes the pointer.
 */

#include "config.h"

#include "unknot-anatomy.h"
#include "unknot-anatomy-hotspot.h"

struct _UnknotAnatomyHotspot
{
  GtkWidget parent_instance;

  guint part_index;
  gboolean selected;
};

G_DEFINE_FINAL_TYPE (UnknotAnatomyHotspot, unknot_anatomy_hotspot, GTK_TYPE_WIDGET)

enum
{
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A widget action is what a screen reader can do with a plain widget: select the part. */
static void
select_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_signal_emit (widget, signals[ACTIVATE], 0);
}

static void
unknot_anatomy_hotspot_class_init (UnknotAnatomyHotspotClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const guint keys[] = { GDK_KEY_Return, GDK_KEY_ISO_Enter, GDK_KEY_KP_Enter, GDK_KEY_space,
                         GDK_KEY_KP_Space };

  /**
   * UnknotAnatomyHotspot::activate:
   *
   * Enter or Space on the focused part: the view selects it.
   */
  signals[ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[ACTIVATE]);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_signal (widget_class, keys[i], 0, "activate", NULL);

  gtk_widget_class_install_action (widget_class, "hotspot.select", NULL, select_action);

  gtk_widget_class_set_css_name (widget_class, "anatomy-hotspot");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
unknot_anatomy_hotspot_init (UnknotAnatomyHotspot *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  /* The view hit-tests the pointer against the part's shape, not this rectangle. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_PRESSED,
                               GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
}

/**
 * unknot_anatomy_hotspot_new:
 * @part_index: the part, for unknot_anatomy_get_part()
 */
GtkWidget *
unknot_anatomy_hotspot_new (guint part_index)
{
  UnknotAnatomyHotspot *self = g_object_new (UNKNOT_TYPE_ANATOMY_HOTSPOT, NULL);
  const UnknotAnatomyPart *part = unknot_anatomy_get_part (part_index);

  self->part_index = part_index;
  gtk_widget_set_name (GTK_WIDGET (self), part->id);
  gtk_accessible_update_property (
    GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, unknot_anatomy_part_get_name (part),
    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, unknot_anatomy_part_get_kind_label (part), -1);
  return GTK_WIDGET (self);
}

guint
unknot_anatomy_hotspot_get_part_index (UnknotAnatomyHotspot *self)
{
  g_return_val_if_fail (UNKNOT_IS_ANATOMY_HOTSPOT (self), 0);
  return self->part_index;
}

/* A selected part reads as a pressed button. */
void
unknot_anatomy_hotspot_set_selected (UnknotAnatomyHotspot *self, gboolean selected)
{
  g_return_if_fail (UNKNOT_IS_ANATOMY_HOTSPOT (self));

  selected = !!selected;
  if (self->selected == selected)
    return;
  self->selected = selected;
  gtk_accessible_update_state (
    GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_PRESSED,
    selected ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
}

void
unknot_anatomy_hotspot_set_description (UnknotAnatomyHotspot *self, const char *description)
{
  g_return_if_fail (UNKNOT_IS_ANATOMY_HOTSPOT (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
}
