"""Whole pages for anonymous visitors come from a shared cache until what they show changes; nobody signed in is
ever served from it or stored in it (marketplace/core/page_cache.py)."""

import gzip

import pytest
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.test import RequestFactory
from django.utils import timezone

from home.models import GlossaryTerm
from marketplace.core.page_cache import AnonymousPageCacheMiddleware
from providers.models import Listing
from providers.signals import announce_listings_changed
from tests.factories import UserFactory
from tests.site_tree import publish
from tests.unit.providers.conftest import make_listing, make_organisation

GUIDANCE = "/guidance/employing-a-pa/"


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    caches["pages"].clear()


def page_cache(response):
    return response.headers.get("X-Page-Cache")


@pytest.fixture
def listing(db):
    now = timezone.now()
    organisation = make_organisation(UserFactory(), name="Leith Care Co-op")
    return make_listing(
        organisation=organisation,
        title="Support at home in Leith",
        status=Listing.Status.PUBLISHED,
        published_at=now,
        last_confirmed_at=now,
    )


@pytest.mark.parametrize("path", ["/", "/guidance/", GUIDANCE, "/glossary/"])
def test_anonymous_pages_come_from_the_cache_the_second_time(client, site_tree, path):
    first = client.get(path)
    second = client.get(path)
    assert (first.status_code, page_cache(first)) == (200, "miss")
    assert (second.status_code, page_cache(second)) == (200, "hit")
    assert second.content == first.content
    assert "private" not in second.headers.get("Cache-Control", "")


def test_publishing_a_page_shows_the_new_version_at_once(client, site_tree):
    assert "Employing a personal assistant" in client.get(GUIDANCE).text
    guidance = site_tree["guidance"]
    guidance.title = "Employing your own personal assistant"
    publish(guidance)
    fresh = client.get(GUIDANCE)
    assert page_cache(fresh) == "miss"
    assert "Employing your own personal assistant" in fresh.text


def test_unpublishing_a_page_takes_it_off_the_site(client, site_tree):
    assert client.get(GUIDANCE).status_code == 200
    site_tree["guidance"].unpublish()
    assert client.get(GUIDANCE).status_code == 404


def test_changing_a_glossary_term_refreshes_the_glossary(client, site_tree):
    assert "Money from the council paid to you" in client.get("/glossary/").text
    term = GlossaryTerm.objects.get(slug="direct-payment")
    term.definition = "Money the council pays you so that you can arrange your own support."
    term.save()
    assert "Money the council pays you" in client.get("/glossary/").text


def test_each_language_has_its_own_copy(client, multilingual_site):
    english, urdu = client.get(GUIDANCE), client.get(f"/ur{GUIDANCE}")
    assert page_cache(urdu) == "miss"
    assert "ذاتی معاون کو ملازم رکھنا" in urdu.text
    assert "ذاتی معاون کو ملازم رکھنا" not in english.text
    assert page_cache(client.get(f"/ur{GUIDANCE}")) == "hit"


def test_listing_pages_refresh_when_the_listing_or_its_reviews_change(client, listing):
    path = f"/support/{listing.slug}/"
    assert page_cache(client.get(path)) == "miss"
    assert page_cache(client.get(path)) == "hit"
    listing.title = "Support at home in Leith and Portobello"
    listing.save()
    assert "Leith and Portobello" in client.get(path).text
    assert page_cache(client.get(path)) == "hit"
    announce_listings_changed("reviews", [listing.pk])  # what a published or withdrawn review sends
    assert page_cache(client.get(path)) == "miss"


def test_a_page_stored_while_a_change_was_uncommitted_is_dropped_when_it_commits(
    client, listing, django_capture_on_commit_callbacks
):
    """Another process can render the page from the data before the change while the change's transaction is still
    open, and store it under the generation the change moved to: the commit moves it again."""
    path = f"/support/{listing.slug}/"
    with django_capture_on_commit_callbacks(execute=True):
        listing.title = "Support at home in Leith and Portobello"
        listing.save()
        assert page_cache(client.get(path)) == "miss"  # stored before the commit
        assert page_cache(client.get(path)) == "hit"
    assert page_cache(client.get(path)) == "miss"


def test_a_suspended_listing_disappears_from_the_cache_too(client, listing):
    path = f"/support/{listing.slug}/"
    assert client.get(path).status_code == 200
    listing.status = Listing.Status.SUSPENDED
    listing.save()
    assert client.get(path).status_code == 404


def test_pages_are_gzipped_for_browsers_that_accept_it(client, site_tree):
    plain = client.get(GUIDANCE)
    zipped = client.get(GUIDANCE, headers={"Accept-Encoding": "gzip, br"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == plain.content
    assert page_cache(client.get(GUIDANCE, headers={"Accept-Encoding": "gzip"})) == "hit"


def test_signed_in_people_are_never_served_or_stored(client, site_tree):
    client.get(GUIDANCE)  # an anonymous copy is stored
    client.force_login(UserFactory(email="someone@example.org"))
    for _ in range(2):
        response = client.get(GUIDANCE)
        assert response.status_code == 200
        assert page_cache(response) is None
        assert "private" in response.headers["Cache-Control"]
        assert "Your account" in response.text
    client.logout()
    assert page_cache(client.get(GUIDANCE)) == "hit"


def test_a_page_seen_signed_in_is_not_handed_to_the_next_anonymous_visitor(client, site_tree):
    client.force_login(UserFactory(email="someone@example.org"))
    client.get("/glossary/")
    client.logout()
    anonymous = client.get("/glossary/")
    assert page_cache(anonymous) == "miss"
    assert "Your account" not in anonymous.text


def test_a_page_carrying_a_csrf_token_is_never_shared():
    """Each visitor must get a token that matches their own cookie, or their form fails (or two visitors share one)."""

    def form_page(request):
        return HttpResponse(f'<form method="post"><input name="csrfmiddlewaretoken" value="{get_token(request)}">')

    stack = AnonymousPageCacheMiddleware(CsrfViewMiddleware(form_page))
    tokens = set()
    for _ in range(2):
        response = stack(RequestFactory().get("/a-page-with-a-form/"))
        assert page_cache(response) is None
        assert "csrftoken" in response.cookies
        tokens.add(response.cookies["csrftoken"].value)
    assert len(tokens) == 2
