#!/usr/bin/env python3
# Checks that the Japanese translation is complete: every file with
# translatable strings is listed in po/POTFILES.in, and po/ja.po translates
# every message extracted from them, with no fuzzy entries and matching
# printf formats (msgfmt --check). Speaks TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import subprocess
import sys
import tempfile

SOURCE_ROOT = os.environ.get("SHINCHOKU_SOURCE_ROOT",
                             os.path.join(os.path.dirname(__file__), ".."))
PO_DIR = os.path.join(SOURCE_ROOT, "po")

results = []


def check(ok, name, diagnostics=""):
    results.append((ok, name, diagnostics))


def listed_files():
    with open(os.path.join(PO_DIR, "POTFILES.in"), encoding="utf-8") as f:
        return [line.strip() for line in f
                if line.strip() and not line.startswith("#")]


def files_with_strings():
    found = []
    patterns = {
        ".c": re.compile(r"\b(N_|_|C_|NC_|g_dngettext|ngettext)\s*\("),
        ".ui": re.compile(r'translatable="yes"'),
    }
    for top in ("src", "ui"):
        for directory, _dirs, names in os.walk(os.path.join(SOURCE_ROOT, top)):
            for name in sorted(names):
                ext = os.path.splitext(name)[1]
                if ext not in patterns:
                    continue
                path = os.path.join(directory, name)
                with open(path, encoding="utf-8") as f:
                    if patterns[ext].search(f.read()):
                        found.append(os.path.relpath(path, SOURCE_ROOT))
    return sorted(found)


def test_potfiles():
    listed = set(listed_files())
    missing = [f for f in files_with_strings() if f not in listed]
    check(not missing, "every file with translatable strings is in POTFILES.in",
          "missing: " + ", ".join(missing))
    absent = [f for f in listed
              if not os.path.exists(os.path.join(SOURCE_ROOT, f))]
    check(not absent, "every file in POTFILES.in exists",
          "absent: " + ", ".join(absent))


def extract_pot(tmp):
    pot = os.path.join(tmp, "shinchoku.pot")
    files = [f for f in listed_files()
             if os.path.exists(os.path.join(SOURCE_ROOT, f))]
    c_files = [f for f in files if f.endswith(".c")]
    other = [f for f in files if not f.endswith(".c")]
    subprocess.run(["xgettext", "--from-code=UTF-8", "--add-comments=TRANSLATORS:",
                    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2",
                    "--keyword=NC_:1c,2", "--keyword=g_dngettext:2,3",
                    "--language=C", "-o", pot] + c_files,
                   cwd=SOURCE_ROOT, check=True)
    for f in other:
        lang = ["--language=Glade"] if f.endswith(".ui") else []
        if f.endswith(".gschema.xml"):
            lang = ["--language=GSettings"] if _supports("GSettings") else []
        subprocess.run(["xgettext", "--from-code=UTF-8", "-j"] + lang + ["-o", pot, f],
                       cwd=SOURCE_ROOT, check=True)
    return pot


def _supports(language):
    out = subprocess.run(["xgettext", "--help"], capture_output=True, text=True).stdout
    return language in out


def untranslated(pot, po):
    out = subprocess.run(["msgcmp", "--use-untranslated", po, pot],
                         capture_output=True, text=True)
    missing = subprocess.run(["msgcmp", po, pot], capture_output=True, text=True)
    return out, missing


def test_ja_po():
    po = os.path.join(PO_DIR, "ja.po")
    with tempfile.TemporaryDirectory() as tmp:
        check_run = subprocess.run(["msgfmt", "--check", "--statistics", "-o",
                                    os.devnull, po],
                                   capture_output=True, text=True)
        check(check_run.returncode == 0, "ja.po passes msgfmt --check",
              check_run.stderr)
        stats = check_run.stderr
        check("fuzzy" not in stats and "untranslated" not in stats,
              "ja.po has no fuzzy or untranslated entries", stats)

        pot = extract_pot(tmp)
        # msgcmp fails when a message of the sources has no entry in ja.po.
        cmp = subprocess.run(["msgcmp", po, pot], capture_output=True, text=True)
        lines = [l for l in cmp.stderr.splitlines() if "this message" in l
                 or "msgid" in l]
        check(cmp.returncode == 0, "ja.po translates every message of the sources",
              "\n".join(lines[:40]) or cmp.stderr[:4000])


def main():
    if shutil.which("xgettext") is None or shutil.which("msgcmp") is None:
        print("1..0 # SKIP gettext tools are not installed")
        return 0
    test_potfiles()
    test_ja_po()
    print("1..%d" % len(results))
    failed = 0
    for i, (ok, name, diagnostics) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        if not ok:
            failed += 1
            for line in diagnostics.splitlines():
                print("# " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
