/* unknot-voice.h: spoken guidance, synthesised offline with eSpeak NG
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define UNKNOT_VOICE_ERROR (unknot_voice_error_quark ())

typedef enum
{
  UNKNOT_VOICE_ERROR_UNAVAILABLE, /* built without a voice, or the voice could not start */
  UNKNOT_VOICE_ERROR_FAILED,      /* this text could not be spoken */
} UnknotVoiceError;

#define UNKNOT_TYPE_VOICE (unknot_voice_get_type ())

G_DECLARE_FINAL_TYPE (UnknotVoice, unknot_voice, UNKNOT, VOICE, GObject)

GQuark unknot_voice_error_quark (void);

UnknotVoice *unknot_voice_new (void);
gboolean unknot_voice_get_available (UnknotVoice *self);
const char *unknot_voice_get_language (UnknotVoice *self);
GBytes *unknot_voice_synthesize (UnknotVoice *self, const char *text, guint *rate, GError **error);
void unknot_voice_synthesize_async (UnknotVoice *self,
                                    const char *text,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data);
GBytes *unknot_voice_synthesize_finish (UnknotVoice *self,
                                        GAsyncResult *result,
                                        guint *rate,
                                        GError **error);

G_END_DECLS
