"""Changes to the platform's records are logged field by field, whoever makes them (views,
admin, commands). Models opt in with ``audited = True``; the personal fields they name in
``personal_fields`` are logged as changed without their values."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import models
from django.db.models.signals import post_delete, post_save, pre_save

from .log import record
from .models import AuditEntry

_BEFORE = "_audit_before"


def _snapshot(instance: models.Model) -> dict[str, Any]:
    return {field.name: _plain(getattr(instance, field.attname)) for field in instance._meta.concrete_fields}


def _masked(instance: models.Model, values: dict[str, Any]) -> dict[str, Any]:
    """Personal fields are logged as changed, never with their values."""
    hidden = set(getattr(instance, "personal_fields", ()))
    return {k: ("***" if k in hidden and v else v) for k, v in values.items()}


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _audited(sender: type) -> bool:
    return bool(getattr(sender, "audited", False))


def _pre_save(sender: type, instance: models.Model, raw: bool = False, **_: Any) -> None:
    if raw or not _audited(sender) or instance.pk is None:
        return
    old = sender._default_manager.filter(pk=instance.pk).first()  # type: ignore[attr-defined]
    if old is not None:
        setattr(instance, _BEFORE, _snapshot(old))


def _post_save(sender: type, instance: models.Model, created: bool, raw: bool = False, **_: Any) -> None:
    if raw or not _audited(sender):
        return
    now = _snapshot(instance)
    if created:
        record(AuditEntry.Action.CREATE, instance, changes={"new": _masked(instance, now)})
        return
    before = getattr(instance, _BEFORE, {})
    changed = [k for k, v in now.items() if before.get(k) != v]
    if changed:
        old, new = _masked(instance, before), _masked(instance, now)
        record(AuditEntry.Action.UPDATE, instance, changes={k: [old.get(k), new[k]] for k in changed})


def _post_delete(sender: type, instance: models.Model, **_: Any) -> None:
    if _audited(sender):
        record(AuditEntry.Action.DELETE, instance, changes={"old": _masked(instance, _snapshot(instance))})


def _signed_in(sender: Any, request: Any, user: Any, **_: Any) -> None:
    record(AuditEntry.Action.SIGN_IN, None, user=user, agency_id=user.agency_id,
           description=user.get_username())


def _signed_out(sender: Any, request: Any, user: Any, **_: Any) -> None:
    if user is not None:
        record(AuditEntry.Action.SIGN_OUT, None, user=user, agency_id=user.agency_id,
               description=user.get_username())


def _failed(sender: Any, credentials: dict[str, Any], request: Any = None, **_: Any) -> None:
    name = str(credentials.get("username", ""))[:150]
    record(AuditEntry.Action.SIGN_IN_FAILED, None, description=name)


def connect() -> None:
    pre_save.connect(_pre_save, dispatch_uid="auditlog-pre-save")
    post_save.connect(_post_save, dispatch_uid="auditlog-post-save")
    post_delete.connect(_post_delete, dispatch_uid="auditlog-post-delete")
    user_logged_in.connect(_signed_in, dispatch_uid="auditlog-signed-in")
    user_logged_out.connect(_signed_out, dispatch_uid="auditlog-signed-out")
    user_login_failed.connect(_failed, dispatch_uid="auditlog-failed")
