"""Loading, finding and removing the demo county as one transaction.

Idempotent: ``load()`` on a database that already holds the demo does nothing (it reports what
is there); ``load(reset=True)`` removes the demo's agencies, staff, applications and remedies and
builds them again, leaving every other record alone."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from gongkai.agencies.models import Agency, User
from gongkai.applications import deadlines
from gongkai.applications.models import Application
from gongkai.holidays.calendar import current_calendar
from gongkai.litigation.models import Remedy

from .cases import CaseRunner
from .county import COUNTY_CODE, DEMO_PASSWORD, SUPERUSER, build_county, ensure_superuser
from .plans import plan_all
from .remedies import build_remedies

SEED = 20190515  # the day the revised Regulation took effect


class DemoError(Exception):
    """The demo cannot be loaded or removed; ``message`` says why, in Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class SignIn:
    username: str
    agency: str
    role: str  # User.Role value, "superuser" for the platform administrator
    password: str = DEMO_PASSWORD  # "" when the account had its own password before the demo


@dataclass
class Summary:
    created: bool
    applications: int = 0
    remedies: int = 0
    seconds: float = 0.0
    sign_ins: list[SignIn] = field(default_factory=list)


def county_agency() -> Agency | None:
    return Agency.objects.filter(code=COUNTY_CODE).first()


def is_loaded() -> bool:
    return county_agency() is not None


def load(*, reset: bool = False, today: date | None = None) -> Summary:
    """Build the demo county, unless it is there already (then with ``reset`` rebuild it)."""
    started = time.monotonic()
    if is_loaded() and not reset:
        return _summary(created=False, started=started)
    today = today or deadlines.today()
    try:
        with transaction.atomic():
            remove()
            county = build_county()
            ensure_superuser()
            rng = random.Random(SEED)
            cal = current_calendar()
            runner = CaseRunner(county, cal, today)
            for index, plan in enumerate(plan_all(rng, today, cal)):
                runner.run(plan, random.Random(f"{SEED}:{index}"))
            build_remedies(county, rng, today)
    except IntegrityError as exc:
        raise DemoError(f"无法载入演示数据：数据库中已有同名的机构代码或用户名（{exc}）") from None
    return _summary(created=True, started=started)


def remove() -> int:
    """Delete the demo county and everything filed under it; returns the applications removed."""
    top = county_agency()
    if top is None:
        return 0
    agencies = list(top.subtree())
    try:
        with transaction.atomic():
            Remedy.objects.filter(agency__in=agencies).delete()
            Remedy.objects.filter(application__agency__in=agencies).delete()
            removed = Application.objects.filter(agency__in=agencies).count()
            Application.objects.filter(agency__in=agencies).delete()
            User.objects.filter(agency__in=agencies).delete()
            for agency in sorted(agencies, key=lambda a: -len(a.path)):
                agency.delete()
    except ProtectedError as exc:
        raise DemoError(f"无法删除演示数据：其他记录仍引用演示机构（{exc.args[0]}）") from None
    return removed


def sign_ins() -> list[SignIn]:
    """The demo's accounts, county first, in the order of the agency tree."""
    top = county_agency()
    if top is None:
        return []
    order = {role: i for i, role in enumerate(User.Role.values)}
    users = User.objects.filter(agency__path__startswith=top.path).select_related("agency")
    rows = sorted(users, key=lambda u: (u.agency.path.count("/"), u.agency_id, order[u.role]))
    out = [SignIn(u.username, u.agency.name, u.role) for u in rows]
    admin = User.objects.filter(username=SUPERUSER, is_superuser=True).first()
    if admin is not None:
        known = admin.check_password(DEMO_PASSWORD)
        out.insert(0, SignIn(SUPERUSER, "", "superuser", DEMO_PASSWORD if known else ""))
    return out


def _summary(*, created: bool, started: float) -> Summary:
    top = county_agency()
    agencies = list(top.subtree()) if top else []
    return Summary(
        created=created,
        applications=Application.objects.filter(agency__in=agencies).count(),
        remedies=Remedy.objects.filter(agency__in=agencies).count(),
        seconds=time.monotonic() - started,
        sign_ins=sign_ins(),
    )
