"""Property-based checks over the find-support URL: whatever people (or robots) put in it, never a 500."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.review_data import add_reviews
from tests.search_data import published_listing

pytestmark = pytest.mark.django_db

NASTY = st.sampled_from(
    [
        "'; DROP TABLE providers_listing; --",
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "\x00",
        "%00",
        "EH6 5AA" * 40,
        "１２３",
        "NaN",
        "inf",
        "-0",
        "1e309",
        "٣",
        "☃",
        "",
        " ",
    ]
)
TEXT = st.one_of(NASTY, st.text(max_size=300))
NUMBERS = st.one_of(NASTY, st.integers(-(10**12), 10**12).map(str), st.floats().map(str), st.text(max_size=10))
PLACES = st.one_of(st.sampled_from(["EH6 5AA", "EH6", "Leith", "Newport", "ZZ99 9ZZ", "Edinburgh"]), TEXT)
PARAMETERS = st.fixed_dictionaries(
    {},
    optional={
        "where": PLACES,
        "near": st.one_of(NASTY, st.tuples(st.floats(), st.floats()).map(lambda p: f"{p[0]},{p[1]}")),
        "q": TEXT,
        "need": st.lists(st.one_of(st.sampled_from(["dementia", "autism"]), TEXT), max_size=4),
        "language": st.lists(st.one_of(st.just("polish"), TEXT), max_size=3),
        "gender": st.one_of(st.sampled_from(["woman", "man", "non_binary"]), TEXT),
        "day": st.lists(NUMBERS, max_size=3),
        "time": st.lists(st.one_of(st.just("morning"), TEXT), max_size=3),
        "rating": st.one_of(st.sampled_from(["4", "3", "2"]), NUMBERS),
        "stamp": st.lists(st.one_of(st.sampled_from(["reliable", "good-with-dementia"]), TEXT), max_size=3),
        "max_price": NUMBERS,
        "within": NUMBERS,
        "units": st.one_of(st.sampled_from(["mi", "km"]), TEXT),
        "sort": st.one_of(st.sampled_from(["best", "nearest", "price", "rating"]), TEXT),
        "page": NUMBERS,
        "verified": TEXT,
    },
)


@pytest.fixture
def some_listings(db):
    reviewed = published_listing("Dementia care", needs=["dementia"], languages=["polish"])
    add_reviews(reviewed, (5, 4, 4), endorse=("reliable",))
    published_listing("Autism support", km=3, needs=["autism"], price="22.50")


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(params=PARAMETERS)
def test_any_query_gets_a_page_never_a_server_error(client, some_listings, params):
    response = client.get("/find-support/", params)
    assert response.status_code in (200, 400, 404)
    page = response.content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "<img src=x onerror" not in page
    if response.status_code == 400:
        assert "There is a problem" in page
