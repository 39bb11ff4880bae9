"""The provider dashboard's happy paths: organisations, listings, rate cards, photos, invitations, PA profiles."""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
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
    Need,
    Organisation,
    PersonalAssistant,
    ServiceType,
    Verification,
)
from tests.factories import UserFactory, owner_has_mfa

from .conftest import listing_form_data, make_listing, make_organisation

pytestmark = pytest.mark.django_db


def png_upload(name="photo.png", size=(40, 30), exif=False, image_format="PNG"):
    image = Image.new("RGB", size, (30, 120, 90))
    buffer = io.BytesIO()
    options = {}
    if exif:
        data = Image.Exif()
        data[0x010F] = "Secret Camera Co"  # Make
        data[0x0112] = 6  # Orientation: rotate 90° clockwise to display
        options["exif"] = data.tobytes()
    image.save(buffer, format=image_format, **options)
    content_type = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp"}[image_format]
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def complete_listing_data(listing, **overrides):
    needs = list(Need.objects.order_by("sort_order").values_list("pk", flat=True)[:2])
    service_types = list(ServiceType.objects.order_by("sort_order").values_list("pk", flat=True)[:1])
    data = listing_form_data(
        listing,
        rates=[
            {"description": "Personal care", "amount": "18.50", "unit": "hour", "day_type": "weekday"},
            {"description": "Sleepover", "amount": "95.00", "unit": "sleepover", "day_type": "weekend"},
        ],
        description="<p>We help with <strong>personal care</strong>.</p>",
        needs=needs,
        service_types=service_types,
        area_kind="radius",
        base_postcode="eh1 1yz",
        radius_km="15",
        availability=["0-morning", "0-evening", "5-overnight"],
        short_notice_cover="on",
        contact_phone="0131 496 0000",
        contact_email="hello@example.org",
        **overrides,
    )
    return data


# --- Home -------------------------------------------------------------------------------------------------------


def test_home_requires_sign_in(client, site_tree):
    response = client.get(reverse("providers:home"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_home_lists_organisations_listings_and_what_is_missing(client, site_tree, owner, organisation, listing):
    client.force_login(owner)
    response = client.get(reverse("providers:home"))
    assert response.status_code == 200
    content = response.content.decode()
    assert organisation.name in content
    assert listing.title in content
    assert "Draft" in content
    assert "At least one need you support" in content
    assert reverse("providers:listing_edit", args=[listing.pk]) in content
    assert reverse("providers:supplier_listing_create", args=[organisation.supplier.pk]) in content
    assert reverse("providers:pa_profile") in content  # no profile yet: offer to create one


def test_home_shows_freshness_and_verification_expiry_warnings(client, site_tree, owner, organisation, settings):
    now = timezone.now()
    make_listing(
        organisation=organisation,
        title="Old listing",
        status=Listing.Status.PUBLISHED,
        last_confirmed_at=now - timedelta(days=settings.LISTING_RECONFIRM_AFTER_DAYS + 1),
    )
    today = timezone.localdate()
    Verification.objects.create(
        supplier=organisation.supplier, kind="insurance", status="verified", expires_on=today + timedelta(days=5)
    )
    Verification.objects.create(
        supplier=organisation.supplier, kind="registration", status="verified", expires_on=today - timedelta(days=1)
    )
    Verification.objects.create(
        supplier=organisation.supplier, kind="training", status="verified", expires_on=today + timedelta(days=365)
    )
    client.force_login(owner)
    content = client.get(reverse("providers:home")).content.decode()
    assert "Not confirmed recently" in content
    assert "Public liability insurance expires on" in content
    assert "Registered with the care regulator expired on" in content
    assert "Training certificate" not in content


def _home_queries(client, user):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("providers:home"))
    assert response.status_code == 200
    return len(queries)


def test_home_query_count_does_not_grow_with_listings(client, site_tree, owner, organisation, pa_user, pa):
    Membership.objects.create(user=pa_user, supplier=organisation.supplier, role=Membership.Role.STAFF)
    make_listing(organisation=organisation, title="Listing 0")
    make_listing(personal_assistant=pa, title="PA listing 0")
    client.force_login(pa_user)
    _home_queries(client, pa_user)  # warm caches (locales, site root)
    one = _home_queries(client, pa_user)
    for index in range(1, 10):
        make_listing(organisation=organisation, title=f"Listing {index}", rates=2)
        make_listing(personal_assistant=pa, title=f"PA listing {index}", rates=2)
    ten = _home_queries(client, pa_user)
    assert ten == one


# --- Organisations ----------------------------------------------------------------------------------------------


def test_create_organisation_makes_the_creator_its_owner(client, site_tree, plain_user):
    client.force_login(plain_user)
    assert client.get(reverse("providers:organisation_create")).status_code == 200
    response = client.post(
        reverse("providers:organisation_create"),
        {
            "name": "Portobello Helpers",
            "kind": "micro_enterprise",
            "regulator": "",
            "website": "portobello.example.org",
        },
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(supplier__name="Portobello Helpers")
    assert organisation.slug == "portobello-helpers"
    assert organisation.supplier.website == "https://portobello.example.org"
    membership = Membership.objects.get(supplier=organisation.supplier)
    assert (membership.user, membership.role) == (plain_user, Membership.Role.OWNER)


def test_owner_edits_organisation(client, site_tree, owner, organisation):
    client.force_login(owner)
    response = client.post(
        reverse("providers:organisation_edit", args=[organisation.pk]),
        {
            "name": "Leith Support CIC",
            "kind": "micro_enterprise",
            "regulator": "care_inspectorate",
            "registration_number": "CS2020000001",
        },
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "Leith Support CIC"
    assert organisation.registration_number == "CS2020000001"


def test_regulator_without_registration_number_is_an_error(client, site_tree, owner, organisation):
    client.force_login(owner)
    response = client.post(
        reverse("providers:organisation_edit", args=[organisation.pk]),
        {"name": "Leith", "kind": "charity", "regulator": "cqc", "registration_number": ""},
    )
    assert response.status_code == 400
    assert "Enter your registration number" in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.regulator == ""


# --- Invitations ------------------------------------------------------------------------------------------------


def _invite(client, owner, organisation, email):
    client.force_login(owner)
    response = client.post(
        reverse("providers:organisation_invite", args=[organisation.pk]), {"email": email, "role": "staff"}
    )
    assert response.status_code == 302
    return Invitation.objects.get(supplier=organisation.supplier, email=email)


def test_invitation_is_emailed_and_accepted_once(
    client, site_tree, owner, organisation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = _invite(client, owner, organisation, "New.Person@Example.org")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["New.Person@Example.org"]
    assert organisation.name in message.subject
    link = reverse("providers:accept_invitation", args=[invitation.token])
    assert link in message.body

    invitee = UserFactory(email="new.person@example.org")  # same address, different case
    client.force_login(invitee)
    assert client.get(link).status_code == 200
    response = client.post(link)
    assert response.status_code == 302
    assert Membership.objects.filter(user=invitee, supplier=organisation.supplier, role="staff").exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None

    # Single use: a second attempt, by anyone, is refused.
    again = client.post(link)
    assert again.status_code == 410
    someone = UserFactory(email="someone@example.org")
    client.force_login(someone)
    assert client.post(link).status_code == 403
    assert not Membership.objects.filter(user=someone).exists()


def test_invitation_for_another_address_is_refused(client, site_tree, owner, organisation, plain_user):
    invitation = _invite(client, owner, organisation, "invited@example.org")
    client.force_login(plain_user)
    link = reverse("providers:accept_invitation", args=[invitation.token])
    response = client.post(link)
    assert response.status_code == 403
    assert "different email address" in response.content.decode()
    assert not Membership.objects.filter(user=plain_user).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_expired_invitation_is_refused(client, site_tree, owner, organisation):
    invitation = _invite(client, owner, organisation, "late@example.org")
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    late = UserFactory(email="late@example.org")
    client.force_login(late)
    response = client.post(reverse("providers:accept_invitation", args=[invitation.token]))
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    assert not Membership.objects.filter(user=late).exists()


def test_unknown_invitation_token_is_not_found(client, site_tree, plain_user):
    client.force_login(plain_user)
    assert client.get(reverse("providers:accept_invitation", args=["not-a-token"])).status_code == 404


def test_accepting_needs_sign_in(client, site_tree, owner, organisation):
    invitation = _invite(client, owner, organisation, "someone@example.org")
    client.logout()
    response = client.post(reverse("providers:accept_invitation", args=[invitation.token]))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_inviting_an_existing_member_is_an_error(client, site_tree, owner, organisation, staff):
    client.force_login(owner)
    response = client.post(
        reverse("providers:organisation_invite", args=[organisation.pk]),
        {"email": "STAFF@example.org", "role": "staff"},
    )
    assert response.status_code == 400
    assert "already a member" in response.content.decode()
    assert not Invitation.objects.exists()


# --- Personal assistant profile ---------------------------------------------------------------------------------


def test_pa_profile_shows_only_an_approximate_area(client, site_tree, plain_user, taxonomies):
    client.force_login(plain_user)
    assert client.get(reverse("providers:pa_profile")).status_code == 200
    response = client.post(
        reverse("providers:pa_profile"),
        {
            "display_name": "Amira K",
            "experience_years": "4",
            "employment": "self_employed",
            "home_postcode": "eh1 1yz",
            "drives": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()
    profile = PersonalAssistant.objects.get(user=plain_user)
    assert profile.home_postcode == "EH1 1YZ"
    assert profile.area_label == "EH1, City of Edinburgh"
    assert profile.drives is True
    owner_has_mfa(plain_user)  # now the owner of a supplier: the dashboard asks for two-factor authentication first
    content = client.get(reverse("providers:home")).content.decode()
    assert "EH1, City of Edinburgh" in content
    assert "1YZ" not in content
    assert reverse("providers:supplier_listing_create", args=[profile.supplier_id]) in content


def test_pa_edits_own_profile_and_area_follows_the_postcode(client, site_tree, pa_user, pa):
    client.force_login(pa_user)
    response = client.post(
        reverse("providers:pa_profile"),
        {"display_name": "Amira", "experience_years": "5", "employment": "either", "home_postcode": "G1 1XQ"},
    )
    assert response.status_code == 302
    pa.refresh_from_db()
    assert pa.supplier.name == "Amira"
    assert pa.area_label == "G1, Glasgow City"
    assert PersonalAssistant.objects.filter(user=pa_user).count() == 1


# --- Listings ---------------------------------------------------------------------------------------------------


def test_add_listing_with_rate_card_and_availability_then_submit(client, site_tree, owner, organisation, taxonomies):
    client.force_login(owner)
    create_url = reverse("providers:supplier_listing_create", args=[organisation.supplier.pk])
    response = client.post(create_url, {"title": "Help at home in Leith", "summary": "Personal care at home."})
    assert response.status_code == 302
    listing = Listing.objects.get(title="Help at home in Leith")
    assert listing.supplier.organisation == organisation
    assert listing.status == Listing.Status.DRAFT
    assert listing.created_by == owner
    edit_url = reverse("providers:listing_edit", args=[listing.pk])
    assert response["Location"] == edit_url

    page = client.get(edit_url)
    assert page.status_code == 200
    html = page.content.decode()
    assert '<caption class="govuk-table__caption govuk-table__caption--s">Tick the times' in html
    assert '<th scope="row" class="govuk-table__header">Monday</th>' in html

    response = client.post(edit_url, complete_listing_data(listing))
    assert response.status_code == 302, response.content.decode()
    listing.refresh_from_db()
    assert listing.base_postcode == "EH1 1YZ"
    assert listing.base_label == "EH1, City of Edinburgh"
    assert round(listing.latitude, 2) == 55.95 and round(listing.longitude, 2) == -3.19
    assert listing.radius_km == Decimal("15")
    assert listing.short_notice_cover is True
    assert listing.description == "<p>We help with <strong>personal care</strong>.</p>"
    rates = list(listing.rates.order_by("sort_order"))
    assert [(r.description, r.amount, r.unit, r.sort_order) for r in rates] == [
        ("Personal care", Decimal("18.50"), "hour", 0),
        ("Sleepover", Decimal("95.00"), "sleepover", 1),
    ]
    assert set(listing.availability.values_list("day", "band")) == {(0, "morning"), (0, "evening"), (5, "overnight")}
    assert listing.needs.count() == 2

    response = client.post(edit_url, listing_form_data(listing, action="submit"))
    assert response.status_code == 302
    listing.refresh_from_db()
    assert listing.status == Listing.Status.SUBMITTED
    assert ModerationDecision.objects.filter(listing=listing, action="submit", by=owner).exists()


def test_submitting_an_incomplete_listing_shows_what_is_missing(client, site_tree, owner, listing):
    client.force_login(owner)
    response = client.post(
        reverse("providers:listing_edit", args=[listing.pk]), listing_form_data(listing, action="submit")
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "govuk-error-summary" in content
    assert "Choose at least one service type" in content and 'href="#id_service_types_0"' in content
    assert "<title>Error:" in content
    listing.refresh_from_db()
    assert listing.status == Listing.Status.DRAFT


def test_availability_and_rates_can_be_changed_and_removed(client, site_tree, owner, listing):
    AvailabilitySlot.objects.create(listing=listing, day=1, band="night")
    rate = listing.rates.get()
    client.force_login(owner)
    data = listing_form_data(
        listing,
        availability=["2-afternoon"],
        rates=[
            {"id": rate.pk, "description": rate.description, "amount": "20.00", "DELETE": "on"},
            {"description": "Day trip", "amount": "120", "unit": "day"},
        ],
    )
    response = client.post(reverse("providers:listing_edit", args=[listing.pk]), data)
    assert response.status_code == 302, response.content.decode()
    assert list(listing.availability.values_list("day", "band")) == [(2, "afternoon")]
    assert list(listing.rates.values_list("description", "amount")) == [("Day trip", Decimal("120.00"))]


def test_add_another_row_button_saves_and_shows_an_empty_row(client, site_tree, owner, listing):
    client.force_login(owner)
    url = reverse("providers:listing_edit", args=[listing.pk])
    response = client.post(url, listing_form_data(listing, action="add_rate"))
    assert response.status_code == 302
    assert "rows=1" in response["Location"]
    page = client.get(response["Location"])
    formset = page.context["formset"]
    assert len(formset.forms) == 2
    assert 'name="rates-1-amount"' in page.content.decode()


def test_published_listing_stays_published_and_history_records_who(client, site_tree, owner, published_listing):
    client.force_login(owner)
    rate = published_listing.rates.get()
    data = listing_form_data(
        published_listing,
        rates=[{"id": rate.pk, "description": rate.description, "amount": "21.00", "unit": rate.unit}],
    )
    response = client.post(reverse("providers:listing_edit", args=[published_listing.pk]), data)
    assert response.status_code == 302
    published_listing.refresh_from_db()
    assert published_listing.status == Listing.Status.PUBLISHED
    rate.refresh_from_db()
    assert rate.amount == Decimal("21.00")
    latest = rate.history.first()
    assert latest.history_user == owner
    assert rate.history.count() == 2
    assert rate.history.last().amount == Decimal("18.50")  # the first price is kept in the history


def test_confirm_button_refreshes_last_confirmed(client, site_tree, owner, published_listing):
    old = timezone.now() - timedelta(days=200)
    Listing.objects.filter(pk=published_listing.pk).update(last_confirmed_at=old)
    published_listing.refresh_from_db()
    client.force_login(owner)
    response = client.post(
        reverse("providers:listing_edit", args=[published_listing.pk]),
        listing_form_data(published_listing, action="confirm"),
    )
    assert response.status_code == 302
    published_listing.refresh_from_db()
    assert published_listing.last_confirmed_at > old + timedelta(days=199)

    Listing.objects.filter(pk=published_listing.pk).update(last_confirmed_at=old)
    response = client.post(reverse("providers:listing_confirm", args=[published_listing.pk]))
    assert response.status_code == 302
    published_listing.refresh_from_db()
    assert published_listing.last_confirmed_at > old + timedelta(days=199)


def test_council_area_listing(client, site_tree, owner, listing):
    from providers.models import CouncilArea

    area = CouncilArea.objects.create(name="City of Edinburgh", slug="city-of-edinburgh", country="Scotland")
    client.force_login(owner)
    data = listing_form_data(listing, area_kind="council_areas", council_areas=[area.pk])
    response = client.post(reverse("providers:listing_edit", args=[listing.pk]), data)
    assert response.status_code == 302
    assert list(listing.council_areas.all()) == [area]


def test_pa_adds_a_listing(client, site_tree, pa_user, pa):
    client.force_login(pa_user)
    response = client.post(
        reverse("providers:supplier_listing_create", args=[pa.supplier_id]),
        {"title": "PA in Leith", "summary": "Support with daily life."},
    )
    assert response.status_code == 302
    assert Listing.objects.get(title="PA in Leith").supplier.personal_assistant == pa


def test_someone_else_cannot_add_a_listing_for_a_pa(client, site_tree, plain_user, pa):
    client.force_login(plain_user)
    url = reverse("providers:supplier_listing_create", args=[pa.supplier_id])
    response = client.post(url, {"title": "Sneaky", "summary": "Not mine."})
    assert response.status_code == 404
    assert not Listing.objects.filter(title="Sneaky").exists()


def test_terms_are_labelled_in_the_active_language_with_english_fallback(client, site_tree, owner, listing):
    from wagtail.models import Locale

    urdu, _created = Locale.objects.get_or_create(language_code="ur")
    need = Need.objects.get(slug="dementia", locale=Locale.get_default())
    translated = need.copy_for_translation(urdu)
    translated.name = "ڈیمنشیا"
    translated.save()
    client.force_login(owner)
    content = client.get("/ur" + reverse("providers:listing_edit", args=[listing.pk])).content.decode()
    assert "ڈیمنشیا" in content
    assert "Autism" in content  # not translated: English


# --- Photos -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("image_format", "name", "extension"),
    [("PNG", "IMG_0001.png", ".png"), ("JPEG", "IMG_0001.jpg", ".jpg"), ("WEBP", "x.webp", ".webp")],
)
def test_upload_photo_strips_exif_and_applies_orientation(
    client, site_tree, owner, listing, image_format, name, extension
):
    client.force_login(owner)
    url = reverse("providers:listing_photos", args=[listing.pk])
    assert client.get(url).status_code == 200
    upload = png_upload(name, size=(40, 30), exif=True, image_format=image_format)
    with Image.open(io.BytesIO(upload.read())) as original:
        assert original.getexif().get(0x010F) == "Secret Camera Co"
    upload.seek(0)
    response = client.post(url, {"image": upload, "alt_text": "Two people laughing over a cup of tea"})
    assert response.status_code == 302, response.content.decode()
    photo = ListingPhoto.objects.get(listing=listing)
    assert photo.alt_text == "Two people laughing over a cup of tea"
    assert photo.image.name.endswith(extension)
    with photo.image.open("rb") as stored, Image.open(stored) as saved:
        assert saved.format == image_format
        assert dict(saved.getexif()) == {}
        assert "exif" not in saved.info
        assert saved.size == (30, 40)  # rotated as the camera said, then the orientation tag dropped
    assert (photo.width, photo.height) == (30, 40)


def test_upload_png_and_delete_it(client, site_tree, owner, listing):
    client.force_login(owner)
    url = reverse("providers:listing_photos", args=[listing.pk])
    response = client.post(url, {"image": png_upload(), "alt_text": "The front door of our office"})
    assert response.status_code == 302
    photo = ListingPhoto.objects.get(listing=listing)
    with photo.image.open("rb") as stored, Image.open(stored) as saved:
        assert saved.format == "PNG"
    delete_url = reverse("providers:listing_photo_delete", args=[listing.pk, photo.pk])
    assert client.get(delete_url).status_code == 200
    assert client.post(delete_url).status_code == 302
    assert not ListingPhoto.objects.filter(pk=photo.pk).exists()


def test_staff_member_can_edit_the_organisations_listing(client, site_tree, staff, listing):
    client.force_login(staff)
    data = listing_form_data(listing, title="Renamed by staff")
    assert client.post(reverse("providers:listing_edit", args=[listing.pk]), data).status_code == 302
    listing.refresh_from_db()
    assert listing.title == "Renamed by staff"


def test_second_organisation_gets_a_unique_slug(client, site_tree, owner):
    make_organisation(owner, name="Same Name", slug="same-name")
    client.force_login(owner)
    client.post(reverse("providers:organisation_create"), {"name": "Same Name", "kind": "charity"})
    assert set(Organisation.objects.filter(supplier__name="Same Name").values_list("slug", flat=True)) == {
        "same-name",
        "same-name-2",
    }


def test_pa_profile_photo_is_cleaned_and_needs_alt_text(client, site_tree, pa_user, pa):
    client.force_login(pa_user)
    data = {"display_name": "Amira", "experience_years": "5", "employment": "either", "home_postcode": "EH1 1YZ"}
    response = client.post(
        reverse("providers:pa_profile"), {**data, "photo": png_upload("me.jpg", exif=True, image_format="JPEG")}
    )
    assert response.status_code == 400
    assert "Describe the picture" in response.content.decode()
    pa.refresh_from_db()
    assert not pa.photo

    upload = png_upload("me.jpg", exif=True, image_format="JPEG")
    response = client.post(
        reverse("providers:pa_profile"), {**data, "photo": upload, "photo_alt_text": "Amira smiling"}
    )
    assert response.status_code == 302
    pa.refresh_from_db()
    with pa.photo.open("rb") as stored, Image.open(stored) as saved:
        assert dict(saved.getexif()) == {}
    assert client.get(reverse("providers:pa_profile")).status_code == 200

    # Saving again without a new file keeps the photo.
    assert client.post(reverse("providers:pa_profile"), {**data, "photo_alt_text": "Amira smiling"}).status_code == 302
    pa.refresh_from_db()
    assert pa.photo


def test_a_pa_listing_keeps_only_an_approximate_base(client, site_tree, pa_user, pa_listing, taxonomies):
    from marketplace.geography.places import approximate, lookup_postcode

    client.force_login(pa_user)
    edit_url = reverse("providers:listing_edit", args=[pa_listing.pk])
    data = listing_form_data(pa_listing, area_kind="radius", base_postcode="EH6 5AA", radius_km="10")
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()
    pa_listing.refresh_from_db()
    home = lookup_postcode("EH6 5AA").point
    assert (pa_listing.latitude, pa_listing.longitude) == (approximate(home).latitude, approximate(home).longitude)
    assert home.distance_km(approximate(home)) > 0.05
    # Every point of a ~2 km cell has the same approximate base, so searches cannot triangulate a home.
    nearby = type(home)(home.latitude + 0.004, home.longitude + 0.004)
    assert approximate(nearby) == approximate(home)
