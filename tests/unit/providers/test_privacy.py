"""Your data: download everything about you (and nothing about anyone else); delete your account for good."""

import json
import os
from decimal import Decimal

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from home.models import AlertSubscription
from marketplace.core import privacy
from providers.models import (
    AvailabilitySlot,
    Listing,
    Membership,
    PersonalAssistant,
    RateCardItem,
    Verification,
)
from providers.privacy import DELETED_LISTING_TITLE
from tests.factories import PASSWORD, UserFactory, new_organisation, personal_assistant
from tests.unit.providers.test_listing_page import png

pytestmark = pytest.mark.django_db

User = get_user_model()


def make_pa(user, postcode="EH6 8RG"):
    pa = personal_assistant(
        f"PA {user.pk}",
        user=user,
        bio="I have supported people for years.",
        employment=PersonalAssistant.Employment.SELF_EMPLOYED,
        gender="Woman",
        home_postcode=postcode,
        area_label="Leith, Edinburgh",
        photo=png("me.png"),
        photo_alt_text="Me smiling",
    )
    listing = Listing.objects.create(
        supplier=pa.supplier,
        title=f"PA support {user.pk}",
        slug=f"pa-support-{user.pk}",
        summary="Personal care.",
        base_postcode=postcode,
        base_label="Leith",
        contact_phone="07700 900123",
        contact_email=user.email,
        status=Listing.Status.PUBLISHED,
        last_confirmed_at=timezone.now(),
    )
    RateCardItem.objects.create(listing=listing, description="Daytime", amount=Decimal("15.00"))
    AvailabilitySlot.objects.create(listing=listing, day=0, band="morning")
    listing.photos.create(image=png("work.png"), alt_text="At work")
    verification = Verification.objects.create(
        supplier=pa.supplier,
        kind=Verification.Kind.PVG,
        reference="PVG-123",
        status=Verification.Status.VERIFIED,
        decided_at=timezone.now(),
    )
    verification.evidence.save("pvg.pdf", ContentFile(b"%PDF-1.4 evidence"))
    return pa, listing, verification


def make_organisation(user, role=Membership.Role.OWNER, name="Leith Care Co-op"):
    organisation = new_organisation(name, slug=slugify(f"org-{user.pk}-{name}"), kind="charity")
    Membership.objects.create(user=user, supplier=organisation.supplier, role=role)
    listing = Listing.objects.create(
        supplier=organisation.supplier,
        title=f"{name} listing",
        slug=f"org-listing-{organisation.pk}",
        summary="Care at home.",
        status=Listing.Status.PUBLISHED,
        last_confirmed_at=timezone.now(),
    )
    RateCardItem.objects.create(listing=listing, description="Weekend", amount=Decimal("28.00"), day_type="weekend")
    return organisation, listing


@pytest.fixture
def person(site_tree):
    user = UserFactory(email="amina@example.org", display_name="Amina", first_name="Amina", last_name="Khan")
    EmailAddress.objects.create(user=user, email="amina.work@example.org", verified=False, primary=False)
    AlertSubscription.objects.create(email="Amina@Example.org", language="ur", confirmed_at=timezone.now())
    return user


@pytest.fixture
def someone_else(site_tree):
    user = UserFactory(email="bob@example.org", display_name="Bob")
    pa, listing, _ = make_pa(user, postcode="G1 1AA")
    make_organisation(user, name="Bob's Agency")
    AlertSubscription.objects.create(email="bob@example.org")
    return user


def test_url_names():
    assert reverse("privacy:index") == "/accounts/your-data/"
    assert reverse("privacy:download") == "/accounts/your-data/download/"
    assert reverse("privacy:delete") == "/accounts/your-data/delete/"


@pytest.mark.parametrize("name", ["privacy:index", "privacy:download", "privacy:delete"])
def test_signed_out_visitors_are_sent_to_sign_in(client, site_tree, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_your_data_page(client, person):
    client.force_login(person)
    response = client.get(reverse("privacy:index"))
    assert response.status_code == 200
    assert "Download your data" in response.content.decode()
    assert reverse("privacy:delete") in response.content.decode()


def test_export_contains_the_users_data_and_nobody_elses(client, person, someone_else):
    pa, pa_listing, verification = make_pa(person)
    organisation, org_listing = make_organisation(person)
    staff_org, staff_listing = make_organisation(person, role=Membership.Role.STAFF, name="Other Org")
    client.force_login(person)

    response = client.get(reverse("privacy:download"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)

    assert data["account"]["email"] == "amina@example.org"
    assert data["account"]["first_name"] == "Amina" and data["account"]["last_name"] == "Khan"
    assert data["account"]["preferred_language"] == "en"
    assert data["account"]["date_joined"]
    assert {a["email"] for a in data["email_addresses"]} == {"amina@example.org", "amina.work@example.org"}
    assert {(m["supplier"], m["role"]) for m in data["memberships"]} == {
        (pa.supplier.name, "owner"),  # a PA acts for their own supplier
        ("Leith Care Co-op", "owner"),
        ("Other Org", "staff"),
    }
    assert data["personal_assistant"]["home_postcode"] == "EH6 8RG"
    assert data["personal_assistant"]["gender"] == "Woman"
    listings = {listing["slug"]: listing for listing in data["listings"]}
    # Their PA listing and the listing of the organisation they own; not the one where they are only staff.
    assert set(listings) == {pa_listing.slug, org_listing.slug}
    assert listings[pa_listing.slug]["rates"][0]["amount"] == "15.00"
    assert listings[pa_listing.slug]["availability"] == [{"day": "Monday", "band": "morning"}]
    assert listings[pa_listing.slug]["history_count"] >= 1
    assert listings[org_listing.slug]["rates"][0]["day_type"] == "weekend"
    assert [s["email"] for s in data["alert_subscriptions"]] == ["Amina@Example.org"]
    assert data["alert_subscriptions"][0]["language"] == "ur"
    assert data["verifications"][0]["kind"] == "pvg"
    assert data["verifications"][0]["reference"] == "PVG-123"
    assert data["verifications"][0]["evidence_file"].endswith(".pdf")

    text = response.content.decode()
    for foreign in ("bob@example.org", "G1 1AA", "Bob's Agency", f"pa-support-{someone_else.pk}"):
        assert foreign not in text


def test_export_for_a_user_with_nothing_else(person):
    data = privacy.export_user_data(person)
    assert data["personal_assistant"] is None
    assert data["listings"] == [] and data["memberships"] == [] and data["verifications"] == []
    json.dumps(data)  # plain JSON values only


def test_delete_needs_the_right_password(client, person):
    make_pa(person)
    client.force_login(person)
    assert client.get(reverse("privacy:delete")).status_code == 200
    response = client.post(reverse("privacy:delete"), {"password": "not-my-password"})
    assert response.status_code == 200
    assert "The password is not right" in response.content.decode()
    person.refresh_from_db()
    assert person.is_active and person.email == "amina@example.org"
    assert Listing.objects.get(supplier__personal_assistant__user=person).status == Listing.Status.PUBLISHED


def test_delete_archives_listings_erases_data_and_signs_out(
    client, person, someone_else, django_capture_on_commit_callbacks
):
    pa, pa_listing, verification = make_pa(person)
    photo_paths = [pa.photo.path, pa_listing.photos.get().image.path, verification.evidence.path]
    assert all(os.path.exists(path) for path in photo_paths)
    solo_org, solo_listing = make_organisation(person, name="Solo Org")
    shared_org, shared_listing = make_organisation(person, name="Shared Org")
    Membership.objects.create(user=UserFactory(), supplier=shared_org.supplier, role=Membership.Role.OWNER)
    others_pa_listing = Listing.objects.get(supplier__personal_assistant__user=someone_else)
    client.force_login(person)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("privacy:delete"), {"password": PASSWORD})
    assert response.status_code == 302

    # Listings: the PA listing and the only-member organisation's listing are archived; the shared one is not.
    for listing in (pa_listing, solo_listing):
        listing.refresh_from_db()
        assert listing.status == Listing.Status.ARCHIVED
        assert listing.decisions.filter(action="archive").exists()
    shared_listing.refresh_from_db()
    assert shared_listing.status == Listing.Status.PUBLISHED
    assert pa_listing.contact_phone == "" and pa_listing.base_postcode == "" and pa_listing.summary == ""
    assert pa_listing.title == DELETED_LISTING_TITLE
    assert not Listing.history.filter(supplier_id=pa.supplier_id, base_postcode="EH6 8RG").exists()
    assert not Listing.history.filter(supplier_id=pa.supplier_id, contact_phone="07700 900123").exists()
    assert not pa_listing.photos.exists()

    # Personal data erased, files gone.
    pa.refresh_from_db()
    assert (pa.supplier.name, pa.bio, pa.gender, pa.home_postcode, pa.area_label, pa.photo.name) == ("",) * 6
    assert not any(os.path.exists(path) for path in photo_paths)
    assert PersonalAssistant.objects.get(user=someone_else).photo.storage.exists(
        PersonalAssistant.objects.get(user=someone_else).photo.name
    )
    verification.refresh_from_db()
    assert not verification.evidence and verification.reference == ""
    assert not Membership.objects.filter(user=person).exists()
    assert not AlertSubscription.objects.filter(email__iexact="amina@example.org").exists()
    assert not EmailAddress.objects.filter(user=person).exists()

    # The account is anonymised and deactivated; the old password no longer works; the session is over.
    person.refresh_from_db()
    assert person.email == f"deleted-{person.pk}@invalid"
    assert (person.display_name, person.first_name, person.last_name) == ("", "", "")
    assert not person.is_active and not person.has_usable_password()
    assert not person.check_password(PASSWORD)
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("privacy:index")).status_code == 302
    assert not client.login(email="amina@example.org", password=PASSWORD)

    # Nobody else's data was touched.
    others_pa_listing.refresh_from_db()
    assert others_pa_listing.status == Listing.Status.PUBLISHED
    assert AlertSubscription.objects.filter(email="bob@example.org").exists()
    assert PersonalAssistant.objects.get(user=someone_else).home_postcode == "G1 1AA"
    assert User.objects.get(pk=someone_else.pk).is_active


def test_signing_in_with_the_old_details_fails_after_deletion(client, person):
    client.force_login(person)
    client.post(reverse("privacy:delete"), {"password": PASSWORD})
    response = client.post(reverse("account_login"), {"login": "amina@example.org", "password": PASSWORD})
    assert response.status_code == 200  # the form again, with an error: nobody is signed in
    assert "_auth_user_id" not in client.session


def test_pages_owned_by_a_deleted_user_keep_working(client, person, site_tree):
    guidance = site_tree["guidance"]
    guidance.owner = person
    guidance.save(update_fields=["owner"])
    privacy.delete_account(person)
    guidance.refresh_from_db()
    assert guidance.owner is None
    assert client.get(guidance.url).status_code == 200
    guidance.save_revision().publish()


def test_views_only_ever_act_on_the_signed_in_user(client, person, someone_else):
    client.force_login(person)
    for params in ({"user": someone_else.pk}, {"user_id": someone_else.pk}, {"id": someone_else.pk}):
        data = json.loads(client.get(reverse("privacy:download"), params).content)
        assert data["account"]["email"] == "amina@example.org"
    # Another user's id in the form or query string deletes nothing of theirs: only the signed-in user is deleted.
    response = client.post(
        reverse("privacy:delete") + f"?user={someone_else.pk}",
        {"password": "a-wrong-password", "user": someone_else.pk, "user_id": someone_else.pk},
    )
    assert response.status_code == 200
    someone_else.refresh_from_db()
    assert someone_else.is_active and someone_else.email == "bob@example.org"
    # Even with someone else's password, it is still only ever the signed-in account that can be deleted.
    response = client.post(reverse("privacy:delete"), {"password": PASSWORD, "user": someone_else.pk})
    assert response.status_code == 302
    someone_else.refresh_from_db()
    person.refresh_from_db()
    assert someone_else.is_active and someone_else.email == "bob@example.org"
    assert Listing.objects.get(supplier__personal_assistant__user=someone_else).status == Listing.Status.PUBLISHED
    assert not person.is_active


def test_other_sessions_of_the_deleted_user_end(client, person, site_tree):
    from django.test import Client

    other_device = Client()
    other_device.force_login(person)
    client.force_login(person)
    client.post(reverse("privacy:delete"), {"password": PASSWORD})
    assert other_device.get(reverse("privacy:index")).status_code == 302


def test_files_stay_if_the_deletion_fails(person, django_capture_on_commit_callbacks, monkeypatch):
    pa, listing, verification = make_pa(person)

    def fail(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(privacy, "_delete_sign_in_records", fail)
    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError):
        privacy.delete_account(person)
    assert callbacks == []
    assert os.path.exists(pa.photo.path) and os.path.exists(verification.evidence.path)
    pa.refresh_from_db()
    assert pa.home_postcode == "EH6 8RG"


def test_alert_subscriptions_for_other_addresses_are_kept(person):
    AlertSubscription.objects.create(email="someone@example.org")
    privacy.delete_account(person)
    assert AlertSubscription.objects.filter(email="someone@example.org").exists()
