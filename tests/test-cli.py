#!/usr/bin/env python3
# test-cli.py — shinchoku-cli end to end: runs the built binary (env
# SHINCHOKU_CLI) on the built-in document and on edited copies of it, and
# checks its figures against the committee handouts. Speaks TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import traceback
import zipfile

CLI = os.environ.get("SHINCHOKU_CLI", "shinchoku-cli")

# 資料1-1 (1)/(6): the published grade counts of the 54 original measures.
HANDOUT_SUMMARY = {
    "R2/R2": {"achieved": 42, "mostly": 4, "lagging": 4, "pending": 4, "counted": 54},
    "H30/R3": {"achieved": 27, "mostly": 8, "lagging": 9, "pending": 5, "counted": 49},
    "R1/R3": {"achieved": 30, "mostly": 14, "lagging": 4, "pending": 3, "counted": 51},
    "R2/R3": {"achieved": 35, "mostly": 9, "lagging": 7, "pending": 3, "counted": 54},
}

# 資料1-3 §4-1, copied from shared/data/kagoshima-2021/payback_scenarios.json.
HANDOUT_PAYBACK = [
    {
        "name": "費用対効果想定①",
        "cumulative_cost": [2684000, 8731800, 11481800, 14231800,
                            16981800, 19731800, 22481800, 25231800],
        "cumulative_savings": [0, 3739517, 9348793, 14958069,
                               20567345, 26176621, 31785897, 37395173],
        "net": [-2684000, -4992283, -2133007, 726269,
                3585545, 6444821, 9304097, 12163373],
        "payback_year": 4,
    },
    {
        "name": "費用対効果想定②",
        "cumulative_cost": [4004000, 12974500, 17176500, 21378500,
                            25580500, 29782500, 33984500, 38186500],
        "cumulative_savings": [0, 2758450, 13792250, 24826050,
                               35859850, 46893650, 57927450, 68961250],
        "net": [-4004000, -10216050, -3384250, 3447550,
                10279350, 17111150, 23942950, 30774750],
        "payback_year": 4,
    },
    {
        "name": "費用対効果想定③",
        "cumulative_cost": [2684000, 13134000, 15884000, 18634000,
                            21384000, 24134000, 28336000, 32538000],
        "cumulative_savings": [0, 481125, 1443375, 2405625,
                               3367875, 4330125, 5292375, 6254625],
        "net": [-2684000, -12652875, -14440625, -16228375,
                -18016125, -19803875, -23043625, -26283375],
        "payback_year": None,
    },
]
HANDOUT_YEAR_LABELS = ["1年目(R2)", "2年目(R3)", "3年目(R4)", "4年目(R5)",
                       "5年目(R6)", "6年目(R7)", "7年目(R8)", "8年目(R9)"]

TMP = tempfile.TemporaryDirectory(prefix="shinchoku-test-cli-")


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


def run(*args, stdin=None):
    env = dict(os.environ)
    env.setdefault("LC_ALL", "C.UTF-8")
    proc = subprocess.run([CLI, *args], input=stdin, capture_output=True,
                          env=env, timeout=120)
    return (proc.returncode,
            proc.stdout.decode("utf-8"),
            proc.stderr.decode("utf-8", errors="replace"))


def run_ok(*args, stdin=None):
    status, out, err = run(*args, stdin=stdin)
    if status != 0:
        raise Failure(f"{' '.join(args)} exited {status}: {err.strip()}")
    return out


def _reject_constant(name):
    raise Failure(f"{name} is not JSON")


def run_json(*args, stdin=None):
    """Runs a command and parses its output as strict JSON (no NaN)."""
    return json.loads(run_ok(*args, stdin=stdin), parse_constant=_reject_constant)


def check_usage_error(*args):
    status, out, err = run(*args)
    check_equal(status, 2, f"exit status of {' '.join(args)!r}")
    check(err.startswith("shinchoku-cli: "),
          f"{' '.join(args)!r}: stderr does not start with the program name: {err!r}")
    return err


def tmp_path(name):
    return os.path.join(TMP.name, name)


_exported = None


def exported_document():
    """The built-in document as written by export-builtin, parsed."""
    global _exported
    if _exported is None:
        path = tmp_path("builtin.json")
        if not os.path.exists(path):
            run_ok("export-builtin", path)
        with open(path, encoding="utf-8") as f:
            _exported = json.load(f)
    return json.loads(json.dumps(_exported))  # a deep copy to edit


def write_document(name, document):
    path = tmp_path(name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False, indent=2)
    return path


def summary_counts(summary):
    return {e["id"]: {k: e[k] for k in ("achieved", "mostly", "lagging", "pending", "counted")}
            for e in summary["evaluations"]}


def png_size(data):
    check(data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG")
    check(data[12:16] == b"IHDR", "PNG without IHDR first")
    return struct.unpack(">II", data[16:24])


# --- tests ------------------------------------------------------------------

def test_help_lists_commands():
    out = run_ok("--help")
    for command in ("validate", "summary", "measures", "export-builtin", "payback",
                    "processes", "chart"):
        check(command in out, f"--help does not list {command}")
    check("pareto" in out, "--help does not mention chart pareto")
    for command in ("validate", "summary", "measures", "export-builtin", "payback",
                    "processes"):
        status, out, err = run(command, "--help")
        check_equal(status, 0, f"exit status of {command} --help")
        check(f"shinchoku-cli {command}" in out, f"{command} --help lacks its usage line: {out!r}")
        check(err == "", f"{command} --help wrote to stderr: {err!r}")
    out = run_ok("processes", "--help")
    check("--format" in out, "processes --help does not show --format")
    out = run_ok("chart", "--help")
    for kind in ("payback", "summary", "pareto"):
        check(kind in out, f"chart --help does not list {kind}")
    out = run_ok("chart", "pareto", "--help")
    for option in ("--output", "--width", "--height", "--style", "--title", "--threshold"):
        check(option in out, f"chart pareto --help does not show {option}")
    out = run_ok("help", "processes")
    check("--format" in out, "help processes does not show --format")
    out = run_ok("summary", "--help")
    check("--format" in out, "summary --help does not show --format")
    out = run_ok("help", "payback")
    check("--scenario" in out, "help payback does not show --scenario")
    out = run_ok("chart", "payback", "--help")
    for option in ("--output", "--width", "--height", "--style", "--title", "--scenario"):
        check(option in out, f"chart payback --help does not show {option}")


def test_bad_arguments_exit_2():
    check_usage_error()
    check_usage_error("frobnicate")
    check_usage_error("--bogus")
    check_usage_error("summary", "--bogus")
    check_usage_error("summary", "--format", "xml")
    check_usage_error("summary", "a.json", "b.json")
    check_usage_error("measures", "--format", "yaml")
    check_usage_error("validate")
    check_usage_error("validate", "a.json", "b.json")
    check_usage_error("export-builtin")
    check_usage_error("payback")
    check_usage_error("payback", "--scenario", "1", "--format", "xml")
    check_usage_error("chart")
    check_usage_error("chart", "pie", "--output", tmp_path("x.png"))
    check_usage_error("help", "frobnicate")
    check_usage_error("processes", "--format", "xml")
    check_usage_error("processes", "a.json", "b.json")
    check_usage_error("processes", "--bogus")


def test_summary_json_matches_handouts():
    summary = run_json("summary", "--format", "json")
    ids = [e["id"] for e in summary["evaluations"]]
    check_equal(ids, list(HANDOUT_SUMMARY), "evaluations in document order")
    check_equal(summary_counts(summary), HANDOUT_SUMMARY, "grade counts")
    for e in summary["evaluations"]:
        actual, target = e["id"].split("/")
        check_equal((e["actual_year"], e["target_year"]), (actual, target), e["id"])
        check(isinstance(e["counted"], int) and not isinstance(e["counted"], bool),
              "counts must be JSON integers")
        for key in ("achieved", "mostly", "lagging", "pending"):
            share = e["shares"][key]
            check(abs(share - e[key] / e["counted"]) < 1e-12,
                  f"{e['id']} share of {key} is {share}")
        check_equal(e["achieved"] + e["mostly"] + e["lagging"] + e["pending"],
                    e["counted"], f"{e['id']} counted")
    r2r3 = summary["evaluations"][3]
    check(abs(r2r3["shares"]["achieved"] - 35 / 54) < 1e-12, "R2/R3 ◎ share")


def test_summary_text_table():
    out = run_ok("summary")
    for id_ in HANDOUT_SUMMARY:
        check(id_ in out, f"text summary lacks column {id_}")
    for symbol in ("◎", "○", "△", "－"):
        check(symbol in out, f"text summary lacks row {symbol}")
    # One decimal, like the handouts: 35 of 54 is 64.8%, 42 of 54 is 77.8%.
    check("35 (64.8%)" in out, "R2/R3 ◎ count and share missing")
    check("42 (77.8%)" in out, "R2/R2 ◎ count and share missing")
    check("54 (100.0%)" in out, "total row missing")


def test_summary_from_standard_input():
    path = tmp_path("builtin.json")
    exported_document()
    with open(path, "rb") as f:
        data = f.read()
    summary = run_json("summary", "-", "--format", "json", stdin=data)
    check_equal(summary_counts(summary), HANDOUT_SUMMARY, "counts read from stdin")


def test_export_builtin_and_overwrite():
    path = tmp_path("export.json")
    run_ok("export-builtin", path)
    with open(path, "rb") as f:
        first = f.read()
    document = json.loads(first)
    check_equal(document["format"], "shinchoku-plan", "format")
    check_equal(document["version"], 2, "version")
    check_equal(len(document["measures"]), 62, "measures in the built-in document")
    check_equal(len(document["scenarios"]), 3, "scenarios in the built-in document")

    status, _, err = run("export-builtin", path)
    check_equal(status, 1, "exit status when the file exists")
    check("--force" in err, f"the refusal does not mention --force: {err!r}")
    with open(path, "rb") as f:
        check(f.read() == first, "refused export changed the file")

    run_ok("export-builtin", "--force", path)
    with open(path, "rb") as f:
        check(f.read() == first, "export is not deterministic")

    # The exported file reads back as the same document.
    check_equal(summary_counts(run_json("summary", path, "--format", "json")),
                HANDOUT_SUMMARY, "counts of the exported file")


def find_plain_achieved_measure(document):
    """A counted measure with one higher-is-better indicator whose R2/R3
    grade is computed ◎ (no manual grade), to demote by editing its actual."""
    rows = run_json("measures", tmp_path("builtin.json"), "--format", "json")["rows"]
    by_number = {}
    for row in rows:
        by_number.setdefault(row["number"], []).append(row)
    for index, measure in enumerate(document["measures"]):
        rows_of = by_number.get(measure["number"], [])
        if len(measure.get("indicators") or []) != 1 or len(rows_of) != 1:
            continue
        row = rows_of[0]
        grades = row["evaluations"]["R2/R3"]
        indicator = measure["indicators"][0]
        if (row["counted"] and grades["origin"] == "computed"
                and grades["effective"] == "achieved"
                and indicator.get("direction", "higher") == "higher"
                and (indicator.get("target") or {}).get("R3")):
            return index
    raise Failure("no measure with a plain computed ◎ in R2/R3")


def test_editing_an_actual_changes_the_counts():
    document = exported_document()
    index = find_plain_achieved_measure(document)
    number = document["measures"][index]["number"]
    document["measures"][index]["indicators"][0]["actual"]["R2"] = 0
    path = write_document("edited-actual.json", document)

    counts = summary_counts(run_json("summary", path, "--format", "json"))
    expected = json.loads(json.dumps(HANDOUT_SUMMARY))
    expected["R2/R3"]["achieved"] -= 1
    expected["R2/R3"]["lagging"] += 1
    check_equal(counts["R2/R3"], expected["R2/R3"], f"R2/R3 after zeroing No.{number}'s R2 actual")
    check_equal(counts["H30/R3"], HANDOUT_SUMMARY["H30/R3"], "H30/R3 must not move")

    rows = [r for r in run_json("measures", path, "--format", "json")["rows"]
            if r["number"] == number]
    check_equal(rows[0]["evaluations"]["R2/R3"]["computed"], "lagging",
                f"No.{number} computed grade")
    check_equal(rows[0]["evaluations"]["R2/R3"]["rate"], 0, f"No.{number} rate")


def validate_bad_file(name, text, *patterns):
    path = tmp_path(name)
    with open(path, "wb") as f:
        f.write(text.encode("utf-8"))
    before = os.stat(path)
    status, out, err = run("validate", path)
    check_equal(status, 1, f"exit status of validate {name}")
    check(err.startswith("shinchoku-cli: "), f"{name}: message not prefixed: {err!r}")
    check(out == "", f"{name}: nothing belongs on stdout: {out!r}")
    for pattern in patterns:
        check(re.search(pattern, err, re.IGNORECASE),
              f"{name}: message {err.strip()!r} does not match {pattern!r}")
    with open(path, "rb") as f:
        check(f.read() == text.encode("utf-8"), f"validate changed {name}")
    after = os.stat(path)
    check_equal(after.st_mtime_ns, before.st_mtime_ns, f"{name} modification time")
    check(not os.path.exists(path + "~"), f"validate left a backup of {name}")
    return err


def test_validate():
    document = exported_document()
    path = write_document("good.json", document)
    out = run_ok("validate", path)
    check(out.startswith(f"{path}: valid ("), f"validate output: {out!r}")
    check("62 measures" in out, f"validate does not count the measures: {out!r}")

    validate_bad_file("syntax.json",
                      '{\n  "format": "shinchoku-plan",\n  "version": 1,\n'
                      '  "title": oops\n}\n',
                      r"syntax\.json", r"(^|\D)4:\d+")
    validate_bad_file("truncated.json", json.dumps(document, ensure_ascii=False)[:5000],
                      r"truncated\.json", r"\d+:\d+")
    validate_bad_file("not-a-plan.json", '{"hello": "world"}\n', r"not-a-plan\.json")

    newer = exported_document()
    newer["version"] = 99
    validate_bad_file("newer.json", json.dumps(newer, ensure_ascii=False, indent=2),
                      r"newer")

    wrong = exported_document()
    index = next(i for i, m in enumerate(wrong["measures"])
                 if i >= 12 and m.get("indicators"))
    wrong["measures"][index]["indicators"][0]["target"]["R3"] = "八十"
    validate_bad_file("wrong-type.json", json.dumps(wrong, ensure_ascii=False, indent=2),
                      re.escape(f"measures[{index}].indicators[0].target.R3"))

    status, _, err = run("validate", tmp_path("does-not-exist.json"))
    check_equal(status, 1, "exit status for a missing file")
    check("does-not-exist.json" in err, f"missing file not named: {err!r}")


def test_payback_json_matches_handouts():
    for number, expected in enumerate(HANDOUT_PAYBACK, start=1):
        result = run_json("payback", "--scenario", str(number), "--format", "json")
        check_equal(result["scenario"], expected["name"], f"scenario {number} name")
        check_equal(result["years"], HANDOUT_YEAR_LABELS, f"scenario {number} years")
        for key in ("cumulative_cost", "cumulative_savings", "net"):
            check_equal(result[key], expected[key], f"scenario {number} {key}")
            check(all(type(v) is int for v in result[key]),
                  f"scenario {number} {key} must be JSON integers")
        check(all(type(v) is int for v in result["cost"] + result["savings"]),
              f"scenario {number} yearly figures must be JSON integers")
        check_equal(result["payback_year"], expected["payback_year"],
                    f"scenario {number} payback year")
        check_equal(result["net_at_horizon"], expected["net"][-1],
                    f"scenario {number} net at horizon")
        check_equal(result["hourly_rate"], 2566, f"scenario {number} hourly rate")
        if expected["payback_year"] is None:
            check(result["payback_point"] is None and result["payback_month"] is None,
                  "no payback point or month without a payback")
        else:
            year = expected["payback_year"]
            check(year - 1 <= result["payback_point"] <= year,
                  f"payback point {result['payback_point']} outside year {year}")
            check(1 <= result["payback_month"] <= 12, "payback month")

    by_name = run_json("payback", "--scenario", "費用対効果想定②", "--format", "json")
    check_equal(by_name["cumulative_savings"], HANDOUT_PAYBACK[1]["cumulative_savings"],
                "scenario chosen by name")


def test_payback_text_and_csv():
    out = run_ok("payback", "--scenario", "1")
    check("費用対効果想定①" in out, "text lacks the scenario name")
    # The text's year labels are translated: 4年目(R5) in Japanese, Year 4 (R5)
    # in the C locale the tests run in.
    check(("4年目(R5)" in out or "Year 4 (R5)" in out)
          and "14,231,800" in out and "14,958,069" in out,
          f"text lacks the handout figures: {out}")
    check(re.search(r"Recovered in year 4 \(month \d+\)", out), f"no payback line: {out}")
    out = run_ok("payback", "--scenario", "3")
    check("Not recovered" in out, "scenario ③ must say it is not recovered")

    rows = list(csv.DictReader(io.StringIO(run_ok("payback", "--scenario", "2", "--format", "csv"),
                                           newline="")))
    check_equal(len(rows), 8, "CSV records")
    check_equal([int(r["cumulative_cost"]) for r in rows], HANDOUT_PAYBACK[1]["cumulative_cost"],
                "CSV cumulative cost")
    check_equal(rows[3]["year"], "4年目(R5)", "CSV year label")


def test_payback_scenario_errors():
    err = check_usage_error("payback", "--scenario", "4")
    for expected in HANDOUT_PAYBACK:
        check(expected["name"] in err, f"the error does not list {expected['name']}: {err!r}")
    check_usage_error("payback", "--scenario", "0")
    err = check_usage_error("payback", "--scenario", "費用対効果想定⑨")
    check("費用対効果想定①" in err, "the error does not list the scenarios")


def test_higher_hourly_rate_pays_back_earlier():
    document = exported_document()
    document["scenarios"][0]["hourly_rate"] = 2566 * 3
    path = write_document("higher-rate.json", document)
    base = run_json("payback", "--scenario", "1", "--format", "json")
    faster = run_json("payback", path, "--scenario", "1", "--format", "json")
    check_equal(faster["hourly_rate"], 2566 * 3, "edited hourly rate")
    check(faster["payback_year"] is not None and faster["payback_year"] < base["payback_year"],
          f"payback year {faster['payback_year']} is not before {base['payback_year']}")
    check(faster["payback_point"] < base["payback_point"], "payback point did not move earlier")
    check_equal(faster["cumulative_cost"], base["cumulative_cost"], "costs must not change")


def chart_file(name, *args):
    path = tmp_path(name)
    run_ok("chart", *args, "--output", path)
    with open(path, "rb") as f:
        return f.read()


def test_payback_chart_files():
    data = chart_file("payback.png", "payback", "--scenario", "1")
    check_equal(png_size(data), (1280, 720), "default PNG size")
    data = chart_file("payback-all.png", "payback", "--scenario", "1,2,3",
                      "--width", "800", "--height", "600", "--style", "dark",
                      "--title", "費用対効果の比較")
    check_equal(png_size(data), (800, 600), "PNG size")
    data = chart_file("payback-presentation.png", "payback", "--scenario", "2",
                      "--scenario", "費用対効果想定③", "--style", "presentation")
    check_equal(png_size(data), (1280, 720), "PNG size with two --scenario")
    data = chart_file("payback.svg", "payback", "--scenario", "2")
    check(b"<svg" in data[:1000], "not an SVG")
    data = chart_file("payback.pdf", "payback", "--scenario", "3")
    check(data.startswith(b"%PDF-"), "not a PDF")


def test_summary_chart_files():
    exported_document()
    data = chart_file("summary.png", "summary")
    check_equal(png_size(data), (1280, 720), "default PNG size")
    data = chart_file("summary-small.png", "summary", "--width", "640", "--height", "360",
                      "--style", "presentation")
    check_equal(png_size(data), (640, 360), "PNG size")
    data = chart_file("summary.svg", "summary", tmp_path("builtin.json"), "--style", "dark")
    check(b"<svg" in data[:1000], "not an SVG")
    data = chart_file("summary.pdf", "summary")
    check(data.startswith(b"%PDF-"), "not a PDF")


def test_chart_bad_arguments():
    out = tmp_path("bad.png")
    check_usage_error("chart", "summary")
    check_usage_error("chart", "summary", "--output", out, "--width", "50")
    check_usage_error("chart", "summary", "--output", out, "--height", "20000")
    check_usage_error("chart", "summary", "--output", out, "--width", "wide")
    err = check_usage_error("chart", "summary", "--output", out, "--style", "neon")
    check("neon" in err, "the error does not name the style")
    check_usage_error("chart", "summary", "--output", tmp_path("bad.gif"))
    check_usage_error("chart", "payback", "--output", out)
    err = check_usage_error("chart", "payback", "--scenario", "1,7", "--output", out)
    check("費用対効果想定③" in err, "the error does not list the scenarios")
    check(not os.path.exists(out), "a refused chart was written")


def test_measures_csv():
    document = exported_document()
    text = run_ok("measures", "--format", "csv")
    check("\r\n" in text, "CSV records must end with CRLF")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    expected_rows = sum(max(1, len(m.get("indicators") or [])) for m in document["measures"])
    check_equal(len(rows), expected_rows, "rows (one per measure and indicator)")
    check_equal(sorted({int(r["number"]) for r in rows}),
                sorted(m["number"] for m in document["measures"]), "measure numbers")
    header = rows[0].keys()
    for column in ("number", "policy", "name", "section", "indicator", "unit", "direction",
                   "target_R3", "actual_R2", "progress_rate_R2", "rate_R2/R3",
                   "computed_R2/R3", "manual_R2/R3", "effective_R2/R3", "origin_R2/R3"):
        check(column in header, f"CSV lacks column {column}")

    # Every figure is the document's, field for field.
    position = 0
    for measure in document["measures"]:
        indicators = measure.get("indicators") or [None]
        for indicator in indicators:
            row = rows[position]
            position += 1
            check_equal(int(row["number"]), measure["number"], "row order")
            check_equal(row["name"], measure["name"], f"No.{measure['number']} name")
            if indicator is None:
                check_equal(row["indicator"], "", "measure without indicators")
                continue
            check_equal(row["indicator"], indicator["label"], f"No.{measure['number']} indicator")
            for year, value in (indicator.get("target") or {}).items():
                if value is not None and f"target_{year}" in row:
                    check(abs(float(row[f"target_{year}"]) - value) < 1e-9,
                          f"No.{measure['number']} target {year}")

    # The office's grades that depart from the figures (README): No.5 H30/R3.
    no5 = [r for r in rows if r["number"] == "5"]
    check(any(r["origin_H30/R3"] == "overridden" for r in no5),
          "No.5 H30/R3 must show as a manual grade overriding the computed one")


def test_measures_json_and_text():
    document = exported_document()
    result = run_json("measures", "--format", "json")
    expected_rows = sum(max(1, len(m.get("indicators") or [])) for m in document["measures"])
    check_equal(len(result["rows"]), expected_rows, "JSON rows")
    check_equal(result["evaluations"], list(HANDOUT_SUMMARY), "JSON evaluations")
    out = run_ok("measures")
    check(document["measures"][0]["name"] in out, "text lacks the first measure")


# --- processes and the Pareto chart (issue 5) --------------------------------

# 資料1-3: the survey's published totals.
HANDOUT_SURVEY = {
    "listed_processes": 36,
    "listed_hours": 224100,
    "total_hours": 256400,
    "unlisted_processes": 461,
    "unlisted_hours": 32300,
}
# 資料1-3 §3-1: processes per priority class.
HANDOUT_PRIORITY_COUNTS = {"high": 1, "medium": 10, "low": 5, "excluded": 13,
                           "already_efficient": 7}


def document_processes(document):
    return document["survey"]["work_processes"]


def expected_order(processes):
    """Document processes in rank order: more hours first, ties in
    document order (Python's sort is stable)."""
    return sorted(processes, key=lambda p: -p["hours"])


def check_ranked(result, processes, what):
    order = expected_order(processes)
    check_equal([p["process"] for p in result["processes"]], [p["process"] for p in order],
                f"{what}: processes in rank order")
    check_equal([p["hours"] for p in result["processes"]], [p["hours"] for p in order],
                f"{what}: hours in rank order")
    check_equal([p["rank"] for p in result["processes"]], list(range(1, len(order) + 1)),
                f"{what}: ranks")


def test_processes_json_matches_handouts():
    document = exported_document()
    result = run_json("processes", "--format", "json")
    for key, value in HANDOUT_SURVEY.items():
        check_equal(result[key], value, key)
        check(type(result[key]) is int, f"{key} must be a JSON integer")
    check(abs(result["listed_share"] - 224100 / 256400) < 1e-12,
          f"listed_share {result['listed_share']}")
    check_equal(round(result["listed_share"] * 100, 1), 87.4, "listed share in percent")
    check(abs(result["unlisted_share"] - 32300 / 256400) < 1e-12, "unlisted_share")
    check_equal(result["total_processes"], 497, "total processes of the survey")

    processes = result["processes"]
    check_equal(len(processes), 36, "listed processes")
    check_ranked(result, document_processes(document), "built-in")
    check_equal(sum(p["hours"] for p in processes), result["listed_hours"], "sum of hours")

    cumulative = 0
    for p in processes:
        for key in ("rank", "hours", "process", "priority", "business", "section", "unit",
                    "category", "expected_reduction", "cumulative_share"):
            check(key in p, f"process {p['rank']} lacks {key}")
        check(type(p["rank"]) is int and type(p["hours"]) is int,
              f"rank {p['rank']}: rank and hours must be JSON integers")
        cumulative += p["hours"]
        check(abs(p["cumulative_share"] - cumulative / 256400) < 1e-12,
              f"rank {p['rank']} cumulative share")
        check(p["priority"] is None or p["priority"] in HANDOUT_PRIORITY_COUNTS,
              f"rank {p['rank']}: priority key {p['priority']!r}")
        check(p["expected_reduction"] is None or isinstance(p["expected_reduction"], (int, float)),
              f"rank {p['rank']}: expected_reduction must be a number or null")
    check(abs(processes[-1]["cumulative_share"] - result["listed_share"]) < 1e-12,
          "the last cumulative share is the listed share")

    counts = {}
    for p in processes:
        counts[p["priority"]] = counts.get(p["priority"], 0) + 1
    check_equal(counts, HANDOUT_PRIORITY_COUNTS, "processes per priority class")

    by_priority = {row["priority"]: row for row in result["by_priority"]}
    check_equal([row["priority"] for row in result["by_priority"]],
                list(HANDOUT_PRIORITY_COUNTS), "priority classes in the handouts' order")
    for key, count in HANDOUT_PRIORITY_COUNTS.items():
        row = by_priority[key]
        check_equal(row["processes"], count, f"breakdown count of {key}")
        check_equal(row["hours"], sum(p["hours"] for p in processes if p["priority"] == key),
                    f"breakdown hours of {key}")
        check(row["label"], f"breakdown of {key} has no label")
    check_equal(sum(r["hours"] for r in result["by_category"]), 224100, "hours per category")
    check_equal(sum(r["processes"] for r in result["by_category"]), 36, "processes per category")
    check(abs(sum(r["share"] for r in result["by_category"]) - 1) < 1e-9,
          "category shares add up to 1")
    unknown = [r for r in result["by_category"] if r["category"] is None]
    check_equal(len(unknown), 1, "one row for the unknown category")
    # A process is traced to its category, else to the 分類 printed beside it.
    check_equal(unknown[0]["processes"],
                sum(1 for p in document_processes(document)
                    if (p["category"] or p["printed_category"]) is None),
                "processes of unknown category")


def test_processes_text():
    out = run_ok("processes")
    result = run_json("processes", "--format", "json")
    check("Top 36 processes: 87.4% of all hours (224,100 of 256,400 hours a year)." in out,
          f"the summary line is missing: {out}")
    for p in result["processes"]:
        check(p["process"] in out, f"text lacks process {p['process']}")
    check("64,562" in out, "hours are printed with thousands separators")
    for figure in ("224,100", "32,300", "256,400", "461"):
        check(figure in out, f"text lacks the total {figure}")
    # The numeric columns line up: each ranked row starts with rank, hours,
    # share and cumulative share, right-aligned to the same width.
    rows = [m.group(0) for m in
            (re.match(r"^ *\d+ +[\d,]+ +[\d.]+% +[\d.]+%", line) for line in out.splitlines())
            if m]
    check_equal(len(rows), 36, "ranked rows in the text table")
    check(len({len(r) for r in rows}) == 1, f"the numeric columns do not line up: {rows[:3]}")
    check(not any(line.endswith(" ") for line in out.splitlines()), "trailing blanks")


def test_processes_csv():
    document = exported_document()
    text = run_ok("processes", "--format", "csv")
    check(text.endswith("\r\n"), "CSV records must end with CRLF")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    check_equal(len(rows), 36, "CSV records")
    for column in ("rank", "hours", "process", "priority", "business", "section", "unit",
                   "category", "expected_reduction", "cumulative_share"):
        check(column in rows[0], f"CSV lacks column {column}")
    check_equal([int(r["rank"]) for r in rows], list(range(1, 37)), "CSV ranks")
    order = expected_order(document_processes(document))
    check_equal([r["process"] for r in rows], [p["process"] for p in order], "CSV order")
    check_equal([float(r["hours"]) for r in rows], [float(p["hours"]) for p in order],
                "CSV hours")
    counts = {}
    for r in rows:
        counts[r["priority"]] = counts.get(r["priority"], 0) + 1
    check_equal(counts, HANDOUT_PRIORITY_COUNTS, "CSV priority classes")
    check(abs(float(rows[-1]["cumulative_share"]) - 224100 / 256400) < 1e-12,
          "CSV last cumulative share")


def test_processes_follow_edits():
    document = exported_document()
    processes = document_processes(document)
    order = expected_order(processes)
    last = order[-1]
    # The last-ranked process grows to 20,000 hours: it moves up, and the
    # listed hours and the survey's total grow by as much (the unlisted
    # remainder is data, the total is computed).
    grown = 20000 - last["hours"]
    last["hours"] = 20000
    path = write_document("processes-edited.json", document)
    result = run_json("processes", path, "--format", "json")
    check_ranked(result, processes, "edited")
    moved = next(p for p in result["processes"] if p["process"] == last["process"]
                 and p["hours"] == 20000)
    check_equal(moved["rank"], 1 + sum(1 for p in processes if p["hours"] > 20000),
                "rank of the edited process")
    check_equal(result["listed_hours"], sum(p["hours"] for p in processes), "listed hours")
    check_equal(result["total_hours"], 256400 + grown, "the survey's total grows")
    check_equal(result["unlisted_hours"], 32300, "the unlisted remainder stays")
    check(abs(result["listed_share"] - result["listed_hours"] / (256400 + grown)) < 1e-12,
          "listed share after the edit")

    # Equal hours keep document order: swapping two tied processes in the
    # file swaps their ranks.
    document = exported_document()
    processes = document_processes(document)
    tied = next((i, j) for i in range(len(processes)) for j in range(i + 1, len(processes))
                if processes[i]["hours"] == processes[j]["hours"])
    before = run_json("processes", "--format", "json")
    first, second = processes[tied[0]]["id"], processes[tied[1]]["id"]
    processes[tied[0]], processes[tied[1]] = processes[tied[1]], processes[tied[0]]
    path = write_document("processes-swapped.json", document)
    after = run_json("processes", path, "--format", "json")
    rank = {p["id"]: p["rank"] for p in before["processes"]}
    swapped = {p["id"]: p["rank"] for p in after["processes"]}
    check(rank[first] < rank[second], "ties keep document order")
    check_equal((swapped[first], swapped[second]), (rank[second], rank[first]),
                "swapped ties swap ranks")


def write_broken_document(name):
    """The built-in document with a syntax error on a known line."""
    text = json.dumps(exported_document(), ensure_ascii=False, indent=2)
    lines = text.split("\n")
    line = next(i for i, l in enumerate(lines) if '"work_processes"' in l) + 2
    # A missing colon: the parser stops on this very line.
    check(lines[line].strip().startswith('"id": '), f"unexpected line {lines[line]!r}")
    lines[line] = lines[line].replace('": ', '" ', 1)
    path = tmp_path(name)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    return path, line + 1


def test_processes_errors():
    path, line = write_broken_document("broken-processes.json")
    for args in (("processes", path), ("processes", path, "--format", "json")):
        status, out, err = run(*args)
        check_equal(status, 1, f"exit status of {' '.join(args)}")
        check_equal(out, "", "nothing belongs on stdout")
        check(re.search(rf"broken-processes\.json:{line}:\d+", err),
              f"the message does not give file and line {line}: {err!r}")

    document = exported_document()
    document_processes(document)[3]["hours"] = "たくさん"
    path = write_document("wrong-hours.json", document)
    status, _, err = run("processes", path)
    check_equal(status, 1, "exit status for a wrong type")
    check("wrong-hours.json" in err and "survey.work_processes[3].hours" in err,
          f"the message does not give file and JSON path: {err!r}")

    status, _, err = run("processes", tmp_path("no-such-plan.json"))
    check_equal(status, 1, "exit status for a missing file")
    check("no-such-plan.json" in err, f"missing file not named: {err!r}")

    # A document without a survey has nothing to rank, which is no error.
    document = exported_document()
    del document["survey"]
    path = write_document("no-survey.json", document)
    result = run_json("processes", path, "--format", "json")
    check_equal((result["processes"], result["listed_hours"], result["listed_share"]),
                ([], 0, 0), "an empty ranking")
    run_ok("processes", path)
    run_ok("processes", path, "--format", "csv")


def test_pareto_chart_files():
    exported_document()
    data = chart_file("pareto.png", "pareto")
    check_equal(png_size(data), (1280, 720), "default PNG size")
    data = chart_file("pareto-hd.png", "pareto", "--width", "1920", "--height", "1080",
                      "--style", "presentation", "--threshold", "90")
    check_equal(png_size(data), (1920, 1080), "PNG size")
    data = chart_file("pareto-small.png", "pareto", tmp_path("builtin.json"),
                      "--width", "640", "--height", "360", "--style", "dark",
                      "--title", "処理時間のパレート図")
    check_equal(png_size(data), (640, 360), "small PNG size")
    data = chart_file("pareto.svg", "pareto", "--width", "1000", "--height", "500")
    check(b"<svg" in data[:1000], "not an SVG")
    check(re.search(rb'width="1000(pt)?"', data[:1000]) is not None, "SVG width")
    data = chart_file("pareto.pdf", "pareto", "--threshold", "0")
    check(data.startswith(b"%PDF-"), "not a PDF")
    # Charts are drawn, not blank: the PNG has more than one colour's worth
    # of data (a flat 1280×720 PNG compresses to a few kilobytes).
    check(len(chart_file("pareto-check.png", "pareto")) > 20000, "the chart looks empty")


def test_pareto_chart_errors():
    out = tmp_path("bad-pareto.png")
    check_usage_error("chart", "pareto")
    err = check_usage_error("chart", "pareto", "--output", out, "--style", "neon")
    check("neon" in err, "the error does not name the style")
    err = check_usage_error("chart", "pareto", "--output", tmp_path("pareto.gif"))
    check("pareto.gif" in err, "the error does not name the file")
    check_usage_error("chart", "pareto", "--output", tmp_path("pareto"))
    check_usage_error("chart", "pareto", "--output", out, "--width", "99")
    check_usage_error("chart", "pareto", "--output", out, "--threshold", "150")
    check_usage_error("chart", "pareto", "--output", out, "--threshold", "-1")
    check_usage_error("chart", "pareto", "a.json", "b.json", "--output", out)

    path, line = write_broken_document("broken-pareto.json")
    status, _, err = run("chart", "pareto", path, "--output", out)
    check_equal(status, 1, "exit status for a broken file")
    check(re.search(rf"broken-pareto\.json:{line}:\d+", err),
          f"the message does not give file and line {line}: {err!r}")

    status, _, err = run("chart", "pareto", "--output",
                         os.path.join(TMP.name, "no-such-dir", "pareto.png"))
    check_equal(status, 1, "exit status for an unwritable output")
    check("no-such-dir" in err or "pareto.png" in err, f"the output is not named: {err!r}")
    check(not os.path.exists(out), "a refused chart was written")


def test_breakdown_chart_files():
    exported_document()
    out = run_ok("chart", "breakdown", "--help")
    for option in ("--output", "--width", "--height", "--style", "--by"):
        check(option in out, f"chart breakdown --help does not show {option}")
    check("breakdown" in run_ok("chart", "--help"), "chart --help does not list breakdown")
    data = chart_file("breakdown.png", "breakdown")
    check_equal(png_size(data), (1280, 720), "default PNG size")
    check(len(data) > 20000, "the chart looks empty")
    for style in ("light", "dark", "presentation"):
        data = chart_file(f"breakdown-{style}.png", "breakdown", tmp_path("builtin.json"),
                          "--by", "category", "--style", style,
                          "--width", "320", "--height", "200")
        check_equal(png_size(data), (320, 200), f"small PNG size in {style}")
    data = chart_file("breakdown-hd.png", "breakdown", "--by", "priority",
                      "--width", "3840", "--height", "2160", "--title", "優先度別の処理時間")
    check_equal(png_size(data), (3840, 2160), "4K PNG size")
    data = chart_file("breakdown.svg", "breakdown", "--width", "1000", "--height", "500")
    check(b"<svg" in data[:1000], "not an SVG")
    check(re.search(rb'width="1000(pt)?"', data[:1000]) is not None, "SVG width")
    data = chart_file("breakdown.pdf", "breakdown", "--by", "CATEGORY")
    check(data.startswith(b"%PDF-"), "not a PDF")

    out = tmp_path("bad-breakdown.png")
    err = check_usage_error("chart", "breakdown", "--output", out, "--by", "section")
    check("section" in err, "the error does not name the bad --by")
    check_usage_error("chart", "breakdown", "--output", out, "--by")
    check_usage_error("chart", "breakdown")
    check_usage_error("chart", "breakdown", "--output", out, "--height", "10001")
    check_usage_error("chart", "breakdown", "--output", tmp_path("breakdown.jpg"))
    check(not os.path.exists(out), "a refused chart was written")


def hand_payback_year(cumulative_cost, cumulative_savings, factor):
    """The payback year of a handout scenario whose savings are scaled by
    factor, from the printed rows: savings are linear in both the hourly
    rate and the hours saved."""
    for year, (cost, saving) in enumerate(zip(cumulative_cost, cumulative_savings), start=1):
        if saving * factor >= cost:
            return year
    return None


def test_sensitivity_matches_hand_calculation():
    for number, handout in enumerate(HANDOUT_PAYBACK, start=1):
        data = run_json("sensitivity", "--scenario", str(number), "--format", "json")
        check_equal(data["scenario"], handout["name"], "scenario name")
        check_equal(data["base"]["payback_year"], handout["payback_year"], "base payback year")
        factors = {f["factor"]: f for f in data["factors"]}
        check("hourly_rate" in factors and "hours_saved" in factors,
              f"factors: {sorted(factors)}")
        for factor in factors.values():
            for cell in factor["cells"]:
                change = cell["change_percent"]
                # Scaling every cost by k is scaling the savings by 1/k.
                scale = 1 + change / 100
                if factor["factor"] == "costs":
                    scale = 1 / scale
                expected = hand_payback_year(handout["cumulative_cost"],
                                             handout["cumulative_savings"], scale)
                check_equal(cell["payback_year"], expected,
                            f"scenario {number} {factor['factor']} {change:+d}%")
    text = run_ok("sensitivity", "--scenario", "1")
    check("30" in text and "4" in text, "the text table is empty")
    check_usage_error("sensitivity", "--scenario", "9")


def test_report_pdf():
    out = tmp_path("handout.pdf")
    run_ok("report", "--output", out, "--date", "2021-06-10")
    with open(out, "rb") as f:
        data = f.read()
    check(data.startswith(b"%PDF-"), "not a PDF")
    check(data.count(b"/Type /Page") - data.count(b"/Type /Pages") >= 8,
          "the handout has fewer than 8 pages")
    a3 = tmp_path("handout-a3.pdf")
    run_ok("report", "--output", a3, "--paper", "a3")
    with open(a3, "rb") as f:
        check(f.read().startswith(b"%PDF-"), "the A3 handout is not a PDF")
    check_usage_error("report", "--output", tmp_path("handout-b5.pdf"), "--paper", "b5")
    check_usage_error("report")
    check(not os.path.exists(tmp_path("handout-b5.pdf")), "a refused handout was written")


def test_export_tables():
    out = tmp_path("measures.csv")
    run_ok("export", "--output", out)
    with open(out, "rb") as f:
        data = f.read()
    check(data.startswith(b"\xef\xbb\xbf"), "the CSV has no byte-order mark for Excel")
    rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8"))))
    check(len(rows) > 62, f"only {len(rows)} CSV rows for 62 measures")
    check(any("鹿児島市ホームページの充実" in cell for row in rows for cell in row),
          "measure No.1 is not in the CSV")

    out = tmp_path("processes.csv")
    run_ok("export", "--output", out, "--table", "processes")
    with open(out, encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    check_equal(len(rows), 37, "header and 36 processes")

    out = tmp_path("plan.xlsx")
    run_ok("export", "--output", out)
    with open(out, "rb") as f:
        check(f.read(4) == b"PK\x03\x04", "the XLSX is not a zip file")
    check_usage_error("export", "--output", tmp_path("plan.txt"))

def edited_measures_csv(name, edits):
    """The exported measures table with {(number, indicator_no, heading): text}
    edits, written as a spreadsheet would; returns its path."""
    exported = tmp_path("for-import.csv")
    run_ok("export", "--output", exported)
    with open(exported, encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    for (number, index, heading), text in edits.items():
        for row in rows[1:]:
            if row[0] == str(number) and row[header.index("Indicator No.")] == str(index):
                row[header.index(heading)] = text
    path = tmp_path(name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def test_import_preview_and_apply():
    document = exported_document()
    indicator = document["measures"][0]["indicators"][0]
    data = edited_measures_csv("edited.csv", {(1, 1, "Actual R2"): "3800000",
                                              (1, 1, "Target R3"): "1.5E+16"})

    # The preview changes nothing and says where each item is.
    out = run_ok("import", data)
    check(data in out.splitlines()[0], f"the preview does not name the file: {out!r}")
    check("1 value changes:" in out, f"no change listed: {out!r}")
    check("3,800,000" in out, f"the new value is not shown: {out!r}")
    check(re.search(r"Cell [A-Z]+2 \(Target R3\): 1\.5E\+16 is out of range", out),
          f"1.5E+16 is not refused at its cell: {out!r}")

    result = run_json("import", data, "--format", "json")
    check_equal(len(result["changes"]), 1, "changes in JSON")
    change = result["changes"][0]
    check_equal((change["measure"], change["kind"], change["year"], change["new"]),
                (1, "actual", "R2", 3800000), "the change")
    check_equal(change["old"], indicator["actual"]["R2"], "the old value")
    check(re.fullmatch(r"[A-Z]+2", change["cell"]), f"cell {change['cell']!r}")
    check_equal(len(result["problems"]), 1, "problems in JSON")
    check(result["problems"][0]["cell"].endswith("2"), "the problem's cell")
    check_equal(result["applied"], None, "applied without --apply")

    # --apply needs --output, and never writes over FILE by itself.
    check_usage_error("import", data, "--apply")
    check_usage_error("import", data, "--output", tmp_path("x.json"))
    source = write_document("import-source.json", document)
    before = open(source, "rb").read()
    out_path = tmp_path("imported.json")
    out = run_ok("import", source, data, "--apply", "--output", out_path)
    check("1 value changed" in out, f"no summary of the applied import: {out!r}")
    check_equal(open(source, "rb").read(), before, "FILE after --apply --output elsewhere")
    check("valid" in run_ok("validate", out_path), "the written document is not valid")
    written = run_json("measures", out_path, "--format", "json")
    text = json.dumps(written)
    check("3800000" in text, "the written document lacks the imported value")


def test_import_refused_files():
    for name, content, words in (
            ("values.ods", None, ".ods"),
            ("no-headings.csv", "Name,Value\nx,1\n", "No row names the columns"),
            ("huge-row.csv", "No.,Actual R2\n" + "\n" * 100000 + "1,2\n", "beyond row 100000")):
        path = tmp_path(name)
        if content is None:
            with zipfile.ZipFile(path, "w") as z:
                z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
                z.writestr("content.xml", "<office:document-content/>")
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(content)
        for fmt in ("text", "json"):
            status, out, err = run("import", path, "--format", fmt)
            check_equal(status, 1, f"exit status of import {name}")
            check(words in err, f"import {name}: {err!r} does not say {words!r}")
            check("nothing was imported" in err, f"import {name}: {err!r}")
    status, _, err = run("import", "/dev/zero")
    check_equal(status, 1, "exit status of import /dev/zero")
    check("not a regular file" in err, f"/dev/zero: {err!r}")
    out_path = tmp_path("never-written.json")
    status, _, _ = run("import", tmp_path("no-headings.csv"), "--apply", "--output", out_path)
    check_equal(status, 1, "exit status of a refused --apply")
    check(not os.path.exists(out_path), "a refused import wrote its output")


def formula_document():
    document = exported_document()
    document["measures"][0]["name"] = "=1+1"
    document["measures"][1]["name"] = "@SUM(A1)"
    document["measures"][0]["indicators"][0]["actual"]["R2"] = -5
    return write_document("formulas.json", document)


def test_csv_formulas_are_text():
    path = formula_document()
    rows = list(csv.DictReader(io.StringIO(run_ok("measures", path, "--format", "csv"),
                                           newline="")))
    names = {row["name"] for row in rows}
    check("'=1+1" in names and "'@SUM(A1)" in names, f"formula names unguarded: {sorted(names)[:5]}")
    check("=1+1" not in names, "a name is written as a formula")
    check_equal(rows[0]["actual_R2"], "-5", "a negative number stays a number")

    out = tmp_path("formulas.csv")
    run_ok("export", path, "--output", out)
    with open(out, encoding="utf-8-sig") as f:
        exported = list(csv.reader(f))
    check(any(row[2] == "'=1+1" for row in exported), "the exported CSV lets =1+1 through")

    # A spreadsheet application must read the name as text, not compute 2.
    converter = shutil.which("ssconvert") or shutil.which("soffice")
    if converter is None:
        raise Skip("neither Gnumeric's ssconvert nor LibreOffice's soffice is installed")
    converted = tmp_path("formulas-converted.csv")
    if converter.endswith("ssconvert"):
        subprocess.run([converter, out, converted], check=True, capture_output=True, timeout=120)
    else:
        outdir = tmp_path("soffice")
        subprocess.run([converter, "--headless", "--convert-to", "csv", "--outdir", outdir, out],
                       check=True, capture_output=True, timeout=300)
        converted = os.path.join(outdir, "formulas.csv")
    with open(converted, encoding="utf-8-sig", errors="replace") as f:
        cells = [row[2] for row in csv.reader(f) if len(row) > 2]
    check("2" not in cells, "the spreadsheet computed =1+1")
    check(any("=1+1" in cell for cell in cells), f"=1+1 is not kept as text: {cells[:3]}")


def test_audit_json_lists_handout_findings():
    result = run_json("audit", "--format", "json")
    check_equal(list(result), ["findings"], "audit keys")
    findings = result["findings"]
    for f in findings:
        for key in ("kind", "measure", "printed", "computed", "message"):
            check(key in f, f"finding without {key}: {f}")
    printed = {(f["measure"], f["year"]): (f["printed"], f["computed"])
               for f in findings if f["kind"] == "printed-rate"}
    check_equal(printed, {(43, "H30"): ("94.1%", "84.2%"), (52, "R2"): ("90.0%", "90.1%")},
                "printed rates that differ from computed")
    kinds = {f["kind"] for f in findings}
    check(kinds >= {"grade-departure", "printed-rate", "untraceable-category", "year-added"},
          f"audit kinds {kinds}")
    categories = {f["subject"] for f in findings if f["kind"] == "untraceable-category"}
    check_equal(categories, {"入力事務", "自動化事務", "その他"}, "untraceable categories")
    added = sorted((f["measure"], f["evaluation"]) for f in findings if f["kind"] == "year-added")
    check_equal(added, [(31, "R2/R2"), (31, "R2/R3"), (51, "R2/R2"), (51, "R2/R3")],
                "graded measures left out by the year they were added")


def test_audit_text_and_not_rated():
    out = run_ok("audit")
    check("No.43" in out and "94.1%" in out and "84.2%" in out, f"audit text: {out[:400]!r}")
    # A zero target makes No.1 unratable: the audit says where.
    document = exported_document()
    edited = json.loads(json.dumps(document))
    measure = next(m for m in edited["measures"] if m["number"] == 1)
    measure["indicators"][0]["target"]["R3"] = 0
    path = write_document("audit-zero-target.json", edited)
    result = run_json("audit", path, "--format", "json")
    not_rated = [f for f in result["findings"] if f["kind"] == "not-rated"]
    check_equal(sorted(f["evaluation"] for f in not_rated), ["H30/R3", "R1/R3", "R2/R3"],
                "evaluations where No.1 cannot be rated")
    check(all(f["measure"] == 1 for f in not_rated), "not-rated findings are No.1's")
    check_usage_error("audit", "--format", "csv")


def test_survey_matches_handout():
    survey = run_json("survey", "--format", "json")
    check_equal(survey["sample_size"], 3500, "sample size")
    check_equal(survey["valid_responses"], 1784, "valid responses")
    check_equal(round(survey["response_rate"]), 51, "response rate")
    devices = {a["item"]: a for a in survey["devices"]["answers"]}
    phone = devices["スマートフォン型の携帯電話"]
    check_equal(phone["change"], 22.6, "smartphone change")
    check_equal(phone["national"], 83.4, "smartphone national")
    check_equal(phone["gap"], -0.8, "smartphone gap")
    for question in ("devices", "connections"):
        for answer in survey[question]["answers"]:
            check_equal(answer["change"], answer["change_printed"], f"change of {answer['item']}")
    internet = survey["internet_use"]["answers"][0]
    check_equal(internet["fy2"], 87.5, "internet use")
    check_equal(internet["gap"], -2.3, "internet use gap")
    check_equal(len(survey["other_questions"]), 7, "other questions")
    text = run_ok("survey")
    check("1,784" in text and "-2.3" in text, "survey text lacks the responses or the gap")


def test_findings_match_handout():
    findings = run_json("findings", "--format", "json")
    demo = findings["demonstration"]
    check_equal(demo["processes"], 3, "demonstration processes")
    check_equal(demo["hours"], 10963, "demonstration hours")
    check_equal([r["reduction"] for r in demo["results"]], [875, 2343, 4300], "reductions")
    check_equal(findings["e_application"]["chosen"], 8, "e-application procedures")
    check_equal(findings["e_application"]["candidate_processes"], 32, "e-application candidates")
    check_equal(findings["e_application"]["annual_cases"], 17051, "e-application cases")
    check_equal(findings["survey"]["businesses"], 236, "survey businesses")
    check_equal(sum(r["hours"] for r in findings["by_section"]), 224100, "hours by section")
    check("令和2年6月15日" in run_ok("findings"), "findings text lacks the survey period")


def test_findings_promotion_policy():
    """資料1-3 7-1 推進方針, read from the seed into the built-in document."""
    policy = run_json("findings", "--format", "json")["promotion_policy"]
    check_equal(policy["heading"], "AI・RPA等の活用による業務効率化等の推進方針", "7. heading")
    check_equal(policy["subheading"], "推進方針", "7-1 heading")
    check_equal(policy["standardisation"],
                ["自治体DX推進計画（情報システムの標準化）", "標準準拠システム構築(業務プロセスの標準化)"],
                "7-1 standardisation row")
    check_equal(policy["ai_rpa"], ["AI・RPA等の活用"], "7-1 AI/RPA row")
    check_equal(policy["goal"], "業務効率化・市民サービスの向上", "7-1 goal")
    check_equal(policy["scope"], "調査業務（AI・RPA等活用への課題整理）", "7-1 scope")
    check("総務省 令和2年12月25日" in policy["note"], "7-1 note lacks its source")
    check_equal(len(policy["paragraphs"]), 2, "7-1 paragraphs")
    findings = run_json("findings", "--format", "json")
    further = findings["further_measures"]
    check_equal(further["heading"], "更なる業務効率化を進めるための検討事項", "second 5-2 heading")
    check_equal([len(row["remedies"]) for row in further["rows"]], [2, 2, 1, 1, 5], "5-2 remedies")
    check(findings["effects_conclusion"].endswith("相乗的効果が期待される。"), "5-1 conclusion")
    effects = findings["qualitative_effects"]
    check_equal(effects[0]["example_tasks"], ["特別徴収異動届処理業務", "口座振替登録業務"],
                "5-1 example tasks")
    check(policy["paragraphs"][1].startswith("国において「自治体DX推進計画」"), "7-1 second paragraph")
    text = run_ok("findings")
    check("本書の範囲" in text and "2025年度を目標に標準化" in text, "findings text lacks 7-1")


def test_survey_and_schedule_charts():
    for kind in ("survey", "schedule"):
        path = tmp_path(f"{kind}.png")
        run_ok("chart", kind, "--output", path, "--width", "800", "--height", "450")
        with open(path, "rb") as f:
            check_equal(png_size(f.read()), (800, 450), f"{kind} chart size")
    check_usage_error("chart", "schedule")


def test_next_plan_from_builtin():
    path = tmp_path("next.json")
    run_ok("next-plan", "--years", "R4-R8", "--output", path)
    out = run_ok("validate", path)
    check("valid" in out, f"next plan does not validate: {out}")
    with open(path, encoding="utf-8") as f:
        document = json.load(f)
    check_equal([y["id"] for y in document["fiscal_years"]], ["R4", "R5", "R6", "R7", "R8"],
                "fiscal years")
    check_equal(document["previous_plan"], "第四次鹿児島市地域情報化計画", "previous plan")
    builtin = {m["number"]: m for m in exported_document()["measures"]}
    for measure in document["measures"]:
        check_equal(measure["manual_grades"], {}, f"manual grades of No.{measure['number']}")
        for old, new in zip(builtin[measure["number"]]["indicators"], measure["indicators"]):
            check_equal(new["target"], {}, f"targets of No.{measure['number']}")
            check_equal(new["actual"], {}, f"actuals of No.{measure['number']}")
            actuals = [(y, v) for y, v in old["actual"].items() if v is not None]
            if actuals:
                year, value = actuals[-1]
                check_equal(new["baseline"], {"year": year, "value": value},
                            f"baseline of No.{measure['number']}")
    # It opens as any document: no figures yet, no findings.
    summary = run_json("summary", path, "--format", "json")
    check(all(e["counted"] == 0 or e["achieved"] == 0 for e in summary["evaluations"]),
          "a new plan has grades")
    # A subset, and the mistakes.
    run_ok("next-plan", "--measures", "1,2", "--output", path, "--force")
    with open(path, encoding="utf-8") as f:
        check_equal([m["number"] for m in json.load(f)["measures"]], [1, 2], "chosen measures")
    check_usage_error("next-plan", "--years", "R8-R4", "--output", tmp_path("bad.json"))
    check_usage_error("next-plan", "--years", "R4-R8")
    status, out, err = run("next-plan", "--output", path)
    check_equal(status, 1, "next-plan onto an existing file without --force")
def test_payback_without_costs():
    """A scenario with no costs (one just made from a process) has no
    payback: the CLI says 「費用未入力」 instead of 'recovered in year 2'."""
    document = exported_document()
    document["scenarios"][0]["cost_items"] = []
    path = write_document("no-costs.json", document)
    for fmt in ("text", "json", "csv"):
        status, out, err = run("payback", path, "--scenario", "1", "--format", fmt)
        check(status != 0, f"payback --format {fmt} of a scenario without costs succeeded")
        check("No costs entered" in err, f"no 'No costs entered' in {err!r}")
        check("recovered" not in out.lower() and "payback_year" not in out,
              f"a payback was printed: {out!r}")


README = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "README.md")


def readme_cli_lines():
    """The command lines of README's 'command-line tool' block."""
    with open(README, encoding="utf-8") as f:
        text = f.read()
    block = text.split("## The command-line tool", 1)[1].split("```text", 1)[1].split("```", 1)[0]
    return [line.strip() for line in block.splitlines() if line.strip().startswith("shinchoku-cli ")]


def help_values(help_text, option):
    """The values a command's --help gives for --OPTION: 'text (default),
    csv or json' -> {'text', 'csv', 'json'}."""
    for line in help_text.splitlines():
        match = re.search(r"--" + option + r"=\S+\s+(.*)", line)
        if match:
            described = match.group(1).split(";")[0].split(":")[-1]
            described = re.sub(r"\(default\)", "", described)
            return {word for word in re.split(r"[ ,]+|\bor\b", described) if word and word != "or"}
    return None


def test_readme_lists_what_exists():
    """README and the top-level --help list exactly the commands that exist,
    and README offers exactly the formats and choices each command takes."""
    top = run_ok("--help")
    helped = set()
    chart_kinds_top = None
    for line in top.splitlines():
        if not line.startswith("  ") or line.startswith("  shinchoku-cli"):
            continue
        words = line.split()
        if words[0] == "help":
            continue
        if re.fullmatch(r"[a-z-]+", words[0]):
            helped.add(words[0])
        if words[0] == "chart":
            chart_kinds_top = set(words[1].split("|"))
    readme = readme_cli_lines()
    documented = {line.split()[1] for line in readme}
    check_equal(sorted(documented), sorted(helped), "commands in README against --help")
    for command in sorted(helped):
        status, _, err = run(command, "--help")
        check_equal(status, 0, f"{command} --help exit status: {err}")

    chart_help = run_ok("chart", "--help")
    chart_kinds = set(re.findall(r"shinchoku-cli chart ([a-z]+) ", chart_help))
    check_equal(sorted(chart_kinds_top or []), sorted(chart_kinds), "chart kinds in --help")
    for line in readme:
        words = line.split()
        command = words[1]
        if command == "chart":
            check_equal(sorted(words[2].split("|")), sorted(chart_kinds), "chart kinds in README")
            continue
        command_help = run_ok(command, "--help")
        for option in ("format", "table", "paper"):
            match = re.search(r"--" + option + r" ([a-z0-9|]+)", line)
            if match is None:
                continue
            offered = set(match.group(1).split("|"))
            accepted = help_values(command_help, option)
            check(accepted is not None, f"README offers {command} --{option}, its --help has none")
            check_equal(sorted(offered), sorted(accepted), f"README's {command} --{option}")


TESTS = [
    test_help_lists_commands,
    test_bad_arguments_exit_2,
    test_summary_json_matches_handouts,
    test_summary_text_table,
    test_summary_from_standard_input,
    test_export_builtin_and_overwrite,
    test_editing_an_actual_changes_the_counts,
    test_validate,
    test_payback_json_matches_handouts,
    test_payback_text_and_csv,
    test_payback_scenario_errors,
    test_higher_hourly_rate_pays_back_earlier,
    test_payback_chart_files,
    test_summary_chart_files,
    test_chart_bad_arguments,
    test_measures_csv,
    test_measures_json_and_text,
    test_processes_json_matches_handouts,
    test_processes_text,
    test_processes_csv,
    test_processes_follow_edits,
    test_processes_errors,
    test_pareto_chart_files,
    test_pareto_chart_errors,
    test_breakdown_chart_files,
    test_sensitivity_matches_hand_calculation,
    test_report_pdf,
    test_export_tables,
    test_import_preview_and_apply,
    test_import_refused_files,
    test_csv_formulas_are_text,
    test_audit_json_lists_handout_findings,
    test_audit_text_and_not_rated,
    test_survey_matches_handout,
    test_findings_match_handout,
    test_findings_promotion_policy,
    test_survey_and_schedule_charts,
    test_next_plan_from_builtin,
    test_payback_without_costs,
    test_readme_lists_what_exists,
]


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
