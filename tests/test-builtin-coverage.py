#!/usr/bin/env python3
# test-builtin-coverage.py — every figure and text of the cleaned handout
# data (shared/data/kagoshima-2021) is in the built-in document
# (data/kagoshima-2021.json), and the document's model reproduces what the
# handouts print.
#
# The source data is walked leaf by leaf.  A leaf the format has a key for
# is looked up there, through the same transformation the converter applies
# ("3.0人に1台" → 3.0 in unit 人に1台, ASCII '-' → －, null → absent or "");
# any other leaf must be at the same path in the record's "source_data" or
# in the top-level "source_tables".  The reverse holds too: nothing under
# those keys that the source does not have.
#
# What the cleaned data leaves out and the converter reads from the
# handouts' text (shared/seed) is under the keys of the converter's
# SEED_KEYS: those are not source data, and are checked against the seed
# instead, word for word.
#
# Environment: SHINCHOKU_SOURCE_ROOT, the repository root; the source data is
# looked for at $SHINCHOKU_SOURCE_ROOT/../shared/data/kagoshima-2021, the
# seed at $SHINCHOKU_SOURCE_ROOT/../shared/seed.
# Output: TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import math
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.environ.get("SHINCHOKU_SOURCE_ROOT",
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
SOURCE_DIR = os.path.join(ROOT, "..", "shared", "data", "kagoshima-2021")
DOCUMENT = os.path.join(ROOT, "data", "kagoshima-2021.json")
SEED_DIR = os.path.join(ROOT, "..", "shared", "seed")
CONVERTER = os.path.join(ROOT, "tools", "import-kagoshima.py")
# The converter's own list (tools/import-kagoshima.py SEED_KEYS), kept here
# too so that a key the converter adds without saying so fails below.
SEED_KEYS = {("ai_rpa_processes", "effects_5_1_conclusion"),
             ("ai_rpa_processes", "effects_5_2_conclusion"),
             ("ai_rpa_processes", "further_measures_5_2"),
             ("ai_rpa_processes", "promotion_policy_7_1")}

sys.path.insert(0, os.path.join(ROOT, "tools"))
import kagoshima_seed  # noqa: E402
SOURCE_FILES = ("measures", "plan_summary", "ai_rpa_processes",
                "payback_scenarios", "citizen_survey", "next_plan")

EVALUATION_OF_PROGRESS_KEY = {
    "progress_R2_R2": "R2/R2", "H30_R3": "H30/R3", "R1_R3": "R1/R3", "R2_R3": "R2/R3",
}
GRADES = ("◎", "○", "△", "－")
# README: "several published grades differ from what the printed figures
# compute (No.5 H30/R3, No.25 R1/R3, No.32 H30/R3, No.52 H30/R3 and R1/R3,
# No.53 H30/R3)".
README_DEPARTURES = [(5, "H30/R3"), (25, "R1/R3"), (32, "H30/R3"),
                     (52, "H30/R3"), (52, "R1/R3"), (53, "H30/R3")]
# README: server power in kVA (No.22) and pupils per device (No.52).
LOWER_IS_BETTER = [(22, 0), (52, 0)]

# Known keys of each object, in the order docs/file-format.md gives, and the
# unknown keys the built-in document may add after them.
KEYS = {
    "plan": (["format", "version", "title", "organisation", "reporting_year",
              "fiscal_years", "evaluations", "grade_thresholds", "policies",
              "measures", "survey", "scenarios"], ["source_tables"]),
    "fiscal_year": (["id", "label"], []),
    "evaluation": (["id", "label", "actual_year", "target_year"], []),
    "grade_thresholds": (["achieved", "mostly"], []),
    "policy": (["number", "name"], []),
    "measure": (["number", "policy", "index_in_policy", "name", "purpose", "audience",
                 "bureau", "section", "actions", "next_year_plan", "expected_effect",
                 "year_added", "counted_in_summary", "indicators", "manual_grades",
                 "published", "notes"], ["source_data"]),
    "audience": (["citizens", "internal"], []),
    "indicator": (["label", "unit", "note", "direction", "target", "actual",
                   "printed_rates"], ["printed_unit"]),
    "manual_grade": (["grade", "reason"], []),
    "published": (["achievement_rate", "status", "grades"], []),
    "survey": (["title", "sections", "businesses", "processes", "total_hours",
                "listing_threshold_hours", "unlisted_processes", "unlisted_hours",
                "work_processes"], ["source_data"]),
    "process": (["id", "hours", "process", "business", "section", "unit", "priority",
                 "category", "printed_category", "solution", "expected_reduction_hours",
                 "qualitative_effect", "policy", "efficiency_measure", "notes",
                 "demo_experiment", "deep_dive"], ["source_data"]),
    "scenario": (["name", "description", "processes", "years", "hourly_rate",
                  "hours_saved", "savings_start", "first_year_months", "discount_rate",
                  "cost_items"], ["source_data"]),
    "cost_item": (["name", "amounts"], []),
}

MISSING = object()


# ---------------------------------------------------------------------------
# Helpers

class Problems:
    def __init__(self):
        self.messages = []

    def add(self, message):
        self.messages.append(message)

    def equal(self, where, found, expected):
        if not same(found, expected):
            self.add(f"{where}: found {show(found)}, expected {show(expected)}")


def show(value):
    if value is MISSING:
        return "nothing"
    return json.dumps(value, ensure_ascii=False)[:120]


def same(a, b):
    if a is MISSING or b is MISSING:
        return a is b
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def leaves(value, path=()):
    """(path, value) of every scalar, and of every empty object or array."""
    if isinstance(value, dict) and value:
        for key, member in value.items():
            yield from leaves(member, path + (key,))
    elif isinstance(value, list) and value:
        for index, element in enumerate(value):
            yield from leaves(element, path + (index,))
    else:
        yield path, value


def get(value, path):
    for step in path:
        if isinstance(value, dict) and isinstance(step, str) and step in value:
            value = value[step]
        elif isinstance(value, list) and isinstance(step, int) and 0 <= step < len(value):
            value = value[step]
        else:
            return MISSING
    return value


def where(stem, path):
    text = stem + ".json"
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else f".{step}"
    return text


def grade(symbol):
    return "－" if symbol == "-" else symbol


def cell_value(value):
    """A figure as (number, unit suffix or None); "3.0人に1台" → (3.0, "人に1台")."""
    if isinstance(value, str):
        match = re.fullmatch(r"\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(.*?)\s*", value)
        if match is None:
            return MISSING, None
        return float(match.group(1).replace(",", "")), (match.group(2) or None)
    return value, None


def text_or_empty(value):
    return "" if value is None else value


# ---------------------------------------------------------------------------
# Grading, as src/core/shk-rules.c defines it (independent of the converter)

def rate(indicator, actual_year, target_year):
    actual = indicator["actual"].get(actual_year)
    target = indicator["target"].get(target_year)
    if actual is None or target is None:
        return None
    if indicator.get("direction", "higher") == "lower":
        actual, target = target, actual
    return None if target == 0 else actual / target


def computed(document, measure, evaluation):
    rates = [r for r in (rate(i, evaluation["actual_year"], evaluation["target_year"])
                         for i in measure["indicators"]) if r is not None]
    if not rates:
        return None
    pct = min(rates) * 100
    thresholds = document["grade_thresholds"]
    if pct + 1e-9 >= thresholds["achieved"]:
        return "◎"
    if pct + 1e-9 >= thresholds["mostly"]:
        return "○"
    return "△"


def effective(document, measure, evaluation):
    manual = measure["manual_grades"].get(evaluation["id"])
    return manual["grade"] if manual is not None else computed(document, measure, evaluation)


def counts_in(document, measure, evaluation):
    """The handouts' rule: a measure counts only in evaluations whose
    actual year is after the year it was added (and not when left out by
    hand)."""
    if not measure.get("counted_in_summary", True):
        return False
    added = measure.get("year_added")
    if not added:
        return True
    years = [y["id"] for y in document["fiscal_years"]]
    return years.index(evaluation["actual_year"]) > years.index(added)


def summary(document):
    result = {}
    for evaluation in document["evaluations"]:
        counts = dict.fromkeys(GRADES, 0)
        for measure in document["measures"]:
            if counts_in(document, measure, evaluation):
                g = effective(document, measure, evaluation)
                if g is not None:
                    counts[g] += 1
        result[evaluation["id"]] = counts
    return result


def payback(scenario, processes):
    years = scenario["years"]
    hours = scenario["hours_saved"]
    if hours is None:
        hours = sum(processes[p]["expected_reduction_hours"] or 0
                    for p in scenario["processes"] if p in processes)
    full = hours * scenario["hourly_rate"]
    start = years.index(scenario["savings_start"])
    rows = {"cost": [], "saving": [], "cumulative_cost": [], "cumulative_saving": []}
    for i in range(len(years)):
        rows["cost"].append(sum(item["amounts"][i] for item in scenario["cost_items"]))
        months = 0 if i < start else scenario["first_year_months"] if i == start else 12
        rows["saving"].append(math.floor(full * months / 12 + 0.5))
        rows["cumulative_cost"].append(rows["cost"][i] + (rows["cumulative_cost"][-1] if i else 0))
        rows["cumulative_saving"].append(rows["saving"][i] + (rows["cumulative_saving"][-1] if i else 0))
    rows["payback"] = next((i for i in range(len(years))
                            if rows["cumulative_saving"][i] >= rows["cumulative_cost"][i]), None)
    return rows


# ---------------------------------------------------------------------------
# Coverage, one source file at a time

def cover_measures(src, doc, problems):
    tables = doc["source_tables"]["measures"]
    by_number = {m["number"]: m for m in doc["measures"]}
    policies = {p["number"]: p["name"] for p in doc["policies"]}
    simple = {"no": "number", "policy_no": "policy", "index_in_policy": "index_in_policy",
              "name": "name", "purpose": "purpose", "actions_r2": "actions",
              "plan_r3": "next_year_plan", "expected_effect": "expected_effect",
              "bureau": "bureau", "notes": "notes"}

    for path, value in leaves(src):
        at = where("measures", path)
        if path[0] == "policies":
            field = {"no": "number", "name": "name"}[path[2]]
            problems.equal(at, get(doc, ("policies", path[1], field)), value)
            continue
        if path[0] != "measures":
            problems.equal(at, get(tables, path), value)
            continue

        measure = by_number.get(src["measures"][path[1]]["no"])
        if measure is None:
            problems.add(f"{at}: no measure No.{src['measures'][path[1]]['no']}")
            continue
        key = path[2]
        if key in simple:
            problems.equal(at, measure.get(simple[key], MISSING), value)
        elif key == "section":
            # Two owners printed in one cell are joined in the data with no
            # separator (No.43); the converter separates them with 「、」.
            problems.equal(at, measure["section"].replace("、", ""), value)
        elif key == "added_r3":
            problems.equal(at + " → year_added", measure["year_added"], "R3" if value else None)
            # Left out of the counts by the year-added rule, not by hand.
            problems.equal(at + " → counted in no evaluation",
                           any(counts_in(doc, measure, e) for e in doc["evaluations"]), not value)
        elif key == "policy_name":
            problems.equal(at, policies.get(measure["policy"], MISSING), value)
        elif key == "audience":
            problems.equal(at, get(measure, ("audience", path[3])), value)
        elif key == "achievement_rate_printed":
            problems.equal(at, measure["published"]["achievement_rate"], value)
        elif key == "status_r3":
            problems.equal(at, measure["published"]["status"], grade(value))
        elif key == "progress_table":
            found = measure["published"]["grades"].get(EVALUATION_OF_PROGRESS_KEY[path[3]], MISSING)
            problems.equal(at, found, MISSING if value is None else grade(value))
        elif key == "indicators":
            cover_indicator(at, path[4:], value, get(measure, ("indicators", path[3])), problems)
        else:
            problems.add(f"{at}: not mapped by this test")


def cover_indicator(at, rest, value, indicator, problems):
    if indicator is MISSING:
        problems.add(f"{at}: no such indicator")
        return
    field = rest[0]
    if field == "label":
        problems.equal(at, indicator["label"], text_or_empty(value))
    elif field == "note":
        problems.equal(at, indicator["note"], value)
    elif field == "unit":
        # Values printed with another unit than the indicator's: the number is
        # stored in the value's unit and the printed unit kept beside it.
        if "printed_unit" in indicator:
            problems.equal(at + " → printed_unit", indicator["printed_unit"], value)
        else:
            problems.equal(at, indicator["unit"], text_or_empty(value))
    elif field in ("target", "actual"):
        found = indicator[field].get(rest[1], MISSING)
        if value is None:
            problems.equal(at, found, MISSING)
            return
        number, suffix = cell_value(value)
        problems.equal(at, found, number)
        if suffix is not None:
            problems.equal(at + " (unit)", indicator["unit"], suffix)
    elif field == "progress_rate_printed":
        found = indicator["printed_rates"].get(rest[1], MISSING)
        problems.equal(at, found, MISSING if value is None else value)
    else:
        problems.add(f"{at}: not mapped by this test")


def cover_plan_summary(src, doc, problems):
    tables = doc["source_tables"]["plan_summary"]
    by_number = {m["number"]: m for m in doc["measures"]}
    for path, value in leaves(src):
        at = where("plan_summary", path)
        if path[0] != "measures_table_6":
            problems.equal(at, get(tables, path), value)
            continue
        row = src["measures_table_6"][path[1]]
        measure = by_number.get(row["no"])
        if measure is None:
            problems.add(f"{at}: no measure No.{row['no']}")
            continue
        key = path[2]
        if key == "no":
            continue
        if key == "added_R3":
            problems.equal(at, measure["year_added"], "R3" if value else None)
        elif key == "counted_in_status_table":
            problems.equal(at, any(counts_in(doc, measure, e) for e in doc["evaluations"]), value)
        elif key == "status":
            found = measure["published"]["grades"].get(path[3], MISSING)
            problems.equal(at, found, MISSING if value is None else grade(value))
        else:
            problems.equal(at, get(measure, ("source_data", "summary_table_6") + path[2:]), value)


PROCESS_FIELDS = {
    "hours_per_year": "hours", "process": "process", "business": "business",
    "section": "section", "demo_experiment": "demo_experiment", "priority": "priority",
    "category": "printed_category", "category_from_section_1_3_totals": "category",
    "expected_reduction_hours": "expected_reduction_hours",
    "qualitative_effect": "qualitative_effect", "policy": "policy",
    "efficiency_measure": "efficiency_measure", "notes": "notes",
}
SURVEY_FIELDS = {"sections": "sections", "businesses": "businesses", "processes": "processes",
                 "total_hours": "total_hours",
                 "top_processes_threshold_hours": "listing_threshold_hours",
                 "other_processes": "unlisted_processes",
                 "other_processes_hours": "unlisted_hours"}


def cover_ai_rpa(src, doc, problems):
    tables = doc["source_tables"]["ai_rpa_processes"]
    survey = doc["survey"]
    for path, value in leaves(src):
        at = where("ai_rpa_processes", path)
        if path[0] == "survey":
            if path[1] in SURVEY_FIELDS and len(path) == 2:
                problems.equal(at, survey[SURVEY_FIELDS[path[1]]], value)
            else:
                problems.equal(at, get(survey, ("source_data",) + path[1:]), value)
        elif path[0] == "processes":
            process = get(survey, ("work_processes", path[1]))
            if process is MISSING:
                problems.add(f"{at}: no work process #{path[1]}")
                continue
            key = path[2]
            if key == "rank":
                # Listed in rank order; the rank itself is computed from hours.
                problems.equal(at + " → id", process["id"], f"p{value:02d}")
                problems.equal(at + " → position", path[1] + 1, value)
            elif key == "unit":
                problems.equal(at, process["unit"], text_or_empty(value))
            elif key == "deep_dive":
                problems.equal(at, process["deep_dive"], bool(value))
                if value is None:
                    problems.equal(at + " (unknown)", get(process, ("source_data", "deep_dive")), None)
            elif key in PROCESS_FIELDS and len(path) == 3:
                problems.equal(at, process[PROCESS_FIELDS[key]], value)
            else:
                problems.equal(at, get(process, ("source_data",) + path[2:]), value)
        else:
            problems.equal(at, get(tables, path), value)


def cover_payback(src, doc, problems):
    tables = doc["source_tables"]["payback_scenarios"]
    for path, value in leaves(src):
        at = where("payback_scenarios", path)
        if path[0] != "scenarios":
            problems.equal(at, get(tables, path), value)
            continue
        scenario = get(doc, ("scenarios", path[1]))
        if scenario is MISSING:
            problems.add(f"{at}: no scenario #{path[1]}")
            continue
        key = path[2]
        if key == "scenario":
            problems.equal(at, scenario["name"], value)
        elif key == "text":
            problems.equal(at, scenario["description"], value)
        elif key == "fiscal_years":
            problems.equal(at, get(scenario, ("years", path[3])), value)
        else:
            problems.equal(at, get(scenario, ("source_data",) + path[2:]), value)


def cover_whole(stem):
    def cover(src, doc, problems):
        for path, value in leaves(src):
            problems.equal(where(stem, path), get(doc["source_tables"][stem], path), value)
    return cover


# ---------------------------------------------------------------------------
# Tests

def test_converter_output(sources, doc, text, problems):
    """The committed document is what tools/import-kagoshima.py makes now."""
    with tempfile.TemporaryDirectory(prefix="shinchoku-coverage-") as directory:
        output = os.path.join(directory, "out.json")
        result = subprocess.run([sys.executable, CONVERTER, SOURCE_DIR, SEED_DIR, output],
                                capture_output=True, text=True)
        if result.returncode != 0:
            problems.add(f"converter failed ({result.returncode}): {result.stderr.strip()}")
            return
        with open(output, encoding="utf-8") as f:
            if f.read() != text:
                problems.add("data/kagoshima-2021.json is not the converter's output: "
                             "run tools/import-kagoshima.py again")


def check_keys(kind, obj, at, problems):
    known, extra = KEYS[kind]
    keys = list(obj.keys())
    if keys[:len(known)] != known:
        problems.add(f"{at}: keys {keys[:len(known)]} are not {known} in this order")
    for key in keys[len(known):]:
        if key not in extra:
            problems.add(f"{at}: unexpected key {key!r}")


def test_layout(sources, doc, text, problems):
    """Key order, one-line plain arrays, integers without ".0", as Shinchoku writes."""
    check_keys("plan", doc, "document", problems)
    for i, y in enumerate(doc["fiscal_years"]):
        check_keys("fiscal_year", y, f"fiscal_years[{i}]", problems)
    for i, e in enumerate(doc["evaluations"]):
        check_keys("evaluation", e, f"evaluations[{i}]", problems)
    check_keys("grade_thresholds", doc["grade_thresholds"], "grade_thresholds", problems)
    for i, p in enumerate(doc["policies"]):
        check_keys("policy", p, f"policies[{i}]", problems)
    years = [y["id"] for y in doc["fiscal_years"]]
    evaluations = [e["id"] for e in doc["evaluations"]]
    for i, m in enumerate(doc["measures"]):
        at = f"measures[{i}]"
        check_keys("measure", m, at, problems)
        check_keys("audience", m["audience"], at + ".audience", problems)
        check_keys("published", m["published"], at + ".published", problems)
        for j, ind in enumerate(m["indicators"]):
            check_keys("indicator", ind, f"{at}.indicators[{j}]", problems)
            for key in ("target", "actual", "printed_rates"):
                if list(ind[key]) != [y for y in years if y in ind[key]]:
                    problems.add(f"{at}.indicators[{j}].{key}: years not in plan order")
        for key, grade_map in (("manual_grades", m["manual_grades"]),
                               ("published.grades", m["published"]["grades"])):
            if list(grade_map) != [e for e in evaluations if e in grade_map]:
                problems.add(f"{at}.{key}: evaluations not in plan order")
        for e, manual in m["manual_grades"].items():
            check_keys("manual_grade", manual, f"{at}.manual_grades.{e}", problems)
    check_keys("survey", doc["survey"], "survey", problems)
    for i, p in enumerate(doc["survey"]["work_processes"]):
        check_keys("process", p, f"survey.work_processes[{i}]", problems)
    for i, s in enumerate(doc["scenarios"]):
        check_keys("scenario", s, f"scenarios[{i}]", problems)
        for j, item in enumerate(s["cost_items"]):
            check_keys("cost_item", item, f"scenarios[{i}].cost_items[{j}]", problems)

    if not text.endswith("}\n"):
        problems.add("the file does not end with a newline after the object")
    if "\\u" in text.replace("\\\\", ""):
        problems.add("the file has \\u escapes")
    for n, line in enumerate(text.split("\n"), 1):
        if line.strip() == "[":
            problems.add(f"line {n}: an array opens alone (plain arrays go on one line, "
                         "arrays of objects start with an object)")
        if not re.fullmatch(r"(  )*\S.*|", line):
            problems.add(f"line {n}: indentation is not by two spaces")
    for path, value in leaves(doc):
        if isinstance(value, float) and value == int(value):
            problems.add(f"{path}: whole number written with a decimal point")
    for token in re.findall(r'"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?', text):
        if not token.startswith('"') and (token.endswith(".0") or "e" in token.lower()):
            problems.add(f"number {token} not in the shortest form")


def test_reverse(sources, doc, text, problems):
    """Everything under source_tables and source_data is source data."""
    for stem, table in doc["source_tables"].items():
        if stem not in sources:
            problems.add(f"source_tables.{stem}: no such source file")
            continue
        for path, value in leaves(table):
            if (stem, path[0]) in SEED_KEYS:
                continue
            problems.equal("source_tables: " + where(stem, path), value, get(sources[stem], path))
    rows = {r["no"]: r for r in sources["plan_summary"]["measures_table_6"]}
    for m in doc["measures"]:
        for path, value in leaves(m.get("source_data", {}).get("summary_table_6", {})):
            problems.equal(f"No.{m['number']} source_data.summary_table_6{list(path)}",
                           value, get(rows.get(m["number"], {}), path))
        for key in m.get("source_data", {}):
            if key != "summary_table_6":
                problems.add(f"No.{m['number']}: unexpected source_data.{key}")
    processes = sources["ai_rpa_processes"]["processes"]
    for i, p in enumerate(doc["survey"]["work_processes"]):
        for path, value in leaves(p.get("source_data", {})):
            problems.equal(f"{p['id']} source_data{list(path)}", value, get(processes, (i,) + path))
    for path, value in leaves(doc["survey"].get("source_data", {})):
        problems.equal(f"survey source_data{list(path)}", value,
                       get(sources["ai_rpa_processes"]["survey"], path))
    for i, s in enumerate(doc["scenarios"]):
        for path, value in leaves(s.get("source_data", {})):
            problems.equal(f"scenarios[{i}] source_data{list(path)}", value,
                           get(sources["payback_scenarios"]["scenarios"], (i,) + path))


def test_seed_keys(sources, doc, text, problems):
    """The keys read from the seed: what the seed says, and nothing else."""
    found = {(stem, key) for stem, table in doc["source_tables"].items()
             for key in table if stem in sources and key not in sources[stem]}
    if found != SEED_KEYS:
        problems.add(f"keys not from the source files: {sorted(found)}, expected {sorted(SEED_KEYS)}")
    seed = kagoshima_seed.seed_text(SEED_DIR)
    table = doc["source_tables"]["ai_rpa_processes"]
    # Every text of every seed key is the seed's, line breaks aside.
    for _, key in sorted(SEED_KEYS):
        for path, value in leaves(table.get(key)):
            if not isinstance(value, str) or "".join(value.split()) not in seed:
                problems.add(f"{key}{list(path)}: {value!r} is not in the seed")
    parts = kagoshima_seed.load_effects_parts(SEED_DIR)
    for key, value in parts.items():
        problems.equal(key, table.get(key), value)
    further = table.get("further_measures_5_2") or {}
    if [len(row["remedies"]) for row in further.get("rows", [])] != [2, 2, 1, 1, 5]:
        problems.add("further_measures_5_2: the rows do not have 2, 2, 1, 1 and 5 remedies")
    if not any(r.endswith("（ミスの軽減、入力負担を軽減できる仕組みに改修）")
               for row in further.get("rows", []) for r in row["remedies"]):
        problems.add("further_measures_5_2: the bracketed line is not part of its remedy")
    policy = table.get("promotion_policy_7_1")
    if policy is None:
        problems.add("source_tables.ai_rpa_processes has no promotion_policy_7_1 (資料1-3 7-1)")
        return
    # And all of 7-1 is there: each box of the diagram, the note, both
    # paragraphs (the seed's own wording, checked against fixed phrases).
    for phrase in ("自治体DX推進計画（情報システムの標準化）", "標準準拠システム構築(業務プロセスの標準化)",
                   "業務効率化・市民サービスの向上", "AI・RPA等の活用", "本書の範囲",
                   "調査業務（AI・RPA等活用への課題整理）", "総務省令和2年12月25日",
                   "導入し活用することが望ましい。", "17業務の自治体情報システムが2025年度を目標に"):
        if not any(phrase in "".join(value.split()) for _, value in leaves(policy)
                   if isinstance(value, str)):
            problems.add(f"promotion_policy_7_1 lacks {phrase!r}")
    problems.equal("promotion_policy_7_1", policy, kagoshima_seed.load_policy(SEED_DIR))


def test_plan_frame(sources, doc, text, problems):
    """Fiscal years, evaluations, thresholds and the measures' classes."""
    plan = sources["plan_summary"]["plan"]
    problems.equal("title", doc["title"], plan["name"])
    problems.equal("fiscal years", [(y["id"], y["label"]) for y in doc["fiscal_years"]],
                   [("H30", "平成30年度"), ("R1", "令和元年度"), ("R2", "令和2年度"), ("R3", "令和3年度")])
    problems.equal("plan period", [doc["fiscal_years"][0]["id"], doc["fiscal_years"][-1]["id"]],
                   plan["period_fy"])
    problems.equal("evaluations", [(e["id"], e["actual_year"], e["target_year"]) for e in doc["evaluations"]],
                   [("R2/R2", "R2", "R2"), ("H30/R3", "H30", "R3"), ("R1/R3", "R1", "R3"), ("R2/R3", "R2", "R3")])
    problems.equal("reporting year", doc["reporting_year"], "R2")
    legend = {e["symbol"]: e["threshold"] for e in sources["plan_summary"]["status_legend"]}
    problems.equal("grade thresholds", doc["grade_thresholds"],
                   {"achieved": legend["◎"]["lower_pct"], "mostly": legend["○"]["lower_pct"]})
    problems.equal("measures", len(doc["measures"]), plan["measures_total_R3"])
    added = [m["number"] for m in doc["measures"] if m["year_added"] == "R3"]
    problems.equal("measures added in R3", added, [6, 15, 16, 17, 31, 41, 44, 51])
    final = doc["evaluations"][-1]
    problems.equal("counted measures", len([m for m in doc["measures"] if counts_in(doc, m, final)]),
                   plan["measures_original"])
    lower = [(m["number"], j) for m in doc["measures"]
             for j, ind in enumerate(m["indicators"]) if ind["direction"] == "lower"]
    problems.equal("lower-is-better indicators", lower, LOWER_IS_BETTER)
    # The direction is the one under which the printed rates come out.
    for m in doc["measures"]:
        for j, ind in enumerate(m["indicators"]):
            for year, printed in ind["printed_rates"].items():
                r = rate(ind, year, year)
                if (m["number"], j, year) == (43, 1, "H30"):
                    continue  # a misprint the source notes (32/38 printed 94.1%)
                if r is None or abs(r * 100 - float(printed.rstrip("%"))) > 0.1:
                    problems.add(f"No.{m['number']} indicator {j} {year}: printed {printed}, "
                                 f"figures give {r}")


def test_summary(sources, doc, text, problems):
    """The grade counts computed from the document are 資料1-1 (6)'s."""
    counts = summary(doc)
    for column in sources["plan_summary"]["status_counts_table_6"]["columns"]:
        evaluation_id = column["column"].split(" ")[1]
        problems.equal(f"summary {evaluation_id}", counts.get(evaluation_id),
                       {g: column["counts"][g] for g in GRADES})
    # The grades are computed: No.1's R2 actual at 1,000,000 demotes R2/R3.
    measure = next(m for m in doc["measures"] if m["number"] == 1)
    final = next(e for e in doc["evaluations"] if e["id"] == "R2/R3")
    problems.equal("No.1 R2/R3", effective(doc, measure, final), "◎")
    measure["indicators"][0]["actual"]["R2"] = 1000000
    problems.equal("No.1 R2/R3 at an R2 actual of 1,000,000", effective(doc, measure, final), "△")
    after = summary(doc)["R2/R3"]
    expected = dict(counts["R2/R3"], **{"◎": counts["R2/R3"]["◎"] - 1, "△": counts["R2/R3"]["△"] + 1})
    problems.equal("R2/R3 counts after the change", after, expected)


def test_manual_grades(sources, doc, text, problems):
    """A manual grade, with its reason, exactly where the published grade
    cannot be computed or departs from the computed one."""
    departures = []
    for m in doc["measures"]:
        for e in doc["evaluations"]:
            at = f"No.{m['number']} {e['id']}"
            published = m["published"]["grades"].get(e["id"])
            c = computed(doc, m, e)
            manual = m["manual_grades"].get(e["id"])
            if published is None and c is None:
                problems.equal(at + " (not evaluated)", manual, None)
            elif published is None:
                problems.equal(at + " (not evaluated, figures exist)", get(manual or {}, ("grade",)), None)
            elif c == published:
                problems.equal(at + " (computed as published)", manual, None)
            elif manual is None:
                problems.add(f"{at}: published {published}, computed {c}, no manual grade")
            else:
                problems.equal(at, manual["grade"], published)
                reason = manual.get("reason") or ""
                if c is None and "取組状況により判断" not in reason:
                    problems.add(f"{at}: reason {reason!r} does not say it is judged")
                if c is not None:
                    departures.append((m["number"], e["id"]))
                    if f"計算上の評価（{c}" not in reason:
                        problems.add(f"{at}: reason {reason!r} does not name the computed {c}")
    problems.equal("departures", departures, README_DEPARTURES)


def test_survey(sources, doc, text, problems):
    """Processes by hours, derived category solutions, the survey's name."""
    src = sources["ai_rpa_processes"]
    survey = doc["survey"]
    processes = survey["work_processes"]
    problems.equal("survey title", survey["title"], "ＡＩ等の活用による業務効率化等検討調査")
    if src["source"]["document"].find(survey["title"]) < 0:
        problems.add("the survey title is not part of the source document's title")
    problems.equal("ids", [p["id"] for p in processes], [f"p{n:02d}" for n in range(1, 37)])
    order = sorted(range(len(processes)), key=lambda i: -processes[i]["hours"])
    problems.equal("rank order (hours, ties in document order)", order, list(range(len(processes))))
    solutions = {c["name"]: c["solution"] for c in src["categories"]}
    for p in processes:
        problems.equal(f"{p['id']} solution", p["solution"],
                       solutions[p["category"]] if p["category"] is not None else None)
    counts = [len([p for p in processes if p["priority"] == k])
              for k in ("high", "medium", "low", "excluded", "already_efficient")]
    problems.equal("priority counts", counts, [c["count_printed"] for c in src["priority_classes"]])


def test_scenarios(sources, doc, text, problems):
    """The scenario parameters reproduce the printed rows and paybacks."""
    processes = {p["id"]: p for p in doc["survey"]["work_processes"]}
    src = sources["payback_scenarios"]
    problems.equal("scenarios", len(doc["scenarios"]), len(src["scenarios"]))
    for scenario, printed in zip(doc["scenarios"], src["scenarios"]):
        name = scenario["name"]
        derived = printed["derived"]
        for linked, pid in zip(printed["processes"], scenario["processes"]):
            p = processes.get(pid, {})
            problems.equal(f"{name} process {pid}", (p.get("process"), p.get("business")),
                           (linked["process"], linked["business"]))
        problems.equal(f"{name} processes", len(scenario["processes"]), len(printed["processes"]))
        problems.equal(f"{name} hourly rate", scenario["hourly_rate"], src["model_summary"]["hourly_rate_yen"])
        problems.equal(f"{name} hours saved", scenario["hours_saved"], None)
        hours = sum(processes[p]["expected_reduction_hours"] or 0 for p in scenario["processes"])
        problems.equal(f"{name} linked reductions", hours, derived["hours_saved_per_year"])
        problems.equal(f"{name} first-year months", f"{scenario['first_year_months']}/12",
                       derived["first_savings_year_fraction_as_months"])
        problems.equal(f"{name} discount", scenario["discount_rate"], 0)
        for item in scenario["cost_items"]:
            if len(item["amounts"]) != len(scenario["years"]):
                problems.add(f"{name} {item['name']}: not one amount per year")
        rows = payback(scenario, processes)
        problems.equal(f"{name} cumulative cost", rows["cumulative_cost"], printed["cumulative_cost_yen"])
        problems.equal(f"{name} cumulative savings", rows["cumulative_saving"],
                       printed["cumulative_savings_yen"])
        problems.equal(f"{name} net", [s - c for s, c in zip(rows["cumulative_saving"], rows["cumulative_cost"])],
                       derived["net_cumulative_yen"])
        problems.equal(f"{name} chart cost (万円)", [math.floor(c / 10000 + 0.5) for c in rows["cumulative_cost"]],
                       printed["chart_cumulative_cost_man_yen"])
        problems.equal(f"{name} chart savings (万円)",
                       [math.floor(s / 10000 + 0.5) for s in rows["cumulative_saving"]],
                       printed["chart_cumulative_savings_man_yen"])
        label = None if rows["payback"] is None else printed["years"][rows["payback"]]
        problems.equal(f"{name} payback", label, derived["payback_year"])
    problems.equal("payback years", [None if (r := payback(s, processes)["payback"]) is None else r + 1
                                     for s in doc["scenarios"]], [4, 4, None])


def main():
    if not os.path.isdir(SOURCE_DIR) or not os.path.isdir(SEED_DIR):
        print("1..0 # SKIP source data or seed not present")
        return 0

    sources = {}
    for stem in SOURCE_FILES:
        with open(os.path.join(SOURCE_DIR, stem + ".json"), encoding="utf-8") as f:
            sources[stem] = json.load(f)
    with open(DOCUMENT, encoding="utf-8") as f:
        text = f.read()

    def fresh():
        return json.loads(text)

    tests = [
        ("the document is the converter's output", test_converter_output),
        ("the document is laid out as Shinchoku writes it", test_layout),
        ("measures.json is covered", lambda s, d, t, p: cover_measures(s["measures"], d, p)),
        ("plan_summary.json is covered", lambda s, d, t, p: cover_plan_summary(s["plan_summary"], d, p)),
        ("ai_rpa_processes.json is covered", lambda s, d, t, p: cover_ai_rpa(s["ai_rpa_processes"], d, p)),
        ("payback_scenarios.json is covered", lambda s, d, t, p: cover_payback(s["payback_scenarios"], d, p)),
        ("citizen_survey.json is covered",
         lambda s, d, t, p: cover_whole("citizen_survey")(s["citizen_survey"], d, p)),
        ("next_plan.json is covered", lambda s, d, t, p: cover_whole("next_plan")(s["next_plan"], d, p)),
        ("source_tables and source_data hold only source data", test_reverse),
        ("the keys read from the seed are the seed's text", test_seed_keys),
        ("fiscal years, evaluations, thresholds and measure classes", test_plan_frame),
        ("the computed summary is 資料1-1's and follows the figures", test_summary),
        ("manual grades where the figures do not give the published grade", test_manual_grades),
        ("the survey's processes, ranks and solutions", test_survey),
        ("the scenarios reproduce the printed rows", test_scenarios),
    ]
    print(f"1..{len(tests)}")
    failed = 0
    for number, (name, function) in enumerate(tests, 1):
        problems = Problems()
        try:
            function(sources, fresh(), text, problems)
        except Exception as e:  # a crash is a failure of this test, not of the run
            problems.add(f"{type(e).__name__}: {e}")
        if problems.messages:
            failed += 1
            print(f"not ok {number} - {name}")
            for message in problems.messages[:20]:
                print(f"# {message}")
            if len(problems.messages) > 20:
                print(f"# … and {len(problems.messages) - 20} more")
        else:
            print(f"ok {number} - {name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
