"""The kept ``{% url %}`` of portal/base.html renders exactly what Django's tag renders."""

from __future__ import annotations

from django.template import engines
from django.test import override_settings
from django.urls import clear_script_prefix, set_script_prefix

SOURCE = ('{% url "portal:home" %}|{% url "portal:track" as t %}{{ t }}|'
          '{% url "applications:detail" 7 %}|{% url "portal:apply" %}')


def _render(load: str) -> str:
    return engines["django"].from_string(load + SOURCE).render({})


def test_kept_url_renders_as_django_does() -> None:
    assert _render("{% load urls_cached %}") == _render("")
    assert _render("{% load urls_cached %}").startswith("/|/track/|/office/cases/7/|")


def test_kept_url_follows_the_script_prefix() -> None:
    # A site mounted under a sub-path (SCRIPT_NAME) must never get a URL kept for another.
    kept = engines["django"].from_string('{% load urls_cached %}{% url "portal:track" %}')
    assert kept.render({}) == "/track/"
    try:
        set_script_prefix("/gongkai/")
        assert kept.render({}) == "/gongkai/track/"
    finally:
        clear_script_prefix()
        set_script_prefix("/")
    assert kept.render({}) == "/track/"


@override_settings(DEBUG=True)
def test_nothing_kept_while_developing() -> None:
    template = engines["django"].from_string('{% load urls_cached %}{% url "portal:home" %}')
    template.render({})
    node = next(n for n in template.template.nodelist if hasattr(n, "rendered"))
    assert node.rendered == {}
