"""Ratings summed up: averages and counts for people to read, and a ranking score for search to sort by.

The ranking score is a Bayesian average: every listing starts with PRIOR_WEIGHT imaginary reviews at PRIOR_MEAN
stars, and real reviews pull it towards their own average. One five-star review scores (5 × 3.5 + 5) / 6 = 3.75;
forty reviews averaging 4.7 score (5 × 3.5 + 188) / 45 ≈ 4.57, so the well-tested listing ranks first. The prior's
mean sits a little below the usual average of care reviews, so a few reviews cannot beat a long record.

Only reviews that count are summed (`reviews.independence`), and a source with more reviews than the cap weighs as
the cap: forty reviews from one peer group move the score as two would, so no one party can make a rating jump.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from . import independence
from .models import Review
from .models.reviews import CRITERIA

PRIOR_MEAN = 3.5
PRIOR_WEIGHT = 5


def bayesian_score(count, average):
    """The ranking score of `count` reviews (a weight: capped sources count less) averaging `average`."""
    if not count:
        return None
    return (PRIOR_WEIGHT * PRIOR_MEAN + count * average) / (PRIOR_WEIGHT + count)


def stars(value):
    """Five stars, filled to the nearest whole star: decoration beside a rating that is also written in words."""
    if value is None:
        return ""
    filled = max(0, min(5, int(float(value) + 0.5)))
    return "★" * filled + "☆" * (5 - filled)


def one_decimal(value):
    return float(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class RatingSummary:
    count: int = 0
    average: float | None = None  # overall stars, to one decimal place, as people read it
    score: float | None = None  # the Bayesian ranking score
    criteria: dict = field(default_factory=dict)  # {criterion field: average to one decimal} where anyone rated it
    unconfirmed: int = 0  # published invited reviews an editor has not yet checked: shown, not counted

    def criteria_rows(self):
        return [(label, self.criteria[name]) for name, label in CRITERIA if self.criteria.get(name) is not None]


NO_REVIEWS = RatingSummary()


def rating_summaries(listing_ids):
    """{listing id: RatingSummary} over published reviews that count (`reviews.independence`), each weighted so that
    no one source outweighs the cap; in one query. Listings without published reviews are left out."""
    fields = [*independence.SOURCE_FIELDS, "overall", *(name for name, _ in CRITERIA)]
    by_listing = defaultdict(list)
    for row in Review.objects.published().filter(listing_id__in=listing_ids).values(*fields).order_by():
        row["source"] = independence.source_of_row(row)
        by_listing[row["listing_id"]].append(row)
    return {listing_id: _summary(rows) for listing_id, rows in by_listing.items()}


def _weighted_average(items, name):
    rated = [(item.weight, item.review[name]) for item in items if item.review[name] is not None]
    total = sum(weight for weight, _ in rated)
    return sum(weight * value for weight, value in rated) / total if total else None


def _summary(rows):
    items = independence.weighted(rows)
    unconfirmed = len(rows) - len(items)
    if not items:
        return RatingSummary(unconfirmed=unconfirmed)
    average = _weighted_average(items, "overall")
    criteria = {name: _weighted_average(items, name) for name, _ in CRITERIA}
    return RatingSummary(
        count=len(items),
        average=one_decimal(average),
        score=bayesian_score(sum(item.weight for item in items), average),
        criteria={name: one_decimal(value) for name, value in criteria.items() if value is not None},
        unconfirmed=unconfirmed,
    )


def rating_summary(listing):
    return rating_summaries([listing.pk]).get(listing.pk, NO_REVIEWS)
