"""Which dates are working days (工作日): official schedules first, the law's rule as a fallback.

For a date ``d`` the calendar asks, in this order:

1. an entered ``YearSchedule`` for ``d.year`` (the 国务院办公厅 notice as data; it overrides the
   package, so a correction or an emergency change can be entered too), or a rest/make-up day
   that another year's entered schedule names explicitly (the 2023 notice names 2022-12-31);
2. the ``chinesecalendar`` package for the years it covers (1.11.0: 2004-2026);
3. otherwise the provisional rule of ``statutory.py``: weekends plus the statutory holidays of
   《全国年节及纪念日放假办法》 with Art. 6 compensation, no 调休 — ``is_provisional(d)`` is True.

A working day is a make-up working day named in the schedule, or a Monday-Friday that is not a
named rest day (spec working-days.md §1).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

from .schedule import YearSchedule
from .statutory import FIRST_YEAR, LAST_YEAR, NoLunarData, provisional_rest_days

if TYPE_CHECKING:
    from .deadline import Deadline

try:  # the pinned dependency; the calendar still works (provisionally) without it
    from chinese_calendar import constants as _cc  # type: ignore[import-untyped, unused-ignore]
except ImportError:  # pragma: no cover
    _cc = None

# Provenance of the package's data for the years checked against the notices (spec §2).
NOTICES: dict[int, str] = {
    2021: "国办发明电〔2020〕27号",
    2022: "国办发明电〔2021〕11号",
    2023: "国办发明电〔2022〕16号",
    2024: "国办发明电〔2023〕7号",
    2025: "国办发明电〔2024〕12号",
    2026: "2025-11-04发布",  # 文号 not confirmed by the spec
}

_PACKAGE_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}

OFFICIAL, PACKAGE, PROVISIONAL = "schedule", "chinesecalendar", "provisional"


class CalendarError(ValueError):
    """A date the calendar knows nothing about; ``message`` is one Chinese sentence."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class DayInfo:
    """What the calendar says about one date."""

    day: date
    workday: bool
    name: str | None  # the festival a named rest day or make-up working day belongs to
    holiday: bool  # a rest day named by a schedule or the statutory rule (not a plain weekend)
    makeup: bool  # a Saturday/Sunday that is a working day (调休上班)
    provisional: bool
    source: str  # OFFICIAL, PACKAGE or PROVISIONAL


@cache
def package_years() -> tuple[int, int] | None:
    """First and last year of ``chinesecalendar``'s tables, or None without the package."""
    if _cc is None:
        return None
    years = [d.year for d in _cc.holidays]
    return min(years), max(years)


@cache
def package_version() -> str:
    try:
        return version("chinesecalendar")
    except PackageNotFoundError:  # pragma: no cover
        return "?"


class Calendar:
    """Working days for deadline counting. Immutable: ``with_schedule`` returns a new one."""

    def __init__(self, schedules: Iterable[YearSchedule] = (), *, package: bool = True) -> None:
        self._schedules: dict[int, YearSchedule] = {}
        for schedule in schedules:
            self._schedules[schedule.year] = schedule  # a later one for the same year replaces
        self._package = package_years() if package else None
        self._cross: dict[date, tuple[bool, str, int]] = {}
        for schedule in self._schedules.values():
            for day, name in schedule.holidays.items():
                if day.year != schedule.year:
                    self._cross[day] = (False, name, schedule.year)
            for day, name in schedule.workdays.items():
                if day.year != schedule.year:
                    self._cross[day] = (True, name, schedule.year)
        self._cache: dict[date, DayInfo] = {}

    def with_schedule(self, schedule: YearSchedule) -> Calendar:
        """This calendar plus (or with a replaced) official schedule for ``schedule.year``."""
        return Calendar([*self._schedules.values(), schedule], package=self._package is not None)

    @property
    def schedules(self) -> dict[int, YearSchedule]:
        return dict(self._schedules)

    def covers(self, year: int) -> bool:
        """True if ``year`` has an official schedule (entered, or in the package)."""
        if year in self._schedules:
            return True
        return self._package is not None and self._package[0] <= year <= self._package[1]

    def source_label(self, year: int) -> str:
        """Where the year's working days come from, in Chinese, for explanations."""
        if year in self._schedules:
            return self._schedules[year].label
        if self.covers(year):
            notice = NOTICES.get(year)
            extra = f"{notice}，" if notice else ""
            return (f"国务院办公厅关于{year}年部分节假日安排的通知"
                    f"（{extra}据 chinesecalendar {package_version()}）")
        return f"{year}年节假日安排尚未公布，按周末及《全国年节及纪念日放假办法》法定节日暂定"

    def info(self, day: date) -> DayInfo:
        cached = self._cache.get(day)
        if cached is None:
            cached = self._cache[day] = self._info(day)
        return cached

    def _info(self, day: date) -> DayInfo:
        weekend = day.weekday() >= 5
        schedule = self._schedules.get(day.year)
        if schedule is not None and day in schedule.holidays:
            return DayInfo(day, False, schedule.holidays[day], True, False, False, OFFICIAL)
        if schedule is not None and day in schedule.workdays:
            return DayInfo(day, True, schedule.workdays[day], False, weekend, False, OFFICIAL)
        if day in self._cross:
            work, name, _ = self._cross[day]
            return DayInfo(day, work, name, not work, work and weekend, False, OFFICIAL)
        if schedule is not None:
            return DayInfo(day, not weekend, None, False, False, False, OFFICIAL)
        if self.covers(day.year) and _cc is not None:
            if day in _cc.workdays:
                return DayInfo(day, True, _package_name(_cc.workdays[day]), False, weekend, False, PACKAGE)
            if day in _cc.holidays:
                return DayInfo(day, False, _package_name(_cc.holidays[day]), True, False, False, PACKAGE)
            return DayInfo(day, not weekend, None, False, False, False, PACKAGE)
        try:
            rest = provisional_rest_days(day.year)
        except NoLunarData:
            raise CalendarError(
                f"没有{day.year}年的节假日数据（法定节日只能推算{FIRST_YEAR}-{LAST_YEAR}年），"
                "请录入该年的节假日安排"
            ) from None
        if day in rest:
            return DayInfo(day, False, rest[day], True, False, True, PROVISIONAL)
        return DayInfo(day, not weekend, None, False, False, True, PROVISIONAL)

    def is_workday(self, day: date) -> bool:
        return self.info(day).workday

    def is_provisional(self, day: date) -> bool:
        """True if the date's year has no official schedule (its status is the law's rule only)."""
        return self.info(day).provisional

    def nth_workday(self, start: date, n: int, skip: frozenset[date] = frozenset()) -> date:
        """The ``n``-th working day after ``start`` (``start`` itself never counts; n = 0 gives
        ``start``). Working days in ``skip`` are not counted (paused clock)."""
        if n < 0:
            raise ValueError("n must be >= 0")
        day, counted = start, 0
        while counted < n:
            day += timedelta(days=1)
            if self.is_workday(day) and day not in skip:
                counted += 1
        return day

    def workdays_between(self, start: date, end: date) -> list[date]:
        """Working days d with start < d <= end."""
        out: list[date] = []
        day = start
        while day < end:
            day += timedelta(days=1)
            if self.is_workday(day):
                out.append(day)
        return out

    def add_workdays(self, start: date, n: int) -> Deadline:
        """``start`` + ``n`` working days, with the explanation (see ``deadline.add_workdays``)."""
        from .deadline import add_workdays

        return add_workdays(start, n, calendar=self)

    def __repr__(self) -> str:
        package = f"chinesecalendar {self._package[0]}-{self._package[1]}" if self._package else "no package"
        return f"Calendar({package}, schedules={sorted(self._schedules)})"


def _package_name(value: object) -> str:
    text = str(value)
    return _PACKAGE_NAMES.get(text, text)


@cache
def default_calendar() -> Calendar:
    """The calendar from ``chinesecalendar`` alone (no entered schedules)."""
    return Calendar()
