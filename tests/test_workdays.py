"""Working days and the Regulation's deadlines (gongkai.workdays); spec working-days.md."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.workdays import (
    Calendar,
    CalendarError,
    DeadlineError,
    Pause,
    PauseKind,
    ScheduleError,
    YearSchedule,
    add_workdays,
    consultation_reply_due,
    correction_notice_due,
    default_calendar,
    due_date,
    fee_payment_due,
    package_years,
    provisional_rest_days,
    statutory_holidays,
)
from gongkai.workdays.statutory import festival_dates

D = date.fromisoformat

# TEST FIXTURE — NOT AN OFFICIAL ANNOUNCEMENT. A made-up but realistic 2027 schedule in the
# pattern of the 2025 notice (春节 8 days from 除夕, 国庆 7 days, 劳动节 5 days, a one-day
# festival on a Wednesday stays one day, at most 6 consecutive working days). It exists only to
# test entering a year that chinesecalendar 1.11.0 does not cover.
TEST_2027 = {
    "format": "gongkai-year-schedule/1",
    "year": 2027,
    "title": "测试用2027年节假日安排（虚构，非官方通知）",
    "notice": "测试数据",
    "holidays": [
        {"name": "元旦", "start": "2027-01-01", "end": "2027-01-03"},
        {"name": "春节", "start": "2027-02-05", "end": "2027-02-12"},
        {"name": "清明节", "start": "2027-04-03", "end": "2027-04-05"},
        {"name": "劳动节", "start": "2027-05-01", "end": "2027-05-05"},
        {"name": "端午节", "start": "2027-06-09"},
        {"name": "中秋节", "start": "2027-09-15"},
        {"name": "国庆节", "start": "2027-10-01", "end": "2027-10-07"},
    ],
    "workdays": [
        {"name": "春节", "date": "2027-01-31"},
        {"name": "春节", "date": "2027-02-20"},
        {"name": "劳动节", "date": "2027-05-08"},
        {"name": "国庆节", "date": "2027-09-26"},
        {"name": "国庆节", "date": "2027-10-09"},
    ],
}

# The official schedules 2021-2026 exactly as spec working-days.md §2 gives them (from the
# 国务院办公厅 notices): "off" ranges and make-up working days.
SPEC_TABLE: dict[int, tuple[list[tuple[str, str]], list[str]]] = {
    2021: ([("01-01", "01-03"), ("02-11", "02-17"), ("04-03", "04-05"), ("05-01", "05-05"),
            ("06-12", "06-14"), ("09-19", "09-21"), ("10-01", "10-07")],
           ["02-07", "02-20", "04-25", "05-08", "09-18", "09-26", "10-09"]),
    2022: ([("01-01", "01-03"), ("01-31", "02-06"), ("04-03", "04-05"), ("04-30", "05-04"),
            ("06-03", "06-05"), ("09-10", "09-12"), ("10-01", "10-07")],
           ["01-29", "01-30", "04-02", "04-24", "05-07", "10-08", "10-09"]),
    2023: ([("01-01", "01-02"), ("01-21", "01-27"), ("04-05", "04-05"), ("04-29", "05-03"),
            ("06-22", "06-24"), ("09-29", "10-06")],
           ["01-28", "01-29", "04-23", "05-06", "06-25", "10-07", "10-08"]),
    2024: ([("01-01", "01-01"), ("02-10", "02-17"), ("04-04", "04-06"), ("05-01", "05-05"),
            ("06-10", "06-10"), ("09-15", "09-17"), ("10-01", "10-07")],
           ["02-04", "02-18", "04-07", "04-28", "05-11", "09-14", "09-29", "10-12"]),
    2025: ([("01-01", "01-01"), ("01-28", "02-04"), ("04-04", "04-06"), ("05-01", "05-05"),
            ("05-31", "06-02"), ("10-01", "10-08")],
           ["01-26", "02-08", "04-27", "09-28", "10-11"]),
    2026: ([("01-01", "01-03"), ("02-15", "02-23"), ("04-04", "04-06"), ("05-01", "05-05"),
            ("06-19", "06-21"), ("09-25", "09-27"), ("10-01", "10-07")],
           ["01-04", "02-14", "02-28", "05-09", "09-20", "10-10"]),
}
SPEC_WORKDAY_COUNTS = {2021: 250, 2022: 249, 2023: 249, 2024: 251, 2025: 248, 2026: 248}


def spec_schedule(year: int) -> YearSchedule:
    off, work = SPEC_TABLE[year]
    holidays = [{"name": "假日", "start": f"{year}-{a}", "end": f"{year}-{b}"} for a, b in off]
    if year == 2023:  # the 2023 notice's 元旦 break starts on 2022-12-31
        holidays.append({"name": "元旦", "start": "2022-12-31"})
    return YearSchedule.from_dict({"year": year, "holidays": holidays,
                                   "workdays": [{"name": "调休", "date": f"{year}-{w}"} for w in work]})


def fixture_2027() -> YearSchedule:
    return YearSchedule.from_dict(TEST_2027)


def days_of(year: int) -> list[date]:
    first = date(year, 1, 1)
    return [first + timedelta(days=i) for i in range((date(year + 1, 1, 1) - first).days)]


# -- the examples of the issue and the spec ------------------------------------------------------


@pytest.mark.parametrize(("received", "extended", "due"), [
    ("2025-09-26", False, "2025-10-30"),  # issue: 9-28 and 10-11 make-up days, 10-01..08 off
    ("2025-09-26", True, "2025-11-27"),  # issue: with an approved extension
    ("2026-02-10", False, "2026-03-16"),  # spec §4 and acceptance: Spring Festival 2026
    ("2026-02-10", True, "2026-04-14"),  # spec §4: 2026-03-16 + 20
    ("2021-09-24", False, "2021-10-27"),  # spec §4
    ("2025-01-20", False, "2025-02-21"),  # spec §4
])
def test_worked_examples(received: str, extended: bool, due: str) -> None:
    result = due_date(D(received), extended=extended)
    assert result.due == D(due)
    assert result.provisional is False
    assert "暂定" not in result.explanation
    assert result.display == due


def test_spec_plus_7_correction_notice() -> None:
    assert correction_notice_due(D("2026-02-10")).due == D("2026-02-26")  # spec §4, Art. 30


def test_spec_extension_from_original_due() -> None:
    assert add_workdays(D("2026-03-16"), 20).due == D("2026-04-14")


def test_explanation_says_how_it_was_computed() -> None:
    text = due_date(D("2025-09-26")).explanation
    for part in ("第三十三条第二款", "自2025-09-26收到申请之日起算20个工作日", "起算当日不计入",
                 "国庆节、中秋节假期10月1日至8日", "9月28日、10月11日为调休上班日", "至2025-10-30",
                 "国办发明电〔2024〕12号", "chinesecalendar"):
        assert part in text, part
    extended = due_date(D("2025-09-26"), extended=True)
    assert extended.original_due == D("2025-10-30") and extended.workdays == 40
    assert "延长答复期限20个工作日" in extended.explanation
    assert "自原期限2025-10-30起算" in extended.explanation


def test_spring_festival_2026_explained() -> None:
    text = due_date(D("2026-02-10")).explanation
    assert "春节假期2月15日至23日" in text
    assert "2月14日、2月28日为调休上班日" in text


# -- the calendar against the official notices -------------------------------------------------


@pytest.mark.parametrize("year", sorted(SPEC_TABLE))
def test_package_matches_the_notices(year: int) -> None:
    official = Calendar([spec_schedule(year)], package=False)
    package = default_calendar()
    mismatches = [d for d in days_of(year) if official.is_workday(d) != package.is_workday(d)]
    assert mismatches == []
    assert sum(package.is_workday(d) for d in days_of(year)) == SPEC_WORKDAY_COUNTS[year]


def test_package_coverage() -> None:
    assert package_years() == (2004, 2026)
    cal = Calendar()
    assert cal.covers(2026) and not cal.covers(2027)
    assert not cal.is_provisional(D("2026-12-31"))
    assert cal.is_provisional(D("2027-01-04"))


def test_make_up_day_and_holiday_info() -> None:
    cal = Calendar()
    sunday = cal.info(D("2025-09-28"))
    assert sunday.workday and sunday.makeup and sunday.name == "国庆节"
    assert not cal.is_workday(D("2025-10-08"))
    assert cal.info(D("2025-10-06")).name == "中秋节"
    assert not cal.is_workday(D("2025-10-04"))  # a Saturday inside the break


def test_2024_new_years_eve_stays_a_working_day() -> None:
    assert Calendar().is_workday(D("2024-02-09"))  # spec §2: only "encouraged" to rest


# -- provisional years ----------------------------------------------------------------------------


def test_statutory_holidays_2027_by_the_2024_text() -> None:
    days = statutory_holidays(2027)
    assert len(days) == 13  # 2024 text: 13 days
    spring = [d for d, n in days if n == "春节"]
    assert spring == [D("2027-02-05"), D("2027-02-06"), D("2027-02-07"), D("2027-02-08")]  # 除夕-初三
    assert (D("2027-04-05"), "清明节") in days
    assert (D("2027-06-09"), "端午节") in days and (D("2027-09-15"), "中秋节") in days
    assert [d for d, n in days if n == "劳动节"] == [D("2027-05-01"), D("2027-05-02")]


def test_provisional_compensation_art_6() -> None:
    rest = provisional_rest_days(2027)
    # 春节: Sat 6 and Sun 7 Feb compensated on Tue 9 and Wed 10; 劳动节 1-2 May (Sat, Sun) → 3, 4 May
    assert rest[D("2027-02-09")] == rest[D("2027-02-10")] == "春节补假"
    assert rest[D("2027-05-03")] == rest[D("2027-05-04")] == "劳动节补假"
    assert D("2027-05-05") not in rest
    # 2028: 中秋 on 3 October meets 国庆 → one more day, as the 2020 notice did
    rest_2028 = provisional_rest_days(2028)
    assert rest_2028[D("2028-10-03")] == "中秋节、国庆节"
    assert D("2028-10-04") in rest_2028 and D("2028-10-05") in rest_2028
    assert D("2028-10-06") not in rest_2028


def test_2013_text_before_2025() -> None:
    days = statutory_holidays(2024)
    assert len(days) == 11
    assert [d for d, n in days if n == "春节"] == [D("2024-02-10"), D("2024-02-11"), D("2024-02-12")]


@pytest.mark.parametrize("year", [2021, 2022, 2023, 2024, 2025, 2026])
def test_provisional_rest_days_are_official_rest_days(year: int) -> None:
    """Every statutory day of the provisional rule was a rest day in the actual notice (the
    notices only add days; spec §4: provisional dates can be several days off, never earlier)."""
    official = default_calendar()
    statutory = [d for d, _ in statutory_holidays(year)]
    assert [d for d in statutory if official.is_workday(d)] == []


def test_festival_table_spot_checks() -> None:
    # 正月初一, 清明, 端午, 中秋 — 2025 and 2026 as in the notices
    assert festival_dates(2025) == (D("2025-01-29"), D("2025-04-04"), D("2025-05-31"), D("2025-10-06"))
    assert festival_dates(2026) == (D("2026-02-17"), D("2026-04-05"), D("2026-06-19"), D("2026-09-25"))


def test_deadline_into_2027_is_provisional_then_exact() -> None:
    provisional = due_date(D("2026-12-15"))
    assert provisional.due == D("2027-01-13")
    assert provisional.provisional is True and provisional.provisional_years == (2027,)
    assert provisional.display == "2027-01-13（暂定）"
    assert "暂定" in provisional.explanation and "2027年的节假日安排尚未公布" in provisional.explanation

    cal = Calendar().with_schedule(fixture_2027())
    exact = due_date(D("2026-12-15"), calendar=cal)
    assert exact.provisional is False and "暂定" not in exact.explanation
    assert exact.due == D("2027-01-13")  # 元旦 1-3 January needs no 调休 in 2027
    assert "测试用2027年节假日安排" in exact.explanation


def test_provisional_and_exact_dates_can_differ() -> None:
    provisional = due_date(D("2026-12-15"), extended=True)
    # provisional: 春节 5-8 Feb + compensation 9-10 Feb, no make-up day → 2027-02-16
    assert provisional.due == D("2027-02-16") and provisional.provisional
    exact = due_date(D("2026-12-15"), extended=True, calendar=Calendar().with_schedule(fixture_2027()))
    # the fixture: break 5-12 Feb, Sunday 31 Jan a make-up day → 2027-02-17
    assert exact.due == D("2027-02-17") and not exact.provisional
    assert "1月31日为调休上班日" in exact.explanation


def test_with_schedule_is_immutable_and_overrides_the_package() -> None:
    base = Calendar()
    emergency = YearSchedule.from_dict({
        "year": 2026,
        "holidays": [*({"name": "假日", "start": f"2026-{a}", "end": f"2026-{b}"} for a, b in SPEC_TABLE[2026][0]),
                     {"name": "临时放假", "start": "2026-03-02"}],
        "workdays": [{"name": "调休", "date": f"2026-{w}"} for w in SPEC_TABLE[2026][1]],
    })
    changed = base.with_schedule(emergency)
    assert base.is_workday(D("2026-03-02")) and not changed.is_workday(D("2026-03-02"))
    assert due_date(D("2026-02-10"), calendar=changed).due == D("2026-03-17")
    assert 2026 in changed.schedules and 2026 not in base.schedules


def test_cross_year_entries_of_a_schedule() -> None:
    schedule = YearSchedule.from_dict({**TEST_2027, "holidays": [
        *TEST_2027["holidays"], {"name": "元旦", "start": "2026-12-31"}]})  # type: ignore[list-item]
    cal = Calendar().with_schedule(schedule)
    assert not cal.is_workday(D("2026-12-31"))
    assert Calendar().is_workday(D("2026-12-31"))


def test_year_without_any_data() -> None:
    with pytest.raises(CalendarError) as err:
        due_date(D("2150-01-05"))
    assert "2150" in err.value.message


# -- the schedule file format ------------------------------------------------------------------


def test_schedule_json_round_trip(tmp_path) -> None:
    schedule = fixture_2027()
    assert len(schedule.holidays) == 3 + 8 + 3 + 5 + 1 + 1 + 7
    path = tmp_path / "2027.json"
    schedule.save(path)
    again = YearSchedule.load(path)
    assert again == schedule
    assert again.to_dict()["holidays"][1] == {"name": "春节", "start": "2027-02-05", "end": "2027-02-12"}
    assert schedule.warnings() == []


def test_schedule_warns_about_missing_statutory_days() -> None:
    data = {**TEST_2027, "holidays": TEST_2027["holidays"][1:]}  # 元旦 left out
    warnings = YearSchedule.from_dict(data).warnings()
    assert warnings == ["法定节日2027-01-01（元旦）未列为放假日，请核对通知原文"]


@pytest.mark.parametrize(("change", "message"), [
    ({"year": "2027"}, "缺少年份"),
    ({"format": "other/2"}, "不认识的文件格式"),
    ({"holidays": [{"name": "元旦", "start": "2027-02-30"}]}, "不存在"),
    ({"holidays": [{"name": "元旦", "start": "1/1/2027"}]}, "YYYY-MM-DD"),
    ({"holidays": [{"name": "元旦", "start": "2027-01-03", "end": "2027-01-01"}]}, "早于"),
    ({"holidays": [{"start": "2027-01-01"}]}, "缺少节日名称"),
    ({"holidays": []}, "没有任何放假日"),
    ({"holidays": [{"name": "元旦", "start": "2028-06-01"}]}, "范围"),
    ({"workdays": [{"name": "春节", "date": "2027-02-01"}]}, "不是周六或周日"),
    ({"workdays": [{"name": "春节", "date": "2027-01-02"}]}, "同时列为放假日和调休上班日"),
    ({"workdays": "2027-01-31"}, "对象列表"),
])
def test_schedule_errors(change: dict, message: str) -> None:
    with pytest.raises(ScheduleError) as err:
        YearSchedule.from_dict({**TEST_2027, **change})
    assert message in err.value.message


def test_schedule_file_errors(tmp_path) -> None:
    with pytest.raises(ScheduleError, match="找不到"):
        YearSchedule.load(tmp_path / "none.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(ScheduleError, match="不是有效的 JSON"):
        YearSchedule.load(bad)


# -- pauses ---------------------------------------------------------------------------------------

# received Monday 2025-03-03: 20 working days → Monday 2025-03-31 (no holiday in between)
PLAIN = D("2025-03-03")


def test_no_pause_baseline() -> None:
    assert due_date(PLAIN).due == D("2025-03-31")


def test_correction_restarts_the_clock() -> None:
    pause = Pause.correction(D("2025-03-05"), D("2025-03-20"))
    result = due_date(PLAIN, pauses=[pause])
    assert result.start == D("2025-03-20")
    assert result.due == add_workdays(D("2025-03-20"), 20).due == D("2025-04-18")  # 清明 4-6 April
    assert "第三十条" in result.explanation and "重新计算" in result.explanation
    assert "收到补正后申请之日起算20个工作日" in result.explanation
    assert result.warnings == ()


def test_late_correction_notice_is_flagged() -> None:
    result = due_date(PLAIN, pauses=[Pause.correction(D("2025-03-13"), D("2025-03-20"))])
    assert result.warnings and "应不迟于2025-03-12" in result.warnings[0]


def test_consultation_time_is_not_counted() -> None:
    pause = Pause.consultation(D("2025-03-10"), D("2025-03-14"))  # Mon-Fri: 5 working days
    result = due_date(PLAIN, pauses=[pause])
    assert result.due == D("2025-04-08")  # 3 more days in March/April, 4-6 April off, then 7, 8
    assert "第三十三条第三款" in result.explanation and "5个工作日" in result.explanation
    assert result.pauses == (pause,)


def test_fee_pause_is_configurable_and_both_dates_are_shown() -> None:
    pause = Pause.fee(D("2025-03-10"), D("2025-03-14"))
    running = due_date(PLAIN, pauses=[pause])
    assert running.due == D("2025-03-31") and running.alternative_due == D("2025-04-08")
    assert "待确认" in running.explanation and "本计算未扣除" in running.explanation
    assert "如扣除，期限为2025-04-08" in running.explanation
    stopped = due_date(PLAIN, pauses=[pause], fee_stops_clock=True)
    assert stopped.due == D("2025-04-08") and stopped.alternative_due == D("2025-03-31")
    assert "如不扣除，期限为2025-03-31" in stopped.explanation


def test_pause_with_extension() -> None:
    pause = Pause.consultation(D("2025-03-10"), D("2025-03-14"))
    result = due_date(PLAIN, extended=True, pauses=[pause])
    assert result.original_due == D("2025-04-08")
    assert result.due == add_workdays(D("2025-04-08"), 20).due


def test_pause_after_the_deadline_changes_nothing() -> None:
    result = due_date(PLAIN, pauses=[Pause.consultation(D("2025-04-10"), D("2025-04-20"))])
    assert result.due == D("2025-03-31")
    assert any("届满之后" in w for w in result.warnings)


def test_pause_input_errors() -> None:
    with pytest.raises(DeadlineError):
        Pause.consultation(D("2025-03-10"), D("2025-03-09"))
    with pytest.raises(DeadlineError):
        due_date(PLAIN, pauses=[Pause.consultation(D("2025-03-01"), D("2025-03-09"))])
    with pytest.raises(DeadlineError):
        Pause("休眠", "", PLAIN, PLAIN)  # type: ignore[arg-type]
    assert Pause("third_party", "", PLAIN, PLAIN).kind == PauseKind.CONSULTATION  # type: ignore[arg-type]
    assert Pause.fee(PLAIN, PLAIN).basis.endswith("（国办函〔2020〕109号）")
    assert Pause(PauseKind.CORRECTION, "某地规定", PLAIN, PLAIN).basis == "某地规定"


def test_other_periods() -> None:
    fee = fee_payment_due(D("2025-09-26"))
    assert fee.due == D("2025-10-30") and "国办函〔2020〕109号" in fee.explanation
    reply = consultation_reply_due(D("2026-02-10"))
    assert reply.due == D("2026-03-09") and "第三十二条" in reply.explanation


def test_add_workdays_edges() -> None:
    assert add_workdays(D("2025-10-04"), 0).due == D("2025-10-04")
    assert add_workdays(D("2025-10-04"), 1).due == D("2025-10-09")  # a trigger inside a holiday
    with pytest.raises(DeadlineError):
        add_workdays(D("2025-10-04"), -1)


# -- properties -------------------------------------------------------------------------------

dates = st.dates(min_value=date(2015, 1, 1), max_value=date(2028, 12, 31))
small = st.integers(min_value=0, max_value=45)


@settings(max_examples=300, deadline=None)
@given(dates, st.integers(min_value=1, max_value=60))
def test_due_is_a_working_day_with_exactly_n_working_days(start: date, n: int) -> None:
    cal = default_calendar()
    due = cal.nth_workday(start, n)
    assert cal.is_workday(due)
    assert len(cal.workdays_between(start, due)) == n
    assert due >= start + timedelta(days=n)


@settings(max_examples=300, deadline=None)
@given(dates, small, small)
def test_adding_is_additive(start: date, n: int, m: int) -> None:
    cal = default_calendar()
    assert cal.nth_workday(cal.nth_workday(start, n), m) == cal.nth_workday(start, n + m)


@settings(max_examples=200, deadline=None)
@given(dates, dates)
def test_later_receipt_never_gives_an_earlier_due_date(a: date, b: date) -> None:
    a, b = min(a, b), max(a, b)
    assert due_date(a).due <= due_date(b).due


@settings(max_examples=200, deadline=None)
@given(dates)
def test_extension_adds_20_working_days_and_provisional_means_an_unloaded_year(received: date) -> None:
    cal = default_calendar()
    plain, extended = due_date(received), due_date(received, extended=True)
    assert extended.due == cal.nth_workday(plain.due, 20)
    assert extended.due >= received + timedelta(days=40)
    first = received + timedelta(days=1)
    unknown = [y for y in range(first.year, extended.due.year + 1) if not cal.covers(y)]
    assert extended.provisional == bool(unknown)
    assert extended.provisional_years == tuple(unknown)
    assert ("暂定" in extended.explanation) == extended.provisional


@settings(max_examples=200, deadline=None)
@given(dates, st.integers(min_value=0, max_value=30), st.integers(min_value=0, max_value=30))
def test_pauses_never_shorten_and_correction_restarts(received: date, a: int, b: int) -> None:
    start = received + timedelta(days=a)
    end = start + timedelta(days=b)
    plain = due_date(received).due
    assert due_date(received, pauses=[Pause.consultation(start, end)]).due >= plain
    assert due_date(received, pauses=[Pause.fee(start, end)]).due == plain  # default: clock runs
    assert due_date(received, pauses=[Pause.fee(start, end)], fee_stops_clock=True).due >= plain
    assert due_date(received, pauses=[Pause.correction(start, end)]).due == due_date(end).due


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=2015, max_value=2099))
def test_provisional_rule_properties(year: int) -> None:
    rest = provisional_rest_days(year)
    statutory = statutory_holidays(year)
    assert all(d in rest for d, _ in statutory)
    compensations = [d for d, n in rest.items() if n.endswith("补假")]
    # Art. 6: each festival day on a weekend, and each one sharing its date with another, owes a day
    seen: set[date] = set()
    owed = 0
    for day, _ in statutory:
        owed += day.weekday() >= 5 or day in seen
        seen.add(day)
    assert len(compensations) == owed
    assert all(d.weekday() < 5 for d in compensations)
    schedule = YearSchedule(year, rest)
    assert YearSchedule.from_dict(schedule.to_dict()) == schedule
