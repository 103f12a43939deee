/* test-mpris.c: a session as an MPRIS player, driven over a private session bus
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "unknot-fake-clock.h"
#include "unknot-mpris.h"
#include "unknot-routine.h"
#include "unknot-session.h"

#define S ((gint64) G_USEC_PER_SEC)
#define START (1000 * S)
/* Only a guard against a hang: nothing here waits for time to pass. */
#define TIMEOUT_SECONDS 60

#define OBJECT_PATH "/org/mpris/MediaPlayer2"
#define ROOT_INTERFACE "org.mpris.MediaPlayer2"
#define PLAYER_INTERFACE "org.mpris.MediaPlayer2.Player"
#define APP_ID "io.github.unknot.Unknot"
#define TRACK "/io/github/unknot/Unknot/Step/"

/* A 5 s count-in, step 1 on both sides for 20 s each with an 8 s switch, a 10 s rest,
 * step 2 on the right side for 10 s. */
static const char two_steps[] =
  "[Routine]\nFormat=1\nId=two-steps\nName=Two steps\nSummary=Test.\nHelps=recovery;\n"
  "[Step 1]\nName=Gluteus maximus\nTarget=gluteus-maximus\nTool=foam-roller\nSide=both\n"
  "Technique=roll\nDuration=20\nInstruction=Roll.\n"
  "[Step 2]\nName=Piriformis\nTarget=piriformis\nTool=massage-ball\nSide=right\n"
  "Technique=hold\nDuration=10\nInstruction=Hold.\n";

typedef struct
{
  GTestDBus *bus;
  GDBusConnection *service; /* the app's side */
  GDBusConnection *client;  /* the desktop's side */
  UnknotClock *clock;
  UnknotRoutine *routine;
  UnknotSession *session;
  UnknotMpris *mpris;

  const char *bus_name; /* where calls go */
  guint watch_id;
  char *name_owner; /* of UNKNOT_MPRIS_BUS_NAME, or NULL */
  guint properties_changed_id;
  guint seeked_id;
  GPtrArray *changes; /* of a{sv}: what each PropertiesChanged said changed */
  GArray *seeks;      /* of gint64 */
  guint n_raised;
  gboolean timed_out;
} Fixture;

static gboolean
timeout_cb (gpointer data)
{
  Fixture *f = data;

  f->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main context until @condition holds: replies and signals arrive there. */
#define WAIT_FOR(f, condition)                                                    \
  G_STMT_START                                                                    \
  {                                                                               \
    guint timeout_id_ = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, (f)); \
    (f)->timed_out = FALSE;                                                       \
    while (!(condition) && !(f)->timed_out)                                       \
      g_main_context_iteration (NULL, TRUE);                                      \
    if (!(f)->timed_out)                                                          \
      g_source_remove (timeout_id_);                                              \
    g_assert_true (condition);                                                    \
  }                                                                               \
  G_STMT_END

/* Keeps a name's owner in the char * that @data points to. */
static void
name_appeared_cb (GDBusConnection *connection, const char *name, const char *owner, gpointer data)
{
  char **store = data;

  g_free (*store);
  *store = g_strdup (owner);
}

static void
name_vanished_cb (GDBusConnection *connection, const char *name, gpointer data)
{
  char **store = data;

  g_clear_pointer (store, g_free);
}

static void
properties_changed_cb (GDBusConnection *connection,
                       const char *sender,
                       const char *path,
                       const char *interface,
                       const char *signal,
                       GVariant *parameters,
                       gpointer data)
{
  Fixture *f = data;
  const char *changed_interface;
  GVariant *changed;
  g_autofree const char **invalidated = NULL;

  g_variant_get (parameters, "(&s@a{sv}^a&s)", &changed_interface, &changed, &invalidated);
  g_assert_cmpstr (changed_interface, ==, PLAYER_INTERFACE);
  g_assert_cmpstrv (invalidated, ((const char *[]){ NULL }));
  /* Position is never signalled, as the specification asks. */
  g_assert_false (g_variant_lookup (changed, "Position", "x", NULL));
  g_ptr_array_add (f->changes, changed);
}

static void
seeked_cb (GDBusConnection *connection,
           const char *sender,
           const char *path,
           const char *interface,
           const char *signal,
           GVariant *parameters,
           gpointer data)
{
  Fixture *f = data;
  gint64 position;

  g_variant_get (parameters, "(x)", &position);
  g_array_append_val (f->seeks, position);
}

static void
raise_cb (UnknotMpris *mpris, Fixture *f)
{
  f->n_raised++;
}

static GDBusConnection *
connect_to_bus (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  GDBusConnection *connection = g_dbus_connection_new_for_address_sync (
    g_test_dbus_get_bus_address (f->bus),
    G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
    NULL, NULL, &error);

  g_assert_no_error (error);
  return connection;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (two_steps, strlen (two_steps));
  g_autoptr (GError) error = NULL;

  f->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (f->bus);
  f->service = connect_to_bus (f);
  f->client = connect_to_bus (f);

  f->clock = unknot_fake_clock_new (START);
  f->routine = unknot_routine_new_from_bytes (bytes, "test.routine", &error);
  g_assert_no_error (error);
  f->session = unknot_session_new (f->routine, f->clock, 5, 10);

  f->bus_name = UNKNOT_MPRIS_BUS_NAME;
  f->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  f->seeks = g_array_new (FALSE, FALSE, sizeof (gint64));
  f->watch_id =
    g_bus_watch_name_on_connection (f->client, UNKNOT_MPRIS_BUS_NAME, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                    name_appeared_cb, name_vanished_cb, &f->name_owner, NULL);
  f->properties_changed_id = g_dbus_connection_signal_subscribe (
    f->client, NULL, "org.freedesktop.DBus.Properties", "PropertiesChanged", OBJECT_PATH, NULL,
    G_DBUS_SIGNAL_FLAGS_NONE, properties_changed_cb, f, NULL);
  f->seeked_id =
    g_dbus_connection_signal_subscribe (f->client, NULL, PLAYER_INTERFACE, "Seeked", OBJECT_PATH,
                                        NULL, G_DBUS_SIGNAL_FLAGS_NONE, seeked_cb, f, NULL);

  f->mpris = unknot_mpris_new (f->service, APP_ID);
  g_signal_connect (f->mpris, "raise", G_CALLBACK (raise_cb), f);
  unknot_mpris_set_session (f->mpris, f->session);
  WAIT_FOR (f, f->name_owner != NULL);
  g_assert_cmpstr (f->name_owner, ==, g_dbus_connection_get_unique_name (f->service));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->mpris);
  g_dbus_connection_signal_unsubscribe (f->client, f->properties_changed_id);
  g_dbus_connection_signal_unsubscribe (f->client, f->seeked_id);
  g_bus_unwatch_name (f->watch_id);
  g_clear_pointer (&f->name_owner, g_free);
  g_clear_pointer (&f->changes, g_ptr_array_unref);
  g_clear_pointer (&f->seeks, g_array_unref);

  g_dbus_connection_close_sync (f->client, NULL, NULL);
  g_dbus_connection_close_sync (f->service, NULL, NULL);
  g_clear_object (&f->client);
  g_clear_object (&f->service);
  g_clear_object (&f->session);
  g_clear_object (&f->routine);
  g_clear_object (&f->clock);

  g_test_dbus_down (f->bus);
  g_clear_object (&f->bus);
}

static void
store_result_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  GAsyncResult **store = data;

  *store = g_object_ref (result);
}

static GVariant *
call_full (
  Fixture *f, const char *interface, const char *method, GVariant *parameters, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  g_dbus_connection_call (f->client, f->bus_name, OBJECT_PATH, interface, method, parameters, NULL,
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, store_result_cb, &result);
  WAIT_FOR (f, result != NULL);
  return g_dbus_connection_call_finish (f->client, result, error);
}

static void
call (Fixture *f, const char *method)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = call_full (f, PLAYER_INTERFACE, method, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (g_variant_get_type_string (reply), ==, "()");
}

static GVariant *
get_property (Fixture *f, const char *interface, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = call_full (f, "org.freedesktop.DBus.Properties", "Get",
                                          g_variant_new ("(ss)", interface, name), &error);
  GVariant *value;

  g_assert_no_error (error);
  g_variant_get (reply, "(v)", &value);
  return value;
}

static char *
get_string (Fixture *f, const char *name)
{
  g_autoptr (GVariant) value = get_property (f, PLAYER_INTERFACE, name);

  return g_variant_dup_string (value, NULL);
}

static gboolean
get_boolean (Fixture *f, const char *name)
{
  g_autoptr (GVariant) value = get_property (f, PLAYER_INTERFACE, name);

  return g_variant_get_boolean (value);
}

static gint64
get_position (Fixture *f)
{
  g_autoptr (GVariant) value = get_property (f, PLAYER_INTERFACE, "Position");

  return g_variant_get_int64 (value);
}

static void
assert_status (Fixture *f, const char *expected)
{
  g_autofree char *status = get_string (f, "PlaybackStatus");

  g_assert_cmpstr (status, ==, expected);
}

/* Checks Metadata as a client reads it, with the title, the track id and the length. */
static void
assert_metadata_in (GVariant *metadata, const char *title, const char *track_id, gint64 length)
{
  const char *string = NULL;
  gint64 value = 0;
  g_autofree const char **artists = NULL;

  g_assert_true (g_variant_lookup (metadata, "xesam:title", "&s", &string));
  g_assert_cmpstr (string, ==, title);
  g_assert_true (g_variant_lookup (metadata, "mpris:trackid", "&o", &string));
  g_assert_cmpstr (string, ==, track_id);
  g_assert_true (g_variant_lookup (metadata, "mpris:length", "x", &value));
  g_assert_cmpint (value, ==, length);
  g_assert_true (g_variant_lookup (metadata, "xesam:album", "&s", &string));
  g_assert_cmpstr (string, ==, "Two steps");
  g_assert_true (g_variant_lookup (metadata, "xesam:artist", "^a&s", &artists));
  g_assert_cmpstrv (artists, ((const char *[]){ "Unknot", NULL }));
}

static void
assert_metadata (Fixture *f, const char *title, const char *track_id, gint64 length)
{
  g_autoptr (GVariant) metadata = get_property (f, PLAYER_INTERFACE, "Metadata");

  assert_metadata_in (metadata, title, track_id, length);
}

/* The last value a PropertiesChanged gave @name, or NULL. */
static GVariant *
find_change (Fixture *f, const char *name)
{
  for (guint i = f->changes->len; i-- > 0;)
    {
      GVariant *value = g_variant_lookup_value (g_ptr_array_index (f->changes, i), name, NULL);

      if (value != NULL)
        return value;
    }
  return NULL;
}

static gboolean
has_change (Fixture *f, const char *name)
{
  g_autoptr (GVariant) value = find_change (f, name);

  return value != NULL;
}

/* Whether the last PlaybackStatus signalled is @status. */
static gboolean
has_status_change (Fixture *f, const char *status)
{
  g_autoptr (GVariant) value = find_change (f, "PlaybackStatus");

  return value != NULL && g_str_equal (g_variant_get_string (value, NULL), status);
}

/* Signals come in the order they were sent: wait for the last one sent before this. */
static void
forget_signals (Fixture *f)
{
  g_ptr_array_set_size (f->changes, 0);
  g_array_set_size (f->seeks, 0);
}

static void
advance_to (Fixture *f, double seconds)
{
  unknot_fake_clock_advance_to (UNKNOT_FAKE_CLOCK (f->clock), START + (gint64) (seconds * S));
}

static void
test_identity (Fixture *f, gconstpointer data)
{
  g_autoptr (GVariant) identity = get_property (f, ROOT_INTERFACE, "Identity");
  g_autoptr (GVariant) desktop_entry = get_property (f, ROOT_INTERFACE, "DesktopEntry");
  g_autoptr (GVariant) can_quit = get_property (f, ROOT_INTERFACE, "CanQuit");
  g_autoptr (GVariant) can_raise = get_property (f, ROOT_INTERFACE, "CanRaise");
  g_autoptr (GVariant) has_track_list = get_property (f, ROOT_INTERFACE, "HasTrackList");
  g_autoptr (GVariant) schemes = get_property (f, ROOT_INTERFACE, "SupportedUriSchemes");
  g_autoptr (GVariant) mime_types = get_property (f, ROOT_INTERFACE, "SupportedMimeTypes");
  g_autoptr (GVariant) rate = get_property (f, PLAYER_INTERFACE, "Rate");
  g_autoptr (GVariant) volume = get_property (f, PLAYER_INTERFACE, "Volume");
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GVariant) all = NULL;

  g_assert_cmpstr (g_variant_get_string (identity, NULL), ==, "Unknot");
  g_assert_cmpstr (g_variant_get_string (desktop_entry, NULL), ==, APP_ID);
  g_assert_false (g_variant_get_boolean (can_quit));
  g_assert_true (g_variant_get_boolean (can_raise));
  g_assert_false (g_variant_get_boolean (has_track_list));
  g_assert_cmpstr (g_variant_get_type_string (schemes), ==, "as");
  g_assert_cmpuint (g_variant_n_children (schemes), ==, 0);
  g_assert_cmpuint (g_variant_n_children (mime_types), ==, 0);
  g_assert_cmpfloat (g_variant_get_double (rate), ==, 1.0);
  g_assert_cmpfloat (g_variant_get_double (volume), ==, 1.0);

  /* Ready: stopped, but it can be started; nothing to skip yet. */
  assert_status (f, "Stopped");
  g_assert_true (get_boolean (f, "CanPlay"));
  g_assert_true (get_boolean (f, "CanPause"));
  g_assert_false (get_boolean (f, "CanGoNext"));
  g_assert_false (get_boolean (f, "CanGoPrevious"));
  g_assert_true (get_boolean (f, "CanControl"));
  g_assert_false (get_boolean (f, "CanSeek"));
  g_assert_cmpint (get_position (f), ==, 0);
  assert_metadata (f, "Gluteus maximus — Left side", TRACK "1/Left/Ready", 5 * S);

  /* Started, the count-in is a track of its own. */
  unknot_session_start (f->session);
  assert_metadata (f, "Gluteus maximus — Left side", TRACK "1/Left/GetReady", 5 * S);

  /* GetAll, which playerctl and the desktop use, has everything, Position included. */
  reply = call_full (f, "org.freedesktop.DBus.Properties", "GetAll",
                     g_variant_new ("(s)", PLAYER_INTERFACE), &error);
  g_assert_no_error (error);
  all = g_variant_get_child_value (reply, 0);
  g_assert_true (g_variant_lookup (all, "Position", "x", NULL));
  g_assert_true (g_variant_lookup (all, "PlaybackStatus", "s", NULL));
  g_assert_true (g_variant_lookup (all, "MaximumRate", "d", NULL));
  g_assert_false (g_variant_lookup (all, "Shuffle", "b", NULL));
}

static void
test_play_pause (Fixture *f, gconstpointer data)
{
  g_autoptr (GVariant) status = NULL;

  call (f, "PlayPause");
  g_assert_cmpint (unknot_session_get_state (f->session), ==, UNKNOT_SESSION_STATE_GET_READY);
  assert_status (f, "Playing");
  WAIT_FOR (f, has_change (f, "PlaybackStatus"));
  status = find_change (f, "PlaybackStatus");
  g_assert_cmpstr (g_variant_get_string (status, NULL), ==, "Playing");
  g_assert_true (get_boolean (f, "CanGoNext"));
  g_assert_true (get_boolean (f, "CanGoPrevious"));

  call (f, "Pause");
  g_assert_cmpint (unknot_session_get_state (f->session), ==, UNKNOT_SESSION_STATE_PAUSED);
  assert_status (f, "Paused");
  call (f, "Pause");
  assert_status (f, "Paused");
  call (f, "Play");
  assert_status (f, "Playing");
  call (f, "Play");
  assert_status (f, "Playing");
  call (f, "PlayPause");
  assert_status (f, "Paused");
  call (f, "PlayPause");
  assert_status (f, "Playing");
  g_assert_cmpint (unknot_session_get_state (f->session), ==, UNKNOT_SESSION_STATE_GET_READY);

  /* The count-in runs out on the clock: the first side's track. */
  forget_signals (f);
  advance_to (f, 5);
  WAIT_FOR (f, has_change (f, "Metadata"));
  assert_metadata (f, "Gluteus maximus — Left side", TRACK "1/Left", 20 * S);
  g_assert_cmpuint (f->seeks->len, ==, 0);

  /* Time passing is no change: no signal. A round trip lets anything sent arrive. */
  forget_signals (f);
  advance_to (f, 8);
  assert_status (f, "Playing");
  g_assert_cmpuint (f->changes->len, ==, 0);
  g_assert_cmpuint (f->seeks->len, ==, 0);
  g_assert_cmpint (get_position (f), ==, 3 * S);

  /* A pause is no seek either, and the position stands still in it. */
  call (f, "Pause");
  advance_to (f, 100);
  g_assert_cmpint (get_position (f), ==, 3 * S);
  call (f, "Play");
  advance_to (f, 101.5);
  g_assert_cmpint (get_position (f), ==, 4500 * 1000);
  g_assert_cmpuint (f->seeks->len, ==, 0);
}

static void
test_next_previous (Fixture *f, gconstpointer data)
{
  g_autoptr (GVariant) metadata = NULL;

  unknot_session_start (f->session);
  advance_to (f, 8);
  assert_metadata (f, "Gluteus maximus — Left side", TRACK "1/Left", 20 * S);
  g_assert_cmpint (get_position (f), ==, 3 * S);

  forget_signals (f);
  call (f, "Next");
  g_assert_cmpint (unknot_session_get_step_index (f->session), ==, 0);
  g_assert_cmpint (unknot_session_get_side (f->session), ==, UNKNOT_SIDE_RIGHT);
  assert_metadata (f, "Gluteus maximus — Right side", TRACK "1/Right", 20 * S);
  g_assert_cmpint (get_position (f), ==, 0);
  WAIT_FOR (f, has_change (f, "Metadata") && f->seeks->len == 1);
  metadata = find_change (f, "Metadata");
  assert_metadata_in (metadata, "Gluteus maximus — Right side", TRACK "1/Right", 20 * S);
  g_assert_cmpint (g_array_index (f->seeks, gint64, 0), ==, 0);

  call (f, "Next");
  g_assert_cmpint (unknot_session_get_step_index (f->session), ==, 1);
  assert_metadata (f, "Piriformis — Right side", TRACK "2/Right", 10 * S);

  /* Near the start of a side, Previous goes to the side before. */
  call (f, "Previous");
  g_assert_cmpint (unknot_session_get_step_index (f->session), ==, 0);
  g_assert_cmpint (unknot_session_get_side (f->session), ==, UNKNOT_SIDE_RIGHT);
  assert_metadata (f, "Gluteus maximus — Right side", TRACK "1/Right", 20 * S);

  /* Well into it, Previous restarts the side: the same track, a seek to its start. */
  advance_to (f, 15);
  forget_signals (f);
  call (f, "Previous");
  g_assert_cmpint (get_position (f), ==, 0);
  WAIT_FOR (f, f->seeks->len == 1);
  g_assert_cmpint (g_array_index (f->seeks, gint64, 0), ==, 0);
  g_assert_false (has_change (f, "Metadata"));

  /* The side runs out on the clock: the rest before step 2 has step 2's title. */
  advance_to (f, 15 + 20 + 1);
  g_assert_cmpint (unknot_session_get_state (f->session), ==, UNKNOT_SESSION_STATE_REST);
  assert_metadata (f, "Piriformis — Right side", TRACK "2/Right/Rest", 10 * S);
  g_assert_cmpint (get_position (f), ==, 1 * S);

  call (f, "Stop");
  g_assert_cmpint (unknot_session_get_state (f->session), ==, UNKNOT_SESSION_STATE_STOPPED);
  assert_status (f, "Stopped");
  g_assert_false (get_boolean (f, "CanPlay"));
  g_assert_false (get_boolean (f, "CanPause"));
  g_assert_false (get_boolean (f, "CanGoNext"));
  g_assert_false (get_boolean (f, "CanGoPrevious"));

  /* Over: Next and Play do nothing; PlayPause says so, as the specification asks. */
  call (f, "Next");
  call (f, "Play");
  g_assert_cmpint (unknot_session_get_state (f->session), ==, UNKNOT_SESSION_STATE_STOPPED);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GVariant) reply = call_full (f, PLAYER_INTERFACE, "PlayPause", NULL, &error);

    g_assert_error (error, G_DBUS_ERROR, G_DBUS_ERROR_FAILED);
    g_assert_null (reply);
  }
}

/* A skip the session makes without changing step, side or state (from the count-in,
 * while paused) still reaches the bus as a new track. */
static void
test_skip_while_paused (Fixture *f, gconstpointer data)
{
  g_autoptr (GVariant) metadata = NULL;

  unknot_session_start (f->session);
  advance_to (f, 2);
  unknot_session_pause (f->session);
  WAIT_FOR (f, has_status_change (f, "Paused"));
  forget_signals (f);

  unknot_session_skip (f->session);
  WAIT_FOR (f, has_change (f, "Metadata") && f->seeks->len == 1);
  metadata = find_change (f, "Metadata");
  assert_metadata_in (metadata, "Gluteus maximus — Left side", TRACK "1/Left", 20 * S);
  g_assert_false (has_change (f, "PlaybackStatus"));
  assert_status (f, "Paused");
  g_assert_cmpint (get_position (f), ==, 0);
}

static void
test_done (Fixture *f, gconstpointer data)
{
  g_autoptr (GVariant) can_go_next = NULL;

  unknot_session_start (f->session);
  WAIT_FOR (f, has_status_change (f, "Playing"));
  forget_signals (f);
  while (unknot_fake_clock_advance_to_next (UNKNOT_FAKE_CLOCK (f->clock)))
    ;
  g_assert_cmpint (unknot_session_get_state (f->session), ==, UNKNOT_SESSION_STATE_DONE);
  WAIT_FOR (f, has_status_change (f, "Stopped"));
  can_go_next = find_change (f, "CanGoNext");
  g_assert_nonnull (can_go_next);
  g_assert_false (g_variant_get_boolean (can_go_next));
  g_assert_cmpuint (f->seeks->len, ==, 0);
  assert_metadata (f, "Piriformis — Right side", TRACK "2/Right", 10 * S);
}

static void
test_root_methods (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GVariant) volume = NULL;

  reply = call_full (f, ROOT_INTERFACE, "Raise", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_raised, ==, 1);
  g_clear_pointer (&reply, g_variant_unref);

  /* Quit does nothing: the routine stays open. */
  reply = call_full (f, ROOT_INTERFACE, "Quit", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (f->name_owner, !=, NULL);
  g_clear_pointer (&reply, g_variant_unref);

  reply =
    call_full (f, PLAYER_INTERFACE, "OpenUri", g_variant_new ("(s)", "file:///x.ogg"), &error);
  g_assert_error (error, G_DBUS_ERROR, G_DBUS_ERROR_NOT_SUPPORTED);
  g_assert_null (reply);
  g_clear_error (&error);

  /* CanSeek is false: seeking is accepted and does nothing. */
  unknot_session_start (f->session);
  advance_to (f, 7);
  reply = call_full (f, PLAYER_INTERFACE, "Seek", g_variant_new ("(x)", 5 * S), &error);
  g_assert_no_error (error);
  g_clear_pointer (&reply, g_variant_unref);
  reply = call_full (f, PLAYER_INTERFACE, "SetPosition",
                     g_variant_new ("(ox)", TRACK "1/Left", 10 * S), &error);
  g_assert_no_error (error);
  g_clear_pointer (&reply, g_variant_unref);
  g_assert_cmpint (get_position (f), ==, 2 * S);

  /* Volume is writable, kept in 0–1, and signalled. */
  forget_signals (f);
  reply = call_full (
    f, "org.freedesktop.DBus.Properties", "Set",
    g_variant_new ("(ssv)", PLAYER_INTERFACE, "Volume", g_variant_new_double (0.25)), &error);
  g_assert_no_error (error);
  g_clear_pointer (&reply, g_variant_unref);
  g_assert_cmpfloat (unknot_mpris_get_volume (f->mpris), ==, 0.25);
  WAIT_FOR (f, has_change (f, "Volume"));
  volume = find_change (f, "Volume");
  g_assert_cmpfloat (g_variant_get_double (volume), ==, 0.25);
  reply = call_full (f, "org.freedesktop.DBus.Properties", "Set",
                     g_variant_new ("(ssv)", PLAYER_INTERFACE, "Volume", g_variant_new_double (-3)),
                     &error);
  g_assert_no_error (error);
  g_clear_pointer (&reply, g_variant_unref);
  g_assert_cmpfloat (unknot_mpris_get_volume (f->mpris), ==, 0.0);

  /* Rate cannot change: a write is ignored. */
  reply = call_full (f, "org.freedesktop.DBus.Properties", "Set",
                     g_variant_new ("(ssv)", PLAYER_INTERFACE, "Rate", g_variant_new_double (2.0)),
                     &error);
  g_assert_no_error (error);
  g_clear_pointer (&reply, g_variant_unref);
  g_clear_pointer (&volume, g_variant_unref);
  volume = get_property (f, PLAYER_INTERFACE, "Rate");
  g_assert_cmpfloat (g_variant_get_double (volume), ==, 1.0);
}

static void
test_unset_session (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = NULL;

  unknot_mpris_set_session (f->mpris, NULL);
  WAIT_FOR (f, f->name_owner == NULL);

  /* The object is gone from the app's connection too. */
  f->bus_name = g_dbus_connection_get_unique_name (f->service);
  reply = call_full (f, "org.freedesktop.DBus.Properties", "Get",
                     g_variant_new ("(ss)", ROOT_INTERFACE, "Identity"), &error);
  g_assert_nonnull (error);
  g_assert_null (reply);
  f->bus_name = UNKNOT_MPRIS_BUS_NAME;

  /* The next routine comes back under the same name. */
  unknot_mpris_set_session (f->mpris, f->session);
  WAIT_FOR (f, f->name_owner != NULL);
  assert_status (f, "Stopped");
}

/* A second Unknot on the bus owns the name with an instance suffix, as MPRIS allows. */
static void
test_second_instance (Fixture *f, gconstpointer data)
{
  g_autoptr (GDBusConnection) other = connect_to_bus (f);
  g_autoptr (UnknotMpris) other_mpris = unknot_mpris_new (other, APP_ID);
  g_autofree char *instance_name =
    g_strdup_printf (UNKNOT_MPRIS_BUS_NAME ".instance%d", (int) getpid ());
  g_autofree char *instance_owner = NULL;
  guint watch_id;

  watch_id =
    g_bus_watch_name_on_connection (f->client, instance_name, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                    name_appeared_cb, name_vanished_cb, &instance_owner, NULL);

  unknot_mpris_set_session (other_mpris, f->session);
  WAIT_FOR (f, instance_owner != NULL);
  g_assert_cmpstr (instance_owner, ==, g_dbus_connection_get_unique_name (other));
  g_assert_cmpstr (f->name_owner, ==, g_dbus_connection_get_unique_name (f->service));

  f->bus_name = instance_name;
  assert_status (f, "Stopped");
  f->bus_name = UNKNOT_MPRIS_BUS_NAME;

  /* Closing that routine gives the instance name back; the first keeps its own. */
  unknot_mpris_set_session (other_mpris, NULL);
  WAIT_FOR (f, instance_owner == NULL);
  g_assert_cmpstr (f->name_owner, ==, g_dbus_connection_get_unique_name (f->service));

  g_bus_unwatch_name (watch_id);
  g_clear_object (&other_mpris);
  g_dbus_connection_close_sync (other, NULL, NULL);
}

/* The real client: playerctl, against the test bus. */
static void
communicate_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  GAsyncResult **store = data;

  *store = g_object_ref (result);
}

static char *
playerctl (Fixture *f, const char *command, const char *argument)
{
  g_autoptr (GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "playerctl", "--player=Unknot", command, argument, NULL };

  /* Its own warnings are not ours to make fatal; and no system bus to find players on. */
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  g_subprocess_launcher_setenv (launcher, "DBUS_SYSTEM_BUS_ADDRESS",
                                "unix:path=/nonexistent/unknot-test-system-bus", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicate_cb, &result);
  WAIT_FOR (f, result != NULL);
  g_subprocess_communicate_utf8_finish (process, result, &out, &err, &error);
  g_assert_no_error (error);

  g_assert_true (g_subprocess_get_if_exited (process));
  if (g_subprocess_get_exit_status (process) != 0)
    g_test_message ("playerctl %s: %s", command, err);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  return g_strchomp (g_steal_pointer (&out));
}

static void
test_playerctl (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_find_program_in_path ("playerctl");
  char *out;

  if (path == NULL)
    {
      g_test_skip ("playerctl is not installed");
      return;
    }

  /* GTestDBus points children at the test bus. */
  g_assert_cmpstr (g_getenv ("DBUS_SESSION_BUS_ADDRESS"), ==, g_test_dbus_get_bus_address (f->bus));

  out = playerctl (f, "status", NULL);
  g_assert_cmpstr (out, ==, "Stopped");
  g_free (out);

  g_free (playerctl (f, "play-pause", NULL));
  g_assert_cmpint (unknot_session_get_state (f->session), ==, UNKNOT_SESSION_STATE_GET_READY);
  out = playerctl (f, "status", NULL);
  g_assert_cmpstr (out, ==, "Playing");
  g_free (out);

  out = playerctl (f, "metadata", "xesam:title");
  g_assert_cmpstr (out, ==, "Gluteus maximus — Left side");
  g_free (out);
  out = playerctl (f, "metadata", "xesam:album");
  g_assert_cmpstr (out, ==, "Two steps");
  g_free (out);

  /* playerctl adds the real time since it read Position while playing: read it paused. */
  advance_to (f, 8);
  unknot_session_pause (f->session);
  out = playerctl (f, "position", NULL);
  g_assert_cmpstr (out, ==, "3.000000");
  g_free (out);
  unknot_session_resume (f->session);

  g_free (playerctl (f, "next", NULL));
  g_assert_cmpint (unknot_session_get_side (f->session), ==, UNKNOT_SIDE_RIGHT);
  out = playerctl (f, "metadata", "xesam:title");
  g_assert_cmpstr (out, ==, "Gluteus maximus — Right side");
  g_free (out);

  g_free (playerctl (f, "next", NULL));
  g_assert_cmpint (unknot_session_get_step_index (f->session), ==, 1);
  g_free (playerctl (f, "previous", NULL));
  g_assert_cmpint (unknot_session_get_step_index (f->session), ==, 0);
  g_assert_cmpint (unknot_session_get_side (f->session), ==, UNKNOT_SIDE_RIGHT);

  g_free (playerctl (f, "play-pause", NULL));
  g_assert_cmpint (unknot_session_get_state (f->session), ==, UNKNOT_SESSION_STATE_PAUSED);
  out = playerctl (f, "status", NULL);
  g_assert_cmpstr (out, ==, "Paused");
  g_free (out);

  g_free (playerctl (f, "stop", NULL));
  g_assert_cmpint (unknot_session_get_state (f->session), ==, UNKNOT_SESSION_STATE_STOPPED);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/mpris/identity", test_identity);
  ADD ("/mpris/play-pause", test_play_pause);
  ADD ("/mpris/next-previous", test_next_previous);
  ADD ("/mpris/skip-while-paused", test_skip_while_paused);
  ADD ("/mpris/done", test_done);
  ADD ("/mpris/root-methods", test_root_methods);
  ADD ("/mpris/unset-session", test_unset_session);
  ADD ("/mpris/second-instance", test_second_instance);
  ADD ("/mpris/playerctl", test_playerctl);
#undef ADD

  return g_test_run ();
}
