"""A letter for each workflow step that sends one, issued when the step's CaseEvent is created.

A letter that cannot be issued must not undo the step: the handler works in a savepoint and
logs the failure; the office can see the missing letter on the case page."""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction

logger = logging.getLogger(__name__)


def issue_letter(sender: type, instance: Any, created: bool, raw: bool = False, **_: Any) -> None:
    if not created or raw:
        return
    from .services import issue_for_event

    try:
        with transaction.atomic():
            issue_for_event(instance)
    except Exception:  # noqa: BLE001 - the step stands; the failure is logged for the office
        logger.exception("no letter issued for case event %s (%s)", instance.pk, instance.kind)
