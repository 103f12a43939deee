/* unknot-test-folder.h: a person's routine folder full of files that must not hurt
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A file in the folder that must be named as a problem: the message starts with its
 * name and a colon and contains @says. */
typedef struct
{
  const char *file;
  const char *says;
} UnknotTestBadFile;

/* The good routines in the folder: their ids and names, shown as written. */
#define UNKNOT_TEST_GOOD_ID "my-good-routine"
#define UNKNOT_TEST_GOOD_NAME "My good routine"
#define UNKNOT_TEST_MARKUP_ID "my-markup-routine"
#define UNKNOT_TEST_MARKUP_NAME "<b>Bold</b> & <i>co"
#define UNKNOT_TEST_MARKUP_STEP "<span size='99999'>Big</span> & ball"
#define UNKNOT_TEST_MARKUP_SUMMARY "<i>Slanted</i> & <u>underlined</u>"
#define UNKNOT_TEST_MARKUP_SAFETY "Stop at <b>once</b> if it hurts & tingles"
#define UNKNOT_TEST_MARKUP_INSTRUCTION "Hold <tt>still</tt> & breathe <"

char *unknot_test_folder_make_hostile (GPtrArray *bad_files);
void unknot_test_folder_remove (const char *dir);

G_END_DECLS
