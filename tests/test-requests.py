#!/usr/bin/env python3
# test-requests.py — request workbooks out, replies in: runs shinchoku-cli
# (env SHINCHOKU_CLI) `requests` on the built-in document, fills the
# replies the way a person would (the reply sheet's XML edited inside the
# ZIP: numbers, typed text, cleared cells) and checks what `collect`
# makes of them. Speaks TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback
import zipfile
from xml.sax.saxutils import escape

CLI = os.environ.get("SHINCHOKU_CLI", "shinchoku-cli")
TMP = tempfile.TemporaryDirectory(prefix="shinchoku-requests-")
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


class Failure(Exception):
    pass


class Skip(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def run(*args, status=0):
    result = subprocess.run([CLI, *args], capture_output=True, text=True,
                            env=dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="C"))
    check(result.returncode == status,
          f"{' '.join(args)}: exit {result.returncode}, expected {status}\n"
          f"stdout: {result.stdout}\nstderr: {result.stderr}")
    return result


def run_json(*args):
    return json.loads(run(*args, "--format", "json").stdout)


def path(*parts):
    return os.path.join(TMP.name, *parts)


_requests = {}


def requests(document=None, year="R3"):
    """Writes the requests once per document and year; returns {section: file}."""
    key = (document, year)
    if key not in _requests:
        out = path(f"requests-{len(_requests)}")
        args = ["requests"] + ([document] if document else []) + \
               ["--year", year, "--output", out, "--due", "2026-12-20"]
        _requests[key] = {r["section"]: r for r in run_json(*args)["requests"]}
    return _requests[key]


# ---------------------------------------------------------------------------
# Reading and filling a workbook as a person would

def shared_strings(archive):
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    xml = archive.read("xl/sharedStrings.xml").decode()
    return [re.sub(r"<[^>]+>", "", si) for si in re.findall(r"<si>(.*?)</si>", xml, re.S)]


def sheet_cells(archive, part):
    """{ "A1": text } of a worksheet part."""
    strings = shared_strings(archive)
    xml = archive.read(part).decode()
    cells = {}
    for attrs, body in re.findall(r'<c ([^>]*?)(?:/>|>(.*?)</c>)', xml, re.S):
        ref = re.search(r'r="([A-Z]+[0-9]+)"', attrs).group(1)
        value = re.search(r"<v>(.*?)</v>", body or "")
        inline = re.search(r"<t[^>]*>(.*?)</t>", body or "", re.S)
        if 't="s"' in attrs and value:
            cells[ref] = strings[int(value.group(1))]
        elif inline:
            cells[ref] = inline.group(1)
        elif value:
            cells[ref] = value.group(1)
    return cells


def column_letter(index):
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class Reply:
    """The reply sheet of a request workbook, with its columns by key."""

    def __init__(self, source):
        self.source = source
        with zipfile.ZipFile(source) as archive:
            ids = sheet_cells(archive, "xl/worksheets/sheet3.xml")
            self.reply = sheet_cells(archive, "xl/worksheets/sheet2.xml")
        self.first_row = int(ids["B6"]) + 1        # 1-based
        self.keys = {}
        column = 0
        while f"{column_letter(column)}11" in ids:
            self.keys[ids[f"{column_letter(column)}11"]] = column
            column += 1
        self.edits = {}

    def row_of(self, measure, indicator=1):
        row = self.first_row
        while f"A{row}" in self.reply:
            ind = self.reply.get(f"C{row}", "")
            if self.reply[f"A{row}"] == str(measure) and (ind == str(indicator) or ind == ""):
                return row
            row += 1
        raise Failure(f"{self.source}: no row for No.{measure}")

    def cell(self, key, measure, indicator=1):
        return f"{column_letter(self.keys[key])}{self.row_of(measure, indicator)}"

    def set(self, key, measure, value, indicator=1):
        self.edits[self.cell(key, measure, indicator)] = value
        return self

    def set_cell(self, ref, value):
        self.edits[ref] = value
        return self

    def save(self, target):
        with zipfile.ZipFile(self.source) as src, \
                zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename == "xl/worksheets/sheet2.xml":
                    data = self._apply(data.decode()).encode()
                dst.writestr(item, data)
        return target

    def _apply(self, xml):
        for ref, value in self.edits.items():
            pattern = re.compile(r'<c r="%s"([^>]*?)(?:/>|>.*?</c>)' % ref, re.S)
            match = pattern.search(xml)
            check(match, f"no cell {ref} in the reply sheet")
            style = re.search(r' s="\d+"', match.group(1))
            style = style.group(0) if style else ""
            if value is None or value == "":
                new = f'<c r="{ref}"{style}/>'
            elif isinstance(value, (int, float)):
                new = f'<c r="{ref}"{style}><v>{value}</v></c>'
            else:   # typed text, as Excel stores what it cannot read as a number
                new = f'<c r="{ref}"{style} t="inlineStr"><is><t>{escape(value)}</t></is></c>'
            xml = xml[:match.start()] + new + xml[match.end():]
        return xml


def section_file(section, document=None, year="R3"):
    return requests(document, year)[section]["file"]


# ---------------------------------------------------------------------------
# The tests

def test_one_workbook_per_section():
    written = requests()
    check(len(written) == 41, f"{len(written)} workbooks; the built-in plan names 41 sections")
    check(written["広報課"]["measures"] == [1, 2], written["広報課"])
    for section, info in written.items():
        check(os.path.exists(info["file"]), f"{info['file']} missing")
        check(section in os.path.basename(info["file"]) and "R3" in info["file"], info["file"])
    # A measure owned by several sections is in each of their workbooks.
    joint = [s for s, info in written.items() if info["measures"] == [60]]
    owners = set(joint)
    check({"経営管理課", "水道整備課", "下水処理課"} <= owners, f"joint owners {owners}")
    # No.43's two owners, printed in one cell, are two sections.
    for owner in ("長寿支援課", "障害福祉課"):
        check(43 in written.get(owner, {}).get("measures", []), f"No.43 not asked of {owner}")


def test_workbook_locks_context_and_validates_inputs():
    with zipfile.ZipFile(section_file("広報課")) as archive:
        names = archive.namelist()
        sheet = archive.read("xl/worksheets/sheet2.xml").decode()
        workbook = archive.read("xl/workbook.xml").decode()
        styles = archive.read("xl/styles.xml").decode()
        ids = sheet_cells(archive, "xl/worksheets/sheet3.xml")
        reply = sheet_cells(archive, "xl/worksheets/sheet2.xml")
    check("xl/worksheets/sheet3.xml" in names, names)
    check("<sheetProtection" in sheet, "the reply sheet is not protected")
    check('locked="0"' in styles, "no unlocked style for the input cells")
    check('type="decimal"' in sheet and 'type="list"' in sheet and
          'type="textLength"' in sheet, "data validations missing")
    check(re.search(r'<sheet name="_shinchoku"[^>]*state="hidden"', workbook),
          "the identification sheet is not hidden")
    check(ids["A1"] == "shinchoku-request" and ids["B3"] == "広報課" and ids["B4"] == "R3", ids)
    check(reply["B2"] == "広報課", reply.get("B2"))
    # Every row names its measure and indicator.
    check(reply["A5"] == "1" and reply["D5"] == "トップページへのアクセス数", (reply["A5"], reply["D5"]))


def filled_replies():
    """Three replies: 広報課 (half filled), 経営管理課 and 水道整備課 (a conflict)."""
    out = path("filled")
    os.makedirs(out, exist_ok=True)
    kouhou = Reply(section_file("広報課"))
    kouhou.set("in:actual", 1, 3800000).set("in:actions", 1, "多言語の自動翻訳を導入した。")
    kouhou.set("in:self_grade", 1, "◎").set("in:self_reason", 1, "目標を上回った")
    a = Reply(section_file("経営管理課")).set("in:actual", 60, 120)
    b = Reply(section_file("水道整備課")).set("in:actual", 60, 150)
    return [kouhou.save(os.path.join(out, "kouhou.xlsx")),
            a.save(os.path.join(out, "keiei.xlsx")),
            b.save(os.path.join(out, "suido.xlsx"))]


def test_collect_changes_and_conflict():
    files = filled_replies()
    result = run_json("collect", *files)
    statuses = {r["section"]: r["status"] for r in result["replies"]}
    check(statuses["広報課"] == "replied" and statuses["経営管理課"] == "replied" and
          statuses["水道整備課"] == "replied", statuses)
    check(statuses["市民課"] == "missing", statuses.get("市民課"))
    changes = {(c["measure"], c["field"]): c for c in result["changes"]}
    check(set(changes) == {(1, "actual"), (1, "actions"), (1, "self_grade")},
          f"changes: {sorted(changes)}")
    actual = changes[(1, "actual")]
    check(actual["old"] is None and actual["new"] == 3800000 and actual["year"] == "R3" and
          actual["section"] == "広報課" and actual["indicator"] == "トップページへのアクセス数",
          actual)
    check(changes[(1, "self_grade")]["new"] == "◎", changes[(1, "self_grade")])
    check(len(result["conflicts"]) == 1, result["conflicts"])
    conflict = result["conflicts"][0]
    check(conflict["measure"] == 60 and conflict["field"] == "actual", conflict)
    check(sorted((v["section"], v["value"]) for v in conflict["values"]) ==
          [("水道整備課", 150), ("経営管理課", 120)], conflict["values"])


def test_collect_apply_writes_values():
    files = filled_replies()
    out = path("applied.json")
    run("collect", *files, "--apply", "--output", out)
    with open(out, encoding="utf-8") as f:
        document = json.load(f)
    first = next(m for m in document["measures"] if m["number"] == 1)
    check(first["indicators"][0]["actual"].get("R3") == 3800000, first["indicators"][0]["actual"])
    check(first["actions"] == "多言語の自動翻訳を導入した。", first["actions"])
    check(first.get("self_grades", {}).get("R3") == {"grade": "◎", "reason": "目標を上回った"},
          first.get("self_grades"))
    joint = next(m for m in document["measures"] if m["number"] == 60)
    check("R3" not in joint["indicators"][0]["actual"], "a conflict was applied unsettled")
    # The written document is read back, and the replies now change nothing.
    again = run_json("collect", out, *files)
    check(again["changes"] == [], again["changes"])


def test_half_filled_reply_changes_only_what_was_filled():
    reply = Reply(section_file("市民課")).set("in:actual", 5, "1,234")
    result = run_json("collect", reply.save(path("shimin.xlsx")))
    check([(c["measure"], c["field"], c["new"]) for c in result["changes"]] ==
          [(5, "actual", 1234)], result["changes"])


def test_refusals_name_file_and_cell():
    tampered = Reply(section_file("広報課"))
    target = tampered.cell("target:R3", 1)
    tampered.set_cell(target, 1000).save(path("tampered.xlsx"))
    not_number = Reply(section_file("市民課")).set("in:actual", 5, "たくさん")
    not_number.save(path("not-number.xlsx"))
    bad_grade = Reply(section_file("市民課")).set("in:self_grade", 5, "A")
    bad_grade.save(path("bad-grade.xlsx"))

    # Another document: the same plan under another title.
    builtin = path("builtin.json")
    run("export-builtin", builtin)
    with open(builtin, encoding="utf-8") as f:
        document = json.load(f)
    document["title"] = "別の計画"
    other = path("other.json")
    with open(other, "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False)
    shutil.copy(section_file("広報課", other), path("other-document.xlsx"))
    shutil.copy(section_file("広報課", None, "R2"), path("other-year.xlsx"))
    run("export", "--output", path("export.xlsx"))

    names = ["tampered.xlsx", "not-number.xlsx", "bad-grade.xlsx", "other-document.xlsx",
             "other-year.xlsx", "export.xlsx"]
    result = run_json("collect", "--year", "R3", *[path(n) for n in names])
    refused = {r["file"]: r["message"] for r in result["replies"] if r["status"] == "refused"}
    check(set(refused) == set(names), f"refused: {sorted(refused)}")
    check(f"cell {target}" in refused["tampered.xlsx"] and "1000" in refused["tampered.xlsx"],
          refused["tampered.xlsx"])
    check("たくさん" in refused["not-number.xlsx"] and "cell O" in refused["not-number.xlsx"],
          refused["not-number.xlsx"])
    check("“A”" in refused["bad-grade.xlsx"], refused["bad-grade.xlsx"])
    check("another plan document" in refused["other-document.xlsx"], refused["other-document.xlsx"])
    check("R2" in refused["other-year.xlsx"], refused["other-year.xlsx"])
    check("not a request workbook" in refused["export.xlsx"], refused["export.xlsx"])
    check(result["changes"] == [] and result["conflicts"] == [], "a refused reply changed values")


def test_office_change_since_sending_is_a_conflict():
    builtin = path("builtin-office.json")
    run("export-builtin", builtin)
    with open(builtin, encoding="utf-8") as f:
        document = json.load(f)
    first = next(m for m in document["measures"] if m["number"] == 1)
    first["indicators"][0]["actual"]["R3"] = 3500000   # typed by the office after sending
    edited = path("office.json")
    with open(edited, "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False)
    reply = Reply(section_file("広報課")).set("in:actual", 1, 3800000).save(path("late.xlsx"))
    result = run_json("collect", edited, reply)
    check(len(result["conflicts"]) == 1, result)
    values = result["conflicts"][0]["values"]
    check(values == [{"section": None, "value": 3500000}, {"section": "広報課", "value": 3800000}],
          values)


def test_warnings_in_the_review():
    reply = Reply(section_file("広報課")).set("in:actual", 1, 40000000)
    reply.set("in:actual", 2, -5)
    text = run("collect", reply.save(path("warn.xlsx"))).stdout
    check("ten times last year" in text and "negative" in text, text)


def test_reply_resaved_by_gnumeric_is_recognised():
    ssconvert = shutil.which("ssconvert")
    if ssconvert is None:
        raise Skip("ssconvert (Gnumeric) is not installed")
    filled = Reply(section_file("広報課")).set("in:actual", 1, 3800000).save(path("g-in.xlsx"))
    resaved = path("g-out.xlsx")
    result = subprocess.run([ssconvert, "-T", "Gnumeric_Excel:xlsx2", filled, resaved],
                            capture_output=True, text=True)
    check(result.returncode == 0 and os.path.exists(resaved), result.stderr)
    collected = run_json("collect", resaved)
    status = collected["replies"][0]
    check(status["status"] == "replied", status)
    check([(c["measure"], c["new"]) for c in collected["changes"]] == [(1, 3800000)],
          collected["changes"])


def test_reminder_list():
    refused = Reply(section_file("市民課")).set("in:actual", 5, "たくさん").save(path("r-bad.xlsx"))
    kouhou = section_file("広報課")
    text = run("collect", "--reminders", kouhou, refused).stdout
    lines = text.splitlines()
    check(not any(line.startswith("広報課") for line in lines), text)
    check(any(line.startswith("市民課 (No.5, No.6)") and "refused" in line for line in lines), text)
    check(any(line.startswith("ＩＣＴ推進室") and "no reply yet" in line for line in lines), text)
    check("Due date: 2026-12-20" in text, text)
    rows = run("collect", "--reminders", "--format", "csv", kouhou, refused).stdout.splitlines()
    check(rows[0] == "section,measures,status,due,message", rows[0])
    check(rows[1].startswith('市民課,"No.5, No.6",refused,2026-12-20,"r-bad.xlsx, cell O5'), rows[1])
    check('市民相談センター,"No.3, No.4",missing,2026-12-20,市民相談センター: no reply yet' in rows,
          rows[:4])
    check(len([r for r in rows if r]) == 1 + 40, f"{len(rows)} rows")
    run("collect", "--reminders", "--apply", "--output", path("x.json"), kouhou, status=2)


def test_round_recorded_collected_and_shown():
    folder = path("round-requests")
    plan = path("round-plan.json")
    text = run("requests", "--year", "R3", "--output", folder, "--due", "2020-01-31",
               "--section", "広報課", "--section", "経営管理課", "--section", "市民課",
               "--record", plan).stdout
    check(f"The round is recorded in {plan}" in text, text)
    with open(plan, encoding="utf-8") as f:
        recorded = json.load(f)["round"]
    check(recorded["year"] == "R3" and recorded["due"] == "2020-01-31" and
          recorded["folder"] == folder and re.fullmatch(r"\d{4}-\d\d-\d\d", recorded["sent"]),
          recorded)
    check([(s["section"], s["measures"], s["status"]) for s in recorded["sections"]] ==
          [("広報課", [1, 2], "missing"), ("経営管理課", [60], "missing"),
           ("市民課", [5, 6], "missing")], recorded["sections"])

    # collect --apply records who replied in the plan it writes.
    kouhou = Reply(os.path.join(folder, os.path.basename(section_file("広報課"))))
    kouhou = kouhou.set("in:actual", 1, 3800000).save(path("round-kouhou.xlsx"))
    refused = Reply(os.path.join(folder, os.path.basename(section_file("市民課"))))
    refused = refused.set("in:actual", 5, "たくさん").save(path("round-shimin.xlsx"))
    applied = path("round-applied.json")
    run("collect", plan, kouhou, refused, "--apply", "--output", applied)
    shown = run_json("round", applied)["round"]
    statuses = {s["section"]: (s["status"], s["file"], s["overdue"]) for s in shown["sections"]}
    check(statuses == {"広報課": ("replied", "round-kouhou.xlsx", False),
                       "経営管理課": ("missing", os.path.basename(section_file("経営管理課")), True),
                       "市民課": ("refused", "round-shimin.xlsx", True)}, statuses)
    check((shown["asked"], shown["replied"], shown["missing"], shown["refused"],
           shown["overdue"]) == (3, 1, 1, 1, 2), shown)
    check(shown["folder"] == folder and shown["folder_exists"] is True, shown)
    refusal = next(s for s in shown["sections"] if s["section"] == "市民課")
    check("O5" in refusal["message"], refusal["message"])

    text = run("round", applied).stdout
    check("Asked 3 · replied 1 · not yet 1 · refused 1 · due 2020-01-31 (2 overdue)" in text, text)
    check(re.search(r"^広報課\s+1, 2\s+Replied\s+round-kouhou.xlsx", text, re.M), text)
    reminders = run("round", applied, "--reminders").stdout.splitlines()
    check(reminders[0].startswith("経営管理課 (No.60): no reply yet") and
          reminders[1].startswith("市民課 (No.5, No.6): the reply was refused") and
          reminders[2] == "Due date: 2020-01-31", reminders)
    rows = run("round", applied, "--reminders", "--format", "csv").stdout.splitlines()
    check(rows[0] == "section,measures,status,due,overdue,file,message" and len(rows) == 3, rows)

    # The workbooks' folder gone: said, not an error.
    shutil.rmtree(folder)
    shown = run_json("round", applied)["round"]
    check(shown["folder_exists"] is False, shown)
    check("(the folder no longer exists)" in run("round", applied).stdout, "folder gone")


def test_round_without_one():
    check(run_json("round") == {"round": None}, "built-in document has a round")
    check("No request round" in run("round").stdout, "no round text")
    run("round", "--format", "csv", status=2)
    run("requests", "--survey", "--year", "R3", "--output", path("x"), "--record",
        path("x.json"), status=2)


_survey = {}


def survey_requests(blank_rows=None):
    """Writes the survey's workbooks once; returns the JSON's entries by section."""
    if blank_rows not in _survey:
        out = path(f"survey-{len(_survey)}")
        args = ["requests", "--survey", "--year", "R3", "--output", out, "--due", "2026-12-20"]
        if blank_rows is not None:
            args += ["--blank-rows", str(blank_rows)]
        _survey[blank_rows] = {r["section"]: r for r in run_json(*args)["requests"]}
    return _survey[blank_rows]


def test_survey_workbooks():
    written = survey_requests(3)
    listed = run_json("processes")["processes"]
    sections = {p["section"] for p in listed}
    check(set(written) == sections, f"survey sections {sorted(written)}")
    check(sorted(i for info in written.values() for i in info["processes"]) ==
          sorted(p["id"] for p in listed), "not every process asked once")
    shimin = written["市民課"]
    check(shimin["processes"] == ["p03", "p11"], shimin)
    with zipfile.ZipFile(shimin["file"]) as archive:
        sheet = archive.read("xl/worksheets/sheet2.xml").decode()
        ids = sheet_cells(archive, "xl/worksheets/sheet3.xml")
        reply = sheet_cells(archive, "xl/worksheets/sheet2.xml")
    check(ids["A1"] == "shinchoku-survey" and ids["B3"] == "市民課", ids)
    check("<sheetProtection" in sheet, "the survey sheet is not protected")
    check('type="decimal"' in sheet and 'type="list"' in sheet, "data validations missing")
    check("入力事務" in sheet, "the category list is not offered")
    check(reply["A5"] == "p03" and reply["E5"] == "14400", (reply["A5"], reply["E5"]))
    check([reply.get(f"A{r}") for r in (7, 8, 9, 10)] == ["+1", "+2", "+3", None],
          "three blank rows expected")


def survey_reply(section, edits, name):
    reply = Reply(survey_requests()[section]["file"])
    for ref, value in edits.items():
        reply.set_cell(ref, value)
    return reply.save(path(name))


def test_survey_collect_and_apply():
    filled = survey_reply("市民課", {"E5": 15000, "F5": "入力事務", "G5": "Could apply",
                                    "B7": "住民票の郵送請求の受付", "C7": "証明書交付",
                                    "E7": 2500, "F7": "入力事務"}, "s-shimin.xlsx")
    result = run_json("collect", filled)
    check(result["kind"] == "survey", result.get("kind"))
    changes = {(c["process"], c["field"]): c for c in result["changes"]}
    check(set(changes) == {("p03", "hours"), ("p03", "category"), ("p03", "applicable")},
          sorted(changes))
    check(changes[("p03", "hours")]["old"] == 14400 and changes[("p03", "hours")]["new"] == 15000,
          changes[("p03", "hours")])
    check(changes[("p03", "applicable")]["new"] == "yes", changes[("p03", "applicable")])
    check([(n["name"], n["hours"], n["section"], n["cell"]) for n in result["new_processes"]] ==
          [("住民票の郵送請求の受付", 2500, "市民課", "B7")], result["new_processes"])
    statuses = {r["section"]: r["status"] for r in result["replies"]}
    check(statuses["市民課"] == "replied" and statuses["納税課"] == "missing", statuses)

    out = path("survey-applied.json")
    before = run_json("processes")
    run("collect", filled, "--apply", "--output", out)
    after = run_json("processes", out)
    check(after["total_hours"] == before["total_hours"] + 600 + 2500,
          (before["total_hours"], after["total_hours"]))
    added = [p for p in after["processes"] if p["process"] == "住民票の郵送請求の受付"]
    check(len(added) == 1 and added[0]["hours"] == 2500 and added[0]["section"] == "市民課",
          added)
    # Collected again on the written document, nothing is left to change.
    again = run_json("collect", out, filled)
    check(again["changes"] == [], again["changes"])


def test_survey_refusals_and_kinds():
    tampered = survey_reply("市民課", {"B5": "別の処理"}, "s-tampered.xlsx")
    negative = survey_reply("納税課", {"E6": -3}, "s-negative.xlsx")
    measures = Reply(section_file("広報課")).set("in:actual", 1, 3800000).save(path("m.xlsx"))
    result = run_json("collect", tampered, negative, measures)
    refused = {r["file"]: r["message"] for r in result["replies"] if r["status"] == "refused"}
    check(set(refused) == {"s-tampered.xlsx", "s-negative.xlsx", "m.xlsx"}, sorted(refused))
    check("cell B5" in refused["s-tampered.xlsx"], refused["s-tampered.xlsx"])
    check("cell E6" in refused["s-negative.xlsx"], refused["s-negative.xlsx"])
    check("measures' request" in refused["m.xlsx"], refused["m.xlsx"])


def test_usage_errors():
    run("requests", "--output", path("x"), status=2)
    run("requests", "--year", "R3", status=2)
    run("requests", "--year", "R9", "--output", path("x"), status=1)
    run("requests", "--year", "R3", "--output", path("x"), "--section", "存在しない課", status=1)
    run("requests", "--year", "R3", "--output", path("x"), "--due", "12/20", status=1)
    run("requests", "--year", "R3", "--output", path("x"), "--blank-rows", "3", status=2)
    run("requests", "--survey", "--year", "R3", "--output", path("x"), "--blank-rows", "900",
        status=1)
    run("collect", status=2)
    run("collect", section_file("広報課"), "--apply", status=2)


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
        except Exception as error:  # one failure must not stop the rest
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
