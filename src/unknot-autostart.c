/* unknot-autostart.c: start Unknot in the background when the person logs in
 *
 * On a host install Unknot writes (and removes) its own XDG autostart entry,
 * `$XDG_CONFIG_HOME/autostart/APP_ID.desktop`. In a Flatpak it cannot: it asks the
 * Background portal (`org.freedesktop.portal.Background.RequestBackground`) over
 * D-Bus, by hand, as libportal is not in the stack. Either way the answer comes back
 * as a GError a person can read: a missing portal, a refusal, or a portal that never
 * answers are all said, never waited on for ever.
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "unknot-autostart.h"

#define PORTAL_BUS_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH "/org/freedesktop/portal/desktop"
#define PORTAL_BACKGROUND_INTERFACE "org.freedesktop.portal.Background"
#define PORTAL_REQUEST_INTERFACE "org.freedesktop.portal.Request"
/* The portal may show the person a question; past this, Unknot stops waiting. */
#define PORTAL_ANSWER_TIMEOUT_SECONDS 120

/**
 * unknot_autostart_get_default_method:
 *
 * Returns: the portal inside a Flatpak sandbox, the autostart file otherwise
 */
UnknotAutostartMethod
unknot_autostart_get_default_method (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS) ? UNKNOT_AUTOSTART_PORTAL
                                                            : UNKNOT_AUTOSTART_FILE;
}

/**
 * unknot_autostart_get_file_path:
 *
 * Returns: (transfer full): where the host install's autostart entry goes
 */
char *
unknot_autostart_get_file_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APPLICATION_ID ".desktop", NULL);
}

/* The Desktop Entry Specification's quoting: double quotes, and a backslash before
 * `"`, `` ` ``, `$` and `\\`, when the argument has a reserved character. */
static char *
quote_exec_argument (const char *argument)
{
  GString *quoted;

  if (strpbrk (argument, " \t\n\"'\\><~|&;$*?#()`") == NULL)
    return g_strdup (argument);
  quoted = g_string_new ("\"");
  for (const char *c = argument; *c != '\0'; c++)
    {
      if (strchr ("\"`$\\", *c) != NULL)
        g_string_append_c (quoted, '\\');
      g_string_append_c (quoted, *c);
    }
  g_string_append_c (quoted, '"');
  return g_string_free (quoted, FALSE);
}

static gboolean
write_file (GError **error)
{
  g_autofree char *path = unknot_autostart_get_file_path ();
  g_autofree char *directory = g_path_get_dirname (path);
  g_autofree char *exec = g_build_filename (BINDIR, "unknot", NULL);
  g_autofree char *quoted = quote_exec_argument (exec);
  g_autofree char *exec_line = g_strdup_printf ("%s %s", quoted, UNKNOT_AUTOSTART_OPTION);
  g_autoptr (GKeyFile) key_file = g_key_file_new ();
  g_autofree char *data = NULL;
  gsize length;

  g_key_file_set_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE,
                         G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  g_key_file_set_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NAME, "Unknot");
  g_key_file_set_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         _ ("Shows Unknot’s reminders"));
  g_key_file_set_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON,
                         APPLICATION_ID);
  g_key_file_set_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC,
                         exec_line);
  g_key_file_set_boolean (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY,
                          TRUE);
  g_key_file_set_boolean (key_file, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", TRUE);
  g_key_file_set_boolean (key_file, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-UsesNotifications", TRUE);
  data = g_key_file_to_data (key_file, &length, NULL);

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: %s is a folder, then why it could not be made */
                   _ ("Could not make the folder %s: %s"), directory, g_strerror (saved_errno));
      return FALSE;
    }
  return g_file_set_contents (path, data, (gssize) length, error);
}

static gboolean
remove_file (GError **error)
{
  g_autofree char *path = unknot_autostart_get_file_path ();

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: %s is a file, then why it could not be removed */
                   _ ("Could not remove %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* The portal's request: one per call. */
typedef struct
{
  GDBusConnection *connection;
  gboolean enabled;
  char *handle;
  guint response_id;
  guint timeout_id;
  gboolean done; /* the task has its result */
} PortalRequest;

static void
portal_request_free (PortalRequest *request)
{
  if (request->response_id != 0)
    g_dbus_connection_signal_unsubscribe (request->connection, request->response_id);
  g_clear_handle_id (&request->timeout_id, g_source_remove);
  g_clear_object (&request->connection);
  g_free (request->handle);
  g_free (request);
}

static void response_cb (GDBusConnection *connection,
                         const char *sender,
                         const char *path,
                         const char *interface,
                         const char *signal,
                         GVariant *parameters,
                         gpointer user_data);

static void
subscribe_response (GTask *task, const char *handle)
{
  PortalRequest *request = g_task_get_task_data (task);

  if (request->response_id != 0)
    g_dbus_connection_signal_unsubscribe (request->connection, request->response_id);
  g_free (request->handle);
  request->handle = g_strdup (handle);
  /* The subscription keeps the task alive until it is dropped, which each ending does. */
  request->response_id = g_dbus_connection_signal_subscribe (
    request->connection, PORTAL_BUS_NAME, PORTAL_REQUEST_INTERFACE, "Response", handle, NULL,
    G_DBUS_SIGNAL_FLAGS_NONE, response_cb, g_object_ref (task), g_object_unref);
}

/* Stops waiting for the answer; %FALSE if the task already has its result. */
static gboolean
stop_waiting (GTask *task)
{
  PortalRequest *request = g_task_get_task_data (task);
  gboolean was_done = request->done;

  request->done = TRUE;
  if (request->response_id != 0)
    g_dbus_connection_signal_unsubscribe (request->connection, request->response_id);
  request->response_id = 0;
  g_clear_handle_id (&request->timeout_id, g_source_remove);
  return !was_done;
}

static void
finish_with_refusal (GTask *task)
{
  PortalRequest *request = g_task_get_task_data (task);

  if (request->enabled)
    g_task_return_new_error (
      task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "%s",
      _ ("Unknot may not start in the background, so reminders come only while it is open. "
         "You can allow it in the system settings under Apps."));
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s",
                             _ ("The Background portal did not turn off Unknot’s autostart."));
}

static void
response_cb (GDBusConnection *connection,
             const char *sender,
             const char *path,
             const char *interface,
             const char *signal,
             GVariant *parameters,
             gpointer user_data)
{
  GTask *task = user_data;
  PortalRequest *request = g_task_get_task_data (task);
  g_autoptr (GVariant) results = NULL;
  guint32 response;
  gboolean autostart = FALSE;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ua{sv})")))
    return;
  g_variant_get (parameters, "(u@a{sv})", &response, &results);
  g_variant_lookup (results, "autostart", "b", &autostart);

  g_object_ref (task); /* the subscription's reference goes with it */
  if (stop_waiting (task))
    {
      if (response == 0 && autostart == request->enabled)
        g_task_return_boolean (task, TRUE);
      else
        finish_with_refusal (task);
    }
  g_object_unref (task);
}

static gboolean
portal_timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  PortalRequest *request = g_task_get_task_data (task);

  request->timeout_id = 0;
  if (stop_waiting (task))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "%s",
                             _ ("The Background portal did not answer, so reminders come only "
                                "while Unknot is open."));
  return G_SOURCE_REMOVE;
}

static gboolean
is_portal_missing (const GError *error)
{
  return g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_INTERFACE) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_OBJECT);
}

static void
request_background_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  PortalRequest *request = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply =
    g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  const char *handle;

  if (reply == NULL)
    {
      if (!stop_waiting (task))
        return;
      g_dbus_error_strip_remote_error (error);
      if (is_portal_missing (error))
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                 /* Translators: %s is the system's reason */
                                 _ ("The Background portal is not available (%s), so reminders "
                                    "come only while Unknot is open."),
                                 error->message);
      else
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                                 /* Translators: %s is the system's reason */
                                 _ ("Could not ask to start in the background: %s"),
                                 error->message);
      return;
    }

  if (request->done)
    return; /* the answer came before the reply */
  /* Portals older than version 0.9 choose their own handle. */
  g_variant_get (reply, "(&o)", &handle);
  if (g_strcmp0 (handle, request->handle) != 0)
    subscribe_response (task, handle);
  request->timeout_id =
    g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, PORTAL_ANSWER_TIMEOUT_SECONDS,
                                portal_timeout_cb, g_object_ref (task), g_object_unref);
}

static void
request_background (GTask *task)
{
  PortalRequest *request = g_task_get_task_data (task);
  const char *commandline[] = { "unknot", UNKNOT_AUTOSTART_OPTION, NULL };
  g_autofree char *token = g_strdup_printf ("unknot%u", g_random_int ());
  g_autofree char *sender = NULL;
  g_autofree char *handle = NULL;
  GVariantBuilder options;

  /* The request's object path is known before the call, so the answer cannot be
   * missed: ":1.42" becomes "1_42". */
  sender = g_strdup (g_dbus_connection_get_unique_name (request->connection) + 1);
  g_strdelimit (sender, ".", '_');
  handle = g_strdup_printf (PORTAL_OBJECT_PATH "/request/%s/%s", sender, token);
  subscribe_response (task, handle);

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_ ("Unknot shows the reminders you asked for.")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (request->enabled));
  g_variant_builder_add (&options, "{sv}", "commandline", g_variant_new_strv (commandline, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));

  g_dbus_connection_call (request->connection, PORTAL_BUS_NAME, PORTAL_OBJECT_PATH,
                          PORTAL_BACKGROUND_INTERFACE, "RequestBackground",
                          g_variant_new ("(sa{sv})", "", &options), G_VARIANT_TYPE ("(o)"),
                          G_DBUS_CALL_FLAGS_NONE, -1, g_task_get_cancellable (task),
                          request_background_cb, g_object_ref (task));
}

static void
bus_get_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  PortalRequest *request = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  request->connection = g_bus_get_finish (result, &error);
  if (request->connection == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               /* Translators: %s is the system's reason */
                               _ ("The Background portal is not available (%s), so reminders "
                                  "come only while Unknot is open."),
                               error->message);
      return;
    }
  request_background (task);
}

/**
 * unknot_autostart_set_enabled_async:
 * @method: the autostart file or the Background portal
 * @connection: (nullable): the session bus the portal is on; %NULL for the usual one
 * @enabled: whether Unknot starts (with `--reminders`) when the person logs in
 *
 * Writes or removes the autostart entry, or asks the portal to.
 */
void
unknot_autostart_set_enabled_async (UnknotAutostartMethod method,
                                    GDBusConnection *connection,
                                    gboolean enabled,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  PortalRequest *request;

  g_return_if_fail (connection == NULL || G_IS_DBUS_CONNECTION (connection));
  g_task_set_source_tag (task, unknot_autostart_set_enabled_async);

  if (method == UNKNOT_AUTOSTART_FILE)
    {
      GError *error = NULL;

      if (enabled ? write_file (&error) : remove_file (&error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      return;
    }

  request = g_new0 (PortalRequest, 1);
  request->enabled = enabled;
  g_task_set_task_data (task, request, (GDestroyNotify) portal_request_free);
  if (connection == NULL)
    {
      g_bus_get (G_BUS_TYPE_SESSION, cancellable, bus_get_cb, g_steal_pointer (&task));
      return;
    }
  request->connection = g_object_ref (connection);
  request_background (task);
}

gboolean
unknot_autostart_set_enabled_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
