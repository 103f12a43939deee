/* unknot-sound-loader.c: finds and loads libunknot-sound.so on first use
 *
 * Where it looks, in order: the file $UNKNOT_SOUND_MODULE names; beside the running
 * executable (a build directory: src/unknot and src/libunknot-sound.so); the installed
 * module directory.  The module stays loaded for good (it registers GTypes).  A missing
 * or foreign module is an error the application reports once; the routine then runs
 * without sound.
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <gmodule.h>

#include "unknot-sound-module.h"

static const UnknotSoundModule *builtin;

/**
 * unknot_sound_module_set_builtin:
 *
 * For programs that link the sound code themselves (the tests): @module is used and
 * no file is loaded.
 */
void
unknot_sound_module_set_builtin (const UnknotSoundModule *module)
{
  builtin = module;
}

static const UnknotSoundModule *
open_module (const char *path, GError **error)
{
  GModule *module = g_module_open (path, G_MODULE_BIND_LOCAL);
  const UnknotSoundModule *(*get) (void) = NULL;
  const UnknotSoundModule *sound;

  if (module == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is why a library could not be loaded */
                   _ ("the sound module could not be loaded (%s)"), g_module_error ());
      return NULL;
    }
  if (!g_module_symbol (module, "unknot_sound_module_get", (gpointer *) &get) || get == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("%s is not Unknot’s sound module"),
                   path);
      g_module_close (module);
      return NULL;
    }
  sound = get ();
  if (sound->size != sizeof (UnknotSoundModule) || g_strcmp0 (sound->version, PACKAGE_VERSION) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _ ("the sound module %s is from another version of Unknot"), path);
      g_module_close (module);
      return NULL;
    }
  g_module_make_resident (module);
  return sound;
}

/* The module file beside the running executable, if there is one. */
static char *
beside_executable (void)
{
  g_autofree char *executable = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *directory = NULL;
  char *path;

  if (executable == NULL)
    return NULL;
  directory = g_path_get_dirname (executable);
  path = g_build_filename (directory, UNKNOT_SOUND_MODULE_NAME, NULL);
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return path;
  g_free (path);
  return NULL;
}

/**
 * unknot_sound_module_load:
 *
 * Returns: (transfer none) (nullable): the sound module, loaded at the first call;
 *   %NULL with @error set when it cannot be had, at this call and every later one.
 */
const UnknotSoundModule *
unknot_sound_module_load (GError **error)
{
  static const UnknotSoundModule *loaded;
  static GError *failure;
  g_autofree char *path = NULL;

  if (builtin != NULL)
    return builtin;
  if (loaded != NULL)
    return loaded;
  if (failure != NULL)
    {
      g_propagate_error (error, g_error_copy (failure));
      return NULL;
    }

  if (g_getenv (UNKNOT_SOUND_MODULE_ENV) != NULL && *g_getenv (UNKNOT_SOUND_MODULE_ENV) != '\0')
    path = g_strdup (g_getenv (UNKNOT_SOUND_MODULE_ENV));
  if (path == NULL)
    path = beside_executable ();
  if (path == NULL)
    path = g_build_filename (SOUND_MODULE_DIR, UNKNOT_SOUND_MODULE_NAME, NULL);

  loaded = open_module (path, &failure);
  if (loaded == NULL)
    g_propagate_error (error, g_error_copy (failure));
  return loaded;
}
