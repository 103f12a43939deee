#!/bin/sh
# tests/fuzz/run.sh SECONDS [TARGET...]: runs each fuzz target for SECONDS with
# libFuzzer, ASan and UBSan; exits non-zero on any finding. See HACKING.md, "Fuzzing".
#
# Builds a clang fuzzing build (-Dfuzzing=true) in $UNKNOT_FUZZ_BUILD (default
# _build-fuzz) if there is none. The corpus each target grows is kept in
# $UNKNOT_FUZZ_WORK (default _fuzz-work, git ignores it) and used again by the next
# run; findings are copied to $UNKNOT_FUZZ_WORK/findings/TARGET/.
set -eu

if [ $# -lt 1 ] || ! [ "$1" -gt 0 ] 2>/dev/null; then
  echo "usage: $0 SECONDS [TARGET...]" >&2
  exit 2
fi
seconds=$1; shift
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${UNKNOT_FUZZ_BUILD:-$src/_build-fuzz}
work=${UNKNOT_FUZZ_WORK:-$src/_fuzz-work}
all_targets="routine diary-value diary-salvage csv-import routine-file"
targets=${*:-$all_targets}

for t in $targets; do
  case " $all_targets " in
    *" $t "*) ;;
    *) echo "$0: no fuzz target “$t” (targets: $all_targets)" >&2; exit 2 ;;
  esac
done

if [ ! -f "$build/build.ninja" ]; then
  # Debian's clang-14 package installs clang-14; the clang package adds the plain name.
  if [ -z "${CC:-}" ]; then
    CC=clang
    command -v clang >/dev/null 2>&1 || CC=clang-14
  fi
  CC=$CC meson setup -Dfuzzing=true "$build" "$src" >"$build.setup.log" 2>&1 || {
    cat "$build.setup.log" >&2; exit 1; }
fi
binaries=
for t in $targets; do binaries="$binaries tests/fuzz/fuzz-$t"; done
# shellcheck disable=SC2086 # one word per target
ninja -C "$build" -j2 $binaries resources/gschemas.compiled >/dev/null

# GSlice would hide overflows of slices from ASan. (GLib has no frame pointers, so a
# leak's stack stops at g_malloc; ASAN_OPTIONS=fast_unwind_on_malloc=0 shows all of
# it when reproducing one, but makes every run ten times slower.)
export G_SLICE=always-malloc
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

status=0
for t in $targets; do
  corpus=$work/$t/corpus
  artifacts=$work/$t/artifacts
  mkdir -p "$corpus" "$artifacts" "$work/findings/$t"
  dict=
  [ -f "$src/tests/fuzz/$t.dict" ] && dict=-dict=$src/tests/fuzz/$t.dict
  # As in meson.build: routine-file also starts from routine's seeds and regressions.
  shared=
  [ "$t" = routine-file ] && shared="$src/tests/fuzz/corpus/routine $src/tests/fuzz/regressions/routine"
  before=$(find "$artifacts" -type f | wc -l)
  start=$(date +%s)
  # New inputs go into the first directory: the work corpus, never the tree.
  # shellcheck disable=SC2086 # $shared: zero or two directories
  "$build/tests/fuzz/fuzz-$t" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" $dict \
    "$corpus" "$src/tests/fuzz/corpus/$t" "$src/tests/fuzz/regressions/$t" $shared \
    >"$work/$t/log" 2>&1 && rc=0 || rc=$?
  elapsed=$(($(date +%s) - start))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$t/log" | tail -n 1)
  cov=$(grep -Eo 'cov: [0-9]+' "$work/$t/log" | tail -n 1)
  echo "$(date -u +%FT%TZ) $t $seconds $elapsed ${execs:-0} $rc" >>"$work/history"
  findings=0
  for f in "$artifacts"/*; do
    [ -f "$f" ] || continue
    cp -n "$f" "$work/findings/$t/"
    findings=$((findings + 1))
  done
  new=$((findings - before))
  if [ "$rc" -ne 0 ] || [ "$new" -gt 0 ]; then
    echo "$t: FAILED after ${elapsed} s, ${execs:-?} execs, exit $rc, $new new finding(s) in $work/findings/$t/ (log: $work/$t/log)"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|ERROR:|\*\*)' "$work/$t/log" | head -n 5 | sed 's/^/  /'
    status=1
  else
    echo "$t: ${execs:-?} execs in ${elapsed} s, ${cov:-cov: ?}, no findings"
  fi
done
exit $status
