"""Every dashboard URL and form, tried by people who may not use it: nothing is shown and nothing changes.

Actors: another provider (owner of a different organisation), a personal assistant, a plain signed-in user, the
superuser (who acts through the admin, never as someone else on public forms) and an anonymous visitor. Signed-in
outsiders get 404 (the dashboard does not confirm that an object exists); anonymous visitors are sent to sign in. After
every request the whole provider state is compared with the state before it.
"""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from providers.models import (
    AvailabilitySlot,
    Invitation,
    Listing,
    ListingPhoto,
    Membership,
    ModerationDecision,
    Organisation,
    PersonalAssistant,
    RateCardItem,
)
from tests.factories import UserFactory

from .conftest import listing_form_data, make_listing, make_organisation, make_pa, snapshot

pytestmark = pytest.mark.django_db


def _png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), (200, 10, 10)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def world(db):
    """An organisation with a draft and a published listing and a photo; a PA with a listing; outsiders."""
    owner = UserFactory(email="owner@example.org")
    organisation = make_organisation(owner)
    listing = make_listing(organisation=organisation, title="Org draft")
    published = make_listing(
        organisation=organisation,
        title="Org published",
        status=Listing.Status.PUBLISHED,
        published_at=timezone.now(),
        last_confirmed_at=timezone.now() - timezone.timedelta(days=100),
    )
    photo = ListingPhoto.objects.create(
        listing=listing, alt_text="Our office", image=SimpleUploadedFile("office.png", _png_bytes(), "image/png")
    )
    pa_user = UserFactory(email="pa@example.org")
    pa = make_pa(pa_user)
    pa_listing = make_listing(personal_assistant=pa, title="PA listing")
    invitation = Invitation.objects.create(
        supplier=organisation.supplier, email="invited@example.org", invited_by=owner
    )
    other_owner = UserFactory(email="other@example.org")
    make_organisation(other_owner, name="Other provider")
    plain = UserFactory(email="plain@example.org")
    # The admin account acts through the admin; on public forms it is an outsider like anyone else.
    superuser = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    return {
        "owner": owner,
        "organisation": organisation,
        "listing": listing,
        "published": published,
        "photo": photo,
        "pa_user": pa_user,
        "pa": pa,
        "pa_listing": pa_listing,
        "invitation": invitation,
        "other_owner": other_owner,
        "plain": plain,
        "superuser": superuser,
    }


def state(world):
    """Everything a dashboard request could change."""
    return {
        "organisation": snapshot(world["organisation"]),
        "listing": snapshot(world["listing"]),
        "published": snapshot(world["published"]),
        "pa_listing": snapshot(world["pa_listing"]),
        "pa": snapshot(world["pa"]),
        "invitation": snapshot(world["invitation"]),
        "counts": [
            model.objects.count()
            for model in (
                Organisation,
                Membership,
                Invitation,
                Listing,
                ListingPhoto,
                RateCardItem,
                AvailabilitySlot,
                ModerationDecision,
                PersonalAssistant,
            )
        ],
        "photo_file": world["photo"].image.storage.exists(world["photo"].image.name),
    }


def _upload():
    return SimpleUploadedFile("new.png", _png_bytes(), content_type="image/png")


def _org_form_data():
    return {"name": "Taken over", "kind": "charity", "regulator": ""}


# (id, method, url builder, data builder). Data builders return fresh dicts (uploads cannot be reused).
CASES = [
    ("org-edit-get", "get", lambda w: reverse("providers:organisation_edit", args=[w["organisation"].pk]), None),
    (
        "org-edit-post",
        "post",
        lambda w: reverse("providers:organisation_edit", args=[w["organisation"].pk]),
        lambda w: _org_form_data(),
    ),
    ("invite-get", "get", lambda w: reverse("providers:organisation_invite", args=[w["organisation"].pk]), None),
    (
        "invite-post",
        "post",
        lambda w: reverse("providers:organisation_invite", args=[w["organisation"].pk]),
        lambda w: {"email": "friend@example.org", "role": "owner"},
    ),
    (
        "org-listing-new-get",
        "get",
        lambda w: reverse("providers:supplier_listing_create", args=[w["organisation"].supplier.pk]),
        None,
    ),
    (
        "org-listing-new-post",
        "post",
        lambda w: reverse("providers:supplier_listing_create", args=[w["organisation"].supplier.pk]),
        lambda w: {"title": "Sneaky", "summary": "Sneaky listing"},
    ),
    ("listing-edit-get", "get", lambda w: reverse("providers:listing_edit", args=[w["listing"].pk]), None),
    (
        "listing-edit-save",
        "post",
        lambda w: reverse("providers:listing_edit", args=[w["listing"].pk]),
        lambda w: listing_form_data(w["listing"], title="Changed", availability=["0-morning"]),
    ),
    (
        "listing-edit-submit",
        "post",
        lambda w: reverse("providers:listing_edit", args=[w["listing"].pk]),
        lambda w: listing_form_data(w["listing"], action="submit"),
    ),
    (
        "listing-edit-add-rate",
        "post",
        lambda w: reverse("providers:listing_edit", args=[w["listing"].pk]),
        lambda w: listing_form_data(w["listing"], action="add_rate"),
    ),
    (
        "published-edit-confirm",
        "post",
        lambda w: reverse("providers:listing_edit", args=[w["published"].pk]),
        lambda w: listing_form_data(w["published"], action="confirm"),
    ),
    (
        "published-confirm",
        "post",
        lambda w: reverse("providers:listing_confirm", args=[w["published"].pk]),
        lambda w: {},
    ),
    ("pa-listing-edit-get", "get", lambda w: reverse("providers:listing_edit", args=[w["pa_listing"].pk]), None),
    (
        "pa-listing-edit-post",
        "post",
        lambda w: reverse("providers:listing_edit", args=[w["pa_listing"].pk]),
        lambda w: listing_form_data(w["pa_listing"], title="Changed", rates=[]),
    ),
    ("photos-get", "get", lambda w: reverse("providers:listing_photos", args=[w["listing"].pk]), None),
    (
        "photos-post",
        "post",
        lambda w: reverse("providers:listing_photos", args=[w["listing"].pk]),
        lambda w: {"image": _upload(), "alt_text": "A photo added by someone else"},
    ),
    (
        "pa-photos-post",
        "post",
        lambda w: reverse("providers:listing_photos", args=[w["pa_listing"].pk]),
        lambda w: {"image": _upload(), "alt_text": "A photo added by someone else"},
    ),
    (
        "photo-delete-get",
        "get",
        lambda w: reverse("providers:listing_photo_delete", args=[w["listing"].pk, w["photo"].pk]),
        None,
    ),
    (
        "photo-delete-post",
        "post",
        lambda w: reverse("providers:listing_photo_delete", args=[w["listing"].pk, w["photo"].pk]),
        lambda w: {},
    ),
]

ACTORS = ["other_owner", "pa_user", "plain", "superuser", "anonymous"]

# The PA may of course use their own listing; the organisation's owner is an outsider there.
PA_CASES = {"pa-listing-edit-get", "pa-listing-edit-post", "pa-photos-post"}


def _actor_for(case_id, actor):
    if case_id in PA_CASES and actor == "pa_user":
        return "owner"
    return actor


def _request(client, method, url, data):
    if method == "get":
        return client.get(url)
    return client.post(url, data)


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize(("case_id", "method", "url", "data"), CASES, ids=[case[0] for case in CASES])
def test_outsiders_cannot_see_or_change(client, world, case_id, method, url, data, actor):
    actor = _actor_for(case_id, actor)
    if actor != "anonymous":
        client.force_login(world[actor])
    before = state(world)
    response = _request(client, method, url(world), data(world) if data else None)
    if actor == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response.status_code in (403, 404)
    assert state(world) == before


@pytest.mark.parametrize("actor", ["other_owner", "pa_user", "plain", "anonymous"])
def test_urdu_prefixed_urls_are_protected_too(client, world, actor):
    if actor != "anonymous":
        client.force_login(world[actor])
    before = state(world)
    url = "/ur" + reverse("providers:listing_edit", args=[world["listing"].pk])
    response = client.post(url, listing_form_data(world["listing"], title="Changed"))
    assert response.status_code in (302, 403, 404)
    if actor != "anonymous":
        assert response.status_code == 404
    assert state(world) == before


@pytest.mark.parametrize("actor", ["other_owner", "pa_user", "plain", "owner"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_invitation_for_someone_else_is_refused(client, world, actor, method):
    client.force_login(world[actor])
    before = state(world)
    response = _request(client, method, reverse("providers:accept_invitation", args=[world["invitation"].token]), {})
    assert response.status_code == 403
    assert state(world) == before


@pytest.mark.parametrize("method", ["get", "post"])
def test_invitation_needs_sign_in(client, world, method):
    before = state(world)
    response = _request(client, method, reverse("providers:accept_invitation", args=[world["invitation"].token]), {})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert state(world) == before


@pytest.mark.parametrize("case_id", ["org-edit-get", "org-edit-post", "invite-get", "invite-post"])
def test_staff_member_cannot_change_the_organisation_or_invite(client, world, case_id):
    staff = UserFactory(email="staff@example.org")
    Membership.objects.create(user=staff, supplier=world["organisation"].supplier, role=Membership.Role.STAFF)
    _id, method, url, data = next(case for case in CASES if case[0] == case_id)
    client.force_login(staff)
    before = state(world)
    response = _request(client, method, url(world), data(world) if data else None)
    assert response.status_code == 404
    assert state(world) == before


@pytest.mark.parametrize("actor", ["other_owner", "pa_user", "plain"])
def test_home_shows_only_your_own_things(client, world, actor):
    client.force_login(world[actor])
    before = state(world)
    content = client.get(reverse("providers:home")).content.decode()
    assert world["organisation"].name not in content
    assert "Org draft" not in content
    if actor != "pa_user":
        assert "PA listing" not in content
        assert world["pa"].supplier.name not in content
    assert state(world) == before


def test_home_needs_sign_in(client, world):
    response = client.get(reverse("providers:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("actor", ["other_owner", "plain", "owner"])
def test_pa_profile_page_never_touches_another_persons_profile(client, world, actor):
    """The profile page is always the signed-in person's own: posting creates theirs, never changes the PA's."""
    client.force_login(world[actor])
    before = snapshot(world["pa"])
    content = client.get(reverse("providers:pa_profile")).content.decode()
    assert world["pa"].supplier.name not in content
    client.post(
        reverse("providers:pa_profile"),
        {"display_name": "Someone", "experience_years": "1", "employment": "either", "home_postcode": "G1 1XQ"},
    )
    assert snapshot(world["pa"]) == before
    assert world["pa"].supplier.listings.count() == 1


@pytest.mark.parametrize("method", ["get", "post"])
def test_pa_pages_need_sign_in(client, world, method):
    before = state(world)
    for name in ("providers:pa_profile", "providers:organisation_create"):
        response = _request(client, method, reverse(name), {"display_name": "X", "name": "X", "kind": "charity"})
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    assert state(world) == before


@pytest.mark.parametrize("actor", ["plain", "other_owner", "superuser"])
def test_nobody_else_can_add_a_listing_for_a_pa(client, world, actor):
    client.force_login(world[actor])
    before = state(world)
    url = reverse("providers:supplier_listing_create", args=[world["pa"].supplier_id])
    response = client.post(url, {"title": "Sneaky", "summary": "Sneaky"})
    assert response.status_code == 404
    assert state(world) == before


def test_photo_of_another_listing_cannot_be_deleted_through_your_own(client, world):
    """A provider's own listing id with someone else's photo id: 404, the photo stays."""
    own = make_listing(organisation=make_organisation(world["other_owner"], name="Third"), title="Own")
    client.force_login(world["other_owner"])
    before = state(world)
    url = reverse("providers:listing_photo_delete", args=[own.pk, world["photo"].pk])
    assert client.post(url).status_code == 404
    assert state(world) == before


def test_archived_listing_cannot_be_edited_even_by_its_owner(client, world):
    Listing.objects.filter(pk=world["listing"].pk).update(status=Listing.Status.ARCHIVED)
    client.force_login(world["owner"])
    before = state(world)
    response = client.post(
        reverse("providers:listing_edit", args=[world["listing"].pk]), listing_form_data(world["listing"], title="X")
    )
    assert response.status_code == 404
    assert state(world) == before
