"""``{% translate "constant" %}`` that translates each message once per process and language.

Django's tag looks the message up again on every render (a lazy string, the active language
from a context-local, the catalogue, escaping): about 15 µs, and the case page has some forty
labels, a tenth of its budget (issue 4). Loaded after ``i18n``, this library's ``translate``
keeps the rendered text of a plain constant message per language and escaping mode; any other
use (``as``, ``noop``, ``context``, variables, filters) is Django's tag unchanged. Because the
tag keeps its name, ``makemessages`` finds the messages as before.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from django import template
from django.template.base import Node
from django.templatetags.i18n import do_translate
from django.utils.translation import get_language

from gongkai.portal.kept import KeptNode

register = template.Library()


class CachedTranslateNode(KeptNode):
    def key(self, context: template.Context) -> Hashable:
        return (get_language(), context.autoescape)


@register.tag("translate")
@register.tag("trans")
def translate(parser: Any, token: Any) -> Node:
    node = do_translate(parser, token)
    expression = node.filter_expression
    constant = (expression.var.literal is not None and not expression.filters and not node.noop
                and node.asvar is None and node.message_context is None)
    return CachedTranslateNode(node) if constant else node
