"""The one way to search listings: the configured backend, falling back to the database when the engine fails."""

import logging

from django.conf import settings
from django.utils.module_loading import import_string

from .backends import database
from .backends.base import SearchUnavailable

logger = logging.getLogger(__name__)

BACKENDS = {
    "database": "search.backends.database",
    "elasticsearch": "search.backends.elasticsearch",
}


def configured_backend(function="search"):
    name = getattr(settings, "LISTING_SEARCH_BACKEND", "database")
    return import_string(f"{BACKENDS[name]}.{function}") if name != "database" else getattr(database, function)


def search(query, now=None, memo=None):
    """Results for `query` from the configured backend; the database answers if the engine is down or slow.

    `memo`, a dict shared by the searches of one request, lets the database backend reuse what it read."""
    backend = configured_backend()
    if backend is database.search:
        return database.search(query, now=now, memo=memo)
    try:
        return backend(query, now=now)
    except SearchUnavailable as error:
        logger.warning("Listing search engine unavailable, using the database instead: %s", error)
        results = database.search(query, now=now, memo=memo)
        results.fell_back = True
        return results


def totals(queries, now=None, memo=None):
    """How many results each of `queries` has, in order, with the same fallback as `search`. The engine counts
    them all in one request, without the facets, scores and fair prices a results page needs."""
    backend = configured_backend("totals")
    if backend is database.totals:
        return database.totals(queries, now=now, memo=memo)
    try:
        return backend(queries, now=now)
    except SearchUnavailable as error:
        logger.warning("Listing search engine unavailable, using the database instead: %s", error)
        return database.totals(queries, now=now, memo=memo)
