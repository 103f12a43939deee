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

import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree

from unknot_a11y import App, find, named, run, wait_for  # noqa: E402

# At the surface layer: both gluteus maximus, the top of both medius, the nerve below.
EXPECTED = {
    "Left gluteus maximus", "Right gluteus maximus", "Left gluteus medius",
    "Right gluteus medius", "Left sciatic nerve", "Right sciatic nerve", "Sacrum",
}
HIDDEN = {"Left piriformis", "Right piriformis"}  # under the maximus


def main(argv):
    import pyatspi

    unknot, schema_dir = argv
    started = App(unknot, schema_dir)
    app, app_process, env = started.root, started.process, started.env
    try:
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
        started.close()


if __name__ == "__main__":
    run(main, "usage: test-a11y-body.py UNKNOT SCHEMA_DIR")
