from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .context import Actor, current


def client_ip(request: HttpRequest) -> str | None:
    # gongkai.project.proxy has already put the visitor's address here when behind nginx.
    return request.META.get("REMOTE_ADDR") or None


class AuditContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = current.set(Actor(getattr(request, "user", None), client_ip(request)))
        try:
            return self.get_response(request)
        finally:
            current.reset(token)
