#!/usr/bin/env python3
"""save.py — saving a plan of 100,000 measures (issue #17)

    python3 benchmarks/save.py BUILD_DIR [--measures 100000] [--runs 5]
                               [--work DIR]

Makes a synthetic plan with benchmarks/make-plan.py (kept in --work and
reused when it is there), then runs `bench-load-save PLAN -n RUNS`, which
loads it once and times the writer alone (into memory) and the atomic
save through the safe save (temporary file, fsync, backup link, rename),
checks that the saved file is what the writer makes and that the strict
loader reads it back with every measure, and prints the CPU time of a
save beside the wall times. Goal: the median save ≤ 1 s. Exit status 1
when it is missed or the check fails.

SPDX-License-Identifier: GPL-3.0-or-later
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BUILTIN = os.path.join(HERE, "..", "data", "kagoshima-2021.json")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("build")
    parser.add_argument("--measures", type=int, default=100000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", help="keep the generated plan here (default: a temporary folder)")
    args = parser.parse_args()

    work = args.work or tempfile.mkdtemp(prefix="shinchoku-save-")
    os.makedirs(work, exist_ok=True)
    plan = os.path.join(work, f"plan-{args.measures}.json")
    try:
        if not os.path.exists(plan):
            subprocess.run([sys.executable, os.path.join(HERE, "make-plan.py"), BUILTIN,
                            str(args.measures), plan], check=True)
        bench = os.path.join(args.build, "benchmarks", "bench-load-save")
        return subprocess.run([bench, plan, "-n", str(args.runs)]).returncode
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
