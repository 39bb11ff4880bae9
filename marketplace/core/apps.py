from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The bottom layer every app may use: users and roles, emails, absolute URLs, rate limits, permissions, form
    pieces. Its label stays "marketplace" so the user model (`marketplace.User`) and its migrations keep their name."""

    name = "marketplace.core"
    label = "marketplace"
    verbose_name = _("Marketplace")

    def ready(self):
        from . import lookups

        lookups.register()
