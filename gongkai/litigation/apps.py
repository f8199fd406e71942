from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LitigationConfig(AppConfig):
    name = "gongkai.litigation"
    verbose_name = _("Reconsideration and litigation")
