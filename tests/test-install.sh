#!/bin/sh
# test-install.sh BUILDDIR: `meson install` gives a menu entry that starts the app.
# Installs into a temporary DESTDIR, then launches the installed desktop file the way a
# desktop does (gio launch: the entry is D-Bus activatable, so through the session bus)
# and waits for Unknot to appear on the bus; then, Unknot not running, asks the bus for
# an action as a clicked reminder does, which starts Unknot to carry it out.
set -u
builddir=$1
tmp=$(mktemp -d)
bus_pid=
trap 'test -n "$bus_pid" && kill "$bus_pid"; rm -rf "$tmp"' EXIT
. "$(dirname "$0")/test-lib.sh"

meson install -C "$builddir" --destdir "$tmp/root" --no-rebuild --quiet >"$tmp/install.log" 2>&1
check "meson install succeeds" test $? -eq 0
prefix=$(meson introspect "$builddir" --buildoptions | python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"]=="prefix"][0])')
root=$tmp/root$prefix
app_id=$(ls "$root/share/applications" | sed -n 's/\.desktop$//p' | head -n 1)
desktop=$root/share/applications/$app_id.desktop

check "binary installed" test -x "$root/bin/unknot"
check "desktop file installed" test -f "$desktop"
check "metainfo installed" test -f "$root/share/metainfo/$app_id.metainfo.xml"
check "schema installed" test -f "$root/share/glib-2.0/schemas/$app_id.gschema.xml"
check "app icon installed" test -f "$root/share/icons/hicolor/scalable/apps/$app_id.svg"
check "symbolic icon installed" test -f "$root/share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
check "installed desktop file is valid" desktop-file-validate "$desktop"
check "desktop file names its icon" grep -qx "Icon=$app_id" "$desktop"
check "desktop file has the last-routine action" grep -q '^Exec=unknot --last-routine$' "$desktop"
check "desktop file has keywords" grep -q '^Keywords=.*piriformis.*sciatica.*foam roller' "$desktop"
check "desktop file is D-Bus activatable" grep -qx 'DBusActivatable=true' "$desktop"
service=$root/share/dbus-1/services/$app_id.service
check "D-Bus service installed" test -f "$service"
check "D-Bus service names the app" grep -qx "Name=$app_id" "$service"
check "D-Bus service starts the installed binary as a service" \
  grep -qx "Exec=$prefix/bin/unknot --gapplication-service" "$service"

if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  if [ -n "${UNKNOT_REQUIRE_DISPLAY:-}" ]; then echo "not ok - no display or session bus"; exit 1; fi
  echo "# no display or session bus: not launching"
else
  # DESTDIR skips the post-install steps; do what they do.
  glib-compile-schemas "$root/share/glib-2.0/schemas"
  export PATH="$root/bin:$PATH" GSETTINGS_SCHEMA_DIR="$root/share/glib-2.0/schemas"
  export XDG_DATA_DIRS="$root/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
  # Whether the app owns its name (true|false), asked of the bus itself: a call to the
  # app would start it.
  owns_name () {
    gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
      --method org.freedesktop.DBus.NameHasOwner "$app_id" 2>/dev/null | grep -q "($1,)"
  }
  routine_opened () { # the last routine opened is $1
    [ "$(gsettings get "$app_id" last-routine)" = "'$1'" ]
  }
  quit_app () {
    gdbus call --session --dest "$app_id" --object-path "$path" \
      --method org.gtk.Actions.Activate quit '[]' '{}' >/dev/null 2>&1
  }
  # A session bus of its own that knows the installed service, its Exec pointed into
  # DESTDIR; what it starts inherits this environment.
  mkdir "$tmp/services" "$tmp/config"
  sed "s|^Exec=$prefix/bin/|Exec=$root/bin/|" "$service" >"$tmp/services/$app_id.service"
  cat >"$tmp/bus.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=$tmp</listen>
  <servicedir>$tmp/services</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF
  export GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$tmp/config"
  dbus-daemon --config-file="$tmp/bus.conf" --fork --print-address=3 --print-pid=4 \
    3>"$tmp/bus.address" 4>"$tmp/bus.pid"
  check "a session bus of its own starts" test $? -eq 0
  bus_pid=$(cat "$tmp/bus.pid")
  DBUS_SESSION_BUS_ADDRESS=$(cat "$tmp/bus.address")
  export DBUS_SESSION_BUS_ADDRESS
  gio launch "$desktop" >"$tmp/launch.log" 2>&1
  check "gio launch starts the desktop file" test $? -eq 0
  path=/$(echo "$app_id" | tr . /)
  check "the launched app is running on the session bus" wait_until 10 owns_name true
  gdbus call --session --dest "$app_id" --object-path "$path" \
    --method org.gtk.Actions.List >"$tmp/actions" 2>&1
  check "the running app offers its actions" grep -q "'open-routine'" "$tmp/actions"
  quit_app
  check "Quit ends it" wait_until 10 owns_name false

  # A reminder's "Start", clicked after Unknot quit: the desktop asks the bus for the
  # action, the bus starts Unknot, and Unknot opens the routine.
  gsettings set "$app_id" safety-acknowledged true
  gsettings set "$app_id" ask-pain-before false
  gdbus call --session --dest "$app_id" --object-path "$path" \
    --method org.freedesktop.Application.ActivateAction open-routine "[<'glute-release'>]" '{}' \
    >"$tmp/action.log" 2>&1
  check "the bus starts Unknot for an action" test $? -eq 0
  check "the action opened its routine" wait_until 10 routine_opened glute-release
  quit_app
  check "Quit ends it again" wait_until 10 owns_name false
fi

echo "$failures failed"
test $failures -eq 0
