/* test-sound-faults.c: a routine without its sound
 *
 * No sound server, a sound server killed mid-routine, a GStreamer plugin missing (the
 * output's, or one the player itself needs), a voice whose data is missing or
 * incomplete: each time the routine ends when its timeline says, earcons go on where
 * they can, the person is told once, and the main loop never waits on the sound.
 *
 * Copyright 2026 The Unknot authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <gst/gst.h>

#if HAVE_ESPEAK
#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#endif

#include "unknot-cue-player.h"
#include "unknot-fake-clock.h"
#include "unknot-routine.h"
#include "unknot-session.h"
#include "unknot-session-sound.h"
#include "unknot-system-clock.h"
#include "unknot-test-audio.h"
#include "unknot-test-folder.h"
#include "unknot-voice.h"

#define S ((gint64) G_USEC_PER_SEC)
#define START (1000 * S)
/* A main loop away this long is stuck, not slow: only that is a failure. */
#define STALL_US (3 * S)

/* Count-in 5 s, a two-sided 20 s step, a rest of 10 s, a one-sided 10 s step: 73 s,
 * with its earcons at these seconds (as in test-session-sound.c). */
static const char two_steps[] =
  "[Routine]\nFormat=1\nId=two-steps\nName=Two steps\nSummary=Test.\nHelps=recovery;\n"
  "[Step 1]\nName=Roll\nTarget=gluteus-maximus\nTool=foam-roller\nSide=both\nTechnique=roll\n"
  "Duration=20\nInstruction=Roll.\nSpoken=Roller under the buttock.\n"
  "[Step 2]\nName=Ball\nTarget=piriformis\nTool=massage-ball\nSide=right\nTechnique=hold\n"
  "Duration=10\nInstruction=Hold.\n";
#define TWO_STEPS_SECONDS 73

/* Where a routine of two_steps sounds its earcons, for the voice's faults. */
static const double earcon_seconds[] G_GNUC_UNUSED = {
  2,  3,  4,  5,  15, 22, 23, 24, 25, 26, 30, 31, 32, 33,
  43, 50, 51, 52, 53, 54, 60, 61, 62, 63, 70, 71, 72, 73,
};

/* For real time: a count-in of 3 s and one 5 s step. */
static const char short_routine[] =
  "[Routine]\nFormat=1\nId=short\nName=Short\nSummary=Test.\nHelps=recovery;\n"
  "[Step 1]\nName=Ball\nTarget=piriformis\nTool=massage-ball\nSide=left\nTechnique=hold\n"
  "Duration=5\nInstruction=Hold.\n";
#define SHORT_GET_READY 3
#define SHORT_SECONDS (SHORT_GET_READY + 5)

/* What one signal said, and how often. */
typedef struct
{
  guint n;
  char *message;
} Problems;

typedef struct
{
  UnknotClock *clock;
  UnknotRoutine *routine;
  UnknotCuePlayer *player;
  UnknotSessionSound *sound;
  Problems player_problems;
  Problems voice_problems;
  gint64 finished_at;
  gint64 longest_away; /* the longest the main thread was busy with the sound */
} Fixture;

static void
problem_cb (GObject *source, const char *message, Problems *problems)
{
  g_test_message ("%s: %s", G_OBJECT_TYPE_NAME (source), message);
  problems->n++;
  g_free (problems->message);
  problems->message = g_strdup (message);
}

static void
set_up (Fixture *f, UnknotClock *clock, const char *text, const char *sink, gboolean with_voice)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr (GError) error = NULL;
  g_autoptr (UnknotVoice) voice = with_voice ? unknot_voice_new () : NULL;

  memset (f, 0, sizeof *f);
  f->clock = clock;
  f->routine = unknot_routine_new_from_bytes (bytes, "test.routine", &error);
  g_assert_no_error (error);
  f->player = unknot_cue_player_new (sink);
  g_signal_connect (f->player, "problem", G_CALLBACK (problem_cb), &f->player_problems);
  f->sound = unknot_session_sound_new (f->player, voice);
  g_signal_connect (f->sound, "voice-problem", G_CALLBACK (problem_cb), &f->voice_problems);
}

static void
tear_down (Fixture *f)
{
  g_clear_object (&f->sound);
  g_clear_object (&f->player);
  g_clear_object (&f->routine);
  g_clear_object (&f->clock);
  g_clear_pointer (&f->player_problems.message, g_free);
  g_clear_pointer (&f->voice_problems.message, g_free);
}

static void
finished_cb (UnknotSession *session, gboolean completed, Fixture *f)
{
  g_assert_true (completed);
  f->finished_at = unknot_clock_get_time (f->clock);
}

/* Runs @what and remembers how long it kept the main thread. */
#define TIMED(f, what)                                                                  \
  G_STMT_START                                                                          \
  {                                                                                     \
    gint64 timed_start = g_get_monotonic_time ();                                       \
    what;                                                                               \
    (f)->longest_away = MAX ((f)->longest_away, g_get_monotonic_time () - timed_start); \
  }                                                                                     \
  G_STMT_END

static void
iterate_for (gint64 us)
{
  gint64 until = g_get_monotonic_time () + us;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
lines_ready (Fixture *f)
{
  gboolean ready;

  g_object_get (f->sound, "lines-ready", &ready, NULL);
  return ready;
}

/* The two-step routine on the fake clock, to its end: it ends at 73 s exactly, whatever
 * the sound does.  Returns when every late message had its chance to arrive. */
static void
run_on_fake_clock (Fixture *f)
{
  g_autoptr (UnknotSession) session = unknot_session_new (f->routine, f->clock, 5, 10);
  gint64 give_up = g_get_monotonic_time () + 60 * S;

  g_signal_connect (session, "finished", G_CALLBACK (finished_cb), f);
  TIMED (f, unknot_session_sound_set_session (f->sound, session));
  /* A test whose clock jumps needs every line first (a person's routine does not wait). */
  while (!lines_ready (f) && g_get_monotonic_time () < give_up)
    TIMED (f, g_main_context_iteration (NULL, TRUE));
  g_assert_true (lines_ready (f));

  TIMED (f, unknot_session_start (session));
  TIMED (f, unknot_fake_clock_advance (UNKNOT_FAKE_CLOCK (f->clock), 100 * S));
  g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_STATE_DONE);
  g_assert_cmpint (f->finished_at, ==, START + TWO_STEPS_SECONDS * S);

  /* Errors from streaming threads come through the bus. */
  iterate_for (S / 2);
  TIMED (f, unknot_session_sound_set_session (f->sound, NULL));
  g_test_message ("longest the main thread was away: %.1f ms", f->longest_away / 1000.0);
  g_assert_cmpint (f->longest_away, <, STALL_US);
}

/* No usable output: the routine ends on time, the person is told once across two
 * routines, and the voice, which could not be heard either, says nothing more. */
static void
check_no_output (const char *sink)
{
  Fixture f;

  g_test_message ("output: %s", sink);
  set_up (&f, unknot_fake_clock_new (START), two_steps, sink, TRUE);
  run_on_fake_clock (&f);
  g_clear_object (&f.clock);
  f.clock = unknot_fake_clock_new (START);
  run_on_fake_clock (&f);

  g_assert_cmpuint (f.player_problems.n, ==, 1);
  g_assert_true (g_str_has_prefix (f.player_problems.message, "Sound cues are off: "));
  g_assert_false (unknot_cue_player_get_available (f.player));
  g_assert_cmpuint (f.voice_problems.n, ==, 0);
  tear_down (&f);
}

static gboolean
has_element (const char *name)
{
  g_autoptr (GstElementFactory) factory = gst_element_factory_find (name);

  return factory != NULL;
}

static void
test_no_sound_server (void)
{
  if (!has_element ("pulsesink"))
    {
      g_test_skip ("pulsesink is not installed");
      return;
    }
  /* $PULSE_SERVER (see main ()) names a socket that is not there. */
  check_no_output ("pulsesink");
}

static void
test_missing_output_plugin (void)
{
  check_no_output ("unknotnosuchsink");
  check_no_output ("audioconvert ! unknotnosuchelement ! fakesink sync=false");
}

/* GStreamer without the plugins the player is built of (appsrc, audioconvert …): a child
 * process with an empty plugin path and a registry of its own. */
static void
test_missing_player_plugin (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("unknot-no-plugins-XXXXXX", &error);
      g_autofree char *registry = g_build_filename (dir, "registry.bin", NULL);

      g_assert_no_error (error);
      g_setenv ("GST_PLUGIN_SYSTEM_PATH_1_0", dir, TRUE);
      g_setenv ("GST_PLUGIN_PATH_1_0", dir, TRUE);
      g_setenv ("GST_REGISTRY_1_0", registry, TRUE);
      g_setenv ("GST_REGISTRY_FORK", "no", TRUE);
      check_no_output ("fakesink sync=false");
      unknot_test_folder_remove (dir);
      return;
    }
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

#if HAVE_ESPEAK
static char *
write_track_path (const char *dir)
{
  return g_build_filename (dir, "track.wav", NULL);
}

/* A voice that cannot speak: the earcons alone, each at its sample, and one message. */
static void
check_broken_voice (const char *espeak_data_path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("unknot-voice-XXXXXX", &error);
  g_autofree char *wav = write_track_path (dir);
  g_autofree char *sink = g_strdup_printf ("audiorate ! wavenc ! filesink location=\"%s\"", wav);
  g_autoptr (UnknotTestAudio) audio = NULL;
  g_autoptr (GArray) onsets = NULL;
  Fixture f;

  g_assert_no_error (error);
  g_setenv ("ESPEAK_DATA_PATH", espeak_data_path, TRUE);
  set_up (&f, unknot_fake_clock_new (START), two_steps, sink, TRUE);
  run_on_fake_clock (&f);

  audio = unknot_test_audio_load_wav (wav, &error);
  g_assert_no_error (error);
  onsets =
    unknot_test_audio_find_onsets (audio->samples, audio->n_samples, audio->rate,
                                   UNKNOT_TEST_AUDIO_THRESHOLD, UNKNOT_TEST_AUDIO_MIN_GAP_US);
  g_assert_cmpuint (onsets->len, ==, G_N_ELEMENTS (earcon_seconds));
  for (guint i = 0; i < onsets->len; i++)
    {
      gint64 at = (gint64) g_array_index (onsets, gsize, i) * S / audio->rate;

      g_assert_cmpint (ABS (at - (gint64) (earcon_seconds[i] * S)), <=, 10 * 1000);
    }

  /* A second routine: not told again. */
  g_clear_object (&f.clock);
  f.clock = unknot_fake_clock_new (START);
  run_on_fake_clock (&f);

  g_assert_cmpuint (f.voice_problems.n, ==, 1);
  g_assert_true (g_str_has_prefix (f.voice_problems.message, "Spoken guidance is off ("));
  g_assert_cmpuint (f.player_problems.n, ==, 0);
  tear_down (&f);
  unknot_test_folder_remove (dir);
}
#endif

#if HAVE_ESPEAK
/* Where eSpeak NG finds its data when nothing else is said. */
static char *
system_espeak_data (void)
{
  const char *path = NULL;

  espeak_ng_InitializePath (NULL);
  espeak_Info (&path);
  g_assert_nonnull (path);
  return g_strdup (path);
}

/* A temporary folder with an empty "espeak-ng-data" folder in it, whose path goes to
 * @data. */
static char *
make_voice_folder (char **data)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("unknot-espeak-XXXXXX", &error);

  g_assert_no_error (error);
  *data = g_build_filename (dir, "espeak-ng-data", NULL);
  g_assert_cmpint (g_mkdir (*data, 0755), ==, 0);
  return dir;
}
#endif

static void
test_voice_data_missing (void)
{
#if HAVE_ESPEAK
  if (g_test_subprocess ())
    {
      g_autofree char *data = NULL;
      /* The folder is there, and empty. */
      g_autofree char *dir = make_voice_folder (&data);

      check_broken_voice (dir);
      unknot_test_folder_remove (dir);
      return;
    }
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
#else
  g_test_skip ("built without eSpeak NG");
#endif
}

/* eSpeak NG with every file but the English dictionary speaks silence, and says
 * nothing of it. */
static void
test_voice_dictionary_missing (void)
{
#if HAVE_ESPEAK
  if (g_test_subprocess ())
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *system = system_espeak_data ();
      g_autofree char *data = NULL;
      g_autofree char *dir = make_voice_folder (&data);
      g_autoptr (GDir) entries = NULL;
      const char *name;

      entries = g_dir_open (system, 0, &error);
      g_assert_no_error (error);
      while ((name = g_dir_read_name (entries)) != NULL)
        {
          g_autofree char *target = g_build_filename (system, name, NULL);
          g_autofree char *link = g_build_filename (data, name, NULL);

          if (!g_str_equal (name, "en_dict"))
            g_assert_cmpint (symlink (target, link), ==, 0);
        }
      check_broken_voice (dir);
      unknot_test_folder_remove (dir);
      return;
    }
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
#else
  g_test_skip ("built without eSpeak NG");
#endif
}

/* A private PulseAudio with a null sink, on its own socket. */
typedef struct
{
  char *dir;
  char *socket;
  GPid pid;
} Server;

static gboolean
start_server (Server *server)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pulseaudio = g_find_program_in_path ("pulseaudio");
  g_autofree char *protocol = NULL;
  g_auto (GStrv) env = NULL;
  gint64 give_up;

  if (pulseaudio == NULL)
    return FALSE;

  server->dir = g_dir_make_tmp ("unknot-pulse-XXXXXX", &error);
  g_assert_no_error (error);
  server->socket = g_build_filename (server->dir, "native", NULL);
  protocol =
    g_strdup_printf ("module-native-protocol-unix socket=%s auth-anonymous=1", server->socket);
  {
    const char *argv[] = { pulseaudio,
                           "--daemonize=no",
                           "-n",
                           "--use-pid-file=no",
                           "--exit-idle-time=-1",
                           "--disallow-module-loading",
                           "--load=module-null-sink",
                           "--load",
                           protocol,
                           "--log-target=stderr",
                           "--log-level=error",
                           NULL };

    env = g_get_environ ();
    env = g_environ_setenv (env, "HOME", server->dir, TRUE);
    env = g_environ_setenv (env, "XDG_RUNTIME_DIR", server->dir, TRUE);
    env = g_environ_setenv (env, "XDG_CONFIG_HOME", server->dir, TRUE);
    env = g_environ_unsetenv (env, "DBUS_SESSION_BUS_ADDRESS");
    g_spawn_async (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &server->pid,
                   &error);
    g_assert_no_error (error);
  }

  give_up = g_get_monotonic_time () + 20 * S;
  while (!g_file_test (server->socket, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < give_up)
    g_usleep (50 * 1000);
  g_assert_true (g_file_test (server->socket, G_FILE_TEST_EXISTS));
  return TRUE;
}

static gboolean
start_server_or_skip (Server *server)
{
  if (!has_element ("pulsesink"))
    g_test_skip ("pulsesink is not installed");
  else if (!start_server (server))
    g_test_skip ("pulseaudio is not installed");
  else
    return TRUE;
  return FALSE;
}

static void
kill_server (Server *server)
{
  if (server->pid != 0)
    {
      kill (server->pid, SIGKILL);
      waitpid (server->pid, NULL, 0);
      g_spawn_close_pid (server->pid);
      server->pid = 0;
    }
}

static void
server_free (Server *server)
{
  kill_server (server);
  if (server->dir != NULL)
    unknot_test_folder_remove (server->dir);
  g_free (server->dir);
  g_free (server->socket);
}

/* Measures how long the main loop goes without turning. */
typedef struct
{
  gint64 last;
  gint64 longest;
} Watchdog;

static gboolean
watchdog_cb (gpointer user_data)
{
  Watchdog *watchdog = user_data;
  gint64 now = g_get_monotonic_time ();

  watchdog->longest = MAX (watchdog->longest, now - watchdog->last);
  watchdog->last = now;
  return G_SOURCE_CONTINUE;
}

static void
cue_count_cb (UnknotSession *session, int cue, guint step, int side, gint64 deadline, guint *n)
{
  (*n)++;
}

/* The sound server goes away mid-routine (SIGKILL, as when it crashes): the routine
 * runs on in real time and ends when its timeline says, told once; the main loop keeps
 * turning. */
static void
test_server_killed (void)
{
  Server server = { 0 };
  g_autofree char *sink = NULL;
  g_autoptr (UnknotSession) session = NULL;
  Watchdog watchdog = { 0 };
  Fixture f;
  guint watchdog_id;
  guint n_cues = 0;
  gint64 origin, give_up;
  gboolean killed = FALSE;

  if (!start_server_or_skip (&server))
    return;
  sink = g_strdup_printf ("pulsesink server=\"unix:%s\"", server.socket);
  set_up (&f, unknot_system_clock_new (), short_routine, sink, FALSE);
  session = unknot_session_new (f.routine, f.clock, SHORT_GET_READY, 0);
  g_signal_connect (session, "finished", G_CALLBACK (finished_cb), &f);
  g_signal_connect (session, "cue", G_CALLBACK (cue_count_cb), &n_cues);
  unknot_session_sound_set_session (f.sound, session);
  g_assert_true (unknot_cue_player_get_available (f.player));
  g_assert_true (unknot_cue_player_get_live (f.player));

  watchdog.last = g_get_monotonic_time ();
  watchdog_id = g_timeout_add (20, watchdog_cb, &watchdog);
  unknot_session_start (session);
  origin = unknot_session_get_origin (session);

  give_up = origin + (SHORT_SECONDS + 30) * S;
  while (unknot_session_get_state (session) != UNKNOT_SESSION_STATE_DONE &&
         g_get_monotonic_time () < give_up)
    {
      g_main_context_iteration (NULL, TRUE);
      /* Mid count-in, after its first ticks were played. */
      if (!killed && g_get_monotonic_time () >= origin + 5 * S / 2)
        {
          g_assert_cmpuint (f.player_problems.n, ==, 0);
          g_test_message ("killing the sound server after %u cues", n_cues);
          kill_server (&server);
          killed = TRUE;
        }
    }
  iterate_for (S);
  g_source_remove (watchdog_id);

  g_assert_true (killed);
  g_assert_cmpint (unknot_session_get_state (session), ==, UNKNOT_SESSION_STATE_DONE);
  g_test_message ("done %.3f s after the start (timeline: %d s); main loop still at most %.1f ms",
                  (f.finished_at - origin) / 1e6, SHORT_SECONDS, watchdog.longest / 1000.0);
  /* On time: not before its end, and not held up by the sound (a generous bound). */
  g_assert_cmpint (f.finished_at - origin, >=, SHORT_SECONDS * S);
  g_assert_cmpint (f.finished_at - origin, <, (SHORT_SECONDS + 5) * S);
  g_assert_cmpint (watchdog.longest, <, STALL_US);

  g_assert_cmpuint (f.player_problems.n, ==, 1);
  g_assert_true (g_str_has_prefix (f.player_problems.message, "Sound cues are off: "));
  g_assert_false (unknot_cue_player_get_available (f.player));

  unknot_session_sound_set_session (f.sound, NULL);
  tear_down (&f);
  server_free (&server);
}

/* A sound server that hangs (stopped with SIGSTOP: its socket still accepts): opening
 * the output waits for it, up to libpulse's 30 s, in the player's worker thread.  The
 * routine runs to its end on time meanwhile, and nothing the main thread does waits,
 * not even dropping a player whose output is still opening.  When the server dies, the
 * person is told once. */
static void
test_server_hung (void)
{
  Server server = { 0 };
  g_autofree char *sink = NULL;
  UnknotCuePlayer *other;
  gint64 give_up;
  Fixture f;

  if (!start_server_or_skip (&server))
    return;
  g_assert_cmpint (kill (server.pid, SIGSTOP), ==, 0);

  sink = g_strdup_printf ("pulsesink server=\"unix:%s\"", server.socket);
  set_up (&f, unknot_fake_clock_new (START), two_steps, sink, FALSE);
  run_on_fake_clock (&f);
  g_assert_cmpuint (f.player_problems.n, ==, 0);

  other = unknot_cue_player_new (sink);
  TIMED (&f, unknot_cue_player_prepare (other, NULL));
  TIMED (&f, unknot_cue_player_start (other, g_get_monotonic_time ()));
  TIMED (&f, g_object_unref (other));
  g_test_message ("longest the main thread was away: %.1f ms", f.longest_away / 1000.0);
  g_assert_cmpint (f.longest_away, <, STALL_US);

  kill_server (&server);
  give_up = g_get_monotonic_time () + 40 * S;
  while (f.player_problems.n == 0 && g_get_monotonic_time () < give_up)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (10 * 1000);
    }
  /* The start and stop queued behind the opening fail too: nothing more is said. */
  iterate_for (S);
  g_assert_cmpuint (f.player_problems.n, ==, 1);
  g_assert_true (g_str_has_prefix (f.player_problems.message, "Sound cues are off: "));

  tear_down (&f);
  server_free (&server);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  /* The person's sound server is not running: nothing listens there.  Set before any
   * thread starts; the test that has a server names it in the sink. */
  g_setenv ("PULSE_SERVER", "unix:/nonexistent/unknot/pulse/native", TRUE);
  /* Not in a child that hides the plugins: it must start GStreamer itself. */
  if (!g_test_subprocess ())
    g_assert_true (gst_init_check (NULL, NULL, NULL));

  g_test_add_func ("/sound-faults/no-sound-server", test_no_sound_server);
  g_test_add_func ("/sound-faults/missing-output-plugin", test_missing_output_plugin);
  g_test_add_func ("/sound-faults/missing-player-plugin", test_missing_player_plugin);
  g_test_add_func ("/sound-faults/voice-data-missing", test_voice_data_missing);
  g_test_add_func ("/sound-faults/voice-dictionary-missing", test_voice_dictionary_missing);
  g_test_add_func ("/sound-faults/server-killed", test_server_killed);
  g_test_add_func ("/sound-faults/server-hung", test_server_hung);

  return g_test_run ();
}
