#!/usr/bin/env python3
# bench-cpu.py: the app's own CPU time while a routine runs, against the app idle
#
# Usage: bench-cpu.py UNKNOT SCHEMA_DIR APP_ID
#
# Each run starts UNKNOT in its own X server and session bus with fresh settings
# (safety notes acknowledged, first run done, no check-in before a routine) and cues
# into "fakesink sync=true", waits WARMUP_S, then counts the process's utime + stime
# over MEASURE_S.  "running" is `unknot --routine glute-release` (the routine starts at
# once; checked: its cue pipeline's thread must exist); the baseline is `unknot` on its
# routine list.  RUNS runs of each, alternating.
#
# Prints "bench: cpu-while-running median=X% p99=Y% baseline=Z% ratio=R" in percent of
# one core, then the same with GSK_RENDERER=cairo ("cpu-while-running-cairo"); exits 0
# when it measured.
#
# Copyright 2026 The Unknot authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree

from unknot_bench import App, CannotMeasure, Environment, median, p99, ratio, run_main

RUNS = 3
WARMUP_S = 3.0
MEASURE_S = 20.0
ROUTINE = "glute-release"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def measure(unknot, schema_dir, app_id, args, renderer=None):
    """Percent of one core used by the app over MEASURE_S, after WARMUP_S."""
    extra = {"UNKNOT_AUDIO_SINK": "fakesink sync=true"}
    if renderer is not None:
        extra["GSK_RENDERER"] = renderer
    with Environment(schema_dir, app_id, extra) as environment:
        app = App([unknot, *args], environment.env)
        try:
            app.wait_for_exec()
            time.sleep(max(0.0, app.exec_us / 1e6 + WARMUP_S - time.monotonic()))
            if not app.alive():
                raise CannotMeasure("%s %s ended during the warm-up" % (unknot, " ".join(args)))
            start_s = time.monotonic()
            start_ticks = app.cpu_ticks()
            threads_before = app.thread_ticks()
            time.sleep(MEASURE_S)
            ticks = app.cpu_ticks() - start_ticks
            wall_s = time.monotonic() - start_s
            threads_after = app.thread_ticks()
            if not app.alive():
                raise CannotMeasure("%s %s ended while measured" % (unknot, " ".join(args)))
            check_state(args, threads_before, threads_after)
        finally:
            app.stop()
    percent = 100.0 * ticks / CLOCK_TICKS / wall_s
    print(
        "# %-13s %6.3f%% (%d ticks in %.2f s); by thread: %s"
        % (args[1] if args else "idle", percent, ticks, wall_s, by_thread(threads_before, threads_after)),
        flush=True,
    )
    return percent


def check_state(args, *samples):
    """The routine runs when its cues' pipeline streams (a GStreamer "appsrc…" thread,
    which exists only once a routine has started), and only then."""
    streaming = [any(name.startswith("appsrc") for name, _ in threads.values()) for threads in samples]
    if args and not all(streaming):
        raise CannotMeasure("the routine is not running: no cue pipeline thread")
    if not args and any(streaming):
        raise CannotMeasure("a routine runs in the idle app")


def by_thread(before, after):
    """Where the ticks went, by thread name (threads that ended meanwhile are left out)."""
    ticks = {}
    for tid, (name, end) in after.items():
        start = before[tid][1] if tid in before else 0
        ticks[name] = ticks.get(name, 0) + end - start
    busy = sorted(((t, n) for n, t in ticks.items() if t > 0), reverse=True)
    names = ", ".join("%s %d" % (n, t) for t, n in busy) or "none busy"
    return "%s (%d threads)" % (names, len(after))


def main():
    if len(sys.argv) != 4:
        raise CannotMeasure("usage: %s UNKNOT SCHEMA_DIR APP_ID" % sys.argv[0])
    unknot, schema_dir, app_id = sys.argv[1:]

    # GTK's own choice of renderer (GL, under Xvfb Mesa's llvmpipe, which has no buffer
    # age and so repaints the whole window for each changed second), then the cairo
    # renderer, which repaints only what changed: what the app itself asks for.
    for name, renderer in (("cpu-while-running", None), ("cpu-while-running-cairo", "cairo")):
        running, idle = [], []
        for _ in range(RUNS):
            running.append(measure(unknot, schema_dir, app_id, ["--routine", ROUTINE], renderer))
            idle.append(measure(unknot, schema_dir, app_id, [], renderer))

        print(
            "bench: %s median=%.3f%% p99=%.3f%% baseline=%.3f%% ratio=%s"
            % (name, median(running), p99(running), median(idle), ratio(median(running), median(idle))),
            flush=True,
        )


if __name__ == "__main__":
    run_main(main)
