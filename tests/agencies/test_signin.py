"""Sign-in: password rules, lock-out after repeated failures, who sees which agency."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client

from gongkai.agencies.scope import visible_agencies
from gongkai.auditlog.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("password", ["short1", "abcdefghijkl", "1234567890123", "password123"])
def test_weak_passwords_are_refused(password: str) -> None:
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_good_password_passes() -> None:
    validate_password("Qingshan2025x")


def _sign_in(client: Client, username: str, password: str):  # type: ignore[no-untyped-def]
    return client.post("/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR="10.1.1.1")


def test_five_failures_lock_the_account_even_with_the_right_password(county) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    for _ in range(5):
        _sign_in(client, "edu_officer", "wrong-password-1")
    response = _sign_in(client, "edu_officer", "Gongkai2025!")
    assert response.status_code == 429
    assert "锁定" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert AuditEntry.objects.filter(action=AuditEntry.Action.SIGN_IN_FAILED).count() >= 5


def test_a_success_before_the_limit_resets_the_count(county) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    for _ in range(4):
        _sign_in(client, "edu_officer", "wrong-password-1")
    assert _sign_in(client, "edu_officer", "Gongkai2025!").status_code == 302
    assert AuditEntry.objects.filter(action=AuditEntry.Action.SIGN_IN, actor=county.edu_officer).exists()


def test_supervisor_sees_the_subtree_officer_only_their_agency(county) -> None:  # type: ignore[no-untyped-def]
    assert set(visible_agencies(county.supervisor)) == {county.gov, county.edu, county.env, county.town}
    assert list(visible_agencies(county.edu_officer)) == [county.edu]


def test_moving_an_agency_moves_its_subtree(county) -> None:  # type: ignore[no-untyped-def]
    from gongkai.agencies.models import Agency

    school = Agency.objects.create(name="示范县第一中学", code="S001", parent=county.edu)
    county.edu.parent = county.town
    county.edu.save()
    school.refresh_from_db()
    assert school.path == f"{county.town.path}{county.edu.pk}/{school.pk}/"
    assert county.edu in county.town.subtree()
