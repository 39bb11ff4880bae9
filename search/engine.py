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


def configured_backend():
    name = getattr(settings, "LISTING_SEARCH_BACKEND", "database")
    return import_string(BACKENDS[name] + ".search") if name != "database" else database.search


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
