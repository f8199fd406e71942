"""Form fields with their help text and errors linked by aria-describedby (WCAG 1.3.1, 3.3.1)."""

from __future__ import annotations

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString

register = template.Library()


def describedby_ids(field: BoundField) -> list[str]:
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}_help")
    if field.errors:
        ids.append(f"{field.auto_id}_error")
    return ids


@register.simple_tag
def widget(field: BoundField) -> SafeString:
    """The field's widget with aria-describedby / aria-invalid pointing at its help and errors."""
    attrs = {}
    ids = describedby_ids(field)
    if ids:
        attrs["aria-describedby"] = " ".join(ids)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)
