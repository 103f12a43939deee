/* unknot-session-sound.c: what a running routine sounds like
 *
 * Turns a session's cues into earcons and spoken lines on the cue player.  Earcons are
 * always on time; a spoken line follows its earcon, never overlaps another line, and is
 * dropped rather than talking over the next earcon: the earcons alone carry a routine.
 * Lines are synthesised ahead, off the main thread, as soon as a session is set.
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "unknot-clock.h"
#include "unknot-cue-player.h"
#include "unknot-routine.h"
#include "unknot-session-sound.h"
#include "unknot-voice.h"

/* How far ahead of its deadline a cue is handed over, so its sound is queued in time. */
#define LOOKAHEAD (250 * 1000)
/* Silence between an earcon and the line that follows it, and around lines. */
#define GAP (120 * 1000)
/* A line whose synthesis came late may still start this long after its cue. */
#define LATE_TOLERANCE (1500 * 1000)

typedef struct
{
  GBytes *pcm;
  guint rate;
} Clip;

struct _UnknotSessionSound
{
  GObject parent_instance;

  UnknotCuePlayer *player;
  UnknotVoice *voice;
  UnknotSession *session;
  GCancellable *cancellable;
  GHashTable *clips; /* line → Clip, once synthesised */

  gboolean cues_enabled;
  gboolean voice_enabled;
  gboolean started;
  gboolean voice_failed; /* told once: the lines are not asked for again */
  gint64 voice_busy_until;
  guint n_lines_pending; /* syntheses under way for the current session */

  /* A line whose clip was not ready at its cue, waiting for its synthesis. */
  char *pending_line;
  gint64 pending_start;
  gint64 pending_deadline;
};

G_DEFINE_FINAL_TYPE (UnknotSessionSound, unknot_session_sound, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CUES_ENABLED,
  PROP_VOICE_ENABLED,
  PROP_LINES_READY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_VOICE_PROBLEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clip_free (gpointer data)
{
  Clip *clip = data;

  g_bytes_unref (clip->pcm);
  g_free (clip);
}

static int
earcon_for_cue (UnknotCue cue)
{
  switch (cue)
    {
    case UNKNOT_CUE_TICK:
      return UNKNOT_EARCON_TICK;
    case UNKNOT_CUE_STEP_START:
      return UNKNOT_EARCON_STEP_START;
    case UNKNOT_CUE_HALFWAY:
      return UNKNOT_EARCON_HALFWAY;
    case UNKNOT_CUE_LAST_SECONDS:
      return UNKNOT_EARCON_LAST_SECONDS;
    case UNKNOT_CUE_STEP_END:
      return UNKNOT_EARCON_STEP_END;
    case UNKNOT_CUE_SWITCH_SIDE:
      return UNKNOT_EARCON_SWITCH_SIDE;
    case UNKNOT_CUE_REST:
      return UNKNOT_EARCON_REST;
    case UNKNOT_CUE_DONE:
      return UNKNOT_EARCON_DONE;
    case UNKNOT_CUE_GET_READY:
    case UNKNOT_CUE_TEN_SECONDS:
    case UNKNOT_N_CUES:
    default:
      return -1;
    }
}

/**
 * unknot_session_sound_get_line:
 *
 * Returns: (transfer full) (nullable): what the voice says at @cue, in the person's
 *   language: "Right side. Ball under the piriformis. Small circles."
 */
char *
unknot_session_sound_get_line (UnknotSession *session,
                               UnknotCue cue,
                               guint step_index,
                               UnknotSide side)
{
  UnknotRoutine *routine = unknot_session_get_routine (session);
  const UnknotStep *step;

  g_return_val_if_fail (step_index < unknot_routine_get_n_steps (routine), NULL);
  step = unknot_routine_get_step (routine, step_index);

  switch (cue)
    {
    case UNKNOT_CUE_GET_READY:
      /* Translators: spoken at the start of the count-in */
      return g_strdup (_ ("Get ready."));
    case UNKNOT_CUE_STEP_START:
      /* Translators: spoken as a step starts: "Left side. Ball under the piriformis." */
      return g_strdup_printf (side == UNKNOT_SIDE_RIGHT ? _ ("Right side. %s")
                                                        : _ ("Left side. %s"),
                              step->spoken != NULL ? step->spoken : step->name);
    case UNKNOT_CUE_HALFWAY:
      return g_strdup (_ ("Halfway."));
    case UNKNOT_CUE_TEN_SECONDS:
      return g_strdup (_ ("Ten seconds."));
    case UNKNOT_CUE_SWITCH_SIDE:
      return g_strdup (_ ("Switch sides."));
    case UNKNOT_CUE_REST:
      /* Translators: spoken in the rest between steps, naming the next one */
      return g_strdup_printf (_ ("Rest. Next: %s."), step->name);
    case UNKNOT_CUE_DONE:
      return g_strdup (_ ("Well done."));
    case UNKNOT_CUE_TICK:
    case UNKNOT_CUE_LAST_SECONDS:
    case UNKNOT_CUE_STEP_END:
    case UNKNOT_N_CUES:
    default:
      return NULL;
    }
}

/* Plays @line from @start if it fits before the next earcon; FALSE if it was dropped. */
static gboolean
speak (UnknotSessionSound *self, const char *line, gint64 start, gint64 deadline)
{
  Clip *clip = g_hash_table_lookup (self->clips, line);
  gint64 length;
  gint64 next_earcon;

  if (clip == NULL)
    return FALSE;

  start = MAX (start, self->voice_busy_until + GAP);
  length = (gint64) (g_bytes_get_size (clip->pcm) / 2) * G_USEC_PER_SEC / clip->rate;
  next_earcon = self->cues_enabled
                  ? unknot_session_get_next_earcon_deadline (self->session, deadline)
                  : G_MAXINT64;
  if (next_earcon != G_MAXINT64 && start + length + GAP > next_earcon)
    {
      g_debug ("Not saying “%s”: it would talk over the next cue", line);
      return FALSE;
    }

  self->voice_busy_until = unknot_cue_player_play_pcm (self->player, clip->pcm, clip->rate, start);
  return TRUE;
}

static void
cue_cb (UnknotSession *session,
        int cue,
        guint step_index,
        int side,
        gint64 deadline,
        UnknotSessionSound *self)
{
  int earcon = earcon_for_cue (cue);
  gint64 end = deadline;
  g_autofree char *line = NULL;

  if (!self->started)
    {
      unknot_cue_player_start (self->player, unknot_session_get_origin (session));
      self->started = TRUE;
    }

  if (earcon >= 0 && self->cues_enabled)
    end = unknot_cue_player_play_earcon (self->player, earcon, deadline) + GAP;

  if (!self->voice_enabled || self->voice == NULL)
    return;
  line = unknot_session_sound_get_line (session, cue, step_index, side);
  if (line == NULL)
    return;
  if (!g_hash_table_contains (self->clips, line))
    {
      /* Not synthesised yet: say it when it is, if it is still timely. */
      g_free (self->pending_line);
      self->pending_line = g_steal_pointer (&line);
      self->pending_start = end;
      self->pending_deadline = deadline;
      return;
    }
  speak (self, line, end, deadline);
}

/* A synthesis under way: the sound may be gone, or on another session, when it ends. */
typedef struct
{
  GWeakRef sound;
  UnknotSession *session; /* only compared, never dereferenced */
  char *line;
} Request;

static void
request_free (Request *request)
{
  g_weak_ref_clear (&request->sound);
  g_free (request->line);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

/* The voice cannot speak: the person hears it once, and earcons carry the routine.  When
 * the output itself failed, the player has said so already and nothing is heard. */
static void
report_voice_problem (UnknotSessionSound *self, const GError *error)
{
  g_autofree char *message = NULL;

  if (self->voice_failed)
    return;
  self->voice_failed = TRUE;
  g_debug ("voice: %s", error->message);
  if (!unknot_cue_player_get_available (self->player))
    return;

  /* Translators: %s says why, such as "The voice could not start: …" */
  message =
    g_strdup_printf (_ ("Spoken guidance is off (%s). The sound cues go on."), error->message);
  g_signal_emit (self, signals[SIGNAL_VOICE_PROBLEM], 0, message);
}

static void
synthesized_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (Request) request = user_data;
  g_autoptr (UnknotSessionSound) self = g_weak_ref_get (&request->sound);
  g_autoptr (GError) error = NULL;
  const char *line = request->line;
  Clip *clip;
  guint rate = 0;
  GBytes *pcm = unknot_voice_synthesize_finish (UNKNOT_VOICE (source), result, &rate, &error);

  if (self != NULL && self->session != NULL && self->session == request->session)
    {
      self->n_lines_pending--;
      if (self->n_lines_pending == 0)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINES_READY]);
    }
  if (pcm == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self != NULL &&
          self->voice_enabled)
        report_voice_problem (self, error);
      return;
    }
  if (self == NULL || self->session == NULL || self->session != request->session)
    {
      g_bytes_unref (pcm);
      return;
    }

  clip = g_new0 (Clip, 1);
  clip->pcm = pcm;
  clip->rate = rate;
  g_hash_table_replace (self->clips, g_strdup (line), clip);

  if (g_strcmp0 (line, self->pending_line) == 0)
    {
      gint64 now = unknot_clock_get_time (unknot_session_get_clock (self->session));

      if (now < self->pending_deadline + LATE_TOLERANCE &&
          unknot_session_is_running (self->session))
        speak (self, line, MAX (self->pending_start, now + LOOKAHEAD), self->pending_deadline);
      g_clear_pointer (&self->pending_line, g_free);
    }
}

static void
add_line (GPtrArray *lines, char *line)
{
  if (line == NULL)
    return;
  for (guint i = 0; i < lines->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (lines, i), line))
        {
          g_free (line);
          return;
        }
    }
  g_ptr_array_add (lines, line);
}

/* Every line the routine can say, in the order it will need them. */
static void
synthesize_lines (UnknotSessionSound *self)
{
  UnknotRoutine *routine = unknot_session_get_routine (self->session);
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  /* Whether the voice works is found out in the threads: starting eSpeak NG takes a
   * moment that the main loop must not wait for. */
  if (self->voice == NULL || self->voice_failed)
    return;

  add_line (lines, unknot_session_sound_get_line (self->session, UNKNOT_CUE_GET_READY, 0,
                                                  UNKNOT_SIDE_LEFT));
  for (guint i = 0; i < unknot_routine_get_n_steps (routine); i++)
    {
      const UnknotStep *step = unknot_routine_get_step (routine, i);

      if (i > 0)
        add_line (lines, unknot_session_sound_get_line (self->session, UNKNOT_CUE_REST, i,
                                                        UNKNOT_SIDE_LEFT));
      for (UnknotSide side = UNKNOT_SIDE_LEFT; side <= UNKNOT_SIDE_RIGHT; side++)
        if (step->side == side || step->side == UNKNOT_SIDE_BOTH)
          add_line (lines,
                    unknot_session_sound_get_line (self->session, UNKNOT_CUE_STEP_START, i, side));
      if (i == 0)
        for (UnknotCue cue = UNKNOT_CUE_HALFWAY; cue < UNKNOT_N_CUES; cue++)
          add_line (lines, unknot_session_sound_get_line (self->session, cue, 0, UNKNOT_SIDE_LEFT));
    }

  for (guint i = 0; i < lines->len; i++)
    {
      Request *request = g_new0 (Request, 1);

      g_weak_ref_init (&request->sound, self);
      request->session = self->session;
      request->line = g_strdup (g_ptr_array_index (lines, i));
      self->n_lines_pending++;
      unknot_voice_synthesize_async (self->voice, request->line, self->cancellable, synthesized_cb,
                                     request);
    }
}

static void
finished_cb (UnknotSession *session, gboolean completed, UnknotSessionSound *self)
{
  /* Let the last sounds play out; the pipeline stays ready for the next routine. */
  g_cancellable_cancel (self->cancellable);
}

/**
 * unknot_session_sound_new:
 * @player: plays everything
 * @voice: (nullable): speaks the lines; %NULL for earcons only
 */
UnknotSessionSound *
unknot_session_sound_new (UnknotCuePlayer *player, UnknotVoice *voice)
{
  UnknotSessionSound *self;

  g_return_val_if_fail (UNKNOT_IS_CUE_PLAYER (player), NULL);
  g_return_val_if_fail (voice == NULL || UNKNOT_IS_VOICE (voice), NULL);

  self = g_object_new (UNKNOT_TYPE_SESSION_SOUND, NULL);
  self->player = g_object_ref (player);
  self->voice = voice ? g_object_ref (voice) : NULL;
  return self;
}

/**
 * unknot_session_sound_set_session:
 * @session: (nullable): the session to give sound to, before it starts
 */
void
unknot_session_sound_set_session (UnknotSessionSound *self, UnknotSession *session)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (UNKNOT_IS_SESSION_SOUND (self));
  g_return_if_fail (session == NULL || UNKNOT_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_cancellable_cancel (self->cancellable);
      if (self->started)
        unknot_cue_player_finish (self->player);
    }
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pending_line, g_free);
  g_hash_table_remove_all (self->clips);
  self->started = FALSE;
  self->voice_busy_until = 0;
  self->n_lines_pending = 0;
  g_set_object (&self->session, session);

  if (session == NULL)
    return;

  /* With no device the player stays silent and says so once; the routine goes on. */
  if (!unknot_cue_player_prepare (self->player, &error))
    g_debug ("Cues will be silent: %s", error->message);

  self->cancellable = g_cancellable_new ();
  g_object_set (session, "cue-lookahead", (gint64) LOOKAHEAD, NULL);
  g_signal_connect (session, "cue", G_CALLBACK (cue_cb), self);
  g_signal_connect (session, "finished", G_CALLBACK (finished_cb), self);
  if (self->voice_enabled)
    synthesize_lines (self);
}

static void
unknot_session_sound_dispose (GObject *object)
{
  UnknotSessionSound *self = UNKNOT_SESSION_SOUND (object);

  unknot_session_sound_set_session (self, NULL);
  g_clear_object (&self->voice);
  g_clear_object (&self->player);

  G_OBJECT_CLASS (unknot_session_sound_parent_class)->dispose (object);
}

static void
unknot_session_sound_finalize (GObject *object)
{
  UnknotSessionSound *self = UNKNOT_SESSION_SOUND (object);

  g_clear_pointer (&self->clips, g_hash_table_unref);

  G_OBJECT_CLASS (unknot_session_sound_parent_class)->finalize (object);
}

static void
unknot_session_sound_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  UnknotSessionSound *self = UNKNOT_SESSION_SOUND (object);

  switch (prop_id)
    {
    case PROP_CUES_ENABLED:
      g_value_set_boolean (value, self->cues_enabled);
      break;
    case PROP_VOICE_ENABLED:
      g_value_set_boolean (value, self->voice_enabled);
      break;
    case PROP_LINES_READY:
      g_value_set_boolean (value, self->n_lines_pending == 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_session_sound_set_property (GObject *object,
                                   guint prop_id,
                                   const GValue *value,
                                   GParamSpec *pspec)
{
  UnknotSessionSound *self = UNKNOT_SESSION_SOUND (object);
  gboolean enabled = g_value_get_boolean (value);

  switch (prop_id)
    {
    case PROP_CUES_ENABLED:
      if (self->cues_enabled == enabled)
        return;
      self->cues_enabled = enabled;
      break;
    case PROP_VOICE_ENABLED:
      if (self->voice_enabled == enabled)
        return;
      self->voice_enabled = enabled;
      if (enabled && self->session != NULL && g_hash_table_size (self->clips) == 0)
        synthesize_lines (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_object_notify_by_pspec (object, pspec);
}

static void
unknot_session_sound_class_init (UnknotSessionSoundClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = unknot_session_sound_dispose;
  object_class->finalize = unknot_session_sound_finalize;
  object_class->get_property = unknot_session_sound_get_property;
  object_class->set_property = unknot_session_sound_set_property;

  properties[PROP_CUES_ENABLED] =
    g_param_spec_boolean ("cues-enabled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VOICE_ENABLED] =
    g_param_spec_boolean ("voice-enabled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * UnknotSessionSound:lines-ready:
   *
   * Every spoken line of the session has been synthesised (or failed).
   */
  properties[PROP_LINES_READY] =
    g_param_spec_boolean ("lines-ready", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UnknotSessionSound::voice-problem:
   * @self: the sound
   * @message: a sentence for the person
   *
   * The voice cannot speak (eSpeak NG or its data missing or broken); the earcons go
   * on.  Emitted at most once, and not when the cue player has reported its own
   * problem.
   */
  signals[SIGNAL_VOICE_PROBLEM] =
    g_signal_new ("voice-problem", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
unknot_session_sound_init (UnknotSessionSound *self)
{
  self->cues_enabled = TRUE;
  self->voice_enabled = TRUE;
  self->clips = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, clip_free);
}
