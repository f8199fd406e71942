"""The statutory workflow on real dates: receipt, extension, pauses, answers, year-end counts."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.applications import workflow
from gongkai.applications.counting import table3
from gongkai.applications.models import Application, CaseEvent
from gongkai.holidays.services import enter_year
from gongkai.workdays import YearSchedule

pytestmark = pytest.mark.django_db


def make(county, *, channel="in_person", sent=date(2025, 9, 26), kind="natural") -> Application:  # type: ignore[no-untyped-def]
    return Application(agency=county.edu, channel=channel, submitted_on=sent, applicant_type=kind,
                       applicant_name="张三", id_number="410423199001011234", phone="13800000000",
                       description="2025年义务教育学校招生划片方案")


def test_register_fixes_receipt_date_and_due_date(county) -> None:  # type: ignore[no-untyped-def]
    app = workflow.register(make(county), county.edu_officer, on=date(2025, 9, 26))
    assert app.received_on == date(2025, 9, 26)
    assert app.due_on == date(2025, 10, 30)
    assert app.number == "2025-0001"
    assert "2025-10-30" in app.due_explanation
    assert app.events.get().kind == CaseEvent.Kind.REGISTERED


def test_online_receipt_date_is_the_confirmation_day(county) -> None:  # type: ignore[no-untyped-def]
    app = workflow.submit_online(make(county, channel="online", sent=date(2025, 9, 25)))
    assert app.received_on is None and app.status == Application.Status.SUBMITTED
    workflow.register(app, county.edu_officer, on=date(2025, 9, 26))
    assert app.received_on == date(2025, 9, 26) and app.due_on == date(2025, 10, 30)


def test_extension_needs_an_approver_and_adds_twenty_working_days(county) -> None:  # type: ignore[no-untyped-def]
    app = workflow.register(make(county), county.edu_officer, on=date(2025, 9, 26))
    with pytest.raises(workflow.WorkflowError):
        workflow.extend(app, county.edu_officer, on=date(2025, 10, 20), reason="材料较多")
    workflow.extend(app, county.edu_approver, on=date(2025, 10, 20), reason="材料较多")
    assert app.due_on == date(2025, 11, 27)
    with pytest.raises(workflow.WorkflowError):
        workflow.extend(app, county.edu_approver, on=date(2025, 10, 21), reason="再次延期")


def test_correction_restarts_the_clock_and_lapse_counts_as_withdrawn(county) -> None:  # type: ignore[no-untyped-def]
    app = workflow.register(make(county, sent=date(2026, 2, 10)), county.edu_officer, on=date(2026, 2, 10))
    assert app.due_on == date(2026, 3, 16)
    workflow.request_correction(app, county.edu_officer, on=date(2026, 2, 12), what="请明确文件名称",
                                correct_by=date(2026, 3, 2))
    workflow.receive_correction(app, county.edu_officer, on=date(2026, 3, 16))
    assert app.due_on == date(2026, 4, 14)
    other = workflow.register(make(county, sent=date(2026, 2, 10)), county.edu_officer, on=date(2026, 2, 10))
    workflow.request_correction(other, county.edu_officer, on=date(2026, 2, 12), what="请明确", correct_by=date(2026, 3, 2))
    with pytest.raises(workflow.WorkflowError):
        workflow.correction_lapsed(other, county.edu_officer, on=date(2026, 3, 2))
    workflow.correction_lapsed(other, county.edu_officer, on=date(2026, 3, 3))
    assert other.outcome == "R21" and other.concluded_on == date(2026, 3, 3)


def test_entering_2027_makes_open_deadlines_exact_and_records_the_change(county) -> None:  # type: ignore[no-untyped-def]
    app = workflow.register(make(county, sent=date(2026, 12, 15)), county.edu_officer, on=date(2026, 12, 15))
    assert app.due_provisional
    provisional_due = app.due_on
    schedule = YearSchedule.from_dict({
        "year": 2027, "notice": "国办发明电〔2026〕9号",
        "holidays": [{"name": "元旦", "start": "2027-01-01", "end": "2027-01-03"},
                     {"name": "春节", "start": "2027-02-05", "end": "2027-02-13"}],
        "workdays": [{"name": "元旦", "date": "2027-01-09"}],
    })
    _, changed = enter_year(schedule, county.gov_admin)
    app.refresh_from_db()
    assert changed == 1 and not app.due_provisional
    event = app.events.get(kind=CaseEvent.Kind.DEADLINE_RECOMPUTED)
    assert event.data["old_due"] == provisional_due.isoformat()
    assert event.data["new_due"] == app.due_on.isoformat()
    assert "2027" in event.note


def test_year_end_carryover_counts(county) -> None:  # type: ignore[no-untyped-def]
    late = workflow.register(make(county, sent=date(2025, 12, 22)), county.edu_officer, on=date(2025, 12, 22))
    done = workflow.register(make(county, sent=date(2025, 11, 3), kind="legal"), county.edu_officer, on=date(2025, 11, 3))
    workflow.answer(done, county.edu_officer, on=date(2025, 11, 20), outcome="R04", reasons="部分涉及个人隐私")
    y2025 = table3(2025, [county.edu.pk])[None]
    assert y2025["R01"]["natural"] == 1 and y2025["R01"]["legal"] == 1
    assert y2025["R04"]["legal"] == 1 and y2025["R24"]["legal"] == 1
    assert y2025["R25"]["natural"] == 1  # carried out
    workflow.answer(late, county.edu_officer, on=date(2026, 1, 9), outcome="R03")
    y2026 = table3(2026, [county.edu.pk])[None]
    assert y2026["R02"]["natural"] == 1 and y2026["R03"]["natural"] == 1
    assert y2026["R25"]["natural"] == 0


def test_tallies_follow_every_change_and_equal_a_recount(county) -> None:  # type: ignore[no-untyped-def]
    """Table 三 from the tallies equals the count from the cases, across years and edits."""
    from gongkai.applications.counting import table3_from_cases
    from gongkai.applications.tally import rebuild

    cases = []
    for sent, kind in [(date(2024, 12, 20), "natural"), (date(2025, 3, 3), "legal"),
                       (date(2025, 12, 29), "commercial"), (date(2025, 6, 2), "natural")]:
        app = workflow.register(make(county, sent=sent, kind=kind), county.edu_officer, on=sent)
        cases.append(app)
    workflow.answer(cases[0], county.edu_officer, on=date(2025, 1, 10), outcome="R13", reasons="不掌握")
    workflow.answer(cases[1], county.edu_officer, on=date(2025, 3, 20), outcome="R04", reasons="部分涉密")
    workflow.request_correction(cases[3], county.edu_officer, on=date(2025, 6, 4), what="请明确", correct_by=date(2025, 6, 20))
    workflow.correction_lapsed(cases[3], county.edu_officer, on=date(2025, 6, 23))
    cases[1].applicant_type = "research"  # an officer corrects the applicant type afterwards
    cases[1].save()
    online = workflow.submit_online(make(county, channel="online", sent=date(2025, 12, 30)))
    other = workflow.register(make(county, sent=date(2025, 5, 5)), county.env_officer, on=date(2025, 5, 5))
    other.delete()

    def both(year: int, **kw):  # type: ignore[no-untyped-def]
        return ({k: dict(v) for k, v in table3(year, **kw)[None].items() if any(v.values())},
                {k: dict(v) for k, v in table3_from_cases(year, **kw)[None].items() if any(v.values())})

    for year in (2024, 2025, 2026):
        tallied, counted = both(year)
        assert tallied == counted, year
        assert both(year, agencies=[county.edu.pk])[0] == both(year, agencies=[county.edu.pk])[1]
    t = table3(2025)[None]
    assert t["R02"]["natural"] == 1 and t["R13"]["natural"] == 1 and t["R21"]["natural"] == 1
    assert t["R04"]["research"] == 1 and t["R04"]["legal"] == 0
    assert t["R25"]["commercial"] == 1 and online.received_on is None
    rebuild()
    assert both(2025)[0] == both(2025)[1]


def test_recount_check_finds_drift_and_recount_repairs_it(county) -> None:  # type: ignore[no-untyped-def]
    from django.core.management import CommandError, call_command

    from gongkai.applications.models import YearTally

    workflow.register(make(county, sent=date(2025, 3, 3)), county.edu_officer, on=date(2025, 3, 3))
    call_command("recount", check=True)
    YearTally.objects.update(n=7)  # a bulk import that bypassed the signals, say
    with pytest.raises(CommandError):
        call_command("recount", check=True)
    call_command("recount")
    call_command("recount", check=True)
    assert table3(2025)[None]["R01"]["natural"] == 1
