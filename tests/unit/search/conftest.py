"""Fixtures for search tests: an osmem-server (in-memory Elasticsearch API) for the session, settings pointing listing
search at it with a fresh index per test, and a `backend` fixture that runs each contract test on both backends.

If osmem-server cannot start, the tests that need it fail: they never skip.
"""

import socket
import subprocess
import time
import urllib.request
import uuid
from pathlib import Path

import osmem_server
import pytest

from search.backends import database
from search.backends import elasticsearch as engine_backend

OSMEM = Path(osmem_server.__file__).parent / "bin" / "osmem-server"
START_TIMEOUT_SECONDS = 10


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _answers(url):
    try:
        with urllib.request.urlopen(url, timeout=0.5) as response:  # noqa: S310 (a local test server)
            return response.status == 200
    except OSError:
        return False


@pytest.fixture(scope="session")
def osmem_url():
    """The URL of an osmem-server started for this test session (stopped at the end)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(  # noqa: S603 (our own binary, fixed arguments)
        [str(OSMEM), "--addr", f"127.0.0.1:{port}", "--no-stdin-watch"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while not _answers(url):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            error = process.stderr.read().decode(errors="replace")
            pytest.fail(f"osmem-server did not start at {url}: {error}")
        time.sleep(0.05)
    yield url
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture
def search_engine(settings, osmem_url):
    """Listing search on Elasticsearch (osmem-server), with an index of its own for this test."""
    settings.LISTING_SEARCH_BACKEND = "elasticsearch"
    settings.LISTING_SEARCH_URL = osmem_url
    settings.LISTING_SEARCH_NODE_CLASS = "tests.search_engine.PlainJsonNode"
    settings.LISTING_SEARCH_INDEX = f"test-listings-{uuid.uuid4().hex[:12]}"
    yield osmem_url
    from search import index

    settings.LISTING_SEARCH_URL = osmem_url  # a test may have pointed it elsewhere
    settings.LISTING_SEARCH_TIMEOUT_SECONDS = 5
    es = index.client()
    for name in es.indices.get(index=f"{settings.LISTING_SEARCH_INDEX}*").body:
        es.indices.delete(index=name)


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
