"""Realistic generated data for the platform benchmarks (issue 4): a county of agencies with
Zipf-skewed case loads, loaded fast into the database Django is configured with.

``generate(scale)`` is plain Python (deterministic: random.Random(2025)); ``load(data)`` writes
it with executemany (SQLite) or COPY (PostgreSQL) straight into the tables ``migrate`` made,
bypassing the ORM and its signals (no audit entries). Columns the generator does not fill get
the model field's default, so a field added later does not break the load.

The shape: one county government; departments under it, some with sub-offices; townships.
Case counts follow k^-s over the agencies' ranks with s chosen so that the largest agency has
exactly ``scale.largest`` cases and all of them ``scale.total``. Cases are received on working
days from 1 January of ``scale.first_year`` to today (a little more each year); most are
answered within 20 working days, some extended, a few late, ~1.5 % still open and some of
those overdue; cases received in late December conclude in January (carried over).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from gongkai.workdays import default_calendar, due_date

SHANGHAI = ZoneInfo("Asia/Shanghai")
PASSWORD = "Gongkai2025!"


@dataclass(frozen=True)
class Scale:
    name: str
    agencies: int
    total: int  # cases in all
    largest: int  # cases of the largest agency
    first_year: int
    events_for: int = 1  # how many of the largest agencies get full case histories


FULL = Scale("full", 200, 1_000_000, 100_000, 2022)
QUICK = Scale("quick", 30, 30_000, 6_000, 2024)
TINY = Scale("tiny", 12, 600, 150, 2025)


Row = dict[str, Any]


@dataclass
class Batch:
    """Up to 20,000 cases in order of arrival, their histories, and the remedies against them."""

    agency_id: int  # unused (0): cases of all agencies are mixed
    applications: list[Row] = field(default_factory=list)
    events: list[Row] = field(default_factory=list)
    remedies: list[Row] = field(default_factory=list)


@dataclass
class Data:
    scale: Scale
    today: dt.date
    agencies: list[Row] = field(default_factory=list)
    users: list[Row] = field(default_factory=list)
    sizes: dict[int, int] = field(default_factory=dict)  # agency id → cases
    batches: Iterator[Batch] = field(default_factory=lambda: iter(()))
    remedy_count: int = 0


def zipf_sizes(n: int, total: int, largest: int) -> list[int]:
    """n case counts in rank order, proportional to k^-s, summing to total, the first = largest."""
    lo, hi = 0.0, 3.0
    for _ in range(60):  # the share of the first rank falls as s falls: bisect for largest/total
        s = (lo + hi) / 2
        weights = [k ** -s for k in range(1, n + 1)]
        if weights[0] / sum(weights) > largest / total:
            hi = s
        else:
            lo = s
    rest = weights[1:]
    scale = (total - largest) / sum(rest)
    sizes = [max(1, round(w * scale)) for w in rest]
    sizes[-1] += (total - largest) - sum(sizes)  # rounding remainder on the smallest
    return [largest, *sizes]


# -- pools of realistic text --------------------------------------------------------------

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国志红文辉玉梅波斌宇浩凯鑫"
FIRMS = ["建设工程有限公司", "房地产开发有限公司", "科技有限公司", "商贸有限公司", "律师事务所", "环保科技有限公司"]
TOPICS = [
    "本村{y}年集体土地征收补偿安置方案及补偿款发放明细",
    "{y}年度城区道路改造工程招标文件及中标结果",
    "关于某小区规划许可证及竣工验收备案材料",
    "{y}年度本单位财政预算、决算及“三公”经费明细",
    "某企业环境影响评价报告书及审批意见",
    "{y}年低保户名单及审批依据",
    "本人房屋所在地块的征收决定、评估报告及公告",
    "某学校{y}年招生计划及录取办法",
    "{y}年度行政处罚决定书（文号：某某〔{y}〕号）",
    "某河道整治项目的立项批复和资金使用情况",
]
AGENCY_DEPTS = ["发展和改革局", "教育局", "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局",
                "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局", "农业农村局",
                "商务局", "文化广电和旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局",
                "市场监督管理局", "统计局", "医疗保障局", "城市管理局", "林业局", "信访局"]

APPLICANT_TYPES = (("natural", 86), ("commercial", 7), ("research", 1), ("welfare", 1), ("legal", 4), ("other", 1))
CHANNELS = (("online", 55), ("in_person", 12), ("post_signed", 17), ("post_unsigned", 3), ("fax", 1),
            ("email", 11), ("oral", 1))
# Outcome mix of county reports: 予以公开 and 本机关不掌握 lead; R21/R22 are the lapses.
OUTCOMES = (("R03", 34), ("R04", 8), ("R05", 0.3), ("R06", 0.5), ("R07", 0.3), ("R08", 1.5), ("R09", 1.2),
            ("R10", 1.5), ("R11", 0.8), ("R12", 2.5), ("R13", 24), ("R14", 3), ("R15", 1.5), ("R16", 5),
            ("R17", 3), ("R18", 0.5), ("R19", 1), ("R20", 2), ("R21", 3), ("R22", 0.3), ("R23", 5))
OPEN_STATUS = (("in_progress", 80), ("correction", 8), ("consultation", 7), ("fee", 5))
_CODE = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def _split(pairs: tuple[tuple[str, float], ...]) -> tuple[list[str], list[float]]:
    return [p[0] for p in pairs], [p[1] for p in pairs]


def _query_code(i: int) -> str:
    """Unique 10-character codes: i times a prime coprime to 31, modulo 31^10, in base 31."""
    n = (i * 1_000_000_007) % 31**10
    out = []
    for _ in range(10):
        n, r = divmod(n, 31)
        out.append(_CODE[r])
    return "".join(out)


def _agencies(data: Data, rng: random.Random) -> None:
    n = data.scale.agencies
    rows = data.agencies
    rows.append({"id": 1, "name": "示范县人民政府", "short_name": "县政府", "code": "G0001", "kind": "government",
                 "parent_id": None, "path": "/1/", "office_name": "示范县人民政府办公室政务公开科",
                 "reconsideration_body": "示范市人民政府", "court": "示范县人民法院"})
    towns = max(1, n // 7)
    depts = max(1, (n - 1 - towns) * 2 // 3)
    for i in range(2, n + 1):
        if i - 1 <= depts:  # a department of the county government
            name, kind, parent = f"示范县{AGENCY_DEPTS[(i - 2) % len(AGENCY_DEPTS)]}", "department", rows[0]
            if i - 2 >= len(AGENCY_DEPTS):
                name += f"第{(i - 2) // len(AGENCY_DEPTS) + 1}分局"
        elif i - 1 <= depts + towns:
            name, kind, parent = f"示范县第{i - 1 - depts}镇人民政府", "township", rows[0]
        else:  # a sub-office (派出机构) of a department or a township
            parent = rows[rng.randrange(1, depts + towns)]
            name, kind = f"{parent['name']}第{i}所", "other"
        rows.append({"id": i, "name": name, "short_name": "", "code": f"A{i:04d}", "kind": kind,
                     "parent_id": parent["id"], "path": f"{parent['path']}{i}/",
                     "office_name": f"{name}政务公开办公室", "reconsideration_body": "示范县人民政府",
                     "court": "示范县人民法院"})
    from django.contrib.auth.hashers import make_password

    hashed = make_password(PASSWORD)  # once: every bench user has the same password
    joined = dt.datetime(data.scale.first_year, 1, 1, tzinfo=SHANGHAI)
    for a in rows:
        data.users.append({"id": a["id"], "username": f"officer{a['id']}", "password": hashed,
                           "agency_id": a["id"], "role": "officer", "display_name": f"{a['name']}公开专员",
                           "is_active": True, "date_joined": joined})
    data.users.append({"id": n + 1, "username": "supervisor", "password": hashed, "agency_id": 1,
                       "role": "supervisor", "display_name": "县政务公开办督查", "is_active": True,
                       "date_joined": joined})


def generate(scale: Scale, today: dt.date | None = None, seed: int = 2025) -> Data:
    """Agencies and users now; cases, their histories and remedies agency by agency through
    ``data.batches`` (dicts of field names, see the module docstring). Agency 2 is the largest."""
    rng = random.Random(seed)
    data = Data(scale, today or dt.date.today())
    _agencies(data, rng)
    data.sizes = _sizes(scale, rng)
    data.batches = _cases(data, rng)
    return data


def _sizes(scale: Scale, rng: random.Random) -> dict[int, int]:
    # Agency 2 (a department) is the largest, the county government (1) fifth; the others'
    # ranks are shuffled.
    ranks = list(range(3, scale.agencies + 1))
    rng.shuffle(ranks)
    order = [2, *ranks[:3], 1, *ranks[3:]]
    return dict(zip(order, zipf_sizes(scale.agencies, scale.total, scale.largest), strict=True))


def _cases(data: Data, rng: random.Random) -> Iterator[Batch]:
    scale, today = data.scale, data.today
    cal = default_calendar()
    days = [d for d in (dt.date(scale.first_year, 1, 1) + dt.timedelta(i)
                        for i in range((today - dt.date(scale.first_year, 1, 1)).days + 1))
            if cal.is_workday(d)]
    day_weights = [1.1 ** (d.year - scale.first_year) for d in days]  # a little more each year
    due_cache: dict[tuple[dt.date, bool], Any] = {}

    def due(received: dt.date, extended: bool) -> Any:
        key = (received, extended)
        if key not in due_cache:
            due_cache[key] = due_date(received, extended=extended, calendar=cal)
        return due_cache[key]

    types, type_w = _split(APPLICANT_TYPES)
    channels, channel_w = _split(CHANNELS)
    outcomes, outcome_w = _split(OUTCOMES)
    open_status, open_w = _split(OPEN_STATUS)
    persons = [rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2)))) for _ in range(3000)]
    firms = [f"示范{rng.choice('东南西北中新华兴')}{rng.choice(FIRMS)}" for _ in range(300)]
    ids = [f"41042{rng.randrange(10**12):012d}{rng.choice('0123456789X')}" for _ in range(3000)]
    phones = [f"1{rng.choice('358')}{rng.randrange(10**9):09d}" for _ in range(3000)]
    descriptions = [t.format(y=y) for t in TOPICS for y in range(scale.first_year - 3, today.year + 1)]
    stamp: dict[dt.date, dt.datetime] = {}
    largest = sorted(data.sizes, key=lambda a: -data.sizes[a])
    history_for = set(largest[: scale.events_for])
    # Each agency's cases drawn at once; then all of them in order of arrival, agencies mixed,
    # as a shared platform stores them (ids rise with time, the table is not grouped by agency).
    drawn: dict[int, tuple[list[dt.date], list[str], list[str], list[str]]] = {}
    arrivals: list[tuple[dt.date, float, int, int]] = []
    for agency_id in sorted(data.sizes):
        n = data.sizes[agency_id]
        received = sorted(rng.choices(days, day_weights, k=n))
        drawn[agency_id] = (received, rng.choices(types, type_w, k=n), rng.choices(channels, channel_w, k=n),
                            rng.choices(outcomes, outcome_w, k=n))
        arrivals += [(got, rng.random(), agency_id, j) for j, got in enumerate(received)]
    arrivals.sort()
    seqs: dict[int, dict[int, int]] = {a: {} for a in drawn}
    batch = Batch(0)
    for pk, (got, _, agency_id, j) in enumerate(arrivals, start=1):
        if len(batch.applications) >= 20_000:
            yield batch
            batch = Batch(0)
        _, kinds, chans, outs = drawn[agency_id]
        seq = seqs[agency_id]
        r = rng.random()
        if r < 0.55:
            took = rng.randint(1, 20)
        elif r < 0.85:
            took = rng.randint(20, 30)
        elif r < 0.97:
            took = rng.randint(30, 60)
        else:
            took = rng.randint(60, 120)
        concluded: dt.date | None = got + dt.timedelta(took)
        if concluded > today or rng.random() < 0.002:  # still open (a few long forgotten)
            concluded = None
        extended = took > 30
        deadline = due(got, extended)
        seq[got.year] = seq.get(got.year, 0) + 1
        natural = kinds[j] == "natural"
        if concluded is None:
            status = rng.choices(open_status, open_w)[0]
            outcome, delivered = "", None
        else:
            outcome = outs[j]
            delivered = concluded + dt.timedelta(rng.randint(0, 3))
            status = "closed" if delivered <= today else "answered"
            delivered = delivered if status == "closed" else None
        if got not in stamp:
            stamp[got] = dt.datetime.combine(got, dt.time(9, 30), SHANGHAI)
        batch.applications.append({
            "id": pk, "agency_id": agency_id, "number": f"{got.year}-{seq[got.year]:05d}",
            "query_code": _query_code(pk), "channel": chans[j],
            "submitted_on": got - dt.timedelta(rng.randint(0, 3) if chans[j].startswith("post") else 0),
            "received_on": got, "applicant_type": kinds[j],
            "applicant_name": rng.choice(persons) if natural else rng.choice(firms),
            "id_type": "resident_id" if natural else "credit_code", "id_number": rng.choice(ids),
            "contact_person": "" if natural else rng.choice(persons), "phone": rng.choice(phones),
            "email": f"a{pk}@example.cn" if chans[j] in ("online", "email") else "",
            "address": f"示范县城关镇{rng.randint(1, 300)}号", "postcode": "467300",
            "description": rng.choice(descriptions), "purpose": "", "form": "electronic",
            "delivery": "email" if chans[j] in ("online", "email") else "post",
            "items": 1 if rng.random() < 0.92 else rng.randint(2, 5), "status": status,
            "handler_id": agency_id, "due_on": deadline.due, "due_provisional": deadline.provisional,
            "due_explanation": deadline.explanation,
            "correction_due_on": got + dt.timedelta(10) if status == "correction" else None,
            "fee_due_on": got + dt.timedelta(25) if status == "fee" else None,
            "extended": extended, "outcome": outcome, "concluded_on": concluded,
            "delivered_on": delivered, "created_at": stamp[got], "updated_at": stamp[got],
        })
        if agency_id in history_for:
            _history(batch, rng, pk, got, concluded, delivered, extended, outcome, agency_id)
        if concluded is not None and rng.random() < 0.008:
            _remedy(data, batch, rng, pk, agency_id, concluded, persons)
    yield batch


def _history(batch: Batch, rng: random.Random, pk: int, got: dt.date, concluded: dt.date | None,
             delivered: dt.date | None, extended: bool, outcome: str, actor: int) -> None:
    steps = [("registered", got, "《中华人民共和国政府信息公开条例》第三十一条")]
    if outcome in ("R15", "R21") or rng.random() < 0.05:
        steps.append(("correction_requested", got + dt.timedelta(3), "条例第三十条"))
    if extended:
        steps.append(("extended", got + dt.timedelta(26), "条例第三十三条第二款"))
    if concluded is not None:
        steps.append(("answered", concluded, ""))
    if delivered is not None:
        steps.append(("delivered", delivered, ""))
    for kind, on, basis in steps:
        batch.events.append({"application_id": pk, "kind": kind, "on": on, "basis": basis,
                            "at": dt.datetime.combine(on, dt.time(10, 0), SHANGHAI), "actor_id": actor,
                            "note": "", "data": "{}"})


def _remedy(data: Data, batch: Batch, rng: random.Random, pk: int, agency_id: int, concluded: dt.date,
            persons: list[str]) -> None:
    filed = concluded + dt.timedelta(rng.randint(10, 60))
    if filed > data.today:
        return
    kind = rng.choices(("reconsideration", "lawsuit_direct", "lawsuit_after"), (70, 20, 10))[0]
    decided: dt.date | None = filed + dt.timedelta(rng.randint(30, 150))
    if decided > data.today:
        decided = None
    result = "pending" if decided is None else rng.choices(("upheld", "corrected", "other"), (65, 20, 15))[0]
    data.remedy_count += 1
    batch.remedies.append({"agency_id": agency_id, "application_id": pk, "kind": kind, "filed_on": filed,
                          "body": "示范市人民政府" if kind == "reconsideration" else "示范县人民法院",
                          "case_number": f"（{filed.year}）示复字第{data.remedy_count}号",
                          "claimant": rng.choice(persons), "result": result, "decided_on": decided,
                          "note": ""})
