"""Comparing one agency's reports of two consecutive years."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import html as lxml_html

from gongkai.report import read_path
from gongkai.report.diff import ReportDiff, diff_reports
from gongkai.report.errors import DiffError, ReportError
from gongkai.report.model import Cell, Report

from ..conftest import CORPUS
from .writers._reports import sample

PEERS = CORPUS / "peers" / "kirogovcompare"
HZQ_2023 = PEERS / "hzq2023_working.pdf"
HZQ_2024 = PEERS / "hzq2024_working.pdf"


def _t3(report: Report, row: int, col: int, value: int | None) -> Report:
    assert report.table3 is not None
    cells = list(report.table3[row])
    cells[col] = Cell(value)
    return replace(report, table3=(*report.table3[:row], tuple(cells), *report.table3[row + 1 :]))


def _t2(report: Report, row: str, col: str, value: float | int, raw: str = "") -> Report:
    table2 = {k: dict(v) for k, v in report.table2.items()}
    table2[row][col] = Cell(value, raw)
    return replace(report, table2=table2)


@pytest.fixture(scope="module")
def hzq() -> ReportDiff:
    if not (HZQ_2023.exists() and HZQ_2024.exists()):
        pytest.skip("shared corpus not present")
    return diff_reports(read_path(HZQ_2023), read_path(HZQ_2024))


# -- the corpus pair ---------------------------------------------------------------------


def test_hzq_names_differ_but_are_the_same_agency(hzq: ReportDiff):
    assert (hzq.old_agency, hzq.new_agency) == ("洪泽区人民政府", "淮安市洪泽区人民政府")
    assert hzq.agency == "淮安市洪泽区人民政府"
    assert hzq.warnings == ()  # 2023 → 2024: consecutive
    assert any("机关名称写法不同" in n for n in hzq.notes)


def test_hzq_cells(hzq: ReportDiff):
    assert hzq.compared == 6 + 3 + 25 * 7 + 15 + 1  # table 二 has 10 cells in 2021: 3+3+1+1+1+1
    by_place = {(c.table, c.row, c.column): c for c in hzq.changes}
    permit = by_place["二", "行政许可", "本年处理决定数量"]
    assert (permit.old, permit.new, permit.delta) == (550, 9487, 8937)
    assert permit.relative == pytest.approx(16.2491, abs=1e-4)
    fee = by_place["二", "行政事业性收费", "本年收费金额"]
    assert (fee.old, fee.new, fee.delta, fee.money) == (7730.28, 7545, -185.28, True)  # exact, no float noise
    new = by_place["三", "一、本年新收政府信息公开申请数量", "总计"]
    assert (new.old, new.new, new.delta) == (21, 95, 74)
    opened = by_place["三", "（一）予以公开", "自然人"]
    assert (opened.old, opened.new, opened.relative) == (0, 50, None)  # from 0: no ratio
    assert by_place["四", "行政复议", "结果维持"].delta == -9
    # the blank （六） rows are blank in both years: not a change
    assert not any(c.row.startswith("（六）") for c in hzq.changes)
    assert all(c.old != c.new for c in hzq.changes)


def test_hzq_carryover_agrees(hzq: ReportDiff):
    assert hzq.carryover_checked and hzq.carryover == ()
    assert hzq.carryover_lines()[0].startswith("一致")


def test_hzq_what_moved_most(hzq: ReportDiff):
    top = hzq.by_absolute
    assert (top[0].row, top[0].delta) == ("行政许可", 8937)
    assert (top[1].row, top[1].delta) == ("行政处罚", -1343)
    assert [abs(c.delta or 0) for c in top] == sorted((abs(c.delta or 0) for c in top), reverse=True)
    assert not any(c.money for c in top)  # 万元 is another unit
    rel = hzq.by_relative
    assert rel[0].row == "行政许可"
    assert [abs(c.relative or 0) for c in rel] == sorted((abs(c.relative or 0) for c in rel), reverse=True)
    assert all(c.relative is not None for c in rel)


def test_hzq_renderings(hzq: ReportDiff):
    text = hzq.to_text()
    assert "550 → 9487  +8937  +1624.9%" in text
    md = hzq.to_markdown()
    assert md.startswith("# 淮安市洪泽区人民政府：2023 年 → 2024 年")
    assert "| 二 | 行政许可 | 本年处理决定数量 | 550 | 9487 | +8937 | +1624.9% |" in md
    assert "| 二 | 行政事业性收费 | 本年收费金额（万元） | 7730.28 | 7545 | -185.28 | -2.4% |" in md
    data = json.loads(hzq.to_json())
    assert data["old"]["year"] == 2023 and data["new"]["agency"] == "淮安市洪泽区人民政府"
    assert data["carryover"] == {"checked": True, "findings": []}
    assert data["moved_most"]["absolute"][0]["delta"] == 8937
    assert len(data["changes"]) == len(hzq.changes)


def test_hzq_html_is_self_contained_and_accessible(hzq: ReportDiff):
    page = hzq.to_html()
    doc = lxml_html.fromstring(page.encode("utf-8"))
    assert doc.get("lang") == "zh-CN"
    assert not doc.xpath("//script | //link | //img | //iframe")
    tables = doc.xpath("//table")
    assert len(tables) == 3
    for table in tables:
        assert table.xpath("./caption")
        assert all(th.get("scope") in ("col", "row") for th in table.xpath(".//th"))
        ids = set(table.xpath(".//th/@id"))
        for cell in table.xpath(".//td"):
            assert set(cell.get("headers").split()) <= ids
    assert "+8937" in page


# -- hand-made pairs -----------------------------------------------------------------------


def test_different_agencies_are_refused():
    with pytest.raises(DiffError) as err:
        diff_reports(sample(agency="甲局", year=2023), sample(agency="乙局", year=2024))
    assert err.value.message == "两份报告不是同一机关：甲局 / 乙局"
    assert isinstance(err.value, ReportError)


def test_non_consecutive_years_are_a_warning():
    d = diff_reports(sample(year=2021), sample(year=2024))
    assert d.warnings == ("两份报告的年度不相邻：2021 年与 2024 年",)
    assert d.changes == ()
    same = diff_reports(sample(year=2024), sample(year=2024))
    assert "同一年度" in same.warnings[0]
    backwards = diff_reports(sample(year=2024), sample(year=2023))
    assert "晚于" in backwards.warnings[0]


def test_identical_reports_have_no_changes():
    d = diff_reports(sample(year=2023), sample(year=2024))
    assert d.changes == () and d.by_absolute == () and d.by_relative == ()
    assert "无变化" in d.to_text() and "无变化" in d.to_markdown() and "无变化" in d.to_html()


def test_carryover_mismatch_comes_from_the_rule():
    new = sample(year=2024)
    assert new.table3 is not None
    old = sample(year=2023)
    old = replace(old, table3=(*old.table3[:-1], new.table3[1]))  # last year's 结转 = this year's 上年结转
    assert diff_reports(old, new).carryover == ()
    new = _t3(new, 1, 0, 9)  # 上年结转 自然人 now 9
    d = diff_reports(old, new)
    assert [f.rule for f in d.carryover] == ["carryover-mismatch"]
    assert "「自然人」列" in d.carryover[0].message
    assert d.carryover_lines() == [d.carryover[0].message]
    assert "carryover-mismatch" in d.to_json()


def test_blank_cells_change_without_a_delta():
    old = _t3(sample(year=2023), 3, 0, None)
    d = diff_reports(old, sample(year=2024))
    (change,) = d.changes
    assert change.old is None and change.new is not None and change.delta is None and change.relative is None
    assert change not in d.by_absolute and change not in d.by_relative
    assert "空 →" in d.to_text()


def test_money_deltas_are_exact():
    old = _t2(sample(year=2023), "行政事业性收费", "本年收费金额", 0.1, "0.1")
    new = _t2(sample(year=2024), "行政事业性收费", "本年收费金额", 0.3, "0.3")
    (change,) = diff_reports(old, new).changes
    assert change.delta == 0.2 and change.relative == 2.0


def test_editions_differ_table3_by_meaning_and_table2_by_common_labels():
    old = sample("2019", 2020)
    new = sample("2021", 2021)
    d = diff_reports(old, new)
    assert any("格式版本不同" in n for n in d.notes)
    rows = {c.row for c in d.changes if c.table == "三"}
    # the 2019 single （六）其他处理 row is compared with the sum of the 2021 three
    groups = [c for c in d.changes if c.row == "（六）其他处理（合计）"]
    old_sum = old.t3(20, 0)
    new_sum = sum(new.t3(i, 0) or 0 for i in (20, 21, 22))
    natural = next(c for c in groups if c.column == "自然人")
    assert (natural.old, natural.new) == (old_sum, new_sum) == (2, 5)
    assert not any(r.startswith("（六）1.") for r in rows)
    # table 二: the two editions share no (row, column) label, so nothing is compared there
    assert not any(c.table == "二" for c in d.changes)
    assert d.compared == 23 * 7 - 7 + 7 + 15  # same rows by label, （六） as one group, table 四


def test_a_missing_table_is_noted_not_compared():
    d = diff_reports(replace(sample(year=2023), table4=None), sample(year=2024))
    assert any("旧报告没有表四" in n for n in d.notes)
    assert not any(c.table == "四" for c in d.changes)
    d3 = diff_reports(sample(year=2023), replace(sample(year=2024), table3=None))
    assert not d3.carryover_checked and d3.carryover_lines()[0].startswith("无法核对")


def test_markdown_escapes_table_syntax():
    old = sample(year=2023, agency="甲|局")
    d = diff_reports(old, _t3(sample(year=2024, agency="甲|局"), 0, 0, 99))
    assert "甲\\|局" in d.to_markdown()


def test_files_on_disk_may_be_json(tmp_path: Path):
    from gongkai.report.serialize import dumps

    path = tmp_path / "old.json"
    path.write_text(dumps(sample(year=2023)), encoding="utf-8")
    assert diff_reports(read_path(path), sample(year=2024)).changes == ()
