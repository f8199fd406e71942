"""信息处理费 (国办函〔2020〕109号, spec fees-2020 §3): both charging methods, progressive.

Plain Python; the office chooses one method per application, never both (§2)."""

from __future__ import annotations

from datetime import date

FREE_APPLICATIONS = 10  # 按件: the first 10 of an applicant's natural month are free
FREE_PAGES = 30  # 按量: the first 30 pages of an application are free
_PAGE_BANDS = ((30, 0), (100, 10), (200, 20), (None, 40))  # (up to page, yuan per page)


def fee_for_nth_application(n: int) -> int:
    """The fee for an applicant's n-th application (after 一事一申请 splitting) in one natural
    month: 1-10 free, 11-30 at 100 yuan, then each band of 10 costs 100 yuan more
    (31-40 at 200, 41-50 at 300 …)."""
    if n < 1:
        raise ValueError("n starts at 1")
    if n <= FREE_APPLICATIONS:
        return 0
    if n <= 30:
        return 100
    return 100 * (2 + (n - 31) // 10)


def fee_for_applications(count: int) -> int:
    """The month's total for ``count`` applications (spec: 35 → 3,000 yuan; 60 → 11,000)."""
    return sum(fee_for_nth_application(n) for n in range(1, count + 1))


def fee_for_pages(pages: int) -> int:
    """按量计收 for one application: 1-30 pages free, 31-100 at 10, 101-200 at 20, more at 40."""
    total, lower = 0, 0
    for upper, rate in _PAGE_BANDS:
        top = pages if upper is None else min(pages, upper)
        if top > lower:
            total += (top - lower) * rate
        if upper is None or pages <= upper:
            break
        lower = upper
    return total


def month_of(day: date) -> tuple[date, date]:
    first = day.replace(day=1)
    nxt = first.replace(year=first.year + 1, month=1) if first.month == 12 else first.replace(month=first.month + 1)
    return first, nxt
