"""The demand log keeps what was asked for and roughly where, never who asked or exactly where they are."""

from datetime import datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.db import DatabaseError
from django.http import QueryDict

from search import demand
from search.backends.base import SearchResults
from search.forms import SearchForm
from search.models import SearchLog
from tests.search_data import published_listing

pytestmark = pytest.mark.django_db

NOON_ISH = datetime(2026, 3, 4, 12, 37, 21, 123456, tzinfo=ZoneInfo("UTC"))


def query_for(query_string):
    form = SearchForm(QueryDict(query_string))
    assert form.is_valid(), form.errors
    return form.query()


def results(total=3, backend="database", fell_back=False):
    return SearchResults(total=total, hits=[], backend=backend, fell_back=fell_back)


def test_the_model_has_no_field_that_could_identify_a_person():
    names = {field.name for field in SearchLog._meta.get_fields()}
    assert names == {
        "id",
        "hour",
        "outward_code",
        "council_area",
        "council_code",
        "place_kind",
        "text",
        "filters",
        "sort",
        "result_count",
        "backend",
        "fell_back",
    }
    for forbidden in ("ip", "user", "session", "agent", "latitude", "longitude", "postcode", "created_at"):
        assert not any(forbidden in name for name in names - {"outward_code"}), forbidden
    assert not any(field.is_relation for field in SearchLog._meta.get_fields())


def test_a_full_postcode_search_keeps_only_the_outward_code_and_the_hour():
    query = query_for("where=EH6+5AA&need=dementia&language=polish&max_price=20&sort=price&within=5")
    row = demand.record(query, results(total=4), now=NOON_ISH)
    row = SearchLog.objects.get(pk=row.pk)
    assert row.outward_code == "EH6"
    assert row.place_kind == SearchLog.PlaceKind.POSTCODE
    # The exact council from the ONS postcode lookup, whether or not the directory has a row for it.
    assert (row.council_code, row.council_area) == ("S12000036", "City of Edinburgh")
    assert row.hour == datetime(2026, 3, 4, 12, 0, tzinfo=ZoneInfo("UTC"))
    assert row.filters == {"need": ["dementia"], "language": ["polish"], "max_price": "20", "within_km": 8.0}
    assert (row.sort, row.result_count, row.backend, row.fell_back) == ("price", 4, "database", False)
    stored = " ".join(str(value) for value in SearchLog.objects.filter(pk=row.pk).values().get().values())
    assert "5AA" not in stored.upper()
    assert "55.9" not in stored  # no coordinates


def test_an_outward_code_and_a_place_name_are_told_apart():
    by_outward = demand.record(query_for("where=EH6"), results())
    assert (by_outward.outward_code, by_outward.place_kind) == ("EH6", SearchLog.PlaceKind.OUTWARD)
    by_name = demand.record(query_for("where=Dalkeith"), results())
    assert (by_name.outward_code, by_name.place_kind) == ("", SearchLog.PlaceKind.PLACE)
    assert (by_outward.council_code, by_name.council_code) == ("S12000036", "S12000019")  # Edinburgh, Midlothian


def test_the_log_gets_the_exact_council_on_both_sides_of_a_boundary():
    east_glasgow = demand.record(query_for("where=G32+8RG"), results())
    cambuslang = demand.record(query_for("where=G72+7LA"), results())
    broughty_ferry = demand.record(query_for("where=DD5+2TF"), results())
    east_bristol = demand.record(query_for("where=BS16+5DG"), results())
    assert [row.council_code for row in (east_glasgow, cambuslang, broughty_ferry, east_bristol)] == [
        "S12000049",  # Glasgow City
        "S12000029",  # South Lanarkshire
        "S12000042",  # Dundee City
        "E06000023",  # Bristol
    ]


def test_a_my_location_search_keeps_no_postcode_and_no_coordinates():
    query = query_for("near=55.97612,-3.17212&need=autism")
    row = demand.record(query, results(total=0))
    assert (row.outward_code, row.place_kind, row.council_area, row.council_code) == (
        "",
        SearchLog.PlaceKind.LOCATION,
        "City of Edinburgh",
        "S12000036",
    )
    stored = " ".join(str(value) for value in SearchLog.objects.filter(pk=row.pk).values().get().values())
    assert "55.97" not in stored and "3.17" not in stored


def test_what_people_type_keeps_only_words_of_the_taxonomies_and_synonyms():
    query = query_for("where=EH6").but(
        text="  Carer for mum with Dementia at flat 3/2 12 Main St EH6 5AA born 12/03/1950 Jean MacLeod "
        "call 0131 496 0000 or me@example.org, Polish speaking "
    )
    row = demand.record(query, results())
    assert row.text == "carer dementia polish"
    assert demand.record(query.but(text="Morningside Road flat 4"), results()).text == ""
    long_query = query.but(text="dementia autism " * 100)
    assert len(demand.record(long_query, results()).text) <= 200


def test_only_first_pages_are_logged_and_which_backend_answered_is_kept():
    query = query_for("where=EH6")
    assert demand.record(query.but(page=2), results()) is None
    row = demand.record(query, results(backend="elasticsearch", fell_back=True))
    assert (row.backend, row.fell_back) == ("elasticsearch", True)
    assert SearchLog.objects.count() == 1


def test_a_database_error_is_logged_and_never_reaches_the_searcher(caplog):
    with mock.patch.object(SearchLog.objects, "create", side_effect=DatabaseError("disk full")):
        assert demand.record(query_for("where=EH6"), results()) is None
    assert "Could not record a search" in caplog.text
    assert SearchLog.objects.count() == 0
    # The database is still usable afterwards (the failure was inside a savepoint).
    assert demand.record(query_for("where=EH6"), results()) is not None


def test_the_results_page_logs_a_full_postcode_search_as_its_outward_code(client):
    published_listing("Leith helpers", km=1, radius_km=5, needs=["dementia"], price="18.00")
    response = client.get("/find-support/", {"where": "EH6 5AA", "need": "dementia"})
    assert response.status_code == 200
    row = SearchLog.objects.get()
    assert (row.outward_code, row.place_kind, row.result_count) == ("EH6", "postcode", 1)
    assert row.filters == {"need": ["dementia"]}
    assert row.hour.minute == row.hour.second == row.hour.microsecond == 0


def test_the_rating_limit_and_stamps_are_logged_with_the_other_filters():
    query = query_for("where=EH6+5AA&rating=4&stamp=reliable&stamp=good-with-dementia")
    row = SearchLog.objects.get(pk=demand.record(query, results(total=0), now=NOON_ISH).pk)
    assert row.filters == {"rating": 4.0, "stamp": ["reliable", "good-with-dementia"]}
