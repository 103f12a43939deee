/* unknot-voice.c: spoken guidance, synthesised offline with eSpeak NG
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#if HAVE_ESPEAK
#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#endif

#include "unknot-voice.h"

/* eSpeak NG is one global engine, not thread-safe, that takes a moment to start: it is
 * started on first use (never at application start-up) and every call into it holds
 * one lock.  Speech is only synthesised here, into memory; the cue player plays it, so
 * its volume, mute and timing are the same as the earcons'. */

#define WORDS_PER_MINUTE 160
/* Samples quieter than this at either end are trimmed: a clip starts when it is heard. */
#define SILENCE_LEVEL 64
#define TAIL_SAMPLES_MS 20

struct _UnknotVoice
{
  GObject parent_instance;

  char *language; /* set once, on first use */
};

G_DEFINE_FINAL_TYPE (UnknotVoice, unknot_voice, G_TYPE_OBJECT)

G_DEFINE_QUARK (unknot - voice - error - quark, unknot_voice_error)

#define FALLBACK_LANGUAGE "en"

#if HAVE_ESPEAK

typedef struct
{
  gboolean ok;
  char *failure; /* why not, when !ok */
  guint rate;
  GHashTable *languages; /* every language eSpeak has a voice for, "de", "en-us" … */
} Engine;

static GMutex espeak_lock;
static Engine engine;
static char *engine_language; /* the voice eSpeak has loaded */
static GArray *collected;     /* the samples of the text being spoken */

static int
synth_cb (short *wav, int n_samples, espeak_EVENT *events)
{
  if (wav != NULL && n_samples > 0 && collected != NULL)
    g_array_append_vals (collected, wav, n_samples);
  return 0;
}

static char *
status_message (espeak_ng_STATUS status)
{
  char buffer[512] = "";

  espeak_ng_GetStatusCodeMessage (status, buffer, sizeof buffer);
  return g_strdup (buffer);
}

static void
engine_start (void)
{
  espeak_ng_ERROR_CONTEXT context = NULL;
  espeak_ng_STATUS status;
  const espeak_VOICE **voices;

  espeak_ng_InitializePath (NULL);
  status = espeak_ng_Initialize (&context);
  espeak_ng_ClearErrorContext (&context);
  if (status == ENS_OK)
    status = espeak_ng_InitializeOutput (ENOUTPUT_MODE_SYNCHRONOUS, 0, NULL);
  if (status != ENS_OK)
    {
      engine.failure = status_message (status);
      g_debug ("voice: eSpeak NG did not start: %s", engine.failure);
      return;
    }

  espeak_SetSynthCallback (synth_cb);
  engine.rate = espeak_ng_GetSampleRate ();
  engine.languages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Each voice lists its languages as a priority byte, a name and a NUL, then a NUL. */
  voices = espeak_ListVoices (NULL);
  for (guint i = 0; voices != NULL && voices[i] != NULL; i++)
    for (const char *p = voices[i]->languages; p != NULL && p[0] != '\0'; p += strlen (p + 1) + 2)
      g_hash_table_add (engine.languages, g_ascii_strdown (p + 1, -1));

  engine.ok = engine.rate > 0 && g_hash_table_size (engine.languages) > 0;
  if (!engine.ok)
    engine.failure = g_strdup (_ ("No voices were found."));
}

static Engine *
engine_get (void)
{
  static gsize started = 0;

  if (g_once_init_enter (&started))
    {
      g_mutex_lock (&espeak_lock);
      engine_start ();
      g_mutex_unlock (&espeak_lock);
      g_once_init_leave (&started, 1);
    }
  return &engine;
}

/* "de_DE.UTF-8@euro" → "de-de", the way eSpeak names languages. */
static char *
language_tag (const char *locale)
{
  g_autofree char *tag = g_ascii_strdown (locale, strcspn (locale, ".@"));

  g_strdelimit (tag, "_", '-');
  return g_steal_pointer (&tag);
}

static char *
choose_language (void)
{
  Engine *e = engine_get ();
  const char *const *names = g_get_language_names ();

  for (guint i = 0; e->ok && names[i] != NULL; i++)
    {
      g_autofree char *tag = NULL;

      if (g_str_equal (names[i], "C") || g_str_equal (names[i], "POSIX"))
        continue;
      tag = language_tag (names[i]);
      if (g_hash_table_contains (e->languages, tag))
        return g_steal_pointer (&tag);
    }

  return g_strdup (FALLBACK_LANGUAGE);
}

static gsize
first_heard (const gint16 *samples, gsize n)
{
  gsize i = 0;

  while (i < n && ABS (samples[i]) <= SILENCE_LEVEL)
    i++;
  return i;
}

static gsize
last_heard (const gint16 *samples, gsize n)
{
  gsize i = n;

  while (i > 0 && ABS (samples[i - 1]) <= SILENCE_LEVEL)
    i--;
  return i;
}

static gboolean
has_words (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static GBytes *
speak (const char *language, const char *text, GError **error)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (gint16));
  espeak_ng_STATUS status = ENS_OK;
  gsize first, last;
  gint16 *data;

  g_mutex_lock (&espeak_lock);

  if (g_strcmp0 (engine_language, language) != 0)
    {
      espeak_VOICE spec = { 0 };

      spec.languages = language;
      status = espeak_ng_SetVoiceByProperties (&spec);
      g_free (engine_language);
      engine_language = status == ENS_OK ? g_strdup (language) : NULL;
    }
  if (status == ENS_OK)
    status = espeak_ng_SetParameter (espeakRATE, WORDS_PER_MINUTE, 0);
  if (status == ENS_OK)
    {
      collected = samples;
      status = espeak_ng_Synthesize (text, strlen (text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8,
                                     NULL, NULL);
      collected = NULL;
    }

  g_mutex_unlock (&espeak_lock);

  if (status != ENS_OK)
    {
      g_autofree char *message = status_message (status);

      /* Translators: %s is eSpeak NG's explanation */
      g_set_error (error, UNKNOT_VOICE_ERROR, UNKNOT_VOICE_ERROR_FAILED,
                   _ ("The voice could not speak: %s"), message);
      return NULL;
    }

  data = (gint16 *) (gpointer) samples->data;
  first = first_heard (data, samples->len);
  last = MIN (samples->len, last_heard (data, samples->len) + TAIL_SAMPLES_MS * engine.rate / 1000);
  if (first >= last && has_words (text))
    {
      /* eSpeak NG without the language's dictionary speaks silence, without an error. */
      g_set_error (error, UNKNOT_VOICE_ERROR, UNKNOT_VOICE_ERROR_FAILED,
                   _ ("The voice said nothing for “%s”: its data may be incomplete"), text);
      return NULL;
    }
  if (first >= last)
    return g_bytes_new (NULL, 0);

  for (gsize i = first; i < last; i++)
    data[i] = GINT16_TO_LE (data[i]);
  return g_bytes_new (data + first, (last - first) * sizeof (gint16));
}

#endif /* HAVE_ESPEAK */

static void
unknot_voice_finalize (GObject *object)
{
  UnknotVoice *self = (UnknotVoice *) object;

  g_free (self->language);

  G_OBJECT_CLASS (unknot_voice_parent_class)->finalize (object);
}

static void
unknot_voice_class_init (UnknotVoiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = unknot_voice_finalize;
}

static void
unknot_voice_init (UnknotVoice *self)
{
}

/**
 * unknot_voice_new:
 *
 * Creates a voice.  This is cheap: the speech engine starts when it is first needed.
 */
UnknotVoice *
unknot_voice_new (void)
{
  return g_object_new (UNKNOT_TYPE_VOICE, NULL);
}

/**
 * unknot_voice_get_available:
 * @self: a voice
 *
 * Starts the speech engine if needed.
 *
 * Returns: whether the voice can speak: %FALSE when Unknot was built without eSpeak NG
 *   or it could not start
 */
gboolean
unknot_voice_get_available (UnknotVoice *self)
{
  g_return_val_if_fail (UNKNOT_IS_VOICE (self), FALSE);

#if HAVE_ESPEAK
  return engine_get ()->ok;
#else
  return FALSE;
#endif
}

/**
 * unknot_voice_get_language:
 * @self: a voice
 *
 * The language the voice speaks: the person's (g_get_language_names()) when eSpeak NG
 * has a voice for it, else English.  Chosen on first use, then kept.
 *
 * Returns: an eSpeak NG language name, such as "de", "en-us" or "en"
 */
const char *
unknot_voice_get_language (UnknotVoice *self)
{
  g_return_val_if_fail (UNKNOT_IS_VOICE (self), NULL);

  if (g_once_init_enter (&self->language))
    {
#if HAVE_ESPEAK
      g_once_init_leave (&self->language, choose_language ());
#else
      g_once_init_leave (&self->language, g_strdup (FALLBACK_LANGUAGE));
#endif
    }
  return self->language;
}

/**
 * unknot_voice_synthesize:
 * @self: a voice
 * @text: UTF-8 text to speak
 * @rate: (out) (optional): where to store the sample rate
 * @error: where to say why not
 *
 * Speaks @text into memory, calmly, at about 160 words a minute, without silence at
 * either end.  Safe to call from any thread; blocks while another text is spoken.
 *
 * Returns: (transfer full): S16LE mono samples (empty for a text with nothing to say),
 *   or %NULL with @error set
 */
GBytes *
unknot_voice_synthesize (UnknotVoice *self, const char *text, guint *rate, GError **error)
{
  g_return_val_if_fail (UNKNOT_IS_VOICE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

#if HAVE_ESPEAK
  {
    Engine *e = engine_get ();
    const char *language = unknot_voice_get_language (self);
    GBytes *pcm;

    if (!e->ok)
      {
        /* Translators: %s is eSpeak NG's explanation */
        g_set_error (error, UNKNOT_VOICE_ERROR, UNKNOT_VOICE_ERROR_UNAVAILABLE,
                     _ ("The voice could not start: %s"), e->failure);
        return NULL;
      }
    if (!g_utf8_validate (text, -1, NULL))
      {
        g_set_error_literal (error, UNKNOT_VOICE_ERROR, UNKNOT_VOICE_ERROR_FAILED,
                             _ ("The text to speak is not valid UTF-8."));
        return NULL;
      }

    pcm = speak (language, text, error);
    if (pcm != NULL && rate != NULL)
      *rate = e->rate;
    return pcm;
  }
#else
  g_set_error_literal (error, UNKNOT_VOICE_ERROR, UNKNOT_VOICE_ERROR_UNAVAILABLE,
                       _ ("Unknot was built without a voice"));
  return NULL;
#endif
}

typedef struct
{
  GBytes *pcm;
  guint rate;
} Speech;

static void
speech_free (Speech *speech)
{
  g_clear_pointer (&speech->pcm, g_bytes_unref);
  g_free (speech);
}

static void
synthesize_thread (GTask *task,
                   gpointer source_object,
                   gpointer task_data,
                   GCancellable *cancellable)
{
  UnknotVoice *self = source_object;
  g_autoptr (GError) error = NULL;
  Speech *speech;

  if (g_task_return_error_if_cancelled (task))
    return;

  speech = g_new0 (Speech, 1);
  speech->pcm = unknot_voice_synthesize (self, task_data, &speech->rate, &error);
  if (speech->pcm == NULL)
    {
      speech_free (speech);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, speech, (GDestroyNotify) speech_free);
}

static void
synthesize_in_pool (gpointer data, gpointer user_data)
{
  g_autoptr (GTask) task = data;

  synthesize_thread (task, g_task_get_source_object (task), g_task_get_task_data (task),
                     g_task_get_cancellable (task));
}

/* eSpeak is one engine per process and speaks one text at a time (espeak_lock), so one
 * thread does all the synthesis, in the order asked.  A GTask worker per line would
 * only wait for the lock: a routine's dozen lines took a dozen threads from GLib's
 * shared pool, and each thread got its own malloc arena (RSS that never came back). */
static GThreadPool *
get_synthesis_pool (void)
{
  static GThreadPool *pool = NULL;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (synthesize_in_pool, NULL, 1, FALSE, NULL));
  return pool;
}

/**
 * unknot_voice_synthesize_async:
 * @self: a voice
 * @text: UTF-8 text to speak
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context when done
 * @user_data: for @callback
 *
 * unknot_voice_synthesize() in a worker thread, so speech can be ready before its
 * deadline without holding up the main loop.
 */
void
unknot_voice_synthesize_async (UnknotVoice *self,
                               const char *text,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (UNKNOT_IS_VOICE (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, unknot_voice_synthesize_async);
  g_task_set_task_data (task, g_strdup (text), g_free);
  g_thread_pool_push (get_synthesis_pool (), g_steal_pointer (&task), NULL);
}

/**
 * unknot_voice_synthesize_finish:
 * @self: a voice
 * @result: the result given to the callback
 * @rate: (out) (optional): where to store the sample rate
 * @error: where to say why not
 *
 * Returns: (transfer full): S16LE mono samples, or %NULL with @error set
 */
GBytes *
unknot_voice_synthesize_finish (UnknotVoice *self,
                                GAsyncResult *result,
                                guint *rate,
                                GError **error)
{
  Speech *speech;
  GBytes *pcm;

  g_return_val_if_fail (UNKNOT_IS_VOICE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  speech = g_task_propagate_pointer (G_TASK (result), error);
  if (speech == NULL)
    return NULL;

  if (rate != NULL)
    *rate = speech->rate;
  pcm = g_steal_pointer (&speech->pcm);
  speech_free (speech);
  return pcm;
}
