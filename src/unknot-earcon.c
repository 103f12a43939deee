/* unknot-earcon.c: the short sounds that carry a routine, synthesised, never loaded
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "unknot-earcon.h"

/* A person hears these with eyes closed, lying on a roller, many times a session, so
 * they are soft (sine tones with a few quiet harmonics, a 3–5 ms attack, exponential
 * decay, a short release instead of a cut) and each has its own shape: pitch, number
 * of notes and direction, length.  They are computed, not shipped, so they cost no
 * files and sound the same at every sample rate we would ever ask for.  The attack is
 * short enough that the sound is plainly there within a millisecond of its first
 * sample, which is what the cue player's timing relies on. */

typedef enum
{
  TIMBRE_SOFT, /* nearly a pure tone: blips and chimes */
  TIMBRE_BELL, /* inharmonic partials that die faster than the fundamental */
  TIMBRE_WARM, /* more harmonics, so a low note is still heard on small speakers */
} Timbre;

typedef struct
{
  double ratio;       /* of the note's frequency */
  double gain;        /* of the fundamental's */
  double decay_scale; /* of the note's decay time */
} Partial;

static const Partial soft_partials[] = {
  { 1.0, 1.0, 1.0 },
  { 2.0, 0.22, 0.6 },
  { 3.0, 0.07, 0.4 },
};

static const Partial bell_partials[] = {
  { 1.0, 1.0, 1.0 },
  { 2.0, 0.32, 0.55 },
  { 2.76, 0.16, 0.4 },
  { 5.4, 0.05, 0.25 },
};

static const Partial warm_partials[] = {
  { 1.0, 1.0, 1.0 },
  { 2.0, 0.45, 0.8 },
  { 3.0, 0.2, 0.6 },
  { 4.0, 0.08, 0.5 },
};

typedef struct
{
  double start_ms;
  double length_ms; /* the note's release ends here */
  double frequency;
  double decay_ms; /* time constant of the fundamental's exponential decay */
  double gain;
  Timbre timbre;
} Note;

#define MAX_NOTES 4

typedef struct
{
  const char *id;
  double duration_ms;
  double attack_ms;
  double peak_dbfs;
  Note notes[MAX_NOTES];
} EarconSpec;

/* Equal-tempered pitches. */
#define A3 220.0
#define C5 523.251
#define D5 587.330
#define E5 659.255
#define G5 783.991
#define A5 880.0
#define C6 1046.502

#define RELEASE_MS 12.0

static const EarconSpec specs[UNKNOT_N_EARCONS] = {
  [UNKNOT_EARCON_TICK] = {
    "tick", 60, 3, -7,
    { { 0, 60, A5, 28, 1.0, TIMBRE_SOFT } },
  },
  [UNKNOT_EARCON_STEP_START] = {
    "step-start", 480, 3, -6,
    { { 0, 200, C5, 110, 1.0, TIMBRE_SOFT }, { 150, 330, G5, 140, 0.9, TIMBRE_SOFT } },
  },
  [UNKNOT_EARCON_HALFWAY] = {
    "halfway", 650, 4, -6,
    { { 0, 650, E5, 220, 1.0, TIMBRE_BELL } },
  },
  [UNKNOT_EARCON_SWITCH_SIDE] = {
    "switch-side", 460, 3, -6,
    { { 0, 130, D5, 60, 1.0, TIMBRE_SOFT },
      { 110, 130, A5, 60, 0.85, TIMBRE_SOFT },
      { 220, 130, D5, 60, 1.0, TIMBRE_SOFT },
      { 330, 130, A5, 60, 0.85, TIMBRE_SOFT } },
  },
  [UNKNOT_EARCON_LAST_SECONDS] = {
    "last-seconds", 95, 3, -7,
    { { 0, 40, C6, 16, 1.0, TIMBRE_SOFT }, { 55, 40, C6, 16, 0.8, TIMBRE_SOFT } },
  },
  [UNKNOT_EARCON_STEP_END] = {
    "step-end", 480, 3, -6,
    { { 0, 200, G5, 110, 0.9, TIMBRE_SOFT }, { 150, 330, C5, 140, 1.0, TIMBRE_SOFT } },
  },
  [UNKNOT_EARCON_REST] = {
    "rest", 550, 5, -8,
    { { 0, 550, A3, 260, 1.0, TIMBRE_WARM } },
  },
  [UNKNOT_EARCON_DONE] = {
    "done", 720, 3, -6,
    { { 0, 720, C5, 260, 1.0, TIMBRE_SOFT },
      { 120, 600, E5, 260, 0.9, TIMBRE_SOFT },
      { 240, 480, G5, 280, 0.9, TIMBRE_SOFT } },
  },
};

static GBytes *cache[UNKNOT_N_EARCONS];

static void
get_partials (Timbre timbre, const Partial **partials, guint *n_partials)
{
  switch (timbre)
    {
    case TIMBRE_BELL:
      *partials = bell_partials;
      *n_partials = G_N_ELEMENTS (bell_partials);
      return;
    case TIMBRE_WARM:
      *partials = warm_partials;
      *n_partials = G_N_ELEMENTS (warm_partials);
      return;
    case TIMBRE_SOFT:
    default:
      *partials = soft_partials;
      *n_partials = G_N_ELEMENTS (soft_partials);
      return;
    }
}

static gsize
ms_to_samples (double ms)
{
  return (gsize) lround (ms * UNKNOT_EARCON_RATE / 1000.0);
}

static void
add_note (float *out, gsize n_samples, const Note *note, double attack_ms)
{
  gsize start = ms_to_samples (note->start_ms);
  gsize length = MIN (ms_to_samples (note->length_ms), n_samples - MIN (start, n_samples));
  double attack = MAX (1.0, attack_ms * UNKNOT_EARCON_RATE / 1000.0);
  double release = RELEASE_MS * UNKNOT_EARCON_RATE / 1000.0;
  const Partial *partials;
  guint n_partials;

  get_partials (note->timbre, &partials, &n_partials);

  for (gsize i = 0; i < length; i++)
    {
      double t = (double) i / UNKNOT_EARCON_RATE;
      double left = (double) (length - i);
      double envelope = note->gain;
      double value = 0;

      /* A linear attack that already has energy at the first sample, and a raised-cosine
       * release so the note never ends in a click. */
      if (i < attack)
        envelope *= (i + 1) / attack;
      if (left < release)
        envelope *= 0.5 - 0.5 * cos (G_PI * left / release);

      for (guint p = 0; p < n_partials; p++)
        {
          double frequency = note->frequency * partials[p].ratio;
          double decay = note->decay_ms / 1000.0 * partials[p].decay_scale;

          if (frequency >= UNKNOT_EARCON_RATE / 2.0)
            continue;
          /* The fundamental is a cosine so the first sample sits on a crest, not on a
           * zero crossing: energy from the first sample on. */
          value += partials[p].gain * exp (-t / decay) *
                   sin (2 * G_PI * frequency * t + (p == 0 ? G_PI / 2 : 0));
        }

      out[start + i] += (float) (envelope * value);
    }
}

static GBytes *
render (const EarconSpec *spec)
{
  gsize n_samples = ms_to_samples (spec->duration_ms);
  g_autofree float *mix = g_new0 (float, n_samples);
  gint16 *samples = g_new (gint16, n_samples);
  double peak = 0;
  double scale;

  for (guint i = 0; i < MAX_NOTES && spec->notes[i].frequency > 0; i++)
    add_note (mix, n_samples, &spec->notes[i], spec->attack_ms);

  for (gsize i = 0; i < n_samples; i++)
    peak = MAX (peak, fabs (mix[i]));

  /* Every earcon gets its own peak level; the rest is for the volume setting. */
  scale = peak > 0 ? pow (10, spec->peak_dbfs / 20) * G_MAXINT16 / peak : 0;
  for (gsize i = 0; i < n_samples; i++)
    samples[i] = GINT16_TO_LE ((gint16) lround (mix[i] * scale));

  return g_bytes_new_take (samples, n_samples * sizeof (gint16));
}

/**
 * unknot_earcon_synthesize:
 * @earcon: which sound
 *
 * Returns: (transfer full): the sound as S16LE mono PCM at %UNKNOT_EARCON_RATE. It is
 *   computed once and shared; safe to call from any thread.
 */
GBytes *
unknot_earcon_synthesize (UnknotEarcon earcon)
{
  g_return_val_if_fail (earcon < UNKNOT_N_EARCONS, NULL);

  if (g_once_init_enter (&cache[earcon]))
    g_once_init_leave (&cache[earcon], render (&specs[earcon]));

  return g_bytes_ref (cache[earcon]);
}

gint64
unknot_earcon_get_duration_us (UnknotEarcon earcon)
{
  g_return_val_if_fail (earcon < UNKNOT_N_EARCONS, 0);

  return (gint64) ms_to_samples (specs[earcon].duration_ms) * G_USEC_PER_SEC / UNKNOT_EARCON_RATE;
}

/**
 * unknot_earcon_get_id:
 * @earcon: which sound
 *
 * Returns: a stable name, such as "step-start", for settings, logs and files.
 */
const char *
unknot_earcon_get_id (UnknotEarcon earcon)
{
  g_return_val_if_fail (earcon < UNKNOT_N_EARCONS, NULL);

  return specs[earcon].id;
}
