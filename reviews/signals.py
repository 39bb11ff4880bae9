"""Changes made outside `reviews.services` that still change a listing's rating, stamps or search document."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save


def review_deleted(sender, instance, **kwargs):
    from .models import Endorsement

    Endorsement.history.filter(review_id=instance.pk).delete()  # the reasons were the reviewer's words
    listing_id = instance.listing_id

    def refresh():
        from providers.models import Listing
        from providers.signals import announce_listings_changed

        from . import awards

        listing = Listing.objects.filter(pk=listing_id).first()
        if listing is not None:
            awards.refresh(listing)
            announce_listings_changed(__name__, [listing_id])

    transaction.on_commit(refresh)


def address_changed(sender, instance, **kwargs):
    """Endorsements count only from reviewers with a confirmed address: when one is confirmed or removed, recount
    the stamps of the listings they reviewed."""
    user_id = instance.user_id

    def refresh():
        from providers.models import Listing

        from . import awards

        for listing in Listing.objects.filter(reviews__author_id=user_id).distinct():
            awards.refresh(listing)

    transaction.on_commit(refresh)


def stamp_changed(sender, instance, **kwargs):
    """Search documents hold stamps by slug: a renamed slug re-indexes the listings that hold the stamp."""
    from providers.signals import announce_listings_changed

    from .models import StampAward

    announce_listings_changed(
        __name__,
        StampAward.objects.filter(stamp__translation_key=instance.translation_key).values_list("listing_id", flat=True),
    )


def connect():
    from allauth.account.models import EmailAddress

    from .models import QualityStamp, Review

    post_delete.connect(review_deleted, sender=Review, dispatch_uid="reviews.review_deleted")
    post_save.connect(address_changed, sender=EmailAddress, dispatch_uid="reviews.address_saved")
    post_delete.connect(address_changed, sender=EmailAddress, dispatch_uid="reviews.address_deleted")
    post_save.connect(stamp_changed, sender=QualityStamp, dispatch_uid="reviews.stamp_saved")
