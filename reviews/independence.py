"""Which reviews count towards ratings and quality stamps, and how much.

A provider can invite addresses it controls, and a peer group's coordinator can vouch for addresses they control. So
no one party's say-so may make a stamp appear or move a rating by itself:

- a review counts only when someone other than the provider made its author eligible: the author's peer group is
  accredited by an editor (and still is), or an editor checked that an invited reviewer is a real, independent client;
- every review comes from one *source*: its peer group, or (for invited reviews) the provider that invited it. Each
  source brings at most `REVIEW_MAX_COUNTED_PER_SOURCE` endorsers to a stamp, and its reviews weigh at most that many
  reviews in a rating (each of a source's n reviews weighs cap / n when n is over the cap).

With the defaults (three endorsers for a stamp, two per source) a stamp always needs at least two independent sources.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings

from .models import Review


def cap():
    return settings.REVIEW_MAX_COUNTED_PER_SOURCE


def source(basis, listing_id, peer_group_id, peer_group_accredited, checked_at):
    """The source a review counts under, or None when it does not count (yet)."""
    if basis == Review.Basis.PEER_GROUP:
        return (basis, peer_group_id) if peer_group_id and peer_group_accredited else None
    if basis == Review.Basis.INVITATION:
        return (basis, listing_id) if checked_at else None
    return None


# The fields a query needs for `source`, relative to a Review (prefix "review__" from an Endorsement).
SOURCE_FIELDS = ("basis", "listing_id", "peer_group_id", "peer_group__accredited", "independence_checked_at")


def source_of_row(row, prefix=""):
    return source(*(row[prefix + name] for name in SOURCE_FIELDS))


def source_of_review(review):
    group = review.peer_group if review.peer_group_id else None
    return source(
        review.basis,
        review.listing_id,
        review.peer_group_id,
        bool(group and group.accredited),
        review.independence_checked_at,
    )


def counted_endorsers(endorsements):
    """{author: date} of the endorsements that count, from (source, author, date) triples for one listing and stamp.

    Each source keeps its most recent `cap()` endorsers: older ones leave the window first, so the set only shrinks
    as time passes and the stamp's lapse date can be read off it."""
    by_source = defaultdict(dict)
    for origin, author, when in endorsements:
        if origin is not None:
            by_source[origin][author] = when
    counted = {}
    for authors in by_source.values():
        counted.update(sorted(authors.items(), key=lambda item: item[1], reverse=True)[: cap()])
    return counted


@dataclass(frozen=True)
class Weighted:
    weight: float
    review: dict


def weighted(reviews):
    """Each counting review (a dict with a "source") with its weight; reviews that do not count are left out."""
    by_source = defaultdict(list)
    for review in reviews:
        if review["source"] is not None:
            by_source[review["source"]].append(review)
    result = []
    for items in by_source.values():
        weight = min(1.0, cap() / len(items))
        result.extend(Weighted(weight, review) for review in items)
    return result
