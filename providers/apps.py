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
        self._invalidate_pages_on_change()
        self._account_rules()

    @staticmethod
    def _account_rules():
        from marketplace.core import account_rules

        from .models import Membership
        from .rules import OWNER_MFA_REASON, owns_any_supplier

        # A supplier's members read enquiries and the details of the people who sent them.
        account_rules.register_sees_others_data(lambda user: Membership.objects.filter(user=user).exists())
        # Owners will receive money for their supplier (payments add their own pages).
        account_rules.register_mfa_area("/dashboard/", owns_any_supplier, OWNER_MFA_REASON)

    @staticmethod
    def _invalidate_pages_on_change():
        from django.db.models.signals import post_delete, post_save

        from marketplace.core import page_cache

        from . import models, signals

        page_cache.connect(signals.listings_changed, signals.listing_published)
        shown_on_listing_pages = [
            models.Listing,
            models.AvailabilitySlot,
            models.RateCardItem,
            models.ListingPhoto,
            models.Organisation,
            models.PersonalAssistant,
            models.Supplier,
            models.Verification,
        ]
        page_cache.connect(post_save, post_delete, senders=shown_on_listing_pages)
