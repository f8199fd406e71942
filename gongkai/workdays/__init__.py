"""Statutory working days (工作日) and the Regulation's deadlines. Plain Python, never Django.

```python
from datetime import date
from gongkai.workdays import Calendar, Pause, YearSchedule, due_date

d = due_date(date(2025, 9, 26))                 # → 2025-10-30, explained in Chinese
d = due_date(date(2025, 9, 26), extended=True)  # → 2025-11-27
cal = Calendar().with_schedule(YearSchedule.load("2027.json"))  # a newly announced year
d = due_date(date(2026, 12, 15), calendar=cal)
print(d.display, d.explanation)                 # "（暂定）" while a year is not loaded
```

See ``docs/workdays.md``.
"""

from .calendar import Calendar, CalendarError, DayInfo, default_calendar, package_years
from .deadline import (
    Deadline,
    DeadlineError,
    Pause,
    PauseKind,
    add_workdays,
    consultation_reply_due,
    correction_notice_due,
    due_date,
    fee_payment_due,
)
from .schedule import ScheduleError, YearSchedule, parse_date
from .statutory import NoLunarData, provisional_rest_days, statutory_holidays

__all__ = [
    "Calendar", "CalendarError", "DayInfo", "Deadline", "DeadlineError", "NoLunarData", "Pause",
    "PauseKind", "ScheduleError", "YearSchedule", "add_workdays", "consultation_reply_due",
    "correction_notice_due", "default_calendar", "due_date", "fee_payment_due", "package_years",
    "parse_date", "provisional_rest_days", "statutory_holidays",
]
