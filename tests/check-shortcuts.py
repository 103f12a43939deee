#!/usr/bin/python3
# check-shortcuts.py SRCDIR: the shortcuts window (ui/help-overlay.ui) lists every
# keyboard shortcut the code sets.
#
# Found in src/*.c: the accelerators given to gtk_application_set_accels_for_action ()
# (as `{ "app.quit", { "<Control>q", NULL } }`), every GDK_KEY_… a shortcut controller,
# a key binding or a key handler reacts to, and triggers parsed from strings; in ui/*.ui,
# accelerators on menu items. An application accelerator is listed when its action is
# (the window shows the action's keys) or the accelerator itself is; a key is listed when
# an accelerator of the window names it ("0...9" covers the digits).
#
# Copyright 2026 The Unknot authors
# SPDX-License-Identifier: GPL-3.0-or-later

import pathlib
import re
import sys
import xml.etree.ElementTree as ET

# Keys GTK treats as the same key, named as the shortcuts window names them.
SAME_KEY = {"KP_Enter": "Return", "ISO_Enter": "Return", "KP_Space": "space",
            "ISO_Left_Tab": "Tab"}


def key_of(accelerator):
    """The key of an accelerator such as "<Control>q", without its modifiers."""
    key = re.sub(r"<[^>]+>", "", accelerator).strip()
    return SAME_KEY.get(key, key)


def expand(accelerator):
    """The keys an accelerator property names: "Left p", "0...9", "1&0"."""
    keys = set()
    for part in accelerator.split():
        for combination in part.split("&"):
            if "..." in combination:
                first, last = (key_of(k) for k in combination.split("..."))
                if len(first) == 1 and len(last) == 1:
                    keys.update(chr(c) for c in range(ord(first), ord(last) + 1))
                    continue
            keys.add(key_of(combination))
    return keys


def main(srcdir):
    src = pathlib.Path(srcdir)
    overlay = ET.parse(src / "ui" / "help-overlay.ui")
    listed_actions, listed_keys, listed_accels = set(), set(), set()
    for obj in overlay.iter("object"):
        if obj.get("class") != "GtkShortcutsShortcut":
            continue
        for prop in obj.findall("property"):
            value = (prop.text or "").strip()
            if prop.get("name") == "action-name":
                listed_actions.add(value)
            elif prop.get("name") == "accelerator":
                listed_accels.update(value.split())
                listed_keys.update(expand(value))

    missing = []
    n_found = 0
    for path in sorted((src / "src").glob("*.c")):
        text = path.read_text(encoding="utf-8")
        # Application accelerators: an action and its accelerators.
        for action, accels in re.findall(r'\{\s*"((?:app|win|window|player)\.[a-z-]+)",\s*'
                                         r'\{([^}]*)\}', text):
            for accel in re.findall(r'"([^"]+)"', accels):
                n_found += 1
                if action not in listed_actions and accel not in listed_accels:
                    missing.append(f"{path.name}: {accel} ({action})")
        # Keys a controller, a binding or a handler reacts to.
        for key in sorted(set(re.findall(r"\bGDK_KEY_(\w+)", text))):
            n_found += 1
            if SAME_KEY.get(key, key) not in listed_keys:
                missing.append(f"{path.name}: the key {key}")
        for trigger in re.findall(r'trigger_parse_string\s*\(\s*"([^"]+)"', text):
            for accel in trigger.split("|"):
                n_found += 1
                if key_of(accel) not in listed_keys:
                    missing.append(f"{path.name}: {accel}")
    for path in sorted((src / "ui").glob("*.ui")):
        if path.name == "help-overlay.ui":
            continue
        for accel in re.findall(r'<(?:attribute|property) name="(?:accel|accelerator)"[^>]*>'
                                r'([^<]+)<', path.read_text(encoding="utf-8")):
            n_found += 1
            if key_of(accel) not in listed_keys and accel not in listed_accels:
                missing.append(f"{path.name}: {accel}")

    for item in missing:
        print(f"not in ui/help-overlay.ui: {item}")
    if n_found == 0:
        print("no shortcut found in the code: this check looks in the wrong place")
        return 1
    if not missing:
        print(f"the shortcuts window lists all {n_found} shortcuts found in the code")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
