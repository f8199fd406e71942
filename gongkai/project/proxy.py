"""Behind the reverse proxy of docs/deploy.md the socket address is the proxy's own.

With GONGKAI_BEHIND_PROXY on, the address nginx puts in X-Real-IP becomes REMOTE_ADDR, so the
audit log and the public form's rate limit see the visitor. Off (the default) the header is
ignored: anyone could send it, and a forged one must not dodge the rate limit."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class RealIPMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.enabled = settings.BEHIND_PROXY

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self.enabled:
            real = request.META.get("HTTP_X_REAL_IP", "").strip()
            if real:
                request.META["REMOTE_ADDR"] = real
        return self.get_response(request)
