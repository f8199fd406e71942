"""Storing an application sent on the portal: all of it or nothing, files included."""

from __future__ import annotations

import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone

from gongkai.applications import workflow
from gongkai.applications.attachments import CheckedFile
from gongkai.applications.models import Application, Attachment

_storage = Attachment._meta.get_field("file").storage
APPLICATION_FIELDS = ("agency", "applicant_type", "applicant_name", "id_type", "id_number",
                      "contact_person", "phone", "email", "address", "postcode", "description",
                      "purpose", "form", "delivery")


def store_application(data: dict[str, Any]) -> Application:
    """Create the application and its attachments and submit it (条例第二十九条, 第三十一条第（三）项).

    ``data`` is an ApplicationForm's cleaned data. The database rows are written in one
    transaction; files written before a failure are removed, so nothing stays stored."""
    written: list[str] = []
    try:
        with transaction.atomic():
            app = Application(**{name: data[name] for name in APPLICATION_FIELDS},
                              submitted_on=timezone.localdate(), channel=Application.Channel.ONLINE)
            app.save()
            for checked in data.get("attachments") or []:
                written.append(_store_attachment(app, checked))
            workflow.submit_online(app)
    except BaseException:
        for name in written:
            _storage.delete(name)
        raise
    return app


def _store_attachment(app: Application, checked: CheckedFile) -> str:
    attachment = Attachment(application=app, name=checked.name, size=checked.size,
                            content_type=checked.kind.content_type, sha256=checked.sha256)
    checked.upload.seek(0)
    # The stored name is random (models.attachment_path); the original name is only data.
    attachment.file.save(secrets.token_hex(8), checked.upload, save=False)
    try:
        attachment.save()
    except BaseException:
        _storage.delete(attachment.file.name)
        raise
    return attachment.file.name
