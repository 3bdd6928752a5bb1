#!/usr/bin/env python3
# test-hostile-files.py — every file of tests/files/hostile/, and special
# files made here (a FIFO, a directory, a symbolic link loop, an unreadable
# file, a device, a huge sparse file, very deep nesting), goes through
# `shinchoku-cli validate FILE` (env SHINCHOKU_CLI) under a 512 MB address
# space limit (as `ulimit -v 524288`). Each must be refused with exit status
# 1 (not a signal), a message naming the file and where the problem is, and
# the file left as it was. Speaks TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile

CLI = os.environ.get("SHINCHOKU_CLI", "shinchoku-cli")
HOSTILE = os.path.join(os.environ.get("G_TEST_SRCDIR", os.path.dirname(os.path.abspath(__file__))),
                       "files", "hostile")
MEMORY_LIMIT = 512 * 1024 * 1024
TIMEOUT = 60

# What each corpus file must be refused for. A location is either the
# (nth, from 1) occurrence of a marker in the file's bytes, whose line and
# column (in characters) the message must give, "end" for the end of the
# file, or a JSON path (a regular expression) for problems of the plan's
# content; None where the whole file is at fault.
CORPUS = {
    "deep-nesting-comment-trick.json": (("marker", b'/"/', 1), r"comments are not allowed"),
    "comment.json": (("marker", b"/*", 1), r"comments are not allowed"),
    "line-comment.json": (("marker", b"//", 1), r"comments are not allowed"),
    "single-quotes.json": (("marker", b"'", 1), r"double quotes"),
    "trailing-comma.json": (("marker", b"[],", 1, 2), r"extra comma before “}”"),
    "second-value.json": (("marker", b'{"format"', 1), r"more text after the end of the JSON value"),
    "duplicate-key.json": (("marker", b'"title"', 2), r"the key “title” appears twice"),
    "nul-escape.json": (("marker", b"\\u0000", 1), r"“\\u0000” \(a NUL character\) is not allowed"),
    "lone-surrogate.json": (("marker", b"\\ud800", 1), r"half of a surrogate pair"),
    "integer-too-large.json": (("marker", b"99999999999999999999", 1),
                               r"number too large \(99999999999999999999\)"),
    "version-1e309.json": (("marker", b"1e309", 1), r"number too large \(1e309\)"),
    "truncated.json": (("end",), r"ends too early"),
    "invalid-utf8.json": (("marker", "第四次".encode("shift_jis"), 1), r"not valid UTF-8"),
    "control-character.json": (("marker", b"\t", 1), r"control character \(U\+0009\)"),
    "nul-bytes.json": (("marker", b"\0", 1), r"NUL byte"),
    "empty.json": (("end",), r"contains no JSON value"),
    "wrong-type-deep.json": (("path", r"measures\[0\]\.indicators\[0\]\.target\.R3"),
                             r"expected a number or null, found a string \(\"千二百\"\)"),
    "duplicate-measure-numbers.json": (("path", r"measures\[1\]\.number"),
                                       r"duplicate measure number 1 \(also measures\[0\]\)"),
    "newer-version.json": (None, r"written by a newer version of Shinchoku \(format version 3\)"),
}

TMP = tempfile.TemporaryDirectory(prefix="shinchoku-test-hostile-")
SKIP = object()


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def built_with_asan(path):
    """AddressSanitizer reserves terabytes of address space for its shadow
    memory at start-up, so an address-space limit stops it before main()."""
    with open(path, "rb") as f:
        return b"__asan_init" in f.read()


CLI_HAS_ASAN = built_with_asan(CLI)


def limit_memory():
    if not CLI_HAS_ASAN:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def validate(path, prefix=()):
    env = dict(os.environ)
    env.setdefault("LC_ALL", "C.UTF-8")
    if CLI_HAS_ASAN:
        # The same cap, kept by the sanitizer itself on the resident size.
        env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS"),
                                                    f"hard_rss_limit_mb={MEMORY_LIMIT >> 20}"]))
    proc = subprocess.run([*prefix, CLI, "validate", path], capture_output=True, env=env,
                          timeout=TIMEOUT, preexec_fn=limit_memory, stdin=subprocess.DEVNULL)
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


def position(data, offset):
    """Line and column (1-based, in characters) of byte @offset."""
    before = data[:offset]
    line_start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[line_start:].decode("utf-8")) + 1


def nth_offset(data, marker, nth):
    offset = -1
    for _ in range(nth):
        offset = data.find(marker, offset + 1)
        check(offset >= 0, f"marker {marker!r} occurs fewer than {nth} times")
    return offset


def expected_location(name, data, location):
    """The text that must follow "name" in the message."""
    if location is None:
        return ": "
    kind = location[0]
    if kind == "path":
        return ": " + location[1] + ": "
    if kind == "end":
        offset = len(data)
    else:
        offset = nth_offset(data, location[1], location[2])
        if len(location) > 3:
            offset += location[3]
    line, column = position(data, offset)
    return f":{line}:{column}: "


def refuse(path, name_pattern, message_pattern, prefix=()):
    """Runs validate on @path; checks the refusal and that the file's bytes
    (when it is a regular file) are unchanged."""
    regular = os.path.isfile(path) and not os.path.islink(path)
    before = None
    if regular and os.access(path, os.R_OK):
        with open(path, "rb") as f:
            before = f.read()
        mtime = os.stat(path).st_mtime_ns
    status, out, err = validate(path, prefix)
    check(status >= 0, f"{path}: killed by signal {-status}: {err.strip()!r}")
    check(status == 1, f"{path}: exit status {status}, expected 1: {err.strip()!r}")
    check(out == "", f"{path}: nothing belongs on stdout: {out!r}")
    pattern = r"^shinchoku-cli: " + name_pattern + ".*" + message_pattern
    check(re.search(pattern, err), f"{path}: message {err.strip()!r} does not match {pattern!r}")
    if before is not None:
        with open(path, "rb") as f:
            check(f.read() == before, f"validate changed {path}")
        check(os.stat(path).st_mtime_ns == mtime, f"validate touched {path}")
    check(not os.path.lexists(path + "~"), f"validate left a backup of {path}")


def corpus_test(name):
    def test():
        location, message = CORPUS[name]
        path = os.path.join(HOSTILE, name)
        with open(path, "rb") as f:
            data = f.read()
        refuse(path, re.escape(name) + expected_location(name, data, location), message)
    test.__name__ = "test_corpus_" + name
    return test


def test_every_corpus_file_is_listed():
    present = sorted(os.listdir(HOSTILE))
    check(present == sorted(CORPUS),
          f"tests/files/hostile/ and CORPUS differ: {sorted(set(present) ^ set(CORPUS))}")


def tmp_path(name):
    return os.path.join(TMP.name, name)


def test_fifo_without_writer():
    # Opening it would block for ever (until the timeout).
    path = tmp_path("fifo.json")
    os.mkfifo(path)
    refuse(path, re.escape("fifo.json") + ": ", r"not an ordinary file")


def test_device():
    check(os.path.exists("/dev/zero"), "/dev/zero is missing")
    refuse("/dev/zero", "zero: ", r"not an ordinary file")


def test_directory():
    path = tmp_path("folder.json")
    os.mkdir(path)
    refuse(path, re.escape("folder.json") + ": ", r"this is a folder")


def test_symlink_loop():
    a, b = tmp_path("loop-a.json"), tmp_path("loop-b.json")
    os.symlink(b, a)
    os.symlink(a, b)
    refuse(a, re.escape("loop-a.json") + ": ", r"symbolic link that leads to no file")


def test_unreadable_file():
    """As root every file is readable: the CLI then runs as `nobody`
    (setpriv), for whom the file's permissions apply."""
    directory = tmp_path("unreadable")
    os.mkdir(directory)
    path = os.path.join(directory, "unreadable.json")
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"format": "shinchoku-plan", "version": 1}\n')
    os.chmod(path, 0)
    prefix = ()
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            return SKIP, "running as root and setpriv is missing: root can read any file"
        # nobody must reach the file and the CLI.
        os.chmod(TMP.name, 0o755)
        os.chmod(directory, 0o755)
        prefix = (setpriv, "--reuid=65534", "--regid=65534", "--clear-groups")
        probe = subprocess.run([*prefix, CLI, "--help"], capture_output=True, timeout=TIMEOUT)
        if probe.returncode != 0:
            return SKIP, ("running as root, and the CLI cannot run as nobody: "
                          + probe.stderr.decode("utf-8", "replace").strip())
    refuse(path, ".*" + re.escape("unreadable.json") + ".*", r"[Pp]ermission denied", prefix)
    os.chmod(path, 0o600)
    with open(path, encoding="utf-8") as f:
        check(f.read() == '{"format": "shinchoku-plan", "version": 1}\n', "the file changed")
    return None


def test_huge_sparse_file():
    # 1 GiB and a byte, but sparse: refused from its size, without reading.
    path = tmp_path("huge.json")
    with open(path, "wb") as f:
        f.seek(1024 * 1024 * 1024)
        f.write(b" ")
    refuse(path, re.escape("huge.json") + ": ", r"the file is too large .*plans of up to 1\.0\s+GiB")


def test_deep_nesting():
    # Without any trick, arrays and objects: refused at level 129.
    head = '{"format": "shinchoku-plan", "version": 1, "x": '
    for name, text in (("deep-arrays.json", head + "[" * 80000 + "]" * 80000 + "}"),
                       ("deep-objects.json", head + '{"a": ' * 80000 + "1" + "}" * 80001)):
        path = tmp_path(name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        column = len(head) + 1 + 127 * (1 if name == "deep-arrays.json" else len('{"a": '))
        refuse(path, re.escape(name) + f":1:{column}: ", r"nested more than 128 levels deep")


TESTS = [
    test_every_corpus_file_is_listed,
    *[corpus_test(name) for name in sorted(CORPUS)],
    test_fifo_without_writer,
    test_device,
    test_directory,
    test_symlink_loop,
    test_unreadable_file,
    test_huge_sparse_file,
    test_deep_nesting,
]


def main():
    print(f"1..{len(TESTS)}", flush=True)
    failed = 0
    for number, test in enumerate(TESTS, start=1):
        name = test.__name__[len("test_"):]
        try:
            result = test()
        except Exception as error:  # a failure of one test must not stop the rest
            failed += 1
            print(f"not ok {number} - {name}")
            for line in str(error).splitlines() or [type(error).__name__]:
                print(f"# {line}")
        else:
            if isinstance(result, tuple) and result[0] is SKIP:
                print(f"ok {number} - {name} # SKIP {result[1]}")
            else:
                print(f"ok {number} - {name}")
        sys.stdout.flush()
    TMP.cleanup()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
