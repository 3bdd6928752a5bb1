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


# --- the PowerPoint deck -----------------------------------------------------

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}
R_ID = "{%s}id" % NS["r"]
R_EMBED = "{%s}embed" % NS["r"]

_deck = None


def builtin_deck():
    global _deck
    if _deck is None:
        path = tmp_path("meeting.pptx")
        run_ok("deck", "--output", path)
        _deck = path
    return _deck


def rels_of(archive, part):
    """{id: (type, absolute target)} of a part's relationships."""
    folder, name = os.path.split(part)
    rels_name = f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
    check(rels_name in archive.namelist(), f"{part} has no relationships part")
    result = {}
    for rel in ET.fromstring(archive.read(rels_name)).findall("rel:Relationship", NS):
        target = os.path.normpath(os.path.join(folder, rel.get("Target")))
        result[rel.get("Id")] = (rel.get("Type").rsplit("/", 1)[-1], target)
    return result


def slide_parts(archive):
    presentation = ET.fromstring(archive.read("ppt/presentation.xml"))
    rels = rels_of(archive, "ppt/presentation.xml")
    return [rels[s.get(R_ID)][1] for s in presentation.findall("p:sldIdLst/p:sldId", NS)]


def text_of(element):
    return "".join(t.text or "" for t in element.iter("{%s}t" % NS["a"]))


def test_deck_parts_and_content_types():
    with zipfile.ZipFile(builtin_deck()) as archive:
        names = archive.namelist()
        check(archive.testzip() is None, "a part of the deck is corrupt")
        types = ET.fromstring(archive.read("[Content_Types].xml"))
        overrides = {o.get("PartName").lstrip("/"): o.get("ContentType")
                     for o in types.findall("ct:Override", NS)}
        defaults = {d.get("Extension"): d.get("ContentType") for d in types.findall("ct:Default", NS)}
        for name in names:
            if name == "[Content_Types].xml":
                continue
            check(name in overrides or name.rsplit(".", 1)[-1] in defaults,
                  f"{name} is not in [Content_Types].xml")
            if name.endswith((".xml", ".rels")):
                try:
                    ET.fromstring(archive.read(name))
                except ET.ParseError as error:
                    raise Failure(f"{name} is not well-formed: {error}")
        for part in overrides:
            check(part in names, f"[Content_Types].xml lists {part}, which is missing")
        check_equal(defaults.get("png"), "image/png", "the PNG content type")
        check(overrides.get("ppt/presentation.xml", "").endswith("presentation.main+xml"),
              "the presentation part has the wrong content type")
        # Every relationship of every part leads to a part that exists.
        for name in names:
            if "/_rels/" in name or name.startswith("_rels/"):
                folder = os.path.dirname(os.path.dirname(name))
                for rel in ET.fromstring(archive.read(name)).findall("rel:Relationship", NS):
                    if rel.get("TargetMode") == "External":
                        continue
                    target = os.path.normpath(os.path.join(folder, rel.get("Target")))
                    check(target in names, f"{name}: {rel.get('Target')} does not exist")


def test_deck_slides_titles_pictures_notes():
    with zipfile.ZipFile(builtin_deck()) as archive:
        slides = slide_parts(archive)
        check(len(slides) >= 12, f"only {len(slides)} slides")
        titles = []
        pictures = 0
        tables = 0
        for number, part in enumerate(slides, start=1):
            slide = ET.fromstring(archive.read(part))
            rels = rels_of(archive, part)
            title_shapes = [sp for sp in slide.iter("{%s}sp" % NS["p"])
                            if sp.find("p:nvSpPr/p:nvPr/p:ph[@type='title']", NS) is not None]
            check_equal(len(title_shapes), 1, f"title placeholders on slide {number}")
            title = text_of(title_shapes[0])
            check(title.strip(), f"slide {number} has an empty title")
            titles.append(title)
            for pic in slide.iter("{%s}pic" % NS["p"]):
                pictures += 1
                descr = pic.find("p:nvPicPr/p:cNvPr", NS).get("descr", "")
                check(len(descr) > 20, f"slide {number}: the picture's alt text is {descr!r}")
                kind, media = rels[pic.find("p:blipFill/a:blip", NS).get(R_EMBED)]
                check_equal(kind, "image", f"slide {number}: the picture's relationship")
                data = archive.read(media)
                width, height = struct.unpack(">II", data[16:24])
                check(width >= 1920, f"slide {number}: a picture {width} pixels wide")
                check(png_dpi(data) >= 150, f"slide {number}: a low-resolution picture")
            for table in slide.iter("{%s}tbl" % NS["a"]):
                tables += 1
                rows = table.findall("a:tr", NS)
                check(len(rows) >= 2, f"slide {number}: a table without rows")
            notes = [target for kind, target in rels.values() if kind == "notesSlide"]
            check_equal(len(notes), 1, f"notes of slide {number}")
            notes_xml = ET.fromstring(archive.read(notes[0]))
            body = [sp for sp in notes_xml.iter("{%s}sp" % NS["p"])
                    if sp.find("p:nvSpPr/p:nvPr/p:ph[@type='body']", NS) is not None]
            check_equal(len(body), 1, f"the notes body of slide {number}")
            check(re.search(r"\d", text_of(body[0])), f"the notes of slide {number} hold no figure")
            back = rels_of(archive, notes[0])
            check(("slide", part) in back.values(), f"the notes of slide {number} do not point back")
            check(any(kind == "notesMaster" for kind, _ in back.values()),
                  f"the notes of slide {number} have no notes master")
        check(pictures >= 8, f"only {pictures} charts in the deck")
        check(tables >= 3, f"only {tables} tables in the deck")
        check("費用対効果想定①" in titles, f"no slide for scenario ①: {titles}")
        check(any(t in ("Citizen survey: the city and the nation", "市民意識調査：本市と全国")
                  for t in titles), f"no slide for the citizen survey: {titles}")
        check_equal(titles[0], "第四次鹿児島市地域情報化計画", "the title slide")
        # The lagging list: the seven △ measures of R2/R3 as table rows.
        lagging = [part for part, title in zip(slides, titles) if "△" in title]
        check_equal(len(lagging), 1, "slides of the lagging list")
        table = ET.fromstring(archive.read(lagging[0])).find(".//a:tbl", NS)
        check_equal(len(table.findall("a:tr", NS)), 8, "the heading and 7 lagging measures")


def test_deck_slides_option():
    path = tmp_path("two.pptx")
    run_ok("deck", "--output", path, "--slides", "summary, pareto")
    with zipfile.ZipFile(path) as archive:
        slides = slide_parts(archive)
        check_equal(len(slides), 2, "slides for --slides summary,pareto")
        check_equal(len([n for n in archive.namelist() if n.startswith("ppt/notesSlides/notesSlide")]),
                    2, "notes slides")
    err = check_usage_error("deck", "--output", tmp_path("bad.pptx"), "--slides", "summary,agenda")
    check("agenda" in err, f"the error does not name the unknown slide: {err!r}")
    check_usage_error("deck", "--output", tmp_path("deck.ppt"))
    check_usage_error("deck")
    check(not os.path.exists(tmp_path("bad.pptx")), "a refused deck was written")


def test_deck_opens_in_libreoffice():
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise Skip("LibreOffice is not installed: the deck's conversion to PDF is not tried")
    out_dir = tmp_path("converted")
    os.makedirs(out_dir, exist_ok=True)
    profile = "file://" + tmp_path("lo-profile")
    proc = subprocess.run([soffice, "--headless", f"-env:UserInstallation={profile}",
                           "--convert-to", "pdf", "--outdir", out_dir, builtin_deck()],
                          capture_output=True, timeout=280)
    pdf = os.path.join(out_dir, "meeting.pdf")
    check(os.path.exists(pdf), f"LibreOffice made no PDF: {proc.stderr.decode(errors='replace')}")
    data = read(pdf)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    with zipfile.ZipFile(builtin_deck()) as archive:
        check_equal(pages, len(slide_parts(archive)), "pages of the converted deck")


# --- XLSX with native charts ------------------------------------------------

def workbook_sheets(archive):
    workbook = ET.fromstring(archive.read("xl/workbook.xml"))
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    return [sheet.get("name") for sheet in workbook.iter(main + "sheet")]


def test_export_summary_and_scenarios():
    out = tmp_path("summary.xlsx")
    run_ok("export", "--output", out, "--table", "summary")
    with zipfile.ZipFile(out) as archive:
        check_equal(workbook_sheets(archive), ["Grade summary"], "sheets for --table summary")
        charts = [n for n in archive.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)]
        check_equal(len(charts), 1, "charts for --table summary")
        chart = archive.read(charts[0]).decode("utf-8")
        check("<c:grouping val=\"stacked\"/>" in chart, "the grade chart is not stacked")
        check("'Grade summary'!$B$2:$B$5" in chart, "the ◎ series does not read B2:B5")

    out = tmp_path("scenarios.xlsx")
    run_ok("export", "--output", out, "--table", "scenarios")
    with zipfile.ZipFile(out) as archive:
        check_equal(workbook_sheets(archive), ["費用対効果想定①", "費用対効果想定②", "費用対効果想定③"],
                    "sheets for --table scenarios")
        charts = [n for n in archive.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)]
        check_equal(len(charts), 3, "a line chart per scenario")

    out = tmp_path("all.xlsx")
    run_ok("export", "--output", out, "--table", "all")
    with zipfile.ZipFile(out) as archive:
        check_equal(workbook_sheets(archive)[:3], ["Measures", "Processes", "Grade summary"],
                    "the first sheets for --table all")

    out = tmp_path("scenarios.csv")
    run_ok("export", "--output", out, "--table", "scenarios")
    with open(out, encoding="utf-8-sig") as f:
        rows = [line.rstrip("\r\n").split(",") for line in f]
    check_equal(rows[0][0], "Scenario", "the first heading of the scenarios CSV")
    check_equal(len(rows), 1 + 3 * 8, "a row per scenario and year")
    check_equal(rows[8][-1], "12163373", "scenario ①'s net in year 8 (資料1-3 §4-1)")

    err = check_usage_error("export", "--output", tmp_path("all.csv"), "--table", "all")
    check("CSV" in err, f"the refusal does not say why: {err!r}")
    check_usage_error("export", "--output", tmp_path("x.xlsx"), "--table", "charts")


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
