"""What search does when something happens elsewhere (connected in SearchConfig.ready)."""

from django.dispatch import receiver

from providers.signals import listing_published


@receiver(listing_published, dispatch_uid="search.saved_search_notices")
def notify_saved_searches(sender, listing_id, **kwargs):
    from .tasks_saved import notify_for_listing

    notify_for_listing.enqueue(listing_id)
