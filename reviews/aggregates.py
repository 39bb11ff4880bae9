"""Ratings summed up: averages and counts for people to read, and a ranking score for search to sort by.

The ranking score is a Bayesian average: every listing starts with PRIOR_WEIGHT imaginary reviews at PRIOR_MEAN
stars, and real reviews pull it towards their own average. One five-star review scores (5 × 3.5 + 5) / 6 = 3.75;
forty reviews averaging 4.7 score (5 × 3.5 + 188) / 45 ≈ 4.57, so the well-tested listing ranks first. The prior's
mean sits a little below the usual average of care reviews, so a few reviews cannot beat a long record.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count

from .models import Review
from .models.reviews import CRITERIA

PRIOR_MEAN = 3.5
PRIOR_WEIGHT = 5


def bayesian_score(count, average):
    """The ranking score of `count` reviews averaging `average` (None without reviews)."""
    if not count:
        return None
    return (PRIOR_WEIGHT * PRIOR_MEAN + count * average) / (PRIOR_WEIGHT + count)


def one_decimal(value):
    return float(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class RatingSummary:
    count: int = 0
    average: float | None = None  # overall stars, to one decimal place, as people read it
    score: float | None = None  # the Bayesian ranking score
    criteria: dict = field(default_factory=dict)  # {criterion field: average to one decimal} where anyone rated it

    def criteria_rows(self):
        return [(label, self.criteria[name]) for name, label in CRITERIA if self.criteria.get(name) is not None]


NO_REVIEWS = RatingSummary()


def rating_summaries(listing_ids):
    """{listing id: RatingSummary} over published reviews, in one query; listings without reviews are left out."""
    averages = {name: Avg(name) for name, _ in CRITERIA}
    rows = (
        Review.objects.published()
        .filter(listing_id__in=listing_ids)
        .values("listing_id")
        .annotate(count=Count("pk"), overall_average=Avg("overall"), **{f"{k}_average": v for k, v in averages.items()})
        .order_by()
    )
    summaries = {}
    for row in rows:
        average = float(row["overall_average"])
        summaries[row["listing_id"]] = RatingSummary(
            count=row["count"],
            average=one_decimal(average),
            score=bayesian_score(row["count"], average),
            criteria={
                name: one_decimal(row[f"{name}_average"]) for name, _ in CRITERIA if row[f"{name}_average"] is not None
            },
        )
    return summaries


def rating_summary(listing):
    return rating_summaries([listing.pk]).get(listing.pk, NO_REVIEWS)
