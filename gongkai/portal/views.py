from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html")


def rate_limited(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "portal/rate_limited.html", status=429)
