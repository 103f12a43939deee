#!/bin/sh
# encode-symbolic.sh [OUTPUT_DIR]: the symbolic icons as GTK's pre-rendered PNGs
#
# GTK draws a symbolic icon from a ".symbolic.png" (made by gtk4-encode-symbolic-svg,
# package libgtk-4-bin) without librsvg; from an SVG it first loads gdk-pixbuf's SVG
# loader and librsvg (a fortieth of what Unknot's first frame costs). The view
# switcher's icons are on the first screen at 16 px, so each symbolic icon is also
# kept at 16×16 and 32×32 (16 px at twice the scale), beside its SVG.
#
# Run it after changing an SVG in symbolic/actions; without an argument it writes
# hicolor/16x16/actions and hicolor/32x32/actions here, with one the same below that
# folder (tests/test-icons.sh checks the committed PNGs against the SVGs that way).
#
# Copyright 2026 The Unknot authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/hicolor}
for size in 16 32; do
  mkdir -p "$out/${size}x${size}/actions"
  for svg in "$here"/hicolor/symbolic/actions/*-symbolic.svg; do
    gtk4-encode-symbolic-svg -o "$out/${size}x${size}/actions" "$svg" "${size}x${size}"
  done
done
