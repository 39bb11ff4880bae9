"""Reviews for tests: published (or not) reviews by distinct verified reviewers, endorsing seeded stamps."""

from datetime import date

from django.utils import timezone
from wagtail.models import Locale

from reviews.models import Endorsement, QualityStamp, Review
from reviews.seed import seed_quality_stamps

from .factories import UserFactory


def stamp(slug):
    """A seeded stamp in the default language (seeding it first where a transactional test flushed the table)."""
    seed_quality_stamps()
    return QualityStamp.objects.get(slug=slug, locale=Locale.get_default())


def add_review(
    listing,
    overall=5,
    *,
    endorse=(),
    author=None,
    at=None,
    status=Review.Status.PUBLISHED,
    text="Always on time and kind. Helped me get out to the shops every week.",
    **ratings,
):
    """A review of `listing` written at `at` (default now), endorsing the stamps named by slug in `endorse`."""
    at = at or timezone.now()
    author = author or UserFactory()
    review = Review.objects.create(
        listing=listing,
        author=author,
        basis=Review.Basis.PEER_GROUP,
        overall=overall,
        text=text,
        support_started=date(2025, 3, 1),
        status=status,
        created_at=at,
        updated_at=at,
        published_at=at if status == Review.Status.PUBLISHED else None,
        **ratings,
    )
    for slug in endorse:
        Endorsement.objects.create(review=review, stamp=stamp(slug), reason="Every visit showed it.", created_at=at)
    return review


def add_reviews(listing, overalls, *, endorse=(), at=None):
    """One published review per rating in `overalls`, each by a different verified reviewer endorsing `endorse`."""
    return [add_review(listing, overall, endorse=endorse, at=at) for overall in overalls]
