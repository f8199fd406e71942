from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "gongkai.letters"
    verbose_name = _("Letters")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from gongkai.applications.models import CaseEvent

        from .signals import issue_letter

        post_save.connect(issue_letter, sender=CaseEvent, dispatch_uid="letters-issue-on-event")
