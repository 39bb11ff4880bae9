"""The demand log: one anonymous row per find-support search, for commissioners to see what people look for where.

Only what describes demand is kept: the hour, the outward code (EH6, never EH6 5AA or coordinates), the council
area, how the place was given, only the words that name a need, service type, language or funding option, the filters,
the sort, how many results there were and which backend answered. Nothing about who searched.
"""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from . import vocabulary
from .models import SearchLog

logger = logging.getLogger(__name__)

MAX_TEXT = 200


def scrub(text):
    """The words someone typed that name a need, service, language or funding option (the taxonomies and the
    synonyms, `search.vocabulary`): everything else, which could be a street, a name or a phone number, is dropped."""
    return vocabulary.keep_known_words(text, vocabulary.current(), MAX_TEXT)


def place_kind(place):
    """How the place was given: a full postcode, an outward code, a place name, or the searcher's location."""
    if place.outward_code:
        compact = place.label.replace(" ", "").upper()
        return SearchLog.PlaceKind.OUTWARD if compact == place.outward_code.upper() else SearchLog.PlaceKind.POSTCODE
    if place.label == gettext("your location"):  # the label SearchForm gives "near me" searches, in this language
        return SearchLog.PlaceKind.LOCATION
    return SearchLog.PlaceKind.PLACE


def filters_of(query):
    """The query's filters as JSON: only those chosen, with the URL parameters' names and slugs."""
    filters = {
        "need": list(query.needs),
        "service": list(query.service_types),
        "funding": list(query.funding),
        "language": list(query.languages),
        "gender": query.gender,
        "day": list(query.days),
        "time": list(query.bands),
        "short_notice": query.short_notice,
        "verified": query.verified_only,
        "accepting": query.accepting_only,
        "rating": query.min_rating,
        "stamp": list(query.stamps),
        "max_price": str(query.max_price) if query.max_price is not None else None,
        "within_km": round(query.within_km, 1) if query.within_km is not None else None,
    }
    return {key: value for key, value in filters.items() if value not in (None, "", [], False)}


def record(query, results, now=None):
    """Log one search (first pages only: turning a page is not a new search). Never raises into the request."""
    if query.page != 1:
        return None
    try:
        place = query.place
        outward = (place.outward_code or "").replace(" ", "").upper()[:4]
        with transaction.atomic():  # a savepoint: a failed insert leaves the request's transaction usable
            return SearchLog.objects.create(
                hour=(now or timezone.now()).replace(minute=0, second=0, microsecond=0),
                outward_code=outward,
                council_area=(place.council_area or "")[:120],
                council_code=place.council_code or "",  # exact: from the ONS postcode lookup
                place_kind=place_kind(place),
                text=scrub(query.text),
                filters=filters_of(query),
                sort=query.sort,
                result_count=results.total,
                backend=results.backend or "",
                fell_back=bool(results.fell_back),
            )
    except Exception:  # the log must never cost someone their results
        logger.exception("Could not record a search in the demand log")
        return None
