"""Small hand-made reports for the writer tests."""

from __future__ import annotations

from gongkai.report.editions import EDITIONS
from gongkai.report.model import Cell, Report, Section


def sample(edition: str = "2021", year: int = 2023, agency: str = "某某市生态环境局") -> Report:
    """A consistent report with distinct numbers in every table."""
    spec = EDITIONS[edition]
    table2 = {}
    for i, row in enumerate(spec.table2):
        values = [round(1234.5678 + i, 4) if money else 10 * i + c for c, money in enumerate(row.money)]
        table2[row.key] = {col: Cell(v) for col, v in zip(row.columns, values, strict=True)}
    if edition == "2021":
        table2["规章"] = {"本年制发件数": Cell(2), "本年废止件数": Cell(1), "现行有效件数": Cell(9)}
    leaves = [[(r + c) % 4 for c in range(6)] for r in range(len(spec.outcome_rows))]
    done = [sum(row[c] for row in leaves) for c in range(6)]
    carried_out = [1, 0, 0, 0, 0, 2]
    carried_in = [2, 1, 0, 0, 0, 0]
    new = [done[c] + carried_out[c] - carried_in[c] for c in range(6)]
    table3 = tuple(tuple(Cell(v) for v in (*row, sum(row))) for row in (new, carried_in, *leaves, done, carried_out))
    table4 = tuple(Cell(v) for v in (3, 1, 0, 1, 5, 2, 0, 0, 0, 2, 0, 1, 1, 0, 2))
    texts = {
        "一": f"{year}年，{agency}认真贯彻落实《中华人民共和国政府信息公开条例》。\n全年持续推进政务公开工作。",
        "二": "本年度主动公开各类政府信息。",
        "三": f"全年共收到政府信息公开申请{table3[0][-1].value}件。",
        "四": "本年度行政复议、行政诉讼情况如下。",
        "五": "一是政策解读形式较为单一；二是基层政务公开仍需加强。",
        "六": "本年度未收取信息处理费。",
    }
    return Report(
        agency=agency,
        year=year,
        edition=edition,
        title=f"{agency}{year}年政府信息公开工作年度报告",
        sections=tuple(Section(s.number, s.number, s.title, 0, texts[s.number]) for s in spec.sections),
        table2=table2,
        table3=table3,
        table4=table4,
        period_years=(year,),
    )


def numbers(report: Report) -> tuple:
    return (
        report.agency,
        report.year,
        report.edition,
        report.table2_values(),
        report.table3_values(),
        report.table4_values(),
    )
