"""Results cards on the engine: the engine's hits bring the fields a card shows (stored with each listing, never
indexed), so a page reads no listing rows for its cards; a listing whose row changed after it was indexed is read
from the database instead, so nobody sees what its supplier has just changed."""

import re

import pytest
from django.utils import timezone

from providers.models import Listing
from search import document_cache, documents, index
from search.backends import elasticsearch as engine_backend
from search.presenters import listing_cards
from search.query import ListingQuery, Place
from tests.review_data import add_reviews
from tests.search_data import EH6, published_listing

pytestmark = pytest.mark.django_db

URL = "/find-support/"
LEITH = Place("Leith", EH6, outward_code="EH6")
LABELS = {"needs": {}, "service_types": {"personal-assistant": "Personal assistant"}, "languages": {}}


def card_titles(client):
    page = client.get(URL, {"where": "EH6 5AA"}).content.decode()
    return re.findall(r'<h3 class="govuk-heading-m app-result__title"><a [^>]*>([^<]+)</a>', page)


def engine_cards(hits):
    return listing_cards(hits, LABELS, "km", {}, [], None)


def test_cards_from_the_engine_match_cards_from_the_database(search_engine):
    published_listing("Leith helpers", km=1, verified=True, languages=("polish",))
    reviewed = published_listing("Portobello carers", km=3, price="21.50")
    add_reviews(reviewed, [5, 4, 4])
    index.rebuild()
    hits = engine_backend.search(ListingQuery(place=LEITH, sort="nearest")).hits
    assert all(hit.card is not None for hit in hits)
    from_engine = engine_cards(hits)
    document_cache.forget()
    from_database = engine_cards([hit.__class__(hit.listing_id, hit.distance_km, hit.score) for hit in hits])
    assert [card["title"] for card in from_engine] == ["Leith helpers", "Portobello carers"]
    assert from_engine == from_database


def test_an_engine_page_reads_no_listing_documents(search_engine, client, monkeypatch):
    published_listing("Leith helpers", km=1)
    published_listing("Portobello carers", km=3)
    index.rebuild()

    def refuse(*args, **kwargs):
        raise AssertionError("the cards should come from the engine's hits")

    monkeypatch.setattr(documents, "documents_for", refuse)
    assert card_titles(client) == ["Leith helpers", "Portobello carers"]


def test_a_listing_changed_since_it_was_indexed_shows_its_new_details(search_engine, client):
    listing = published_listing("Leith helpers", km=1)
    index.rebuild()
    # Saved without its signals (as a bulk edit might): the engine still holds the old card.
    Listing.objects.filter(pk=listing.pk).update(title="Leith carers", updated_at=timezone.now())
    assert card_titles(client) == ["Leith carers"]
