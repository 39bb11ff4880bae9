"""Reviews for tests: published (or not) reviews by distinct verified reviewers, endorsing seeded stamps.

By default each review comes from its own accredited peer group, so each counts fully (`reviews.independence`);
pass `peer_group` to put several reviews under one source, or `basis="invitation"` for invited reviews.
"""

from datetime import date

from django.utils import timezone
from wagtail.models import Locale

from reviews.models import Endorsement, PeerGroup, QualityStamp, Review
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
    basis=Review.Basis.PEER_GROUP,
    peer_group=None,
    checked=False,
    **ratings,
):
    """A review of `listing` written at `at` (default now), endorsing the stamps named by slug in `endorse`.

    A peer-group review gets a new accredited group unless `peer_group` is given; an invited review counts only when
    `checked` (an editor checked the reviewer is independent)."""
    at = at or timezone.now()
    author = author or UserFactory()
    if basis == Review.Basis.PEER_GROUP and peer_group is None:
        peer_group = PeerGroup.objects.create(
            name=f"Peer group of {author.email}", coordinator_email=f"coordinator.{author.email}", accredited=True
        )
    review = Review.objects.create(
        listing=listing,
        author=author,
        basis=basis,
        peer_group=peer_group if basis == Review.Basis.PEER_GROUP else None,
        independence_checked_at=at if checked else None,
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
