#!/bin/sh
# tests/fuzz/merge.sh [TARGET...]: adds to tests/fuzz/corpus/TARGET/ the inputs of the
# corpus run.sh grew ($UNKNOT_FUZZ_WORK/TARGET/corpus) that reach code or behaviour the
# seeds and regressions do not (libFuzzer's -merge=1), named by their hash.
set -eu

src=$(cd "$(dirname "$0")/../.." && pwd)
build=${UNKNOT_FUZZ_BUILD:-$src/_build-fuzz}
work=${UNKNOT_FUZZ_WORK:-$src/_fuzz-work}
targets=${*:-routine diary-value diary-salvage csv-import routine-file}
export G_SLICE=always-malloc
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for t in $targets; do
  [ -d "$work/$t/corpus" ] || { echo "$t: no grown corpus in $work/$t/corpus" >&2; exit 1; }
  seeds="$src/tests/fuzz/corpus/$t $src/tests/fuzz/regressions/$t"
  # As in meson.build: routine-file also starts from routine's seeds and regressions.
  [ "$t" = routine-file ] &&
    seeds="$seeds $src/tests/fuzz/corpus/routine $src/tests/fuzz/regressions/routine"
  rm -rf "$tmp/out" && mkdir "$tmp/out"
  # shellcheck disable=SC2086 # one word per directory
  find $seeds -maxdepth 1 -type f ! -name '.*' -exec cp {} "$tmp/out/" \;
  ls "$tmp/out" >"$tmp/seeds"
  ninja -C "$build" "tests/fuzz/fuzz-$t" >/dev/null
  "$build/tests/fuzz/fuzz-$t" -merge=1 "$tmp/out" "$work/$t/corpus" >"$work/$t/merge.log" 2>&1
  added=0
  for f in "$tmp/out"/*; do
    name=$(basename "$f")
    grep -qxF "$name" "$tmp/seeds" && continue
    cp "$f" "$src/tests/fuzz/corpus/$t/"
    added=$((added + 1))
  done
  echo "$t: $added inputs added to tests/fuzz/corpus/$t/"
done
