#!/usr/bin/env python3
"""first-frame.py — cold start of the window to its first frame

    python3 benchmarks/first-frame.py BUILD_DIR [--runs 7] [--plan FILE]
                                      [--renderer cairo|gl]

Starts a private Xvfb (its display chosen with -displayfd), then runs the
application --runs times, each a fresh process with the built-in document
(or --plan). The application is started with SHINCHOKU_FIRST_FRAME=quit:
the window's frame clock reports, after the first frame it painted, the
CLOCK_MONOTONIC time and the CPU time the process used so far
(src/app/shk-window.c), then the application quits. The script takes the
same clock just before it starts the process, so the wall time counts
everything from exec: loading libraries, GTK's start, reading the plan,
building and laying out the view on screen, and painting it.

It prints the median wall and CPU time to the first frame. Wall time is
what a person waits, but on a loaded machine it mostly measures the
other processes; CPU time is the process's own work. Exit status 1 when
the median wall time misses the goal (issue #17: 300 ms).

SPDX-License-Identifier: GPL-3.0-or-later
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

GOAL_MS = 300.0


def start_xvfb():
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0",
                             "1920x1080x24", "-nolisten", "tcp"],
                            pass_fds=(write_fd,), stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        display = pipe.readline().strip()
    if not display:
        xvfb.kill()
        raise RuntimeError("Xvfb did not start")
    return xvfb, ":" + display


def one_run(app, display, plan, renderer, state_dir):
    env = dict(os.environ,
               DISPLAY=display,
               SHINCHOKU_FIRST_FRAME="quit",
               GSK_RENDERER=renderer,
               GTK_A11Y="none",
               NO_AT_BRIDGE="1",
               GTK_USE_PORTAL="0",
               GSETTINGS_BACKEND="memory",
               XDG_STATE_HOME=state_dir,
               XDG_CONFIG_HOME=state_dir,
               XDG_DATA_HOME=state_dir)
    env.pop("WAYLAND_DISPLAY", None)
    argv = [app] + ([plan] if plan else [])
    start = time.monotonic_ns() // 1000
    proc = subprocess.run(argv, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, timeout=120, check=False)
    for line in proc.stdout.decode().splitlines():
        if line.startswith("first-frame "):
            _, when, cpu = line.split()
            return (int(when) - start) / 1000.0, int(cpu) / 1000.0
    raise RuntimeError(f"no first frame reported (exit status {proc.returncode})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("build")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--plan")
    parser.add_argument("--renderer", default="cairo")
    args = parser.parse_args()

    app = os.path.join(args.build, "src", "app", "shinchoku")
    xvfb, display = start_xvfb()
    try:
        with tempfile.TemporaryDirectory() as state_dir:
            env_schema = os.path.join(args.build, "data")
            os.environ.setdefault("GSETTINGS_SCHEMA_DIR", env_schema)
            one_run(app, display, args.plan, args.renderer, state_dir)   # warm the page cache
            runs = [one_run(app, display, args.plan, args.renderer, state_dir)
                    for _ in range(args.runs)]
    finally:
        xvfb.terminate()
        xvfb.wait()

    wall = statistics.median(r[0] for r in runs)
    cpu = statistics.median(r[1] for r in runs)
    load = os.getloadavg()[0]
    print(f"first frame ({args.plan or 'built-in document'}, GSK_RENDERER={args.renderer}, "
          f"{args.runs} runs, load {load:.1f}):")
    print(f"  wall  median {wall:7.1f} ms  (fastest {min(r[0] for r in runs):.1f}, "
          f"slowest {max(r[0] for r in runs):.1f})  goal ≤ {GOAL_MS:.0f} ms "
          f"{'✓' if wall <= GOAL_MS else '✗'}")
    print(f"  CPU   median {cpu:7.1f} ms  (fastest {min(r[1] for r in runs):.1f})")
    return 0 if wall <= GOAL_MS else 1


if __name__ == "__main__":
    sys.exit(main())
