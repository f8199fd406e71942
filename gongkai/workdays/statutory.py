"""The statutory holidays of 《全国年节及纪念日放假办法》, for years with no official schedule.

For a year whose 国务院办公厅 notice (《关于YYYY年部分节假日安排的通知》) is not loaded, the
calendar falls back on what the law itself fixes (``docs/workdays.md``, spec working-days.md §1, §4):

- weekends (《国务院关于职工工作时间的规定》 Art. 7);
- the all-citizen holidays of 《全国年节及纪念日放假办法》 Art. 2 — the **2024 text** from 2025
  (元旦 1 day, 春节 4 days 除夕 to 初三, 清明 1, 劳动节 2 days 1-2 May, 端午 1, 中秋 1, 国庆 3 days
  1-3 Oct; 13 days) and the 2013 text for 2014-2024 (春节 初一 to 初三, 劳动节 1 day; 11 days);
- Art. 6: a holiday falling on a Saturday or Sunday is compensated by a day off on the next working
  day (补假). DERIVED: a festival day coinciding with another (中秋 on 1-3 October, as in 2020 and
  2028) is compensated the same way, as the 2001 and 2020 notices did;
- no make-up working days (调休上班): those exist only in the annual notice, so results are
  **provisional** (暂定).

Lunar dates (正月初一, 端午 5/5, 中秋 8/15) and the 清明 solar term come from the table below,
2014-2099. It was generated with ``lunardate`` 0.3.0 and cross-checked date by date against
``holidays`` 0.109 (``_ChineseLunisolar``: new year, dragon boat, mid-autumn, qingming) and
``chinesecalendar`` 1.11.0 (``get_solar_terms`` for 清明): 0 mismatches over 2004-2099.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

# year  正月初一 清明 端午 中秋   (MMDD)
_LUNAR_TABLE = """
2014 0131 0405 0602 0908
2015 0219 0405 0620 0927
2016 0208 0404 0609 0915
2017 0128 0404 0530 1004
2018 0216 0405 0618 0924
2019 0205 0405 0607 0913
2020 0125 0404 0625 1001
2021 0212 0404 0614 0921
2022 0201 0405 0603 0910
2023 0122 0405 0622 0929
2024 0210 0404 0610 0917
2025 0129 0404 0531 1006
2026 0217 0405 0619 0925
2027 0206 0405 0609 0915
2028 0126 0404 0528 1003
2029 0213 0404 0616 0922
2030 0203 0405 0605 0912
2031 0123 0405 0624 1001
2032 0211 0404 0612 0919
2033 0131 0404 0601 0908
2034 0219 0405 0620 0927
2035 0208 0405 0610 0916
2036 0128 0404 0530 1004
2037 0215 0404 0618 0924
2038 0204 0405 0607 0913
2039 0124 0405 0527 1002
2040 0212 0404 0614 0920
2041 0201 0404 0603 0910
2042 0122 0404 0622 0928
2043 0210 0405 0611 0917
2044 0130 0404 0531 1005
2045 0217 0404 0619 0925
2046 0206 0404 0608 0915
2047 0126 0405 0529 1004
2048 0214 0404 0615 0922
2049 0202 0404 0604 0911
2050 0123 0404 0623 0930
2051 0211 0405 0613 0919
2052 0201 0404 0601 0907
2053 0219 0404 0620 0926
2054 0208 0404 0610 0916
2055 0128 0405 0530 1005
2056 0215 0404 0617 0924
2057 0204 0404 0606 0913
2058 0124 0404 0625 1002
2059 0212 0405 0614 0921
2060 0202 0404 0603 0909
2061 0121 0404 0622 0928
2062 0209 0404 0611 0917
2063 0129 0405 0601 1006
2064 0217 0404 0619 0925
2065 0205 0404 0608 0915
2066 0126 0404 0528 1003
2067 0214 0405 0616 0923
2068 0203 0404 0604 0911
2069 0123 0404 0623 0929
2070 0211 0404 0613 0919
2071 0131 0405 0602 0908
2072 0219 0404 0620 0926
2073 0207 0404 0610 0916
2074 0127 0404 0530 1005
2075 0215 0404 0617 0924
2076 0205 0404 0606 0912
2077 0124 0404 0624 1001
2078 0212 0404 0614 0920
2079 0202 0404 0604 0910
2080 0122 0404 0622 0928
2081 0209 0404 0611 0917
2082 0129 0404 0601 1006
2083 0217 0404 0619 0926
2084 0206 0404 0607 0914
2085 0126 0404 0527 1003
2086 0214 0404 0615 0922
2087 0203 0404 0605 0911
2088 0124 0404 0623 0929
2089 0210 0404 0613 0918
2090 0130 0404 0602 0908
2091 0218 0404 0621 0927
2092 0207 0404 0609 0916
2093 0127 0404 0529 1005
2094 0215 0404 0617 0924
2095 0205 0404 0606 0913
2096 0125 0404 0624 0930
2097 0212 0404 0614 0920
2098 0201 0404 0604 0909
2099 0121 0404 0623 0929
"""

FIRST_YEAR, LAST_YEAR = 2014, 2099

NEW_YEAR, SPRING, QINGMING, LABOUR, DRAGON_BOAT, MID_AUTUMN, NATIONAL = (
    "元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节",
)


class NoLunarData(ValueError):
    """The provisional rule cannot be applied: the year is outside the lunar table."""


@cache
def _table() -> dict[int, tuple[date, date, date, date]]:
    rows: dict[int, tuple[date, date, date, date]] = {}
    for line in _LUNAR_TABLE.split("\n"):
        if not line.strip():
            continue
        year_text, *cells = line.split()
        year = int(year_text)
        ny, qm, db, ma = (date(year, int(c[:2]), int(c[2:])) for c in cells)
        rows[year] = (ny, qm, db, ma)
    return rows


def festival_dates(year: int) -> tuple[date, date, date, date]:
    """正月初一, 清明, 端午, 中秋 of ``year`` (Gregorian dates)."""
    try:
        return _table()[year]
    except KeyError:
        raise NoLunarData(
            f"{year}年不在农历节日表范围（{FIRST_YEAR}-{LAST_YEAR}年）内，无法推算法定节日"
        ) from None


def statutory_holidays(year: int) -> list[tuple[date, str]]:
    """The festival days of 放假办法 Art. 2 in ``year``, in date order; one entry per festival
    day, so a date appears twice when two festivals meet (e.g. 中秋 on 3 October)."""
    lunar_new_year, qingming, dragon_boat, mid_autumn = festival_dates(year)
    days: list[tuple[date, str]] = [(date(year, 1, 1), NEW_YEAR)]
    spring_first = lunar_new_year - timedelta(days=1) if year >= 2025 else lunar_new_year
    spring_last = lunar_new_year + timedelta(days=2)
    day = spring_first
    while day <= spring_last:
        days.append((day, SPRING))
        day += timedelta(days=1)
    days.append((qingming, QINGMING))
    days.append((date(year, 5, 1), LABOUR))
    if year >= 2025:
        days.append((date(year, 5, 2), LABOUR))
    days.append((dragon_boat, DRAGON_BOAT))
    days.append((mid_autumn, MID_AUTUMN))
    days.extend((date(year, 10, d), NATIONAL) for d in (1, 2, 3))
    return sorted(days)


@cache
def provisional_rest_days(year: int) -> dict[date, str]:
    """Rest days (besides ordinary weekends) of the provisional calendar: the statutory holidays
    plus the Art. 6 compensation days (named ``"春节补假"`` etc.)."""
    rest: dict[date, str] = {}
    owed: list[tuple[date, str]] = []
    for day, name in statutory_holidays(year):
        if day in rest:
            owed.append((day, name))
            if name not in rest[day]:
                rest[day] = f"{rest[day]}、{name}"
            continue
        rest[day] = name
        if day.weekday() >= 5:
            owed.append((day, name))
    for day, name in owed:
        comp = day + timedelta(days=1)
        while comp.weekday() >= 5 or comp in rest:
            comp += timedelta(days=1)
        rest[comp] = f"{name}补假"
    return rest
