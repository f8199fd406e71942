"""What both writers share: number formatting, the prose of a section, table 二's blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..editions import Edition, T2Row
from ..model import Cell, Number, Report, Section

STATEMENT = "本报告所列数据统计期限自{year}年1月1日至{year}年12月31日。"
CAPTIONS = {
    "二": "表二：主动公开政府信息情况统计表",
    "三": "表三：收到和处理政府信息公开申请情况统计表",
    "四": "表四：政府信息公开行政复议、行政诉讼情况统计表",
}
T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_APPLICANTS = "申请人情况"
T3_ORGS = "法人或其他组织"
T4_RESULTS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
T4_RECONSIDERATION = "行政复议"
T4_LITIGATION = "行政诉讼"
T4_DIRECT = "未经复议直接起诉"
T4_AFTER = "复议后起诉"
T2_LABEL = "信息内容"
# Table 二's money column is printed with its unit, as in the national template.
T2_MONEY_HEADERS = {"本年收费金额": "本年收费金额（单位：万元）"}


def fmt(value: Number | None, money: bool = False) -> str:
    """A cell as printed: ints plain, amounts with up to 4 decimals, blank as ""."""
    if value is None:
        return ""
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, int):
        return str(value)
    if value != value or value in (float("inf"), float("-inf")):  # NaN / infinity
        return ""
    if value.is_integer() and not money:
        return str(int(value))
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def title(report: Report) -> str:
    if report.agency and report.year:
        return f"{report.agency}{report.year}年政府信息公开工作年度报告"
    if report.title:
        return report.title
    year = f"{report.year}年" if report.year else ""
    return f"{report.agency}{year}政府信息公开工作年度报告"


def period(report: Report) -> str:
    return STATEMENT.format(year=report.year) if report.year else ""


# -- prose --------------------------------------------------------------------------------

_SPACES = re.compile(r"[ \t\u3000\u00a0]{2,}|\t")


def prose(section: Section | None) -> list[str]:
    """A section's paragraphs, one line each."""
    if section is None:
        return []
    out = []
    for paragraph in section.text.splitlines():
        paragraph = _SPACES.sub(" ", paragraph).strip()
        if paragraph:
            out.append(paragraph)
    return out


# -- table 二 ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class T2Block:
    name: str  # 第二十条第（一）项
    columns: tuple[str, ...]
    rows: tuple[T2Row, ...]


def t2_blocks(edition: Edition) -> list[T2Block]:
    blocks: list[T2Block] = []
    for row in edition.table2:
        if blocks and blocks[-1].name == row.block and blocks[-1].columns == row.columns:
            last = blocks[-1]
            blocks[-1] = T2Block(last.name, last.columns, (*last.rows, row))
        else:
            blocks.append(T2Block(row.block, row.columns, (row,)))
    return blocks


def t2_header(column: str) -> str:
    return T2_MONEY_HEADERS.get(column, column)


def t2_cells(report: Report, row: T2Row) -> list[Cell | None]:
    cols = report.table2.get(row.key)
    if cols is None:
        cols = next((report.table2[a] for a in row.aliases if a in report.table2), {})
    return [cols.get(c) for c in row.columns]


def t2_text(report: Report, row: T2Row) -> list[str]:
    return [fmt(c.value if c is not None else None, m) for c, m in zip(t2_cells(report, row), row.money, strict=True)]


def has_table2(report: Report) -> bool:
    return bool(report.table2)
