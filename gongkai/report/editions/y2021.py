"""国办公开办函〔2021〕30号: the revised national format, used from the 2021 reports on."""

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

_DOCS = ("本年制发件数", "本年废止件数", "现行有效件数")
_DECISIONS = ("本年处理决定数量",)

TABLE2 = (
    T2Row("规章", "第二十条第（一）项", _DOCS, (False, False, False)),
    T2Row("行政规范性文件", "第二十条第（一）项", _DOCS, (False, False, False), ("规范性文件",)),
    T2Row("行政许可", "第二十条第（五）项", _DECISIONS, (False,)),
    T2Row("行政处罚", "第二十条第（六）项", _DECISIONS, (False,)),
    T2Row("行政强制", "第二十条第（六）项", _DECISIONS, (False,)),
    T2Row("行政事业性收费", "第二十条第（八）项", ("本年收费金额",), (True,)),
)

OTHER_ROWS = (
    T3Row(
        "R21",
        "（六）1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        L1_RESULTS,
        G6,
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        ("逾期不补正", "不补正"),
        "（六）",
    ),
    T3Row(
        "R22",
        "（六）2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        L1_RESULTS,
        G6,
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        ("缴纳费用", "收费通知", "未按收费"),
        "（六）",
    ),
    T3Row("R23", "（六）3.其他", L1_RESULTS, G6, "3.其他", (), "（六）"),
)

EDITION = Edition(
    name="2021",
    document="国办公开办函〔2021〕30号",
    sections=SECTIONS,
    table2=TABLE2,
    table3=ROWS_BEFORE_OTHER + OTHER_ROWS + ROWS_AFTER_OTHER,
    table3_columns=TABLE3_COLUMNS,
    table4_columns=TABLE4_COLUMNS,
)
