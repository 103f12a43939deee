/* test-body.c: the Body page: keyboard through the anatomy, a part named and explained,
 * layers peeled, pain coloured from the diary, the player's lit target
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/test-a11y-body.py checks the same parts on the real accessibility bus.
 */

#include "config.h"

#include <locale.h>

#include "unknot-anatomy.h"
#include "unknot-anatomy-hotspot.h"
#include "unknot-anatomy-view.h"
#include "unknot-application.h"
#include "unknot-test-ui.h"
#include "unknot-body-page.h"
#include "unknot-fake-clock.h"
#include "unknot-pain-diary.h"
#include "unknot-player-page.h"
#include "unknot-session.h"
#include "unknot-window.h"

static UnknotApplication *application;

static gboolean
tick_cb (GtkWidget *widget, GdkFrameClock *frame_clock, gpointer user_data)
{
  (*(int *) user_data)++;
  return G_SOURCE_CONTINUE;
}

/* Lets GTK lay the window out: a widget made visible has no size until a frame passes. */
static void
wait_for_layout (GtkWidget *widget)
{
  int ticks = 0;
  guint id = gtk_widget_add_tick_callback (widget, tick_cb, &ticks, NULL);

  while (ticks < 2)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (widget, id);
  unknot_test_ui_iterate ();
}

static GtkWidget *
find_one (GtkWidget *root, GType type)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  unknot_test_ui_collect (root, type, found);
  g_assert_cmpuint (found->len, >=, 1);
  return g_ptr_array_index (found, 0);
}

static gboolean
shows_label (GtkWidget *root, const char *text)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  unknot_test_ui_collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0 &&
        gtk_widget_is_drawable (g_ptr_array_index (labels, i)))
      return TRUE;
  return FALSE;
}

typedef struct
{
  UnknotWindow *window;
  UnknotBodyPage *page;
  UnknotAnatomyView *view;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  GSettings *settings = unknot_application_get_settings (application);

  g_settings_set_boolean (settings, "safety-acknowledged", TRUE);
  g_settings_set_boolean (settings, "first-run-done", TRUE);
  g_settings_reset (settings, "pain-log");
  fixture->window = unknot_window_new (application);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
  /* The Body page is built when its tab is first chosen. */
  {
    g_autoptr (GPtrArray) found = g_ptr_array_new ();

    unknot_test_ui_collect (GTK_WIDGET (fixture->window), UNKNOT_TYPE_BODY_PAGE, found);
    g_assert_cmpuint (found->len, ==, 0);
  }
  adw_view_stack_set_visible_child_name (
    ADW_VIEW_STACK (find_one (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK)), "body");
  fixture->page = UNKNOT_BODY_PAGE (find_one (GTK_WIDGET (fixture->window), UNKNOT_TYPE_BODY_PAGE));
  fixture->view = unknot_body_page_get_view (fixture->page);
  wait_for_layout (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->view)));
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  unknot_test_ui_iterate ();
}

/* The part whose hotspot has the window's focus, or NULL. */
static const UnknotAnatomyPart *
focused_part (Fixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  if (!UNKNOT_IS_ANATOMY_HOTSPOT (focus))
    return NULL;
  return unknot_anatomy_get_part (
    unknot_anatomy_hotspot_get_part_index (UNKNOT_ANATOMY_HOTSPOT (focus)));
}

static GtkWidget *
hotspot (Fixture *fixture, const char *id)
{
  g_autoptr (GPtrArray) hotspots = g_ptr_array_new ();

  unknot_test_ui_collect (GTK_WIDGET (fixture->view), UNKNOT_TYPE_ANATOMY_HOTSPOT, hotspots);
  for (guint i = 0; i < hotspots->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (hotspots, i)), id) == 0)
      return g_ptr_array_index (hotspots, i);
  return NULL;
}

/* Tab into the picture, an arrow to a neighbour, Enter: the part is selected, pressed for
 * a screen reader, and explained beside the picture. */
static void
test_keyboard_select (Fixture *fixture, gconstpointer data)
{
  GtkWidget *layers_last = NULL;
  const UnknotAnatomyPart *first, *second;
  GtkWidget *focus;
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
  graphene_rect_t first_bounds, second_bounds;

  /* From the last layer button, Tab enters the picture at its first part. */
  unknot_test_ui_collect (GTK_WIDGET (fixture->page), GTK_TYPE_TOGGLE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, ==, UNKNOT_ANATOMY_N_DEPTHS);
  layers_last = g_ptr_array_index (buttons, buttons->len - 1);
  g_assert_true (gtk_widget_grab_focus (layers_last));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  first = focused_part (fixture);
  g_assert_nonnull (first);
  g_assert_cmpstr (first->id, ==, "gluteus-maximus-left");

  /* Tab again: the next part. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  g_assert_cmpstr (focused_part (fixture)->id, ==, "gluteus-maximus-right");
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_BACKWARD));
  g_assert_true (focused_part (fixture) == first);

  /* Right: a part to the right of the left maximus. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_RIGHT));
  second = focused_part (fixture);
  g_assert_nonnull (second);
  g_assert_true (second != first);
  g_assert_true (gtk_widget_compute_bounds (hotspot (fixture, first->id),
                                            GTK_WIDGET (fixture->view), &first_bounds));
  g_assert_true (gtk_widget_compute_bounds (hotspot (fixture, second->id),
                                            GTK_WIDGET (fixture->view), &second_bounds));
  g_assert_cmpfloat (second_bounds.origin.x + second_bounds.size.width / 2, >,
                     first_bounds.origin.x + first_bounds.size.width / 2);

  /* Enter selects it. */
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (gtk_widget_activate (focus));
  unknot_test_ui_iterate ();
  g_assert_cmpstr (unknot_anatomy_view_get_selected (fixture->view), ==, second->id);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       unknot_anatomy_part_get_name (second));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_STATE_PRESSED,
                                    GTK_ACCESSIBLE_TRISTATE_TRUE);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (hotspot (fixture, first->id)),
                                    GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_FALSE);
  g_assert_true (shows_label (GTK_WIDGET (fixture->page), unknot_anatomy_part_get_name (second)));
  g_assert_true (
    shows_label (GTK_WIDGET (fixture->page), unknot_anatomy_part_get_description (second)));
}

/* Every part shown has a named hotspot over it; peeling changes which. */
static void
test_parts_named (Fixture *fixture, gconstpointer data)
{
  for (UnknotAnatomyDepth depth = 0; depth < UNKNOT_ANATOMY_N_DEPTHS; depth++)
    {
      guint n_shown = 0;

      unknot_anatomy_view_set_depth (fixture->view, depth);
      wait_for_layout (GTK_WIDGET (fixture->view));
      for (guint i = 0; i < unknot_anatomy_get_n_parts (); i++)
        {
          const UnknotAnatomyPart *part = unknot_anatomy_get_part (i);
          GtkWidget *widget = hotspot (fixture, part->id);

          g_assert_nonnull (widget);
          if (!gtk_widget_get_visible (widget))
            {
              g_assert_true (depth != UNKNOT_ANATOMY_DEPTH_SKIN ||
                             part->kind != UNKNOT_ANATOMY_KIND_AREA);
              continue;
            }
          n_shown++;
          g_assert_true (unknot_anatomy_part_is_interactive (part, depth));
          g_assert_cmpint (gtk_widget_get_width (widget), >, 0);
          gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget),
                                               GTK_ACCESSIBLE_PROPERTY_LABEL,
                                               unknot_anatomy_part_get_name (part));
        }
      g_test_message ("%s: %u parts", unknot_anatomy_depth_get_id (depth), n_shown);
      g_assert_cmpuint (n_shown, >=, 9);
    }

  unknot_anatomy_view_set_depth (fixture->view, UNKNOT_ANATOMY_DEPTH_SUPERFICIAL);
  unknot_test_ui_iterate ();
  g_assert_false (gtk_widget_get_visible (hotspot (fixture, "piriformis-left")));
  g_assert_true (gtk_widget_get_visible (hotspot (fixture, "gluteus-maximus-left")));
  unknot_anatomy_view_set_depth (fixture->view, UNKNOT_ANATOMY_DEPTH_DEEP);
  unknot_test_ui_iterate ();
  g_assert_true (gtk_widget_get_visible (hotspot (fixture, "piriformis-left")));
  g_assert_false (gtk_widget_get_visible (hotspot (fixture, "gluteus-maximus-left")));
}

/* The layer buttons peel the picture; the page's action and the view agree. */
static void
test_layer_buttons (Fixture *fixture, gconstpointer data)
{
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (fixture->page), "body.depth", "s", "bone"));
  unknot_test_ui_iterate ();
  g_assert_cmpint (unknot_anatomy_view_get_depth (fixture->view), ==, UNKNOT_ANATOMY_DEPTH_BONE);
  g_assert_true (gtk_widget_get_visible (hotspot (fixture, "sacrum")));
  g_assert_false (gtk_widget_get_visible (hotspot (fixture, "sciatic-nerve-left")));
}

/* The row of the routine named @name, which opens its page. */
static GtkWidget *
routine_row_for (Fixture *fixture, const char *name)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  unknot_test_ui_collect (GTK_WIDGET (fixture->page), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (rows, i)),
                   "win.show-routine") == 0 &&
        g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), name) == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

/* A part's page: why it can hurt, the routines that work on it (a row opens the routine),
 * and a check-in for where it is felt. */
static void
test_details_and_routines (Fixture *fixture, gconstpointer data)
{
  GSettings *settings = unknot_application_get_settings (application);
  const UnknotAnatomyPart *piriformis = unknot_anatomy_lookup ("piriformis-right");
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr (GVariant) target = NULL;
  GtkWidget *routine_row = NULL;
  GtkWidget *check_in = NULL;

  unknot_anatomy_view_set_depth (fixture->view, UNKNOT_ANATOMY_DEPTH_DEEP);
  unknot_anatomy_view_set_selected (fixture->view, "piriformis-right");
  unknot_test_ui_iterate ();
  g_assert_true (shows_label (GTK_WIDGET (fixture->page), "Why It Can Hurt"));
  g_assert_true (
    shows_label (GTK_WIDGET (fixture->page), unknot_anatomy_part_get_leg (piriformis)));
  g_assert_true (shows_label (GTK_WIDGET (fixture->page), "Piriformis ball release"));

  g_assert_nonnull (routine_row_for (fixture, "Piriformis ball release"));

  unknot_test_ui_collect (GTK_WIDGET (fixture->page), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)),
                   "win.check-in") == 0)
      check_in = g_ptr_array_index (buttons, i);
  g_assert_nonnull (check_in);
  g_assert_true (gtk_widget_is_drawable (check_in));
  target = g_variant_ref (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (check_in)));
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "buttock-right");

  /* A bone: no routine works on it. */
  unknot_anatomy_view_set_depth (fixture->view, UNKNOT_ANATOMY_DEPTH_BONE);
  unknot_anatomy_view_set_selected (fixture->view, "greater-trochanter-left");
  unknot_test_ui_iterate ();
  g_assert_true (shows_label (GTK_WIDGET (fixture->page), "No routine works on bone"));

  /* The row opens its routine's page. */
  unknot_anatomy_view_set_selected (fixture->view, "piriformis-right");
  unknot_test_ui_iterate ();
  routine_row = routine_row_for (fixture, "Piriformis ball release");
  g_assert_true (gtk_widget_activate (routine_row));
  unknot_test_ui_iterate ();
  unknot_test_ui_assert_setting (settings, "last-routine", "piriformis-ball");
  g_assert_true (shows_label (GTK_WIDGET (fixture->window), "What You Need"));
}

/* The diary's latest scores colour the areas, each with its number; old ones do not. */
static void
test_pain_from_diary (Fixture *fixture, gconstpointer data)
{
  UnknotPainDiary *diary = unknot_application_get_diary (application);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (unknot_anatomy_view_get_pain (fixture->view, "knee-left"), ==, -1);
  g_assert_true (unknot_pain_diary_append (diary, now - 60, UNKNOT_AREA_KNEE_LEFT, 4, "",
                                           UNKNOT_PHASE_CHECK_IN, "", &error));
  g_assert_no_error (error);
  g_assert_true (unknot_pain_diary_append (diary, now - 40 * 24 * 3600, UNKNOT_AREA_LOW_BACK, 7, "",
                                           UNKNOT_PHASE_CHECK_IN, "", &error));
  g_assert_no_error (error);
  unknot_test_ui_iterate ();
  g_assert_cmpint (unknot_anatomy_view_get_pain (fixture->view, "knee-left"), ==, 4);
  g_assert_cmpint (unknot_anatomy_view_get_pain (fixture->view, "low-back"), ==, -1);

  /* Said to a screen reader too, not only coloured. */
  unknot_anatomy_view_set_depth (fixture->view, UNKNOT_ANATOMY_DEPTH_SKIN);
  unknot_test_ui_iterate ();
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (hotspot (fixture, "area-knee-left")),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Pain 4 of 10");
}

static void
details_and_view_bounds (Fixture *fixture, graphene_rect_t *view, graphene_rect_t *details)
{
  g_autoptr (GPtrArray) scrollers = g_ptr_array_new ();

  unknot_test_ui_collect (GTK_WIDGET (fixture->page), GTK_TYPE_SCROLLED_WINDOW, scrollers);
  g_assert_true (
    gtk_widget_compute_bounds (GTK_WIDGET (fixture->view), GTK_WIDGET (fixture->page), view));
  g_assert_true (gtk_widget_compute_bounds (g_ptr_array_index (scrollers, scrollers->len - 1),
                                            GTK_WIDGET (fixture->page), details));
}

/* Wide, the details stand beside the picture, which fills the height. */
static void
test_wide (Fixture *fixture, gconstpointer data)
{
  graphene_rect_t view, details;

  details_and_view_bounds (fixture, &view, &details);
  g_assert_cmpfloat (details.origin.x, >=, view.origin.x + view.size.width);
  g_assert_cmpfloat (view.size.height, >, 500);
}

/* Narrow (a phone), they go below it, and the picture is as wide as the page.  The page
 * alone in a phone-sized window: the main window's switcher bar is not what is tested. */
static void
test_narrow (void)
{
  GtkWidget *window = gtk_window_new ();
  UnknotBodyPage *page = g_object_new (UNKNOT_TYPE_BODY_PAGE, NULL);
  Fixture fixture = { NULL, page, unknot_body_page_get_view (page) };
  graphene_rect_t view, details;

  unknot_body_page_setup (page, unknot_application_get_library (application), NULL);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_layout (window);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (page)), <=, 600);
  details_and_view_bounds (&fixture, &view, &details);
  g_assert_cmpfloat (details.origin.y, >=, view.origin.y + view.size.height);
  g_assert_cmpfloat (view.size.width, >, 300);
  g_assert_cmpfloat (view.size.height, >, 300);

  /* Nothing in it is wider than a phone. */
  g_assert_cmpint (gtk_widget_get_width (window), <=, 360);
  gtk_window_destroy (GTK_WINDOW (window));
  unknot_test_ui_iterate ();
}

/* The player lights the step's muscle on the side being worked, peeled down to it. */
static void
test_player_target (Fixture *fixture, gconstpointer data)
{
  g_autoptr (UnknotClock) clock = unknot_fake_clock_new (1000 * G_USEC_PER_SEC);
  GtkWidget *player;
  UnknotAnatomyView *small;
  UnknotSession *session;
  g_autoptr (GPtrArray) views = g_ptr_array_new ();

  g_settings_set_boolean (unknot_application_get_settings (application), "ask-pain-before", FALSE);
  unknot_application_set_clock (application, clock);
  g_assert_true (unknot_window_start_routine (fixture->window, "piriformis-ball"));
  unknot_test_ui_iterate ();
  player = find_one (GTK_WIDGET (fixture->window), UNKNOT_TYPE_PLAYER_PAGE);
  unknot_test_ui_collect (player, UNKNOT_TYPE_ANATOMY_VIEW, views);
  g_assert_cmpuint (views->len, ==, 1);
  small = g_ptr_array_index (views, 0);
  session = unknot_player_page_get_session (UNKNOT_PLAYER_PAGE (player));

  /* Step 1, the gluteus maximus, left: on top, nothing peeled. */
  g_assert_cmpint (unknot_anatomy_view_get_depth (small), ==, UNKNOT_ANATOMY_DEPTH_SUPERFICIAL);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (small), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "The hips, seen from behind. Lit: Left gluteus maximus");

  /* Skip to the right side, then to step 2, the piriformis: deep. */
  while (unknot_session_get_side (session) != UNKNOT_SIDE_RIGHT)
    {
      g_assert_true (gtk_widget_activate_action (player, "player.skip", NULL));
      unknot_test_ui_iterate ();
    }
  g_assert_cmpint (unknot_session_get_step_index (session), ==, 0);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (small), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "The hips, seen from behind. Lit: Right gluteus maximus");
  while (unknot_session_get_step_index (session) < 1)
    {
      g_assert_true (gtk_widget_activate_action (player, "player.skip", NULL));
      unknot_test_ui_iterate ();
    }
  g_assert_cmpint (unknot_anatomy_view_get_depth (small), ==, UNKNOT_ANATOMY_DEPTH_DEEP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (small), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "The hips, seen from behind. Lit: Left piriformis");
  /* A picture, not a set of buttons. */
  g_assert_null (gtk_widget_get_first_child (GTK_WIDGET (small)));
  g_assert_false (unknot_anatomy_view_get_interactive (small));

  unknot_session_stop (session);
  unknot_test_ui_iterate ();
}

int
main (int argc, char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  status = unknot_test_ui_init (&argc, &argv);
  if (status >= 0)
    return status;
  application = unknot_test_ui_register_application ();

  g_test_add ("/body/keyboard-select", Fixture, NULL, fixture_set_up, test_keyboard_select,
              fixture_tear_down);
  g_test_add ("/body/parts-named", Fixture, NULL, fixture_set_up, test_parts_named,
              fixture_tear_down);
  g_test_add ("/body/layer-buttons", Fixture, NULL, fixture_set_up, test_layer_buttons,
              fixture_tear_down);
  g_test_add ("/body/details-and-routines", Fixture, NULL, fixture_set_up,
              test_details_and_routines, fixture_tear_down);
  g_test_add ("/body/pain-from-diary", Fixture, NULL, fixture_set_up, test_pain_from_diary,
              fixture_tear_down);
  g_test_add ("/body/wide", Fixture, NULL, fixture_set_up, test_wide, fixture_tear_down);
  g_test_add_func ("/body/narrow", test_narrow);
  g_test_add ("/body/player-target", Fixture, NULL, fixture_set_up, test_player_target,
              fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&application);
  return status;
}
