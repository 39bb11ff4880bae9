"""What the listing page shows about reviews: the rating summary, the stamps held, and the latest reviews."""

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone

from marketplace.core.permissions import acts_for
from marketplace.core.terms import localize

from . import independence
from .aggregates import rating_summary
from .awards import stamps_of
from .models import Endorsement, Review

SHOWN_REVIEWS = 20


NEWEST_FIRST = ("-published_at", "-pk")  # how every list of a listing's reviews is ordered


def published_reviews(listing):
    return (
        listing.reviews.published()
        .select_related("reply", "peer_group")
        .prefetch_related(Prefetch("endorsements", queryset=Endorsement.objects.select_related("stamp")))
        .order_by(*NEWEST_FIRST)
    )


def review_rows(reviews, held=(), locale=None):
    """Each review with its endorsements' stamps in the reader's language; and the held stamps likewise."""
    stamps = {item.stamp.pk: item.stamp for item in held}
    stamps.update({e.stamp.pk: e.stamp for review in reviews for e in review.endorsements.all()})
    shown = {stamp.translation_key: stamp for stamp in localize(stamps.values(), locale)}
    rows = [
        {
            "review": review,
            "endorsements": [
                {"stamp": shown[e.stamp.translation_key], "reason": e.reason} for e in review.endorsements.all()
            ],
            "reply": getattr(review, "reply", None),
            "counts": independence.source_of_review(review) is not None,
        }
        for review in reviews
    ]
    return rows, [{"stamp": shown[item.stamp.translation_key], "endorsers": item.endorsers} for item in held]


def listing_reviews(listing, user, now=None):
    held = stamps_of(listing, now or timezone.now())
    reviews = list(published_reviews(listing)[: SHOWN_REVIEWS + 1])
    more = len(reviews) > SHOWN_REVIEWS
    rows, stamps = review_rows(reviews[:SHOWN_REVIEWS], held)
    own_review = None
    if user.is_authenticated:
        own_review = Review.objects.filter(listing=listing, author=user).only("pk", "status").first()
    return {
        "summary": rating_summary(listing),
        "stamps": stamps,
        "reviews": rows,
        "more": more,
        "own_review": own_review,
        "is_owner": acts_for(user, "providers.edit_listing", listing),
        "min_endorsers": settings.REVIEW_STAMP_MIN_ENDORSERS,
    }
