# kagoshima_seed.py — the parts of the Kagoshima handouts that the cleaned
# data (shared/data/kagoshima-2021) leaves out, read from the text of the
# handouts themselves (shared/seed/*.txt, the committee's documents as
# extracted from the PDF).
#
# Each part is found by its headings, not by line numbers, so that a seed
# extracted again (other page breaks, other blank lines) still reads; when a
# heading or an element is not where the handout has it, reading stops with
# a message naming what is missing, and nothing is written.
#
# Used by tools/import-kagoshima.py and tests/test-builtin-coverage.py.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import os
import re


class SeedError(Exception):
    pass


# 資料1-3 ７．: the heading is printed over two lines in the seed.
POLICY_HEADING = "７．AI・RPA等の活用による業務効率化等の推進方針"
POLICY_SUBHEADING = "７－１ 推進方針"
# The diagram's boxes, as the handout draws them: the standardisation of
# 自治体DX推進計画 (top) and the use of AI・RPA (bottom) both lead to one
# goal; the box of this report's scope stands before the AI・RPA one.  The
# words are the seed's; only their places are named here.
SCOPE_LABEL = "本書の範囲"
# The next heading of the seed: 資料1-3 ends with 7-1, 資料2-1 starts.
NUMBERED_HEADING = re.compile(r"^[0-9０-９]+[.．]")


def seed_files(path):
    """The seed's text files: PATH itself, or the *.txt of a folder."""
    if os.path.isdir(path):
        files = sorted(glob.glob(os.path.join(path, "*.txt")))
        if not files:
            raise SeedError(f"{path}: no *.txt seed file in this folder")
        return files
    if not os.path.isfile(path):
        raise SeedError(f"{path}: no such seed file")
    return [path]


def read_lines(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read().split("\n")
    except OSError as e:
        raise SeedError(f"{path}: {e.strerror}")
    except UnicodeDecodeError:
        raise SeedError(f"{path}: not UTF-8 text")


def find_policy_start(lines):
    """The index of the line after "７－１ 推進方針", or None.

    The heading "７．…推進方針" may be broken over lines; it is matched
    with the line breaks and spaces taken out."""
    for i, line in enumerate(lines):
        if line.strip() != POLICY_SUBHEADING:
            continue
        before = "".join(part.strip() for part in lines[max(0, i - 3):i])
        if before.endswith(POLICY_HEADING):
            return i + 1
    return None


def blocks(lines):
    """Paragraphs separated by blank lines, each joined without spaces (the
    seed breaks Japanese text at the margin, not at words)."""
    result, current = [], []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            result.append(current)
            current = []
    if current:
        result.append(current)
    return result


def policy_lines(lines, start):
    """The lines of 7-1, up to the next numbered heading."""
    end = start
    while end < len(lines) and not NUMBERED_HEADING.match(lines[end].strip()):
        end += 1
    return lines[start:end]


def bullets(block_lines):
    """"・…" lines start items; the lines after one continue it."""
    items = []
    for line in block_lines:
        if line.startswith("・"):
            items.append(line[1:])
        else:
            items[-1] += line
    return items


def read_policy(lines, where):
    """資料1-3 7-1 推進方針 as the built-in document keeps it."""
    start = find_policy_start(lines)
    if start is None:
        raise SeedError(f"{where}: no heading “{POLICY_HEADING}” followed by “{POLICY_SUBHEADING}”")
    diagram, note, scope, paragraphs = [], None, None, []
    parts = blocks(policy_lines(lines, start))
    n = 0
    while n < len(parts):
        part = parts[n]
        if part[0].startswith("・"):
            paragraphs.extend(bullets(part))
        elif part[0].startswith("※"):
            note = "".join(part)
        elif part == [SCOPE_LABEL]:
            if n + 1 >= len(parts):
                raise SeedError(f"{where}: 7-1: “{SCOPE_LABEL}” names no box")
            scope = "".join(parts[n + 1])
            n += 1
        else:
            diagram.append("".join(part))
        n += 1

    # The diagram's four boxes in the seed's order: the plan, the standard
    # systems, the goal, the use of AI・RPA.
    if len(diagram) != 4:
        raise SeedError(f"{where}: 7-1: expected the diagram's 4 boxes, found {len(diagram)}: {diagram}")
    if scope is None or note is None or len(paragraphs) != 2:
        raise SeedError(f"{where}: 7-1: expected the scope box, a “※” note and 2 “・” paragraphs")
    return {
        "heading": POLICY_HEADING.split("．", 1)[1],
        "subheading": POLICY_SUBHEADING.split(" ", 1)[1],
        "standardisation": diagram[0:2],
        "ai_rpa": diagram[3:4],
        "goal": diagram[2],
        "scope_label": SCOPE_LABEL,
        "scope": scope,
        "note": note,
        "paragraphs": paragraphs,
    }


# 資料1-3 5-2 (printed a second time: the first 5-2 is the experiments'
# effects) and the sentences that close 5-1 and the first 5-2.
FURTHER_HEADING = "５－２ 更なる業務効率化を進めるための検討事項"
FURTHER_COLUMNS = ("顕在化した事項", "改善策の例")
EFFECTS_5_1_HEADING = "５－１ 定性効果想定（業務分析より）"
EFFECTS_5_2_HEADING = "５－２ 定性効果想定（実証実験結果より）"
PAGE_NUMBER = re.compile(r"^[0-9]+$")


def heading_index(lines, heading, where):
    for i, line in enumerate(lines):
        if line.strip() == heading:
            return i
    raise SeedError(f"{where}: no heading “{heading}”")


def paragraph_before(lines, index, where, what):
    """The paragraph that ends right above line @index: page numbers and
    blank lines above the heading skipped, up to the blank line before."""
    end = index
    while end > 0 and (not lines[end - 1].strip() or PAGE_NUMBER.match(lines[end - 1].strip())):
        end -= 1
    start = end
    while start > 0 and lines[start - 1].strip():
        start -= 1
    text = "".join(line.strip() for line in lines[start:end])
    if not text.endswith("。"):
        raise SeedError(f"{where}: {what}: no sentence above “{lines[index].strip()}”")
    return text


def sentences_by_line(block_lines):
    """Paragraphs of lines the seed breaks at the margin: one ends with a
    line that ends in “。”."""
    paragraphs, current = [], ""
    for line in block_lines:
        current += line
        if line.endswith("。"):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def table_rows(block_lines):
    """The two-column table of 5-2: an issue's lines, then its “・”
    remedies (a line in brackets continues the remedy above); an issue
    and its first remedy may share a line. The lines after the last row
    (an “issue” no remedy follows) are the closing text, returned apart."""
    rows, issue, remedies, issue_start = [], "", [], 0
    for n, line in enumerate(block_lines):
        text, _, remedy = line.partition(" ・")
        if line.startswith("・"):
            text, remedy = "", line[1:]
        elif line.startswith("（") and remedies:
            remedies[-1] += line
            continue
        if text:
            if remedies:
                rows.append({"issue": issue, "remedies": remedies})
                issue, remedies = "", []
            if not issue:
                issue_start = n
            issue += text
        if remedy:
            remedies.append(remedy)
    if remedies:
        rows.append({"issue": issue, "remedies": remedies})
        issue_start = len(block_lines)
    return rows, block_lines[issue_start:]


def read_further(lines, where):
    start = heading_index(lines, FURTHER_HEADING, where) + 1
    part = [line.strip() for line in policy_lines(lines, start) if line.strip()]
    header = " ".join(FURTHER_COLUMNS)
    if header not in part:
        raise SeedError(f"{where}: 5-2: no table heading “{header}”")
    at = part.index(header)
    rows, rest = table_rows(part[at + 1:])
    closing = sentences_by_line(rest)
    if len(rows) != 5 or len(closing) != 2:
        raise SeedError(f"{where}: 5-2: expected 5 rows and 2 closing paragraphs, "
                        f"found {len(rows)} and {len(closing)}")
    return {
        "heading": FURTHER_HEADING.split(" ", 1)[1],
        "intro": "".join(part[:at]),
        "columns": list(FURTHER_COLUMNS),
        "rows": rows,
        "closing": closing,
    }


def read_effects_parts(lines, where):
    """What 資料1-3 5. has beyond the cleaned data's effects."""
    effects_5_2 = heading_index(lines, EFFECTS_5_2_HEADING, where)
    further = heading_index(lines, FURTHER_HEADING, where)
    heading_index(lines, EFFECTS_5_1_HEADING, where)
    return {
        "effects_5_1_conclusion": paragraph_before(lines, effects_5_2, where, "5-1"),
        "effects_5_2_conclusion": paragraph_before(lines, further, where, "5-2"),
        "further_measures_5_2": read_further(lines, where),
    }


def load_effects_parts(path):
    """5.'s closing sentences and its second 5-2, from the seed with 7-1."""
    for name in seed_files(path):
        lines = read_lines(name)
        if find_policy_start(lines) is not None:
            return read_effects_parts(lines, name)
    raise SeedError(f"{path}: no seed file has 資料1-3")


def load_policy(path):
    """7-1 from the first seed file that has it."""
    for name in seed_files(path):
        lines = read_lines(name)
        if find_policy_start(lines) is not None:
            return read_policy(lines, name)
    raise SeedError(f"{path}: no seed file has 資料1-3 “{POLICY_HEADING}” / “{POLICY_SUBHEADING}”")


def seed_text(path):
    """The seed's text with every line break and space taken out, to look
    a value up in (the seed breaks lines anywhere)."""
    return "".join("".join("".join(read_lines(name)).split()) for name in seed_files(path))
