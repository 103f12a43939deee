/* unknot-mpris.c: a running routine as an MPRIS media player on the session bus
 *
 * While a session is set, /org/mpris/MediaPlayer2 is exported and the bus name is owned,
 * so headset buttons, media keys and the desktop's media controls pause, resume, skip and
 * go back.  Each segment of the session's timeline is a "track": a side of a step, or the
 * count-in, switch or rest before one (those carry the upcoming step's title and their own
 * track id, so a client's position resets where the countdown does).
 *
 * Every property that can change is computed from the session and compared with what the
 * bus was last told, so PropertiesChanged carries only real changes.  Position is read on
 * demand and never signalled, as the specification asks; Seeked tells of jumps.
 *
 * Volume: MPRIS requires it to be writable while CanControl is true.  It is the
 * #UnknotMpris:volume property, clamped to 0–1, which the app may bind to its sound.
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <unistd.h>

#include "unknot-mpris.h"
#include "unknot-routine.h"
#include "unknot-session.h"
#include "unknot-vocabulary.h"

#define OBJECT_PATH "/org/mpris/MediaPlayer2"
#define ROOT_INTERFACE "org.mpris.MediaPlayer2"
#define PLAYER_INTERFACE "org.mpris.MediaPlayer2.Player"
#define PROPERTIES_INTERFACE "org.freedesktop.DBus.Properties"
#define TRACK_ID_PREFIX "/io/github/unknot/Unknot/Step/"

/* MPRIS 2.2, without the optional TrackList, Playlists, Fullscreen, Shuffle and
 * LoopStatus. */
static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.mpris.MediaPlayer2'>"
  "    <method name='Raise'/>"
  "    <method name='Quit'/>"
  "    <property name='CanQuit' type='b' access='read'/>"
  "    <property name='CanRaise' type='b' access='read'/>"
  "    <property name='HasTrackList' type='b' access='read'/>"
  "    <property name='Identity' type='s' access='read'/>"
  "    <property name='DesktopEntry' type='s' access='read'/>"
  "    <property name='SupportedUriSchemes' type='as' access='read'/>"
  "    <property name='SupportedMimeTypes' type='as' access='read'/>"
  "  </interface>"
  "  <interface name='org.mpris.MediaPlayer2.Player'>"
  "    <method name='Next'/>"
  "    <method name='Previous'/>"
  "    <method name='Pause'/>"
  "    <method name='PlayPause'/>"
  "    <method name='Stop'/>"
  "    <method name='Play'/>"
  "    <method name='Seek'>"
  "      <arg name='Offset' type='x' direction='in'/>"
  "    </method>"
  "    <method name='SetPosition'>"
  "      <arg name='TrackId' type='o' direction='in'/>"
  "      <arg name='Position' type='x' direction='in'/>"
  "    </method>"
  "    <method name='OpenUri'>"
  "      <arg name='Uri' type='s' direction='in'/>"
  "    </method>"
  "    <signal name='Seeked'>"
  "      <arg name='Position' type='x'/>"
  "    </signal>"
  "    <property name='PlaybackStatus' type='s' access='read'/>"
  "    <property name='Rate' type='d' access='readwrite'/>"
  "    <property name='Metadata' type='a{sv}' access='read'/>"
  "    <property name='Volume' type='d' access='readwrite'/>"
  "    <property name='Position' type='x' access='read'>"
  "      <annotation name='org.freedesktop.DBus.Property.EmitsChangedSignal' value='false'/>"
  "    </property>"
  "    <property name='MinimumRate' type='d' access='read'/>"
  "    <property name='MaximumRate' type='d' access='read'/>"
  "    <property name='CanGoNext' type='b' access='read'/>"
  "    <property name='CanGoPrevious' type='b' access='read'/>"
  "    <property name='CanPlay' type='b' access='read'/>"
  "    <property name='CanPause' type='b' access='read'/>"
  "    <property name='CanSeek' type='b' access='read'/>"
  "    <property name='CanControl' type='b' access='read'>"
  "      <annotation name='org.freedesktop.DBus.Property.EmitsChangedSignal' value='false'/>"
  "    </property>"
  "  </interface>"
  "</node>";

/* The Player properties that change, in the order PropertiesChanged lists them. */
typedef enum
{
  TRACKED_PLAYBACK_STATUS,
  TRACKED_METADATA,
  TRACKED_CAN_PLAY,
  TRACKED_CAN_PAUSE,
  TRACKED_CAN_GO_NEXT,
  TRACKED_CAN_GO_PREVIOUS,
  TRACKED_VOLUME,
  N_TRACKED
} Tracked;

static const char *tracked_names[] = {
  [TRACKED_PLAYBACK_STATUS] = "PlaybackStatus",
  [TRACKED_METADATA] = "Metadata",
  [TRACKED_CAN_PLAY] = "CanPlay",
  [TRACKED_CAN_PAUSE] = "CanPause",
  [TRACKED_CAN_GO_NEXT] = "CanGoNext",
  [TRACKED_CAN_GO_PREVIOUS] = "CanGoPrevious",
  [TRACKED_VOLUME] = "Volume",
};
G_STATIC_ASSERT (G_N_ELEMENTS (tracked_names) == N_TRACKED);

struct _UnknotMpris
{
  GObject parent_instance;

  GDBusConnection *connection;
  char *desktop_entry;
  double volume;

  UnknotSession *session;
  gulong state_handler;
  gulong step_index_handler;
  gulong side_handler;
  gulong seconds_left_handler;

  guint root_registration_id; /* non-zero while exported */
  guint player_registration_id;
  guint owner_id;
  guint instance_name_idle_id;
  gboolean name_acquired;

  GVariant *published[N_TRACKED]; /* what the bus was last told */

  /* To notice the position jumping: while running, the session's origin stays put;
   * while paused, its position does.  Anything else is a seek. */
  UnknotSessionState last_state;
  gint64 last_origin;
  gint64 last_position;
};

G_DEFINE_FINAL_TYPE (UnknotMpris, unknot_mpris, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CONNECTION,
  PROP_DESKTOP_ENTRY,
  PROP_SESSION,
  PROP_VOLUME,
  N_PROPS
};

enum
{
  RAISE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static GDBusNodeInfo *introspection;

static gboolean
is_playing (UnknotSessionState state)
{
  switch (state)
    {
    case UNKNOT_SESSION_STATE_GET_READY:
    case UNKNOT_SESSION_STATE_STEP:
    case UNKNOT_SESSION_STATE_SWITCH_SIDE:
    case UNKNOT_SESSION_STATE_REST:
      return TRUE;
    case UNKNOT_SESSION_STATE_READY:
    case UNKNOT_SESSION_STATE_PAUSED:
    case UNKNOT_SESSION_STATE_DONE:
    case UNKNOT_SESSION_STATE_STOPPED:
    default:
      return FALSE;
    }
}

/* Running or paused: there is a place in the routine to move from. */
static gboolean
can_move (UnknotSession *session)
{
  UnknotSessionState state = unknot_session_get_state (session);

  return is_playing (state) || state == UNKNOT_SESSION_STATE_PAUSED;
}

/* Not over yet: it can be started, resumed or paused. */
static gboolean
can_play (UnknotSession *session)
{
  return can_move (session) || unknot_session_get_state (session) == UNKNOT_SESSION_STATE_READY;
}

static const char *
get_playback_status (UnknotSession *session)
{
  UnknotSessionState state = unknot_session_get_state (session);

  if (is_playing (state))
    return "Playing";
  if (state == UNKNOT_SESSION_STATE_PAUSED)
    return "Paused";
  return "Stopped";
}

static char *
build_track_id (UnknotSession *session)
{
  const char *gap;

  switch (unknot_session_get_phase (session))
    {
    case UNKNOT_SESSION_STATE_GET_READY:
      gap = "/GetReady";
      break;
    case UNKNOT_SESSION_STATE_SWITCH_SIDE:
      gap = "/SwitchSide";
      break;
    case UNKNOT_SESSION_STATE_REST:
      gap = "/Rest";
      break;
    case UNKNOT_SESSION_STATE_READY:
      /* Not started: the session does not tell whether a count-in comes first. */
      gap = "/Ready";
      break;
    case UNKNOT_SESSION_STATE_STEP:
    case UNKNOT_SESSION_STATE_PAUSED:
    case UNKNOT_SESSION_STATE_DONE:
    case UNKNOT_SESSION_STATE_STOPPED:
    default:
      gap = "";
      break;
    }

  /* Numbered from 1, as in routine files. */
  return g_strdup_printf (TRACK_ID_PREFIX "%d/%s%s", unknot_session_get_step_index (session) + 1,
                          unknot_session_get_side (session) == UNKNOT_SIDE_RIGHT ? "Right" : "Left",
                          gap);
}

static GVariant *
build_metadata (UnknotSession *session)
{
  UnknotRoutine *routine = unknot_session_get_routine (session);
  const UnknotStep *step =
    unknot_routine_get_step (routine, (guint) unknot_session_get_step_index (session));
  const char *side =
    unknot_vocabulary_get_label (UNKNOT_VOCABULARY_SIDE, unknot_session_get_side (session));
  const char *artists[] = { "Unknot" };
  g_autofree char *track_id = build_track_id (session);
  /* Translators: the title a media player shows: a step's name, then the side being
   * worked, e.g. "Piriformis — Left side". */
  g_autofree char *title = g_strdup_printf (_ ("%s — %s"), step->name, side);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "mpris:trackid", g_variant_new_object_path (track_id));
  g_variant_builder_add (&builder, "{sv}", "mpris:length",
                         g_variant_new_int64 (unknot_session_get_segment_duration (session)));
  g_variant_builder_add (&builder, "{sv}", "xesam:title", g_variant_new_string (title));
  g_variant_builder_add (&builder, "{sv}", "xesam:album",
                         g_variant_new_string (unknot_routine_get_name (routine)));
  g_variant_builder_add (&builder, "{sv}", "xesam:artist",
                         g_variant_new_strv (artists, G_N_ELEMENTS (artists)));
  return g_variant_builder_end (&builder);
}

/* Returns: (transfer full): the current value of a Player property that changes */
static GVariant *
get_tracked (UnknotMpris *self, Tracked tracked)
{
  UnknotSession *session = self->session;
  GVariant *value;

  switch (tracked)
    {
    case TRACKED_PLAYBACK_STATUS:
      value = g_variant_new_string (get_playback_status (session));
      break;
    case TRACKED_METADATA:
      value = build_metadata (session);
      break;
    case TRACKED_CAN_PLAY:
    case TRACKED_CAN_PAUSE:
      /* Both belong to the "track", not to whether it plays now; CanPause must be true
       * before the start too, or PlayPause, which starts, would be an error. */
      value = g_variant_new_boolean (can_play (session));
      break;
    case TRACKED_CAN_GO_NEXT:
    case TRACKED_CAN_GO_PREVIOUS:
      value = g_variant_new_boolean (can_move (session));
      break;
    case TRACKED_VOLUME:
      value = g_variant_new_double (self->volume);
      break;
    case N_TRACKED:
    default:
      g_assert_not_reached ();
    }
  return g_variant_ref_sink (value);
}

static void
emit_player_signal (UnknotMpris *self,
                    const char *interface_name,
                    const char *signal_name,
                    GVariant *parameters)
{
  g_autoptr (GError) error = NULL;

  if (!g_dbus_connection_emit_signal (self->connection, NULL, OBJECT_PATH, interface_name,
                                      signal_name, parameters, &error))
    g_debug ("Could not emit %s: %s", signal_name, error->message);
}

/* Tells the bus what changed since it was last told. */
static void
publish_changes (UnknotMpris *self)
{
  GVariantBuilder changed;
  gboolean any = FALSE;

  if (self->root_registration_id == 0 || self->session == NULL)
    return;

  g_variant_builder_init (&changed, G_VARIANT_TYPE_VARDICT);
  for (guint i = 0; i < N_TRACKED; i++)
    {
      g_autoptr (GVariant) value = get_tracked (self, i);

      if (self->published[i] != NULL && g_variant_equal (value, self->published[i]))
        continue;
      g_variant_builder_add (&changed, "{sv}", tracked_names[i], value);
      g_clear_pointer (&self->published[i], g_variant_unref);
      self->published[i] = g_steal_pointer (&value);
      any = TRUE;
    }

  if (!any)
    {
      g_variant_builder_clear (&changed);
      return;
    }
  emit_player_signal (self, PROPERTIES_INTERFACE, "PropertiesChanged",
                      g_variant_new ("(sa{sv}as)", PLAYER_INTERFACE, &changed, NULL));
}

static void
remember_position (UnknotMpris *self)
{
  self->last_state = unknot_session_get_state (self->session);
  self->last_origin = unknot_session_get_origin (self->session);
  self->last_position = unknot_session_get_position (self->session);
}

/* Seeked, when the position moved other than by time passing: skip, back. */
static void
publish_seek (UnknotMpris *self)
{
  UnknotSessionState state;
  gboolean jumped = FALSE;

  if (self->root_registration_id == 0 || self->session == NULL)
    return;

  state = unknot_session_get_state (self->session);
  if (is_playing (state) && is_playing (self->last_state))
    jumped = unknot_session_get_origin (self->session) != self->last_origin;
  else if (state == UNKNOT_SESSION_STATE_PAUSED && self->last_state == UNKNOT_SESSION_STATE_PAUSED)
    jumped = unknot_session_get_position (self->session) != self->last_position;
  remember_position (self);

  if (jumped)
    emit_player_signal (self, PLAYER_INTERFACE, "Seeked",
                        g_variant_new ("(x)", unknot_session_get_segment_position (self->session)));
}

static void
session_changed_cb (UnknotMpris *self)
{
  publish_changes (self);
  publish_seek (self);
}

static void
root_method_call (UnknotMpris *self, const char *method_name, GDBusMethodInvocation *invocation)
{
  if (g_str_equal (method_name, "Raise"))
    g_signal_emit (self, signals[RAISE], 0);
  /* Quit: CanQuit is false; closing is the person's choice in the window. */
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
player_method_call (UnknotMpris *self, const char *method_name, GDBusMethodInvocation *invocation)
{
  UnknotSession *session = self->session;
  UnknotSessionState state = unknot_session_get_state (session);

  if (g_str_equal (method_name, "Next"))
    unknot_session_skip (session);
  else if (g_str_equal (method_name, "Previous"))
    unknot_session_back (session);
  else if (g_str_equal (method_name, "Pause"))
    unknot_session_pause (session);
  else if (g_str_equal (method_name, "Stop"))
    unknot_session_stop (session);
  else if (g_str_equal (method_name, "Play") || g_str_equal (method_name, "PlayPause"))
    {
      if (state == UNKNOT_SESSION_STATE_READY)
        unknot_session_start (session);
      else if (state == UNKNOT_SESSION_STATE_PAUSED)
        unknot_session_resume (session);
      else if (g_str_equal (method_name, "PlayPause") && is_playing (state))
        unknot_session_pause (session);
      else if (g_str_equal (method_name, "PlayPause") && !can_play (session))
        {
          /* The specification asks for an error when PlayPause cannot pause. */
          g_dbus_method_invocation_return_error_literal (
            invocation, G_DBUS_ERROR, G_DBUS_ERROR_FAILED, _ ("The routine is over"));
          return;
        }
    }
  else if (g_str_equal (method_name, "OpenUri"))
    {
      g_dbus_method_invocation_return_error_literal (
        invocation, G_DBUS_ERROR, G_DBUS_ERROR_NOT_SUPPORTED, _ ("Unknot does not open files"));
      return;
    }
  /* Seek and SetPosition: CanSeek is false, so they do nothing. */

  /* Anything the session did not notify (a jump within a side) still reaches the bus. */
  if (self->session != NULL)
    session_changed_cb (self);
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
method_call_cb (GDBusConnection *connection,
                const char *sender,
                const char *object_path,
                const char *interface_name,
                const char *method_name,
                GVariant *parameters,
                GDBusMethodInvocation *invocation,
                gpointer user_data)
{
  /* A handler of the session's signals may drop either of these. */
  g_autoptr (UnknotMpris) self = g_object_ref (user_data);
  g_autoptr (UnknotSession) session = NULL;

  if (self->session == NULL)
    {
      g_dbus_method_invocation_return_error_literal (
        invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_OBJECT, _ ("No routine is open"));
      return;
    }
  session = g_object_ref (self->session);

  if (g_str_equal (interface_name, ROOT_INTERFACE))
    root_method_call (self, method_name, invocation);
  else
    player_method_call (self, method_name, invocation);
}

static GVariant *
get_property_cb (GDBusConnection *connection,
                 const char *sender,
                 const char *object_path,
                 const char *interface_name,
                 const char *property_name,
                 GError **error,
                 gpointer user_data)
{
  UnknotMpris *self = user_data;

  if (self->session == NULL)
    {
      g_set_error_literal (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_OBJECT,
                           _ ("No routine is open"));
      return NULL;
    }

  for (guint i = 0; i < N_TRACKED; i++)
    if (g_str_equal (property_name, tracked_names[i]))
      return get_tracked (self, i);

  if (g_str_equal (property_name, "Position"))
    return g_variant_new_int64 (unknot_session_get_segment_position (self->session));
  if (g_str_equal (property_name, "Rate") || g_str_equal (property_name, "MinimumRate") ||
      g_str_equal (property_name, "MaximumRate"))
    return g_variant_new_double (1.0);
  if (g_str_equal (property_name, "CanSeek") || g_str_equal (property_name, "CanQuit") ||
      g_str_equal (property_name, "HasTrackList"))
    return g_variant_new_boolean (FALSE);
  if (g_str_equal (property_name, "CanControl") || g_str_equal (property_name, "CanRaise"))
    return g_variant_new_boolean (TRUE);
  if (g_str_equal (property_name, "Identity"))
    return g_variant_new_string ("Unknot");
  if (g_str_equal (property_name, "DesktopEntry"))
    return g_variant_new_string (self->desktop_entry);
  if (g_str_equal (property_name, "SupportedUriSchemes") ||
      g_str_equal (property_name, "SupportedMimeTypes"))
    return g_variant_new_strv (NULL, 0);

  g_set_error (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_PROPERTY, "No property %s", property_name);
  return NULL;
}

static gboolean
set_property_cb (GDBusConnection *connection,
                 const char *sender,
                 const char *object_path,
                 const char *interface_name,
                 const char *property_name,
                 GVariant *value,
                 GError **error,
                 gpointer user_data)
{
  UnknotMpris *self = user_data;

  if (g_str_equal (property_name, "Volume"))
    unknot_mpris_set_volume (self, g_variant_get_double (value));
  /* Rate: MinimumRate and MaximumRate are 1.0, so any other rate is ignored. */
  return TRUE;
}

static const GDBusInterfaceVTable vtable = {
  method_call_cb,
  get_property_cb,
  set_property_cb,
  { NULL },
};

static void own_name (UnknotMpris *self, const char *name);

static gboolean
own_instance_name_cb (gpointer user_data)
{
  UnknotMpris *self = user_data;
  g_autofree char *name = g_strdup_printf (UNKNOT_MPRIS_BUS_NAME ".instance%d", (int) getpid ());

  self->instance_name_idle_id = 0;
  g_clear_handle_id (&self->owner_id, g_bus_unown_name);
  own_name (self, name);
  return G_SOURCE_REMOVE;
}

static void
name_acquired_cb (GDBusConnection *connection, const char *name, gpointer user_data)
{
  UnknotMpris *self = user_data;

  g_debug ("Owning %s", name);
  self->name_acquired = TRUE;
}

static void
name_lost_cb (GDBusConnection *connection, const char *name, gpointer user_data)
{
  UnknotMpris *self = user_data;

  /* Lost after owning it, or without a bus: the connection closed, nothing to own on. */
  if (self->name_acquired || connection == NULL || g_dbus_connection_is_closed (connection))
    {
      g_debug ("Lost %s", name);
      self->name_acquired = FALSE;
      return;
    }

  /* Another Unknot has the name.  Unowning from within this handler would release a name
   * GLib still believes requested, so the instance name is asked for from an idle. */
  if (g_str_equal (name, UNKNOT_MPRIS_BUS_NAME) && self->instance_name_idle_id == 0)
    self->instance_name_idle_id = g_idle_add (own_instance_name_cb, self);
  else
    g_debug ("Could not own %s", name);
}

static void
own_name (UnknotMpris *self, const char *name)
{
  self->name_acquired = FALSE;
  self->owner_id =
    g_bus_own_name_on_connection (self->connection, name, G_BUS_NAME_OWNER_FLAGS_DO_NOT_QUEUE,
                                  name_acquired_cb, name_lost_cb, self, NULL);
}

static void export(UnknotMpris *self)
{
  g_autoptr (GError) error = NULL;

  self->root_registration_id = g_dbus_connection_register_object (
    self->connection, OBJECT_PATH,
    g_dbus_node_info_lookup_interface (introspection, ROOT_INTERFACE), &vtable, self, NULL, &error);
  if (self->root_registration_id == 0)
    {
      g_warning ("Could not export the media player: %s", error->message);
      return;
    }
  self->player_registration_id = g_dbus_connection_register_object (
    self->connection, OBJECT_PATH,
    g_dbus_node_info_lookup_interface (introspection, PLAYER_INTERFACE), &vtable, self, NULL,
    &error);
  if (self->player_registration_id == 0)
    {
      g_warning ("Could not export the media player: %s", error->message);
      g_dbus_connection_unregister_object (self->connection, self->root_registration_id);
      self->root_registration_id = 0;
      return;
    }

  for (guint i = 0; i < N_TRACKED; i++)
    self->published[i] = get_tracked (self, i);
  remember_position (self);

  /* The object is there before the name that leads to it. */
  own_name (self, UNKNOT_MPRIS_BUS_NAME);
}

static void
unexport (UnknotMpris *self)
{
  g_clear_handle_id (&self->instance_name_idle_id, g_source_remove);
  g_clear_handle_id (&self->owner_id, g_bus_unown_name);
  self->name_acquired = FALSE;
  if (self->player_registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->player_registration_id);
  if (self->root_registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->root_registration_id);
  self->player_registration_id = 0;
  self->root_registration_id = 0;
  for (guint i = 0; i < N_TRACKED; i++)
    g_clear_pointer (&self->published[i], g_variant_unref);
}

static void
disconnect_session (UnknotMpris *self)
{
  if (self->session == NULL)
    return;
  g_clear_signal_handler (&self->state_handler, self->session);
  g_clear_signal_handler (&self->step_index_handler, self->session);
  g_clear_signal_handler (&self->side_handler, self->session);
  g_clear_signal_handler (&self->seconds_left_handler, self->session);
  g_clear_object (&self->session);
}

/**
 * unknot_mpris_new:
 * @connection: the session bus
 * @desktop_entry: the application id, the desktop file's name without ".desktop"
 *
 * Nothing is on the bus until a session is set.
 */
UnknotMpris *
unknot_mpris_new (GDBusConnection *connection, const char *desktop_entry)
{
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), NULL);
  g_return_val_if_fail (desktop_entry != NULL, NULL);

  return g_object_new (UNKNOT_TYPE_MPRIS, "connection", connection, "desktop-entry", desktop_entry,
                       NULL);
}

/**
 * unknot_mpris_set_session:
 * @session: (nullable): the running routine, or %NULL when it is closed
 *
 * With a session, the player is exported and the bus name owned; without, both go.
 */
void
unknot_mpris_set_session (UnknotMpris *self, UnknotSession *session)
{
  g_return_if_fail (UNKNOT_IS_MPRIS (self));
  g_return_if_fail (session == NULL || UNKNOT_IS_SESSION (session));

  if (self->session == session)
    return;

  disconnect_session (self);
  if (session == NULL)
    {
      unexport (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
      return;
    }

  self->session = g_object_ref (session);
  self->state_handler =
    g_signal_connect_swapped (session, "notify::state", G_CALLBACK (session_changed_cb), self);
  self->step_index_handler =
    g_signal_connect_swapped (session, "notify::step-index", G_CALLBACK (session_changed_cb), self);
  self->side_handler =
    g_signal_connect_swapped (session, "notify::side", G_CALLBACK (session_changed_cb), self);
  /* Every second at most; it also covers segment changes the others miss (a skip from
   * the count-in while paused, a shortened step). */
  self->seconds_left_handler = g_signal_connect_swapped (session, "notify::seconds-left",
                                                         G_CALLBACK (session_changed_cb), self);

  if (self->root_registration_id == 0)
    export(self);
  else
    {
      /* Another routine in the same player: a new track, not a seek. */
      publish_changes (self);
      remember_position (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * unknot_mpris_get_session:
 *
 * Returns: (transfer none) (nullable): the session being shown, if any
 */
UnknotSession *
unknot_mpris_get_session (UnknotMpris *self)
{
  g_return_val_if_fail (UNKNOT_IS_MPRIS (self), NULL);
  return self->session;
}

double
unknot_mpris_get_volume (UnknotMpris *self)
{
  g_return_val_if_fail (UNKNOT_IS_MPRIS (self), 1.0);
  return self->volume;
}

/**
 * unknot_mpris_set_volume:
 * @volume: from 0 (silent) to 1 (full); values outside are clamped, as MPRIS asks
 */
void
unknot_mpris_set_volume (UnknotMpris *self, double volume)
{
  g_return_if_fail (UNKNOT_IS_MPRIS (self));

  volume = CLAMP (volume, 0.0, 1.0);
  if (self->volume == volume)
    return;
  self->volume = volume;
  publish_changes (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOLUME]);
}

static void
unknot_mpris_dispose (GObject *object)
{
  UnknotMpris *self = UNKNOT_MPRIS (object);

  disconnect_session (self);
  unexport (self);
  g_clear_object (&self->connection);

  G_OBJECT_CLASS (unknot_mpris_parent_class)->dispose (object);
}

static void
unknot_mpris_finalize (GObject *object)
{
  UnknotMpris *self = UNKNOT_MPRIS (object);

  g_free (self->desktop_entry);

  G_OBJECT_CLASS (unknot_mpris_parent_class)->finalize (object);
}

static void
unknot_mpris_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  UnknotMpris *self = UNKNOT_MPRIS (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, self->connection);
      break;
    case PROP_DESKTOP_ENTRY:
      g_value_set_string (value, self->desktop_entry);
      break;
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_VOLUME:
      g_value_set_double (value, self->volume);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_mpris_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  UnknotMpris *self = UNKNOT_MPRIS (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      self->connection = g_value_dup_object (value);
      break;
    case PROP_DESKTOP_ENTRY:
      self->desktop_entry = g_value_dup_string (value);
      break;
    case PROP_SESSION:
      unknot_mpris_set_session (self, g_value_get_object (value));
      break;
    case PROP_VOLUME:
      unknot_mpris_set_volume (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_mpris_class_init (UnknotMprisClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  g_autoptr (GError) error = NULL;

  object_class->dispose = unknot_mpris_dispose;
  object_class->finalize = unknot_mpris_finalize;
  object_class->get_property = unknot_mpris_get_property;
  object_class->set_property = unknot_mpris_set_property;

  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL, G_TYPE_DBUS_CONNECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * UnknotMpris:desktop-entry:
   *
   * The application id: the desktop file's name without ".desktop".
   */
  properties[PROP_DESKTOP_ENTRY] =
    g_param_spec_string ("desktop-entry", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, UNKNOT_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * UnknotMpris:volume:
   *
   * What MPRIS clients read and write as Volume, 0–1.  Nothing here plays sound: bind it
   * to what does.
   */
  properties[PROP_VOLUME] =
    g_param_spec_double ("volume", NULL, NULL, 0.0, 1.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UnknotMpris::raise:
   *
   * The desktop asked to show the app (org.mpris.MediaPlayer2.Raise).
   */
  signals[RAISE] = g_signal_new ("raise", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);

  introspection = g_dbus_node_info_new_for_xml (introspection_xml, &error);
  g_assert_no_error (error);
}

static void
unknot_mpris_init (UnknotMpris *self)
{
  self->volume = 1.0;
}
