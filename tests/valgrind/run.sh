#!/bin/sh
# The exe_wrapper of `meson test --setup valgrind`: runs a test under memcheck with
# every leak check on, and fails it (exit 99) on a memory error or a "definitely lost"
# block.  Suppressions: ours (tests/valgrind/*.supp, beside this file), and GLib's and
# GTK's own files where the system has them (read from where they are installed, never
# copied).  Scripts run as themselves; programs they start are traced, except system
# ones (/usr, /bin), so test-cli.sh's unknot is checked too.
set -eu
here=$(cd "$(dirname "$0")" && pwd)

# A system program (msgfmt, desktop-file-validate, …) is not ours to check.
case "$1" in
/usr/* | /bin/* | /sbin/*) exec "$@" ;;
esac

set -- --tool=memcheck --leak-check=full --show-leak-kinds=definite \
  --errors-for-leak-kinds=definite --error-exitcode=99 --num-callers=40 \
  --track-origins=no --trace-children=yes --trace-children-skip='/usr/*,/bin/*,/sbin/*' \
  "$@"
for supp in /usr/share/glib-2.0/valgrind/glib.supp /usr/share/gtk-4.0/valgrind/gtk.supp \
  "$here"/*.supp; do
  if [ -f "$supp" ]; then
    set -- --suppressions="$supp" "$@"
  fi
done

# GLib: plain malloc for every block, and memory cleared when freed, so memcheck sees
# each allocation for what it is (the test's own G_DEBUG, fatal-warnings, is kept).
export G_SLICE=always-malloc
G_DEBUG="${G_DEBUG:+$G_DEBUG,}gc-friendly"
export G_DEBUG
exec valgrind "$@"
