#!/bin/sh
# check-potfiles.sh SRCDIR: every file with translatable strings is in po/POTFILES.in,
# and every file listed there exists.
set -u
cd "$1" || exit 2
status=0
listed=$(grep -v '^#' po/POTFILES.in | grep -v '^$' | sort)
for f in $listed; do
  [ -f "$f" ] || { echo "po/POTFILES.in lists $f, which does not exist"; status=1; }
done
found=$( { grep -l -E '\b(_|N_|C_|NC_|ngettext)\s*\(' src/*.c
           grep -l 'translatable="yes"' ui/*.ui
           ls resources/routines/*.routine.desktop.in
           ls resources/*.desktop.in.in resources/*.metainfo.xml.in.in resources/*.gschema.xml.in
         } 2>/dev/null | sort -u)
for f in $found; do
  echo "$listed" | grep -qx "$f" || { echo "$f has translatable strings but is not in po/POTFILES.in"; status=1; }
done
[ $status -eq 0 ] && echo "POTFILES.in is complete ($(echo "$listed" | wc -l) files)"
exit $status
