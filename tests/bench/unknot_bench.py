# unknot_bench.py: what the app benchmarks share (python3 standard library only)
#
# Every run starts a program the same way: in its own X server (xvfb-run -a) and its
# own session bus (dbus-run-session), with a fresh HOME and XDG directories, the
# keyfile GSettings backend and the build's schemas.  Inside the wrappers a tiny exec
# shim writes "bench-exec: <CLOCK_MONOTONIC µs> <pid>" on stderr and then execs the
# program in place, so the program's pid is known and the wrappers' start-up (X server,
# bus) can be told apart from the program's own.
#
# Copyright 2026 The Unknot authors
# SPDX-License-Identifier: GPL-3.0-or-later

import math
import os
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

# xvfb-run's default screen, and -noreset: when its last client leaves, a resetting
# Xvfb signals xvfb-run (SIGUSR1), which can interrupt xvfb-run's own clean-up (dash
# then sees its `rm -r` fail and exits before killing the server, leaving Xvfb behind).
XVFB_ARGS = "-screen 0 1280x1024x24 -noreset"

EXEC_SHIM = (
    "import os, sys, time\n"
    "os.write(2, b'bench-exec: %d %d\\n' % (int(time.monotonic() * 1e6), os.getpid()))\n"
    "os.execv(sys.argv[1], sys.argv[1:])\n"
)


# Set when the schema has them: no first-run pages, no pain check-in before a routine.
PAST_FIRST_RUN = [("first-run-done", "true"), ("ask-pain-before", "false")]


class CannotMeasure(Exception):
    """The benchmark could not measure: it exits non-zero."""


def now_us():
    # time.monotonic () is CLOCK_MONOTONIC, the clock of g_get_monotonic_time ().
    return int(time.monotonic() * 1e6)


def median(values):
    return statistics.median(values)


def p99(values):
    """Nearest-rank 99th percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(len(ordered) * 0.99) - 1)]


def ratio(value, baseline):
    return "%.3f" % (value / baseline) if baseline > 0 else "inf"


class Environment:
    """A fresh home and XDG directories, removed on exit."""

    def __init__(self, schema_dir, app_id, extra=None):
        self.tmp = tempfile.mkdtemp(prefix="unknot-bench-")
        env = dict(os.environ)
        for name in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS"):
            env.pop(name, None)
        dirs = {
            "HOME": "home",
            "XDG_CONFIG_HOME": "config",
            "XDG_DATA_HOME": "data",
            "XDG_CACHE_HOME": "cache",
            "XDG_STATE_HOME": "state",
            "XDG_RUNTIME_DIR": "runtime",
        }
        for name, sub in dirs.items():
            path = os.path.join(self.tmp, sub)
            os.mkdir(path, 0o700)
            env[name] = path
        env["GSETTINGS_BACKEND"] = "keyfile"
        env["GSETTINGS_SCHEMA_DIR"] = schema_dir
        env.update(extra or {})
        self.env = env

        # A person who has been through the first run: the window opens on the routine
        # list and `--routine ID` starts the routine at once.
        keys = self.gsettings("list-keys", app_id).split()
        settings = [(key, value) for key, value in PAST_FIRST_RUN if key in keys]
        for key, value in [("safety-acknowledged", "true")] + settings:
            self.gsettings("set", app_id, key, value)
            if self.gsettings("get", app_id, key) != value:
                raise CannotMeasure("%s does not read back as %s" % (key, value))

    def gsettings(self, *args):
        result = subprocess.run(["gsettings", *args], env=self.env, capture_output=True, text=True)
        if result.returncode != 0:
            raise CannotMeasure("gsettings %s: %s" % (" ".join(args), result.stderr.strip()))
        return result.stdout.strip()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        shutil.rmtree(self.tmp, ignore_errors=True)


class App:
    """A program started through xvfb-run -a, dbus-run-session and the exec shim."""

    def __init__(self, argv, env):
        self.lines = []
        self._buffer = b""
        self.spawn_us = now_us()
        self.process = subprocess.Popen(
            ["xvfb-run", "-a", "-s", XVFB_ARGS, "dbus-run-session", "--"]
            + [sys.executable, "-I", "-S", "-c", EXEC_SHIM, *argv],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        self.exec_us = None
        self.pid = None

    def read_line(self, deadline):
        """The next line on stderr, or None at the deadline (time.monotonic ()) or EOF."""
        fd = self.process.stderr.fileno()
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                return None
            chunk = os.read(fd, 65536)
            if not chunk:
                return None
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        text = line.decode("utf-8", "replace")
        self.lines.append(text)
        return text

    def wait_for(self, prefix, timeout):
        """The rest of the first stderr line that starts with @prefix."""
        deadline = time.monotonic() + timeout
        while True:
            line = self.read_line(deadline)
            if line is None:
                raise CannotMeasure(
                    "no “%s” line within %d s (exit status %s); stderr:\n%s"
                    % (prefix, timeout, self.process.poll(), "\n".join(self.lines[-20:]))
                )
            if line.startswith(prefix):
                return line[len(prefix) :].strip()

    def wait_for_exec(self, timeout=30):
        exec_us, pid = self.wait_for("bench-exec:", timeout).split()
        self.exec_us = int(exec_us)
        self.pid = int(pid)

    def alive(self):
        try:
            with open("/proc/%d/stat" % self.pid) as f:
                return f.read().rsplit(")", 1)[1].split()[0] != "Z"
        except FileNotFoundError:
            return False

    def cpu_ticks(self):
        """utime + stime of the whole process, all threads, in clock ticks."""
        with open("/proc/%d/stat" % self.pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        # fields[0] is field 3 (state): utime is field 14, stime field 15.
        return int(fields[11]) + int(fields[12])

    def thread_ticks(self):
        """utime + stime of each thread alive now: {tid: (name, ticks)}."""
        threads = {}
        for tid in os.listdir("/proc/%d/task" % self.pid):
            try:
                with open("/proc/%d/task/%s/stat" % (self.pid, tid)) as f:
                    text = f.read()
            except FileNotFoundError:
                continue
            name = text[text.index("(") + 1 : text.rindex(")")]
            fields = text.rsplit(")", 1)[1].split()
            threads[tid] = (name, int(fields[11]) + int(fields[12]))
        return threads

    def status(self, key):
        with open("/proc/%d/status" % self.pid) as f:
            for line in f:
                if line.startswith(key + ":"):
                    return line.split(":", 1)[1].strip()
        raise CannotMeasure("no %s in /proc/%d/status" % (key, self.pid))

    def rss_kib(self):
        value, unit = self.status("VmRSS").split()
        if unit != "kB":
            raise CannotMeasure("VmRSS in %s" % unit)
        return int(value)

    def stop(self):
        """Ends the program; the wrappers then end and take their X server and bus along."""
        if self.pid is not None and self.alive():
            os.kill(self.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self._kill_group(signal.SIGKILL)
            self.process.wait(timeout=15)
        # Whatever the wrappers left behind (an X server, a bus) is in their group.
        self._kill_group(signal.SIGTERM)
        self.process.stderr.close()

    def _kill_group(self, sig):
        # The wrappers lead their own process group (start_new_session): only what this
        # run started is in it.
        try:
            os.killpg(self.process.pid, sig)
        except ProcessLookupError:
            pass


def run_main(main):
    """Runs @main (); a CannotMeasure ends the benchmark with status 1."""
    try:
        main()
    except CannotMeasure as e:
        print("could not measure: %s" % e, file=sys.stderr)
        sys.exit(1)
