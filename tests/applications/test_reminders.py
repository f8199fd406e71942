"""Reminder e-mails, directly and through the task queue on Redis (the production path)."""

from __future__ import annotations

import os
import uuid
from datetime import date

import pytest
from django.core import mail

from gongkai.applications import workflow
from gongkai.applications.models import Application
from gongkai.applications.reminders import collect, send_reminders

pytestmark = pytest.mark.django_db


def _case(county, received: date) -> Application:  # type: ignore[no-untyped-def]
    app = Application(agency=county.edu, channel="in_person", submitted_on=received, applicant_type="natural",
                      applicant_name="李四", id_number="410423199001011234", phone="13900000000",
                      description="某小区规划许可证")
    return workflow.register(app, county.edu_officer, on=received)


@pytest.fixture
def staff_mail(county):  # type: ignore[no-untyped-def]
    county.edu_officer.email = "officer@edu.example"
    county.edu_officer.save()
    county.env_officer.email = "officer@env.example"
    county.env_officer.save()
    return county


def test_overdue_and_due_soon_cases_are_reminded_to_their_agency_only(staff_mail) -> None:  # type: ignore[no-untyped-def]
    overdue = _case(staff_mail, date(2025, 9, 1))      # due 2025-09-29
    soon = _case(staff_mail, date(2025, 9, 26))        # due 2025-10-30
    later = _case(staff_mail, date(2025, 10, 27))      # due late November
    today = date(2025, 10, 27)
    [reminder] = collect(today)
    assert reminder.recipients == ["officer@edu.example"]
    assert reminder.overdue == [overdue] and reminder.due_soon == [soon]
    assert later not in reminder.due_soon
    assert send_reminders(today) == 1
    [message] = mail.outbox
    assert "1件已逾期" in message.subject and overdue.number in message.body and soon.number in message.body


def test_no_open_cases_no_mail(staff_mail) -> None:  # type: ignore[no-untyped-def]
    assert send_reminders(date(2025, 10, 27)) == 0
    assert mail.outbox == []


def _redis_url() -> str:
    return os.environ.get("GONGKAI_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.mark.django_db(transaction=True)
def test_reminder_task_runs_through_a_redis_queue(staff_mail) -> None:  # type: ignore[no-untyped-def]
    """The production queue: enqueue on Redis, a worker dequeues and executes, result returned."""
    import redis
    from huey import RedisHuey

    try:
        redis.Redis.from_url(_redis_url()).ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI"):
            raise
        pytest.skip("Redis not running (it is required in CI)")
    _case(staff_mail, date(2025, 9, 1))
    queue = RedisHuey(f"gongkai-test-{uuid.uuid4().hex}", url=_redis_url())
    try:
        task = queue.task()(lambda: send_reminders(date(2025, 10, 27)))
        pending = task()
        assert len(queue) == 1
        queue.execute(queue.dequeue())
        assert pending.get() == 1
        assert len(mail.outbox) == 1
    finally:
        queue.storage.flush_all()
