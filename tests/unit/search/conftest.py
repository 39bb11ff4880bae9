"""Fixtures for search tests: a real OpenSearch node for the session (see tests/search_engine.py), settings pointing
listing search at it with a fresh index per test, and a `backend` fixture that runs each contract test on both
backends.

If the engine cannot start, the tests that need it fail, saying why: they never skip.
"""

import uuid

import pytest

from search.backends import database
from search.backends import elasticsearch as engine_backend
from tests import search_engine as engines


@pytest.fixture(scope="session")
def engine_url():
    """The URL of the search engine started for this test session (stopped at the end)."""
    problem = None
    try:
        with engines.opensearch() as url:
            yield url
    except engines.EngineNotStarted as error:
        problem = str(error)
    if problem:  # failed outside the handler, so the report shows the reason and not a chain of tracebacks
        pytest.fail(f"The search engine (OpenSearch) did not start: {problem}", pytrace=False)


@pytest.fixture
def search_engine(settings, engine_url):
    """Listing search on the engine, with an index of its own for this test."""
    settings.LISTING_SEARCH_BACKEND = "elasticsearch"
    settings.LISTING_SEARCH_URL = engine_url
    for name, value in engines.LISTING_SEARCH_SETTINGS.items():
        setattr(settings, name, value)
    settings.LISTING_SEARCH_INDEX = f"test-listings-{uuid.uuid4().hex[:12]}"
    yield engine_url
    from search import index

    settings.LISTING_SEARCH_URL = engine_url  # a test may have pointed it elsewhere
    settings.LISTING_SEARCH_TIMEOUT_SECONDS = 5
    index.client().delete_index(f"{settings.LISTING_SEARCH_INDEX}*")


def _indexed_search(query, now=None):
    """Index what the database holds now, then ask the engine (directly: a failure must not fall back)."""
    from search import index

    index.rebuild()
    return engine_backend.search(query, now=now)


@pytest.fixture(params=["database", "elasticsearch"])
def backend(request, settings):
    """A `search(query, now=None)` function for each backend; the engine indexes the data as it is at query time."""
    if request.param == "database":
        settings.LISTING_SEARCH_BACKEND = "database"
        return database.search
    request.getfixturevalue("search_engine")
    return _indexed_search
