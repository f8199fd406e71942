"""The platform's URLs plus ``/bench/bare/``: a trivial view returning a page of the case
page's size (``GONGKAI_BENCH_BYTES``), the reference for the requests/s of the case page."""

import os

from django.http import HttpRequest, HttpResponse
from django.urls import include, path

_SIZE = int(os.environ.get("GONGKAI_BENCH_BYTES", "12000"))
_LINE = "<p>政府信息公开申请 答复期限 二〇二五年十月三十日</p>\n"
_HEAD = b"<!doctype html><html lang=zh-hans><title>bench</title>\n"
_LINES = _LINE.encode() * max(0, (_SIZE - len(_HEAD)) // len(_LINE.encode()))
_BODY = (_HEAD + _LINES).ljust(_SIZE, b" ")  # whole lines, padded to the exact size


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse(_BODY, content_type="text/html; charset=utf-8")


urlpatterns = [
    path("bench/bare/", bare),
    path("", include("gongkai.project.urls")),
]
