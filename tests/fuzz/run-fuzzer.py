#!/usr/bin/env python3
# run-fuzzer.py — one timed libFuzzer run, as a Meson test of the `fuzz` suite
#
# Copies the seeds into a fresh corpus in the build directory (libFuzzer
# adds the inputs it finds to its corpus; the source tree must stay as it
# is), runs the fuzzer for $FUZZ_SECONDS seconds (default 60) and fails on
# any crash, leak, timeout or out-of-memory, printing where the reproducer
# is and how to run it again.
#
# With $FUZZ_RUNS set (or $FUZZ_GATE, which takes the target's own number
# from tests/fuzz/meson.build), it runs that many inputs from the fixed
# random seed $FUZZ_SEED (default 1) instead, whatever the machine's speed:
# the same
# inputs every time, so that a run that passed here passes in CI too, and
# a failure there is reproduced here by running it again. Longer, timed
# runs from fresh seeds find the new bugs.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import os
import shutil
import subprocess
import sys

# A single input may take this long before libFuzzer calls it a hang.
INPUT_TIMEOUT = 10
RSS_LIMIT_MB = 2048


def replay(fuzzer, path, env):
    """Runs a reproducer once more with the slow unwinder: GLib is built
    without frame pointers, so the fast one stops at g_malloc() and a leak
    report would not say who allocated."""
    env = dict(env, ASAN_OPTIONS=env['ASAN_OPTIONS'] + ':fast_unwind_on_malloc=0')
    print(f'--- {os.path.basename(path)}, once more with full stacks ---', flush=True)
    try:
        subprocess.run([fuzzer, f'-timeout={INPUT_TIMEOUT}', f'-rss_limit_mb={RSS_LIMIT_MB}', path],
                       env=env, timeout=4 * INPUT_TIMEOUT + 60)
    except subprocess.TimeoutExpired:
        print('(the reproducer did not finish)', flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--fuzzer', required=True)
    parser.add_argument('--seeds', required=True)
    parser.add_argument('--dict', required=True)
    parser.add_argument('--max-len', required=True, type=int)
    parser.add_argument('--gate-runs', required=True, type=int)
    parser.add_argument('--work-dir', required=True)
    parser.add_argument('--lsan-suppressions', required=True)
    args = parser.parse_args()

    seconds = int(os.environ.get('FUZZ_SECONDS', '60'))
    runs = int(os.environ.get('FUZZ_RUNS', '0'))
    if runs == 0 and os.environ.get('FUZZ_GATE'):
        runs = args.gate_runs
    seed = int(os.environ.get('FUZZ_SEED', '1'))
    name = os.path.basename(args.fuzzer)
    if runs > 0:
        budget = [f'-runs={runs}', f'-seed={seed}']
        what = f'{runs} inputs from seed {seed}'
        # A generous bound: a few thousand inputs a second is usual.
        deadline = max(600, runs // 50)
    else:
        budget = [f'-max_total_time={seconds}']
        what = f'{seconds} s'
        # libFuzzer stops by itself after max_total_time, plus at most one
        # input's timeout; anything beyond that is a hang of its own.
        deadline = seconds + 4 * INPUT_TIMEOUT + 60

    corpus = os.path.join(args.work_dir, 'corpus')
    artifacts = os.path.join(args.work_dir, 'artifacts')
    shutil.rmtree(args.work_dir, ignore_errors=True)
    shutil.copytree(args.seeds, corpus)
    os.makedirs(artifacts)

    env = dict(os.environ)
    # GLib 2.74's slice allocator would hide heap errors from ASan.
    env['G_SLICE'] = 'always-malloc'
    env['ASAN_OPTIONS'] = 'detect_leaks=1:print_summary=1'
    env['UBSAN_OPTIONS'] = 'halt_on_error=1:print_stacktrace=1'
    env['LSAN_OPTIONS'] = f'suppressions={args.lsan_suppressions}:print_suppressions=0'
    env['LC_ALL'] = 'C.UTF-8'
    # Every check counts here (see fuzz_skips() in fuzz-common.h).
    env.pop('SHK_FUZZ_SKIP', None)

    command = [
        args.fuzzer,
        *budget,
        f'-timeout={INPUT_TIMEOUT}',
        f'-rss_limit_mb={RSS_LIMIT_MB}',
        f'-max_len={args.max_len}',
        f'-dict={args.dict}',
        f'-artifact_prefix={artifacts}{os.sep}',
        '-print_final_stats=1',
        # Without a line per new input: the log is for what went wrong.
        '-verbosity=0',
        corpus,
    ]
    print('running:', ' '.join(command), flush=True)
    try:
        status = subprocess.run(command, env=env, timeout=deadline).returncode
    except subprocess.TimeoutExpired:
        print(f'{name}: did not stop after {deadline} s', flush=True)
        status = -1

    found = sorted(os.path.join(artifacts, f) for f in os.listdir(artifacts))
    if status == 0 and not found:
        print(f'{name}: no crash, leak or timeout in {what}')
        return 0

    # The replays first: the summary must be the log's last lines, which
    # are what `meson test --print-errorlogs` shows of a long log.
    for path in found:
        replay(args.fuzzer, path, env)
    print(f'{name}: FAILED (exit status {status})')
    for path in found:
        print(f'{name}: reproducer: {path}')
        print(f'{name}:   run it again with: G_SLICE=always-malloc {args.fuzzer} {path}')
    if not found:
        print(f'{name}: no reproducer was written; see the output above')
    return 1


if __name__ == '__main__':
    sys.exit(main())
