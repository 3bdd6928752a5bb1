#!/usr/bin/env python3
"""make-plan.py — synthetic plans of any size, with their expected counts

    python3 benchmarks/make-plan.py BUILTIN.json N OUT.json [--expected OUT.expected.json]
    python3 benchmarks/make-plan.py BUILTIN.json N OUT.json --csv OUT.csv

The plan is the built-in Kagoshima document with its measures replicated
until there are N: each copy keeps the original's texts and shape, with
perturbed figures (actuals 30-130 % of the target, one actual in twenty
missing, one indicator in ten turned lower-is-better, one measure in
fifteen with an extra manual grade). Same JSON format, about 2 KB a
measure. A fixed seed makes the same plan every time.

The expected grade counts are computed here, independently of Shinchoku's
C rules (weakest indicator against the evaluation's target year, the
thresholds of the plan, manual grades first, measures not counted or
added later left out), so a benchmark that times the CLI also checks that
it still computes the right thing.

--csv writes the same rows (one per indicator with its targets and
actuals) as CSV for the side-by-side with a spreadsheet converter.

SPDX-License-Identifier: GPL-3.0-or-later
"""
import argparse
import copy
import csv
import json
import random

GRADES = ("achieved", "mostly", "lagging", "pending")
SYMBOLS = {"◎": "achieved", "○": "mostly", "△": "lagging", "－": "pending"}
EPSILON = 1e-9


def perturb(measure, number, rand, year_ids):
    m = copy.deepcopy(measure)
    m["number"] = number
    m["index_in_policy"] = number
    for key in ("published", "source_data", "notes"):
        m.pop(key, None)
    for indicator in m["indicators"]:
        indicator.pop("printed_rates", None)
        indicator.pop("source_data", None)
        if rand.randrange(10) == 0:
            indicator["direction"] = "lower"
        targets = indicator.get("target") or {}
        final = next((targets[y] for y in reversed(year_ids) if targets.get(y)), None)
        if final is None:
            final = rand.uniform(10, 100000)
        lower = indicator["direction"] == "lower"
        indicator["target"] = {}
        indicator["actual"] = {}
        for i, year in enumerate(year_ids):
            share = (i + 1) / len(year_ids)
            target = final * (2 - share) if lower else final * share
            target = round(target, 1)
            indicator["target"][year] = target
            if i < len(year_ids) - 1 and rand.randrange(20) != 0:
                factor = rand.uniform(0.3, 1.3)
                indicator["actual"][year] = round(target / factor if lower else target * factor, 1)
    if rand.randrange(15) == 0:
        evaluation = rand.choice(["R2/R2", "H30/R3", "R1/R3", "R2/R3"])
        m.setdefault("manual_grades", {})[evaluation] = {
            "grade": rand.choice(list(SYMBOLS)), "reason": "合成データの手動評価"}
    return m


def rate(indicator, actual_year, target_year):
    actual = (indicator.get("actual") or {}).get(actual_year)
    target = (indicator.get("target") or {}).get(target_year)
    if actual is None or target is None:
        return None
    if indicator.get("direction") == "lower":
        return None if actual == 0 else target / actual
    return None if target == 0 else actual / target


def grade(plan, measure, evaluation):
    manual = (measure.get("manual_grades") or {}).get(evaluation["id"])
    if manual is not None:
        return SYMBOLS.get(manual["grade"])
    rates = [r for r in (rate(i, evaluation["actual_year"], evaluation["target_year"])
                         for i in measure["indicators"]) if r is not None]
    if not rates:
        return None
    pct = min(rates) * 100
    thresholds = plan["grade_thresholds"]
    if pct + EPSILON >= thresholds["achieved"]:
        return "achieved"
    if pct + EPSILON >= thresholds["mostly"]:
        return "mostly"
    return "lagging"


def counted_in(plan, measure, evaluation):
    if not measure.get("counted_in_summary", True):
        return False
    added = measure.get("year_added")
    if added is None:
        return True
    order = [y["id"] for y in plan["fiscal_years"]]
    return order.index(evaluation["actual_year"]) >= order.index(added)


def expected_counts(plan):
    result = {}
    for evaluation in plan["evaluations"]:
        counts = dict.fromkeys(GRADES, 0)
        for measure in plan["measures"]:
            if not counted_in(plan, measure, evaluation):
                continue
            g = grade(plan, measure, evaluation)
            if g is not None:
                counts[g] += 1
        counts["counted"] = sum(counts[g] for g in GRADES)
        result[evaluation["id"]] = counts
    return result


def write_csv(plan, path, year_ids):
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["No.", "具体策", "指標", "単位", "方向"]
                     + [f"{y}目標" for y in year_ids] + [f"{y}実績" for y in year_ids])
        for m in plan["measures"]:
            for i in m["indicators"]:
                out.writerow([m["number"], m["name"], i["label"], i.get("unit") or "",
                              i["direction"]]
                             + [i["target"].get(y, "") for y in year_ids]
                             + [i["actual"].get(y, "") for y in year_ids])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("builtin")
    parser.add_argument("n", type=int)
    parser.add_argument("output")
    parser.add_argument("--expected")
    parser.add_argument("--csv")
    parser.add_argument("--seed", type=int, default=2021)
    args = parser.parse_args()

    with open(args.builtin, encoding="utf-8") as f:
        plan = json.load(f)
    rand = random.Random(args.seed)
    year_ids = [y["id"] for y in plan["fiscal_years"]]
    originals = plan["measures"]
    plan["measures"] = [perturb(originals[k % len(originals)], k + 1, rand, year_ids)
                        for k in range(args.n)]
    plan.pop("source_tables", None)

    with open(args.output, "w", encoding="utf-8") as f:
        json.dump(plan, f, ensure_ascii=False, indent=2)
        f.write("\n")
    if args.expected:
        with open(args.expected, "w", encoding="utf-8") as f:
            json.dump(expected_counts(plan), f, indent=2)
    if args.csv:
        write_csv(plan, args.csv, year_ids)


if __name__ == "__main__":
    main()
