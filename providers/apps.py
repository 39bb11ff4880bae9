from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProvidersConfig(AppConfig):
    name = "providers"
    verbose_name = _("Providers and listings")

    def ready(self):
        from marketplace.core import privacy as personal_data

        from . import privacy

        # First: listings are archived while the person is still a member.
        personal_data.register("directory", export=privacy.export, erase=privacy.erase, order=10)
