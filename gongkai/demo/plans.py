"""What happens to each demo application, decided before anything is stored. Plain Python.

A plan names the agency, the applicant, the channel, the day sent, the outcome and the steps on
the way (补正, consultation, fee, extension). ``cases.py`` then walks each plan through the real
workflow services, never past today, so recent applications are naturally still open.

Guaranteed whatever today's date: every table-三 row R03–R23, applicant type and channel in last
year; cases carried over into last year and into this year; open cases overdue, due within five
working days, waiting for correction, consultation, payment or delivery; online submissions
awaiting registration."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from gongkai.workdays import Calendar, due_date

from .county import AGENCIES

CHANNELS = ("online", "in_person", "post_signed", "post_unsigned", "email", "fax", "oral")
CHANNEL_WEIGHTS = (45, 15, 18, 5, 10, 2, 5)
# 当面、口头、挂号信: only on a working day, when the office is open.
COUNTER_CHANNELS = {"in_person", "oral", "post_signed"}
TYPES = ("natural", "commercial", "research", "welfare", "legal", "other")
TYPE_WEIGHTS = (84, 6, 2, 2, 4, 2)
OUTCOME_ROWS = tuple(f"R{n:02d}" for n in range(3, 24))
# Roughly the mix of real county reports: most disclosed or "not held by this organ".
OUTCOME_WEIGHTS = {"R03": 38, "R04": 8, "R13": 18, "R12": 4, "R10": 3, "R14": 3, "R16": 3,
                   "R17": 3, "R23": 4, "R21": 4, "R09": 1, "R11": 1, "R08": 1, "R20": 1, "R18": 1,
                   "R22": 1, "R15": 1, "R05": 0.3, "R06": 0.3, "R07": 0.3, "R19": 0.3}
CASES_PER_YEAR = 120


@dataclass
class CasePlan:
    agency: str
    sent: date
    channel: str
    kind: str  # applicant type
    outcome: str | None  # None: the case stays open at ``stop``
    stop: str = ""  # submitted | in_progress | correction | consultation | fee | answered
    correction: str = ""  # "" | corrected | lapsed
    consultation: str = ""  # "" | agreed | refused | silent
    fee: str = ""  # "" | paid | lapsed
    extension: bool = False
    late: bool = False
    answer_not_before: date | None = None  # carried-over cases: answered after 31 December


def plan_all(rng: random.Random, today: date, cal: Calendar) -> list[CasePlan]:
    this_year, last_year = today.year, today.year - 1
    plans = [
        *every_row_last_year(rng, last_year, cal),
        *carried_over(rng, last_year - 1, cal),
        *carried_over(rng, last_year, cal),
        *ordinary_year(rng, date(last_year, 1, 1), date(last_year, 12, 31), CASES_PER_YEAR, cal),
        *ordinary_year(rng, date(this_year, 1, 1), today, _share_of_year(today), cal),
        *open_cases(rng, today, cal),
    ]
    return sorted(plans, key=lambda p: p.sent)


def _share_of_year(today: date) -> int:
    return round(CASES_PER_YEAR * (today.timetuple().tm_yday - 1) / 365)


def every_row_last_year(rng: random.Random, year: int, cal: Calendar) -> list[CasePlan]:
    """One case per outcome row, spread over February to August, cycling types and channels."""
    plans = []
    for i, row in enumerate(OUTCOME_ROWS):
        channel = CHANNELS[i % len(CHANNELS)]
        sent = _receivable(date(year, 2, 3) + timedelta(days=10 * i), channel, cal)
        plan = CasePlan(_agency(rng), sent, channel, TYPES[i % len(TYPES)], row)
        plans.append(_with_steps(plan, rng, chance=0.0))
    return plans


def carried_over(rng: random.Random, year: int, cal: Calendar) -> list[CasePlan]:
    """Received in the second half of December, answered in January: 结转下年度继续办理."""
    plans = []
    for i, row in enumerate(("R03", "R13", "R04", "R03", "R10", "R12")):
        channel = rng.choice(("in_person", "post_signed", "online"))
        sent = _receivable(date(year, 12, 14) + timedelta(days=2 * i), channel, cal)
        plans.append(CasePlan(_agency(rng), sent, channel, _type(rng), row,
                              answer_not_before=date(year + 1, 1, 2)))
    return plans


def ordinary_year(rng: random.Random, first: date, last: date, count: int, cal: Calendar) -> list[CasePlan]:
    plans = []
    span = (last - first).days
    for _ in range(count if span >= 0 else 0):
        channel = _channel(rng)
        sent = _receivable(first + timedelta(days=rng.randint(0, span)), channel, cal)
        if sent > last:
            continue
        plans.append(_with_steps(CasePlan(_agency(rng), sent, channel, _type(rng), _outcome(rng)), rng))
    return plans


def open_cases(rng: random.Random, today: date, cal: Calendar) -> list[CasePlan]:
    """The dashboard's business today: each kind of open case, dated back from today."""
    plans: list[CasePlan] = []

    def add(sent: date, stop: str, channel: str = "in_person", **steps: str) -> None:
        plans.append(CasePlan(_agency(rng), sent, channel, _type(rng), None, stop=stop, **steps))

    for days in (0, 1, 2):  # submitted on the portal, not yet confirmed and registered
        add(today - timedelta(days=days), "submitted", channel="online")
    for received in due_within(today, cal, working_days=5, count=3):
        add(received, "in_progress")
    for weeks in (7, 8, 10):  # due weeks ago, still unanswered
        add(_workday_before(today - timedelta(weeks=weeks), cal), "in_progress")
    add(_workdays_back(today, 3, cal), "correction", correction="corrected")
    add(_workdays_back(today, 8, cal), "consultation", consultation="agreed")
    add(_workdays_back(today, 10, cal), "fee", fee="paid")
    add(_workdays_back(today, 12, cal), "answered")
    return plans


def due_within(today: date, cal: Calendar, *, working_days: int, count: int) -> list[date]:
    """Receipt dates whose answer falls due between today and ``working_days`` from now."""
    horizon = cal.nth_workday(today, working_days)
    found, day = [], today
    while len(found) < count:
        day -= timedelta(days=1)
        if cal.is_workday(day) and today <= due_date(day, calendar=cal).due <= horizon:
            found.append(day)
    return found


def _with_steps(plan: CasePlan, rng: random.Random, chance: float = 1.0) -> CasePlan:
    """The steps an outcome needs (R21, R22, R15, R08), and now and then optional ones."""
    row = plan.outcome
    if row == "R21":
        plan.correction = "lapsed"
    elif row == "R22":
        plan.fee = "lapsed"
    elif row == "R15" or rng.random() < 0.06 * chance:
        plan.correction = "corrected"
    if row == "R08":
        plan.consultation = "refused"
    elif row in {"R03", "R04"} and rng.random() < 0.12 * chance:
        plan.consultation = rng.choice(("agreed", "silent"))
    if row in {"R03", "R04"} and not plan.fee and rng.random() < 0.05 * chance:
        plan.fee = "paid"
    if row not in {"R21", "R22"}:
        plan.extension = rng.random() < 0.07 * chance
        plan.late = not plan.extension and rng.random() < 0.02 * chance
    return plan


def _receivable(day: date, channel: str, cal: Calendar) -> date:
    """Counter channels need a working day; the portal, e-mail and fax take any day."""
    if channel not in COUNTER_CHANNELS:
        return day
    while not cal.is_workday(day):
        day += timedelta(days=1)
    return day


def _workday_before(day: date, cal: Calendar) -> date:
    while not cal.is_workday(day):
        day -= timedelta(days=1)
    return day


def _workdays_back(today: date, n: int, cal: Calendar) -> date:
    day, counted = today, 0
    while counted < n:
        day -= timedelta(days=1)
        counted += cal.is_workday(day)
    return day


def _agency(rng: random.Random) -> str:
    return rng.choices([a.key for a in AGENCIES], weights=[a.weight for a in AGENCIES])[0]


def _type(rng: random.Random) -> str:
    return rng.choices(TYPES, weights=TYPE_WEIGHTS)[0]


def _channel(rng: random.Random) -> str:
    return rng.choices(CHANNELS, weights=CHANNEL_WEIGHTS)[0]


def _outcome(rng: random.Random) -> str:
    return rng.choices(list(OUTCOME_WEIGHTS), weights=list(OUTCOME_WEIGHTS.values()))[0]
