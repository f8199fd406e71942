"""Walks each plan through the real workflow services (applications.workflow), step by step.

Every step happens on a working day counted on the platform's calendar and never after today;
a step that would fall later leaves the case open where it stands, as in a real office."""

from __future__ import annotations

import random
from datetime import date, timedelta

from gongkai.applications import workflow
from gongkai.applications.intake import CONFIRMED_ON_REGISTRATION
from gongkai.applications.models import Application
from gongkai.auditlog.context import Actor, current
from gongkai.workdays import Calendar

from . import topics
from .county import County
from .people import applicant
from .plans import CasePlan


class _Stop(Exception):
    """The next step would fall after today: the case stays open as it is."""


class CaseRunner:
    def __init__(self, county: County, cal: Calendar, today: date) -> None:
        self.county, self.cal, self.today = county, cal, today

    def run(self, plan: CasePlan, rng: random.Random) -> Application:
        officer = self.county.officer(plan.agency)
        token = current.set(Actor(user=officer))  # the audit log names the officer
        app = self.new_application(plan, rng)
        try:
            self.walk(app, plan, rng, quick=bool(plan.stop))
        except _Stop:
            pass
        finally:
            current.reset(token)
        return app

    def new_application(self, plan: CasePlan, rng: random.Random) -> Application:
        who = applicant(rng, plan.kind)
        topic = rng.choice(topics.TOPICS[plan.agency]).format(y=plan.sent.year - 1)
        paper = rng.random() < 0.3
        return Application(
            agency=self.county.agencies[plan.agency], channel=plan.channel, submitted_on=plan.sent,
            applicant_type=plan.kind, applicant_name=who.name, id_type=who.id_type,
            id_number=who.id_number, contact_person=who.contact_person, phone=who.phone,
            email=who.email, address=who.address, description=topic,
            purpose=rng.choice(topics.PURPOSES),
            form=Application.Form.PAPER if paper else Application.Form.ELECTRONIC,
            delivery=Application.Delivery.POST if paper else rng.choice(
                (Application.Delivery.EMAIL, Application.Delivery.ONLINE, Application.Delivery.PICKUP)),
            items=rng.choice((1, 1, 1, 1, 2, 3)),
        )

    # -- the steps, in the order the Regulation puts them --------------------------------------

    def walk(self, app: Application, plan: CasePlan, rng: random.Random, *, quick: bool) -> None:
        officer = self.county.officer(plan.agency)
        self.register(app, plan)
        if plan.stop == "in_progress":
            return
        clock = app.received_on
        assert clock is not None
        if plan.correction:
            clock = self.correction(app, plan, rng, quick)
            if app.status != Application.Status.IN_PROGRESS:
                return
        if plan.consultation:
            clock = self.consultation(app, plan, rng, clock, quick)
        if plan.fee:
            clock = self.fee(app, plan, rng, clock, quick)
            if app.status != Application.Status.IN_PROGRESS:
                return
        if plan.extension:
            self.extension(app, plan, rng, clock)
        answered = self.answer(app, plan, rng, clock)
        if plan.stop != "answered":
            post = app.delivery == Application.Delivery.POST
            workflow.deliver(app, officer, on=self.day(answered + timedelta(days=2 if post else 0)))

    def register(self, app: Application, plan: CasePlan) -> None:
        if plan.channel == "online":
            workflow.submit_online(app)
            if plan.stop == "submitted":
                raise _Stop
        # 条例第三十一条: the portal, e-mail, fax and ordinary letters count from the day the office
        # confirms receipt with the applicant, the other channels from the day handed in.
        on = self.workday_on_or_after(plan.sent) if plan.channel in CONFIRMED_ON_REGISTRATION else plan.sent
        workflow.register(app, self.county.officer(plan.agency), on=self.day(on))

    def correction(self, app: Application, plan: CasePlan, rng: random.Random, quick: bool) -> date:
        """条例第三十条: one notice within 7 working days, a reasonable period to correct."""
        officer = self.county.officer(plan.agency)
        notice = self.day(self.after(app.received_on, 1 if quick else rng.randint(1, 5)))
        workflow.request_correction(app, officer, on=notice, what=rng.choice(topics.CORRECTIONS),
                                    correct_by=self.cal.nth_workday(notice, 15))
        if plan.stop == "correction":
            raise _Stop
        if plan.correction == "lapsed":
            assert app.correction_due_on is not None
            workflow.correction_lapsed(app, officer, on=self.day(self.after(app.correction_due_on, 1)))
            self.deliver_notice(app, plan)
            return notice
        back = self.day(self.after(notice, rng.randint(2, 12)))
        workflow.receive_correction(app, officer, on=back, note="申请人已按要求补正。")
        return back

    def consultation(self, app: Application, plan: CasePlan, rng: random.Random, clock: date,
                     quick: bool) -> date:
        """条例第三十二条: the third party has 15 working days; that time is not counted."""
        officer = self.county.officer(plan.agency)
        start = self.day(self.after(clock, 2 if quick else rng.randint(2, 5)))
        workflow.start_consultation(app, officer, on=start, party=rng.choice(topics.THIRD_PARTIES),
                                    note="书面征求意见，告知其15个工作日内提出意见。")
        if plan.stop == "consultation":
            raise _Stop
        end = self.day(self.after(start, rng.randint(4, 15)))
        workflow.end_consultation(app, officer, on=end, opinion=topics.CONSULTATION_OPINIONS[plan.consultation])
        return end

    def fee(self, app: Application, plan: CasePlan, rng: random.Random, clock: date,
            quick: bool) -> date:
        """条例第四十二条 and 国办函〔2020〕109号: charged by pages beyond 30."""
        officer = self.county.officer(plan.agency)
        pages = rng.randint(40, 160)
        notice = self.day(self.after(clock, 2 if quick else rng.randint(3, 8)))
        workflow.fee_notice(app, officer, on=notice, amount=page_fee(pages), method="按量计收",
                            note=f"申请信息共{pages}页。")
        if plan.stop == "fee":
            raise _Stop
        if plan.fee == "lapsed":
            assert app.fee_due_on is not None
            workflow.fee_lapsed(app, officer, on=self.day(self.after(app.fee_due_on, 1)))
            self.deliver_notice(app, plan)
            return notice
        paid = self.day(self.after(notice, rng.randint(2, 10)))
        workflow.fee_paid(app, officer, on=paid)
        return paid

    def extension(self, app: Application, plan: CasePlan, rng: random.Random, clock: date) -> None:
        """条例第三十三条第二款: approved by the office head before the period runs out."""
        assert app.due_on is not None
        on = max(clock, self.before(app.due_on, rng.randint(1, 4)))
        if on <= app.due_on:
            approver = self.county.approver(plan.agency)
            token = current.set(Actor(user=approver))
            try:
                workflow.extend(app, approver, on=self.day(on), reason=rng.choice(topics.EXTENSION_REASONS))
            finally:
                current.reset(token)

    def answer(self, app: Application, plan: CasePlan, rng: random.Random, clock: date) -> date:
        assert plan.outcome is not None or plan.stop == "answered"
        outcome = plan.outcome or "R03"
        assert app.due_on is not None
        if plan.stop == "answered":
            on = self.before(self.today + timedelta(days=1), 1)
        elif plan.late:
            on = self.after(app.due_on, rng.randint(1, 4))
        else:
            room = max(1, len(self.cal.workdays_between(clock, app.due_on)))
            on = self.after(clock, rng.randint(1, room))
        if plan.answer_not_before and on < plan.answer_not_before:
            on = self.after(plan.answer_not_before - timedelta(days=1), rng.randint(1, 6))
        workflow.answer(app, self.county.officer(plan.agency), on=self.day(on), outcome=outcome,
                        reasons=topics.REASONS[outcome])
        return on

    def deliver_notice(self, app: Application, plan: CasePlan) -> None:
        """The notice that the application is no longer handled is served like an answer."""
        assert app.concluded_on is not None
        workflow.deliver(app, self.county.officer(plan.agency), on=self.day(app.concluded_on))

    # -- dates -------------------------------------------------------------------------------

    def day(self, on: date) -> date:
        if on > self.today:
            raise _Stop
        return on

    def after(self, day: date, n: int) -> date:
        return self.cal.nth_workday(day, n)

    def before(self, day: date, n: int) -> date:
        counted = 0
        while counted < n:
            day -= timedelta(days=1)
            counted += self.cal.is_workday(day)
        return day

    def workday_on_or_after(self, day: date) -> date:
        while not self.cal.is_workday(day):
            day += timedelta(days=1)
        return day


def page_fee(pages: int) -> int:
    """按量计收 (fee measure §2): free to 30 pages, 10 元 to 100, 20 元 to 200, 40 元 beyond."""
    bands = ((30, 0), (100, 10), (200, 20), (10**9, 40))
    total, low = 0, 0
    for high, rate in bands:
        total += max(0, min(pages, high) - low) * rate
        low = high
    return total
