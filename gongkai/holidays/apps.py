from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HolidaysConfig(AppConfig):
    name = "gongkai.holidays"
    verbose_name = _("Holiday calendar")

    def ready(self) -> None:
        from . import checks  # noqa: F401 — registers the system check
