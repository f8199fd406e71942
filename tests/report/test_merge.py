"""Merging several agencies' reports of one year into one regional report."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.report import check, read_text
from gongkai.report.editions import EDITIONS
from gongkai.report.errors import MergeError, ReportError
from gongkai.report.findings import Severity
from gongkai.report.merge import agency_key, exact, merge, merge_reports, same_agency
from gongkai.report.model import Cell, Report, Section
from gongkai.report.serialize import dumps, loads
from gongkai.report.writers import write_text

from .strategies import AGENCIES, reports, table2, table3, table4
from .writers._reports import sample

ARITH = {"t3-balance", "t3-subtotal", "t3-row-total", "t4-total", "t2-valid-count"}
SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _with_t3_cell(report: Report, row: int, col: int, cell: Cell) -> Report:
    assert report.table3 is not None
    cells = list(report.table3[row])
    cells[col] = cell
    return replace(report, table3=(*report.table3[:row], tuple(cells), *report.table3[row + 1 :]))


def _with_money(report: Report, value: float, raw: str) -> Report:
    table2 = dict(report.table2)
    table2["行政事业性收费"] = {"本年收费金额": Cell(value, raw)}
    return replace(report, table2=table2)


# -- sums ----------------------------------------------------------------------------------


def test_tables_are_summed_cell_by_cell():
    a, b, c = sample(agency="甲局"), sample(agency="乙局"), sample(agency="丙局")
    b = _with_t3_cell(b, 2, 0, Cell(7))  # not consistent any more: only the sums matter here
    result = merge([a, b, c])
    merged = result.report
    for r, row in enumerate(merged.table3_values() or []):
        for col, value in enumerate(row):
            assert value == sum(x.t3(r, col) or 0 for x in (a, b, c))
    assert merged.table4_values() == [sum(x.t4(i) or 0 for x in (a, b, c)) for i in range(15)]
    for key, cols in merged.table2_values().items():
        for col, value in cols.items():
            parts = [x.table2[key][col].value for x in (a, b, c)]
            assert value == pytest.approx(sum(p or 0 for p in parts))
    assert result.blanks == () and result.duplicates == ()
    assert merged.year == 2023 and merged.edition == "2021"


def test_money_is_summed_exactly_from_the_printed_text():
    a = _with_money(sample(agency="甲局"), 0.1, "0.1")
    b = _with_money(sample(agency="乙局"), 0.2, "0.2")
    c = _with_money(sample(agency="丙局"), 1234.5, "1,234.5")  # printed with a thousands separator
    merged = merge_reports([a, b, c])
    cell = merged.table2["行政事业性收费"]["本年收费金额"]
    assert cell.value == 1234.8 and cell.raw == "1234.8"  # not 1234.8000000000002
    whole = merge_reports([_with_money(a, 0.25, "0.25"), _with_money(b, 0.75, "0.75")])
    total = whole.table2["行政事业性收费"]["本年收费金额"].value
    assert total == 1 and isinstance(total, int)
    small = merge_reports([_with_money(a, 0.00001, "0.00001"), _with_money(b, 0.00002, "0.00002")])
    assert small.table2["行政事业性收费"]["本年收费金额"].value == 0  # rounded to four decimals → whole


def test_exact_falls_back_on_the_value_when_the_text_disagrees():
    assert str(exact(Cell(7730.28, "7730.28"))) == "7730.28"
    assert str(exact(Cell(7730.28, "约7730万"))) == "7730.28"
    assert str(exact(Cell(12))) == "12"
    assert exact(Cell(None)) is None and exact(None) is None


def test_contributors_are_recorded_in_section_one_and_source():
    result = merge([sample(agency="甲局"), sample(agency="乙局")], agency="某某市")
    merged = result.report
    assert result.contributors == ("甲局", "乙局")
    assert merged.agency == "某某市" and merged.source == "merge:甲局,乙局"
    one = merged.section("一")
    assert one is not None and "甲局、乙局" in one.text and one.text.startswith("2023年")
    assert [s.number for s in merged.sections] == ["一", "二", "三", "四", "五", "六"]
    default = merge_reports([sample(agency="甲局"), sample(agency="乙局")])
    assert default.agency == "甲局等2个机关汇总"


def test_an_unnamed_report_is_named_by_its_file():
    result = merge([replace(sample(), agency="", source="x.txt"), sample(agency="乙局")])
    assert result.contributors == ("x.txt", "乙局")


# -- blanks ------------------------------------------------------------------------------


def test_a_cell_blank_in_any_contributor_stays_blank_and_is_listed():
    a = _with_t3_cell(sample(agency="甲局"), 3, 0, Cell(None))
    b = sample(agency="乙局")
    result = merge([a, b])
    assert result.report.t3(3, 0) is None  # never 0
    assert result.report.t3(3, 1) == a.t3(3, 1) + b.t3(3, 1)  # type: ignore[operator]
    (blank,) = result.blanks
    assert (blank.table, blank.column, blank.agencies) == ("三", "自然人", ("甲局",))
    assert blank.row == EDITIONS["2021"].table3[3].label
    assert "甲局" in blank.describe()
    assert any("留空" in w for w in result.warnings)
    # … and the merged report says so when checked, like any other blank cell
    assert [f.rule for f in check(result.report) if f.rule == "cell-blank"] == ["cell-blank"]


def test_a_missing_table_leaves_its_cells_blank():
    a = replace(sample(agency="甲局"), table4=None)
    result = merge([a, sample(agency="乙局")])
    assert result.report.table4_values() == [None] * 15
    assert {b.table for b in result.blanks} == {"四"} and len(result.blanks) == 15
    both = merge([a, replace(sample(agency="乙局"), table4=None)])
    assert both.report.table4 is None and both.blanks == ()


def test_a_missing_table2_row_leaves_its_cells_blank_and_aliases_are_followed():
    a = sample(agency="甲局")
    t2 = dict(a.table2)
    t2["规范性文件"] = t2.pop("行政规范性文件")  # the older label
    del t2["行政许可"]
    result = merge([replace(a, table2=t2), sample(agency="乙局")])
    values = result.report.table2_values()
    assert values["行政规范性文件"]["本年制发件数"] == 2 * a.table2["行政规范性文件"]["本年制发件数"].value  # type: ignore[operator]
    assert values["行政许可"]["本年处理决定数量"] is None
    assert [(b.row, b.agencies) for b in result.blanks] == [("行政许可", ("甲局",))]


# -- refusals and warnings -----------------------------------------------------------------


def test_mixed_years_are_refused():
    with pytest.raises(MergeError) as err:
        merge([sample(agency="甲局", year=2023), sample(agency="乙局", year=2024)])
    assert err.value.message == "不能合并不同年度的报告：2023（甲局）与 2024（乙局）"
    assert isinstance(err.value, ReportError)


def test_mixed_editions_are_refused():
    with pytest.raises(MergeError) as err:
        merge([sample("2019", 2020, "甲局"), sample("2021", 2020, "乙局")])
    assert err.value.message == "不能合并不同格式版本的报告：2019 版（甲局）与 2021 版（乙局）"


@pytest.mark.parametrize("count", [0, 1])
def test_fewer_than_two_reports_are_refused(count: int):
    with pytest.raises(MergeError, match="至少需要两份报告"):
        merge([sample()] * count)


def test_a_duplicated_agency_is_a_warning_not_an_error():
    a = sample(agency="洪泽区人民政府")
    b = sample(agency="某某县财政局")
    c = sample(agency="淮安市洪泽区人民政府")  # the same agency, named with its city
    result = merge([a, b, c, b])
    assert result.duplicates == (("洪泽区人民政府", (1, 3)), ("某某县财政局", (2, 4)))
    warnings = result.warnings
    assert any("洪泽区人民政府（第1、3份报告）" in w for w in warnings)
    assert result.report.t3(0, 6) == 4 * a.t3(0, 6)  # type: ignore[operator]  — still summed
    one = result.report.section("一")
    assert one is not None and "重复" in one.text


def test_2019_edition_merges():
    result = merge([sample("2019", 2020, "甲局"), sample("2019", 2020, "乙局")])
    assert result.report.edition == "2019" and len(result.report.table3 or ()) == 23
    assert not {f.rule for f in check(result.report)} & ARITH


# -- agency names --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("洪泽区人民政府", "淮安市洪泽区人民政府", True),
        ("淮安市洪泽区人民政府", "江苏省淮安市洪泽区人民政府", True),
        ("洪泽区 人民政府", "洪泽区人民政府", True),
        ("某某县财政局", "某某县财政局", True),
        ("人民政府", "洪泽区人民政府", False),  # the shorter name must start with a place
        ("区财政局", "洪泽区财政局", False),
        ("某某市市场监督管理局", "市场监督管理局", False),
        ("洪泽区人民政府", "洪泽区人民政府办公室", False),  # the office is another agency
        ("洪泽区人民政府", "淮阴区人民政府", False),
        ("", "", False),
    ],
)
def test_same_agency(a: str, b: str, same: bool):
    assert same_agency(a, b) is same
    assert same_agency(b, a) is same


def test_agency_key_folds_full_width_and_spaces():
    assert agency_key("某某县\u3000财政局 ") == agency_key("某某县财政局")
    assert agency_key("ＡＢ局") == "AB局"


# -- consistent in, consistent out -----------------------------------------------------


@st.composite
def _same_year(draw: st.DrawFn) -> list[Report]:
    """2–5 consistent reports of one year and one edition, by different agencies."""
    first = draw(reports())
    spec = first.spec
    names = draw(st.lists(st.sampled_from(AGENCIES), min_size=1, max_size=4, unique=True))
    out = [first]
    for name in names:
        if name == first.agency:
            continue
        out.append(replace(
            first,
            agency=name,
            title=f"{name}{first.year}年政府信息公开工作年度报告",
            sections=tuple(Section(s.number, s.number, s.title, 0, "……") for s in first.sections),
            table2=draw(table2(spec)),
            table3=draw(table3(spec)),
            table4=draw(table4()),
        ))
    if len(out) < 2:
        out.append(replace(out[0], agency="另一个局"))
    return out


@settings(SETTINGS, max_examples=60)
@given(_same_year())
def test_the_merge_of_consistent_reports_is_consistent(contributors: list[Report]) -> None:
    result = merge(contributors, agency="某某市")
    merged = result.report
    assert result.blanks == () and result.duplicates == ()
    serious = [f"{f.rule}: {f.message}" for f in check(merged) if f.severity in (Severity.ERROR, Severity.WARNING)]
    assert serious == []
    assert not {f.rule for f in check(merged)} & ARITH
    expected = [[sum(r.t3(i, c) or 0 for r in contributors) for c in range(7)] for i in range(len(merged.spec.table3))]
    assert merged.table3_values() == expected
    # the merged report is a report like any other: it round-trips and reads back
    assert loads(dumps(merged)).table3_values() == expected
    back = read_text(write_text(merged), "merged.txt")
    assert back.table3_values() == expected and back.table2_values() == merged.table2_values()


def test_merge_of_500_reports_is_fast():
    base = sample()
    many = [replace(base, agency=f"某某市第{i}区人民政府") for i in range(500)]
    merge(many)
    start = time.perf_counter()
    result = merge(many)
    elapsed = time.perf_counter() - start
    assert elapsed < 2.0, f"{elapsed:.2f} s"
    assert result.report.t3(0, 6) == 500 * base.t3(0, 6)  # type: ignore[operator]
