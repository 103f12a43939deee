#!/usr/bin/python3
# test-a11y-body.py UNKNOT SCHEMA_DIR: the Body page as a screen reader meets it.
#
# Starts the built app in its own D-Bus session with an accessibility bus, opens the Body
# page, and on the AT-SPI bus: every part of the picture is a named button; Tab reaches
# the parts, an arrow key moves between them, Enter selects one, and the selected part is
# pressed and named beside the picture.  Keys are typed with xdotool, as a person would.
#
# Copyright 2026 The Unknot authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77
REQUIRED = os.environ.get("UNKNOT_REQUIRE_DISPLAY") is not None
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"

# At the surface layer: both gluteus maximus, the top of both medius, the nerve below.
EXPECTED = {
    "Left gluteus maximus", "Right gluteus maximus", "Left gluteus medius",
    "Right gluteus medius", "Left sciatic nerve", "Right sciatic nerve", "Sacrum",
}
HIDDEN = {"Left piriformis", "Right piriformis"}  # under the maximus


def skip(reason):
    print(f"1..0 # SKIP {reason}")
    sys.exit(1 if REQUIRED else SKIP)


def wait_for(what, probe, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            found = probe()
        except Exception:  # the tree changes under us while the app starts
            found = None
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def main(unknot, schema_dir):
    import pyatspi

    def app_of(pid):
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.get_process_id() == pid:
                return app
        return None

    def find(node, test, depth=0):
        if node is None or depth > 50:
            return None
        if test(node):
            return node
        for i in range(node.childCount):
            found = find(node.getChildAtIndex(i), test, depth + 1)
            if found is not None:
                return found
        return None

    # GTK 4.8 does not keep STATE_SHOWING up to date, so names are looked for anywhere.
    def named(name, *roles):
        return lambda n: n.name == name and n.getRoleName() in roles

    home = tempfile.mkdtemp(prefix="unknot-a11y-")
    env = dict(os.environ)
    for key in ("NO_AT_BRIDGE", "GTK_A11Y", "UNKNOT_APP_G_DEBUG"):
        env.pop(key, None)
    if "UNKNOT_APP_G_DEBUG" in os.environ:
        env["G_DEBUG"] = os.environ["UNKNOT_APP_G_DEBUG"]
    env.update(GSETTINGS_BACKEND="keyfile", GSETTINGS_SCHEMA_DIR=schema_dir,
               XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_DATA_HOME=os.path.join(home, "data"), GDK_BACKEND="x11")
    for key in ("safety-acknowledged", "first-run-done"):
        subprocess.run(["gsettings", "set", "io.github.unknot.Unknot", key, "true"],
                       env=env, check=True)

    app_process = subprocess.Popen([unknot], env=env)
    try:
        app = wait_for("the app on the bus", lambda: app_of(app_process.pid))
        wait_for("its window", lambda: find(app, lambda n: n.getRoleName() == "frame"))

        body_tab = wait_for("the Body tab", lambda: find(app, named("Body", "page tab")))
        body_tab.queryAction().doAction(0)
        picture = wait_for("the picture", lambda: find(
            app, named("The hips, seen from behind", "panel")))

        parts = [picture.getChildAtIndex(i) for i in range(picture.childCount)]
        names = [p.name for p in parts]
        print(f"# parts on the bus: {names}")
        assert all(p.getRoleName() == "push button" for p in parts), names
        assert all(name for name in names), names
        assert len(set(names)) == len(names), names
        assert EXPECTED <= set(names), EXPECTED - set(names)
        assert not HIDDEN & set(names), HIDDEN & set(names)
        print("ok 1 every part shown is a named button")

        window = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--pid",
                                 str(app_process.pid)], env=env, check=True,
                                capture_output=True, text=True).stdout.split()[0]
        subprocess.run(["xdotool", "windowfocus", "--sync", window], env=env, check=True)

        def key(name):
            subprocess.run(["xdotool", "key", "--clearmodifiers", name], env=env, check=True)
            time.sleep(0.15)

        def focused_part():
            for part in parts:
                if part.getState().contains(pyatspi.STATE_FOCUSED):
                    return part
            return None

        for _ in range(40):
            key("Tab")
            if focused_part() is not None:
                break
        first = focused_part()
        assert first is not None, "Tab never reached the picture"
        assert first.name == "Left gluteus maximus", first.name
        print(f"ok 2 Tab reaches the picture at {first.name!r}")

        key("Right")
        second = wait_for("the focus to move", lambda: (
            focused_part() if focused_part() not in (None, first) else None), 5)
        print(f"ok 3 Right moves to {second.name!r}")

        key("Return")
        states = wait_for("the part to be pressed", lambda: (
            second.getState() if (second.getState().contains(pyatspi.STATE_PRESSED)
                                  or second.getState().contains(pyatspi.STATE_CHECKED))
            else None), 5)
        title = wait_for("its name beside the picture", lambda: find(
            app, named(second.name, "label")), 5)
        assert title.name == second.name
        assert not first.getState().contains(pyatspi.STATE_PRESSED)
        print(f"ok 4 Enter selects {second.name!r}, pressed and named beside the picture")
        print("1..4")
        return 0
    finally:
        app_process.terminate()
        app_process.wait(10)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) != 3 and not (len(sys.argv) == 4 and sys.argv[1] == "--inner"):
        sys.exit("usage: test-a11y-body.py UNKNOT SCHEMA_DIR")
    if not os.environ.get("DISPLAY"):
        skip("no X display")
    if sys.argv[1] != "--inner":
        for tool in ("dbus-run-session", "xdotool", "gsettings"):
            if shutil.which(tool) is None:
                skip(f"{tool} is not installed")
        if not os.path.exists(BUS_LAUNCHER):
            skip("at-spi2-core is not installed")
        try:
            import pyatspi  # noqa: F401
        except ImportError:
            skip("python3-pyatspi is not installed")
        # A session bus of our own, so the app and its accessibility bus are ours alone.
        sys.exit(subprocess.run(["dbus-run-session", "--", sys.executable, sys.argv[0],
                                 "--inner"] + sys.argv[1:]).returncode)

    # libatspi warns about objects that come and go while the app starts: not fatal here.
    # The app keeps the test environment's G_DEBUG.
    app_debug = os.environ.pop("G_DEBUG", None)
    if app_debug is not None:
        os.environ["UNKNOT_APP_G_DEBUG"] = app_debug
    launcher = subprocess.Popen([BUS_LAUNCHER, "--launch-immediately"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(0.5)
        sys.exit(main(sys.argv[2], sys.argv[3]))
    finally:
        launcher.terminate()
        launcher.wait(10)
