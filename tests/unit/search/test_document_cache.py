"""The database backend keeps listings' documents between searches (search.document_cache): a searcher must still
see every change, whichever process made it and however it was written."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone
from freezegun import freeze_time

from providers.models import Listing, Organisation
from search import document_cache
from tests.review_data import add_reviews
from tests.search_data import published_listing

pytestmark = pytest.mark.django_db

URL = "/find-support/"
PLACE = {"where": "EH6 5AA"}


def titles(client, **params):
    page = client.get(URL, {**PLACE, **params}).content.decode()
    return re.findall(r'<h3 class="govuk-heading-m app-result__title"><a [^>]*>([^<]+)</a>', page)


def test_a_change_saved_in_another_process_shows_on_the_next_search(client):
    listing = published_listing("Leith helpers")
    assert titles(client) == ["Leith helpers"]
    # Another process saves the listing: once it commits, its signal moves the shared generation on.
    Listing.objects.filter(pk=listing.pk).update(title="Leith carers")
    assert titles(client) == ["Leith helpers"]  # kept, as nothing here could know yet
    cache.incr(document_cache.SHARED_GENERATION_KEY)
    assert titles(client) == ["Leith carers"]


def test_a_listing_written_without_signals_is_rebuilt_once_its_row_changes(client):
    listing = published_listing("Leith helpers")
    assert titles(client) == ["Leith helpers"]
    Listing.objects.filter(pk=listing.pk).update(title="Leith carers", updated_at=timezone.now())
    assert titles(client) == ["Leith carers"]


def test_saving_anything_a_document_holds_shows_at_once(client):
    listing = published_listing("Leith helpers", needs=["dementia"])
    assert titles(client, need="dementia") == ["Leith helpers"]
    listing.needs.clear()
    assert titles(client, need="dementia") == []
    add_reviews(listing, (5, 5, 4), endorse=("reliable",))
    assert titles(client, stamp="reliable") == ["Leith helpers"]


def test_no_document_is_kept_longer_than_its_age_limit(client):
    listing = published_listing("Leith helpers")
    assert titles(client) == ["Leith helpers"]
    Listing.objects.filter(pk=listing.pk).update(title="Leith carers")  # no signal, no new updated_at
    with freeze_time(timezone.now() + document_cache.MAX_AGE + timedelta(seconds=1)):
        assert titles(client) == ["Leith carers"]


def test_an_organisation_saying_what_kind_it_is_shows_on_its_cards(client):
    organisation = published_listing("Leith helpers").supplier.organisation
    organisation.kind = Organisation.Kind.CHARITY
    organisation.save()
    assert kind_shown(client) == "Charity"
    organisation.kind = Organisation.Kind.USER_LED
    organisation.save()
    assert kind_shown(client) == "User-led organisation"


def kind_shown(client):
    page = client.get(URL, PLACE).content.decode()
    return re.search(r'<p class="govuk-caption-s app-result__kind">([^<·]+?)\s*(?:·|<)', page).group(1)
