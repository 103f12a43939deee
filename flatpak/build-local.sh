#!/bin/bash
# flatpak/build-local.sh [WORKDIR]: the Flatpak, built and run on this machine, without
# Flathub.
#
# 1. Makes a Platform and an SDK runtime from Debian 12 packages (mmdebstrap), exports
#    them to a local OSTree repository and installs them (--user).  Cached in WORKDIR:
#    a runtime is made again only when its package list or this recipe changes.
# 2. Builds Unknot with flatpak-builder from a manifest derived from
#    flatpak/io.github.unknot.Unknot.json: only runtime, sdk, runtime-version and the
#    modules the Debian runtime already has (espeak-ng) differ, and the source is this
#    checkout as it is on disk.  Installs it (--user).
# 3. Runs it in the sandbox under Xvfb with a private D-Bus session and checks that the
#    window appears (screenshot), that a routine's cues render through GStreamer in the
#    sandbox (a WAV file with sound in it), and that the sandbox has no network and does
#    not see the home directory.
#
# WORKDIR defaults to _flatpak/ in the checkout (gitignored).  Needs root for apt-get and
# mmdebstrap, about 5 GB of disk and a few minutes.  Exits non-zero, saying which check
# failed, on any failure.
#
# Environment: UNKNOT_DEBIAN_MIRROR (default http://deb.debian.org/debian) and
# UNKNOT_DEBIAN_SECURITY (default http://deb.debian.org/debian-security).

set -euo pipefail

APP_ID=io.github.unknot.Unknot
PLATFORM_ID=io.github.unknot.LocalPlatform
SDK_ID=io.github.unknot.LocalSdk
BRANCH=bookworm
REMOTE=unknot-local
# Modules of the real manifest that the Debian runtime provides as packages.
PROVIDED_MODULES=espeak-ng

SRCDIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MANIFEST=$SRCDIR/flatpak/$APP_ID.json
WORKDIR=$(mkdir -p "${1:-$SRCDIR/_flatpak}" && cd "${1:-$SRCDIR/_flatpak}" && pwd)
MIRROR=${UNKNOT_DEBIAN_MIRROR:-http://deb.debian.org/debian}
SECURITY=${UNKNOT_DEBIAN_SECURITY:-http://deb.debian.org/debian-security}

PLATFORM_PACKAGES="libgtk-4-1 libadwaita-1-0 librsvg2-2 librsvg2-common
  libgstreamer1.0-0 libgstreamer-plugins-base1.0-0 gstreamer1.0-plugins-base
  gstreamer1.0-plugins-good gstreamer1.0-pulseaudio libespeak-ng1 espeak-ng-data
  fonts-cantarell fonts-dejavu-core shared-mime-info adwaita-icon-theme
  hicolor-icon-theme libglib2.0-bin libgl1 libgl1-mesa-dri libegl1 libegl-mesa0
  libglx-mesa0 tzdata"
SDK_PACKAGES="$PLATFORM_PACKAGES build-essential meson ninja-build pkg-config python3
  gettext libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev librsvg2-dev
  libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev libespeak-ng-dev
  desktop-file-utils appstream appstream-util elfutils patch file"
HOST_PACKAGES="mmdebstrap flatpak flatpak-builder elfutils xvfb xdotool imagemagick sox
  dbus-daemon libglib2.0-bin python3"

START=$(date +%s)
STEP_START=$START

die () {
  echo "build-local: FAILED: $*" >&2
  exit 1
}

step () {
  local now
  now=$(date +%s)
  if [ -n "${STEP_NAME:-}" ]; then
    echo "build-local: time: $STEP_NAME: $((now - STEP_START)) s"
  fi
  STEP_NAME=$1
  STEP_START=$now
  echo "build-local: == $1"
}

# Processes this script started, stopped on any exit.
XVFB_PID=
TMP=$(mktemp -d)
MARKER=
cleanup () {
  if [ -n "$XVFB_PID" ]; then
    kill "$XVFB_PID" 2>/dev/null || true
    wait "$XVFB_PID" 2>/dev/null || true
  fi
  [ -n "$MARKER" ] && rm -f "$MARKER"
  rm -rf "$TMP"
}
trap cleanup EXIT

step "host packages"
missing=
for package in $HOST_PACKAGES; do
  dpkg-query -W -f='${Status}\n' "$package" 2>/dev/null | grep -q '^install ok installed$' ||
    missing="$missing $package"
done
if [ -n "$missing" ]; then
  [ "$(id -u)" -eq 0 ] || die "missing packages:$missing (install them, or run as root)"
  echo "build-local: installing$missing"
  apt-get update -q >/dev/null
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >/dev/null ||
    die "apt-get could not install$missing"
fi
ARCH=$(flatpak --default-arch)
REPO=$WORKDIR/repo

# make_runtime ID SDK_OR_PLATFORM PACKAGES: a Debian root filesystem made into a runtime,
# exported to the local repository and installed; skipped when the installed one was made
# from the same packages by the same recipe.
make_runtime () {
  local id=$1 packages=$2 dir=$WORKDIR/runtime/$1 stamp
  # The stamp: the packages, the mirror and this function's own text (the recipe).
  stamp=$( (echo "$MIRROR $BRANCH $ARCH"; echo "$packages" | tr -s ' ' '\n' | sort
    declare -f make_runtime) | sha256sum | cut -c1-16)
  if [ "$(cat "$WORKDIR/runtime/$id.stamp" 2>/dev/null)" = "$stamp" ] &&
    flatpak --user info "$id//$BRANCH" >/dev/null 2>&1; then
    echo "build-local: $id//$BRANCH is up to date ($stamp)"
    return
  fi
  [ "$(id -u)" -eq 0 ] || die "making a runtime needs root (mmdebstrap)"
  # An interrupted mmdebstrap can leave /proc or /dev mounted in the root filesystem:
  # never remove across a mount.
  if grep -q " $dir/" /proc/mounts; then
    die "something is still mounted under $dir (an interrupted mmdebstrap?); unmount it first"
  fi
  rm -rf --one-file-system "$dir" "$WORKDIR/runtime/$id.stamp"
  mkdir -p "$dir"
  echo "build-local: mmdebstrap for $id"
  # shellcheck disable=SC2086
  nice -n 10 mmdebstrap --quiet --variant=essential \
    --aptopt='Apt::Install-Recommends "false"' \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-exclude=/usr/share/info/*' \
    --include="$(echo $packages | tr ' ' ',')" \
    bookworm "$dir/rootfs" \
    "deb $MIRROR bookworm main" "deb $MIRROR bookworm-updates main" \
    "deb $SECURITY bookworm-security main" ||
    die "mmdebstrap could not make the root filesystem of $id"

  # The runtime is the root filesystem's /usr, with its /etc as files/etc.
  mv "$dir/rootfs/usr" "$dir/files"
  cp -a "$dir/rootfs/etc" "$dir/files/etc"
  rm -rf --one-file-system "$dir/rootfs" "$dir/files/share/doc" "$dir/files/share/man" "$dir/files/share/info"
  # Flatpak rebuilds ld.so.cache with the runtime's bin/ldconfig; Debian has it in sbin.
  ln -sf ../sbin/ldconfig "$dir/files/bin/ldconfig"
  cat >"$dir/files/etc/ld.so.conf" <<'EOF'
include /run/flatpak/ld.so.conf.d/app-*.conf
include /app/etc/ld.so.conf
/app/lib
/app/lib/x86_64-linux-gnu
include /run/flatpak/ld.so.conf.d/runtime-*.conf
include /etc/ld.so.conf.d/*.conf
EOF
  # A --user installation refuses setuid, setgid and world-writable files.
  chmod -R u-s,g-s,o-w "$dir/files"
  cat >"$dir/metadata" <<EOF
[Runtime]
name=$id
runtime=$PLATFORM_ID/$ARCH/$BRANCH
sdk=$SDK_ID/$ARCH/$BRANCH
EOF
  flatpak build-export --runtime --files=files "$REPO" "$dir" "$BRANCH" >/dev/null ||
    die "flatpak build-export of $id failed"
  flatpak --user remote-add --if-not-exists --no-gpg-verify "$REMOTE" "file://$REPO" ||
    die "flatpak remote-add $REMOTE failed"
  flatpak --user install --noninteractive --or-update "$REMOTE" "$id//$BRANCH" >/dev/null ||
    die "flatpak install $id//$BRANCH failed"
  rm -rf --one-file-system "$dir"
  echo "$stamp" >"$WORKDIR/runtime/$id.stamp"
}

step "Platform runtime ($PLATFORM_ID//$BRANCH)"
mkdir -p "$WORKDIR/runtime"
flatpak --user remote-add --if-not-exists --no-gpg-verify "$REMOTE" "file://$REPO" 2>/dev/null || true
make_runtime "$PLATFORM_ID" "$PLATFORM_PACKAGES"
step "SDK runtime ($SDK_ID//$BRANCH)"
make_runtime "$SDK_ID" "$SDK_PACKAGES"

step "derived manifest"
# What of the checkout is not source: git's own files, build directories, this WORKDIR.
local_skips () {
  echo .git
  git -C "$SRCDIR" ls-files --others --ignored --exclude-standard --directory 2>/dev/null |
    sed -n 's|^\([^/]*\)/$|\1|p'
  case $WORKDIR in "$SRCDIR"/*) echo "${WORKDIR#"$SRCDIR"/}" ;; esac
}
LOCAL_MANIFEST=$WORKDIR/$APP_ID.local.json
python3 - "$MANIFEST" "$LOCAL_MANIFEST" "$SRCDIR" "$PLATFORM_ID" "$SDK_ID" "$BRANCH" \
  "$PROVIDED_MODULES" "$(local_skips)" <<'EOF' ||
import json, sys

real, out, srcdir, platform, sdk, branch, provided, skips = sys.argv[1:]
with open(real) as f:
    manifest = json.load(f)
manifest["runtime"] = platform
manifest["sdk"] = sdk
manifest["runtime-version"] = branch
provided = provided.split()
modules = []
for module in manifest["modules"]:
    if isinstance(module, dict) and module.get("name") in provided:
        continue
    modules.append(module)
missing = set(provided) - {m.get("name") for m in manifest["modules"] if isinstance(m, dict)}
if missing:
    sys.exit("the real manifest has no module %s" % ", ".join(sorted(missing)))
app = modules[-1]
skip = list(app["sources"][0].get("skip", [])) if app.get("sources") else []
skip += [path for path in skips.split("\n") if path and path not in skip]
app["sources"] = [{"type": "dir", "path": srcdir, "skip": skip}]
manifest["modules"] = modules
with open(out, "w") as f:
    json.dump(manifest, f, indent=2)
    f.write("\n")
EOF
  die "could not derive the local manifest from $MANIFEST"
echo "build-local: $LOCAL_MANIFEST"

step "flatpak-builder"
nice -n 10 flatpak-builder --user --disable-rofiles-fuse --force-clean --install \
  --state-dir="$WORKDIR/state" --repo="$WORKDIR/app-repo" \
  "$WORKDIR/build-dir" "$LOCAL_MANIFEST" >"$WORKDIR/flatpak-builder.log" 2>&1 || {
  tail -n 40 "$WORKDIR/flatpak-builder.log" >&2
  die "flatpak-builder failed (whole log: $WORKDIR/flatpak-builder.log)"
}
flatpak --user info "$APP_ID" >/dev/null 2>&1 || die "$APP_ID is not installed after the build"

# Everything below runs the installed app in its sandbox.
sandbox () { # COMMAND ARGS...: a command of the runtime, in the app's sandbox
  local command=$1
  shift
  flatpak --user run --command="$command" "$APP_ID" "$@"
}

step "sandbox: no network, no home"
# Only the loopback interface: /proc/net/dev lists one line per interface.
sandbox cat /proc/net/dev >"$TMP/net" 2>"$TMP/net.err" || die "could not read /proc/net/dev in the sandbox: $(cat "$TMP/net.err")"
interfaces=$(sed -n '3,$s/^ *\([^:]*\):.*/\1/p' "$TMP/net" | tr '\n' ' ')
[ "$interfaces" = "lo " ] || die "the sandbox has network interfaces other than lo: $interfaces"
echo "build-local: ok: the only network interface in the sandbox is lo"
# The host home holds a file the sandbox must not see.  In the sandbox $HOME holds only
# the app's own ~/.var/app/ID and empty directories (Flatpak masks ~/.local/share/flatpak).
MARKER=$(mktemp "$HOME/.unknot-flatpak-check.XXXXXX")
# shellcheck disable=SC2016 # expanded in the sandbox
sandbox sh -c 'test -e "$1" && echo "$1"
  cd "$HOME" && find . -mindepth 1 ! -type d ! -path "./.var/app/$2/*"
  ls -A .var/app | grep -vx "$2"
  echo "checked $HOME"' sh "$MARKER" "$APP_ID" >"$TMP/home" 2>&1 || true
[ "$(cat "$TMP/home")" = "checked $HOME" ] ||
  die "the sandbox sees the home directory: $(head -n 5 "$TMP/home" | tr '\n' ' ')"
echo "build-local: ok: the sandbox does not see $HOME"

step "sandbox: window and sound under Xvfb"
DATA_DIR=$HOME/.var/app/$APP_ID/data
WAV=$DATA_DIR/build-local-cues.wav
SHOT=$WORKDIR/sandbox-screenshot.png
mkdir -p "$DATA_DIR"
rm -f "$WAV" "$SHOT"
ROUTINE=$(sandbox unknot --list-routines 2>"$TMP/list.err" | cut -f1 | head -n 1)
[ -n "$ROUTINE" ] || die "unknot --list-routines printed no routine in the sandbox: $(cat "$TMP/list.err")"
grep -q '^glute-release' <(sandbox unknot --list-routines 2>/dev/null) && ROUTINE=glute-release
echo "build-local: routine $ROUTINE"

Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$TMP/display" 2>"$TMP/xvfb.log" &
XVFB_PID=$!
for _ in $(seq 100); do
  [ -s "$TMP/display" ] && break
  sleep 0.1
done
[ -s "$TMP/display" ] || die "Xvfb did not start: $(cat "$TMP/xvfb.log")"
DISPLAY=:$(head -n 1 "$TMP/display")
export DISPLAY
echo "build-local: Xvfb on $DISPLAY"

# In a private D-Bus session: settings past the first run, the app started on a routine
# with its cues going to a WAV file in its own data directory, a screenshot once the
# routine has run for a while, then a clean quit through the app's own action.
cat >"$TMP/session.sh" <<'EOF'
set -u
app=$1 routine=$2 wav=$3 shot=$4 log=$5 window=$6
run () { flatpak --user run --env=GSETTINGS_BACKEND=keyfile "$@"; }
for key in safety-acknowledged first-run-done; do
  run --command=gsettings "$app" set "$app" $key true || exit 10
done
run --command=gsettings "$app" set "$app" ask-pain-before false 2>/dev/null || true
run --env=UNKNOT_AUDIO_SINK="wavenc ! filesink location=$wav" "$app" --routine "$routine" \
  >"$log" 2>&1 &
pid=$!
# On any failure below, the app does not outlive this session.
trap 'kill -0 $pid 2>/dev/null && flatpak kill "$app" 2>/dev/null' EXIT
id=$(timeout 60 xdotool search --sync --onlyvisible --name . | head -n 1)
[ -n "$id" ] || exit 11
sleep 12
# The window's title and place, then the whole screen.
{ xdotool getwindowgeometry --shell "$id" && echo "NAME=$(xdotool getwindowname "$id")"; } \
  >"$window" || exit 11
import -window root "$shot" || exit 12
gdbus call --session --dest "$app" --object-path "/$(echo "$app" | tr . /)" \
  --method org.gtk.Actions.Activate quit '[]' '{}' >/dev/null || exit 13
for _ in $(seq 150); do
  kill -0 $pid 2>/dev/null || break
  sleep 0.1
done
kill -0 $pid 2>/dev/null && exit 14
wait $pid || exit 15
EOF
status=0
timeout 180 dbus-run-session -- bash "$TMP/session.sh" "$APP_ID" "$ROUTINE" "$WAV" "$SHOT" \
  "$WORKDIR/app.log" "$TMP/window" >"$WORKDIR/session.log" 2>&1 || status=$?
case $status in
  0) ;;
  10) die "gsettings in the sandbox could not set the app's keys" ;;
  11) die "no window appeared within 60 s (app log: $WORKDIR/app.log)" ;;
  12) die "import could not take a screenshot of $DISPLAY" ;;
  13) die "the app did not take its quit action over D-Bus (app log: $WORKDIR/app.log)" ;;
  14) die "the app did not quit within 15 s (app log: $WORKDIR/app.log)" ;;
  15) die "the app exited with an error (app log: $WORKDIR/app.log)" ;;
  *) die "the sandbox session failed with status $status (logs: $WORKDIR/app.log, $WORKDIR/session.log)" ;;
esac
echo "build-local: app log: $WORKDIR/app.log"

# The window: the player's, at least 360 × 360, and not one flat colour on the screenshot.
[ -s "$SHOT" ] || die "no screenshot at $SHOT"
field () { sed -n "s/^$1=//p" "$TMP/window"; }
X=$(field X) Y=$(field Y) WIDTH=$(field WIDTH) HEIGHT=$(field HEIGHT) NAME=$(field NAME)
if [ "${WIDTH:-0}" -lt 360 ] || [ "${HEIGHT:-0}" -lt 360 ]; then
  die "the window is ${WIDTH:-?} × ${HEIGHT:-?}, too small to be the app's"
fi
deviation=$(convert "$SHOT" -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" -colorspace Gray \
  -format '%[fx:standard_deviation]' info:)
python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) > 0.05 else 1)" "$deviation" ||
  die "the window on the screenshot $SHOT is blank (standard deviation $deviation)"
echo "build-local: ok: the window '$NAME' appeared, ${WIDTH} × ${HEIGHT} (screenshot $SHOT," \
  "standard deviation in the window $deviation)"

# The cues: a complete WAV with sound in it.
[ -s "$WAV" ] || die "the app wrote no cues to $WAV"
sox "$WAV" -n stat 2>"$TMP/stat" || die "sox cannot read $WAV: $(cat "$TMP/stat")"
length=$(sed -n 's/^Length (seconds): *//p' "$TMP/stat")
amplitude=$(sed -n 's/^Maximum amplitude: *//p' "$TMP/stat")
python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) >= 1 else 1)" "$length" ||
  die "the cue track in $WAV is only $length s long"
python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) > 0.05 else 1)" "$amplitude" ||
  die "the cue track in $WAV is silent (maximum amplitude $amplitude)"
echo "build-local: ok: cues rendered in the sandbox: $WAV, $length s, maximum amplitude $amplitude"

step "done"
echo "build-local: all checks passed in $(($(date +%s) - START)) s"
