# unknot_a11y.py: start the built app on a private accessibility bus and read it as a
# screen reader does (AT-SPI, python3-pyatspi).  Shared by the test-a11y-*.py tests.
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


def app_of(pid):
    import pyatspi

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


def walk(node, depth=0):
    """Every node below @node, @node included."""
    if node is None or depth > 60:
        return
    yield node
    for i in range(node.childCount):
        yield from walk(node.getChildAtIndex(i), depth + 1)


# GTK 4.8 does not keep STATE_SHOWING up to date, so names are looked for anywhere.
def named(name, *roles):
    return lambda n: n.name == name and n.getRoleName() in roles


class App:
    """The built app with fresh settings, started with @args; prepare(app) runs just
    before it starts, with app.home and app.env set."""

    def __init__(self, unknot, schema_dir, args=(), settings=None, environment=None,
                 prepare=None):
        self.home = tempfile.mkdtemp(prefix="unknot-a11y-")
        env = dict(os.environ)
        for key in ("NO_AT_BRIDGE", "GTK_A11Y", "UNKNOT_APP_G_DEBUG"):
            env.pop(key, None)
        if "UNKNOT_APP_G_DEBUG" in os.environ:
            env["G_DEBUG"] = os.environ["UNKNOT_APP_G_DEBUG"]
        env.update(GSETTINGS_BACKEND="keyfile", GSETTINGS_SCHEMA_DIR=schema_dir,
                   XDG_CONFIG_HOME=os.path.join(self.home, "config"),
                   XDG_DATA_HOME=os.path.join(self.home, "data"), GDK_BACKEND="x11")
        env.update(environment or {})
        values = {"safety-acknowledged": "true", "first-run-done": "true"}
        values.update(settings or {})
        for key, value in values.items():
            subprocess.run(["gsettings", "set", "io.github.unknot.Unknot", key, value],
                           env=env, check=True)
        self.env = env
        if prepare is not None:
            prepare(self)
        self.process = subprocess.Popen([unknot] + list(args), env=env)
        self.root = wait_for("the app on the bus", lambda: app_of(self.process.pid))
        wait_for("its window", lambda: find(self.root, lambda n: n.getRoleName() == "frame"))

    def close(self):
        self.process.terminate()
        self.process.wait(10)
        shutil.rmtree(self.home, ignore_errors=True)


def run(main, usage):
    """Runs main (argv) inside its own session bus with an accessibility bus."""
    if len(sys.argv) < 2:
        sys.exit(usage)
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
        sys.exit(main(sys.argv[2:]))
    finally:
        launcher.terminate()
        launcher.wait(10)
