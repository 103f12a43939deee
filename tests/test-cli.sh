#!/bin/sh
# test-cli.sh UNKNOT SRCDIR: the command line, as a person or a script uses it.
set -u
unknot=$1 srcdir=$2
. "$(dirname "$0")/test-lib.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT


"$unknot" --version >"$tmp/out" 2>"$tmp/err"; rc=$?
check "--version exits 0" test $rc -eq 0
check "--version prints unknot X.Y.Z" grep -Eqx 'unknot [0-9]+\.[0-9]+\.[0-9]+' "$tmp/out"

"$unknot" --list-routines >"$tmp/out" 2>"$tmp/err"; rc=$?
check "--list-routines exits 0" test $rc -eq 0
n=$(wc -l <"$tmp/out")
check "--list-routines lists at least 10 routines ($n)" test "$n" -ge 10
check "--list-routines prints id, name, total time" \
  test "$(grep -Ecv '^[a-z][a-z0-9-]*	[^	]+	[0-9]+:[0-5][0-9]$' "$tmp/out")" -eq 0
check "--list-routines has glute-release" grep -q '^glute-release	' "$tmp/out"

"$unknot" --validate-routine "$srcdir/data/routines/valid.routine" >"$tmp/out" 2>&1; rc=$?
check "--validate-routine accepts a valid file" test $rc -eq 0
check "--validate-routine says it is valid" grep -q 'valid routine “Test routine” (test-routine), 2 steps' "$tmp/out"

for f in "$srcdir"/../resources/routines/*.routine.desktop.in; do
  "$unknot" --validate-routine "$f" >"$tmp/out" 2>&1
  check "--validate-routine accepts built-in $(basename "$f")" test $? -eq 0
done

"$unknot" --validate-routine "$srcdir/data/bad-routines/01-duration-word.routine" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "--validate-routine refuses a bad file" test $rc -eq 1
check "--validate-routine names file, line, group and key" \
  grep -q '01-duration-word.routine:14: \[Step 1\] Duration: “sixty”' "$tmp/err"
check "--validate-routine prints nothing on stdout for a bad file" test ! -s "$tmp/out"

"$unknot" --validate-routine "$tmp/none.routine" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "--validate-routine refuses a missing file" test $rc -eq 1
check "--validate-routine names the missing file" grep -q 'none.routine' "$tmp/err"

# A FIFO never blocks it (nothing will ever write to this one), nor does /dev/zero.
mkfifo "$tmp/fifo.routine"
timeout 20 "$unknot" --validate-routine "$tmp/fifo.routine" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "--validate-routine refuses a FIFO at once" test $rc -eq 1
check "--validate-routine says a FIFO is not a regular file" \
  grep -q 'fifo.routine: not a regular file' "$tmp/err"
timeout 20 "$unknot" --validate-routine /dev/zero >"$tmp/out" 2>"$tmp/err"; rc=$?
check "--validate-routine refuses /dev/zero at once" test $rc -eq 1

"$unknot" --routine no-such-routine >"$tmp/out" 2>"$tmp/err"; rc=$?
check "--routine with an unknown id exits non-zero" test $rc -ne 0
check "--routine with an unknown id says so" grep -q 'There is no routine with the id “no-such-routine”' "$tmp/err"

"$unknot" --no-such-option >"$tmp/out" 2>"$tmp/err"; rc=$?
check "an unknown option exits non-zero" test $rc -ne 0

echo "$failures failed"
test $failures -eq 0
