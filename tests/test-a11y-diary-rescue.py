#!/usr/bin/python3
# test-a11y-diary-rescue.py UNKNOT SCHEMA_DIR: the app starts on a keyfile whose pain
# diary was torn; it tells the person what it recovered and where the damaged file is
# kept, and the copy is there, byte for byte.
#
# Copyright 2026 The Unknot authors
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree

from unknot_a11y import App, find, run, wait_for  # noqa: E402

LOG = ("[(1764000000, 'low-back', byte 5, '', 'check-in', ''),"
       " (1764000600, 'knee-left', byte 3, '', 'check-in', 'a note'),"
       " (1764001200, 'hip-right', byte 2, '', 'check-in', '')]")


def tear(app):
    keyfile = os.path.join(app.home, "config", "glib-2.0", "settings", "keyfile")
    with open(keyfile, encoding="utf-8") as f:
        text = f.read()
    start = text.index("pain-log=")
    end = text.index("\n", start)
    # Cut inside the third entry, as a torn write leaves it.
    cut = text.index("hip-right", start)
    app.damaged = text[:cut] + text[end:]
    with open(keyfile, "w", encoding="utf-8") as f:
        f.write(app.damaged)


def main(argv):
    unknot, schema_dir = argv
    app = App(unknot, schema_dir, settings={"pain-log": LOG}, prepare=tear)
    try:
        dialog = wait_for("the damage report", lambda: find(
            app.root, lambda n: n.name and "Your Pain Diary Was Damaged" in n.name), 15)
        print("ok 1 - the person is told")
        body = wait_for("the report's text", lambda: find(
            app.root, lambda n: n.name and "2 entries were recovered. 1 could not be read."
            in n.name), 5)
        print("ok 2 - it says what was recovered")
        copies = glob.glob(os.path.join(app.home, "config", "glib-2.0", "settings",
                                        "keyfile.damaged-*"))
        assert len(copies) == 1, copies
        assert copies[0] in body.name, body.name
        with open(copies[0], encoding="utf-8") as f:
            assert f.read() == app.damaged
        print("ok 3 - the damaged file is kept beside, byte for byte, and named")
        assert dialog is not None
        print("1..3")
        return 0
    finally:
        app.close()


if __name__ == "__main__":
    run(main, "usage: test-a11y-diary-rescue.py UNKNOT SCHEMA_DIR")
