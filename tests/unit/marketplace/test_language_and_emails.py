"""A person's chosen language is used for pages after they sign in and for every email; account emails speak in the
site's own name and words (the verification email once said "Hello from 127.0.0.1:8000!")."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from providers import services
from tests.factories import PASSWORD, UserFactory
from tests.mfa import enable_totp
from tests.unit.providers.conftest import make_listing, make_organisation

pytestmark = pytest.mark.django_db


def test_a_person_chooses_their_language_on_the_account_page(client, site_tree):
    person = UserFactory(email="person@example.org")
    client.force_login(person)

    page = client.get(reverse("account_language")).content.decode()
    assert 'lang="ur" dir="rtl">اردو</label>' in page
    response = client.post(reverse("account_language"), {"language": "ur"})

    person.refresh_from_db()
    assert person.preferred_language == "ur"
    assert response.status_code == 302 and response["Location"] == "/ur/accounts/dashboard/"
    dashboard = client.get(response["Location"]).content.decode()
    assert 'lang="ur" dir="rtl"' in dashboard


@pytest.mark.parametrize("value", ["", "xx", "9223372036854775808"])
def test_a_bad_language_is_refused_with_a_clear_error(client, site_tree, value):
    person = UserFactory(email="person@example.org", preferred_language="pl")
    client.force_login(person)

    response = client.post(reverse("account_language"), {"language": value})

    assert response.status_code == 400
    assert "Select a language" in response.content.decode()
    person.refresh_from_db()
    assert person.preferred_language == "pl"


def test_signing_in_carries_on_in_the_chosen_language(client, site_tree):
    UserFactory(email="person@example.org", preferred_language="ur")
    response = client.post(reverse("account_login"), {"login": "person@example.org", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"].startswith("/ur/")


def test_signing_up_in_a_language_keeps_it_for_emails(client, site_tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/pl/accounts/signup/", {"email": "nowy@example.org", "password1": PASSWORD, "password2": PASSWORD})

    from django.contrib.auth import get_user_model

    assert get_user_model().objects.get(email="nowy@example.org").preferred_language == "pl"
    [message] = mail.outbox
    assert "Self-directed Support Hub" in message.subject + message.body


def test_account_emails_use_the_sites_name_never_the_host(client, site_tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/signup/", {"email": "new@example.org", "password1": PASSWORD, "password2": PASSWORD})
        UserFactory(email="known@example.org")
        client.post("/accounts/password/reset/", {"email": "known@example.org"})

    assert len(mail.outbox) == 2
    for message in mail.outbox:
        text = message.subject + "\n" + message.body
        assert "testserver" not in re.sub(r"http://testserver\S*", "", text)
        assert "Hello from" not in text and "example.com" not in text
        assert "Self-directed Support Hub" in text and "Demo Council" in message.body


def test_emails_to_a_provider_are_in_their_chosen_language(django_capture_on_commit_callbacks):
    owner = UserFactory(email="owner@example.org", preferred_language="ur")
    colleague = UserFactory(email="colleague@example.org", preferred_language="en")
    organisation = make_organisation(owner)
    organisation.supplier.memberships.create(user=colleague, role="staff")
    listing = make_listing(organisation=organisation, title="Leith support", status="submitted")
    listing.submitted_at = timezone.now()
    listing.save()
    editor = UserFactory(email="editor@example.org", groups=["Editors"])
    enable_totp(editor)

    with django_capture_on_commit_callbacks(execute=True):
        services.approve_listing(listing, editor)

    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects["colleague@example.org"] == "Your listing “Leith support” is published"
    assert subjects["owner@example.org"] != subjects["colleague@example.org"]
    assert "Leith support" in subjects["owner@example.org"]
