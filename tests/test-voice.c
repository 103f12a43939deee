/* test-voice.c: spoken guidance from eSpeak NG
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>

#include "unknot-cue-player.h"
#include "unknot-test-audio.h"
#include "unknot-voice.h"

static gboolean
skip_without_voice (void)
{
#if HAVE_ESPEAK
  return FALSE;
#else
  g_test_skip ("built without eSpeak NG");
  return TRUE;
#endif
}

static UnknotVoice *
voice_for_language (const char *language)
{
  UnknotVoice *voice;

  g_setenv ("LANGUAGE", language, TRUE);
  voice = unknot_voice_new ();
  /* The language is chosen on first use: choose it while the environment says so. */
  unknot_voice_get_language (voice);
  return voice;
}

static UnknotTestAudio *
speak (UnknotVoice *voice, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pcm = NULL;
  guint rate = 0;

  pcm = unknot_voice_synthesize (voice, text, &rate, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pcm);
  g_assert_cmpuint (rate, >=, 8000);
  return unknot_test_audio_new_from_pcm (pcm, rate);
}

/* "Switch sides." is a short, clear, audible phrase. */
static void
test_english (void)
{
  g_autoptr (UnknotVoice) voice = NULL;
  g_autoptr (UnknotTestAudio) audio = NULL;
  double seconds;

  if (skip_without_voice ())
    return;

  voice = voice_for_language ("C");
  g_assert_true (unknot_voice_get_available (voice));
  g_assert_cmpstr (unknot_voice_get_language (voice), ==, "en");

  audio = speak (voice, "Switch sides.");
  seconds = (double) audio->n_samples / audio->rate;
  g_test_message ("\"Switch sides.\": %.2f s at %u Hz, peak %.2f, RMS %.3f", seconds, audio->rate,
                  unknot_test_audio_peak (audio->samples, audio->n_samples),
                  unknot_test_audio_rms (audio->samples, audio->n_samples));
  g_assert_cmpfloat (seconds, >=, 0.3);
  g_assert_cmpfloat (seconds, <=, 3.0);
  g_assert_cmpfloat (unknot_test_audio_peak (audio->samples, audio->n_samples), >, 0.1);
  g_assert_cmpfloat (unknot_test_audio_rms (audio->samples, audio->n_samples), >, 0.01);
  /* Trimmed: speech from the first samples on. */
  g_assert_cmpfloat (unknot_test_audio_peak (audio->samples, audio->rate / 100), >, 0.001);
}

static void
test_german (void)
{
  g_autoptr (UnknotVoice) voice = NULL;
  g_autoptr (UnknotTestAudio) audio = NULL;

  if (skip_without_voice ())
    return;

  voice = voice_for_language ("de");
  g_assert_cmpstr (unknot_voice_get_language (voice), ==, "de");
  audio = speak (voice, "Seite wechseln.");
  g_assert_cmpuint (audio->n_samples, >, audio->rate / 4);

  /* Chosen once: the language of an existing voice does not follow the environment. */
  g_setenv ("LANGUAGE", "C", TRUE);
  g_assert_cmpstr (unknot_voice_get_language (voice), ==, "de");
}

/* A language eSpeak has no voice for falls back to English; a regional one is found. */
static void
test_fallback (void)
{
  g_autoptr (UnknotVoice) unknown = NULL;
  g_autoptr (UnknotVoice) spanish = NULL;
  g_autoptr (UnknotVoice) american = NULL;

  if (skip_without_voice ())
    return;

  unknown = voice_for_language ("xx");
  g_assert_cmpstr (unknot_voice_get_language (unknown), ==, "en");
  spanish = voice_for_language ("es_ES.UTF-8");
  g_assert_cmpstr (unknot_voice_get_language (spanish), ==, "es");
  american = voice_for_language ("en_US");
  g_assert_true (g_str_has_prefix (unknot_voice_get_language (american), "en"));
}

/* eSpeak NG varies its intonation a little from one call to the next: the same text is
 * not the same samples twice, but it is about as long. */
static gboolean
similar_length (GBytes *a, GBytes *b)
{
  double x = g_bytes_get_size (a), y = g_bytes_get_size (b);

  return x > 0 && y > 0 && MAX (x, y) < 1.15 * MIN (x, y);
}

static void
async_ready_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* In a worker thread, the same speech as in the caller's. */
static void
test_async (void)
{
  g_autoptr (UnknotVoice) voice = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GBytes) pcm = NULL;
  g_autoptr (GBytes) direct = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  guint rate = 0, direct_rate = 0;

  if (skip_without_voice ())
    return;

  voice = voice_for_language ("C");
  unknot_voice_synthesize_async (voice, "Halfway.", NULL, async_ready_cb, &result);
  pcm = unknot_voice_synthesize_finish (voice, wait_for (&result), &rate, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pcm);

  direct = unknot_voice_synthesize (voice, "Halfway.", &direct_rate, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rate, ==, direct_rate);
  g_assert_true (similar_length (pcm, direct));

  /* Cancelled before it started: nothing is spoken. */
  g_clear_object (&result);
  g_cancellable_cancel (cancellable);
  unknot_voice_synthesize_async (voice, "Well done.", cancellable, async_ready_cb, &result);
  g_assert_null (unknot_voice_synthesize_finish (voice, wait_for (&result), NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static gpointer
speak_thread (gpointer data)
{
  UnknotVoice *voice = data;

  return unknot_voice_synthesize (voice, "Ten seconds.", NULL, NULL);
}

/* eSpeak is one global engine: two threads at once each get whole speech. */
static void
test_threads (void)
{
  g_autoptr (UnknotVoice) english = NULL;
  g_autoptr (UnknotVoice) german = NULL;
  g_autoptr (GBytes) alone = NULL;
  GThread *threads[4];

  if (skip_without_voice ())
    return;

  english = voice_for_language ("C");
  german = voice_for_language ("de");
  alone = unknot_voice_synthesize (english, "Ten seconds.", NULL, NULL);
  g_assert_nonnull (alone);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("voice", speak_thread, i % 2 ? german : english);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autoptr (GBytes) pcm = g_thread_join (threads[i]);

      g_assert_nonnull (pcm);
      if (i % 2 == 0)
        g_assert_true (similar_length (pcm, alone));
    }
}

/* Speech goes through the cue player like an earcon, from its deadline on. */
static void
test_through_cue_player (void)
{
  g_autoptr (UnknotVoice) voice = NULL;
  g_autoptr (UnknotCuePlayer) player = NULL;
  g_autoptr (UnknotTestAudio) audio = NULL;
  g_autoptr (GArray) sounds = NULL;
  g_autoptr (GBytes) pcm = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *description = NULL;
  const UnknotTestSound *sound;
  gint64 origin = 1000 * G_USEC_PER_SEC;
  gint64 end;
  guint rate;

  if (skip_without_voice ())
    return;

  dir = g_dir_make_tmp ("unknot-voice-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "voice.wav", NULL);
  description = g_strdup_printf ("audiorate ! wavenc ! filesink location=\"%s\"", path);

  voice = voice_for_language ("C");
  pcm = unknot_voice_synthesize (voice, "Well done.", &rate, &error);
  g_assert_no_error (error);

  player = unknot_cue_player_new (description);
  g_assert_true (unknot_cue_player_prepare (player, &error));
  unknot_cue_player_start (player, origin);
  end = unknot_cue_player_play_pcm (player, pcm, rate, origin + G_USEC_PER_SEC);
  unknot_cue_player_finish (player);
  g_assert_cmpint (ABS (end - origin - G_USEC_PER_SEC -
                        (gint64) (g_bytes_get_size (pcm) / 2) * G_USEC_PER_SEC / rate),
                   <=, 100);

  audio = unknot_test_audio_load_wav (path, &error);
  g_assert_no_error (error);
  sounds =
    unknot_test_audio_find_sounds (audio->samples, audio->n_samples, audio->rate,
                                   UNKNOT_TEST_AUDIO_THRESHOLD, 300 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpuint (sounds->len, ==, 1);
  sound = &g_array_index (sounds, UnknotTestSound, 0);
  g_assert_cmpint (ABS ((gssize) sound->start - (gssize) audio->rate), <=, 480);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_availability (void)
{
  g_autoptr (UnknotVoice) voice = unknot_voice_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pcm = NULL;

#if HAVE_ESPEAK
  g_assert_true (unknot_voice_get_available (voice));
  pcm = unknot_voice_synthesize (voice, "", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (pcm), ==, 0);
#else
  g_assert_false (unknot_voice_get_available (voice));
  g_assert_cmpstr (unknot_voice_get_language (voice), ==, "en");
  pcm = unknot_voice_synthesize (voice, "Switch sides.", NULL, &error);
  g_assert_null (pcm);
  g_assert_error (error, UNKNOT_VOICE_ERROR, UNKNOT_VOICE_ERROR_UNAVAILABLE);
#endif
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/voice/availability", test_availability);
  g_test_add_func ("/voice/english", test_english);
  g_test_add_func ("/voice/german", test_german);
  g_test_add_func ("/voice/fallback", test_fallback);
  g_test_add_func ("/voice/async", test_async);
  g_test_add_func ("/voice/threads", test_threads);
  g_test_add_func ("/voice/through-cue-player", test_through_cue_player);

  return g_test_run ();
}
