"""The one way to search listings: the configured backend, falling back to the database when the engine fails."""

import logging
from importlib import import_module

from django.conf import settings

from .backends import database
from .backends.base import SearchUnavailable

logger = logging.getLogger(__name__)

BACKENDS = {
    "database": "search.backends.database",
    "elasticsearch": "search.backends.elasticsearch",
}


def configured_backend():
    """The module of the configured backend (`search.backends.database` or `search.backends.elasticsearch`)."""
    name = getattr(settings, "LISTING_SEARCH_BACKEND", "database")
    return import_module(BACKENDS[name]) if name != "database" else database


def search(query, now=None, memo=None):
    """Results for `query` from the configured backend; the database answers if the engine is down or slow.

    `memo`, a dict shared by the searches of one request, lets the database backend reuse what it read."""
    results, fell_back = _answer("search", query, now=now, memo=memo)
    results.fell_back = results.fell_back or fell_back
    return results


def totals(queries, now=None, memo=None):
    """How many results each of `queries` has, in order, with the same fallback as `search`. The engine counts
    them all in one request, without the facets, scores and fair prices a results page needs."""
    counted, _fell_back = _answer("totals", queries, now=now, memo=memo)
    return counted


def _answer(function, question, now, memo):
    """(`function` of the configured backend for `question`, whether the database answered instead)."""
    backend = configured_backend()
    fell_back = False
    if backend is not database:
        try:
            return getattr(backend, function)(question, now=now), False
        except SearchUnavailable as error:
            logger.warning("Listing search engine unavailable, using the database instead: %s", error)
            fell_back = True
    return getattr(database, function)(question, now=now, memo=memo), fell_back
