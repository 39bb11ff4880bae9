"""The number of database queries of a response is the same for one result as for a full page, and for a small
directory as for a larger one: the API never loads rows one at a time."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.search_data import published_listing

ROOT = "/open-data/oruk"


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(ROOT + path)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(captured)


def more_listings(count):
    """Listings with everything a service can nest, named to come first, so that a page of one already needs every
    kind of row (terms are loaded once, and only when a listing on the page has one)."""
    for number in range(count):
        published_listing(
            f"Aardvark Support {number}",
            km=1 + number / 10,
            needs=("dementia",),
            languages=("polish",),
            slots=[(0, "morning")],
            verified=True,
        )


PAGED = [
    "/services?full=true",
    "/services",
    "/services?minimal=true",
    "/organizations?full_service=true",
    "/organizations?full=true",
    "/service_at_locations?full=true",
    "/service_at_locations?postcode=EH6%205AA",
    "/taxonomy_terms",
]


@pytest.mark.parametrize("path", PAGED)
def test_a_full_page_costs_what_one_result_costs(client, directory, path):
    more_listings(6)
    joiner = "&" if "?" in path else "?"
    one = queries(client, f"{path}{joiner}per_page=1")
    every = queries(client, f"{path}{joiner}per_page=200")
    assert every == one


@pytest.mark.parametrize("path", ["/services?format=ndjson&full=true", "/organizations?format=ndjson&full=true"])
def test_streaming_everything_does_not_grow_with_the_directory(client, directory, path):
    before = queries(client, path)
    more_listings(6)
    assert queries(client, path) == before
