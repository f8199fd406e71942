from __future__ import annotations

import pytest
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from gongkai.project.proxy import RealIPMiddleware


def _seen(behind: bool, **headers: str) -> str:
    with override_settings(BEHIND_PROXY=behind):
        seen = {}

        def view(request):  # type: ignore[no-untyped-def]
            seen["ip"] = request.META["REMOTE_ADDR"]
            return HttpResponse()

        RealIPMiddleware(view)(RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", **headers))
        return seen["ip"]


def test_forged_header_is_ignored_unless_behind_a_proxy() -> None:
    assert _seen(False, HTTP_X_REAL_IP="1.2.3.4") == "10.0.0.1"


@pytest.mark.parametrize("header,expected", [({"HTTP_X_REAL_IP": "1.2.3.4"}, "1.2.3.4"), ({}, "10.0.0.1")])
def test_behind_the_proxy_the_visitor_address_is_used(header: dict[str, str], expected: str) -> None:
    assert _seen(True, **header) == expected
