"""A report as one self-contained HTML5 page, ready to publish.

The three tables keep the national layout with its merged header cells. Every data cell
names its row and column headers (``headers``/``id``, WCAG 2.1 technique H43 for tables with
multi-level headers), every header cell has a ``scope``, every table a ``<caption>``. No
script, no external style sheet, font or image; an inline print style sheet.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from ..editions import Edition
from ..model import Report
from ._common import (
    CAPTIONS,
    T2_LABEL,
    T3_APPLICANTS,
    T3_NOTE,
    T3_ORGS,
    T4_AFTER,
    T4_DIRECT,
    T4_LITIGATION,
    T4_RECONSIDERATION,
    T4_RESULTS,
    fmt,
    has_table2,
    period,
    prose,
    t2_blocks,
    t2_header,
    t2_text,
    title,
)

STYLE = """
body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "SimSun", sans-serif;
  line-height: 1.8; color: #1a1a1a; background: #fff; max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; text-align: center; line-height: 1.4; }
h2 { font-size: 1.25rem; margin-top: 2rem; }
p { text-indent: 2em; margin: 0.5rem 0; }
p.period { text-indent: 0; text-align: center; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: 0.95rem; }
caption { font-weight: bold; padding: 0.5rem; text-align: center; caption-side: top; }
th, td { border: 1px solid #333; padding: 0.25rem 0.4rem; vertical-align: middle; }
th { background: #f0f0f0; font-weight: normal; text-align: center; }
th[scope="row"], th[scope="rowgroup"] { text-align: left; }
td { text-align: right; font-variant-numeric: tabular-nums; }
td.note { text-align: left; font-size: 0.85rem; background: #f0f0f0; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; color: #000; }
  h1 { font-size: 16pt; }
  h2 { font-size: 13pt; page-break-after: avoid; break-after: avoid; }
  .scroll { overflow: visible; }
  table { font-size: 8.5pt; page-break-inside: auto; }
  thead { display: table-header-group; }
  tr, caption { page-break-inside: avoid; break-inside: avoid; }
  th, td { border-color: #000; }
  th, td.note { background: none; }
}
""".strip()


def paragraph_html(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def write_html(
    report: Report,
    style: str = STYLE,
    paragraph: Callable[[str], str] = paragraph_html,
    heading_html: Callable[[str], str] = escape,
) -> str:
    """The page. The PDF writer passes its print ``style`` sheet, its ``paragraph`` markup (a
    run-in heading in another face) and its title markup (line breaks); the tables are the same."""
    edition = report.spec
    heading = title(report)
    body: list[str] = [f"<h1>{heading_html(heading)}</h1>"]
    if report.year:
        body.append(f'<p class="period">{escape(period(report))}</p>')
    for spec in edition.sections:
        sid = f"s{'一二三四五六'.index(spec.number) + 1}"
        body.append(f'<section aria-labelledby="{sid}">')
        body.append(f'<h2 id="{sid}">{escape(spec.number)}、{escape(spec.title)}</h2>')
        body.extend(paragraph(p) for p in prose(report.section(spec.number)))
        if spec.number == "二" and has_table2(report):
            body.append(table2_html(report, edition))
        elif spec.number == "三" and report.table3 is not None:
            body.append(table3_html(report, edition))
        elif spec.number == "四" and report.table4 is not None:
            body.append(table4_html(report))
        body.append("</section>")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(heading)}</title>\n<style>\n{style}\n</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )


def _th(text: str, id: str = "", scope: str = "", colspan: int = 1, rowspan: int = 1, headers: str = "") -> str:
    attrs = ""
    if id:
        attrs += f' id="{id}"'
    if scope:
        attrs += f' scope="{scope}"'
    if colspan > 1:
        attrs += f' colspan="{colspan}"'
    if rowspan > 1:
        attrs += f' rowspan="{rowspan}"'
    if headers:
        attrs += f' headers="{headers}"'
    return f"<th{attrs}>{escape(text)}</th>"


def _td(text: str, headers: str, colspan: int = 1) -> str:
    span = f' colspan="{colspan}"' if colspan > 1 else ""
    return f'<td headers="{headers}"{span}>{escape(text)}</td>'


def _table(key: str, rows: list[str], head_rows: int, cols: list[str]) -> str:
    """``cols``: one class per grid column (``label``/``l1``/``l2``/``l3``/``num``), for a
    style sheet that sets column widths (the PDF writer's fixed table layout)."""
    head, rest = rows[:head_rows], rows[head_rows:]
    parts = [f'<div class="scroll">\n<table id="table-{"一二三四".index(key) + 1}">', f"<caption>{escape(CAPTIONS[key])}</caption>"]
    parts.append("<colgroup>" + "".join(f'<col class="{c}">' for c in cols) + "</colgroup>")
    if head:
        parts += ["<thead>", *head, "</thead>"]
    parts += ["<tbody>", *rest, "</tbody>", "</table>\n</div>"]
    return "\n".join(parts)


def _tr(cells: list[str]) -> str:
    return "<tr>" + "".join(cells) + "</tr>"


# -- table 二 ------------------------------------------------------------------------------


def table2_html(report: Report, edition: Edition) -> str:
    width = max(len(r.columns) for r in edition.table2)  # value columns
    rows: list[str] = []
    n = 0
    for b, block in enumerate(t2_blocks(edition), start=1):
        bid = f"t2-b{b}"
        rows.append(_tr([_th(block.name, bid, "colgroup", colspan=width + 1)]))
        spans = _spans(len(block.columns), width)
        label_id = f"{bid}-l"
        heads = [_th(T2_LABEL, label_id, "col", headers=bid)]
        col_ids = []
        for c, (column, span) in enumerate(zip(block.columns, spans, strict=True), start=1):
            cid = f"{bid}-c{c}"
            col_ids.append(cid)
            heads.append(_th(t2_header(column), cid, "col", colspan=span, headers=bid))
        rows.append(_tr(heads))
        for row in block.rows:
            n += 1
            rid = f"t2-r{n}"
            cells = [_th(row.key, rid, "row", headers=f"{bid} {label_id}")]
            for value, cid, span in zip(t2_text(report, row), col_ids, spans, strict=True):
                cells.append(_td(value, f"{bid} {cid} {rid}", span))
            rows.append(_tr(cells))
    return _table("二", rows, 0, ["label"] + ["num"] * width)


def _spans(count: int, width: int) -> list[int]:
    """Columns of a block spread over the table's width: the last one takes what is left."""
    return [1] * (count - 1) + [width - count + 1]


# -- table 三 ------------------------------------------------------------------------------


def table3_html(report: Report, edition: Edition) -> str:
    assert report.table3 is not None
    columns = edition.table3_columns
    col_ids = [f"t3-c{c}" for c in range(len(columns))]
    head = [
        _tr([f'<td class="note" rowspan="3" colspan="3">{escape(T3_NOTE)}</td>',
             _th(T3_APPLICANTS, "t3-h", "colgroup", colspan=len(columns))]),
        _tr([_th(columns[0], col_ids[0], "col", rowspan=2, headers="t3-h"),
             _th(T3_ORGS, "t3-org", "colgroup", colspan=len(columns) - 2, headers="t3-h"),
             _th(columns[-1], col_ids[-1], "col", rowspan=2, headers="t3-h")]),
        _tr([_th(col, cid, "col", headers="t3-h t3-org") for col, cid in zip(columns[1:-1], col_ids[1:-1], strict=True)]),
    ]
    col_headers = ["t3-h " + cid if c in (0, len(columns) - 1) else "t3-h t3-org " + cid for c, cid in enumerate(col_ids)]

    # How many rows each level-1 and level-2 label spans.
    l1_span: dict[str, int] = {}
    l2_span: dict[str, int] = {}
    for spec in edition.table3:
        l1_span[spec.level1] = l1_span.get(spec.level1, 0) + 1
        if spec.level3:
            l2_span[spec.level2] = l2_span.get(spec.level2, 0) + 1
    l1_id = {name: f"t3-l1-{i}" for i, name in enumerate(l1_span, start=1)}
    l2_id = {name: f"t3-l2-{i}" for i, name in enumerate(l2_span, start=1)}

    body: list[str] = []
    seen: set[str] = set()
    for r, (spec, cells) in enumerate(zip(edition.table3, report.table3, strict=True)):
        rid = f"t3-r{r + 1}"
        out: list[str] = []
        if not spec.level2:
            out.append(_th(spec.level1, rid, "row", colspan=3))
            row_headers = rid
        else:
            if spec.level1 not in seen:
                seen.add(spec.level1)
                out.append(_th(spec.level1, l1_id[spec.level1], "rowgroup", rowspan=l1_span[spec.level1]))
            if not spec.level3:
                out.append(_th(spec.level2, rid, "row", colspan=2, headers=l1_id[spec.level1]))
                row_headers = f"{l1_id[spec.level1]} {rid}"
            else:
                if spec.level2 not in seen:
                    seen.add(spec.level2)
                    out.append(_th(spec.level2, l2_id[spec.level2], "rowgroup", rowspan=l2_span[spec.level2],
                                   headers=l1_id[spec.level1]))
                out.append(_th(spec.level3, rid, "row", headers=f"{l1_id[spec.level1]} {l2_id[spec.level2]}"))
                row_headers = f"{l1_id[spec.level1]} {l2_id[spec.level2]} {rid}"
        for cell, cols in zip(cells, col_headers, strict=True):
            out.append(_td(fmt(cell.value), f"{row_headers} {cols}"))
        body.append(_tr(out))
    return _table("三", head + body, 3, ["l1", "l2", "l3"] + ["num"] * len(columns))


# -- table 四 ------------------------------------------------------------------------------


def table4_html(report: Report) -> str:
    assert report.table4 is not None
    results = T4_RESULTS
    fy = [f"t4-fy-{i}" for i in range(5)]
    zj = [f"t4-zj-{i}" for i in range(5)]
    fh = [f"t4-fh-{i}" for i in range(5)]
    head = [
        _tr([_th(T4_RECONSIDERATION, "t4-fy", "colgroup", colspan=5),
             _th(T4_LITIGATION, "t4-ss", "colgroup", colspan=10)]),
        _tr([*(_th(name, i, "col", rowspan=2, headers="t4-fy") for name, i in zip(results, fy, strict=True)),
             _th(T4_DIRECT, "t4-zj", "colgroup", colspan=5, headers="t4-ss"),
             _th(T4_AFTER, "t4-fh", "colgroup", colspan=5, headers="t4-ss")]),
        _tr([*(_th(name, i, "col", headers="t4-ss t4-zj") for name, i in zip(results, zj, strict=True)),
             *(_th(name, i, "col", headers="t4-ss t4-fh") for name, i in zip(results, fh, strict=True))]),
    ]
    headers = [f"t4-fy {i}" for i in fy] + [f"t4-ss t4-zj {i}" for i in zj] + [f"t4-ss t4-fh {i}" for i in fh]
    row = _tr([_td(fmt(c.value), h) for c, h in zip(report.table4, headers, strict=True)])
    return _table("四", [*head, row], 3, ["num"] * len(headers))
