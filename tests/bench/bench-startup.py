#!/usr/bin/env python3
# bench-startup.py: time from exec to the first frame, and RSS then, against a bare window
#
# Usage: bench-startup.py UNKNOT BARE_WINDOW SCHEMA_DIR APP_ID
#
# Both programs are started the same way, alternating, RUNS times each: a fresh X
# server (xvfb-run -a), a fresh session bus (dbus-run-session), fresh settings (safety
# notes acknowledged, first run done: unknot opens on its routine list) and
# UNKNOT_REPORT_FIRST_FRAME=1, which makes each print
# "unknot-first-frame: <g_get_monotonic_time µs>" on stderr.
#
# The clock starts with time.monotonic () just before spawning.  The wrappers' own
# start-up (X server, bus, the exec shim's interpreter) is the time until the shim's
# "bench-exec:" stamp, taken just before it execs the program in place; it is
# subtracted from every run alike, so the figure is exec → first frame.  VmRSS is read
# from /proc/PID/status as soon as the first-frame line arrives.
#
# Prints "bench: startup-time …" and "bench: startup-rss …"; exits 0 when it measured.
#
# Copyright 2026 The Unknot authors
# SPDX-License-Identifier: GPL-3.0-or-later

import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree

from unknot_bench import App, CannotMeasure, Environment, median, p99, ratio, run_main

RUNS = 7
TIMEOUT_S = 60


def measure(program, schema_dir, app_id):
    """(ms from exec to the first frame, MB of RSS then, ms of wrapper overhead)"""
    with Environment(schema_dir, app_id, {"UNKNOT_REPORT_FIRST_FRAME": "1"}) as environment:
        app = App([program], environment.env)
        try:
            app.wait_for_exec(TIMEOUT_S)
            first_frame_us = int(app.wait_for("unknot-first-frame:", TIMEOUT_S))
            rss_kib = app.rss_kib()
        finally:
            app.stop()
    total_ms = (first_frame_us - app.spawn_us) / 1000
    overhead_ms = (app.exec_us - app.spawn_us) / 1000
    return total_ms - overhead_ms, rss_kib / 1024, overhead_ms


def main():
    if len(sys.argv) != 5:
        raise CannotMeasure("usage: %s UNKNOT BARE_WINDOW SCHEMA_DIR APP_ID" % sys.argv[0])
    unknot, bare_window, schema_dir, app_id = sys.argv[1:]

    results = {unknot: [], bare_window: []}
    for _ in range(RUNS):
        for program in (unknot, bare_window):
            time_ms, rss_mb, overhead_ms = measure(program, schema_dir, app_id)
            results[program].append((time_ms, rss_mb))
            print(
                "# %-12s %8.1f ms to the first frame, %7.1f MB RSS (wrappers: %.1f ms)"
                % (program.rsplit("/", 1)[-1], time_ms, rss_mb, overhead_ms),
                flush=True,
            )

    times = [t for t, _ in results[unknot]]
    base_times = [t for t, _ in results[bare_window]]
    rss = [r for _, r in results[unknot]]
    base_rss = [r for _, r in results[bare_window]]
    print(
        "bench: startup-time median=%.1fms p99=%.1fms baseline=%.1fms ratio=%s"
        % (median(times), p99(times), median(base_times), ratio(median(times), median(base_times)))
    )
    print(
        "bench: startup-rss median=%.1fMB p99=%.1fMB baseline=%.1fMB ratio=%s"
        % (median(rss), p99(rss), median(base_rss), ratio(median(rss), median(base_rss))),
        flush=True,
    )


if __name__ == "__main__":
    run_main(main)
