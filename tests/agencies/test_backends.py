"""The sign-in backend loads each request's user exactly as Django's ModelBackend does."""

from __future__ import annotations

import pytest
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.test import Client
from django.utils import timezone

from gongkai.agencies.backends import USER_COLUMNS, ModelBackend
from gongkai.agencies.models import User

pytestmark = pytest.mark.django_db


def test_the_user_is_the_one_django_loads(county) -> None:  # type: ignore[no-untyped-def]
    user = county.edu_officer
    User.objects.filter(pk=user.pk).update(last_login=timezone.now())
    ours, django = ModelBackend().get_user(user.pk), DjangoModelBackend().get_user(user.pk)
    assert ours is not None and django is not None
    assert [getattr(ours, c) for c in USER_COLUMNS] == [getattr(django, c) for c in USER_COLUMNS]
    assert ours.last_login is not None and timezone.is_aware(ours.last_login)
    assert ours.agency.name == django.agency.name and ours.role == django.role
    assert not ours._state.adding and ours._state.db == "default"


def test_nobody_for_a_missing_inactive_or_malformed_id(county) -> None:  # type: ignore[no-untyped-def]
    backend = ModelBackend()
    assert backend.get_user(10**9) is None
    assert backend.get_user("not-a-number") is None
    User.objects.filter(pk=county.edu_officer.pk).update(is_active=False)
    assert backend.get_user(county.edu_officer.pk) is None


def test_a_deactivated_user_is_signed_out_on_the_next_request(county) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    assert client.post("/accounts/login/", {"username": "edu_officer", "password": "Gongkai2025!"}).status_code == 302
    assert client.get("/office/").status_code == 200
    User.objects.filter(pk=county.edu_officer.pk).update(is_active=False)
    assert client.get("/office/").status_code == 302  # to the sign-in page
