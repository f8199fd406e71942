"""``{% url "name" %}`` that reverses a constant URL once per process instead of on every render.

The site's frame (portal/base.html) names seven URLs without arguments on every page; each
``reverse()`` walks the resolver again (about 20 µs), a noticeable share of the case page's
budget (issue 4: ≥ 300 requests/s on 2 cores). Loaded after Django's tags, this library's
``url`` keeps the reversed URL of a constant name, keyed by everything ``reverse()`` depends on
besides it (script prefix, URLconf, current application); any other use (arguments, ``as``,
a variable name) is Django's tag unchanged.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from django import template
from django.template.base import Node
from django.template.defaulttags import url as django_url
from django.urls import get_script_prefix, get_urlconf

from gongkai.portal.kept import KeptNode

register = template.Library()


class CachedURLNode(KeptNode):
    def key(self, context: template.Context) -> Hashable:
        request = getattr(context, "request", None)
        current_app = getattr(request, "current_app", None)
        if current_app is None:
            current_app = getattr(getattr(request, "resolver_match", None), "namespace", None)
        return (get_script_prefix(), get_urlconf(), current_app, context.autoescape)


@register.tag("url")
def url(parser: Any, token: Any) -> Node:
    node = django_url(parser, token)
    # A quoted name parses to a plain string; a variable name to a Variable.
    constant = (not node.args and not node.kwargs and node.asvar is None
                and isinstance(node.view_name.var, str) and not node.view_name.filters)
    return CachedURLNode(node) if constant else node
