"""Each page runs a fixed number of queries, however many listings, searches and months there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from marketplace.insight import demand
from marketplace.insight.pages import PAGES
from tests.search_data import published_listing

from .conftest import QUERY, log

pytestmark = pytest.mark.django_db


def queries(client, address):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


def grow(number):
    for index in range(number):
        published_listing(f"Listing {number}-{index}", council_areas=["Edinburgh"], needs=["dementia"])
    log(number * 5, need="dementia", results=0, outward=f"EH{number}")
    demand.refresh(full=True)


@pytest.mark.parametrize("address", [reverse("insight:page", args=[slug]) for slug in PAGES] + ["/insight/summary/"])
def test_queries_do_not_grow_with_the_data(commissioner_client, edinburgh, address):
    grow(2)
    commissioner_client.get(address + "?" + QUERY)  # warm the per-process caches (locales, areas' centres)
    few = queries(commissioner_client, address + "?" + QUERY)
    grow(7)
    many = queries(commissioner_client, address + "?" + QUERY)
    assert many == few
    assert few <= (45 if "summary" in address else 25)
