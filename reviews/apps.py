from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = _("Reviews and quality stamps")

    def ready(self):
        from marketplace.core import privacy as personal_data
        from providers import listing_page

        from . import presenters, privacy, signals

        signals.connect()
        personal_data.register("reviews", export=privacy.export, erase=privacy.erase)
        listing_page.register(
            "reviews", lambda listing, request, terms: presenters.listing_reviews(listing, request.user)
        )
