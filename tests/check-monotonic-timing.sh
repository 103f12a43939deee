#!/bin/sh
# check-monotonic-timing.sh FILE...: the code that times a routine reads the monotonic
# clock only (through UnknotClock, GSource ready times, a GstSystemClock of type
# MONOTONIC), so the wall clock jumping back or forward cannot move a deadline.  Wall
# time may only stamp a record for the diary (a line that sets a `.time` field).
status=0
for f in "$@"; do
  if grep -nE 'g_get_real_time|g_date_time_new_now|gettimeofday|CLOCK_REALTIME|[^_a-z]time \(NULL\)|GST_CLOCK_TYPE_REALTIME' "$f" |
    grep -vE '\.time = g_get_real_time \(\) / G_USEC_PER_SEC;'; then
    echo "$f: timing code must not read the wall clock"; status=1
  fi
done
[ $status -eq 0 ] && echo "timing code reads the monotonic clock only: $# files"
exit $status
