"""Background work for reviews: re-checking a listing's stamps when one is due to lapse."""

import logging

from django_tasks import default_task_backend, task

logger = logging.getLogger(__name__)


@task()
def refresh_listing_stamps(listing_id):
    from providers.models import Listing

    from . import awards

    listing = Listing.objects.filter(pk=listing_id).first()
    if listing is not None:
        awards.refresh(listing)


def schedule_refresh(listing_id, when):
    """Run `refresh_listing_stamps` at `when`, where the task backend can wait; the daily `refresh_quality_stamps`
    command covers backends that cannot (pages never depend on either: they count endorsements as they are shown)."""
    if not default_task_backend.supports_defer:
        return
    from django.core.cache import cache
    from django.db import transaction
    from django.utils import timezone

    # Every review written re-schedules the same moment: queue it once (the cache remembers until just after).
    key = f"reviews:stamp-refresh:{listing_id}:{int(when.timestamp())}"
    lifetime = max(60, int((when - timezone.now()).total_seconds()) + 3600)

    def enqueue():
        if cache.add(key, True, timeout=lifetime):
            refresh_listing_stamps.using(run_after=when).enqueue(listing_id)

    transaction.on_commit(enqueue)  # nothing is remembered if the change is rolled back
