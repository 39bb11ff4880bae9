from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "site_search"
    verbose_name = _("Search")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from marketplace.core import privacy as personal_data
        from marketplace.core.admin import EditorsManagePolicy
        from providers import listing_page
        from providers.admin_menu import add_to_directory

        # health adds the engine to /health/; receivers: saved searches hear of listings.
        from . import health, market, privacy, receivers, signals, snippets  # noqa: F401
        from .models import DirectPaymentRate

        signals.connect()
        self._forget_vocabulary_on_change()
        self._forget_rates_on_change()
        personal_data.register("saved_searches", export=privacy.export, erase=privacy.erase)
        add_to_directory(snippets.DirectPaymentRateViewSet)
        register_permission_policy(DirectPaymentRate, EditorsManagePolicy(DirectPaymentRate), exact_class=True)
        listing_page.register(
            "market",
            lambda listing, request, terms: market.market_comparison(listing, terms["service_types"], request.GET),
        )

    @staticmethod
    def _forget_vocabulary_on_change():
        from django.db.models.signals import post_delete, post_save

        from . import vocabulary

        for model in vocabulary.taxonomy_models():
            post_save.connect(vocabulary.forget, sender=model, dispatch_uid=f"log-vocabulary-save-{model.__name__}")
            post_delete.connect(vocabulary.forget, sender=model, dispatch_uid=f"log-vocabulary-del-{model.__name__}")

    @staticmethod
    def _forget_rates_on_change():
        from django.db.models.signals import post_delete, post_save

        from providers.models import CouncilArea, ServiceType

        from . import prices
        from .models import DirectPaymentRate

        for model in (DirectPaymentRate, CouncilArea, ServiceType):
            post_save.connect(prices.rates_changed, sender=model, dispatch_uid=f"rates-save-{model.__name__}")
            post_delete.connect(prices.rates_changed, sender=model, dispatch_uid=f"rates-del-{model.__name__}")
