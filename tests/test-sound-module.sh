#!/bin/sh
# test-sound-module.sh UNKNOT: GStreamer and espeak-ng come with the first routine.
# The unknot executable does not link them; started on its routine list it has not
# loaded them (nor libunknot-sound.so); started into a routine it loads the module
# from beside itself and the routine's cues reach the sink, here a WAV file.  Nor has
# the idle app loaded gdk-pixbuf's SVG loader: its first screen's icons are
# pre-rendered PNGs (resources/icons/encode-symbolic.sh).
set -u
unknot=$1
. "$(dirname "$0")/test-lib.sh"

require_display
require_tools dbus-run-session gsettings readelf xdotool
# A session bus of our own: the app registers its name and nothing else answers.
on_own_session_bus "$@"

tmp=$(mktemp -d)
export XDG_CONFIG_HOME="$tmp/config" GSETTINGS_BACKEND=keyfile
unset UNKNOT_SOUND_MODULE
app_id=io.github.unknot.Unknot
pids=
trap 'for p in $pids; do kill $p 2>/dev/null; done; rm -rf "$tmp"' EXIT
gsettings set $app_id safety-acknowledged true
gsettings set $app_id first-run-done true
gsettings set $app_id ask-pain-before false

maps_have () { grep -q "/$2" "/proc/$1/maps" 2>/dev/null; }
maps_lack () { grep -q "/$2" "/proc/$1/maps" || return 1; ! grep -q "/$3" "/proc/$1/maps"; }
has_window () { [ -n "$(xdotool search --onlyvisible --pid "$1" 2>/dev/null)" ]; }

needed=$(readelf -d "$unknot" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
check "unknot links GLib and GTK" sh -c "echo '$needed' | grep -q libgtk-4"
check "unknot does not link GStreamer" sh -c "! echo '$needed' | grep -q libgst"
check "unknot does not link espeak-ng" sh -c "! echo '$needed' | grep -q libespeak"
check "the sound module is built beside it" test -f "$(dirname "$unknot")/libunknot-sound.so"

# On the routine list: no sound libraries.
"$unknot" >"$tmp/idle.log" 2>&1 &
idle=$!
pids="$pids $idle"
check "the window opens" wait_until 30 has_window $idle
sleep 1
# (maps_lack PID A B: the maps can be read and name A, but not B)
check "the idle app has not loaded the sound module" maps_lack $idle libgtk-4 libunknot-sound.so
check "the idle app has not loaded GStreamer" maps_lack $idle libgtk-4 libgstreamer-1.0
check "the idle app has not loaded espeak-ng" maps_lack $idle libgtk-4 libespeak-ng
check "the idle app has not loaded the SVG loader" maps_lack $idle libgtk-4 libpixbufloader-svg
kill $idle; wait $idle 2>/dev/null

# Into a routine: the module comes, and with it the cues.
UNKNOT_AUDIO_SINK="wavenc ! filesink location=$tmp/cues.wav" "$unknot" --routine glute-release \
  >"$tmp/routine.log" 2>&1 &
running=$!
pids="$pids $running"
check "the routine loads the sound module" wait_until 30 maps_have $running libunknot-sound.so
check "and GStreamer with it" maps_have $running libgstreamer-1.0
# The count-in's ticks and the first step's chime: more than a second of 48 kHz audio.
cues_written () { [ "$(stat -c %s "$tmp/cues.wav" 2>/dev/null || echo 0)" -gt 200000 ]; }
check "the routine's cues reach the sink" wait_until 30 cues_written
check "the sink wrote a WAV file" test "$(head -c 4 "$tmp/cues.wav")" = RIFF
kill $running; wait $running 2>/dev/null

[ $failures -eq 0 ] || { echo "# routine log:"; sed 's/^/# /' "$tmp/routine.log"; }
exit $failures
