"""Statutory deadlines of the Regulation (《政府信息公开条例》, 2019) in working days.

Counting convention (spec working-days.md §4, DERIVED; the Regulation is silent): for "within N
working days from D0", D0 itself does not count, day 1 is the first working day after D0, and the
deadline is the N-th working day; an act on that day is in time. A trigger on a weekend or holiday
works the same way. The fee measure (国办函〔2020〕109号) says "收到收费通知次日起" explicitly.

The clock (Art. 33 ¶2: answer within 20 working days of receipt) changes with:

- **补正** (Art. 30): not a pause but a restart — the period counts from the day the organ
  receives the corrected application (``Pause.end``); the notice itself must go out within 7
  working days of receipt (checked, reported as a warning);
- **征求第三方和其他机关意见** (Arts. 32, 34; Art. 33 ¶3): the time is not counted — the working days
  from the consultation's start to its end, both included, are skipped (DERIVED reading);
- **收费通知** (Art. 42 + fee measure): whether the clock stops is UNCONFIRMED (fees-2020.md §4) —
  ``fee_stops_clock`` chooses (default off) and the explanation gives the other reading's date;
- **延长** (Art. 33 ¶2): +20 working days counted from the original due date.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from .calendar import Calendar, default_calendar

ANSWER_DAYS = 20  # Art. 33 ¶2
EXTENSION_DAYS = 20  # Art. 33 ¶2
CORRECTION_NOTICE_DAYS = 7  # Art. 30
CONSULTATION_DAYS = 15  # Arts. 32, 34
FEE_PAYMENT_DAYS = 20  # 国办函〔2020〕109号

REG = "《政府信息公开条例》"
FEE_MEASURE = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"


class DeadlineError(ValueError):
    """Inconsistent input (a pause before receipt, an end before a start); Chinese ``message``."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PauseKind(StrEnum):
    CORRECTION = "补正"
    CONSULTATION = "征求意见"
    FEE = "收费"


_ALIASES = {
    "补正": PauseKind.CORRECTION, "correction": PauseKind.CORRECTION,
    "征求意见": PauseKind.CONSULTATION, "征求第三方意见": PauseKind.CONSULTATION,
    "consultation": PauseKind.CONSULTATION, "third-party": PauseKind.CONSULTATION,
    "third_party": PauseKind.CONSULTATION,
    "收费": PauseKind.FEE, "收费通知": PauseKind.FEE, "fee": PauseKind.FEE,
}

DEFAULT_BASIS = {
    PauseKind.CORRECTION: f"{REG}第三十条",
    PauseKind.CONSULTATION: f"{REG}第三十二条、第三十三条第三款",
    PauseKind.FEE: f"{REG}第四十二条；{FEE_MEASURE}",
}


def pause_kind(value: str | PauseKind) -> PauseKind:
    kind = _ALIASES.get(str(value).strip().lower()) if not isinstance(value, PauseKind) else value
    if kind is None:
        raise DeadlineError(f"不认识的中止类型“{value}”（可用：补正、征求意见、收费）")
    return kind


@dataclass(frozen=True)
class Pause:
    """One event that stops or restarts the clock, with its legal basis.

    ``start``/``end``: 补正 — the day the notice was sent / the corrected application received;
    征求意见 — consultation sent / answer received (or the 15 working days lapsed);
    收费 — fee notice sent / fee paid. ``basis`` defaults to the article for the kind."""

    kind: PauseKind
    basis: str
    start: date
    end: date

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", pause_kind(self.kind))
        if not self.basis:
            object.__setattr__(self, "basis", DEFAULT_BASIS[self.kind])
        if self.end < self.start:
            raise DeadlineError(f"{self.kind.value}的结束日期{self.end}早于开始日期{self.start}")

    @classmethod
    def correction(cls, notice_sent: date, corrected_received: date, basis: str = "") -> Pause:
        return cls(PauseKind.CORRECTION, basis, notice_sent, corrected_received)

    @classmethod
    def consultation(cls, sent: date, answered: date, basis: str = "") -> Pause:
        return cls(PauseKind.CONSULTATION, basis, sent, answered)

    @classmethod
    def fee(cls, notice_sent: date, paid: date, basis: str = "") -> Pause:
        return cls(PauseKind.FEE, basis, notice_sent, paid)

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind.value, "basis": self.basis,
                "start": self.start.isoformat(), "end": self.end.isoformat()}


@dataclass(frozen=True)
class Deadline:
    """A due date and how it was computed. ``provisional``: some day of the counted span lies in
    a year whose official schedule is not loaded — show "（暂定）" with the date."""

    due: date
    provisional: bool
    explanation: str
    pauses: tuple[Pause, ...] = ()
    start: date | None = None  # the day the clock (re)started: receipt, or corrected receipt
    workdays: int = 0  # working days counted in all (20, or 40 with the extension)
    extended: bool = False
    original_due: date | None = None  # the due date before the extension
    alternative_due: date | None = None  # with the other reading of the fee pause
    provisional_years: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def display(self) -> str:
        return self.due.isoformat() + ("（暂定）" if self.provisional else "")

    def as_dict(self) -> dict[str, Any]:
        def iso(d: date | None) -> str | None:
            return d.isoformat() if d else None

        return {
            "due": self.due.isoformat(), "provisional": self.provisional,
            "explanation": self.explanation, "start": iso(self.start), "workdays": self.workdays,
            "extended": self.extended, "original_due": iso(self.original_due),
            "alternative_due": iso(self.alternative_due),
            "provisional_years": list(self.provisional_years), "warnings": list(self.warnings),
            "pauses": [p.as_dict() for p in self.pauses],
        }


# -- public functions ------------------------------------------------------------------------


def add_workdays(start: date, n: int, *, calendar: Calendar | None = None,
                 basis: str = "", event: str = "") -> Deadline:
    """``start`` + ``n`` working days by the counting convention, explained.

    ``basis`` (e.g. "《政府信息公开条例》第三十条") and ``event`` (e.g. "收到申请") only shape
    the explanation."""
    if n < 0:
        raise DeadlineError("工作日数不能为负数")
    cal = calendar or default_calendar()
    due = cal.nth_workday(start, n)
    lead = f"依{basis}，" if basis else ""
    what = f"{event}之日" if event else ""
    text = (f"{lead}自{start.isoformat()}{what}起算{n}个工作日"
            f"（{_crossing(cal, start, due, frozenset(), first=True)}），至{due.isoformat()}。")
    years = _provisional_years(cal, start, due)
    text += _provisional_text(years) + _sources_text(cal, start, due)
    return Deadline(due=due, provisional=bool(years), explanation=text, start=start, workdays=n,
                    provisional_years=years)


def due_date(received: date, *, extended: bool = False, pauses: Iterable[Pause] = (),
             calendar: Calendar | None = None, fee_stops_clock: bool = False) -> Deadline:
    """The answer deadline (Art. 33 ¶2) for an application received on ``received``
    (the Art. 31 receipt date), with an approved extension if ``extended``."""
    cal = calendar or default_calendar()
    ordered = tuple(sorted(pauses, key=lambda p: (p.start, p.end)))
    for pause in ordered:
        if pause.start < received:
            raise DeadlineError(f"{pause.kind.value}开始日期{pause.start}早于收到申请之日{received}")
    warnings: list[str] = []
    corrections = [p for p in ordered if p.kind == PauseKind.CORRECTION]
    start = corrections[-1].end if corrections else received
    notice_due = cal.nth_workday(received, CORRECTION_NOTICE_DAYS)
    if corrections and corrections[0].start > notice_due:
        warnings.append(f"补正通知于{corrections[0].start.isoformat()}发出，晚于{REG}第三十条规定的"
                        f"收到申请后7个工作日（应不迟于{notice_due.isoformat()}）")
    if len(corrections) > 1:
        warnings.append(f"{REG}第三十条要求一次性告知补正，本件有{len(corrections)}次补正，按最后一次补正后重新起算")

    def count(with_fee: bool) -> tuple[date, date, frozenset[date]]:
        skip = _skipped(cal, start, ordered, with_fee)
        first = cal.nth_workday(start, ANSWER_DAYS, skip)
        final = cal.nth_workday(first, EXTENSION_DAYS, skip) if extended else first
        return first, final, skip

    original, due, skip = count(fee_stops_clock)
    has_fee = any(p.kind == PauseKind.FEE for p in ordered)
    alternative = count(not fee_stops_clock)[1] if has_fee else None
    for pause in ordered:
        if pause.kind != PauseKind.CORRECTION and pause.start > due:
            warnings.append(f"{pause.kind.value}开始于{pause.start.isoformat()}，已在答复期限届满之后，不影响期限")

    parts: list[str] = []
    for pause in corrections:
        parts.append(f"{pause.start.isoformat()}通知补正，{pause.end.isoformat()}收到补正后的申请，"
                     f"依{pause.basis}，答复期限自收到补正申请之日起重新计算。")
    event = "收到补正后申请" if corrections else "收到申请"
    parts.append(f"依{REG}第三十三条第二款，自{start.isoformat()}{event}之日起算{ANSWER_DAYS}个工作日"
                 f"（{_crossing(cal, start, original, skip, first=True)}），至{original.isoformat()}。")
    if extended:
        parts.append(f"经政府信息公开工作机构负责人同意并告知申请人，延长答复期限{EXTENSION_DAYS}个工作日"
                     f"（第三十三条第二款），自原期限{original.isoformat()}起算"
                     f"（{_crossing(cal, original, due, skip, first=False)}），至{due.isoformat()}。")
    for pause in ordered:
        if pause.kind == PauseKind.CONSULTATION:
            k = _skipped_count(cal, start, due, pause)
            parts.append(f"{pause.start.isoformat()}至{pause.end.isoformat()}征求第三方或其他机关意见，"
                         f"其间{k}个工作日（含起止日）依{pause.basis}不计算在期限内。")
        elif pause.kind == PauseKind.FEE:
            head = (f"{pause.start.isoformat()}发出收费通知，{pause.end.isoformat()}缴费（{pause.basis}）；"
                    "收费期间是否停止计算答复期限，规定未予明确（待确认），")
            if fee_stops_clock:
                k = _skipped_count(cal, start, due, pause)
                parts.append(head + f"本计算按设置扣除其间{k}个工作日（含起止日）；如不扣除，期限为{_iso(alternative)}。")
            else:
                parts.append(head + f"本计算未扣除该期间；如扣除，期限为{_iso(alternative)}。")
    years = _provisional_years(cal, start, due)
    parts.append(_provisional_text(years))
    parts.append(_sources_text(cal, start, due))
    return Deadline(
        due=due, provisional=bool(years), explanation="".join(parts), pauses=ordered, start=start,
        workdays=ANSWER_DAYS + (EXTENSION_DAYS if extended else 0), extended=extended,
        original_due=original, alternative_due=alternative, provisional_years=years,
        warnings=tuple(warnings),
    )


def correction_notice_due(received: date, calendar: Calendar | None = None) -> Deadline:
    """Last day to send the one-time 补正 notice (Art. 30: 7 working days of receipt)."""
    return add_workdays(received, CORRECTION_NOTICE_DAYS, calendar=calendar,
                        basis=f"{REG}第三十条", event="收到申请")


def consultation_reply_due(letter_received: date, calendar: Calendar | None = None) -> Deadline:
    """Last day for a third party or another organ to answer (Arts. 32, 34: 15 working days)."""
    return add_workdays(letter_received, CONSULTATION_DAYS, calendar=calendar,
                        basis=f"{REG}第三十二条、第三十四条", event="收到征求意见书")


def fee_payment_due(notice_received: date, calendar: Calendar | None = None) -> Deadline:
    """Last day to pay an information processing fee (20 working days from the day after receipt)."""
    return add_workdays(notice_received, FEE_PAYMENT_DAYS, calendar=calendar,
                        basis=FEE_MEASURE, event="收到收费通知")


# -- explanation helpers ---------------------------------------------------------------------


def _iso(day: date | None) -> str:
    return day.isoformat() if day else "?"


def _skipped(cal: Calendar, start: date, pauses: tuple[Pause, ...], with_fee: bool) -> frozenset[date]:
    out: set[date] = set()
    for pause in pauses:
        if pause.kind == PauseKind.CONSULTATION or (with_fee and pause.kind == PauseKind.FEE):
            out.update(d for d in _days(max(pause.start, start + timedelta(days=1)), pause.end)
                       if cal.is_workday(d))
    return frozenset(out)


def _skipped_count(cal: Calendar, start: date, due: date, pause: Pause) -> int:
    return sum(1 for d in _days(max(pause.start, start + timedelta(days=1)), min(pause.end, due))
               if cal.is_workday(d))


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def _provisional_years(cal: Calendar, start: date, due: date) -> tuple[int, ...]:
    if start == due:
        return ()
    return tuple(sorted({d.year for d in _days(start + timedelta(days=1), due) if cal.is_provisional(d)}))


def _provisional_text(years: tuple[int, ...]) -> str:
    if not years:
        return ""
    names = "、".join(f"{y}年" for y in years)
    return (f"{names}的节假日安排尚未公布（未录入），该年按周末及《全国年节及纪念日放假办法》规定的法定节日"
            "（逢周末补假）计算，未计调休，期限为暂定；录入该年安排后即得确切日期。")


def _sources_text(cal: Calendar, start: date, due: date) -> str:
    years = sorted({start.year, due.year} | set(range(start.year, due.year + 1)))
    known = [cal.source_label(y) for y in years if cal.covers(y)]
    return f"工作日依据：{'；'.join(known)}。" if known else ""


def _md(day: date, ref_year: int) -> str:
    return f"{day.month}月{day.day}日" if day.year == ref_year else f"{day.year}年{day.month}月{day.day}日"


def _span(first: date, last: date, ref_year: int) -> str:
    if first == last:
        return _md(first, ref_year)
    if first.year == last.year and first.month == last.month:
        return f"{_md(first, ref_year)}至{last.day}日"
    if first.year == last.year:
        return f"{_md(first, ref_year)}至{last.month}月{last.day}日"
    return f"{first.year}年{first.month}月{first.day}日至{last.year}年{last.month}月{last.day}日"


def _crossing(cal: Calendar, start: date, end: date, skip: frozenset[date], *, first: bool) -> str:
    """The holidays crossed and make-up days met in (start, end], in Chinese."""
    ref = start.year
    notes: list[str] = ["起算当日不计入，次一工作日为第1日"] if first else []
    runs: list[list[date]] = []
    day = start + timedelta(days=1)
    while day <= end:
        if not cal.is_workday(day):
            if runs and runs[-1][-1] == day - timedelta(days=1):
                runs[-1].append(day)
            else:
                runs.append([day])
        day += timedelta(days=1)
    if runs and runs[0][0] == start + timedelta(days=1):  # a break already under way at the start
        back = start
        while not cal.is_workday(back) and (start - back).days < 31:
            runs[0].insert(0, back)
            back -= timedelta(days=1)
    breaks: list[str] = []
    for run in runs:
        infos = [cal.info(d) for d in run]
        if not any(i.holiday for i in infos):
            continue
        names: list[str] = []
        for info in infos:
            for name in (info.name or "").split("、"):
                name = name.removesuffix("补假")
                if name and name not in names:
                    names.append(name)
        mark = "（暂定）" if any(i.provisional for i in infos) else ""
        breaks.append(f"{'、'.join(names)}假期{_span(run[0], run[-1], ref)}{mark}")
    if breaks:
        notes.append("跨越" + "，".join(breaks))
    makeups = [d for d in _days(start + timedelta(days=1), end) if cal.info(d).makeup] if end > start else []
    if makeups:
        notes.append("、".join(_md(d, ref) for d in makeups) + "为调休上班日")
    skipped = sorted(d for d in skip if start < d <= end)
    if skipped:
        notes.append(f"其中{len(skipped)}个工作日因征求意见等不计入")
    return "；".join(notes) if notes else "期间无节假日"
