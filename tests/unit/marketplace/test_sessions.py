"""Short sessions for accounts that see other people's data, "sign out everywhere", and two-factor authentication
required of supplier owners before their dashboard."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.test import Client
from django.utils import timezone
from freezegun import freeze_time

from marketplace.core.models import COMMISSIONERS_GROUP, EDITORS_GROUP
from providers.models import Membership
from tests.factories import UserFactory, new_organisation
from tests.mfa import enable_totp

pytestmark = pytest.mark.django_db

ACCOUNT = "/accounts/dashboard/"


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def is_signed_in(client):
    return client.get(ACCOUNT).status_code == 200


@pytest.fixture
def organisation(db):
    return new_organisation("Govan Home Support", slug="govan-home-support", kind="charity")


def member(organisation, role, email):
    user = UserFactory(email=email)
    Membership.objects.create(user=user, supplier=organisation.supplier, role=role)
    return user


@pytest.fixture
def editor(db):
    return enable_mfa(UserFactory(email="editor@example.org", groups=[EDITORS_GROUP]))


def enable_mfa(user):
    enable_totp(user)
    return user


def test_an_editor_is_signed_out_after_thirty_idle_minutes(editor):
    start = timezone.now()
    with freeze_time(start) as clock:
        client = signed_in(editor)
        assert is_signed_in(client)
        clock.tick(timedelta(minutes=29))
        assert is_signed_in(client)  # and the idle clock starts again
        clock.tick(timedelta(minutes=29))
        assert is_signed_in(client)
        clock.tick(timedelta(minutes=31))
        response = client.get(ACCOUNT)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")
        login_page = client.get(response["Location"])
        assert "You were signed out to keep people" in login_page.text
        assert not is_signed_in(client)


def test_an_editor_is_signed_out_after_twelve_hours_however_busy(editor):
    with freeze_time(timezone.now()) as clock:
        client = signed_in(editor)
        for _ in range(12 * 4):
            assert is_signed_in(client)
            clock.tick(timedelta(minutes=15))
        clock.tick(timedelta(minutes=1))
        assert not is_signed_in(client)


@pytest.mark.parametrize("role", ["owner", "staff"])
def test_suppliers_members_get_the_short_session(organisation, role):
    user = member(organisation, role, f"{role}@example.org")
    enable_mfa(user)
    with freeze_time(timezone.now()) as clock:
        client = signed_in(user)
        assert is_signed_in(client)
        clock.tick(timedelta(minutes=31))
        assert not is_signed_in(client)


def test_commissioners_get_the_short_session(db):
    Group.objects.get_or_create(name=COMMISSIONERS_GROUP)
    commissioner = UserFactory(email="commissioner@example.org", groups=[COMMISSIONERS_GROUP])
    with freeze_time(timezone.now()) as clock:
        client = signed_in(commissioner)
        assert is_signed_in(client)
        clock.tick(timedelta(minutes=31))
        assert not is_signed_in(client)


def test_people_who_see_only_their_own_data_keep_the_normal_session(db):
    with freeze_time(timezone.now()) as clock:
        client = signed_in(UserFactory(email="person@example.org"))
        assert is_signed_in(client)
        clock.tick(timedelta(hours=13))
        assert is_signed_in(client)


def test_sign_out_everywhere_ends_every_session_of_that_person_only(db):
    person = UserFactory(email="person@example.org")
    phone, laptop, someone_else = signed_in(person), signed_in(person), signed_in(UserFactory())
    page = laptop.get("/accounts/sign-out-everywhere/")
    assert "Sign out on every device" in page.text
    response = laptop.post("/accounts/sign-out-everywhere/", follow=True)
    assert "You are signed out on every device" in response.text
    assert not is_signed_in(laptop)
    assert not is_signed_in(phone)
    assert is_signed_in(someone_else)
    person.refresh_from_db()
    assert is_signed_in(signed_in(person))  # signing in again works


def test_the_account_page_offers_two_factor_and_signing_out_everywhere(db):
    client = signed_in(UserFactory())
    page = client.get(ACCOUNT).text
    assert "not set up yet" in page
    assert "/accounts/sign-out-everywhere/" in page


@pytest.mark.parametrize("prefix", ["", "/ur"])
def test_a_supplier_owner_without_two_factor_is_sent_to_set_it_up(organisation, prefix):
    owner = member(organisation, "owner", "owner@example.org")
    client = signed_in(owner)
    response = client.get(f"{prefix}/dashboard/")
    assert response.status_code == 302
    assert "/accounts/2fa/totp/activate/" in response["Location"]
    assert "next=" in response["Location"]
    said = " ".join(str(message) for message in get_messages(response.wsgi_request))
    assert ("receive money" in said) is (prefix == "")  # in the language of the page asked for
    enable_totp(owner)
    assert client.get(f"{prefix}/dashboard/").status_code == 200


def test_supplier_staff_and_people_without_a_supplier_need_no_two_factor(organisation):
    staff = member(organisation, "staff", "staff@example.org")
    assert signed_in(staff).get("/dashboard/").status_code == 200
    assert signed_in(UserFactory()).get("/dashboard/").status_code == 200
