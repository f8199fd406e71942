"""Template nodes whose rendered text is kept per process, for the tags of every page's frame.

A tag that renders the same text for every request with the same key (the language, the URL
prefix …) keeps it after the first render; while developing (DEBUG) nothing is kept, so an
edited catalogue or URLconf shows at once. ``i18n_cached`` and ``urls_cached`` are built on it.
"""

from __future__ import annotations

from collections.abc import Hashable

from django import template
from django.conf import settings
from django.template.base import Node


class KeptNode(Node):
    """Wraps Django's own node; ``key`` says what its rendered text depends on."""

    child_nodelists = ()

    def __init__(self, node: Node) -> None:
        self.node = node
        self.rendered: dict[Hashable, str] = {}

    def key(self, context: template.Context) -> Hashable:
        raise NotImplementedError

    def render(self, context: template.Context) -> str:
        key = self.key(context)
        text = self.rendered.get(key)
        if text is None:
            text = self.node.render(context)  # Django's own rendering, kept
            if not settings.DEBUG:
                self.rendered[key] = text
        return text
