"""Quality stamps awarded from endorsements.

A listing holds a stamp while at least REVIEW_STAMP_MIN_ENDORSERS distinct reviewers with a verified email address
endorsed it, in published reviews that count (`reviews.independence`: independent of the provider, and at most a
few from any one source), within the last REVIEW_STAMP_WINDOW_DAYS. Pages work this out when they are shown, so a
stamp lapses on time by itself; `refresh` records each award and lapse (StampAward), tells the provider of a new
stamp, re-indexes the listing, and schedules itself for the moment the stamp would lapse.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from . import independence
from .models import Endorsement, QualityStamp, Review, StampAward


def window():
    return timedelta(days=settings.REVIEW_STAMP_WINDOW_DAYS)


def minimum():
    return settings.REVIEW_STAMP_MIN_ENDORSERS


@dataclass(frozen=True)
class HeldStamp:
    stamp: QualityStamp  # the default language's stamp: localise before showing
    endorsers: int
    valid_until: datetime


def counting_endorsements(listing_ids, now):
    """Endorsements that count now: in published reviews by reviewers with a verified address, within the window."""
    verified = EmailAddress.objects.filter(user_id=OuterRef("review__author_id"), verified=True)
    return Endorsement.objects.filter(
        Exists(verified),
        review__listing_id__in=listing_ids,
        review__status=Review.Status.PUBLISHED,
        created_at__gt=now - window(),
        created_at__lte=now,
    )


def held_stamps(listing_ids, now=None):
    """{listing id: [HeldStamp, …]} for the stamps each listing holds at `now`, in the stamps' order. Two queries."""
    now = now or timezone.now()
    entries = defaultdict(list)  # (listing, stamp) -> [(source, author, endorsement date)]; one review per author
    fields = [f"review__{name}" for name in independence.SOURCE_FIELDS]
    rows = counting_endorsements(listing_ids, now).values("stamp_id", "review__author_id", "created_at", *fields)
    for row in rows:
        origin = independence.source_of_row(row, prefix="review__")
        entries[(row["review__listing_id"], row["stamp_id"])].append(
            (origin, row["review__author_id"], row["created_at"])
        )
    qualifying = {}
    for key, triples in entries.items():
        by_author = independence.counted_endorsers(triples)
        if len(by_author) >= minimum():
            # Lapses when the N-th most recent endorsement leaves the window.
            nth = sorted(by_author.values(), reverse=True)[minimum() - 1]
            qualifying[key] = (len(by_author), nth + window())
    if not qualifying:
        return {}
    stamps = QualityStamp.objects.in_bulk({stamp_id for _, stamp_id in qualifying})
    held = defaultdict(list)
    for (listing_id, stamp_id), (count, until) in qualifying.items():
        held[listing_id].append(HeldStamp(stamps[stamp_id], count, until))
    for stamps_held in held.values():
        stamps_held.sort(key=lambda item: (item.stamp.sort_order, item.stamp.name))
    return dict(held)


def stamps_of(listing, now=None):
    return held_stamps([listing.pk], now).get(listing.pk, [])


def refresh(listing, now=None):
    """Record awards and lapses for one listing; returns the stamps newly awarded.

    The listing's row is locked first, so two refreshes (two reviews published at once) take turns and cannot both
    record the same new award."""
    from providers.models import Listing
    from providers.signals import announce_listings_changed

    from . import notifications, tasks

    now = now or timezone.now()
    awarded = []
    changed = False
    with transaction.atomic():
        Listing.objects.select_for_update().filter(pk=listing.pk).first()
        held = {item.stamp.pk: item for item in stamps_of(listing, now)}
        current = {
            award.stamp_id: award for award in StampAward.objects.filter(listing=listing, lapsed_at__isnull=True)
        }
        for stamp_id, award in current.items():
            if stamp_id not in held:
                award.lapsed_at = min(now, max(award.valid_until, award.awarded_at))
                award.save(update_fields=["lapsed_at"])
                changed = True
        for stamp_id, item in held.items():
            award = current.get(stamp_id)
            if award is None:
                StampAward.objects.create(
                    listing=listing,
                    stamp=item.stamp,
                    awarded_at=now,
                    valid_until=item.valid_until,
                    endorsers=item.endorsers,
                )
                awarded.append(item.stamp)
                changed = True
            elif (award.valid_until, award.endorsers) != (item.valid_until, item.endorsers):
                award.valid_until, award.endorsers = item.valid_until, item.endorsers
                award.save(update_fields=["valid_until", "endorsers"])
    if changed:
        announce_listings_changed(__name__, [listing.pk])
    if awarded:
        notifications.stamps_awarded(listing, awarded)
    if held:
        tasks.schedule_refresh(listing.pk, min(item.valid_until for item in held.values()))
    return awarded


def refresh_all(now=None):
    """Refresh every listing that holds a stamp or has endorsements in the window (the daily command)."""
    now = now or timezone.now()
    listing_ids = set(StampAward.objects.filter(lapsed_at__isnull=True).values_list("listing_id", flat=True))
    listing_ids |= set(
        Endorsement.objects.filter(created_at__gt=now - window()).values_list("review__listing_id", flat=True)
    )
    from providers.models import Listing

    awarded = 0
    for listing in Listing.objects.filter(pk__in=listing_ids).order_by("pk"):
        awarded += len(refresh(listing, now))
    return len(listing_ids), awarded
