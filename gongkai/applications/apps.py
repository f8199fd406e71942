from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "gongkai.applications"
    verbose_name = _("Disclosure applications")

    def ready(self) -> None:
        from . import tally
        from .models import Application

        tally.connect(Application)
