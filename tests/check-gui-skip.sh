#!/bin/sh
# check-gui-skip.sh TEST...: each GUI test, with no display and UNKNOT_REQUIRE_DISPLAY
# unset (as in flatpak-builder's run-tests), skips the TAP way: the plan "1..0 # SKIP"
# and exit status 0.  Any other status makes meson report an error, not a skip.
set -u
failures=0
out=$(mktemp); trap 'rm -f "$out"' EXIT
for test in "$@"; do
  name=$(basename "$test")
  env -u DISPLAY -u WAYLAND_DISPLAY -u UNKNOT_REQUIRE_DISPLAY "$test" --tap >"$out" 2>&1
  status=$?
  if [ $status -eq 0 ] && grep -qx '1\.\.0 # SKIP .*' "$out" && [ "$(wc -l <"$out")" -eq 1 ]; then
    echo "ok - $name skips without a display"
  else
    echo "not ok - $name without a display: exit status $status, output:"
    sed 's/^/    /' "$out"
    failures=$((failures + 1))
  fi
done
echo "$failures failed"
test $failures -eq 0
