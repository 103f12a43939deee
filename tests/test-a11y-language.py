#!/usr/bin/python3
# test-a11y-language.py UNKNOT SCHEMA_DIR LANG WORD...: started with LANGUAGE=LANG,
# the app shows each WORD (a tab, a routine's name) on its screen.
#
# Copyright 2026 The Unknot authors
# SPDX-License-Identifier: GPL-3.0-or-later

import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree

from unknot_a11y import App, find, run, wait_for  # noqa: E402


def main(argv):
    unknot, schema_dir, language, *words = argv
    app = App(unknot, schema_dir, environment={"LANGUAGE": language, "LC_ALL": "C.UTF-8"})
    try:
        for n, word in enumerate(words, 1):
            wait_for(f"“{word}”", lambda: find(app.root, lambda node: node.name == word), 10)
            print(f"ok {n} - “{word}” is on the screen in {language}")
        print(f"1..{len(words)}")
        return 0
    finally:
        app.close()


if __name__ == "__main__":
    run(main, "usage: test-a11y-language.py UNKNOT SCHEMA_DIR LANG WORD...")
