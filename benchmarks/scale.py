#!/usr/bin/env python3
"""scale.py — Shinchoku's command line on plans of 1,000 to 100,000 measures

    python3 benchmarks/scale.py BUILD_DIR [--sizes 1000,10000,100000] [--runs 3]
                                [--work DIR]

For each size it makes a synthetic plan with benchmarks/make-plan.py (the
built-in document's measures replicated with perturbed figures) and the
same rows as CSV, then runs, each --runs times, in separate processes:

  * `shinchoku-cli summary PLAN --format json`: open, validate and grade;
    its counts are checked against make-plan.py's independent expected
    counts (a wrong answer fails the benchmark, however fast);
  * `bench-json-parse --yajl PLAN`: a bare parse of the same file by
    yajl, the parser Shinchoku's loader uses (shk-format-stream.c), and
    `bench-json-parse PLAN`, one by json-glib (the parser it used before,
    for comparison; --no-json-glib leaves it out);
  * `ssconvert ROWS.csv ROWS.xlsx` (Gnumeric), when installed: a
    spreadsheet converter reading and writing the same figures.

It prints the median CPU time (user + system, from wait4: the same number
whatever else the machine does, unlike wall time) and peak RSS of each,
and the ratios the goals of benchmarks/README.md are stated in. Exit
status 1 when a goal is missed or a count is wrong. --cli times another
build of the command line (e.g. one of main, to compare before and after
a change) on the same files; --no-ssconvert skips the slow converter.

SPDX-License-Identifier: GPL-3.0-or-later
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BUILTIN = os.path.join(HERE, "..", "data", "kagoshima-2021.json")

# The goals of benchmarks/README.md (issue #17).
GOAL_VS_SSCONVERT = 20.0     # CLI at least this many times faster
GOAL_VS_BARE_PARSE = 3.0     # CLI at most this many times a bare parse
GOAL_RSS_VS_FILE = 2.0       # peak RSS at most this many times the file


def run(argv):
    """CPU seconds and peak RSS (bytes) of one child process."""
    with open(os.devnull, "wb") as devnull, tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(argv, stdout=out, stderr=devnull,
                                env=dict(os.environ, LC_ALL="C.UTF-8"))
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read()
    if proc.returncode != 0:
        raise RuntimeError(f"{argv[0]} exited with {proc.returncode}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, text


def median_run(argv, runs):
    results = [run(argv) for _ in range(runs)]
    cpu = statistics.median(r[0] for r in results)
    rss = statistics.median(r[1] for r in results)
    return cpu, rss, results[-1][2]


def check_counts(output, expected):
    summary = json.loads(output)
    for evaluation in summary["evaluations"]:
        want = expected[evaluation["id"]]
        for key in ("achieved", "mostly", "lagging", "pending", "counted"):
            if evaluation[key] != want[key]:
                return f"{evaluation['id']} {key}: {evaluation[key]}, expected {want[key]}"
    return None


def mib(n):
    return n / (1024 * 1024)


def bench_size(build, work, n, args):
    runs = args.runs
    plan = os.path.join(work, f"plan-{n}.json")
    rows = os.path.join(work, f"rows-{n}.csv")
    expected_path = os.path.join(work, f"plan-{n}.expected.json")
    if not os.path.exists(expected_path):
        subprocess.run([sys.executable, os.path.join(HERE, "make-plan.py"), BUILTIN,
                        str(n), plan, "--expected", expected_path, "--csv", rows],
                       check=True)
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    size = os.path.getsize(plan)

    cli = args.cli or os.path.join(build, "src", "cli", "shinchoku-cli")
    cli_cpu, cli_rss, output = median_run([cli, "summary", plan, "--format", "json"], runs)
    problem = check_counts(output, expected)
    bare_parse = os.path.join(build, "benchmarks", "bench-json-parse")
    parse_cpu, parse_rss, _ = median_run([bare_parse, "--yajl", plan], runs)

    failures = []
    if problem:
        failures.append(f"wrong counts: {problem}")
    print(f"{n:>7} measures, file {mib(size):7.1f} MiB")
    print(f"        shinchoku-cli summary  {cli_cpu:7.2f} s CPU  {mib(cli_rss):7.0f} MiB peak")
    print(f"        yajl bare parse        {parse_cpu:7.2f} s CPU  {mib(parse_rss):7.0f} MiB peak"
          f"   CLI / parse = {cli_cpu / parse_cpu:.1f}× (goal ≤ {GOAL_VS_BARE_PARSE:g}×)")
    if not args.no_json_glib:
        glib_cpu, glib_rss, _ = median_run([bare_parse, plan], runs)
        print(f"        json-glib bare parse   {glib_cpu:7.2f} s CPU  {mib(glib_rss):7.0f} MiB peak"
              f"   CLI / json-glib parse = {cli_cpu / glib_cpu:.1f}×")
    print(f"        peak RSS / file size   {cli_rss / size:.1f}× (goal ≤ {GOAL_RSS_VS_FILE:g}×)")
    if cli_cpu > GOAL_VS_BARE_PARSE * parse_cpu:
        failures.append(f"{n}: CLI {cli_cpu / parse_cpu:.1f}× a bare parse")
    if cli_rss > GOAL_RSS_VS_FILE * size:
        failures.append(f"{n}: peak RSS {cli_rss / size:.1f}× the file")

    ssconvert = None if args.no_ssconvert else shutil.which("ssconvert")
    if ssconvert:
        xlsx = os.path.join(work, f"rows-{n}.xlsx")
        ss_cpu, ss_rss, _ = median_run([ssconvert, "--export-type=Gnumeric_Excel:xlsx2",
                                        rows, xlsx], runs)
        print(f"        ssconvert CSV → XLSX   {ss_cpu:7.2f} s CPU  {mib(ss_rss):7.0f} MiB peak"
              f"   ssconvert / CLI = {ss_cpu / cli_cpu:.1f}× (goal ≥ {GOAL_VS_SSCONVERT:g}×)")
        if ss_cpu < GOAL_VS_SSCONVERT * cli_cpu:
            failures.append(f"{n}: only {ss_cpu / cli_cpu:.1f}× faster than ssconvert")
    elif not args.no_ssconvert:
        print("        ssconvert not installed (Debian: gnumeric): side-by-side skipped")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("build")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", help="keep the generated files here (default: a temporary folder)")
    parser.add_argument("--cli", help="the shinchoku-cli to time (default: BUILD's)")
    parser.add_argument("--no-ssconvert", action="store_true", help="skip ssconvert")
    parser.add_argument("--no-json-glib", action="store_true", help="skip the json-glib bare parse")
    args = parser.parse_args()

    work = args.work or tempfile.mkdtemp(prefix="shinchoku-scale-")
    os.makedirs(work, exist_ok=True)
    failures = []
    try:
        for n in (int(s) for s in args.sizes.split(",")):
            failures += bench_size(os.path.abspath(args.build), work, n, args)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    for failure in failures:
        print(f"goal missed: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
