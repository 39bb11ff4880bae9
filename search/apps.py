from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "site_search"
    verbose_name = _("Search")

    def ready(self):
        # health adds the engine to /health/; receivers: saved searches hear of newly public listings.
        from . import health, receivers, signals  # noqa: F401

        signals.connect()
