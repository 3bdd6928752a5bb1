#!/usr/bin/env python3
"""window.py — the window on plans of 10,000 (and 100,000) measures

    python3 benchmarks/window.py BUILD_DIR [--sizes 10000,100000] [--runs 15]
                                 [--work DIR]

For each size it makes the synthetic plan of benchmarks/make-plan.py,
times the CLI's load of it (`shinchoku-cli summary`, CPU seconds from
wait4, as scale.py does), then runs bench-window on it under a private
Xvfb: the window's open to its first frame, and one edit, one scroll step
and one view switch, each to the next frame (see bench-window.c). The goal
for the open is ≤ 1.5× the CLI's load of the same file; bench-window
itself checks the per-frame goals. Exit status 1 when a goal is missed.

SPDX-License-Identifier: GPL-3.0-or-later
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BUILTIN = os.path.join(HERE, "..", "data", "kagoshima-2021.json")
GOAL_OPEN_VS_CLI = 1.5

sys.path.insert(0, HERE)
from importlib import import_module  # noqa: E402

first_frame = import_module("first-frame")


def cli_load_seconds(build, plan):
    with open(os.devnull, "wb") as devnull:
        start = os.times()
        proc = subprocess.Popen([os.path.join(build, "src", "cli", "shinchoku-cli"),
                                 "summary", plan, "--format", "json"],
                                stdout=devnull, stderr=devnull,
                                env=dict(os.environ, LC_ALL="C.UTF-8"))
        _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError("shinchoku-cli summary failed")
    return usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("build")
    parser.add_argument("--sizes", default="10000")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--work")
    args = parser.parse_args()

    ok = True
    work = args.work or tempfile.mkdtemp(prefix="shinchoku-window-")
    os.makedirs(work, exist_ok=True)
    xvfb, display = first_frame.start_xvfb()
    try:
        for n in (int(x) for x in args.sizes.split(",")):
            plan = os.path.join(work, f"plan-{n}.json")
            if not os.path.exists(plan):
                subprocess.run([sys.executable, os.path.join(HERE, "make-plan.py"), BUILTIN,
                                str(n), plan], check=True, stdout=subprocess.DEVNULL)
            cli = cli_load_seconds(args.build, plan)
            env = dict(os.environ, DISPLAY=display, GSK_RENDERER="cairo", GTK_A11Y="none",
                       NO_AT_BRIDGE="1", GTK_USE_PORTAL="0", GSETTINGS_BACKEND="memory",
                       LC_ALL="C.UTF-8", XDG_STATE_HOME=work, XDG_CONFIG_HOME=work,
                       XDG_DATA_HOME=work)
            proc = subprocess.run([os.path.join(args.build, "benchmarks", "bench-window"),
                                   plan, "-n", str(args.runs)],
                                  env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                  timeout=3000, check=False)
            out = proc.stdout.decode()
            print(f"--- {n:,} measures ---")
            print(out, end="")
            match = re.search(r"open: \d+ measures, ([\d.]+) ms", out)
            if match is None:
                print("bench-window did not open the plan")
                ok = False
                continue
            open_s = float(match.group(1)) / 1000
            ratio = open_s / max(cli, 1e-6)
            print(f"CLI load (summary, CPU): {cli:.2f} s; window open ÷ CLI: {ratio:.1f}× "
                  f"(goal ≤ {GOAL_OPEN_VS_CLI}×): {'met' if ratio <= GOAL_OPEN_VS_CLI else 'MISSED'}")
            ok &= ratio <= GOAL_OPEN_VS_CLI and proc.returncode == 0
    finally:
        xvfb.terminate()
        xvfb.wait()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
