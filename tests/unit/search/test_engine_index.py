"""The engine's index of listings: what happens when the engine refuses documents, what searches see while a
rebuild runs, and both client libraries (opensearch-py for OpenSearch, elasticsearch-py for Elasticsearch)."""

import logging

import pytest
from django.core.management import CommandError, call_command

from providers.models import Listing
from search import index
from search.backends import elasticsearch as engine_backend
from search.backends.base import SearchUnavailable
from search.query import ListingQuery, Place
from tests.search_data import EH6, published_listing

pytestmark = pytest.mark.django_db

LEITH = Place("Leith", EH6, outward_code="EH6")


def engine_titles():
    """What the engine finds around Leith, nearest first (asked directly: a failure must not fall back)."""
    results = engine_backend.search(ListingQuery(place=LEITH, sort="nearest"))
    titles = dict(Listing.objects.values_list("pk", "title"))
    return [titles[hit.listing_id] for hit in results.hits]


def break_base(listing):
    """A base the engine cannot index (a latitude past the pole), as a faulty import might leave one."""
    Listing.objects.filter(pk=listing.pk).update(latitude=95.0)


def indices(settings):
    return index.client().index_names(f"{settings.LISTING_SEARCH_INDEX}-*")


def test_a_rebuild_with_refused_documents_fails_and_searches_keep_the_previous_index(search_engine, settings, caplog):
    published_listing("Near", km=1)
    far = published_listing("Far", km=3)
    index.rebuild()
    before = indices(settings)
    published_listing("Newcomer", km=2)
    break_base(far)
    with caplog.at_level(logging.ERROR, logger="search.index"), pytest.raises(index.IndexingFailed) as failed:
        index.rebuild()
    assert failed.value.count == 1
    refused = failed.value.examples[0]["index"]
    assert (refused["_id"], refused["status"]) == (str(far.pk), 400)
    assert "refused a listing document" in caplog.text and "refused 1 listing document(s) in all" in caplog.text
    # The half-built index is gone, the alias never moved, and searches still get the whole previous index.
    assert indices(settings) == before == index.client().indices_behind(settings.LISTING_SEARCH_INDEX)
    assert engine_titles() == ["Near", "Far"]


def test_the_rebuild_command_exits_with_an_error_when_documents_are_refused(search_engine, settings, capsys):
    published_listing("Near", km=1)
    break_base(published_listing("Broken", km=2))
    with pytest.raises(CommandError) as failed:
        call_command("rebuild_listing_index")
    assert failed.value.returncode == 1  # what manage.py exits with
    assert "refused 1 listing(s)" in str(failed.value)
    assert "Indexed" not in capsys.readouterr().out
    assert indices(settings) == []  # nothing behind the alias: searches fall back to the database


def test_searches_during_a_rebuild_see_the_previous_index_whole(search_engine, monkeypatch):
    first = published_listing("First", km=1)
    published_listing("Second", km=2)
    index.rebuild()
    published_listing("Third", km=3)
    Listing.objects.filter(pk=first.pk).update(status=Listing.Status.ARCHIVED)
    monkeypatch.setattr(index, "BATCH_SIZE", 1)
    seen = []
    index.rebuild(progress=lambda done, total: seen.append(engine_titles()))
    assert len(seen) == 3 and all(titles == ["First", "Second"] for titles in seen)
    assert engine_titles() == ["Second", "Third"]


@pytest.fixture(params=["opensearch", "elasticsearch"])
def client_library(request, search_engine, settings):
    """Listing search through each client library. The test OpenSearch does not call itself Elasticsearch, which
    the elasticsearch client insists on, so that client gets a node class that says it does (test only)."""
    settings.LISTING_SEARCH_ENGINE = request.param
    settings.LISTING_SEARCH_NODE_CLASS = (
        "tests.search_engine.ElasticsearchClientNode" if request.param == "elasticsearch" else None
    )
    return request.param


def test_either_client_library_indexes_searches_and_reports_refusals(client_library, settings):
    near = published_listing("Near", km=1)
    far = published_listing("Far", km=3)
    assert index.rebuild() == 2
    assert engine_titles() == ["Near", "Far"]
    Listing.objects.filter(pk=near.pk).update(title="Near and dear")
    Listing.objects.filter(pk=far.pk).update(status=Listing.Status.SUSPENDED)
    assert index.index_listings([near.pk, far.pk], refresh=True) == 1
    assert engine_titles() == ["Near and dear"]
    assert index.index_listings([far.pk], refresh=True) == 0  # already gone: nothing to delete is fine
    break_base(near)
    with pytest.raises(index.IndexingFailed) as failed:
        index.index_listings([near.pk])
    assert failed.value.count == 1
    settings.LISTING_SEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    with pytest.raises(SearchUnavailable):
        engine_backend.search(ListingQuery(place=LEITH))


def test_a_refused_fair_price_search_makes_the_whole_search_unavailable(client_library, monkeypatch):
    """The fair-price figures come from a second search in the same request: the engine refusing that one alone
    must not leave a page without them, so the whole search goes to the database."""
    from search.backends import engine_fair_prices

    published_listing("Near", km=1)
    index.rebuild()
    assert engine_titles() == ["Near"]
    refused = {"scripted_metric": {"map_script": "this is not painless ("}}
    monkeypatch.setattr(engine_fair_prices, "aggregation", lambda: refused)
    with pytest.raises(SearchUnavailable, match="msearch"):
        engine_backend.search(ListingQuery(place=LEITH))


def test_a_rebuilt_index_is_one_segment_before_searches_see_it(client_library, monkeypatch):
    for km in range(1, 7):
        published_listing(f"Listing {km}", km=km)
    monkeypatch.setattr(index, "BATCH_SIZE", 2)
    es = index.client(timeout=index.INDEXING_TIMEOUT_SECONDS)
    bulk = type(es).bulk

    def bulk_and_refresh(self, actions, refresh=False):  # a segment for each batch, as a large load leaves many
        return bulk(self, actions, refresh=True)

    monkeypatch.setattr(type(es), "bulk", bulk_and_refresh)
    assert index.rebuild(es=es) == 6
    [name] = es.indices_behind(index.alias_name())
    assert es.segment_count(name) == 1
    assert engine_titles() == [f"Listing {km}" for km in range(1, 7)]
