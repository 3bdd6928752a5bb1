#!/usr/bin/env python3
# test-save-kill.py — kill -9 a process that saves at random moments: the
# file is always one of the two documents it saves, byte for byte, and so
# is its backup when there is one. Directly and through a symbolic link.
# Runs tests/save-loop (env SHK_SAVE_LOOP), which forks the saving
# processes. Speaks TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

LOOP = os.environ.get("SHK_SAVE_LOOP", "save-loop")
ROUNDS = int(os.environ.get("SHK_KILL_ROUNDS", "300"))
# A budget, not a measurement: under the sanitizers a start of save-loop is
# slow, so fewer rounds fit; never fewer than MIN_ROUNDS.
BUDGET = float(os.environ.get("SHK_KILL_SECONDS", "50"))
MIN_ROUNDS = 60
TEMP_NAME = re.compile(r"^\..+\.shinchoku-\d+-[A-Za-z0-9]{6}$")


def read(path):
    with open(path, "rb") as f:
        return f.read()


def check_round(real, documents, link=None, link_target=None):
    problems = []
    if link is not None:
        if not os.path.islink(link) or os.readlink(link) != link_target:
            problems.append("the symbolic link was replaced")
    if not os.path.exists(real):
        problems.append("the file is missing")
    elif read(real) not in documents:
        problems.append("the file is neither document (%d bytes)" % len(read(real)))
    backup = real + "~"
    if os.path.lexists(backup) and read(backup) not in documents:
        problems.append("the backup is neither document (%d bytes)" % len(read(backup)))
    return problems


def run_kills(rounds, symlink, rng, deadline):
    """Returns (problems, kills, leftover temporary files after cleanup)."""
    top = tempfile.mkdtemp(prefix="shk-save-kill-")
    try:
        copy_a = os.path.join(top, "a.json")
        copy_b = os.path.join(top, "b.json")
        folder = os.path.join(top, "plans")
        os.mkdir(folder)
        real = os.path.join(folder, "plan.json")
        target, link_target = real, None
        if symlink:
            link_target = "plans/plan.json"
            target = os.path.join(top, "link.json")
            os.symlink(link_target, target)

        # The file exists before the first kill, as after any real save.
        subprocess.run([LOOP, target, copy_a, copy_b, "--once"], check=True)
        documents = (read(copy_a), read(copy_b))
        assert documents[0] != documents[1]

        problems = []
        kills = 0
        server = subprocess.Popen([LOOP, target, copy_a, copy_b, "--serve"],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  text=True)

        def ask(command):
            server.stdin.write(command + "\n")
            server.stdin.flush()
            return server.stdout.readline().strip()

        try:
            if server.stdout.readline().strip() != "ready":
                return ["save-loop did not start"], 0, []
            for i in range(rounds):
                if i >= MIN_ROUNDS // 2 and time.monotonic() > deadline:
                    break
                if ask("start") != "started":
                    return ["save-loop could not start a saving process"], kills, []
                time.sleep(rng.uniform(0, 0.1))
                answer = ask("kill")
                if answer != "killed":
                    return ["the saving process stopped by itself: %s" % answer], kills, []
                kills += 1
                for problem in check_round(real, documents, target if symlink else None,
                                           link_target):
                    problems.append("kill %d: %s" % (i + 1, problem))
        finally:
            server.stdin.close()
            server.wait()

        # Killed saves leave temporary files; once they are old enough the
        # next save removes them.
        left = [n for n in os.listdir(folder) if TEMP_NAME.match(n)]
        # Evidence that kills landed inside saves, not between them.
        print("# %d temporary files left by killed saves" % len(left))
        then = time.time() - 2 * 3600
        for name in left:
            os.utime(os.path.join(folder, name), (then, then))
        subprocess.run([LOOP, target, copy_a, copy_b, "--once"], check=True)
        after = [n for n in os.listdir(folder) if TEMP_NAME.match(n)]
        extra = set(os.listdir(folder)) - {"plan.json", "plan.json~"} - set(after)
        problems += ["unexpected file %s" % n for n in sorted(extra)]
        if read(real) != documents[0]:
            problems.append("the last save did not write document A")
        return problems, kills, after
    finally:
        shutil.rmtree(top)


def main():
    seed = int(os.environ.get("SHK_KILL_SEED", str(random.randrange(1 << 30))))
    rng = random.Random(seed)
    print("1..2")
    print("# seed %d (SHK_KILL_SEED reproduces it), %d rounds" % (seed, ROUNDS))
    failed = 0
    start = time.monotonic()
    for number, symlink in enumerate((False, True), start=1):
        name = "through a symbolic link" if symlink else "direct"
        deadline = start + BUDGET * number / 2
        problems, kills, left = run_kills(ROUNDS // 2, symlink, rng, deadline)
        if left:
            problems.append("stale temporary files were not removed: %s" % left)
        if problems:
            failed += 1
            print("not ok %d - kill -9 while saving, %s" % (number, name))
            for problem in problems[:20]:
                print("#   %s" % problem)
        else:
            print("ok %d - kill -9 while saving, %s: %d kills, always one document"
                  % (number, name, kills))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
