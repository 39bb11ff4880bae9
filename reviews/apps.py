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
        self._invalidate_pages_on_change()
        personal_data.register("reviews", export=privacy.export, erase=privacy.erase)
        listing_page.register(
            "reviews", lambda listing, request, terms: presenters.listing_reviews(listing, request.user)
        )

    @staticmethod
    def _invalidate_pages_on_change():
        from django.db.models.signals import post_delete, post_save

        from marketplace.core import page_cache

        from .models import ProviderReply, QualityStamp, Review, StampAward

        # A review's status change (published, declined, withdrawn) is a save; listings_changed covers the rest.
        page_cache.connect(post_save, post_delete, senders=[Review, ProviderReply, QualityStamp, StampAward])
