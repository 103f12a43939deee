/* unknot-safety-view.c: the red flags and the rules of safe self-massage
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "unknot-safety-view.h"

/* The same text serves the first run, where the person acknowledges it once, and the
 * Safety window, reachable from the menu and with F1 at any time. */

struct _UnknotSafetyView
{
  AdwBin parent_instance;

  GtkWidget *acknowledge_button;

  gboolean show_acknowledge;
};

G_DEFINE_FINAL_TYPE (UnknotSafetyView, unknot_safety_view, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_SHOW_ACKNOWLEDGE,
  N_PROPS
};

enum
{
  ACKNOWLEDGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
acknowledge_clicked_cb (UnknotSafetyView *self)
{
  g_signal_emit (self, signals[ACKNOWLEDGED], 0);
}

static void
unknot_safety_view_set_show_acknowledge (UnknotSafetyView *self, gboolean show)
{
  show = !!show;
  if (self->show_acknowledge == show)
    return;

  self->show_acknowledge = show;
  gtk_widget_set_visible (self->acknowledge_button, show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ACKNOWLEDGE]);
}

static void
unknot_safety_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  UnknotSafetyView *self = UNKNOT_SAFETY_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_ACKNOWLEDGE:
      g_value_set_boolean (value, self->show_acknowledge);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_safety_view_set_property (GObject *object,
                                 guint prop_id,
                                 const GValue *value,
                                 GParamSpec *pspec)
{
  UnknotSafetyView *self = UNKNOT_SAFETY_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_ACKNOWLEDGE:
      unknot_safety_view_set_show_acknowledge (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_safety_view_class_init (UnknotSafetyViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = unknot_safety_view_get_property;
  object_class->set_property = unknot_safety_view_set_property;

  properties[PROP_SHOW_ACKNOWLEDGE] =
    g_param_spec_boolean ("show-acknowledge", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UnknotSafetyView::acknowledged:
   *
   * The person pressed “I Understand”.
   */
  signals[ACKNOWLEDGED] = g_signal_new ("acknowledged", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/unknot-safety-view.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotSafetyView, acknowledge_button);
  gtk_widget_class_bind_template_callback (widget_class, acknowledge_clicked_cb);
}

static void
unknot_safety_view_init (UnknotSafetyView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
unknot_safety_view_new (void)
{
  return g_object_new (UNKNOT_TYPE_SAFETY_VIEW, NULL);
}

/**
 * unknot_safety_view_present_window:
 * @parent: (nullable): the window it belongs to
 *
 * Shows the safety notes in a window of their own.
 */
void
unknot_safety_view_present_window (GtkWindow *parent)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header_bar = adw_header_bar_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header_bar),
                                   adw_window_title_new (_ ("Safety"), NULL));
  gtk_box_append (GTK_BOX (box), header_bar);
  gtk_box_append (GTK_BOX (box), unknot_safety_view_new ());
  adw_window_set_content (ADW_WINDOW (window), box);

  gtk_window_set_title (GTK_WINDOW (window), _ ("Safety"));
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 720);
  gtk_window_set_modal (GTK_WINDOW (window), parent != NULL);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_hide_on_close (GTK_WINDOW (window), FALSE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);

  /* Escape closes it, as any secondary window. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (shortcuts),
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                        gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (window, shortcuts);
  }

  gtk_window_present (GTK_WINDOW (window));
}
