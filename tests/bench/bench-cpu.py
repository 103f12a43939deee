#!/usr/bin/env python3
# bench-cpu.py: the app's own CPU time while a routine runs, against the app idle
#
# Usage: bench-cpu.py UNKNOT SCHEMA_DIR APP_ID
#
# Each run starts UNKNOT in its own X server and session bus with fresh settings
# (safety notes acknowledged) and cues into "fakesink sync=true", waits WARMUP_S, then
# counts the process's utime + stime over MEASURE_S.  "running" is
# `unknot --routine glute-release` (the routine starts at once); the baseline is
# `unknot` on its routine list.  RUNS runs of each, alternating.
#
# Prints "bench: cpu-while-running median=X% p99=Y% baseline=Z% ratio=R" in percent of
# one core; exits 0 when it measured.
#
# Copyright 2026 The Unknot authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys
import time

from unknot_bench import App, CannotMeasure, Environment, median, p99, ratio, run_main

RUNS = 3
WARMUP_S = 3.0
MEASURE_S = 20.0
ROUTINE = "glute-release"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def measure(unknot, schema_dir, app_id, args):
    """Percent of one core used by the app over MEASURE_S, after WARMUP_S."""
    with Environment(schema_dir, app_id, {"UNKNOT_AUDIO_SINK": "fakesink sync=true"}) as environment:
        app = App([unknot, *args], environment.env)
        try:
            app.wait_for_exec()
            time.sleep(max(0.0, app.exec_us / 1e6 + WARMUP_S - time.monotonic()))
            if not app.alive():
                raise CannotMeasure("%s %s ended during the warm-up" % (unknot, " ".join(args)))
            start_s = time.monotonic()
            start_ticks = app.cpu_ticks()
            threads_before = int(app.status("Threads"))
            time.sleep(MEASURE_S)
            ticks = app.cpu_ticks() - start_ticks
            wall_s = time.monotonic() - start_s
            threads_after = int(app.status("Threads"))
            if not app.alive():
                raise CannotMeasure("%s %s ended while measured" % (unknot, " ".join(args)))
        finally:
            app.stop()
    percent = 100.0 * ticks / CLOCK_TICKS / wall_s
    print(
        "# %-8s %6.3f%% (%d ticks in %.2f s; %d→%d threads)"
        % (args[1] if args else "idle", percent, ticks, wall_s, threads_before, threads_after),
        flush=True,
    )
    return percent


def main():
    if len(sys.argv) != 4:
        raise CannotMeasure("usage: %s UNKNOT SCHEMA_DIR APP_ID" % sys.argv[0])
    unknot, schema_dir, app_id = sys.argv[1:]

    running, idle = [], []
    for _ in range(RUNS):
        running.append(measure(unknot, schema_dir, app_id, ["--routine", ROUTINE]))
        idle.append(measure(unknot, schema_dir, app_id, []))

    print(
        "bench: cpu-while-running median=%.3f%% p99=%.3f%% baseline=%.3f%% ratio=%s"
        % (median(running), p99(running), median(idle), ratio(median(running), median(idle))),
        flush=True,
    )


if __name__ == "__main__":
    run_main(main)
