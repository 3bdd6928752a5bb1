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


# What PowerPoint is strict about (it offers to "repair" a file, dropping
# what it does not like, where LibreOffice reads on): ECMA-376 Part 1
# §13 (PresentationML) and §20 (DrawingML), and Open Packaging Conventions.
CT = "application/vnd.openxmlformats-officedocument."
PART_TYPES = [
    (r"ppt/presentation\.xml", CT + "presentationml.presentation.main+xml"),
    (r"ppt/slides/slide\d+\.xml", CT + "presentationml.slide+xml"),
    (r"ppt/notesSlides/notesSlide\d+\.xml", CT + "presentationml.notesSlide+xml"),
    (r"ppt/notesMasters/notesMaster\d+\.xml", CT + "presentationml.notesMaster+xml"),
    (r"ppt/slideMasters/slideMaster\d+\.xml", CT + "presentationml.slideMaster+xml"),
    (r"ppt/slideLayouts/slideLayout\d+\.xml", CT + "presentationml.slideLayout+xml"),
    (r"ppt/theme/theme\d+\.xml", CT + "theme+xml"),
    (r"ppt/presProps\.xml", CT + "presentationml.presProps+xml"),
    (r"ppt/viewProps\.xml", CT + "presentationml.viewProps+xml"),
    (r"ppt/tableStyles\.xml", CT + "presentationml.tableStyles+xml"),
    (r"docProps/core\.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
    (r"docProps/app\.xml", CT + "extended-properties+xml"),
]


def check_shape_tree(archive, part, size):
    """Unique shape ids, whole-number positions inside the slide, resolvable
    relationship ids, tables whose rows match their grid."""
    root = ET.fromstring(archive.read(part))
    rels = rels_of(archive, part)
    ids = [c.get("id") for c in root.iter() if c.tag.endswith("}cNvPr")]
    check(all(i is not None and i.isdigit() for i in ids), f"{part}: a shape without a number id")
    check_equal(len(ids), len(set(ids)), f"{part}: shape ids must be unique, got {ids}")
    for element in root.iter():
        for attribute, value in element.attrib.items():
            if attribute in (R_ID, R_EMBED):
                check(value in rels, f"{part}: {value} is not one of its relationships")
    for xfrm in root.iter():
        if not xfrm.tag.endswith("}xfrm"):
            continue
        off, ext = xfrm.find("a:off", NS), xfrm.find("a:ext", NS)
        check(off is not None and ext is not None, f"{part}: an xfrm without a:off and a:ext")
        x, y = int(off.get("x")), int(off.get("y"))
        cx, cy = int(ext.get("cx")), int(ext.get("cy"))
        check(min(x, y, cx, cy) >= 0, f"{part}: a negative position or size")
        if size is not None and cx > 0:
            check(x + cx <= size[0] and y + cy <= size[1],
                  f"{part}: a shape at {x},{y} of {cx}×{cy} runs off the slide {size}")
    for table in root.iter("{%s}tbl" % NS["a"]):
        columns = table.findall("a:tblGrid/a:gridCol", NS)
        check(columns, f"{part}: a table without its grid")
        for row in table.findall("a:tr", NS):
            check_equal(len(row.findall("a:tc", NS)), len(columns), f"{part}: cells in a row")
        frame = [f for f in root.iter("{%s}graphicFrame" % NS["p"]) if table in f.iter()][0]
        width = int(frame.find("p:xfrm/a:ext", NS).get("cx"))
        check(sum(int(c.get("w")) for c in columns) <= width, f"{part}: the grid is wider than its frame")
    for text in root.iter("{%s}t" % NS["a"]):
        check(not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", text.text or ""),
              f"{part}: a control character in a text run")


def test_deck_powerpoint_strictness():
    with zipfile.ZipFile(builtin_deck()) as archive:
        names = archive.namelist()
        check_equal(len(names), len(set(names)), "parts named twice in the zip")
        check(not any(n.startswith("/") or "\\" in n for n in names), "a part name PowerPoint refuses")
        types = ET.fromstring(archive.read("[Content_Types].xml"))
        overrides = {o.get("PartName").lstrip("/"): o.get("ContentType")
                     for o in types.findall("ct:Override", NS)}
        # Every part of these kinds has its own content type, not the
        # generic application/xml of the XML default.
        for name in names:
            for pattern, content_type in PART_TYPES:
                if re.fullmatch(pattern, name):
                    check_equal(overrides.get(name), content_type, f"the content type of {name}")
        for pattern, _ in PART_TYPES:
            check(any(re.fullmatch(pattern, n) for n in names), f"no part like {pattern}")

        presentation = ET.fromstring(archive.read("ppt/presentation.xml"))
        rels = rels_of(archive, "ppt/presentation.xml")
        order = [child.tag.split("}")[1] for child in presentation]
        expected = [t for t in ("sldMasterIdLst", "notesMasterIdLst", "sldIdLst", "sldSz", "notesSz")
                    if t in order]
        check_equal([t for t in order if t in expected], expected, "the order in presentation.xml")
        check("notesMasterIdLst" in order, "notes slides without a notesMasterIdLst")
        slide_ids = [int(s.get("id")) for s in presentation.findall("p:sldIdLst/p:sldId", NS)]
        check(all(256 <= i < 2147483648 for i in slide_ids), f"slide ids out of range: {slide_ids}")
        check_equal(len(slide_ids), len(set(slide_ids)), "unique slide ids")
        for path, kind in (("p:sldMasterIdLst/p:sldMasterId", "slideMaster"),
                           ("p:notesMasterIdLst/p:notesMasterId", "notesMaster"),
                           ("p:sldIdLst/p:sldId", "slide")):
            for element in presentation.findall(path, NS):
                check_equal(rels.get(element.get(R_ID), ("missing",))[0], kind,
                            f"the relationship {element.get(R_ID)} of presentation.xml")
        master_ids = [int(m.get("id")) for m in presentation.findall("p:sldMasterIdLst/p:sldMasterId", NS)]
        size = presentation.find("p:sldSz", NS)
        width, height = int(size.get("cx")), int(size.get("cy"))
        check(914400 <= width <= 51206400 and 914400 <= height <= 51206400, "the slide size")
        check_equal(round(width / height, 3), round(16 / 9, 3), "a 16:9 slide")
        notes_size = presentation.find("p:notesSz", NS)
        check(notes_size is not None and int(notes_size.get("cx")) > 0, "the notes size")

        layout_ids = []
        for name in names:
            if re.fullmatch(r"ppt/slideMasters/slideMaster\d+\.xml", name):
                master = ET.fromstring(archive.read(name))
                master_rels = rels_of(archive, name)
                check(any(kind == "theme" for kind, _ in master_rels.values()), f"{name} has no theme")
                for layout in master.findall("p:sldLayoutIdLst/p:sldLayoutId", NS):
                    layout_ids.append(int(layout.get("id")))
                    check_equal(master_rels[layout.get(R_ID)][0], "slideLayout", f"a layout of {name}")
        check(all(i >= 2147483648 for i in master_ids + layout_ids), "master and layout ids ≥ 2^31")
        check_equal(len(master_ids + layout_ids), len(set(master_ids + layout_ids)),
                    "unique master and layout ids")

        for part in slide_parts(archive):
            check_shape_tree(archive, part, (width, height))
            kinds = [kind for kind, _ in rels_of(archive, part).values()]
            check_equal(kinds.count("slideLayout"), 1, f"the layout of {part}")
        for name in names:
            if re.fullmatch(r"ppt/(notesSlides|notesMasters|slideLayouts|slideMasters)/\w+\.xml", name):
                check_shape_tree(archive, name, None)

        app = ET.fromstring(archive.read("docProps/app.xml"))
        count = app.find("{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Slides")
        check_equal(int(count.text), len(slide_ids), "the slide count of docProps/app.xml")


def test_deck_control_characters():
    # A title pasted with a control character in it: PowerPoint refuses
    # a part holding one, even as a character reference.
    plan = tmp_path("control.json")
    run_ok("export-builtin", plan)
    with open(plan, encoding="utf-8") as f:
        text = f.read()
    text, n = re.subn(r'"title"\s*:\s*"([^"]*)"',
                      lambda m: '"title": "' + m.group(1) + '\\u0007 & <x>"', text, count=1)
    check_equal(n, 1, "titles changed in the plan")
    with open(plan, "w", encoding="utf-8") as f:
        f.write(text)
    path = tmp_path("control.pptx")
    run_ok("deck", plan, "--output", path, "--slides", "title")
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                data = archive.read(name)
                check(b"&#x7;" not in data and b"\x07" not in data, f"{name} holds a control character")
                ET.fromstring(data)
        slide = ET.fromstring(archive.read(slide_parts(archive)[0]))
        check("& <x>" in text_of(slide), "the title lost its & and <")


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
