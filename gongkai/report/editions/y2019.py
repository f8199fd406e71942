"""国办公开办函〔2019〕60号: the trial format, used for the 2019 and 2020 reports."""

from __future__ import annotations

from .base import Edition, T2Row, T3Row
from .common import (
    G6,
    L1_RESULTS,
    ROWS_AFTER_OTHER,
    ROWS_BEFORE_OTHER,
    SECTIONS,
    TABLE3_COLUMNS,
    TABLE4_COLUMNS,
)

_DOCS = ("本年新制作数量", "本年新公开数量", "对外公开总数量")
_ITEMS = ("上一年项目数量", "本年增/减", "处理决定数量")

TABLE2 = (
    T2Row("规章", "第二十条第（一）项", _DOCS, (False, False, False)),
    T2Row("规范性文件", "第二十条第（一）项", _DOCS, (False, False, False), ("行政规范性文件",)),
    T2Row("行政许可", "第二十条第（五）项", _ITEMS, (False, False, False)),
    T2Row("其他对外管理服务事项", "第二十条第（五）项", _ITEMS, (False, False, False)),
    T2Row("行政处罚", "第二十条第（六）项", _ITEMS, (False, False, False)),
    T2Row("行政强制", "第二十条第（六）项", _ITEMS, (False, False, False)),
    T2Row("行政事业性收费", "第二十条第（八）项", _ITEMS[:2], (False, False)),
    T2Row("政府集中采购", "第二十条第（九）项", ("采购项目数量", "采购总金额"), (False, True)),
)

EDITION = Edition(
    name="2019",
    document="国办公开办函〔2019〕60号",
    sections=SECTIONS,
    table2=TABLE2,
    table3=ROWS_BEFORE_OTHER
    + (T3Row("R21", G6, L1_RESULTS, G6, "", ("其他处理",)),)
    + ROWS_AFTER_OTHER,
    table3_columns=TABLE3_COLUMNS,
    table4_columns=TABLE4_COLUMNS,
)
