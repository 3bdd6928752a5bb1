#!/usr/bin/env python3
# import-kagoshima.py — build Shinchoku's built-in document from the cleaned
# Kagoshima handout data (shared/data/kagoshima-2021/*.json).
#
#   python3 tools/import-kagoshima.py SOURCE_DIR SEED OUTPUT.json
#
# SEED is the handouts' text (shared/seed, a folder or one .txt file): what
# the cleaned data leaves out is read from it (tools/kagoshima_seed.py) and
# kept beside the source file's own keys, under the keys of SEED_KEYS.
#
# The output is a Shinchoku plan document (docs/file-format.md), written
# byte for byte as Shinchoku itself writes it, so that loading and saving the
# built-in document changes nothing.  What the format has keys for is mapped
# onto them; every other figure and text of the source is kept under keys
# Shinchoku does not know (which it preserves): "source_data" on a measure,
# work process, survey or scenario for what belongs to that record, and the
# top-level "source_tables" for the rest, at the same path as in its file.
#
# The converter checks the result against the handouts before writing it:
# the grade summary it computes must be the one 資料1-1 publishes, and the
# payback model must reproduce 資料1-3's cumulative rows to the yen.  Any
# disagreement stops it with a message and nothing is written.
#
# Python 3 standard library only; the output depends on the input alone.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import math
import os
import re
import sys

import kagoshima_seed

SOURCE_FILES = ("measures", "plan_summary", "ai_rpa_processes",
                "payback_scenarios", "citizen_survey", "next_plan")

# Every section name the sources print on its own (build_document fills it).
KNOWN_SECTIONS = set()

ORGANISATION = "鹿児島市"
REPORTING_YEAR = "R2"

# 資料1-1 (6) column keys of measures.json "progress_table" → evaluation.
PROGRESS_TABLE_KEYS = {
    "progress_R2_R2": "R2/R2",
    "H30_R3": "H30/R3",
    "R1_R3": "R1/R3",
    "R2_R3": "R2/R3",
}
GRADES = ("◎", "○", "△", "－")

# The payback scenarios' cost, by the handouts' own words: year 1 is "今年度
# の調査等", the tool is introduced ("導入") in year 2, and from then on the
# yearly cost is "運用経費" (scenario ③'s text).
COST_ITEM_NAMES = ("調査等費用（1年目）", "導入費用（2年目）", "運用経費（3年目以降）")

# Where the source notes say why a published grade departs from the figures,
# the manual grade's reason says it too (hedged as the notes are).
DEPARTURE_EXPLANATIONS = {
    (52, "H30/R3"): "GIGAスクール構想による目標値の変更（3.0人に1台→1人に1台）前のR3目標値で評価したものと考えられる。",
    (52, "R1/R3"): "GIGAスクール構想による目標値の変更（3.0人に1台→1人に1台）前のR3目標値で評価したものと考えられる。",
    (32, "H30/R3"): "印刷されたR3目標値（177,000件）はR2目標値（264,000件）より低く、変更前のR3目標値で評価したものと考えられる。",
}

# Printed progress rates the figures do not reproduce (measures.json notes
# them as inconsistencies of the handouts): (measure, indicator, year).
KNOWN_RATE_MISPRINTS = {(43, 1, "H30")}


class ConversionError(Exception):
    pass


# Keys added to a source table from the seed, not from its source file:
# (table, key).  資料1-3 7-1 推進方針 (the policy diagram and its two
# paragraphs), the sentences closing 5-1 and 5-2 and the second 5-2 (更な
# る業務効率化を進めるための検討事項) are in no cleaned file.
SEED_KEYS = (("ai_rpa_processes", "effects_5_1_conclusion"),
             ("ai_rpa_processes", "effects_5_2_conclusion"),
             ("ai_rpa_processes", "further_measures_5_2"),
             ("ai_rpa_processes", "promotion_policy_7_1"))


def check(condition, message):
    if not condition:
        raise ConversionError(message)


# ---------------------------------------------------------------------------
# Values

VALUE_WITH_UNIT = re.compile(r"^\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(.*?)\s*$")


def split_value(value, where):
    """A source cell as (number or None, unit suffix or None).

    Cells printed with their unit ("3.0人に1台", "324件", "80%") are kept as
    text in the source; Shinchoku stores the number in the indicator's unit.
    """
    if value is None:
        return None, None
    if isinstance(value, bool):
        raise ConversionError(f"{where}: expected a number, found {value!r}")
    if isinstance(value, (int, float)):
        return value, None
    if isinstance(value, str):
        match = VALUE_WITH_UNIT.match(value)
        check(match is not None, f"{where}: cannot read a number in {value!r}")
        number = float(match.group(1).replace(",", ""))
        return number, (match.group(2) or None)
    raise ConversionError(f"{where}: unexpected value {value!r}")


def plain_number(value):
    """Whole numbers as int (the format writes 3, not 3.0)."""
    if isinstance(value, float) and value == math.trunc(value) and abs(value) < 1e17:
        return int(value)
    return value


def normalise_grade(symbol):
    """The handouts' tables print ASCII '-' for －."""
    if symbol is None:
        return None
    if symbol == "-":
        return "－"
    check(symbol in GRADES, f"unknown grade symbol {symbol!r}")
    return symbol


def round_half_up(value):
    return int(math.floor(value + 0.5))


def era_label(year_id):
    """H30 → 平成30年度, R1 → 令和元年度, R2 → 令和2年度."""
    match = re.fullmatch(r"([HR])([0-9]+)", year_id)
    check(match is not None, f"unknown fiscal year {year_id!r}")
    era = {"H": "平成", "R": "令和"}[match.group(1)]
    number = int(match.group(2))
    return f"{era}{'元' if number == 1 else number}年度"


def percent(rate):
    return f"{rate * 100:.1f}%"


# ---------------------------------------------------------------------------
# Grading: the rules of src/core/shk-rules.c, in Python

RATE_EPSILON = 1e-9


def indicator_rate(indicator, actual_year, target_year):
    actual = indicator["actual"].get(actual_year)
    target = indicator["target"].get(target_year)
    if actual is None or target is None:
        return None
    if indicator["direction"] == "lower":
        dividend, divisor = target, actual
    else:
        dividend, divisor = actual, target
    if divisor == 0:
        return None
    return dividend / divisor


def measure_rate(measure, evaluation):
    """The weakest computable indicator: (rate, index) or (None, None)."""
    worst = None
    for index, indicator in enumerate(measure["indicators"]):
        rate = indicator_rate(indicator, evaluation["actual_year"], evaluation["target_year"])
        if rate is not None and (worst is None or rate < worst[0]):
            worst = (rate, index)
    return worst if worst is not None else (None, None)


def grade_for_rate(rate, thresholds):
    pct = rate * 100.0
    if pct + RATE_EPSILON >= thresholds["achieved"]:
        return "◎"
    if pct + RATE_EPSILON >= thresholds["mostly"]:
        return "○"
    return "△"


def computed_grade(measure, evaluation, thresholds):
    rate, _ = measure_rate(measure, evaluation)
    return None if rate is None else grade_for_rate(rate, thresholds)


def effective_grade(measure, evaluation, thresholds):
    manual = measure["manual_grades"].get(evaluation["id"])
    if manual is not None:
        return manual["grade"]
    return computed_grade(measure, evaluation, thresholds)


def counts_in(document, measure, evaluation):
    """The handouts' rule (資料1-1 (6), the footnote on No.31 and No.51): a
    measure counts only in evaluations whose actual year is after the year
    it was added; and not when the office left it out by hand."""
    if not measure["counted_in_summary"]:
        return False
    if not measure["year_added"]:
        return True
    years = [year["id"] for year in document["fiscal_years"]]
    return years.index(evaluation["actual_year"]) > years.index(measure["year_added"])


def summarise(document):
    """Grade counts per evaluation over the counted measures."""
    thresholds = document["grade_thresholds"]
    summary = {}
    for evaluation in document["evaluations"]:
        counts = {grade: 0 for grade in GRADES}
        for measure in document["measures"]:
            if not counts_in(document, measure, evaluation):
                continue
            grade = effective_grade(measure, evaluation, thresholds)
            if grade is not None:
                counts[grade] += 1
        summary[evaluation["id"]] = counts
    return summary


# ---------------------------------------------------------------------------
# Plan, evaluations, thresholds

def build_fiscal_years(measures_src, plan_summary):
    years = []
    for measure in measures_src["measures"]:
        for indicator in measure["indicators"]:
            for key in ("target", "actual", "progress_rate_printed"):
                for year in indicator[key]:
                    if year not in years:
                        years.append(year)
    period = plan_summary["plan"]["period_fy"]
    check(years[0] == period[0] and years[-1] == period[-1],
          f"indicator years {years} do not span the plan period {period}")
    return [{"id": year, "label": era_label(year)} for year in years]


def build_evaluations(plan_summary, fiscal_year_ids):
    """The columns of 資料1-1 (6): 進捗状況 R2/R2, 達成状況 X/R3."""
    evaluations = []
    for column in plan_summary["status_counts_table_6"]["columns"]:
        label, evaluation_id = column["column"].split(" ")
        actual_year, target_year = evaluation_id.split("/")
        check(actual_year in fiscal_year_ids and target_year in fiscal_year_ids,
              f"evaluation {evaluation_id} names an unknown year")
        evaluations.append({"id": evaluation_id, "label": label,
                            "actual_year": actual_year, "target_year": target_year})
    check([e["id"] for e in evaluations] == list(PROGRESS_TABLE_KEYS.values()),
          "the evaluations of 資料1-1 (6) are not those of measures.json progress_table")
    return evaluations


def build_thresholds(plan_summary):
    legend = {entry["symbol"]: entry for entry in plan_summary["status_legend"]}
    achieved = legend["◎"]["threshold"]
    mostly = legend["○"]["threshold"]
    check(achieved["lower_inclusive"] and mostly["lower_inclusive"],
          "the grade legend's lower bounds are not inclusive")
    check(mostly["upper_pct"] == achieved["lower_pct"]
          and legend["△"]["threshold"]["upper_pct"] == mostly["lower_pct"],
          "the grade legend's classes do not adjoin")
    return {"achieved": achieved["lower_pct"], "mostly": mostly["lower_pct"]}


# ---------------------------------------------------------------------------
# Measures

def rate_matches(printed, rate):
    value = float(printed.rstrip("%"))
    return abs(value - rate * 100) <= 0.1


def choose_direction(measure_no, index, indicator, targets, actuals):
    """The direction under which the printed progress rates come out.

    Lower-is-better indicators (server power in kVA, pupils per device) are
    printed as target ÷ actual; the printed rates tell them apart."""
    votes = {"higher": 0, "lower": 0}
    for year, printed in indicator["progress_rate_printed"].items():
        if printed is None or targets.get(year) is None or actuals.get(year) is None:
            continue
        actual, target = actuals[year], targets[year]
        if target != 0 and rate_matches(printed, actual / target):
            votes["higher"] += 1
        if actual != 0 and rate_matches(printed, target / actual):
            votes["lower"] += 1
    direction = "lower" if votes["lower"] > votes["higher"] else "higher"

    for year, printed in indicator["progress_rate_printed"].items():
        if printed is None:
            continue
        check(targets.get(year) is not None and actuals.get(year) is not None,
              f"No.{measure_no} indicator {index}: a rate is printed for {year} without figures")
        actual, target = actuals[year], targets[year]
        rate = target / actual if direction == "lower" else actual / target
        matches = rate_matches(printed, rate)
        known = (measure_no, index, year) in KNOWN_RATE_MISPRINTS
        check(matches != known,
              f"No.{measure_no} indicator {index}: printed rate {year} {printed} vs "
              f"{percent(rate)} computed ({'a known misprint that now matches' if known else 'unexplained'})")
    return direction


def build_indicator(measure_no, index, src):
    where = f"measures.json No.{measure_no} indicator {index}"
    targets, actuals, suffixes = {}, {}, set()
    for key, into in (("target", targets), ("actual", actuals)):
        for year, value in src[key].items():
            number, suffix = split_value(value, f"{where} {key}.{year}")
            if number is not None:
                into[year] = plain_number(number)
            if suffix is not None:
                suffixes.add(suffix)
    check(len(suffixes) <= 1, f"{where}: values carry several units {sorted(suffixes)}")

    unit = src["unit"]
    printed_unit = None
    if suffixes:
        suffix = suffixes.pop()
        if suffix != unit:
            # "児童生徒一人当たりのパソコン整備率 (単位:%)" is printed as
            # "3.0人に1台": the values are in 人に1台, the printed unit is kept.
            printed_unit, unit = unit, suffix

    indicator = {
        "label": src["label"] if src["label"] is not None else "",
        "unit": unit if unit is not None else "",
        "note": src["note"],
        "direction": choose_direction(measure_no, index, src, targets, actuals),
        "target": targets,
        "actual": actuals,
        "printed_rates": {year: rate for year, rate in src["progress_rate_printed"].items()
                          if rate is not None},
    }
    if printed_unit is not None:
        indicator["printed_unit"] = printed_unit
    return indicator


def build_policies(measures_src):
    return [{"number": policy["no"], "name": policy["name"]}
            for policy in measures_src["policies"]]


def sections_named(value):
    """Every string under a "section" key anywhere in the sources."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "section" and isinstance(item, str):
                yield item
            else:
                yield from sections_named(item)
    elif isinstance(value, list):
        for item in value:
            yield from sections_named(item)


def separate_sections(section, known):
    """Two owning sections printed in one cell reach the data joined with
    no separator (No.43: 長寿支援課障害福祉課). Shinchoku separates owners
    with 「、」 (a request workbook goes to each), so a name made of a known
    section followed by another name that ends like a section is split."""
    for end in range(len(section) - 1):
        left, right = section[:end + 1], section[end + 1:]
        if (left in known and left != section and len(right) >= 3
                and right.endswith(("課", "室", "センター"))):
            return left + "、" + separate_sections(right, known)
    return section


def build_measure(src, policies_by_number, table_row):
    number = src["no"]
    check(src["policy_no"] in policies_by_number, f"No.{number}: unknown policy {src['policy_no']}")
    check(policies_by_number[src["policy_no"]] == src["policy_name"],
          f"No.{number}: policy name {src['policy_name']!r} is not policy {src['policy_no']}'s")

    grades = {}
    for key, evaluation_id in PROGRESS_TABLE_KEYS.items():
        grade = normalise_grade(src["progress_table"][key])
        if grade is not None:
            grades[evaluation_id] = grade

    # 資料1-1 (6) row: the same grades as progress_table, the same 追加 mark.
    check(table_row["no"] == number, f"資料1-1 (6) row order differs at No.{number}")
    check({k: normalise_grade(v) for k, v in table_row["status"].items() if v is not None} == grades,
          f"No.{number}: 資料1-1 (6) grades differ from measures.json progress_table")
    check(table_row["added_R3"] == src["added_r3"], f"No.{number}: 追加 marks differ")
    check(table_row["counted_in_status_table"] == (not src["added_r3"]),
          f"No.{number}: counted in (6) although added in R3, or the reverse")

    measure = {
        "number": number,
        "policy": src["policy_no"],
        "index_in_policy": src["index_in_policy"],
        "name": src["name"],
        "purpose": src["purpose"],
        "audience": {"citizens": src["audience"]["citizens"],
                     "internal": src["audience"]["internal"]},
        "bureau": src["bureau"],
        "section": separate_sections(src["section"], KNOWN_SECTIONS),
        "actions": src["actions_r2"],
        "next_year_plan": src["plan_r3"],
        "expected_effect": src["expected_effect"],
        "year_added": "R3" if src["added_r3"] else None,
        # The measures added in R3 are left out by the year-added rule,
        # not by hand.
        "counted_in_summary": True,
        "indicators": [build_indicator(number, i, indicator)
                       for i, indicator in enumerate(src["indicators"])],
        "manual_grades": {},
        "published": {
            "achievement_rate": src["achievement_rate_printed"],
            "status": normalise_grade(src["status_r3"]),
            "grades": grades,
        },
        "notes": src["notes"],
        "source_data": {
            "summary_table_6": {key: value for key, value in table_row.items()
                                if key not in ("no", "added_R3", "status",
                                               "counted_in_status_table")},
        },
    }
    return measure


def why_not_computable(measure, evaluation, year_labels):
    indicators = measure["indicators"]
    if not any(indicator["target"] for indicator in indicators):
        return "目標値の設定なし"
    actual_year, target_year = evaluation["actual_year"], evaluation["target_year"]
    if not any(actual_year in indicator["actual"] for indicator in indicators):
        return f"{year_labels[actual_year]}の実績値なし"
    if not any(target_year in indicator["target"] for indicator in indicators):
        return f"{year_labels[target_year]}の目標値なし"
    return "率を計算できる指標なし"


def describe_rate(measure, evaluation, index, rate):
    indicator = measure["indicators"][index]
    actual_year, target_year = evaluation["actual_year"], evaluation["target_year"]
    actual = indicator["actual"][actual_year]
    target = indicator["target"][target_year]
    if indicator["direction"] == "lower":
        formula = f"{target_year}目標{target:,}÷{actual_year}実績{actual:,}"
    else:
        formula = f"{actual_year}実績{actual:,}÷{target_year}目標{target:,}"
    which = ""
    if len(measure["indicators"]) > 1:
        which = f"最も低い指標{'①②③④⑤'[index]}："
    return f"{which}{formula}＝{percent(rate)}"


def add_manual_grades(measures, evaluations, thresholds, year_labels):
    """The published grade as the office's manual grade wherever the figures
    cannot give it or give another one."""
    departures, judged = [], []
    for measure in measures:
        number = measure["number"]
        for evaluation in evaluations:
            evaluation_id = evaluation["id"]
            published = measure["published"]["grades"].get(evaluation_id)
            rate, index = measure_rate(measure, evaluation)
            computed = None if rate is None else grade_for_rate(rate, thresholds)

            if published is None:
                if computed is not None:
                    # Figures exist but 資料1-1 did not evaluate the column.
                    measure["manual_grades"][evaluation_id] = {
                        "grade": None,
                        "reason": "資料1-1ではこの列を評価していない",
                    }
                continue
            if computed is None:
                reason = (f"数値で測れないため、取組状況により判断した公表値"
                          f"（{why_not_computable(measure, evaluation, year_labels)}）")
                judged.append((number, evaluation_id))
            elif computed != published:
                reason = (f"公表値は計算上の評価（{computed}、"
                          f"{describe_rate(measure, evaluation, index, rate)}）と異なる")
                explanation = DEPARTURE_EXPLANATIONS.get((number, evaluation_id))
                if explanation is not None:
                    reason += "。" + explanation
                departures.append((number, evaluation_id))
            else:
                continue
            measure["manual_grades"][evaluation_id] = {"grade": published, "reason": reason}

    for key in DEPARTURE_EXPLANATIONS:
        check(key in departures, f"explained departure No.{key[0]} {key[1]} is not a departure")
    return departures, judged


def check_summary(document, plan_summary):
    """The computed counts must be 資料1-1's, table (6) and chart (1)."""
    summary = summarise(document)
    for column in plan_summary["status_counts_table_6"]["columns"]:
        evaluation_id = column["column"].split(" ")[1]
        published = {grade: column["counts"][grade] for grade in GRADES}
        check(summary[evaluation_id] == published,
              f"computed summary {evaluation_id} {summary[evaluation_id]} is not 資料1-1 (6)'s {published}")
        check(sum(published.values()) == column["total_printed"],
              f"資料1-1 (6) {evaluation_id}: counts do not add up to the printed total")
    for column in plan_summary["status_counts_chart_1"]["columns"]:
        evaluation_id = re.search(r"\((.*)\)", column["column"]).group(1)
        check(summary[evaluation_id] == {grade: column["counts"][grade] for grade in GRADES},
              f"computed summary {evaluation_id} is not 資料1-1 (1)'s")
    # The figures decided on for the built-in document (lead's brief).
    expected = {
        "R2/R2": (42, 4, 4, 4), "H30/R3": (27, 8, 9, 5),
        "R1/R3": (30, 14, 4, 3), "R2/R3": (35, 9, 7, 3),
    }
    for evaluation_id, counts in expected.items():
        check(tuple(summary[evaluation_id][g] for g in GRADES) == counts,
              f"summary {evaluation_id} is not {counts}")
    return summary


def check_follows_figures(document):
    """The grades are computed: No.1's R2 actual at 1,000,000 (29.4% of its
    R3 target, higher is better) turns its R2/R3 grade from ◎ to △."""
    measure = next(m for m in document["measures"] if m["number"] == 1)
    final = next(e for e in document["evaluations"] if e["id"] == "R2/R3")
    thresholds = document["grade_thresholds"]
    check("R2/R3" not in measure["manual_grades"], "No.1 R2/R3 has a manual grade")
    check(effective_grade(measure, final, thresholds) == "◎", "No.1 R2/R3 is not ◎")
    indicator = measure["indicators"][0]
    old = indicator["actual"]["R2"]
    indicator["actual"]["R2"] = 1000000
    try:
        check(effective_grade(measure, final, thresholds) == "△",
              "No.1 R2/R3 does not follow its R2 actual")
    finally:
        indicator["actual"]["R2"] = old


# ---------------------------------------------------------------------------
# Survey

SURVEY_MAPPED = ("sections", "businesses", "processes", "total_hours",
                 "top_processes_threshold_hours", "other_processes", "other_processes_hours")
PROCESS_MAPPED = ("rank", "hours_per_year", "process", "business", "section", "unit",
                  "deep_dive", "demo_experiment", "priority", "category",
                  "category_from_section_1_3_totals", "expected_reduction_hours",
                  "qualitative_effect", "policy", "efficiency_measure", "notes")
PRIORITIES = ("high", "medium", "low", "excluded", "already_efficient")


def process_id(rank):
    return f"p{rank:02d}"


def survey_title(ai_rpa):
    """"資料１－３ ＡＩ等の…検討調査結果について（参考資料）" → the survey's name."""
    document = ai_rpa["source"]["document"]
    match = re.fullmatch(r"資料\S+\s+(.+調査)結果について（参考資料）", document)
    check(match is not None, f"cannot read the survey's name in {document!r}")
    return match.group(1)


def build_survey(ai_rpa):
    src = ai_rpa["survey"]
    processes = ai_rpa["processes"]
    threshold = src["top_processes_threshold_hours"]

    # Rank order is by hours, equal hours in the document's order.
    order = sorted(range(len(processes)), key=lambda i: -processes[i]["hours_per_year"])
    check(order == list(range(len(processes))), "processes are not in order of hours")
    check([p["rank"] for p in processes] == list(range(1, len(processes) + 1)),
          "process ranks are not 1..n in order")
    check(len(processes) == src["top_processes"], "not every listed process is there")
    check(all(p["hours_per_year"] >= threshold for p in processes),
          "a listed process is below the listing threshold")
    check(sum(p["hours_per_year"] for p in processes) == src["top_processes_hours"],
          "the listed processes' hours do not add up to the printed total")
    # The survey's totals are computed from the listed processes and the
    # unlisted remainder: they must give the printed totals.
    check(src["top_processes_hours"] + src["other_processes_hours"] == src["total_hours"],
          "the listed and unlisted hours do not add up to the survey's total")
    check(len(processes) + src["other_processes"] == src["processes"],
          "the listed and unlisted processes do not add up to the survey's total")

    solutions = {c["name"]: c["solution"] for c in ai_rpa["categories"]}
    for p in processes:
        canonical = p["category_from_section_1_3_totals"]
        check(canonical is None or canonical in solutions,
              f"rank {p['rank']}: unknown category {canonical!r}")
        check(p["priority"] in PRIORITIES, f"rank {p['rank']}: unknown priority {p['priority']!r}")

    classes = {c["key"]: c for c in ai_rpa["priority_classes"]}
    for key in PRIORITIES:
        ranks = [p["rank"] for p in processes if p["priority"] == key]
        check(len(ranks) == classes[key]["count_printed"],
              f"{len(ranks)} processes of priority {key}, printed {classes[key]['count_printed']}")
        check(ranks == classes[key]["ranks"], f"priority {key}: ranks differ from its class table")
    check([len([p for p in processes if p["priority"] == k]) for k in PRIORITIES] == [1, 10, 5, 13, 7],
          "priority counts are not 1, 10, 5, 13, 7")

    work_processes = []
    for p in processes:
        canonical = p["category_from_section_1_3_totals"]
        extra = {key: value for key, value in p.items() if key not in PROCESS_MAPPED}
        if p["deep_dive"] is None:
            # Unknown whether this process was deep-dived: the format's
            # boolean says false, the source's "unknown" is kept.
            extra["deep_dive"] = None
        work_processes.append({
            "id": process_id(p["rank"]),
            "hours": p["hours_per_year"],
            "process": p["process"],
            "business": p["business"],
            "section": p["section"],
            "unit": p["unit"] if p["unit"] is not None else "",
            "priority": p["priority"],
            "category": canonical,
            "printed_category": p["category"],
            # 資料1-3 §1-3: the solution of the process's category.
            "solution": solutions[canonical] if canonical is not None else None,
            "expected_reduction_hours": p["expected_reduction_hours"],
            "qualitative_effect": p["qualitative_effect"],
            "policy": p["policy"],
            "efficiency_measure": p["efficiency_measure"],
            "notes": p["notes"],
            "demo_experiment": p["demo_experiment"],
            "deep_dive": bool(p["deep_dive"]),
            "source_data": extra,
        })

    return {
        "title": survey_title(ai_rpa),
        "sections": src["sections"],
        "businesses": src["businesses"],
        "processes": src["processes"],
        "total_hours": src["total_hours"],
        "listing_threshold_hours": threshold,
        "unlisted_processes": src["other_processes"],
        "unlisted_hours": src["other_processes_hours"],
        "work_processes": work_processes,
        "source_data": {key: value for key, value in src.items() if key not in SURVEY_MAPPED},
    }


# ---------------------------------------------------------------------------
# Scenarios

SCENARIO_MAPPED = ("scenario", "text", "fiscal_years")


def payback_rows(scenario, processes_by_id):
    """Yearly cost and saving, cumulative rows and payback index of the
    model Shinchoku computes (discount rate 0)."""
    years = scenario["years"]
    hours = scenario["hours_saved"]
    if hours is None:
        hours = sum(processes_by_id[pid]["expected_reduction_hours"] or 0
                    for pid in scenario["processes"] if pid in processes_by_id)
    full = hours * scenario["hourly_rate"]
    start = years.index(scenario["savings_start"])
    costs, savings = [], []
    for i in range(len(years)):
        costs.append(sum(item["amounts"][i] for item in scenario["cost_items"]))
        if i < start:
            savings.append(0)
        elif i == start:
            savings.append(round_half_up(full * scenario["first_year_months"] / 12))
        else:
            savings.append(round_half_up(full))
    cumulative_cost, cumulative_saving, payback = [], [], None
    for i in range(len(years)):
        cumulative_cost.append(costs[i] + (cumulative_cost[-1] if i else 0))
        cumulative_saving.append(savings[i] + (cumulative_saving[-1] if i else 0))
        if payback is None and cumulative_saving[i] >= cumulative_cost[i]:
            payback = i
    return costs, savings, cumulative_cost, cumulative_saving, payback


def build_scenario(src, model_summary, processes_by_id):
    name = src["scenario"]
    years = src["fiscal_years"]
    derived = src["derived"]
    check([label[label.index("(") + 1:-1] for label in src["years"]] == years,
          f"{name}: year labels and fiscal years differ")

    ids = []
    for linked in src["processes"]:
        pid = process_id(linked["rank"])
        process = processes_by_id[pid]
        check(process["process"] == linked["process"] and process["business"] == linked["business"]
              and " ".join(filter(None, (process["section"], process["unit"]))) == linked["section"]
              and process["hours"] == linked["process_hours_per_year"]
              and process["expected_reduction_hours"] == linked["expected_reduction_hours"],
              f"{name}: linked process rank {linked['rank']} is not {pid} by name and figures")
        ids.append(pid)

    hourly_rate = model_summary["hourly_rate_yen"]
    check(derived["hourly_rate_yen"] == hourly_rate, f"{name}: hourly rate differs")
    reductions = sum(processes_by_id[pid]["expected_reduction_hours"] or 0 for pid in ids)
    check(reductions == derived["hours_saved_per_year"],
          f"{name}: linked reductions {reductions} h are not the {derived['hours_saved_per_year']} h saved")

    months_text = derived["first_savings_year_fraction_as_months"]
    months, twelve = (int(part) for part in months_text.split("/"))
    check(twelve == 12, f"{name}: first-year fraction {months_text!r} is not in months")

    increments = [b - a for a, b in zip([0] + src["cumulative_cost_yen"][:-1],
                                        src["cumulative_cost_yen"])]
    check(increments == derived["cost_increments_yen"], f"{name}: cost increments differ")
    check(increments[0] == derived["initial_cost_R2_yen"]
          and increments[1] == derived["introduction_year_cost_R3_yen"]
          and sorted(set(increments[2:])) == sorted(derived["annual_running_cost_yen"]),
          f"{name}: cost increments are not survey, introduction and running costs")
    cost_items = []
    for n, (item_name, span) in enumerate(zip(COST_ITEM_NAMES, ((0, 1), (1, 2), (2, len(years))))):
        amounts = [increments[i] if span[0] <= i < span[1] else 0 for i in range(len(years))]
        cost_items.append({"name": item_name, "amounts": amounts})

    saving_increments = [b - a for a, b in zip([0] + src["cumulative_savings_yen"][:-1],
                                               src["cumulative_savings_yen"])]
    start = next(i for i, saving in enumerate(saving_increments) if saving > 0)

    scenario = {
        "name": name,
        "description": src["text"],
        "processes": ids,
        "years": years,
        "hourly_rate": hourly_rate,
        "hours_saved": None,
        "savings_start": years[start],
        "first_year_months": months,
        "discount_rate": 0,
        "cost_items": cost_items,
        "source_data": {key: value for key, value in src.items() if key not in SCENARIO_MAPPED},
    }

    costs, savings, cumulative_cost, cumulative_saving, payback = payback_rows(scenario, processes_by_id)
    check(cumulative_cost == src["cumulative_cost_yen"],
          f"{name}: cumulative cost {cumulative_cost} is not the printed {src['cumulative_cost_yen']}")
    check(cumulative_saving == src["cumulative_savings_yen"],
          f"{name}: cumulative savings {cumulative_saving} are not the printed {src['cumulative_savings_yen']}")
    check(savings == derived["savings_increments_yen"], f"{name}: yearly savings differ")
    printed_payback = derived["payback_fy"]
    check((years[payback] if payback is not None else None) == printed_payback,
          f"{name}: payback {payback} is not the printed {printed_payback}")
    return scenario, payback


def build_scenarios(payback, processes_by_id):
    scenarios, paybacks = [], []
    for src in payback["scenarios"]:
        scenario, index = build_scenario(src, payback["model_summary"], processes_by_id)
        scenarios.append(scenario)
        paybacks.append(None if index is None else index + 1)
    check(paybacks == [4, 4, None], f"payback years {paybacks} are not 4, 4, none")
    check([s["first_year_months"] for s in scenarios] == [8, 3, 6], "first-year months are not 8, 3, 6")
    check([s["processes"] for s in scenarios] == [["p18"], ["p07"], ["p20", "p21", "p24", "p15"]],
          "scenario processes are not ① p18, ② p07, ③ p20 p21 p24 p15")
    return scenarios


# ---------------------------------------------------------------------------
# The document

def without(mapping, *keys):
    return {key: value for key, value in mapping.items() if key not in keys}


def build_document(sources, seed_parts):
    measures_src = sources["measures"]
    plan_summary = sources["plan_summary"]
    ai_rpa = sources["ai_rpa_processes"]
    payback = sources["payback_scenarios"]

    fiscal_years = build_fiscal_years(measures_src, plan_summary)
    year_ids = [year["id"] for year in fiscal_years]
    year_labels = {year["id"]: year["label"] for year in fiscal_years}
    check(REPORTING_YEAR in year_ids, "the reporting year is not a plan year")
    evaluations = build_evaluations(plan_summary, year_ids)
    thresholds = build_thresholds(plan_summary)

    KNOWN_SECTIONS.update(sections_named(sources))
    policies = build_policies(measures_src)
    policies_by_number = {p["number"]: p["name"] for p in policies}
    check(len(policies) == plan_summary["plan"]["policies"], "policy count differs from 資料1-1")

    table_rows = plan_summary["measures_table_6"]
    check(len(table_rows) == len(measures_src["measures"]), "資料1-1 (6) has another number of rows")
    measures = [build_measure(src, policies_by_number, row)
                for src, row in zip(measures_src["measures"], table_rows)]
    numbers = [m["number"] for m in measures]
    check(len(set(numbers)) == len(numbers), "duplicate measure numbers")
    added = [m["number"] for m in measures if m["year_added"] == "R3"]
    check(len(added) == plan_summary["plan"]["measures_added_R3"]
          and len(measures) - len(added) == plan_summary["plan"]["measures_original"],
          "added and original measure counts differ from 資料1-1")
    check(added == [6, 15, 16, 17, 31, 41, 44, 51], f"measures added in R3 are {added}")
    lower = [(m["number"], i) for m in measures for i, ind in enumerate(m["indicators"])
             if ind["direction"] == "lower"]
    check(lower == [(22, 0), (52, 0)], f"lower-is-better indicators are {lower}")

    add_manual_grades(measures, evaluations, thresholds, year_labels)

    survey = build_survey(ai_rpa)
    processes_by_id = {p["id"]: p for p in survey["work_processes"]}
    scenarios = build_scenarios(payback, processes_by_id)

    document = {
        "format": "shinchoku-plan",
        "version": 1,
        "title": plan_summary["plan"]["name"],
        "organisation": ORGANISATION,
        "reporting_year": REPORTING_YEAR,
        "fiscal_years": fiscal_years,
        "evaluations": evaluations,
        "grade_thresholds": thresholds,
        "policies": policies,
        "measures": measures,
        "survey": survey,
        "scenarios": scenarios,
        "source_tables": {
            "measures": without(measures_src, "policies", "measures"),
            "plan_summary": without(plan_summary, "measures_table_6"),
            "ai_rpa_processes": dict(without(ai_rpa, "survey", "processes"), **seed_parts),
            "payback_scenarios": without(payback, "scenarios"),
            "citizen_survey": sources["citizen_survey"],
            "next_plan": sources["next_plan"],
        },
    }

    check_summary(document, plan_summary)
    check_follows_figures(document)
    return document


# ---------------------------------------------------------------------------
# Writing, as src/core/shk-format.c writes

def format_number(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    check(math.isfinite(value), f"non-finite number {value!r}")
    if value == math.trunc(value) and abs(value) < 1e17:
        return str(int(value))
    for precision in (15, 16, 17):
        text = "%.*g" % (precision, value)
        if precision == 17 or float(text) == value:
            return text


def format_scalar(value):
    if value is None:
        return "null"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return format_number(value)


def write_value(out, value, depth):
    indent = "  " * (depth + 1)
    if isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        out.append("{")
        for n, (key, member) in enumerate(value.items()):
            out.append(("," if n else "") + "\n" + indent + json.dumps(key, ensure_ascii=False) + ": ")
            write_value(out, member, depth + 1)
        out.append("\n" + "  " * depth + "}")
    elif isinstance(value, list):
        if all(not isinstance(element, (dict, list)) for element in value):
            # Plain values on one line, as in "years".
            out.append("[" + ", ".join(format_scalar(element) for element in value) + "]")
            return
        out.append("[")
        for n, element in enumerate(value):
            out.append(("," if n else "") + "\n" + indent)
            write_value(out, element, depth + 1)
        out.append("\n" + "  " * depth + "]")
    else:
        out.append(format_scalar(value))


def serialise(document):
    out = []
    write_value(out, document, 0)
    out.append("\n")
    return "".join(out)


# ---------------------------------------------------------------------------

def load_sources(directory):
    sources = {}
    for stem in SOURCE_FILES:
        path = os.path.join(directory, stem + ".json")
        try:
            with open(path, encoding="utf-8") as f:
                sources[stem] = json.load(f)
        except OSError as e:
            raise ConversionError(f"{path}: {e.strerror}")
        except ValueError as e:
            raise ConversionError(f"{path}: not JSON: {e}")
    return sources


def main(argv):
    if len(argv) != 4:
        sys.stderr.write("usage: import-kagoshima.py SOURCE_DIR SEED OUTPUT.json\n")
        return 2
    source_dir, seed, output = argv[1], argv[2], argv[3]
    try:
        sources = load_sources(source_dir)
        for table, key in SEED_KEYS:
            check(key not in sources[table], f"{table}.json has a key {key!r}: the seed's would replace it")
        seed_parts = dict(kagoshima_seed.load_effects_parts(seed),
                          promotion_policy_7_1=kagoshima_seed.load_policy(seed))
        check(sorted(seed_parts) == sorted(key for _, key in SEED_KEYS),
              "the seed's parts are not SEED_KEYS")
        document = build_document(sources, seed_parts)
    except kagoshima_seed.SeedError as e:
        sys.stderr.write(f"import-kagoshima: seed: {e}\n")
        return 1
    except (ConversionError, KeyError, StopIteration) as e:
        sys.stderr.write(f"import-kagoshima: {type(e).__name__ if not isinstance(e, ConversionError) else 'error'}: {e}\n")
        return 1
    text = serialise(document)
    temporary = output + ".tmp"
    with open(temporary, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(temporary, output)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
