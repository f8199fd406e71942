"""Applicant types and outcomes as the columns and rows of table 三 (2021 format).

Plain Python: the labels come from the report engine's edition data, so the platform, the
report it builds and the checker can never disagree on a row."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.report.editions.y2021 import EDITION

# Table 三 columns, in order; 总计 is their sum.
APPLICANT_TYPES: tuple[tuple[str, str], ...] = (
    ("natural", "自然人"),
    ("commercial", "商业企业"),
    ("research", "科研机构"),
    ("welfare", "社会公益组织"),
    ("legal", "法律服务机构"),
    ("other", "其他"),
)
COLUMN_OF_TYPE = {key: EDITION.table3_columns[i] for i, (key, _) in enumerate(APPLICANT_TYPES)}

REG = "《中华人民共和国政府信息公开条例》"


@dataclass(frozen=True)
class Outcome:
    row: str  # R03 … R23, the table-三 row it counts in
    label: str  # the official row label
    basis: str  # the article the answer letter cites
    discloses: bool = False


_BASIS = {
    "R03": "第三十六条第（一）项、第（二）项",
    "R04": "第三十七条",
    "R05": "第十四条",
    "R06": "第十四条",
    "R07": "第十四条",
    "R08": "第十五条、第三十二条",
    "R09": "第十六条第一款",
    "R10": "第十六条第二款",
    "R11": "第十六条第二款",
    "R12": "第三十六条第（七）项",
    "R13": "第三十六条第（四）项",
    "R14": "第三十八条",
    "R15": "第三十条",
    "R16": "第三十九条第一款",
    "R17": "第三十六条第（六）项",
    "R18": "第三十九条第二款",
    "R19": "第三十五条",
    "R20": "第三十六条",
    "R21": "第三十条",
    "R22": "第四十二条；《政府信息公开信息处理费管理办法》",
    "R23": "",
}

OUTCOMES: dict[str, Outcome] = {
    row.key: Outcome(row.key, row.label, f"{REG}{_BASIS[row.key]}" if _BASIS[row.key] else REG,
                     discloses=row.key in {"R03", "R04"})
    for row in EDITION.table3 if row.key in _BASIS
}
OUTCOME_CHOICES = [(o.row, o.label) for o in OUTCOMES.values()]
# Outcomes the workflow reaches by itself, not chosen in the answer form.
LAPSE_OUTCOMES = {"R21", "R22"}
