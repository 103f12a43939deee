/* unknot-fuzz.h: what every fuzz target shares
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each target defines LLVMFuzzerTestOneInput(); it is linked either with libFuzzer
 * (-Dfuzzing=true, clang) or with replay.c, which feeds it every file of its seed
 * corpus and its regressions in the normal test suite.
 */

#pragma once

#include <stddef.h>
#include <stdint.h>
#include <gio/gio.h>

G_BEGIN_DECLS

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

void unknot_fuzz_init (void);
GSettings *unknot_fuzz_settings_new (void);
void unknot_fuzz_check_error (const GError *error, GQuark domain);
void unknot_fuzz_check_text (const char *text);
void unknot_fuzz_check_line (const char *text);

G_END_DECLS
