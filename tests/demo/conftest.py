"""The demo county loaded once per module into the test database, rolled back afterwards."""

from __future__ import annotations

import pytest
from django.db import transaction


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    from gongkai.demo import load

    with django_db_blocker.unblock(), transaction.atomic():
        summary = load()
        yield summary
        transaction.set_rollback(True)
