#!/usr/bin/env python3
# test-deck.py — the meeting outputs of shinchoku-cli: the PowerPoint deck,
# the XLSX workbook's native charts, and charts that carry their meaning
# (SVG <title>/<desc>, PDF Title, PNG pHYs). Files are checked after
# unzipping, part by part; LibreOffice converts the deck where installed.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import traceback
import xml.etree.ElementTree as ET
import zipfile

CLI = os.environ.get("SHINCHOKU_CLI", "shinchoku-cli")
TMP = tempfile.TemporaryDirectory(prefix="shinchoku-test-deck-")


class Failure(Exception):
    pass


class Skip(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def check_equal(actual, expected, what):
    if actual != expected:
        raise Failure(f"{what}: expected {expected!r}, got {actual!r}")


def run(*args):
    env = dict(os.environ)
    env.setdefault("LC_ALL", "C.UTF-8")
    proc = subprocess.run([CLI, *args], capture_output=True, env=env, timeout=240)
    return (proc.returncode, proc.stdout.decode("utf-8"),
            proc.stderr.decode("utf-8", errors="replace"))


def run_ok(*args):
    status, out, err = run(*args)
    if status != 0:
        raise Failure(f"{' '.join(args)} exited {status}: {err.strip()}")
    return out


def check_usage_error(*args):
    status, _, err = run(*args)
    check_equal(status, 2, f"exit status of {' '.join(args)!r}")
    return err


def tmp_path(name):
    return os.path.join(TMP.name, name)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def png_chunks(data):
    check(data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG")
    offset = 8
    chunks = []
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        chunks.append((kind, data[offset + 8:offset + 8 + length]))
        offset += 12 + length
    return chunks


def png_dpi(data):
    chunks = png_chunks(data)
    check_equal(chunks[0][0], b"IHDR", "the PNG's first chunk")
    phys = [body for kind, body in chunks if kind == b"pHYs"]
    check_equal(len(phys), 1, "pHYs chunks in the PNG")
    x, y, unit = struct.unpack(">IIB", phys[0])
    check_equal(unit, 1, "the pHYs unit (metre)")
    check_equal(x, y, "the PNG's horizontal and vertical resolution")
    return x * 0.0254


# --- charts that carry their meaning ---------------------------------------

def test_chart_svg_title_and_desc():
    out = tmp_path("summary.svg")
    run_ok("chart", "summary", "--output", out, "--title", "評価の推移 <R3>")
    root = ET.fromstring(read(out))
    svg = "{http://www.w3.org/2000/svg}"
    check_equal(root.tag, svg + "svg", "the root element")
    children = list(root)
    check_equal(children[0].tag, svg + "title", "the SVG's first child")
    check_equal(children[0].text, "評価の推移 <R3>", "the SVG's title")
    check_equal(children[1].tag, svg + "desc", "the SVG's second child")
    check("42" in children[1].text and "R2/R3" in children[1].text,
          f"the SVG's description does not give the counts: {children[1].text!r}")


def test_chart_pdf_title():
    out = tmp_path("pareto.pdf")
    run_ok("chart", "pareto", "--output", out, "--title", "Pareto R3")
    data = read(out)
    check(b"/Title (Pareto R3)" in data, "the PDF has no Title in its information")
    check(b"/Subject" in data, "the PDF has no Subject (the chart's description)")
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", out], capture_output=True, text=True).stdout
        check(re.search(r"^Title:\s+Pareto R3$", info, re.M), f"pdfinfo: {info}")


def test_chart_png_resolution():
    out = tmp_path("breakdown.png")
    run_ok("chart", "breakdown", "--output", out)
    dpi = png_dpi(read(out))
    check(abs(dpi - 96.0) < 0.1, f"a 1× PNG at {dpi:.1f} dpi, not 96")


TESTS = [value for name, value in list(globals().items()) if name.startswith("test_")]


def main():
    print(f"1..{len(TESTS)}", flush=True)
    failed = 0
    for number, test in enumerate(TESTS, start=1):
        name = test.__name__[len("test_"):]
        try:
            test()
        except Skip as reason:
            print(f"ok {number} - {name} # SKIP {reason}")
        except Exception as error:  # a failure of one test must not stop the rest
            failed += 1
            print(f"not ok {number} - {name}")
            detail = str(error) if isinstance(error, Failure) else traceback.format_exc()
            for line in detail.splitlines():
                print(f"# {line}")
        else:
            print(f"ok {number} - {name}")
        sys.stdout.flush()
    TMP.cleanup()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
