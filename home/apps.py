from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Guidance")

    def ready(self):
        from marketplace.core import privacy as personal_data

        from . import privacy, signals  # noqa: F401

        personal_data.register("alerts", export=privacy.export, erase=privacy.erase)
