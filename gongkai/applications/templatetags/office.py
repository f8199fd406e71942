"""``{% office_nav %}``: the disclosure office's menu (applications/_office_nav.html), rendered
once per process for each language and kind of user instead of on every page view: six URL
reversals and labels, a tenth of the case page's budget (issue 4: ≥ 300 requests/s)."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf
from django.utils.safestring import SafeString
from django.utils.translation import get_language

register = template.Library()

_rendered: dict[tuple[Any, ...], SafeString] = {}


@register.simple_tag(takes_context=True)
def office_nav(context: template.Context) -> SafeString:
    can_handle = bool(getattr(context.get("user"), "can_handle_cases", False))
    key = (get_language(), can_handle, get_script_prefix(), get_urlconf())
    menu = _rendered.get(key)
    if menu is None:
        # The menu sees nothing but what the key holds, so a kept copy can never show one
        # user's data to another.
        menu = render_to_string("applications/_office_nav.html", {"user": {"can_handle_cases": can_handle}})
        if not settings.DEBUG:  # while developing, an edited menu shows at once
            _rendered[key] = menu
    return menu
