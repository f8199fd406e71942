from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditLogConfig(AppConfig):
    name = "gongkai.auditlog"
    verbose_name = _("Audit log")

    def ready(self) -> None:
        from . import signals

        signals.connect()
