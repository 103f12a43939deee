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
# The programs also print the CPU time they have used by then (all threads,
# "unknot-first-frame-cpu: <µs>"): steadier than the wall clock on a shared machine,
# and what shows where start-up goes when comparing builds.
#
# Prints "bench: startup-time …", "bench: startup-rss …" and "bench: startup-cpu …" for GTK's GL renderer with
# Mesa's shader cache empty (a first start), the same with "-warm" (the cache filled by
# one uncounted start of the same program: every later start) and "-cairo"
# (GSK_RENDERER=cairo); exits 0 when it measured.
#
# Copyright 2026 The Unknot authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree

from unknot_bench import App, CannotMeasure, Environment, median, p99, ratio, run_main

RUNS = 15
TIMEOUT_S = 60


# GTK's own choice of renderer (GL; under Xvfb Mesa's llvmpipe, which compiles each
# shader the first frame needs with LLVM): first with Mesa's shader cache empty, as at
# the first start after installing, then with the cache one start has filled, as at
# every start after; then the cairo renderer, which has no shaders.
MODES = (
    ("", {}, False),
    ("-warm", {}, True),
    ("-cairo", {"GSK_RENDERER": "cairo"}, False),
)


def measure(program, schema_dir, app_id, extra):
    """(ms from exec to the first frame, MB of RSS then, ms of CPU then, ms of wrapper overhead)"""
    env = {"UNKNOT_REPORT_FIRST_FRAME": "1", **extra}
    with Environment(schema_dir, app_id, env) as environment:
        app = App([program], environment.env)
        try:
            app.wait_for_exec(TIMEOUT_S)
            first_frame_us = int(app.wait_for("unknot-first-frame:", TIMEOUT_S))
            rss_kib = app.rss_kib()
            cpu_us = int(app.wait_for("unknot-first-frame-cpu:", TIMEOUT_S))
        finally:
            app.stop()
    total_ms = (first_frame_us - app.spawn_us) / 1000
    overhead_ms = (app.exec_us - app.spawn_us) / 1000
    return total_ms - overhead_ms, rss_kib / 1024, cpu_us / 1000, overhead_ms


def run_mode(suffix, extra, warm, programs, schema_dir, app_id):
    """Prints the mode's two bench lines."""
    unknot, bare_window = programs
    results = {unknot: [], bare_window: []}
    with tempfile.TemporaryDirectory(prefix="unknot-bench-mesa-") as caches:
        extras = {}
        for program in programs:
            extras[program] = dict(extra)
            if warm:
                # Each program its own cache, filled by one start that is not counted.
                cache = os.path.join(caches, os.path.basename(program))
                extras[program]["MESA_SHADER_CACHE_DIR"] = cache
                measure(program, schema_dir, app_id, extras[program])
        for _ in range(RUNS):
            for program in programs:
                time_ms, rss_mb, cpu_ms, overhead_ms = measure(program, schema_dir, app_id, extras[program])
                results[program].append((time_ms, rss_mb, cpu_ms))
                print(
                    "# %-6s %-12s %8.1f ms to the first frame, %7.1f MB RSS, %7.1f ms CPU (wrappers: %.1f ms)"
                    % (suffix[1:] or "cold", os.path.basename(program), time_ms, rss_mb, cpu_ms, overhead_ms),
                    flush=True,
                )

    times, rss, cpu = zip(*results[unknot])
    base_times, base_rss, base_cpu = zip(*results[bare_window])
    print(
        "bench: startup-time%s median=%.1fms p99=%.1fms baseline=%.1fms ratio=%s"
        % (suffix, median(times), p99(times), median(base_times), ratio(median(times), median(base_times)))
    )
    print(
        "bench: startup-rss%s median=%.1fMB p99=%.1fMB baseline=%.1fMB ratio=%s"
        % (suffix, median(rss), p99(rss), median(base_rss), ratio(median(rss), median(base_rss)))
    )
    print(
        "bench: startup-cpu%s median=%.1fms p99=%.1fms baseline=%.1fms ratio=%s"
        % (suffix, median(cpu), p99(cpu), median(base_cpu), ratio(median(cpu), median(base_cpu))),
        flush=True,
    )


def main():
    if len(sys.argv) != 5:
        raise CannotMeasure("usage: %s UNKNOT BARE_WINDOW SCHEMA_DIR APP_ID" % sys.argv[0])
    unknot, bare_window, schema_dir, app_id = sys.argv[1:]
    for suffix, extra, warm in MODES:
        run_mode(suffix, extra, warm, (unknot, bare_window), schema_dir, app_id)


if __name__ == "__main__":
    run_main(main)
