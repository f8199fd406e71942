"""The building blocks of ``audit.html``: tables and SVG charts, escaped, with no script.

``html_table`` writes an accessible table (caption, column headers, row headers, numbers
right-aligned); ``show`` formats a value for it. ``bar_chart`` and ``stacked_chart`` draw inline
SVG with a title and a description for screen readers, and always put their data beneath as a
table, so that nothing is shown only as a picture. They know nothing of the audit itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from html import escape
from typing import Any

from ..model import Number

_PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#999999")
_NUM = ' class="n"'


class Markup(str):
    """Markup already escaped."""


def html_table(caption: str, head: Sequence[str], rows: Iterable[Sequence[Any]], numeric: Sequence[int] = (),
               row_header: bool = True) -> str:
    """A table with a caption, column headers (scope=col) and the first cell a row header."""
    out = [f"<table><caption>{escape(caption)}</caption><thead><tr>"]
    out += [f'<th scope="col"{_NUM if i in numeric else ""}>{escape(h)}</th>' for i, h in enumerate(head)]
    out.append("</tr></thead><tbody>")
    # The cell tags by column, made once: a table of the audit page has up to thousands of rows.
    opens = [f'<th scope="row"{_NUM if i in numeric else ""}>' if i == 0 and row_header else
             f"<td{_NUM if i in numeric else ''}>" for i in range(len(head))]
    closes = ["</th>" if i == 0 and row_header else "</td>" for i in range(len(head))]
    for row in rows:
        out.append("<tr>")
        for i, value in enumerate(row):
            if i >= len(opens):  # a row longer than the head
                opens.append(f"<td{_NUM if i in numeric else ''}>")
                closes.append("</td>")
            out += (opens[i], _cell(value), closes[i])
        out.append("</tr>")
    out.append("</tbody></table>\n")
    return "".join(out)


_SPECIAL = re.compile("[&<>\"']").search


def _cell(value: Any) -> str:
    """``escape(show(value))``, without escaping what has nothing to escape."""
    if isinstance(value, Markup):
        return value
    if type(value) is int:
        return f"{value:,}"
    text = show(value)
    return escape(text) if _SPECIAL(text) else text


def show(value: Any) -> str:
    """A value as a table cell or chart label shows it: thousands separated, blank as —."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def bar_chart(chart_id: str, title: str, desc: str, labels: Sequence[str],
              series: Sequence[tuple[str, Sequence[Number | None]]]) -> str:
    """A horizontal (grouped) bar chart as inline SVG, with its data as a table beneath."""
    bar, gap, left, width = 16, 10, 230, 760
    plot = width - left - 70
    top = 30 if len(series) > 1 else 8
    group = bar * len(series) + gap
    height = top + group * len(labels) + 8
    peak = max((v or 0 for _, values in series for v in values), default=0) or 1
    body: list[str] = []
    if len(series) > 1:
        x = left
        for s, (name, _) in enumerate(series):
            body.append(f'<rect x="{x}" y="8" width="12" height="12" fill="{_PALETTE[s]}" />'
                        f'<text x="{x + 16}" y="19" font-size="12">{escape(name)}</text>')
            x += 24 + 14 * len(name)
    for i, label in enumerate(labels):
        y = top + i * group
        short = label if len(label) <= 15 else label[:14] + "…"
        body.append(f'<text x="{left - 8}" y="{y + group / 2 + 1:.0f}" font-size="12" text-anchor="end">'
                    f"<title>{escape(label)}</title>{escape(short)}</text>")
        for s, (name, values) in enumerate(series):
            v = values[i]
            w = 0 if not v else max(1.0, plot * v / peak)
            by = y + s * bar
            body.append(f'<rect x="{left}" y="{by}" width="{w:.1f}" height="{bar - 2}" fill="{_PALETTE[s % len(_PALETTE)]}">'
                        f"<title>{escape(label)} {escape(name)}：{show(v)}</title></rect>"
                        f'<text x="{left + w + 4:.1f}" y="{by + bar - 4}" font-size="11">{show(v)}</text>')
    svg = _svg(chart_id, title, desc, width, height, body)
    table = html_table(f"{title}（数据表）", ("项目", *(n for n, _ in series)),
                       ((label, *(values[i] for _, values in series)) for i, label in enumerate(labels)),
                       numeric=tuple(range(1, len(series) + 1)))
    return _figure(svg, title, table)


def stacked_chart(chart_id: str, title: str, desc: str, parts: Sequence[str],
                  rows: Sequence[tuple[str, Sequence[Number]]]) -> str:
    """One 100 % bar per row, a segment per part, as inline SVG with a data table beneath."""
    left, width, bar = 90, 760, 22
    plot = width - left - 20
    top = 34
    height = top + (bar + 10) * len(rows) + 4
    body: list[str] = []
    x = left
    for p, name in enumerate(parts):
        body.append(f'<rect x="{x}" y="8" width="12" height="12" fill="{_PALETTE[p]}" />'
                    f'<text x="{x + 16}" y="19" font-size="12">{escape(name)}</text>')
        x += 30 + 13 * len(name)
    for i, (label, values) in enumerate(rows):
        y = top + i * (bar + 10)
        total = sum(values) or 1
        body.append(f'<text x="{left - 8}" y="{y + bar - 6}" font-size="12" text-anchor="end">{escape(label)}</text>')
        x0 = float(left)
        for p, v in enumerate(values):
            w = plot * v / total
            if w > 0:
                body.append(f'<rect x="{x0:.1f}" y="{y}" width="{w:.1f}" height="{bar}" fill="{_PALETTE[p]}">'
                            f"<title>{escape(label)} {escape(parts[p])}：{show(v)}（{v / total:.1%}）</title></rect>")
            x0 += w
    svg = _svg(chart_id, title, desc, width, height, body)
    table_rows = []
    for label, values in rows:
        total = sum(values) or 1
        table_rows.append((label, *(Markup(f"{show(v)}（{v / total:.1%}）") for v in values), sum(values)))
    table = html_table(f"{title}（数据表）", ("年度", *parts, "合计"), table_rows, numeric=tuple(range(1, len(parts) + 2)))
    return _figure(svg, title, table)


def _svg(chart_id: str, title: str, desc: str, width: int, height: int, body: Sequence[str]) -> str:
    return (f'<svg role="img" aria-labelledby="{chart_id}-t {chart_id}-d" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}"><title id="{chart_id}-t">{escape(title)}</title>'
            f'<desc id="{chart_id}-d">{escape(desc)}</desc>' + "".join(body) + "</svg>")


def _figure(svg: str, title: str, table: str) -> str:
    return (f"<figure><figcaption>{escape(title)}</figcaption>{svg}"
            f"<details><summary>数据表</summary>{table}</details></figure>\n")
