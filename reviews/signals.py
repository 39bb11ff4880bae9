"""Reviews deleted with their author's account (or by an editor in bulk) still change a listing's rating and stamps."""

from django.db import transaction
from django.db.models.signals import post_delete


def review_deleted(sender, instance, **kwargs):
    listing_id = instance.listing_id

    def refresh():
        from providers.models import Listing
        from search.signals import queue_reindex

        from . import awards

        listing = Listing.objects.filter(pk=listing_id).first()
        if listing is not None:
            awards.refresh(listing)
            queue_reindex([listing_id])

    transaction.on_commit(refresh)


def connect():
    from .models import Review

    post_delete.connect(review_deleted, sender=Review, dispatch_uid="reviews.review_deleted")
