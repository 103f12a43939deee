#!/bin/sh
# check-routine-translation.sh SRCDIR UNKNOT: every text of every built-in routine
# reaches translators and comes back in their language. Extracts the routine strings
# with the keywords po/meson.build gives xgettext, "translates" each into a marked
# copy, merges with msgfmt --desktop and the keywords resources/routines/meson.build
# gives it, and reads the result back with LANGUAGE=xx through the app's own parser.
set -u
srcdir=$1 unknot=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
failures=0

keywords=$(grep -o -- "--keyword=[A-Za-z]*" "$srcdir/po/meson.build" | tr '\n' ' ')
merge_keywords=$(grep -o -- "--keyword=[A-Za-z]*" "$srcdir/resources/routines/meson.build" | tr '\n' ' ')

mkdir -p "$tmp/po"
echo xx > "$tmp/po/LINGUAS"
for f in "$srcdir"/resources/routines/*.routine.desktop.in; do
  name=$(basename "$f" .desktop.in)
  grep -qx "resources/routines/$name.desktop.in" "$srcdir/po/POTFILES.in" ||
    { echo "not ok - $name is not in po/POTFILES.in"; failures=$((failures + 1)); continue; }
  # shellcheck disable=SC2086
  xgettext --from-code=UTF-8 $keywords -o "$tmp/$name.pot" "$f" || exit 2
  # Every msgstr becomes "XX: " + its msgid.
  msgen "$tmp/$name.pot" | sed 's/^msgstr "\(.\)/msgstr "XX: \1/' > "$tmp/po/xx.po"
  sed -i 's/^"Content-Type: text\/plain; charset=CHARSET\\n"/"Content-Type: text\/plain; charset=UTF-8\\n"/' "$tmp/po/xx.po"
  # shellcheck disable=SC2086
  msgfmt --desktop --template="$f" -d "$tmp/po" $merge_keywords -o "$tmp/$name" || exit 2

  # Each translatable key of the source has its [xx] variant in the merged file.
  for key in Name Summary Safety Instruction Spoken; do
    n_source=$(grep -c "^$key=" "$f")
    n_merged=$(grep -c "^$key\[xx\]=XX: " "$tmp/$name")
    if [ "$n_source" -ne "$n_merged" ]; then
      echo "not ok - $name: $n_merged of $n_source $key values translated"; failures=$((failures + 1))
    fi
  done

  # And the app reads the person's language back.
  out=$(LANGUAGE=xx "$unknot" --validate-routine "$tmp/$name" 2>&1)
  case $out in
    *"valid routine “XX: "*) echo "ok - $name reads back translated" ;;
    *) echo "not ok - $name: $out"; failures=$((failures + 1)) ;;
  esac
done
echo "$failures failed"
test $failures -eq 0
