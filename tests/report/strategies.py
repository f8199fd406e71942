"""Hypothesis strategies: whole annual reports whose numbers and text are consistent.

``reports()`` draws a ``Report`` that passes every arithmetic and text rule: the year in the
title, the statistics period and the opening of 一、总体情况 agree; section 六 states the
信息处理费; table 三 balances in every column and row; table 四's totals add up; table 二's
counts are possible; counts quoted in the prose equal the tables.
"""

from __future__ import annotations

from hypothesis import strategies as st

from gongkai.report.editions import EDITIONS, Edition
from gongkai.report.model import Cell, Report, Section

AGENCIES = (
    "鲁山县人民政府办公室",
    "某某县人民政府办公室",
    "某某市生态环境局",
    "淮安市人民政府",
    "洪泽区人民政府",
    "某某市自然资源和规划局",
    "某某县财政局",
    "某某市市场监督管理局",
    "某某区住房和城乡建设局",
    "某某镇人民政府",
    "某某街道办事处",
    "某某市交通运输局",
    "某某省教育厅",
    "某某县卫生健康委员会",
    "某某市公安局某某分局",
    "某某区人力资源和社会保障局",
)

OVERVIEW = (
    "坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，持续深化政务公开。",
    "主动公开方面，围绕重点领域及时发布政策文件、规划计划和财政信息，并同步做好政策解读。",
    "依申请公开方面，严格按照法定程序和时限办理，规范答复文书格式，做到依法答复、应答尽答。",
    "政府信息管理方面，落实公开属性源头认定机制，严格执行保密审查，动态调整主动公开基本目录。",
    "平台建设方面，进一步优化政府门户网站信息公开专栏，加强政务新媒体管理，提升网站可用性和无障碍水平。",
    "监督保障方面，将政务公开纳入年度绩效考核，开展社会评议，全年未发生责任追究情况。",
)
PROACTIVE = (
    "本年度通过政府门户网站主动公开各类政府信息，及时更新机构职能、政策文件和财政预决算信息。",
    "围绕群众关切，做好重要政策的解读和回应工作，确保公开内容准确、完整、及时。",
    "",
)
PROBLEMS = (
    "一是政策解读形式较为单一，图解、视频等解读方式运用不够；二是基层政务公开标准化规范化建设仍需深化；三是工作人员业务能力有待提升。",
    "存在的问题主要是部分栏目信息更新不够及时，公开内容的针对性还需加强。下一步将加强培训，完善工作机制，推动政务公开工作提质增效。",
    "针对上一年度发现的问题，已完善信息发布审核流程。下一步，将继续加强政策解读和回应关切，提高公开质量。",
)
OTHER = (
    "本年度无其他需要报告的事项。",
    "认真落实年度政务公开工作要点，按时办理人大代表建议和政协提案，并公开办理结果。",
    "积极推进基层政务公开标准化规范化工作，完善公开事项目录。",
)
FEES = (
    "本年度未收取信息处理费。",
    "本年度依据《政府信息公开信息处理费管理办法》共收取信息处理费{fee}元。",
)


def _count() -> st.SearchStrategy[int]:
    """Mostly zeros and small counts, sometimes hundreds (as in real tables)."""
    return st.one_of(st.just(0), st.just(0), st.integers(0, 9), st.integers(0, 800))


def _money() -> st.SearchStrategy[int | float]:
    """An amount in 万元 with at most four decimals."""
    return st.one_of(st.just(0), st.integers(0, 10**9).map(lambda n: n / 10000), st.integers(0, 5000))


def _cells(values: list[int | float]) -> tuple[Cell, ...]:
    return tuple(Cell(v) for v in values)


@st.composite
def table2(draw: st.DrawFn, edition: Edition) -> dict[str, dict[str, Cell]]:
    out: dict[str, dict[str, Cell]] = {}
    for row in edition.table2:
        values: list[int | float] = [draw(_money()) if m else draw(_count()) for m in row.money]
        if edition.name == "2021" and row.columns == ("本年制发件数", "本年废止件数", "现行有效件数"):
            issued, repealed = values[0], values[1]
            values[2] = max(0, int(issued) - int(repealed)) + draw(st.integers(0, 300))
        out[row.key] = {col: Cell(v) for col, v in zip(row.columns, values, strict=True)}
    return out


@st.composite
def table3(draw: st.DrawFn, edition: Edition) -> tuple[tuple[Cell, ...], ...]:
    """Outcome rows, 结转 and 上年结转 drawn; 本年新收, （七）总计 and 总计 column derived."""
    leaves = len(edition.outcome_rows)
    outcome = [[draw(_count()) for _ in range(6)] for _ in range(leaves)]
    carried_out = [draw(_count()) for _ in range(6)]
    done = [sum(row[c] for row in outcome) for c in range(6)]
    carried_in = [min(draw(_count()), done[c] + carried_out[c]) for c in range(6)]
    new = [done[c] + carried_out[c] - carried_in[c] for c in range(6)]
    rows = [new, carried_in, *outcome, done, carried_out]
    return tuple(_cells([*row, sum(row)]) for row in rows)


@st.composite
def table4(draw: st.DrawFn) -> tuple[Cell, ...]:
    values: list[int] = []
    for _ in range(3):
        block = [draw(_count()) for _ in range(4)]
        values += [*block, sum(block)]
    return _cells(values)


def _paragraphs(draw: st.DrawFn, pool: tuple[str, ...], most: int = 3) -> list[str]:
    return [p for p in draw(st.lists(st.sampled_from(pool), min_size=1, max_size=most, unique=True)) if p]


@st.composite
def reports(draw: st.DrawFn) -> Report:
    agency = draw(st.sampled_from(AGENCIES))
    year = draw(st.integers(2019, 2026))
    edition_name = "2021" if year >= 2021 else draw(st.sampled_from(("2019", "2019", "2021")))
    edition = EDITIONS[edition_name]
    t2 = draw(table2(edition))
    t3 = draw(table3(edition))
    t4 = draw(table4())

    def total(key: str) -> int:
        return int(t3[edition.t3_index[key]][-1].value or 0)

    one = [f"{year}年，{agency}" + draw(st.sampled_from(OVERVIEW)), *_paragraphs(draw, OVERVIEW)]
    if draw(st.booleans()):
        one.append(f"全年共收到政府信息公开申请{total('R01')}件，办结{total('R24')}件。")
    three = []
    if draw(st.booleans()):
        three.append(
            f"{year}年，本机关新收政府信息公开申请{total('R01')}件，上年结转{total('R02')}件；"
            f"全年办结{total('R24')}件，结转下年度继续办理{total('R25')}件。"
        )
    four = []
    if draw(st.booleans()):
        four.append(
            f"本年度发生政府信息公开行政复议案件{t4[4].value}件，"
            f"行政诉讼案件{int(t4[9].value or 0) + int(t4[14].value or 0)}件。"
        )
    fee = draw(st.sampled_from(FEES)).format(fee=draw(st.integers(1, 5000)))
    six = [*_paragraphs(draw, OTHER, 2), fee]
    if draw(st.booleans()):
        six.reverse()
    texts = {
        "一": one,
        "二": _paragraphs(draw, PROACTIVE, 2),
        "三": three,
        "四": four,
        "五": _paragraphs(draw, PROBLEMS, 1),
        "六": six,
    }
    sections = tuple(
        Section(spec.number, spec.number, spec.title, 0, "\n".join(texts[spec.number])) for spec in edition.sections
    )
    return Report(
        agency=agency,
        year=year,
        edition=edition_name,
        title=f"{agency}{year}年政府信息公开工作年度报告",
        sections=sections,
        table2=t2,
        table3=t3,
        table4=t4,
        period_years=(year,),
    )
