"""Each rule on a clean 2021 report (no finding) and on the same report with one defect."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.report import check, read_text
from gongkai.report.rules import RULES

CLEAN = (Path(__file__).parent / "fixtures" / "clean_2021.txt").read_text(encoding="utf-8")
R01 = "一、本年新收政府信息公开申请数量\t20\t3\t0\t1\t2\t0\t26"
R03 = "（一）予以公开\t8\t1\t0\t0\t1\t0\t10"
R25 = "四、结转下年度继续办理\t4\t1\t0\t1\t0\t0\t6"


def rules_of(text: str, previous: str | None = None) -> set[str]:
    prev = read_text(previous, "prev.txt") if previous else None
    return {f.rule for f in check(read_text(text, "x.txt"), prev)}


def test_clean_report_has_no_findings():
    assert rules_of(CLEAN) == set()


def _swap_sections(text: str) -> str:
    five = text.index("五、存在的主要问题及改进情况")
    six = text.index("六、其他需要报告的事项")
    return text[:five] + text[six:] + "\n" + text[five:six]


MUTATIONS = {
    "t3-balance": lambda t: t.replace(R25, R25.replace("\t4\t1", "\t5\t1").replace("\t6", "\t7")),
    "t3-subtotal": lambda t: t.replace(R03, "（一）予以公开\t9\t1\t0\t0\t1\t0\t11"),
    "t3-row-total": lambda t: t.replace("二、上年结转政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2", "二、上年结转政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t3"),
    "t4-total": lambda t: t.replace("2\t1\t0\t1\t4\t", "2\t1\t0\t1\t5\t"),
    "t2-valid-count": lambda t: t.replace("行政规范性文件\t13\t2\t40", "行政规范性文件\t13\t0\t5"),
    "cell-count": lambda t: t.replace(R03, R03 + "\t0\t3"),
    "cell-blank": lambda t: t.replace("规章\t0\t0\t0", "规章\t0\t\t0"),
    "cell-ambiguous": lambda t: t.replace("行政规范性文件\t13\t2\t40", "行政规范性文件13240"),
    "cell-recovered": lambda t: t.replace(R01, "一、本年新收政府信息公开申请数量203012026"),
    "number-invalid": lambda t: t.replace("行政处罚\t35", "行政处罚\t-3"),
    "year-mismatch": lambda t: t.replace("2021年，县政府办公室", "2020年，县政府办公室"),
    "section-missing": lambda t: t.replace("五、存在的主要问题及改进情况\n", ""),
    "section-order": _swap_sections,
    "heading-numbering": lambda t: t.replace("（一）主动公开。", "一、主动公开。"),
    "fee-statement-missing": lambda t: t.replace("本年度未收取信息处理费。", ""),
    "ordinal-sequence": lambda t: t.replace("二是依申请", "一是依申请"),
    "text-table-mismatch": lambda t: t.replace("收到政府信息公开申请26件", "收到政府信息公开申请30件"),
    "section-empty": lambda t: t[: t.index("六、其他需要报告的事项")] + "六、其他需要报告的事项\n\n无。\n",
    "table-missing": lambda t: t[: t.index("行政复议\t行政诉讼")] + t[t.index("全年发生政府信息公开行政复议"):],
}


@pytest.mark.parametrize("rule_id", sorted(MUTATIONS))
def test_rule_catches_its_defect(rule_id: str):
    bad = MUTATIONS[rule_id](CLEAN)
    assert bad != CLEAN, "the mutation must change the report"
    assert rule_id in rules_of(bad)


def test_every_rule_has_a_case():
    assert set(RULES) == set(MUTATIONS) | {"carryover-mismatch"}


def test_carryover_against_last_year():
    last_year_matching = CLEAN.replace(R25, "四、结转下年度继续办理\t2\t0\t0\t0\t0\t0\t2")
    assert "carryover-mismatch" not in rules_of(CLEAN, previous=last_year_matching)
    assert "carryover-mismatch" in rules_of(CLEAN, previous=CLEAN)


def test_glued_row_is_recovered_to_the_printed_numbers():
    report = read_text(MUTATIONS["cell-recovered"](CLEAN))
    assert report.table3_values()[0] == [20, 3, 0, 1, 2, 0, 26]
    assert report.table3[0][0].source is not None and report.table3[0][0].source.how


def test_glued_row_with_two_valid_splits_is_ambiguous_not_guessed():
    # The sums of the table cannot decide between splits when the other rows leave freedom.
    text = CLEAN.replace(R01, "一、本年新收政府信息公开申请数量203012026").replace(
        "二、上年结转政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2", "二、上年结转政府信息公开申请数量200000"
    )
    report = read_text(text)
    assert "cell-ambiguous" in {f.rule for f in check(report)}
    assert report.table3_values()[0] == [None] * 7


def test_blank_total_is_not_an_arithmetic_error():
    text = CLEAN.replace(R25, "四、结转下年度继续办理\t4\t1\t0\t1\t0\t0\t")
    found = rules_of(text)
    assert "cell-blank" in found
    assert not found & {"t3-balance", "t3-row-total", "t3-subtotal"}


def test_fee_received_counts_as_new_plus_carried_in():
    text = CLEAN.replace("收到政府信息公开申请26件", "受理政府信息公开申请28件")
    assert "text-table-mismatch" not in rules_of(text)


def test_other_figures_are_not_compared_with_tables():
    text = CLEAN.replace("全年主动公开政府信息1200条。", "全年制定政策性文件11件，主动公开信息1200件。")
    assert "text-table-mismatch" not in rules_of(text)
