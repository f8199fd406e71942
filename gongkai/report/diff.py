"""One agency's reports of two consecutive years compared cell by cell.

::

    from gongkai.report.diff import diff_reports
    d = diff_reports(report_2023, report_2024)
    d.changes            # every cell that differs: table, row, column, old, new, delta, relative
    d.carryover          # carryover-mismatch findings (this year's 上年结转 vs last year's 结转下年度)
    d.by_absolute[:10]   # what moved most, in counts
    d.by_relative[:10]   # … and relative to last year
    d.to_markdown(); d.to_html(); d.to_json(); d.to_text()

The two reports need not be of the same edition: table 三 is compared row by row where the
row means the same in both (the 2019 edition's single （六）其他处理 row against the sum of the
2021 edition's three), table 二 where both editions have the row and the column, table 四
always (it is the same in both).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape
from typing import Any

from .check import check
from .editions import Edition, T2Row
from .errors import DiffError
from .findings import Finding
from .merge import agency_key, exact, number, printed, same_agency
from .model import Cell, Number, Report

CARRYOVER_RULE = "carryover-mismatch"
TOP = 10


@dataclass(frozen=True, slots=True)
class Change:
    """One cell that differs between the two years."""

    table: str  # 二 / 三 / 四
    row: str
    column: str
    old: Number | None
    new: Number | None
    delta: Number | None  # new − old, exact; None when either side is blank
    relative: float | None  # delta / old; None when old is blank or 0
    money: bool = False  # an amount in 万元, not a count

    def where(self) -> str:
        return f"表{self.table} {self.row}「{self.column}」"

    def as_dict(self) -> dict[str, Any]:
        return {"table": self.table, "row": self.row, "column": self.column, "old": self.old, "new": self.new,
                "delta": self.delta, "relative": self.relative, "unit": "万元" if self.money else "件"}


@dataclass(frozen=True, slots=True)
class ReportDiff:
    agency: str
    old_agency: str
    new_agency: str
    old_year: int | None
    new_year: int | None
    old_edition: str
    new_edition: str
    old_source: str
    new_source: str
    compared: int  # cells compared
    changes: tuple[Change, ...]
    carryover: tuple[Finding, ...]
    carryover_checked: bool  # both reports have table 三
    by_absolute: tuple[Change, ...]  # what moved most in counts, largest change first
    by_relative: tuple[Change, ...]  # … relative to last year's figure, largest first
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def heading(self) -> str:
        return f"{self.agency}：{_year(self.old_year)} → {_year(self.new_year)} 政府信息公开工作年度报告对比"

    # -- renderings ---------------------------------------------------------------------------

    def as_dict(self) -> dict[str, Any]:
        return {
            "agency": self.agency,
            "old": {"agency": self.old_agency, "year": self.old_year, "format": self.old_edition, "source": self.old_source},
            "new": {"agency": self.new_agency, "year": self.new_year, "format": self.new_edition, "source": self.new_source},
            "warnings": list(self.warnings),
            "notes": list(self.notes),
            "compared": self.compared,
            "changes": [c.as_dict() for c in self.changes],
            "carryover": {"checked": self.carryover_checked, "findings": [f.as_dict() for f in self.carryover]},
            "moved_most": {
                "absolute": [c.as_dict() for c in self.by_absolute[:TOP]],
                "relative": [c.as_dict() for c in self.by_relative[:TOP]],
            },
        }

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=1) + "\n"

    def carryover_lines(self) -> list[str]:
        if not self.carryover_checked:
            return ["无法核对：有一份报告没有表三"]
        if not self.carryover:
            return ["一致：本年“上年结转”与上年报告“结转下年度继续办理”逐列相符（空格不比较）"]
        return [f.message for f in self.carryover]

    def summary_line(self) -> str:
        return f"共比较 {self.compared} 个单元格，{len(self.changes)} 个有变化"

    def to_text(self) -> str:
        out = [self.heading, f"旧：{self.old_source or '?'}（{self.old_edition} 版）  新：{self.new_source or '?'}（{self.new_edition} 版）"]
        out += [f"警告：{w}" for w in self.warnings] + [f"说明：{n}" for n in self.notes]
        out += ["", "上年结转核对", *(f"  {line}" for line in self.carryover_lines())]
        for title, changes in self._rankings():
            out += ["", title]
            out += [f"  {c.where()}  {_num(c.old)} → {_num(c.new)}  {_delta(c)}  {_rel(c)}" for c in changes] or ["  无"]
        out += ["", f"逐格变化（{self.summary_line()}）"]
        out += [f"  {c.where()}  {_num(c.old)} → {_num(c.new)}  {_delta(c)}  {_rel(c)}" for c in self.changes] or ["  无变化"]
        return "\n".join(out) + "\n"

    def to_markdown(self) -> str:
        out = [f"# {_md(self.heading)}", "",
               f"- 旧：{_md(self.old_source or '?')}（{self.old_edition} 版，{_md(self.old_agency)}）",
               f"- 新：{_md(self.new_source or '?')}（{self.new_edition} 版，{_md(self.new_agency)}）"]
        out += [f"- **警告**：{_md(w)}" for w in self.warnings] + [f"- 说明：{_md(n)}" for n in self.notes]
        out += ["", "## 上年结转核对", "", *(f"- {_md(line)}" for line in self.carryover_lines())]
        for title, changes in self._rankings():
            out += ["", f"## {title}", ""]
            out += _md_table(changes) if changes else ["无"]
        out += ["", "## 逐格变化", "", self.summary_line() + "。", ""]
        out += _md_table(self.changes) if self.changes else ["无变化"]
        return "\n".join(out) + "\n"

    def to_html(self) -> str:
        body = [f"<h1>{escape(self.heading)}</h1>", "<ul>",
                f"<li>旧：{escape(self.old_source or '?')}（{escape(self.old_edition)} 版，{escape(self.old_agency)}）</li>",
                f"<li>新：{escape(self.new_source or '?')}（{escape(self.new_edition)} 版，{escape(self.new_agency)}）</li>"]
        body += [f'<li class="warning"><strong>警告</strong>：{escape(w)}</li>' for w in self.warnings]
        body += [f"<li>说明：{escape(n)}</li>" for n in self.notes]
        body.append("</ul>")
        body += ['<section aria-labelledby="carryover">', '<h2 id="carryover">上年结转核对</h2>', "<ul>"]
        body += [f"<li>{escape(line)}</li>" for line in self.carryover_lines()]
        body += ["</ul>", "</section>"]
        for n, (title, changes) in enumerate(self._rankings(), start=1):
            sid = f"moved-{n}"
            body += [f'<section aria-labelledby="{sid}">', f'<h2 id="{sid}">{escape(title)}</h2>']
            body.append(_html_table(changes, title, f"r{n}") if changes else "<p>无</p>")
            body.append("</section>")
        body += ['<section aria-labelledby="all">', '<h2 id="all">逐格变化</h2>', f"<p>{escape(self.summary_line())}。</p>"]
        body.append(_html_table(self.changes, "逐格变化", "all") if self.changes else "<p>无变化</p>")
        body.append("</section>")
        return (
            "<!DOCTYPE html>\n"
            '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(self.heading)}</title>\n<style>\n{_STYLE}\n</style>\n</head>\n<body>\n<main>\n"
            + "\n".join(body)
            + "\n</main>\n</body>\n</html>\n"
        )

    def _rankings(self) -> list[tuple[str, Sequence[Change]]]:
        return [
            (f"变化最大（绝对值，前 {TOP} 项，不含金额）", self.by_absolute[:TOP]),
            (f"变化最大（相对上年，前 {TOP} 项）", self.by_relative[:TOP]),
        ]


# -- comparing -----------------------------------------------------------------------------


def diff_reports(old: Report, new: Report) -> ReportDiff:
    """Compare last year's report ``old`` with this year's ``new`` of the same agency."""
    if not same_agency(old.agency, new.agency):
        if old.agency.strip() and new.agency.strip():
            raise DiffError(f"两份报告不是同一机关：{old.agency} / {new.agency}",
                            f"the two reports are not of the same agency: {old.agency} / {new.agency}")
        if old.agency.strip() or new.agency.strip():
            raise DiffError(f"两份报告不是同一机关：{old.agency or '机关不明'} / {new.agency or '机关不明'}",
                            "one report names no agency")
    warnings: list[str] = []
    notes: list[str] = []
    if old.year is None or new.year is None:
        warnings.append(f"年度不明：{_year(old.year)} / {_year(new.year)}")
    elif new.year == old.year:
        warnings.append(f"两份报告是同一年度（{new.year} 年）")
    elif new.year < old.year:
        warnings.append(f"旧报告（{old.year} 年）晚于新报告（{new.year} 年），变化按“新减旧”计算")
    elif new.year != old.year + 1:
        warnings.append(f"两份报告的年度不相邻：{old.year} 年与 {new.year} 年")
    if agency_key(old.agency) != agency_key(new.agency):
        notes.append(f"机关名称写法不同，按同一机关比较：{old.agency} / {new.agency}")
    if old.edition != new.edition:
        notes.append(f"格式版本不同（{old.edition} 版 / {new.edition} 版）：表二只比较两版共有的行和列，"
                     "表三的（六）其他处理按合计比较")

    pairs: list[_Pair] = []
    for table, label, have_old, have_new in (
        ("二", "表二", bool(old.table2), bool(new.table2)),
        ("三", "表三", old.table3 is not None, new.table3 is not None),
        ("四", "表四", old.table4 is not None, new.table4 is not None),
    ):
        if not (have_old and have_new):
            which = "两份报告都" if not (have_old or have_new) else ("旧报告" if not have_old else "新报告")
            notes.append(f"{which}没有{label}，{label}未比较")
            continue
        if table == "二":
            pairs += _table2_pairs(old, new)
        elif table == "三":
            pairs += _table3_pairs(old, new)
        else:
            pairs += _table4_pairs(old, new)

    changes = tuple(c for c in (_change(*p) for p in pairs) if c is not None)
    carryover = tuple(f for f in check(new, previous=old, select={CARRYOVER_RULE}) if f.rule == CARRYOVER_RULE)
    return ReportDiff(
        agency=new.agency or old.agency,
        old_agency=old.agency,
        new_agency=new.agency,
        old_year=old.year,
        new_year=new.year,
        old_edition=old.edition,
        new_edition=new.edition,
        old_source=old.source,
        new_source=new.source,
        compared=len(pairs),
        changes=changes,
        carryover=carryover,
        carryover_checked=old.table3 is not None and new.table3 is not None,
        by_absolute=moved_absolute(changes),
        by_relative=moved_relative(changes),
        warnings=tuple(warnings),
        notes=tuple(notes),
    )


_Pair = tuple[str, str, str, Sequence[Cell | None], Sequence[Cell | None], bool]


def moved_absolute(changes: Iterable[Change]) -> tuple[Change, ...]:
    """Counts that changed, largest change first (amounts in 万元 are left out: another unit)."""
    moved = [c for c in changes if c.delta is not None and c.delta != 0 and not c.money]
    moved.sort(key=lambda c: (-abs(c.delta or 0), -abs(c.relative or 0)))
    return tuple(moved)


def moved_relative(changes: Iterable[Change]) -> tuple[Change, ...]:
    """Cells that changed relative to last year's figure, largest first (last year 0 or blank: left out)."""
    moved = [c for c in changes if c.relative is not None and c.relative != 0]
    moved.sort(key=lambda c: (-abs(c.relative or 0), -abs(c.delta or 0)))
    return tuple(moved)


def _change(table: str, row: str, column: str, old: Sequence[Cell | None], new: Sequence[Cell | None], money: bool) -> Change | None:
    """A change when the cells differ. ``old``/``new`` are cells to sum (one, or a group's rows)."""
    a, b = _total(old), _total(new)
    if a == b:
        return None
    if a is None or b is None:
        return Change(table, row, column, None if a is None else number(a), None if b is None else number(b), None, None, money)
    delta = b - a
    relative = None if a == 0 else round(float(delta / a), 4)
    return Change(table, row, column, number(a), number(b), number(delta), relative, money)


def _total(cells: Iterable[Cell | None]) -> Decimal | None:
    total = Decimal(0)
    for cell in cells:
        value = exact(cell)
        if value is None:
            return None
        total += value
    return total


def _t2_row(spec: Edition, row: T2Row) -> T2Row | None:
    names = {row.key, *row.aliases}
    return next((r for r in spec.table2 if r.key in names or names & set(r.aliases)), None)


def _t2_cols(report: Report, row: T2Row) -> dict[str, Cell]:
    for name in (row.key, *row.aliases):
        if name in report.table2:
            return report.table2[name]
    return {}


def _table2_pairs(old: Report, new: Report) -> list[_Pair]:
    out: list[_Pair] = []
    for row in new.spec.table2:
        old_row = _t2_row(old.spec, row)
        if old_row is None:
            continue
        before, after = _t2_cols(old, old_row), _t2_cols(new, row)
        for column, money in zip(row.columns, row.money, strict=True):
            if column in old_row.columns:
                out.append(("二", row.key, column, [before.get(column)], [after.get(column)], money))
    return out


def _table3_pairs(old: Report, new: Report) -> list[_Pair]:
    assert old.table3 is not None and new.table3 is not None
    columns = new.spec.table3_columns
    old_rows = {row.label: i for i, row in enumerate(old.spec.table3)}
    new_rows = {row.label: i for i, row in enumerate(new.spec.table3)}
    out: list[_Pair] = []
    # Rows of one edition with no row of the same meaning in the other, by group (（六）).
    old_left: dict[str, list[int]] = {}
    new_left: dict[str, list[int]] = {}
    for label, i in old_rows.items():
        if label not in new_rows:
            old_left.setdefault(old.spec.table3[i].level2, []).append(i)
    for i, row in enumerate(new.spec.table3):
        j = old_rows.get(row.label)
        if j is None:
            new_left.setdefault(row.level2, []).append(i)
            continue
        for c, column in enumerate(columns):
            out.append(("三", row.label, column, [old.table3[j][c]], [new.table3[i][c]], False))
    for group, new_idx in new_left.items():
        old_idx = old_left.get(group)
        if not old_idx or not group:
            continue
        for c, column in enumerate(columns):
            out.append(("三", f"{group}（合计）", column, [old.table3[j][c] for j in old_idx],
                        [new.table3[i][c] for i in new_idx], False))
    return out


def _table4_pairs(old: Report, new: Report) -> list[_Pair]:
    assert old.table4 is not None and new.table4 is not None
    out: list[_Pair] = []
    for c, name in enumerate(new.spec.table4_columns):
        block, _, result = name.rpartition("-")
        out.append(("四", block, result, [old.table4[c]], [new.table4[c]], False))
    return out


# -- formatting ----------------------------------------------------------------------------


def _year(year: int | None) -> str:
    return f"{year} 年" if year else "年度不明"


def _num(value: Number | None) -> str:
    return "空" if value is None else printed(value)


def _delta(c: Change) -> str:
    if c.delta is None:
        return "—"
    return ("+" if c.delta > 0 else "") + printed(c.delta)


def _rel(c: Change) -> str:
    if c.relative is None:
        return "—"
    return f"{c.relative * 100:+.1f}%"


HEAD = ("表", "行", "列", "旧", "新", "变化", "变化率")


def row_text(c: Change) -> tuple[str, ...]:
    """A change as the cells of a table row under ``HEAD`` (for a terminal, a page)."""
    return (c.table, c.row, c.column + ("（万元）" if c.money else ""), _num(c.old), _num(c.new), _delta(c), _rel(c))


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_").replace("\n", " ")


def _md_table(changes: Sequence[Change]) -> list[str]:
    lines = ["| " + " | ".join(HEAD) + " |", "|" + "|".join(("---",) * 3 + ("---:",) * 4) + "|"]
    lines += ["| " + " | ".join(_md(x) for x in row_text(c)) + " |" for c in changes]
    return lines


_STYLE = """
body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "SimSun", sans-serif;
  line-height: 1.6; color: #1a1a1a; background: #fff; max-width: 64rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; line-height: 1.4; }
h2 { font-size: 1.2rem; margin-top: 2rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; font-size: 0.95rem; }
caption { font-weight: bold; padding: 0.4rem; text-align: left; caption-side: top; }
th, td { border: 1px solid #333; padding: 0.25rem 0.4rem; vertical-align: top; }
th { background: #f0f0f0; text-align: left; font-weight: normal; }
thead th { font-weight: bold; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.up { color: #8a1c00; }
.down { color: #00582a; }
li.warning { color: #8a1c00; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; color: #000; }
  .scroll { overflow: visible; }
  .up, .down, li.warning { color: #000; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
}
""".strip()


def _html_table(changes: Sequence[Change], caption: str, prefix: str) -> str:
    """Changes as an accessible table: a caption, column headers with scope, each row headed."""
    head = "".join(f'<th scope="col" id="{prefix}-h{i}">{escape(h)}</th>' for i, h in enumerate(HEAD))
    body = []
    for n, c in enumerate(changes, start=1):
        cells = row_text(c)
        rid = f"{prefix}-r{n}"
        sign = "" if c.delta is None or c.delta == 0 else (' up' if c.delta > 0 else ' down')
        row = [f'<td headers="{prefix}-h0 {rid}">{escape(cells[0])}</td>',
               f'<th scope="row" id="{rid}" headers="{prefix}-h1">{escape(cells[1])}</th>',
               f'<td headers="{prefix}-h2 {rid}">{escape(cells[2])}</td>']
        for i in range(3, 7):
            cls = "n" + (sign if i >= 5 else "")
            row.append(f'<td class="{cls}" headers="{prefix}-h{i} {rid}">{escape(cells[i])}</td>')
        body.append("<tr>" + "".join(row) + "</tr>")
    return (f'<div class="scroll">\n<table>\n<caption>{escape(caption)}</caption>\n'
            f"<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>\n</div>")
