#!/bin/sh
# test-icons.sh SOURCE_ROOT: each symbolic icon's pre-rendered PNGs (16 and 32 px) are
# the ones its SVG gives now (resources/icons/encode-symbolic.sh makes them).
set -u
root=$1
. "$(dirname "$0")/test-lib.sh"

require_tools gtk4-encode-symbolic-svg cmp
icons=$root/resources/icons
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check "the PNGs can be made" sh "$icons/encode-symbolic.sh" "$tmp"
for svg in "$icons"/hicolor/symbolic/actions/*-symbolic.svg; do
  icon=$(basename "$svg" .svg)
  for size in 16x16 32x32; do
    check "$icon at $size is up to date" \
      cmp "$tmp/$size/actions/$icon.symbolic.png" "$icons/hicolor/$size/actions/$icon.symbolic.png"
  done
done
exit $failures
