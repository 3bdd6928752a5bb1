#!/usr/bin/env python3
# make-seeds.py — writes the seed corpora of tests/fuzz/corpus/ again
#
#   python3 tests/fuzz/make-seeds.py _build/src/cli/shinchoku-cli
#
# The seeds are small valid inputs (plus a few broken ones) that reach deep
# into each reader: plans cut down from tests/files/small-plan.json and the
# built-in document, and tables exported from them by shinchoku-cli, so that
# imported rows match real measures of the built-in plan the import targets
# use. Run it after a change of the file format or the exported tables, and
# commit the result; keep the corpora small (a few hundred KB in all).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import copy
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SMALL_PLAN = os.path.join(ROOT, 'tests', 'files', 'small-plan.json')
BUILTIN = os.path.join(ROOT, 'data', 'kagoshima-2021.json')


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as out:
        out.write(data if isinstance(data, bytes) else data.encode('utf-8'))


def dump(plan):
    return json.dumps(plan, ensure_ascii=False, indent=2) + '\n'


def builtin_excerpt():
    """The built-in plan with its first few measures, processes and
    scenarios: what it exports matches rows of the built-in plan."""
    with open(BUILTIN, encoding='utf-8') as f:
        plan = json.load(f)
    plan.pop('source_tables', None)
    plan['measures'] = plan['measures'][:6]
    plan['survey']['work_processes'] = plan['survey']['work_processes'][:4]
    plan['survey'].pop('source_data', None)
    for thing in plan['measures'] + plan['survey']['work_processes'] + plan['scenarios']:
        thing.pop('source_data', None)
        thing.pop('notes', None)
    plan['scenarios'] = plan['scenarios'][:1]
    return plan


def json_seeds(out):
    with open(SMALL_PLAN, encoding='utf-8') as f:
        small = json.load(f)
    shutil.copy(SMALL_PLAN, os.path.join(out, 'small-plan.json'))

    minimal = {'format': 'shinchoku-plan', 'version': 1, 'fiscal_years': [{'id': 'R2'}]}
    write(os.path.join(out, 'minimal.json'), dump(minimal))

    one_measure = copy.deepcopy(small)
    one_measure['measures'] = small['measures'][:1]
    one_measure['scenarios'] = []
    one_measure['survey'] = None
    write(os.path.join(out, 'one-measure.json'), dump(one_measure))

    survey_only = copy.deepcopy(small)
    survey_only['measures'] = []
    survey_only['policies'] = []
    write(os.path.join(out, 'survey-and-scenarios.json'), dump(survey_only))

    write(os.path.join(out, 'builtin-excerpt.json'), dump(builtin_excerpt()))

    # A request round started and partly replied, with a key of another
    # tool (version 2 files keep it).
    with_round = builtin_excerpt()
    with_round['version'] = 2
    with_round['round'] = {
        'year': 'R3', 'due': '2026-11-30', 'sent': '2026-11-02', 'folder': '/tmp/requests',
        'sections': [
            {'section': '広報課', 'measures': [1, 2], 'status': 'replied',
             'file': 'kouhou.xlsx', 'message': None},
            {'section': '市民課', 'measures': [5, 6], 'status': 'refused',
             'file': 'shimin.xlsx', 'message': 'shimin.xlsx, cell O5: not a number',
             'x-note': '再送済み'},
            {'section': '経営管理課', 'measures': [60], 'status': 'missing',
             'file': 'R3_経営管理課_request.xlsx', 'message': None},
        ],
    }
    write(os.path.join(out, 'with-round.json'), dump(with_round))

    # Compact, with a comment json-glib accepts, and an escaped string.
    write(os.path.join(out, 'compact-comment.json'),
          '/* plan */{"format":"shinchoku-plan","version":1,"title":"\\u8a08\\u753b\\t",'
          '"fiscal_years":[{"id":"R2","label":null},{"id":"R3"}],'
          '"measures":[{"number":1,"indicators":[{"target":{"R2":1.5e3,"R3":-0.0}}],'
          '"manual_grades":{"R2/R3":{"grade":"-","reason":null}}}],'
          '"x-extra":[1,2.5,true,null,{"a":[]}]}\n')

    for name in ('syntax-error.json', 'newer-version.json'):
        shutil.copy(os.path.join(ROOT, 'tests', 'files', name), os.path.join(out, name))


def restore(xlsx):
    """The workbook with every part stored instead of deflated: mutations
    of the XML then need no inflating (the XLSX mutator stores parts too)."""
    stored = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as src, \
         zipfile.ZipFile(stored, 'w', zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info.filename))
    return stored.getvalue()


def handmade_xlsx(parts):
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_STORED) as z:
        for name, text in parts.items():
            z.writestr(name, text)
    return out.getvalue()


MINIMAL_WORKBOOK = {
    'xl/workbook.xml':
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<x:sheets><x:sheet name="計画" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>',
    'xl/_rels/workbook.xml.rels':
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/sharedStrings.xml':
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" '
        'uniqueCount="4"><si><t>No.</t></si><si><t>Indicator</t></si>'
        '<si><r><t>Target</t></r><r><t xml:space="preserve"> R3</t></r></si>'
        '<si><t>トップページへのアクセス数</t><rPh sb="0" eb="1"><t>ﾄｯﾌﾟ</t></rPh></si></sst>',
    'xl/worksheets/sheet1.xml':
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<x:sheetData>'
        '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c>'
        '<x:c r="C1" t="s"><x:v>2</x:v></x:c><x:c r="D1" t="inlineStr"><x:is><x:t>Actual R2'
        '</x:t></x:is></x:c></x:row>'
        '<x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c><x:c r="B2" t="s"><x:v>3</x:v></x:c>'
        '<x:c r="C2"><x:v>3.5E6</x:v></x:c><x:c r="D2" t="str"><x:v>3,800,000</x:v></x:c></x:row>'
        '<x:row><x:c t="b"><x:v>1</x:v></x:c><x:c r="C3" t="e"><x:v>#N/A</x:v></x:c></x:row>'
        '</x:sheetData></x:worksheet>',
}


def table_seeds(cli, csv_out, xlsx_out):
    with tempfile.TemporaryDirectory() as tmp:
        excerpt = os.path.join(tmp, 'excerpt.json')
        write(excerpt, dump(builtin_excerpt()))

        def export(plan, name, *options):
            path = os.path.join(tmp, name)
            subprocess.run([cli, 'export', plan, '--output', path, *options], check=True)
            with open(path, 'rb') as f:
                return f.read()

        measures = export(excerpt, 'm.csv')
        write(os.path.join(csv_out, 'builtin-excerpt.csv'), measures)
        write(os.path.join(csv_out, 'small-plan.csv'), export(SMALL_PLAN, 's.csv'))
        write(os.path.join(csv_out, 'processes.csv'),
              export(SMALL_PLAN, 'p.csv', '--table', 'processes'))
        text = measures.decode('utf-8-sig')
        write(os.path.join(csv_out, 'shift-jis.csv'),
              text.encode('shift_jis', errors='replace'))
        write(os.path.join(csv_out, 'utf-16.csv'), text.encode('utf-16'))
        # Tab-separated, quoted, CRLF, a cleared value and a non-number.
        write(os.path.join(csv_out, 'quoted-tabs.csv'),
              'No.\tIndicator No.\t"Target\nR3"\tActual R2\r\n'
              '1\t1\t"3,400,000"\t-\r\n2\t\t"abc ""x"""\t1e3\r\n')

        write(os.path.join(xlsx_out, 'builtin-excerpt.xlsx'), export(excerpt, 'm.xlsx'))
        write(os.path.join(xlsx_out, 'builtin-excerpt-stored.xlsx'),
              restore(export(excerpt, 'm2.xlsx', '--table', 'measures')))
        write(os.path.join(xlsx_out, 'small-plan-stored.xlsx'),
              restore(export(SMALL_PLAN, 's.xlsx')))
        write(os.path.join(xlsx_out, 'handmade.xlsx'), handmade_xlsx(MINIMAL_WORKBOOK))


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: make-seeds.py PATH/TO/shinchoku-cli')
    corpus = os.path.join(HERE, 'corpus')
    shutil.rmtree(corpus, ignore_errors=True)
    for kind in ('format', 'csv', 'xlsx'):
        os.makedirs(os.path.join(corpus, kind))
    json_seeds(os.path.join(corpus, 'format'))
    table_seeds(sys.argv[1], os.path.join(corpus, 'csv'), os.path.join(corpus, 'xlsx'))


if __name__ == '__main__':
    main()
