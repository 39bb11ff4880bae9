"""Saved searches: double opt-in, confirm on POST only, one-click unsubscribe, signed-in saving, other people's
searches, bad input, and the email when a newly public listing matches (once, in the saved language)."""

import re
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.core import mail
from django.http import QueryDict
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale

from marketplace.core.models import EDITORS_GROUP
from providers import services
from providers.models import Language, Listing, Need
from search.forms import SearchForm
from search.models import SavedSearch, SavedSearchNotice
from tests.factories import UserFactory
from tests.search_data import published_listing

pytestmark = pytest.mark.django_db

QUERY = "where=EH6+5AA&need=dementia&language=polish"
SAVE = "/find-support/saved/save/"
EMAIL = "/find-support/saved/save/email/"


@pytest.fixture
def editor(db):
    return UserFactory(email="editor@example.org", groups=[EDITORS_GROUP])


@pytest.fixture
def polish(db):
    """Polish as a content language, with Polish names for two terms (so labels show which language was used)."""
    locale, _ = Locale.objects.get_or_create(language_code="pl")
    for model, slug, name in ((Need, "dementia", "Demencja"), (Language, "polish", "Polski")):
        source = model.objects.get(slug=slug, locale=Locale.get_default())
        if not model.objects.filter(translation_key=source.translation_key, locale=locale).exists():
            copy = source.copy_for_translation(locale)
            copy.name = name
            copy.save()
    return locale


def link_in(message, kind):
    return re.search(rf"http://testserver(\S*/find-support/saved/{kind}/\S+/)", message.body).group(1)


def ask_by_email(client, on_commit, email="sam@example.org", query=QUERY, prefix=""):
    response = client.post(prefix + SAVE, {"query": query})
    assert response.status_code == 302
    assert response["Location"].startswith(prefix + EMAIL + "?")
    form = client.get(response["Location"])
    assert form.status_code == 200
    with on_commit(execute=True):
        response = client.post(prefix + EMAIL, {"query": query, "email": email})
    assert response.status_code == 302
    assert response["Location"].endswith("/find-support/saved/check-your-email/")
    return response


def confirm(client, on_commit, message=None):
    url = link_in(message or mail.outbox[-1], "confirm")
    with on_commit(execute=True):
        assert client.post(url).status_code == 200
    return url


def submitted(title="Leith dementia care", **fields):
    defaults = {"needs": ["dementia"], "languages": ["polish"], "km": 1, "radius_km": 10}
    return published_listing(title, status=Listing.Status.SUBMITTED, **{**defaults, **fields})


def approve(listing, editor, on_commit):
    with on_commit(execute=True):
        services.approve_listing(listing, editor)


# --- Double opt-in ------------------------------------------------------------------------------------------------


def test_asking_by_email_sends_only_a_confirmation_and_matches_wait_for_it(
    client, editor, django_capture_on_commit_callbacks
):
    ask_by_email(client, django_capture_on_commit_callbacks, email="Sam@Example.org")
    saved = SavedSearch.objects.get()
    assert (saved.email, saved.query_string, saved.is_confirmed, saved.user) == (
        "sam@example.org",
        QUERY,
        False,
        None,
    )
    assert saved.label == "Dementia, Polish near EH6"
    assert len(mail.outbox) == 1
    assert "Confirm your saved search" in mail.outbox[0].subject
    assert "/find-support/saved/confirm/" in mail.outbox[0].body
    mail.outbox = []
    approve(submitted(), editor, django_capture_on_commit_callbacks)
    assert all("sam@example.org" not in message.to for message in mail.outbox)
    assert not SavedSearchNotice.objects.exists()


def test_the_confirmation_link_only_shows_a_button_until_posted(client, django_capture_on_commit_callbacks):
    ask_by_email(client, django_capture_on_commit_callbacks)
    url = link_in(mail.outbox[0], "confirm")
    response = client.get(url)
    assert response.status_code == 200
    assert b"Start my emails" in response.content
    assert not SavedSearch.objects.get().is_confirmed
    assert client.post(url).status_code == 200
    assert SavedSearch.objects.get().is_confirmed


def test_an_expired_or_made_up_confirmation_link_does_not_work(client, django_capture_on_commit_callbacks):
    ask_by_email(client, django_capture_on_commit_callbacks)
    url = link_in(mail.outbox[0], "confirm")
    SavedSearch.objects.update(created_at=timezone.now() - timedelta(days=8))
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert client.post("/find-support/saved/confirm/not-a-real-token/").status_code == 404
    assert not SavedSearch.objects.filter(confirmed_at__isnull=False).exists()


def test_asking_again_for_a_confirmed_search_looks_the_same_and_sends_nothing(
    client, django_capture_on_commit_callbacks
):
    ask_by_email(client, django_capture_on_commit_callbacks)
    confirm(client, django_capture_on_commit_callbacks)
    mail.outbox = []
    ask_by_email(client, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert SavedSearch.objects.count() == 1


# --- Notifications ------------------------------------------------------------------------------------------------


def test_a_newly_approved_matching_listing_is_emailed_once_in_the_saved_language(
    client, editor, polish, django_capture_on_commit_callbacks
):
    ask_by_email(client, django_capture_on_commit_callbacks, prefix="/pl")
    saved = SavedSearch.objects.get()
    assert saved.language == "pl"
    assert saved.label == "Demencja, Polski – w pobliżu: EH6"
    assert link_in(mail.outbox[0], "confirm").startswith("/pl/")
    confirm(client, django_capture_on_commit_callbacks)
    mail.outbox = []

    listing = submitted()
    approve(listing, editor, django_capture_on_commit_callbacks)
    alerts = [m for m in mail.outbox if m.to == ["sam@example.org"]]
    assert len(alerts) == 1
    message = alerts[0]
    assert "Leith dementia care" in message.subject
    assert "Demencja, Polski – w pobliżu: EH6" in message.body
    assert f"http://testserver/pl/support/{listing.slug}/" in message.body
    assert f"http://testserver/pl/find-support/?{QUERY}" in message.body
    unsubscribe_url = f"http://testserver/pl/find-support/saved/unsubscribe/{saved.token}/"
    assert unsubscribe_url in message.body
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe_url}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    saved.refresh_from_db()
    assert saved.last_notified_at is not None
    assert SavedSearchNotice.objects.filter(saved_search=saved, listing=listing).count() == 1

    # Suspended, then reinstated: public again, but they have heard about it already.
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        services.suspend_listing(listing, editor, "Checking a complaint")
        services.reinstate_listing(Listing.objects.get(pk=listing.pk), editor)
    assert [m for m in mail.outbox if m.to == ["sam@example.org"]] == []
    assert SavedSearchNotice.objects.count() == 1


def test_a_reinstated_listing_that_was_never_announced_is_emailed(client, editor, django_capture_on_commit_callbacks):
    listing = published_listing("Reinstated dementia care", needs=["dementia"], languages=["polish"])
    with django_capture_on_commit_callbacks(execute=True):
        services.suspend_listing(listing, editor, "Checking a complaint")
    ask_by_email(client, django_capture_on_commit_callbacks)
    confirm(client, django_capture_on_commit_callbacks)
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        services.reinstate_listing(Listing.objects.get(pk=listing.pk), editor)
    assert len([m for m in mail.outbox if m.to == ["sam@example.org"]]) == 1


@pytest.mark.parametrize(
    "fields",
    [
        {"needs": ["autism"]},  # another need
        {"languages": ["urdu"]},  # another language
        {"km": 30, "radius_km": 5},  # does not reach EH6
    ],
    ids=["need", "language", "area"],
)
def test_a_listing_that_does_not_match_is_not_emailed(client, editor, fields, django_capture_on_commit_callbacks):
    ask_by_email(client, django_capture_on_commit_callbacks)
    confirm(client, django_capture_on_commit_callbacks)
    mail.outbox = []
    approve(submitted("Somewhere else", **fields), editor, django_capture_on_commit_callbacks)
    assert [m for m in mail.outbox if m.to == ["sam@example.org"]] == []
    assert not SavedSearchNotice.objects.exists()


def test_each_matching_saved_search_gets_its_own_email(client, editor, django_capture_on_commit_callbacks):
    for email in ("sam@example.org", "alex@example.org"):
        mail.outbox = []
        ask_by_email(Client(), django_capture_on_commit_callbacks, email=email)
        confirm(client, django_capture_on_commit_callbacks)
    mail.outbox = []
    approve(submitted(), editor, django_capture_on_commit_callbacks)
    assert sorted(message.to[0] for message in mail.outbox) == ["alex@example.org", "sam@example.org"]


# --- Unsubscribing ------------------------------------------------------------------------------------------------


def confirmed_search(client, on_commit):
    ask_by_email(client, on_commit)
    confirm(client, on_commit)
    return SavedSearch.objects.get()


def test_one_click_unsubscribe_works_without_a_csrf_token(client, django_capture_on_commit_callbacks):
    saved = confirmed_search(client, django_capture_on_commit_callbacks)
    mail_client = Client(enforce_csrf_checks=True)  # a mail provider's POST has no cookie and no token
    response = mail_client.post(f"/find-support/saved/unsubscribe/{saved.token}/", {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not SavedSearch.objects.exists()


def test_the_unsubscribe_link_asks_first_and_deletes_on_post(client, django_capture_on_commit_callbacks):
    saved = confirmed_search(client, django_capture_on_commit_callbacks)
    url = f"/find-support/saved/unsubscribe/{saved.token}/"
    response = client.get(url)
    assert response.status_code == 200
    assert b"Delete this saved search" in response.content
    assert SavedSearch.objects.exists()
    response = client.post(url)
    assert response.status_code == 302
    assert not SavedSearch.objects.exists()
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 302  # the same answer: nothing to say about what was there


# --- Signed in ----------------------------------------------------------------------------------------------------


def test_a_signed_in_person_with_a_verified_address_saves_at_once(client, editor, django_capture_on_commit_callbacks):
    user = UserFactory(email="Pat@Example.org")
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SAVE, {"query": "need=dementia&where=eh6+5aa&language=polish&page=3"})
    assert response.status_code == 302
    assert response["Location"] == "/find-support/?where=eh6+5aa&need=dementia&language=polish"
    saved = SavedSearch.objects.get()
    assert (saved.user, saved.email, saved.is_confirmed, saved.language) == (user, "pat@example.org", True, "en")
    assert mail.outbox == []
    page = client.get(response["Location"])
    assert "Search saved" in page.content.decode()

    # Saving the same search again keeps one.
    client.post(SAVE, {"query": "where=eh6+5aa&need=dementia&language=polish"})
    assert SavedSearch.objects.count() == 1

    approve(submitted(), editor, django_capture_on_commit_callbacks)
    assert len([m for m in mail.outbox if m.to == ["pat@example.org"]]) == 1


def test_a_signed_in_person_without_a_verified_address_is_asked_for_one(client):
    client.force_login(UserFactory(email="new@example.org", verified=False))
    response = client.post(SAVE, {"query": QUERY})
    assert response.status_code == 302
    assert response["Location"].startswith(EMAIL)
    assert not SavedSearch.objects.exists()


def test_a_signed_in_person_at_the_limit_is_told_and_nothing_is_saved(client, settings):
    settings.SAVED_SEARCH_MAX_PER_EMAIL = 1
    client.force_login(UserFactory(email="pat@example.org"))
    client.post(SAVE, {"query": QUERY})
    response = client.post(SAVE, {"query": "where=EH6+5AA&need=autism"}, follow=True)
    assert "You already have 1 saved searches" in response.content.decode()
    assert SavedSearch.objects.count() == 1


def test_people_see_and_delete_only_their_own_saved_searches(client):
    pat, other = UserFactory(email="pat@example.org"), UserFactory(email="other@example.org")
    mine = SavedSearch.objects.create(
        user=pat, email="pat@example.org", query_string=QUERY, label="Mine", language="en", confirmed_at=timezone.now()
    )
    by_email = SavedSearch.objects.create(
        email="pat@example.org", query_string="where=EH6", label="Saved before signing in", language="en"
    )
    theirs = SavedSearch.objects.create(
        user=other, email="other@example.org", query_string=QUERY, label="Theirs", language="en"
    )

    assert client.get("/find-support/saved/").status_code == 302  # signed out: to the sign-in page
    assert client.post(f"/find-support/saved/{mine.pk}/delete/").status_code == 302
    assert SavedSearch.objects.filter(pk=mine.pk).exists()

    client.force_login(pat)
    page = client.get("/find-support/saved/").content.decode()
    assert "Mine" in page and "Saved before signing in" in page
    assert "Theirs" not in page
    assert theirs.token not in page and mine.token not in page  # the list never shows the secret links

    assert client.post(f"/find-support/saved/{theirs.pk}/delete/").status_code == 404
    assert client.get(f"/find-support/saved/{mine.pk}/delete/").status_code == 405
    assert SavedSearch.objects.filter(pk=theirs.pk).exists()
    response = client.post(f"/find-support/saved/{mine.pk}/delete/", follow=True)
    assert "You deleted the saved search “Mine”" in response.content.decode()
    assert client.post(f"/find-support/saved/{by_email.pk}/delete/").status_code == 302
    assert list(SavedSearch.objects.all()) == [theirs]


# --- Bad input ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "Enter your email address"),
        ("not-an-address", "Enter an email address in the correct format"),
        ("a" * 250 + "@example.org", "Enter an email address of 254 characters or fewer"),
    ],
    ids=["empty", "malformed", "overlong"],
)
def test_a_bad_email_address_is_refused_with_a_message(client, email, message, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(EMAIL, {"query": QUERY, "email": email})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "There is a problem" in response.content.decode()
    assert not SavedSearch.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "There is no search to save"),
        ("need=dementia", "Enter a postcode or the name of a town or village"),
        ("where=EH6+5AA&need=not-a-need", None),  # the find-support form's own message
        ("where=EH6+5AA&max_price=lots", "Enter a price per hour in pounds"),
        ("where=EH6+5AA&q=" + "x" * 1990, "This search is too long to save"),
        ("where=EH6+5AA&q=" + "x" * 201, "Enter 200 characters or fewer to search for"),
        ("where=Newport", "Choose which place you mean"),
        ("utter=nonsense", "There is no search to save"),
    ],
    ids=["empty", "no-place", "bad-need", "bad-price", "overlong", "long-words", "ambiguous", "unknown-parameter"],
)
def test_a_bad_query_string_is_refused_with_a_message_and_nothing_is_saved(client, query, message):
    if message is None:
        message = str(SearchForm(QueryDict(query)).errors["need"][0])
    client.force_login(UserFactory(email="pat@example.org"))
    for response in (
        client.post(SAVE, {"query": query}),
        client.get(EMAIL + "?" + urlencode({"query": query})),
        client.post(EMAIL, {"query": query, "email": "pat@example.org"}),
    ):
        assert response.status_code == 400
        assert "We could not save this search" in response.content.decode()
        assert message in response.content.decode()
    assert not SavedSearch.objects.exists()
    assert mail.outbox == []


def test_saving_only_takes_a_post(client):
    assert client.get(SAVE, {"query": QUERY}).status_code == 405


# --- Rate limits and the per-address limit ------------------------------------------------------------------------


def test_one_address_gets_a_few_confirmation_emails_an_hour_and_the_page_never_says_so(
    client, settings, django_capture_on_commit_callbacks
):
    settings.SAVED_SEARCH_SIGNUPS_PER_HOUR_PER_EMAIL = 2
    for need in ("dementia", "autism", "personal-care"):
        query = f"where=EH6+5AA&need={need}"
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(EMAIL, {"query": query, "email": "sam@example.org"})
        assert response.status_code == 302
        assert response["Location"].endswith("/check-your-email/")
    assert len(mail.outbox) == 2
    assert SavedSearch.objects.count() == 2


def test_one_connection_is_limited_per_hour(client, settings):
    settings.SAVED_SEARCH_SIGNUPS_PER_HOUR_PER_IP = 2
    statuses = [client.post(EMAIL, {"query": QUERY, "email": f"person{n}@example.org"}).status_code for n in range(3)]
    assert statuses == [302, 302, 429]
    assert SavedSearch.objects.count() == 2


def test_at_the_limit_the_address_is_told_by_email_not_on_the_page(
    client, settings, django_capture_on_commit_callbacks
):
    settings.SAVED_SEARCH_MAX_PER_EMAIL = 1
    ask_by_email(client, django_capture_on_commit_callbacks)
    mail.outbox = []
    ask_by_email(client, django_capture_on_commit_callbacks, query="where=EH6+5AA&need=autism")
    assert SavedSearch.objects.count() == 1
    assert len(mail.outbox) == 1
    assert "was not saved" in mail.outbox[0].subject


# --- Privacy ------------------------------------------------------------------------------------------------------


def test_a_person_s_data_export_and_account_deletion_include_their_saved_searches():
    from marketplace.core.privacy import delete_account, export_user_data

    pat, other = UserFactory(email="pat@example.org"), UserFactory(email="other@example.org")
    SavedSearch.objects.create(user=pat, email="pat@example.org", query_string=QUERY, label="Mine", language="en")
    SavedSearch.objects.create(email="PAT@example.org", query_string="where=EH6", label="By email", language="en")
    theirs = SavedSearch.objects.create(
        user=other, email="other@example.org", query_string=QUERY, label="Theirs", language="en"
    )
    exported = export_user_data(pat)["saved_searches"]
    assert sorted(item["name"] for item in exported) == ["By email", "Mine"]
    delete_account(pat)
    assert list(SavedSearch.objects.all()) == [theirs]


def test_the_label_never_carries_the_words_typed_into_an_email(db):
    from marketplace.geography.places import lookup_postcode
    from search.query import ListingQuery, Place
    from search.saved import describe

    place = Place("EH6 5AA", lookup_postcode("EH6 5AA").point, "City of Edinburgh", "EH6")
    label = describe(ListingQuery(place=place, text="urgent: reset your bank password at evil.example"))
    assert label == "Support near EH6"
