"""One year's official holiday schedule (《国务院办公厅关于YYYY年部分节假日安排的通知》) as data.

A ``YearSchedule`` holds the rest days (放假) and the make-up working days (调休上班) the notice
names. The Django app keeps them in its database and hands them to ``Calendar.with_schedule``;
on the command line they come from a small JSON file (``docs/workdays.md``)::

    {
      "format": "gongkai-year-schedule/1",
      "year": 2027,
      "title": "国务院办公厅关于2027年部分节假日安排的通知",
      "notice": "国办发明电〔2026〕N号",
      "published": "2026-11-05",
      "url": "https://www.gov.cn/…",
      "holidays": [{"name": "元旦", "start": "2027-01-01", "end": "2027-01-03"}, …],
      "workdays": [{"name": "春节", "date": "2027-01-31"}, …]
    }

``end`` is optional (a one-day holiday). Dates may fall in the neighbouring year (the 2023 notice
gave 2022-12-31 as part of 元旦), from 1 December of the year before to 31 January after.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from .statutory import NoLunarData, statutory_holidays

FORMAT = "gongkai-year-schedule/1"
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ScheduleError(ValueError):
    """A schedule that cannot be used; ``message`` is one Chinese sentence."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def parse_date(text: object, what: str = "日期") -> date:
    """A strict ``YYYY-MM-DD`` date, or ScheduleError with a clear Chinese message."""
    if not isinstance(text, str) or not _ISO.match(text.strip()):
        raise ScheduleError(f"{what}“{text}”不是 YYYY-MM-DD 格式的日期（例如 2025-09-26）")
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ScheduleError(f"{what}“{text}”不存在（请检查月份和日）") from None


@dataclass(frozen=True)
class YearSchedule:
    """The rest days and make-up working days of one year, with the notice's provenance."""

    year: int
    holidays: Mapping[date, str]
    workdays: Mapping[date, str] = field(default_factory=dict)
    title: str = ""
    notice: str = ""
    published: date | None = None
    url: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.year, int) or isinstance(self.year, bool) or not 1949 < self.year < 2200:
            raise ScheduleError(f"年份“{self.year}”无效")
        object.__setattr__(self, "holidays", dict(sorted(self.holidays.items())))
        object.__setattr__(self, "workdays", dict(sorted(self.workdays.items())))
        if not self.holidays:
            raise ScheduleError(f"{self.year}年安排没有任何放假日")
        low, high = date(self.year - 1, 12, 1), date(self.year + 1, 1, 31)
        for day in (*self.holidays, *self.workdays):
            if not low <= day <= high:
                raise ScheduleError(f"{day.isoformat()}不在{self.year}年安排可涉及的范围（{low}至{high}）内")
        both = sorted(set(self.holidays) & set(self.workdays))
        if both:
            raise ScheduleError(f"{both[0].isoformat()}同时列为放假日和调休上班日")
        for day in self.workdays:
            if day.weekday() < 5:
                raise ScheduleError(f"调休上班日{day.isoformat()}不是周六或周日（工作日本来就上班）")

    @property
    def label(self) -> str:
        """How the explanation names this schedule, e.g. ``国办发明电〔2024〕12号``."""
        title = self.title or f"国务院办公厅关于{self.year}年部分节假日安排的通知"
        if self.notice:
            return f"{title}（{self.notice}）"
        if self.published:
            return f"{title}（{self.published.isoformat()}发布）"
        return title

    def warnings(self) -> list[str]:
        """Plausibility checks for an officer entering a schedule (not errors: the notice rules).

        Every festival day of 《全国年节及纪念日放假办法》 should be a rest day."""
        out: list[str] = []
        try:
            statutory = statutory_holidays(self.year)
        except NoLunarData:
            return out
        for day, name in statutory:
            if day not in self.holidays:
                out.append(f"法定节日{day.isoformat()}（{name}）未列为放假日，请核对通知原文")
        return out

    # -- JSON ---------------------------------------------------------------------------------

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> YearSchedule:
        if not isinstance(data, Mapping):
            raise ScheduleError("节假日安排应为一个 JSON 对象")
        fmt = data.get("format", FORMAT)
        if fmt != FORMAT:
            raise ScheduleError(f"不认识的文件格式“{fmt}”（应为 {FORMAT}）")
        year = data.get("year")
        if not isinstance(year, int) or isinstance(year, bool):
            raise ScheduleError("缺少年份 year（整数，例如 2027）")
        holidays: dict[date, str] = {}
        for entry in _entries(data, "holidays"):
            name = _name(entry)
            start = parse_date(entry.get("start", entry.get("date")), "放假开始日期")
            end = parse_date(entry["end"], "放假结束日期") if entry.get("end") else start
            if end < start:
                raise ScheduleError(f"放假结束日期{end.isoformat()}早于开始日期{start.isoformat()}")
            if (end - start).days > 31:
                raise ScheduleError(f"放假时段{start.isoformat()}至{end.isoformat()}超过一个月，请核对")
            day = start
            while day <= end:
                holidays[day] = f"{holidays[day]}、{name}" if day in holidays and name not in holidays[day] else name
                day += timedelta(days=1)
        workdays: dict[date, str] = {}
        for entry in _entries(data, "workdays"):
            workdays[parse_date(entry.get("date"), "调休上班日期")] = _name(entry)
        published = data.get("published")
        return cls(
            year=year,
            holidays=holidays,
            workdays=workdays,
            title=str(data.get("title") or ""),
            notice=str(data.get("notice") or ""),
            published=parse_date(published, "发布日期") if published else None,
            url=str(data.get("url") or ""),
        )

    def to_dict(self) -> dict[str, Any]:
        holidays: list[dict[str, str]] = []
        for start, end, name in _runs(self.holidays):
            entry = {"name": name, "start": start.isoformat()}
            if end != start:
                entry["end"] = end.isoformat()
            holidays.append(entry)
        return {
            "format": FORMAT,
            "year": self.year,
            "title": self.title,
            "notice": self.notice,
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
            "holidays": holidays,
            "workdays": [{"name": n, "date": d.isoformat()} for d, n in self.workdays.items()],
        }

    @classmethod
    def loads(cls, text: str) -> YearSchedule:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ScheduleError(f"不是有效的 JSON（第{exc.lineno}行第{exc.colno}列：{exc.msg}）") from None
        return cls.from_dict(data)

    def dumps(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def load(cls, path: str | Path) -> YearSchedule:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise ScheduleError(f"找不到节假日安排文件：{path}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ScheduleError(f"无法读取节假日安排文件{path}（{type(exc).__name__}）") from None
        try:
            return cls.loads(text)
        except ScheduleError as exc:
            raise ScheduleError(f"{path}: {exc.message}") from None

    def save(self, path: str | Path) -> None:
        Path(path).write_text(self.dumps(), encoding="utf-8")


def _entries(data: Mapping[str, Any], key: str) -> Iterable[Mapping[str, Any]]:
    entries = data.get(key, [])
    if not isinstance(entries, list) or not all(isinstance(e, Mapping) for e in entries):
        raise ScheduleError(f"{key} 应为对象列表")
    return entries


def _name(entry: Mapping[str, Any]) -> str:
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ScheduleError(f"条目{dict(entry)}缺少节日名称 name")
    return name.strip()


def _runs(days: Mapping[date, str]) -> list[tuple[date, date, str]]:
    """Consecutive days with the same name, as (start, end, name)."""
    runs: list[tuple[date, date, str]] = []
    for day, name in sorted(days.items()):
        if runs and runs[-1][2] == name and runs[-1][1] + timedelta(days=1) == day:
            runs[-1] = (runs[-1][0], day, name)
        else:
            runs.append((day, day, name))
    return runs
