/* main.c
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "unknot-application.h"

int
main (int argc, char *argv[])
{
  g_autoptr (UnknotApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* An uninstalled build (meson devenv, the tests) points at its own translations. */
  bindtextdomain (GETTEXT_PACKAGE,
                  g_getenv ("UNKNOT_LOCALEDIR") ? g_getenv ("UNKNOT_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = unknot_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
