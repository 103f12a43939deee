/* unknot-cue-player.c: plays earcons and voice clips at their deadlines with GStreamer
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gst/app/gstappsrc.h>
#include <gst/audio/audio.h>

#include "unknot-cue-player-private.h"

/* One pipeline, built once and kept:
 *
 *   appsrc ! audioconvert ! audioresample ! volume ! <sink description>
 *
 * Every sound is one buffer whose timestamp is its deadline on the routine's timeline
 * (deadline − origin), counted in samples at UNKNOT_EARCON_RATE so that timestamps add
 * up exactly.  Two kinds of output:
 *
 * - Live (a sink that syncs to the clock, such as autoaudiosink): the pipeline runs on a
 *   monotonic GstSystemClock with base time = origin, so running time t is monotonic
 *   time origin + t and the sink starts each sound at its deadline, however late the
 *   main loop was.  Gaps between sounds are left to the sink, which plays silence; the
 *   first buffer after a gap is marked DISCONT so the sink places it by its timestamp
 *   instead of gluing it to the previous one.
 * - File (no element syncs: "wavenc ! filesink", "fakesink sync=false"): nothing waits
 *   for real time; the player fills gaps with silence itself, so sample n of the file
 *   is timeline n / rate, from sample 0 on.  An audiorate in the description does no
 *   harm.
 *
 * Overlapping sounds are not mixed: a sound whose deadline falls before the end of the
 * previous one waits for it, and the end time returned says so.  The session avoids
 * overlaps anyway; waiting keeps voice and earcons from talking over each other.
 *
 * Any failure of the output (no sound server or device, a missing plugin, an error on
 * the bus) is reported once through ::problem; from then on the player is silent but
 * keeps answering with the end times the sounds would have had.
 *
 * A live output's state changes talk to a sound server or a device, and a server that
 * hangs holds them (libpulse gives up after 30 s): they run in one worker thread, in
 * the order asked, and the main thread hears of each result through its main context.
 * Sounds scheduled meanwhile wait in the player and go out when the output is up.  A
 * file output changes state at once, on the calling thread. */

#define RATE UNKNOT_EARCON_RATE
#define FINISH_TIMEOUT (5 * GST_SECOND)
#define SILENCE_CHUNK_SAMPLES RATE

struct _UnknotCuePlayer
{
  GObject parent_instance;

  char *sink_description;
  char *problem; /* what was said through ::problem, if anything */
  GstElement *pipeline;
  GstElement *source;         /* borrowed from the pipeline */
  GstElement *volume_element; /* borrowed from the pipeline */
  GstClock *clock;
  gboolean has_bus_watch;
  guint stop_timeout_id;

  guint n_jobs;          /* live state changes asked for and not done yet */
  GQueue held;           /* of Held: sounds scheduled while they were under way */
  GMainContext *context; /* where state changes report back */

  gint64 origin_us;
  guint64 end_sample;    /* end of the last sound scheduled, played or not */
  guint64 pushed_sample; /* end of what went into the pipeline */
  double volume;

  guint prepared : 1;
  guint live : 1;
  guint started : 1;
  guint pushed_any : 1;
  guint enabled : 1;
};

G_DEFINE_FINAL_TYPE (UnknotCuePlayer, unknot_cue_player, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SINK_DESCRIPTION,
  PROP_VOLUME,
  PROP_ENABLED,
  PROP_AVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_PROBLEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint64
us_to_samples (gint64 us)
{
  return gst_util_uint64_scale_int_round (MAX (us, 0), RATE, G_USEC_PER_SEC);
}

static gint64
samples_to_us (guint64 samples)
{
  return (gint64) gst_util_uint64_scale_int_round (samples, G_USEC_PER_SEC, RATE);
}

static GstClockTime
samples_to_time (guint64 samples)
{
  return gst_util_uint64_scale_int_round (samples, GST_SECOND, RATE);
}

typedef struct
{
  GstBuffer *buffer;
  guint64 start;
  guint64 n_samples;
} Held;

static void
held_free (gpointer data)
{
  Held *held = data;

  gst_buffer_unref (held->buffer);
  g_free (held);
}

typedef enum
{
  JOB_OPEN,    /* NULL → PAUSED: the output is opened */
  JOB_START,   /* → PLAYING */
  JOB_RESTART, /* → READY → PLAYING: a new track */
  JOB_STOP,    /* → NULL */
} JobKind;

typedef struct
{
  GWeakRef player;
  GstElement *pipeline; /* its own reference: a job can outlive the player */
  GMainContext *context;
  JobKind kind;
  GstStateChangeReturn ret;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_weak_ref_clear (&job->player);
  gst_object_unref (job->pipeline);
  g_main_context_unref (job->context);
  g_free (job);
}

static gboolean check_output (UnknotCuePlayer *self, GstStateChangeReturn ret);
static void
push_buffer (UnknotCuePlayer *self, GstBuffer *buffer, guint64 start, guint64 n_samples);
static gboolean can_push (UnknotCuePlayer *self);

/* In the main thread: a live state change is done. */
static gboolean
job_done_cb (gpointer data)
{
  Job *job = data;
  g_autoptr (UnknotCuePlayer) self = g_weak_ref_get (&job->player);
  Held *held;

  if (self == NULL)
    return G_SOURCE_REMOVE;

  self->n_jobs--;
  if (job->kind != JOB_STOP)
    check_output (self, job->ret);
  if (self->n_jobs > 0)
    return G_SOURCE_REMOVE;

  while ((held = g_queue_pop_head (&self->held)) != NULL)
    {
      if (self->enabled && can_push (self))
        push_buffer (self, gst_buffer_ref (held->buffer), held->start, held->n_samples);
      held_free (held);
    }
  return G_SOURCE_REMOVE;
}

static void
job_run (gpointer data, gpointer user_data)
{
  Job *job = data;

  switch (job->kind)
    {
    case JOB_OPEN:
      job->ret = gst_element_set_state (job->pipeline, GST_STATE_PAUSED);
      break;
    case JOB_RESTART:
      gst_element_set_state (job->pipeline, GST_STATE_READY);
      job->ret = gst_element_set_state (job->pipeline, GST_STATE_PLAYING);
      break;
    case JOB_START:
      job->ret = gst_element_set_state (job->pipeline, GST_STATE_PLAYING);
      break;
    case JOB_STOP:
    default:
      job->ret = gst_element_set_state (job->pipeline, GST_STATE_NULL);
      break;
    }
  /* Not g_main_context_invoke (): between two iterations of the main loop nobody owns
   * the context, and it would run job_done_cb () here, in the worker, beside the main
   * thread scheduling sounds. */
  {
    GSource *source = g_idle_source_new ();

    g_source_set_priority (source, G_PRIORITY_DEFAULT);
    g_source_set_callback (source, job_done_cb, job, job_free);
    g_source_attach (source, job->context);
    g_source_unref (source);
  }
}

/* One thread for every player, so that the changes of one pipeline keep their order. */
static GThreadPool *
get_worker (void)
{
  static GThreadPool *worker;

  if (g_once_init_enter (&worker))
    g_once_init_leave (&worker, g_thread_pool_new (job_run, NULL, 1, FALSE, NULL));
  return worker;
}

static void
queue_job (UnknotCuePlayer *self, JobKind kind)
{
  Job *job = g_new0 (Job, 1);

  g_weak_ref_init (&job->player, self);
  job->pipeline = gst_object_ref (self->pipeline);
  job->context = g_main_context_ref (self->context);
  job->kind = kind;
  self->n_jobs++;
  g_thread_pool_push (get_worker (), job, NULL);
}

static void
stop_pipeline (UnknotCuePlayer *self)
{
  g_clear_handle_id (&self->stop_timeout_id, g_source_remove);
  g_queue_clear_full (&self->held, held_free);
  if (self->pipeline != NULL && self->live)
    queue_job (self, JOB_STOP);
  else if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_NULL);
  self->started = FALSE;
}

/* The one way a problem reaches the person: once, then silence. */
static void
report_problem (UnknotCuePlayer *self, const char *detail)
{
  if (self->problem != NULL)
    return;

  /* Translators: %s is GStreamer's own explanation, such as "Could not open audio
   * device for playback." */
  self->problem = g_strdup_printf (_ ("Sound cues are off: %s"), detail);
  g_debug ("cue player: %s", self->problem);
  stop_pipeline (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
  g_signal_emit (self, signals[SIGNAL_PROBLEM], 0, self->problem);
}

static void
report_error_message (UnknotCuePlayer *self, GstMessage *message)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *debug = NULL;

  gst_message_parse_error (message, &error, &debug);
  g_debug ("cue player: error from %s: %s (%s)", GST_MESSAGE_SRC_NAME (message), error->message,
           debug ? debug : "");
  report_problem (self, error->message);
}

/* After a state change failed, the element that failed has posted why on the bus. */
static void
report_state_failure (UnknotCuePlayer *self)
{
  g_autoptr (GstBus) bus = gst_element_get_bus (self->pipeline);
  g_autoptr (GstMessage) message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);

  if (message != NULL)
    report_error_message (self, message);
  else
    report_problem (self, _ ("The sound output could not be opened."));
}

static gboolean
stop_timeout_cb (gpointer user_data)
{
  UnknotCuePlayer *self = user_data;

  self->stop_timeout_id = 0;
  stop_pipeline (self);
  return G_SOURCE_REMOVE;
}

static gboolean
bus_message_cb (GstBus *bus, GstMessage *message, gpointer user_data)
{
  UnknotCuePlayer *self = user_data;
  GstMessageType type = GST_MESSAGE_TYPE (message);

  if (type == GST_MESSAGE_ERROR)
    {
      report_error_message (self, message);
    }
  else if (type == GST_MESSAGE_WARNING)
    {
      g_autoptr (GError) error = NULL;

      gst_message_parse_warning (message, &error, NULL);
      g_debug ("cue player: warning from %s: %s", GST_MESSAGE_SRC_NAME (message), error->message);
    }
  else if (type == GST_MESSAGE_EOS && self->stop_timeout_id != 0)
    {
      /* A live output finished playing what it was given. */
      stop_pipeline (self);
    }

  return G_SOURCE_CONTINUE;
}

/* Whether anything in @bin waits for the clock: then the output is live and sounds
 * must be placed in real time; otherwise it is a file (or a discarding sink) and the
 * whole track is written as fast as it can be. */
static gboolean
bin_syncs_to_clock (GstBin *bin)
{
  g_autoptr (GstIterator) iterator = gst_bin_iterate_recurse (bin);
  g_auto (GValue) item = G_VALUE_INIT;
  gboolean syncs = FALSE;
  gboolean done = FALSE;

  while (!done)
    {
      switch (gst_iterator_next (iterator, &item))
        {
        case GST_ITERATOR_OK:
          {
            GObject *element = g_value_get_object (&item);
            GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (element), "sync");
            gboolean sync = FALSE;

            if (pspec != NULL && pspec->value_type == G_TYPE_BOOLEAN)
              g_object_get (element, "sync", &sync, NULL);
            syncs |= sync;
            g_value_reset (&item);
            break;
          }
        case GST_ITERATOR_RESYNC:
          gst_iterator_resync (iterator);
          syncs = FALSE;
          break;
        case GST_ITERATOR_ERROR:
        case GST_ITERATOR_DONE:
        default:
          done = TRUE;
          break;
        }
    }

  return syncs;
}

static GstElement *
make_element (const char *factory, GError **error)
{
  GstElement *element = gst_element_factory_make (factory, NULL);

  if (element == NULL)
    g_set_error (error, GST_CORE_ERROR, GST_CORE_ERROR_MISSING_PLUGIN,
                 /* Translators: %s is the name of a GStreamer element, such as "appsrc" */
                 _ ("The GStreamer element “%s” is missing."), factory);
  return element;
}

static gboolean
build_pipeline (UnknotCuePlayer *self, GError **error)
{
  static const char *const factories[] = { "appsrc", "audioconvert", "audioresample", "volume" };
  g_autoptr (GstElement) pipeline = gst_pipeline_new ("unknot-cues");
  g_autoptr (GstElement) sink = NULL;
  g_autoptr (GstCaps) caps = NULL;
  g_autoptr (GstBus) bus = NULL;
  g_autoptr (GError) parse_error = NULL;
  GstElement *elements[G_N_ELEMENTS (factories) + 1];
  GstAudioInfo info;

  for (guint i = 0; i < G_N_ELEMENTS (factories); i++)
    {
      elements[i] = make_element (factories[i], error);
      if (elements[i] == NULL)
        return FALSE;
      gst_bin_add (GST_BIN (pipeline), elements[i]);
    }

  /* A description can parse with a recoverable error (and an element); refuse both. */
  sink = gst_parse_bin_from_description (self->sink_description, TRUE, &parse_error);
  if (parse_error != NULL || sink == NULL)
    {
      if (parse_error == NULL)
        g_set_error (&parse_error, GST_PARSE_ERROR, GST_PARSE_ERROR_EMPTY,
                     _ ("Cues cannot be played through “%s”."), self->sink_description);
      g_propagate_error (error, g_steal_pointer (&parse_error));
      return FALSE;
    }
  elements[G_N_ELEMENTS (factories)] = g_object_ref_sink (sink);
  gst_bin_add (GST_BIN (pipeline), sink);

  for (guint i = 0; i + 1 < G_N_ELEMENTS (elements); i++)
    if (!gst_element_link (elements[i], elements[i + 1]))
      {
        g_set_error (error, GST_CORE_ERROR, GST_CORE_ERROR_NEGOTIATION,
                     /* Translators: %s is a GStreamer pipeline description */
                     _ ("Cues cannot be played through “%s”."), self->sink_description);
        return FALSE;
      }

  gst_audio_info_set_format (&info, GST_AUDIO_FORMAT_S16LE, RATE, 1, NULL);
  caps = gst_audio_info_to_caps (&info);
  g_object_set (elements[0], "caps", caps, "format", GST_FORMAT_TIME, "stream-type",
                GST_APP_STREAM_TYPE_STREAM, "is-live", FALSE, "do-timestamp", FALSE, "block", FALSE,
                "max-bytes", (guint64) 0, NULL);
  g_object_set (elements[3], "volume", self->volume, NULL);

  self->live = bin_syncs_to_clock (GST_BIN (sink));
  self->source = elements[0];
  self->volume_element = elements[3];

  /* The monotonic clock is the clock of every deadline (g_get_monotonic_time ()). */
  self->clock = gst_object_ref_sink (
    g_object_new (GST_TYPE_SYSTEM_CLOCK, "clock-type", GST_CLOCK_TYPE_MONOTONIC, NULL));
  gst_pipeline_use_clock (GST_PIPELINE (pipeline), self->clock);

  bus = gst_element_get_bus (pipeline);
  gst_bus_add_watch (bus, bus_message_cb, self);
  self->has_bus_watch = TRUE;

  self->pipeline = g_steal_pointer (&pipeline);
  return TRUE;
}

static gboolean
has_factory (GstElement *element, const char *name)
{
  GstElementFactory *factory = gst_element_get_factory (element);

  return factory != NULL && g_str_equal (gst_plugin_feature_get_name (factory), name);
}

/* An autoaudiosink that finds no usable output only posts a warning and plays into a
 * fakesink: for the person, that is no sound at all. */
static gboolean
fell_back_to_fake_sink (GstBin *bin)
{
  g_autoptr (GstIterator) iterator = gst_bin_iterate_recurse (bin);
  g_auto (GValue) item = G_VALUE_INIT;
  gboolean fake = FALSE;

  while (!fake && gst_iterator_next (iterator, &item) == GST_ITERATOR_OK)
    {
      GstElement *element = g_value_get_object (&item);
      g_autoptr (GstObject) parent = gst_object_get_parent (GST_OBJECT (element));

      fake = has_factory (element, "fakesink") && GST_IS_ELEMENT (parent) &&
             has_factory (GST_ELEMENT (parent), "autoaudiosink");
      g_value_reset (&item);
    }
  return fake;
}

/* After a state change from NULL, which is when outputs are opened or detected. */
static gboolean
check_output (UnknotCuePlayer *self, GstStateChangeReturn ret)
{
  g_autoptr (GstBus) bus = NULL;
  g_autoptr (GstMessage) warning = NULL;
  g_autoptr (GError) error = NULL;

  if (ret == GST_STATE_CHANGE_FAILURE)
    {
      report_state_failure (self);
      return FALSE;
    }
  if (!fell_back_to_fake_sink (GST_BIN (self->pipeline)))
    return TRUE;

  /* Its warning tells only why the first candidate failed; say what it means. */
  bus = gst_element_get_bus (self->pipeline);
  warning = gst_bus_pop_filtered (bus, GST_MESSAGE_WARNING);
  if (warning != NULL)
    {
      gst_message_parse_warning (warning, &error, NULL);
      g_debug ("cue player: no usable output: %s", error->message);
    }
  report_problem (self, _ ("No sound output was found."));
  return FALSE;
}

/* Opens the output now, so the first cue does not wait for a device. */
static void
open_output (UnknotCuePlayer *self)
{
  if (self->live)
    queue_job (self, JOB_OPEN);
  else
    check_output (self, gst_element_set_state (self->pipeline, GST_STATE_PAUSED));
}

static GBytes *
resample_linear (GBytes *pcm, guint rate)
{
  gsize n_in = g_bytes_get_size (pcm) / sizeof (gint16);
  const gint16 *in = g_bytes_get_data (pcm, NULL);
  gsize n_out = n_in == 0 ? 0 : gst_util_uint64_scale_int_ceil (n_in, RATE, rate);
  gint16 *out = g_new (gint16, n_out);

  for (gsize j = 0; j < n_out; j++)
    {
      double position = (double) j * rate / RATE;
      gsize i = MIN ((gsize) position, n_in - 1);
      double fraction = position - i;
      double a = GINT16_FROM_LE (in[i]);
      double b = i + 1 < n_in ? GINT16_FROM_LE (in[i + 1]) : a;

      out[j] = GINT16_TO_LE ((gint16) CLAMP (a + (b - a) * fraction, G_MININT16, G_MAXINT16));
    }

  return g_bytes_new_take (out, n_out * sizeof (gint16));
}

static void
push_buffer (UnknotCuePlayer *self, GstBuffer *buffer, guint64 start, guint64 n_samples)
{
  GstFlowReturn ret;

  GST_BUFFER_PTS (buffer) = samples_to_time (start);
  GST_BUFFER_DURATION (buffer) = samples_to_time (start + n_samples) - samples_to_time (start);
  GST_BUFFER_OFFSET (buffer) = start;
  GST_BUFFER_OFFSET_END (buffer) = start + n_samples;
  if (!self->pushed_any || start != self->pushed_sample)
    GST_BUFFER_FLAG_SET (buffer, GST_BUFFER_FLAG_DISCONT);

  ret = gst_app_src_push_buffer (GST_APP_SRC (self->source), buffer);
  if (ret != GST_FLOW_OK)
    g_debug ("cue player: push: %s", gst_flow_get_name (ret));

  self->pushed_any = TRUE;
  self->pushed_sample = start + n_samples;
}

/* In file mode the track is continuous: silence up to @until. */
static void
push_silence (UnknotCuePlayer *self, guint64 until)
{
  while (self->pushed_sample < until)
    {
      guint64 n = MIN (until - self->pushed_sample, SILENCE_CHUNK_SAMPLES);
      GstBuffer *buffer = gst_buffer_new_allocate (NULL, n * sizeof (gint16), NULL);

      gst_buffer_memset (buffer, 0, 0, n * sizeof (gint16));
      push_buffer (self, buffer, self->pushed_sample, n);
    }
}

static gboolean
can_push (UnknotCuePlayer *self)
{
  return self->started && self->problem == NULL && self->pipeline != NULL &&
         self->stop_timeout_id == 0;
}

/* Places @pcm (S16LE mono at RATE) on the timeline and returns its end time. */
static gint64
schedule (UnknotCuePlayer *self, GBytes *pcm, gint64 deadline_us)
{
  guint64 n_samples = g_bytes_get_size (pcm) / sizeof (gint16);
  gint64 offset_us = deadline_us - self->origin_us;
  guint64 start;

  if (!self->started)
    return deadline_us + samples_to_us (n_samples);

  if (self->live && can_push (self))
    offset_us =
      MAX (offset_us, g_get_monotonic_time () - self->origin_us + UNKNOT_CUE_PLAYER_LIVE_MARGIN_US);

  start = MAX (us_to_samples (offset_us), self->end_sample);
  self->end_sample = start + n_samples;

  if (self->enabled && can_push (self) && n_samples > 0)
    {
      if (!self->live)
        push_silence (self, start);
      if (self->n_jobs > 0)
        {
          Held *held = g_new0 (Held, 1);

          held->buffer = gst_buffer_new_wrapped_bytes (pcm);
          held->start = start;
          held->n_samples = n_samples;
          g_queue_push_tail (&self->held, held);
        }
      else
        push_buffer (self, gst_buffer_new_wrapped_bytes (pcm), start, n_samples);
    }

  return self->origin_us + samples_to_us (self->end_sample);
}

static void
unknot_cue_player_dispose (GObject *object)
{
  UnknotCuePlayer *self = (UnknotCuePlayer *) object;

  if (self->pipeline != NULL && self->has_bus_watch)
    {
      g_autoptr (GstBus) bus = gst_element_get_bus (self->pipeline);

      gst_bus_remove_watch (bus);
      self->has_bus_watch = FALSE;
    }
  stop_pipeline (self);
  self->source = NULL;
  self->volume_element = NULL;
  gst_clear_object (&self->pipeline);
  gst_clear_object (&self->clock);

  G_OBJECT_CLASS (unknot_cue_player_parent_class)->dispose (object);
}

static void
unknot_cue_player_finalize (GObject *object)
{
  UnknotCuePlayer *self = (UnknotCuePlayer *) object;

  g_free (self->sink_description);
  g_free (self->problem);
  g_main_context_unref (self->context);

  G_OBJECT_CLASS (unknot_cue_player_parent_class)->finalize (object);
}

static void
unknot_cue_player_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  UnknotCuePlayer *self = UNKNOT_CUE_PLAYER (object);

  switch (prop_id)
    {
    case PROP_SINK_DESCRIPTION:
      g_value_set_string (value, self->sink_description);
      break;
    case PROP_VOLUME:
      g_value_set_double (value, self->volume);
      break;
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    case PROP_AVAILABLE:
      g_value_set_boolean (value, unknot_cue_player_get_available (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_cue_player_set_property (GObject *object,
                                guint prop_id,
                                const GValue *value,
                                GParamSpec *pspec)
{
  UnknotCuePlayer *self = UNKNOT_CUE_PLAYER (object);

  switch (prop_id)
    {
    case PROP_SINK_DESCRIPTION:
      {
        const char *description = g_value_get_string (value);

        if (description == NULL || *description == '\0')
          description = g_getenv (UNKNOT_AUDIO_SINK_ENV);
        if (description == NULL || *description == '\0')
          description = "autoaudiosink";
        self->sink_description = g_strdup (description);
        break;
      }
    case PROP_VOLUME:
      unknot_cue_player_set_volume (self, g_value_get_double (value));
      break;
    case PROP_ENABLED:
      unknot_cue_player_set_enabled (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_cue_player_class_init (UnknotCuePlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = unknot_cue_player_dispose;
  object_class->finalize = unknot_cue_player_finalize;
  object_class->get_property = unknot_cue_player_get_property;
  object_class->set_property = unknot_cue_player_set_property;

  /**
   * UnknotCuePlayer:sink-description:
   *
   * The output as a gst-launch description; empty: $UNKNOT_AUDIO_SINK, else
   * "autoaudiosink".
   */
  properties[PROP_SINK_DESCRIPTION] =
    g_param_spec_string ("sink-description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * UnknotCuePlayer:volume:
   *
   * The level of every cue, from 0 to 1; takes effect at once.
   */
  properties[PROP_VOLUME] =
    g_param_spec_double ("volume", NULL, NULL, 0.0, 1.0, 0.8,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * UnknotCuePlayer:enabled:
   *
   * FALSE: nothing is played (end times are still computed).
   */
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * UnknotCuePlayer:available:
   *
   * FALSE once the output has failed (see #UnknotCuePlayer::problem).
   */
  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL, TRUE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UnknotCuePlayer::problem:
   * @self: the player
   * @message: a sentence for the person
   *
   * The sound output cannot be used.  Emitted at most once; the player is silent
   * afterwards.
   */
  signals[SIGNAL_PROBLEM] = g_signal_new ("problem", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
unknot_cue_player_init (UnknotCuePlayer *self)
{
  self->volume = 0.8;
  self->enabled = TRUE;
  g_queue_init (&self->held);
  self->context = g_main_context_ref_thread_default ();
}

/**
 * unknot_cue_player_new:
 * @sink_description: (nullable): a gst-launch description of the output, such as
 *   "wavenc ! filesink location=cues.wav"; %NULL for $UNKNOT_AUDIO_SINK or else
 *   "autoaudiosink"
 *
 * Creates a player.  Nothing is opened before unknot_cue_player_prepare().
 */
UnknotCuePlayer *
unknot_cue_player_new (const char *sink_description)
{
  return g_object_new (UNKNOT_TYPE_CUE_PLAYER, "sink-description", sink_description, NULL);
}

/**
 * unknot_cue_player_prepare:
 * @self: a player
 * @error: where to say why the output cannot be used
 *
 * Builds the pipeline and opens the output, once; later calls only say whether that
 * worked.  A failure is also reported through #UnknotCuePlayer::problem.  A live
 * output opens in a worker thread: whether it did is known later, through the main
 * context this player was made in.
 *
 * Returns: whether cues can be played, as far as is known
 */
gboolean
unknot_cue_player_prepare (UnknotCuePlayer *self, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (UNKNOT_IS_CUE_PLAYER (self), FALSE);

  if (!self->prepared)
    {
      self->prepared = TRUE;
      if (!gst_init_check (NULL, NULL, &local_error) || !build_pipeline (self, &local_error))
        {
          report_problem (self, local_error->message);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      open_output (self);
    }

  if (self->problem != NULL)
    {
      g_set_error_literal (error, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_OPEN_WRITE, self->problem);
      return FALSE;
    }
  return TRUE;
}

/**
 * unknot_cue_player_start:
 * @self: a player
 * @origin_us: the monotonic time (g_get_monotonic_time()) of timeline 0
 *
 * Starts a track: from now on deadlines are placed relative to @origin_us.  Prepares
 * the player if that was not done.  Starting again drops what was not played yet and,
 * in file mode, begins the file anew.
 */
void
unknot_cue_player_start (UnknotCuePlayer *self, gint64 origin_us)
{
  g_return_if_fail (UNKNOT_IS_CUE_PLAYER (self));

  unknot_cue_player_prepare (self, NULL);

  self->origin_us = origin_us;
  self->end_sample = 0;
  self->pushed_sample = 0;
  self->pushed_any = FALSE;
  g_clear_handle_id (&self->stop_timeout_id, g_source_remove);

  if (self->problem != NULL)
    {
      /* Silent, but end times still follow the timeline. */
      self->started = TRUE;
      return;
    }

  g_queue_clear_full (&self->held, held_free);
  if (self->started && !self->live)
    gst_element_set_state (self->pipeline, GST_STATE_READY);

  /* Running time t is monotonic time origin + t, whatever the state changes cost. */
  gst_element_set_start_time (self->pipeline, GST_CLOCK_TIME_NONE);
  gst_element_set_base_time (self->pipeline, (GstClockTime) MAX (origin_us, 0) * GST_USECOND);

  if (self->live)
    queue_job (self, self->started ? JOB_RESTART : JOB_START);
  else
    check_output (self, gst_element_set_state (self->pipeline, GST_STATE_PLAYING));
  /* Even when silent, end times follow the timeline from here. */
  self->started = TRUE;
}

/**
 * unknot_cue_player_play_earcon:
 * @self: a player
 * @earcon: which sound
 * @deadline_us: when it starts, in monotonic time
 *
 * Plays @earcon at @deadline_us, or when the sound before it ends if that is later.
 * On a live output a deadline less than %UNKNOT_CUE_PLAYER_LIVE_MARGIN_US away plays
 * that long from now.  Before unknot_cue_player_start() nothing is played.
 *
 * Returns: when the sound ends, in monotonic time
 */
gint64
unknot_cue_player_play_earcon (UnknotCuePlayer *self, UnknotEarcon earcon, gint64 deadline_us)
{
  g_autoptr (GBytes) pcm = NULL;

  g_return_val_if_fail (UNKNOT_IS_CUE_PLAYER (self), deadline_us);
  g_return_val_if_fail (earcon < UNKNOT_N_EARCONS, deadline_us);

  pcm = unknot_earcon_synthesize (earcon);
  return schedule (self, pcm, deadline_us);
}

/**
 * unknot_cue_player_play_pcm:
 * @self: a player
 * @pcm_s16_mono: S16LE mono samples, such as unknot_voice_synthesize() gives
 * @rate: their sample rate
 * @deadline_us: when they start, in monotonic time
 *
 * Like unknot_cue_player_play_earcon() for any sound; other rates than
 * %UNKNOT_EARCON_RATE are converted (linearly) first.
 *
 * Returns: when the sound ends, in monotonic time
 */
gint64
unknot_cue_player_play_pcm (UnknotCuePlayer *self,
                            GBytes *pcm_s16_mono,
                            guint rate,
                            gint64 deadline_us)
{
  g_autoptr (GBytes) pcm = NULL;
  gsize size;

  g_return_val_if_fail (UNKNOT_IS_CUE_PLAYER (self), deadline_us);
  g_return_val_if_fail (pcm_s16_mono != NULL, deadline_us);
  g_return_val_if_fail (rate > 0, deadline_us);

  size = g_bytes_get_size (pcm_s16_mono) & ~(gsize) 1;
  if (rate != RATE)
    pcm = resample_linear (pcm_s16_mono, rate);
  else
    pcm = g_bytes_new_from_bytes (pcm_s16_mono, 0, size);

  return schedule (self, pcm, deadline_us);
}

/**
 * unknot_cue_player_finish:
 * @self: a player
 *
 * Ends the track.  In file mode this waits (at most five seconds) until the file is
 * complete, silence included up to the end of the last sound scheduled; on a live
 * output it returns at once and the output closes when the last sound has played.
 * unknot_cue_player_start() can begin another track.
 */
void
unknot_cue_player_finish (UnknotCuePlayer *self)
{
  g_autoptr (GstBus) bus = NULL;
  g_autoptr (GstMessage) message = NULL;

  g_return_if_fail (UNKNOT_IS_CUE_PLAYER (self));

  if (!can_push (self))
    {
      stop_pipeline (self);
      return;
    }

  if (self->live && self->n_jobs > 0)
    {
      /* The output is not even up: nothing it could still play matters. */
      stop_pipeline (self);
      return;
    }
  if (self->live)
    {
      gint64 left_us =
        self->origin_us + samples_to_us (self->pushed_sample) - g_get_monotonic_time ();

      gst_app_src_end_of_stream (GST_APP_SRC (self->source));
      /* The bus says when the sink has played everything; this is in case it does not. */
      self->stop_timeout_id = g_timeout_add (MAX (left_us, 0) / 1000 + 2000, stop_timeout_cb, self);
      return;
    }

  push_silence (self, self->end_sample);
  gst_app_src_end_of_stream (GST_APP_SRC (self->source));

  bus = gst_element_get_bus (self->pipeline);
  message = gst_bus_timed_pop_filtered (bus, FINISH_TIMEOUT, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  if (message == NULL)
    g_debug ("cue player: the file was not finished in time");
  else if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
    report_error_message (self, message);

  stop_pipeline (self);
}

gboolean
unknot_cue_player_get_available (UnknotCuePlayer *self)
{
  g_return_val_if_fail (UNKNOT_IS_CUE_PLAYER (self), FALSE);

  return self->problem == NULL;
}

/**
 * unknot_cue_player_get_live:
 * @self: a player
 *
 * Returns: whether the output plays in real time (after unknot_cue_player_prepare()),
 *   rather than writing a file as fast as it can
 */
gboolean
unknot_cue_player_get_live (UnknotCuePlayer *self)
{
  g_return_val_if_fail (UNKNOT_IS_CUE_PLAYER (self), FALSE);

  return self->live;
}

double
unknot_cue_player_get_volume (UnknotCuePlayer *self)
{
  g_return_val_if_fail (UNKNOT_IS_CUE_PLAYER (self), 0.0);

  return self->volume;
}

void
unknot_cue_player_set_volume (UnknotCuePlayer *self, double volume)
{
  g_return_if_fail (UNKNOT_IS_CUE_PLAYER (self));

  volume = CLAMP (volume, 0.0, 1.0);
  if (self->volume == volume)
    return;

  self->volume = volume;
  if (self->volume_element != NULL)
    g_object_set (self->volume_element, "volume", volume, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOLUME]);
}

gboolean
unknot_cue_player_get_enabled (UnknotCuePlayer *self)
{
  g_return_val_if_fail (UNKNOT_IS_CUE_PLAYER (self), FALSE);

  return self->enabled;
}

void
unknot_cue_player_set_enabled (UnknotCuePlayer *self, gboolean enabled)
{
  g_return_if_fail (UNKNOT_IS_CUE_PLAYER (self));

  enabled = !!enabled;
  if (self->enabled == (guint) enabled)
    return;

  self->enabled = enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

const char *
unknot_cue_player_get_sink_description (UnknotCuePlayer *self)
{
  g_return_val_if_fail (UNKNOT_IS_CUE_PLAYER (self), NULL);

  return self->sink_description;
}

GstElement *
unknot_cue_player_get_pipeline (UnknotCuePlayer *self)
{
  g_return_val_if_fail (UNKNOT_IS_CUE_PLAYER (self), NULL);

  return self->pipeline;
}
