#!/bin/sh
# check-core-no-gtk.sh FILE...: the core never includes GTK or libadwaita, so it runs
# and is tested without a display.
status=0
for f in "$@"; do
  if grep -nE '#\s*include\s*[<"](gtk/|gdk/|adwaita\.h|gtk\.h)' "$f"; then
    echo "$f: the core must not include GTK"; status=1
  fi
done
[ $status -eq 0 ] && echo "core files are GTK-free: $#"
exit $status
