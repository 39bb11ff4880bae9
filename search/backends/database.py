"""The database backend: SQL finds the public listings that serve the place (with their distance); the filters,
facet counts, text matching and sorting then run over those listings' documents in memory.

This is the reference meaning of every query: the Elasticsearch backend must return what this one returns.
"""

from django.utils import timezone

from providers.models import Listing

from .. import document_cache, text
from ..coverage import distances_serving, public_distances_serving
from ..query import RATING_THRESHOLDS
from .base import FACETS, Hit, SearchResults, blend, fair_prices

NAME = "database"


def candidates(query, now):
    """[(pk, distance in km, updated_at)] of the public listings serving the place: the local market for fair prices.

    A restriction to some listings (a saved-search alert about one new listing) applies here: such a search
    needs no market figures, and building every local listing's document for it would be waste."""
    place = query.place
    if query.listing_ids is None:
        return public_distances_serving(place.point, place.council_code, now)
    queryset = Listing.objects.publicly_visible(now=now).filter(pk__in=query.listing_ids)
    return distances_serving(place.point, place.council_code, queryset=queryset, fields=("updated_at",))


def in_scope(query, distance):
    """Within the searcher's own distance limit (fair prices ignore it: they describe the whole local market)."""
    return query.within_km is None or (distance is not None and distance <= query.within_km)


def failed_filters(document, query, now):
    """The names of the filters (facet names, plus max_price) this document does not pass."""
    failed = set()
    if query.needs and not set(query.needs) <= set(document["needs"]):
        failed.add("needs")
    for name, selected in (
        ("service_types", query.service_types),
        ("funding", query.funding),
        ("languages", query.languages),
    ):
        if selected and not set(selected) & set(document[name]):
            failed.add(name)
    if query.gender and document["gender"] != query.gender:
        failed.add("gender")
    if (query.days or query.bands) and not available(document, query.days, query.bands):
        # One slot must match both: a miss counts against whichever of the two were chosen.
        failed.update(name for name, chosen in (("days", query.days), ("bands", query.bands)) if chosen)
    if query.short_notice and not document["short_notice"]:
        failed.add("short_notice")
    if query.max_price is not None and (
        document["hourly_from"] is None or document["hourly_from"] > float(query.max_price)
    ):
        failed.add("max_price")
    if query.verified_only and not is_verified(document, now):
        failed.add("verified")
    if query.accepting_only and not document["accepting"]:
        failed.add("accepting")
    if query.min_rating is not None and not rated_at_least(document, query.min_rating):
        failed.add("rating")
    if query.stamps and not set(query.stamps) <= set(document["stamps"]):
        failed.add("stamps")
    return failed


def rated_at_least(document, minimum):
    """The average people see (one decimal place) is at least `minimum`: 4.0 passes "4 stars and above"."""
    return document["average_rating"] is not None and document["average_rating"] >= minimum


def available(document, days, bands):
    if days and bands:
        return any(f"{day}-{band}" in document["slots"] for day in days for band in bands)
    if days:
        return any(day in document["days"] for day in days)
    return any(band in document["bands"] for band in bands)


def is_verified(document, now):
    return document["verified_until"] is not None and document["verified_until"] >= now


def is_fresh(document, now):
    return document["fresh_until"] is not None and document["fresh_until"] > now


def facet_counts(entries, query, now):
    """For each facet option, how many results there would be with it chosen (see FACETS for "any"/"all")."""
    counts = {name: {} for name, _ in FACETS}

    def add(name, value):
        counts[name][value] = counts[name].get(value, 0) + 1

    for document, failed in entries:
        others_pass = {name: not (failed - {name}) for name, _ in FACETS}
        if not failed:
            # "All of": another need or stamp can only narrow the results, so these count the results themselves.
            for value in document["needs"]:
                add("needs", value)
            for value in document["stamps"]:
                add("stamps", value)
        for name in ("service_types", "funding", "languages"):
            if others_pass[name]:
                for value in document[name]:
                    add(name, value)
        if others_pass["gender"] and document["gender"]:
            add("gender", document["gender"])
        if not (failed - {"days", "bands"}):
            for day in range(7):
                if available(document, (day,), query.bands):
                    add("days", str(day))
            for band in {slot.split("-", 1)[1] for slot in document["slots"]}:
                if available(document, query.days, (band,)):
                    add("bands", band)
        if others_pass["short_notice"] and document["short_notice"]:
            add("short_notice", "true")
        if others_pass["verified"] and is_verified(document, now):
            add("verified", "true")
        if others_pass["accepting"] and document["accepting"]:
            add("accepting", "true")
        if others_pass["rating"]:
            for threshold in RATING_THRESHOLDS:
                if rated_at_least(document, threshold):
                    add("rating", str(threshold))
    return counts


def sort_key(query):
    def missing_last(value):
        return (value is None, value if value is not None else 0)

    def key(entry):
        document, distance, score = entry
        if query.sort == "nearest":
            return (missing_last(distance), document["id"])
        if query.sort == "price":
            return (missing_last(document["hourly_from"]), missing_last(distance), document["id"])
        if query.sort == "rating":
            rating = document["rating"]
            return (
                missing_last(-rating if rating else None),
                -document["review_count"],
                missing_last(distance),
                document["id"],
            )
        return (-score, missing_last(distance), document["id"])

    return key


def local_documents(query, now, memo=None):
    """The listings serving the place, with their distances. `memo` (a dict kept for one request) lets several
    searches of the same place, such as the no-results suggestions, read the database once."""
    key = (query.place.point, query.place.council_code, query.listing_ids)
    if memo is not None and key in memo:
        return memo[key]
    rows = candidates(query, now)
    distances = {pk: distance for pk, distance, _ in rows}
    updated = {pk: updated_at for pk, _, updated_at in rows}
    found = (distances, document_cache.documents(updated, Listing.objects.all(), now) if rows else [])
    if memo is not None:
        memo[key] = found
    return found


def search(query, now=None, memo=None):
    now = now or timezone.now()
    distances, documents = local_documents(query, now, memo)

    matcher = None
    if text_query := text.parse(query.text):
        vocabulary = set()
        tokenised = document_cache.tokens(documents)
        for fields in tokenised.values():
            for words in fields.values():
                vocabulary.update(words)
        matcher = text.TextMatcher(text_query, vocabulary)

    area = []
    entries = []
    for document in documents:
        distance = distances[document["id"]]
        area.extend((kind, document["owner"], document["hourly_from"]) for kind in document["service_types"])
        if not in_scope(query, distance):
            continue
        text_score = matcher.score(tokenised[document["id"]]) if matcher else 0.0
        if text_score is None:
            continue
        entries.append((document, distance, text_score, failed_filters(document, query, now)))

    results = []
    for document, distance, text_score, failed in entries:
        if not failed:
            score = blend(text_score, distance, is_verified(document, now), is_fresh(document, now), document["rating"])
            results.append((document, distance, score))
    results.sort(key=sort_key(query))
    page = results[query.offset : query.offset + query.page_size]
    return SearchResults(
        total=len(results),
        hits=[Hit(document["id"], distance, score) for document, distance, score in page],
        facets=facet_counts([(document, failed) for document, _, _, failed in entries], query, now),
        fair_prices=fair_prices(area),
        backend=NAME,
    )


def totals(queries, now=None, memo=None):
    """How many results each query has (the engine backend's `totals`): searches sharing `memo` read the
    place's listings once."""
    return [search(query, now=now, memo=memo).total for query in queries]
