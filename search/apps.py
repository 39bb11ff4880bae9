from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "site_search"
    verbose_name = _("Search")

    def ready(self):
        from . import receivers, signals  # noqa: F401 - receivers: saved searches hear of newly public listings

        signals.connect()
