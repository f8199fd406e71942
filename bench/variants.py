"""Deterministic inputs for the benchmark: plain-text report variations and their numbers.

Every variation comes from a real report of the corpus (the seed, and the peer .txt/.md
files). Numbers are varied *consistently*: for the seed a whole new set of tables is drawn
(row totals = sum of the columns, （七）总计 = sum of the 21 outcome rows, 新收 + 上年结转 =
总计 + 结转下年度 per column, table 四 totals = sum of their four results, table 二 现行有效 ≥
制发 − 废止); for the peers every table cell and every “N 件” in the prose is multiplied by the
same integer, which keeps every sum of the report. Agency names and years are replaced
throughout; some files get tabs turned into runs of spaces, full-width digits, an ideographic
paragraph indent, CRLF line ends, a BOM or GB18030 encoding. Same seed, same files.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SEED = "seed/000_48de57da75f02281.txt"
PEERS = (
    "peers/kirogovcompare/index-only/shuyang-county-gov-2025.txt",
    "peers/kirogovcompare/index-only/shanghai-stcsm-2024-source.md",
    "peers/kirogovcompare/index-only/shanghai-gov-office-2025-source.md",
)
# Peers whose table numbers partly float outside the Markdown rows: never rescaled.
_NO_SCALE = ("shanghai-stcsm-2024-source.md",)

PLACES = [
    "鲁山县",
    "宝丰县",
    "郏县",
    "叶县",
    "舞钢市",
    "汝州市",
    "新华区",
    "卫东区",
    "石龙区",
    "湛河区",
    "襄城县",
    "方城县",
    "南召县",
    "内乡县",
    "西峡县",
    "淅川县",
    "镇平县",
    "社旗县",
    "唐河县",
    "新野县",
    "桐柏县",
    "邓州市",
    "卧龙区",
    "宛城区",
    "登封市",
    "巩义市",
    "荥阳市",
    "新密市",
    "新郑市",
    "中牟县",
    "洪泽区",
    "淮阴区",
    "清江浦区",
    "涟水县",
    "盱眙县",
    "金湖县",
    "沭阳县",
    "泗阳县",
    "泗洪县",
    "宿豫区",
    "宿城区",
    "睢宁县",
    "丰县",
    "沛县",
    "邳州市",
    "新沂市",
    "铜山区",
    "贾汪区",
]
OFFICES = [
    "人民政府办公室",
    "人民政府",
    "发展和改革委员会",
    "教育局",
    "公安局",
    "民政局",
    "司法局",
    "财政局",
    "人力资源和社会保障局",
    "自然资源局",
    "生态环境局",
    "住房和城乡建设局",
    "交通运输局",
    "水利局",
    "农业农村局",
    "商务局",
    "文化广电和旅游局",
    "卫生健康委员会",
    "应急管理局",
    "市场监督管理局",
    "医疗保障局",
    "城市管理局",
]

FULL_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


@dataclass
class Tables:
    """A consistent set of table values in the official 2021 order."""

    t2: list[list[float | int]]  # 规章 (3), 规范性文件 (3), 许可, 处罚, 强制, 收费 (1 each)
    t3: list[list[int]]  # 25 rows × 7
    t4: list[int]  # 15


@dataclass
class Variant:
    name: str
    data: bytes
    origin: str  # "seed" or the peer's file name
    agency: str
    year: int
    tables: Tables | None = None  # drawn tables (seed variations only)
    notes: list[str] = field(default_factory=list)


# -- consistent numbers ------------------------------------------------------------------


def _sparse(rng: random.Random, scale: float, p: float) -> int:
    return int(rng.expovariate(1 / scale)) if rng.random() < p else 0


def draw_tables(rng: random.Random) -> Tables:
    size = rng.choice((2.0, 2.0, 8.0, 30.0, 120.0, 400.0))
    # Leaf outcomes R03..R23 (21 rows) per column (6 applicant columns), mostly zero.
    weight = [1.0, 0.6, 0.15, 0.05, 0.1, 0.3]  # 自然人 … 其他
    leaves = [
        [
            _sparse(
                rng,
                size * weight[c] * (3.0 if r in (0, 1, 10) else 1.0),
                0.6 if r in (0, 1, 10) else 0.25,
            )
            for c in range(6)
        ]
        for r in range(21)
    ]
    total = [sum(leaves[r][c] for r in range(21)) for c in range(6)]
    carry_out = [_sparse(rng, max(total[c], 1) * 0.1, 0.3) for c in range(6)]
    carry_in = [
        min(_sparse(rng, max(total[c], 1) * 0.1, 0.3), total[c] + carry_out[c]) for c in range(6)
    ]
    new = [total[c] + carry_out[c] - carry_in[c] for c in range(6)]
    rows = [new, carry_in, *leaves, total, carry_out]
    t3 = [[*row, sum(row)] for row in rows]
    t4: list[int] = []
    for scale in (size / 20, size / 40, size / 60):
        four = [_sparse(rng, max(scale, 0.5), 0.4) for _ in range(4)]
        t4 += [*four, sum(four)]
    t2: list[list[float | int]] = []
    for _ in range(2):  # 规章, 行政规范性文件
        issued = _sparse(rng, 8, 0.6)
        repealed = _sparse(rng, 4, 0.4)
        t2.append([issued, repealed, max(issued - repealed, 0) + _sparse(rng, 40, 0.8)])
    t2 += [[_sparse(rng, 3000, 0.7)], [_sparse(rng, 500, 0.7)], [_sparse(rng, 50, 0.5)]]
    fee = round(rng.expovariate(1 / 30), 4) if rng.random() < 0.4 else 0
    t2.append([fee])
    return Tables(t2, t3, t4)


def fmt(value: float | int) -> str:
    if isinstance(value, float):
        return f"{value:.4f}" if value else "0"
    return str(value)


# -- the seed: new tables written into its own layout -------------------------------------

_CELL_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


def _replace_tail_numbers(line: str, values: list[str]) -> str:
    """Replace the last len(values) numeric tab cells of ``line`` with ``values``."""
    cells = line.split("\t")
    slots = [i for i, c in enumerate(cells) if _CELL_NUMBER.match(c.strip())]
    if len(slots) < len(values):
        raise ValueError(f"row has {len(slots)} numbers, need {len(values)}: {line!r}")
    for i, value in zip(slots[len(slots) - len(values) :], values, strict=True):
        cells[i] = value
    return "\t".join(cells)


def seed_with_tables(seed: str, tables: Tables) -> str:
    lines = seed.split("\n")
    t2_labels = ("规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费")
    t2_done = 0
    t3_rows = 0
    in_t3 = False
    for i, line in enumerate(lines):
        head = line.split("\t", 1)[0].strip()
        if "\t" in line and head in t2_labels:
            values = tables.t2[t2_labels.index(head)]
            lines[i] = _replace_tail_numbers(line, [fmt(v) for v in values])
            t2_done += 1
        elif line.startswith("三、收到和处理"):
            in_t3 = True
        elif line.startswith("四、政府信息公开行政复议"):
            in_t3 = False
        elif in_t3 and sum(1 for c in line.split("\t") if _CELL_NUMBER.match(c.strip())) >= 7:
            lines[i] = _replace_tail_numbers(line, [str(v) for v in tables.t3[t3_rows]])
            t3_rows += 1
        elif sum(1 for c in line.split("\t") if _CELL_NUMBER.match(c.strip())) == 15:
            lines[i] = _replace_tail_numbers(line, [str(v) for v in tables.t4])
    if (t2_done, t3_rows) != (6, 25):
        raise ValueError(f"seed layout changed: {t2_done} table-二 rows, {t3_rows} table-三 rows")
    return "\n".join(lines)


# -- agency, year, scale ------------------------------------------------------------------


def _swap_years(text: str, old: int, new: int) -> str:
    mapping = {str(old): str(new), str(old - 1): str(new - 1), str(old + 1): str(new + 1)}
    pattern = re.compile(r"(?<!\d)(" + "|".join(mapping) + r")(?!\d)")
    return pattern.sub(lambda m: mapping[m.group(1)], text)


_PIPE_OR_TAB_INT = re.compile(r"(?<=[|\t])(\s*)(\d+)(\s*)(?=[|\t]|$)", re.M)
_PROSE_COUNT = re.compile(r"(?<![\d.])(\d+)(\s*件)")


def _scale(text: str, k: int) -> str:
    if k == 1:
        return text
    out = []
    for line in text.split("\n"):
        if "|" in line or "\t" in line:
            line = _PIPE_OR_TAB_INT.sub(
                lambda m: f"{m.group(1)}{int(m.group(2)) * k}{m.group(3)}", line
            )
        else:
            line = _PROSE_COUNT.sub(lambda m: f"{int(m.group(1)) * k}{m.group(2)}", line)
        out.append(line)
    return "\n".join(out)


# -- surface variations ------------------------------------------------------------------


def _surface(text: str, rng: random.Random, notes: list[str]) -> str:
    lines = text.split("\n")
    if rng.random() < 0.2:  # copied from a page that renders cells with spaces
        lines = [
            re.sub(r"\t+", lambda m: " " * rng.choice((2, 3, 4)), ln)
            if "\t" in ln and ln.strip()
            else ln
            for ln in lines
        ]
        notes.append("spaces")
    if rng.random() < 0.15:
        lines = [_full_width_numbers(ln) if "\t" in ln or "|" in ln else ln for ln in lines]
        notes.append("fullwidth")
    if rng.random() < 0.3:  # 　　 paragraph indent, trailing spaces
        lines = [
            ("\u3000\u3000" + ln + " " * rng.choice((0, 0, 1, 3)))
            if ln and "\t" not in ln and "|" not in ln
            else ln
            for ln in lines
        ]
        notes.append("indent")
    if rng.random() < 0.2:  # doubled blank lines
        lines = [x for ln in lines for x in ((ln, "") if not ln else (ln,))]
        notes.append("blanks")
    text = "\n".join(lines)
    if rng.random() < 0.3:
        text = text.replace("\n", "\r\n")
        notes.append("crlf")
    return text


def _full_width_numbers(line: str) -> str:
    return _PIPE_OR_TAB_INT.sub(lambda m: m.group(0).translate(FULL_DIGITS), line)


def _encode(text: str, rng: random.Random, notes: list[str]) -> bytes:
    roll = rng.random()
    if roll < 0.15:
        notes.append("gb18030")
        return text.encode("gb18030")
    if roll < 0.2:
        notes.append("bom")
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    return text.encode("utf-8")


# -- the whole set ------------------------------------------------------------------------


def agency_name(rng: random.Random) -> tuple[str, str]:
    place = rng.choice(PLACES)
    return place, place + rng.choice(OFFICES)


def seed_variant(rng: random.Random, index: int, seed_text: str) -> Variant:
    tables = draw_tables(rng)
    text = seed_with_tables(seed_text, tables)
    place, agency = agency_name(rng)
    year = rng.choice((2021, 2022, 2023, 2024))
    text = text.replace("鲁山县人民政府办公室", agency).replace("鲁山县", place)
    if rng.random() < 0.5:  # the seed's “2020年，…” opening (a year-mismatch) fixed half the time
        text = text.replace("2020年，", "2021年，", 1)
    text = _swap_years(text, 2021, year)
    text = text.replace("5821", str(rng.randint(300, 9000))).replace(
        "2947831", str(rng.randint(10**5, 10**7))
    )
    notes: list[str] = []
    text = _surface(text, rng, notes)
    return Variant(
        f"seed-{index:04d}.txt", _encode(text, rng, notes), "seed", agency, year, tables, notes
    )


def peer_variant(
    rng: random.Random, index: int, path: str, text: str, agency: str, year: int
) -> Variant:
    name = Path(path).name
    k = 1 if name in _NO_SCALE else rng.choice((1, 2, 3))
    text = _scale(text, k)
    new_year = rng.choice((2021, 2022, 2023, 2024, 2025))
    text = _swap_years(text, year, new_year)
    new_agency = agency
    if agency:
        place, new_agency = agency_name(rng)
        text = text.replace(agency, new_agency)
    notes = [f"x{k}"]
    text = _surface(text, rng, notes)
    suffix = Path(path).suffix
    return Variant(
        f"peer-{index:04d}{suffix}",
        _encode(text, rng, notes),
        name,
        new_agency,
        new_year,
        None,
        notes,
    )


def text_variants(n: int, seed: int = 20261125, peer_share: float = 0.3) -> list[Variant]:
    """``n`` text reports: about 70 % seed variations, 30 % peer variations (round robin)."""
    from gongkai.report import read_bytes

    rng = random.Random(seed)
    seed_text = (CORPUS / SEED).read_text("utf-8")
    peers = []
    for p in PEERS:
        data = (CORPUS / p).read_bytes()
        report = read_bytes(data, Path(p).name)
        peers.append((p, data.decode("utf-8"), report.agency, report.year or 2024))
    out: list[Variant] = []
    for i in range(n):
        if rng.random() < peer_share:
            p, text, agency, year = peers[i % len(peers)]
            out.append(peer_variant(rng, i, p, text, agency, year))
        else:
            out.append(seed_variant(rng, i, seed_text))
    return out


def report_variants(n: int, seed: int = 7) -> list[tuple[str, str, int, Tables, str]]:
    """For HTML pages: (place, agency, year, tables, seed prose with names swapped)."""
    rng = random.Random(seed)
    seed_text = (CORPUS / SEED).read_text("utf-8")
    out = []
    for _ in range(n):
        tables = draw_tables(rng)
        place, agency = agency_name(rng)
        year = rng.choice((2021, 2022, 2023, 2024))
        text = seed_text.replace("鲁山县人民政府办公室", agency).replace("鲁山县", place)
        text = _swap_years(text.replace("2020年，", "2021年，", 1), 2021, year)
        out.append((place, agency, year, tables, text))
    return out
