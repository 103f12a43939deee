# test-lib.sh: what the shell tests share.  Sourced, never run:
#   . "$(dirname "$0")/test-lib.sh"
# Each test prints TAP lines and ends with `exit $failures`.

failures=0

check () { # NAME CONDITION...: one TAP line; a failure is counted
  name=$1; shift
  if "$@"; then echo "ok - $name"; else echo "not ok - $name"; failures=$((failures + 1)); fi
}

wait_until () { # SECONDS COMMAND...: polls every 0.1 s until COMMAND succeeds
  limit=$1; shift
  i=0
  while [ $i -lt $((limit * 10)) ]; do
    "$@" && return 0
    sleep 0.1; i=$((i + 1))
  done
  return 1
}

require_display () { # without a display: a TAP skip, or a failure when one is required
  if [ -z "${DISPLAY:-}" ]; then
    if [ -n "${UNKNOT_REQUIRE_DISPLAY:-}" ]; then echo "not ok - no display"; exit 1; fi
    echo "1..0 # SKIP no display"; exit 0
  fi
}

require_tools () { # TOOL...: a TAP skip when one is not installed
  for tool; do
    command -v "$tool" >/dev/null || { echo "1..0 # SKIP $tool is not installed"; exit 0; }
  done
}

on_own_session_bus () { # "$@": runs this test again inside a session bus of its own
  if [ -z "${UNKNOT_TEST_OWN_BUS:-}" ]; then
    UNKNOT_TEST_OWN_BUS=1 exec dbus-run-session -- "$0" "$@"
  fi
}
