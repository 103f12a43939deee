#!/bin/sh
# test-background.sh UNKNOT: `unknot --reminders`, as the autostart entry runs it at log-in.
# On a private session bus with a fake notification server: with reminders off it says
# so and exits; with today's reminder due it sends the notification without opening a
# window and stays running; a second `--reminders` leaves the running one to it.
set -u
unknot=$1
. "$(dirname "$0")/test-lib.sh"

require_display
require_tools dbus-run-session gsettings xdotool
/usr/bin/python3 -c 'from gi.repository import Gio' 2>/dev/null ||
  { echo "1..0 # SKIP python3-gi is not installed"; exit 0; }

# A session bus of our own: nothing else sees the notification, or answers it.
on_own_session_bus "$@"

tmp=$(mktemp -d)
export XDG_CONFIG_HOME="$tmp/config" GSETTINGS_BACKEND=keyfile
app_id=io.github.unknot.Unknot
set_key () { gsettings set $app_id "$1" "$2"; }
pids=
trap 'for p in $pids; do kill $p 2>/dev/null; done; rm -rf "$tmp"' EXIT


# Reminders off: nothing to do.
timeout 20 "$unknot" --reminders >"$tmp/out" 2>"$tmp/err"; rc=$?
check "--reminders with reminders off exits 0" test $rc -eq 0
check "--reminders with reminders off says so" grep -q "Reminders are off" "$tmp/err"

# On, every day, this very minute, never shown: due at once.
set_key first-run-done true
set_key safety-acknowledged true
set_key reminder-days "['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']"
# "This minute" must still be today when Unknot looks.
[ "$(date +%H%M%S)" -lt 235950 ] || sleep 11
set_key reminder-time "$(( $(date +%-H) * 60 + $(date +%-M) ))"
set_key reminder-last-shown 0
set_key reminders-enabled true

# org.freedesktop.Notifications that writes down each notification: summary, body, actions.
/usr/bin/python3 - "$tmp/monitor" >"$tmp/server.log" 2>&1 <<'PY' &
import sys
from gi.repository import Gio, GLib
XML = """<node><interface name='org.freedesktop.Notifications'>
<method name='Notify'><arg type='s'/><arg type='u'/><arg type='s'/><arg type='s'/>
<arg type='s'/><arg type='as'/><arg type='a{sv}'/><arg type='i'/>
<arg type='u' direction='out'/></method>
<method name='GetCapabilities'><arg type='as' direction='out'/></method>
<method name='CloseNotification'><arg type='u'/></method>
<method name='GetServerInformation'><arg type='s' direction='out'/><arg type='s' direction='out'/>
<arg type='s' direction='out'/><arg type='s' direction='out'/></method>
</interface></node>"""
def call(conn, sender, path, iface, method, params, invocation):
    if method == "Notify":
        app, _, _, summary, body, actions = params.unpack()[:6]
        with open(sys.argv[1], "a") as log:
            log.write(f"{summary}|{body!r}|{';'.join(actions)}\n")
        invocation.return_value(GLib.Variant("(u)", (1,)))
    elif method == "GetCapabilities":
        invocation.return_value(GLib.Variant("(as)", (["actions", "body"],)))
    elif method == "GetServerInformation":
        invocation.return_value(GLib.Variant("(ssss)", ("fake", "unknot", "1", "1.2")))
    else:
        invocation.return_value(None)
bus = Gio.bus_get_sync(Gio.BusType.SESSION)
bus.register_object("/org/freedesktop/Notifications",
                    Gio.DBusNodeInfo.new_for_xml(XML).interfaces[0], call)
Gio.bus_own_name_on_connection(bus, "org.freedesktop.Notifications", 0, None, None)
GLib.MainLoop().run()
PY
pids="$pids $!"
has_server () { gdbus call --session -d org.freedesktop.DBus -o /org/freedesktop/DBus \
  -m org.freedesktop.DBus.NameHasOwner org.freedesktop.Notifications 2>/dev/null | grep -q true; }
check "the fake notification server runs" wait_until 20 has_server
"$unknot" --reminders >"$tmp/app.log" 2>&1 &
app=$!
pids="$pids $app"

shown () { [ "$(gsettings get $app_id reminder-last-shown)" != "int64 0" ]; }
check "the due reminder is recorded as shown" wait_until 20 shown
check "a notification is sent with the coach's routine" \
  wait_until 10 grep -q "Time for your [0-9]*-minute routine" "$tmp/monitor"
check "the notification has a Start button" grep -q '|default;;app.open-routine::[a-z-]*;Start$' "$tmp/monitor"
sleep 1
check "no window is shown" test -z "$(xdotool search --onlyvisible --pid $app 2>/dev/null)"
check "it keeps running while reminders are on" kill -0 $app

timeout 20 "$unknot" --reminders >"$tmp/out2" 2>&1; rc=$?
check "a second --reminders leaves it to the running one" test $rc -eq 0
check "the first one still runs" kill -0 $app
check "a reminder is shown once" test "$(grep -c "Time for your" "$tmp/monitor")" -eq 1

# Off: it has nothing to hold on for, and goes.
set_key reminders-enabled false
gone () { ! kill -0 $app 2>/dev/null; }
check "turning reminders off ends the background instance" wait_until 20 gone

sed "s/^/# notification: /" "$tmp/monitor"
[ $failures -eq 0 ] || { echo "# app log:"; sed 's/^/# /' "$tmp/app.log"; }
exit $failures
