"""Bad input on the provider dashboard: a clear field error, a 400, no 500, and nothing saved."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from providers.models import Invitation, Listing, ListingPhoto, Organisation, PersonalAssistant

from .conftest import listing_form_data, snapshot

pytestmark = pytest.mark.django_db

MALFORMED_POSTCODES = ["not a postcode", "EH1", "12345", "EH1 1YZ 9", "<script>alert(1)</script>", "E" * 500]
UNKNOWN_POSTCODES = ["EH99 9ZZ", "SW1A 9ZZ", "BT1 1AA"]  # well formed, but not a Great Britain postcode we know

BAD_PRICES = [
    ("-5", "more than £0"),
    ("0", "more than £0"),
    ("0.00", "more than £0"),
    ("5000.01", "£5,000 or less"),
    ("99999999", "£5,000 or less"),
    ("abc", "as a number"),
    ("£18", "as a number"),
    ("NaN", "as a number"),
    ("Infinity", "as a number"),
    ("18.555", "pounds and pence"),
    ("", "Enter the price"),
]


def image_bytes(image_format="PNG", size=(20, 20), mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, format=image_format)
    return buffer.getvalue()


def _error(response):
    assert response.status_code == 400
    content = response.content.decode()
    assert "govuk-error-summary" in content
    assert "<title>Error:" in content
    return content


# --- Postcodes --------------------------------------------------------------------------------------------------


def _pa_data(postcode):
    return {"display_name": "Amira", "experience_years": "2", "employment": "self_employed", "home_postcode": postcode}


@pytest.mark.parametrize("postcode", MALFORMED_POSTCODES + [""])
def test_malformed_pa_postcode(client, plain_user, postcode):
    client.force_login(plain_user)
    content = _error(client.post(reverse("providers:pa_profile"), _pa_data(postcode)))
    assert "Enter a real postcode" in content or "Enter your home postcode" in content
    assert "<script>alert(1)" not in content
    assert not PersonalAssistant.objects.exists()


@pytest.mark.parametrize("postcode", UNKNOWN_POSTCODES)
def test_unknown_pa_postcode(client, pa_user, pa, postcode):
    client.force_login(pa_user)
    before = snapshot(pa)
    content = _error(client.post(reverse("providers:pa_profile"), _pa_data(postcode)))
    assert "We cannot find the postcode" in content
    assert snapshot(pa) == before


@pytest.mark.parametrize("postcode", MALFORMED_POSTCODES + UNKNOWN_POSTCODES)
def test_bad_listing_postcode(client, owner, listing, postcode):
    client.force_login(owner)
    before = snapshot(listing)
    data = listing_form_data(listing, base_postcode=postcode, radius_km="10", title="Changed")
    content = _error(client.post(reverse("providers:listing_edit", args=[listing.pk]), data))
    assert "Enter a real postcode" in content or "We cannot find the postcode" in content
    assert 'href="#id_base_postcode"' in content
    assert snapshot(listing) == before


@pytest.mark.parametrize(
    ("radius", "message"),
    [
        ("0", "at least 0.5"),
        ("0.4", "at least 0.5"),
        ("-3", "at least 0.5"),
        ("201", "200 km or less"),
        ("1000000", "200 km or less"),
        ("abc", "as a number"),
        ("12.25", "one decimal place"),
    ],
)
def test_bad_radius(client, owner, listing, radius, message):
    client.force_login(owner)
    before = snapshot(listing)
    data = listing_form_data(listing, base_postcode="EH1 1YZ", radius_km=radius)
    content = _error(client.post(reverse("providers:listing_edit", args=[listing.pk]), data))
    assert message in content
    assert snapshot(listing) == before


def test_distance_without_postcode(client, owner, listing):
    client.force_login(owner)
    before = snapshot(listing)
    data = listing_form_data(listing, base_postcode="", radius_km="10")
    content = _error(client.post(reverse("providers:listing_edit", args=[listing.pk]), data))
    assert "Enter the postcode you work from" in content
    assert snapshot(listing) == before


# --- Prices -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("amount", "message"), BAD_PRICES)
def test_bad_price_on_a_new_row(client, owner, listing, amount, message):
    client.force_login(owner)
    before = snapshot(listing)
    rate = listing.rates.get()
    data = listing_form_data(
        listing,
        title="Changed title",
        rates=[
            {"id": rate.pk, "description": rate.description, "amount": str(rate.amount)},
            {"description": "Night", "amount": amount, "unit": "night"},
        ],
    )
    content = _error(client.post(reverse("providers:listing_edit", args=[listing.pk]), data))
    assert message in content
    assert 'href="#id_rates-1-amount"' in content
    assert snapshot(listing) == before


@pytest.mark.parametrize(("amount", "message"), BAD_PRICES)
def test_bad_price_on_an_existing_row(client, owner, published_listing, amount, message):
    client.force_login(owner)
    before = snapshot(published_listing)
    rate = published_listing.rates.get()
    data = listing_form_data(published_listing, rates=[{"id": rate.pk, "description": "Day", "amount": amount}])
    content = _error(client.post(reverse("providers:listing_edit", args=[published_listing.pk]), data))
    assert message in content
    assert snapshot(published_listing) == before


def test_price_row_without_a_description(client, owner, listing):
    client.force_login(owner)
    before = snapshot(listing)
    rate = listing.rates.get()
    data = listing_form_data(
        listing,
        rates=[
            {"id": rate.pk, "description": rate.description, "amount": str(rate.amount)},
            {"description": "", "amount": "20"},
        ],
    )
    content = _error(client.post(reverse("providers:listing_edit", args=[listing.pk]), data))
    assert "Say what the price is for" in content
    assert snapshot(listing) == before


@pytest.mark.parametrize(
    "management",
    [
        {"rates-TOTAL_FORMS": "abc"},
        {"rates-TOTAL_FORMS": None, "rates-INITIAL_FORMS": None},
        {"rates-TOTAL_FORMS": "100000"},
        {"rates-INITIAL_FORMS": "-1"},
    ],
)
def test_tampered_rate_card_management_form(client, owner, listing, management):
    client.force_login(owner)
    before = snapshot(listing)
    data = listing_form_data(listing, title="Changed")
    for key, value in management.items():
        if value is None:
            data.pop(key)
        else:
            data[key] = value
    response = client.post(reverse("providers:listing_edit", args=[listing.pk]), data)
    assert response.status_code == 400
    assert snapshot(listing) == before


# --- Choices ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "override",
    [
        {"availability": ["9-lunchtime"]},
        {"availability": ["0-morning", "x"]},
        {"needs": ["999999"]},
        {"needs": ["abc"]},
        {"service_types": ["-1"]},
        {"area_kind": "everywhere"},
        {"council_areas": ["123456"]},
        {"contact_email": "not-an-email"},
        {"contact_website": "javascript:alert(1)"},
    ],
    ids=lambda override: next(iter(override)),
)
def test_bad_choices(client, owner, listing, override):
    client.force_login(owner)
    before = snapshot(listing)
    data = listing_form_data(listing, title="Changed", **override)
    _error(client.post(reverse("providers:listing_edit", args=[listing.pk]), data))
    assert snapshot(listing) == before


# --- Lengths ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "T" * 121, "title must be 120 characters or fewer"),
        ("summary", "S" * 301, "summary must be 300 characters or fewer"),
        ("description", "<p>" + "D" * 10_001 + "</p>", "description must be 10000 characters or fewer"),
        ("title", "", "Enter a title"),
        ("summary", "", "Enter a short summary"),
        ("contact_notes", "N" * 301, "at most 300 characters"),
    ],
)
def test_overlong_or_missing_fields_on_edit(client, owner, listing, field, value, message):
    client.force_login(owner)
    before = snapshot(listing)
    content = _error(
        client.post(reverse("providers:listing_edit", args=[listing.pk]), listing_form_data(listing, **{field: value}))
    )
    assert message in content
    assert snapshot(listing) == before


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "T" * 121, "summary": "ok"}, "title must be 120 characters or fewer"),
        ({"title": "ok", "summary": "S" * 301}, "summary must be 300 characters or fewer"),
        ({"title": "", "summary": ""}, "Enter a title"),
    ],
)
def test_overlong_fields_on_create(client, owner, organisation, data, message):
    client.force_login(owner)
    content = _error(client.post(reverse("providers:supplier_listing_create", args=[organisation.supplier.pk]), data))
    assert message in content
    assert not Listing.objects.exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": "N" * 151, "kind": "charity"}, "name"),
        ({"name": "", "kind": "charity"}, "name"),
        ({"name": "Ok", "kind": "pirates"}, "kind"),
        ({"name": "Ok", "kind": "charity", "email": "nope"}, "email"),
        ({"name": "Ok", "kind": "charity", "website": "javascript:alert(1)"}, "website"),
        ({"name": "Ok", "kind": "charity", "companies_house_number": "1" * 11}, "companies_house_number"),
    ],
)
def test_bad_organisation(client, plain_user, data, field):
    client.force_login(plain_user)
    content = _error(client.post(reverse("providers:organisation_create"), data))
    assert f'href="#id_{field}"' in content
    assert not Organisation.objects.exists()


@pytest.mark.parametrize("email", ["", "not-an-email", "a@b", "x" * 300 + "@example.org"])
def test_bad_invitation_email(client, owner, organisation, email):
    client.force_login(owner)
    _error(
        client.post(reverse("providers:organisation_invite", args=[organisation.pk]), {"email": email, "role": "staff"})
    )
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("value", ["-1", "abc", "99999"])
def test_bad_years_of_experience(client, plain_user, value):
    client.force_login(plain_user)
    data = {**_pa_data("EH1 1YZ"), "experience_years": value}
    _error(client.post(reverse("providers:pa_profile"), data))
    assert not PersonalAssistant.objects.exists()


# --- Rich text --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("description", "kept"),
    [
        ("<p>Hello</p><script>alert('x')</script>", "<p>Hello</p>"),
        ('<p onclick="steal()">Hello</p>', "<p>Hello</p>"),
        ('<a href="javascript:alert(1)">Click</a>', '<a rel="nofollow noopener">Click</a>'),
        ('<img src=x onerror="alert(1)"><p>Hi</p>', "<p>Hi</p>"),
        (
            '<a href="https://example.org" target="_blank">Us</a>',
            '<a href="https://example.org" rel="nofollow noopener">Us</a>',
        ),
        ("<style>body{display:none}</style><em>Hi</em>", "<em>Hi</em>"),
        ("<iframe src='https://evil.example'></iframe><ul><li>One</li></ul>", "<ul><li>One</li></ul>"),
    ],
)
def test_script_in_description_is_stripped_and_never_rendered(client, owner, listing, description, kept):
    client.force_login(owner)
    url = reverse("providers:listing_edit", args=[listing.pk])
    response = client.post(url, listing_form_data(listing, description=description))
    assert response.status_code == 302
    listing.refresh_from_db()
    assert listing.description == kept
    content = client.get(url).content.decode()
    assert "<script>alert" not in content
    assert "onerror=" not in content
    assert "javascript:" not in content


def test_script_in_a_new_listing_is_stripped(client, owner, organisation):
    client.force_login(owner)
    client.post(
        reverse("providers:supplier_listing_create", args=[organisation.supplier.pk]),
        {"title": "<script>x</script>Help", "summary": "Fine", "description": "<script>alert(1)</script><p>ok</p>"},
    )
    listing = Listing.objects.get()
    assert listing.description == "<p>ok</p>"
    content = client.get(reverse("providers:home")).content.decode()
    assert "<script>x</script>" not in content  # the title is escaped when shown
    assert "&lt;script&gt;x&lt;/script&gt;Help" in content


# --- Photos -----------------------------------------------------------------------------------------------------

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@pytest.mark.parametrize(
    ("name", "content", "content_type", "message"),
    [
        ("document.jpg", PDF, "image/jpeg", "must be a JPEG, PNG or WebP"),
        ("notes.png", b"just some text, not an image", "image/png", "must be a JPEG, PNG or WebP"),
        ("animation.gif", image_bytes("GIF"), "image/gif", "must be a JPEG, PNG or WebP"),
        ("picture.bmp", image_bytes("BMP"), "image/bmp", "must be a JPEG, PNG or WebP"),
        ("broken.png", image_bytes("PNG", size=(200, 200))[:80], "image/png", "could not be read"),
        ("empty.png", b"", "image/png", "empty"),
    ],
    ids=["pdf-renamed-jpg", "text", "gif", "bmp", "truncated-png", "empty"],
)
def test_upload_that_is_not_an_accepted_image(client, owner, listing, name, content, content_type, message):
    client.force_login(owner)
    upload = SimpleUploadedFile(name, content, content_type=content_type)
    page = _error(
        client.post(reverse("providers:listing_photos", args=[listing.pk]), {"image": upload, "alt_text": "Our team"})
    )
    assert message in page
    assert not ListingPhoto.objects.exists()


def test_oversized_upload(client, owner, listing, settings):
    settings.LISTING_PHOTO_MAX_BYTES = 2 * 1024 * 1024
    client.force_login(owner)
    big = SimpleUploadedFile("big.png", b"\x89PNG" + b"0" * (2 * 1024 * 1024 + 1), content_type="image/png")
    page = _error(
        client.post(reverse("providers:listing_photos", args=[listing.pk]), {"image": big, "alt_text": "Team"})
    )
    assert "must be smaller than 2 MB" in page
    assert not ListingPhoto.objects.exists()


def test_image_with_too_many_pixels(client, owner, listing, settings):
    settings.LISTING_PHOTO_MAX_PIXELS = 100
    client.force_login(owner)
    upload = SimpleUploadedFile("wide.png", image_bytes("PNG", size=(20, 20)), content_type="image/png")
    page = _error(
        client.post(reverse("providers:listing_photos", args=[listing.pk]), {"image": upload, "alt_text": "Team"})
    )
    assert "too many pixels" in page
    assert not ListingPhoto.objects.exists()


def test_decompression_bomb_is_refused_without_decoding(client, owner, listing):
    """A small file that claims 225 million pixels: refused from its header."""
    bomb = image_bytes("PNG", size=(15_000, 15_000), mode="1")
    assert len(bomb) < 1024 * 1024
    client.force_login(owner)
    upload = SimpleUploadedFile("bomb.png", bomb, content_type="image/png")
    page = _error(
        client.post(reverse("providers:listing_photos", args=[listing.pk]), {"image": upload, "alt_text": "Team"})
    )
    assert "too many pixels" in page
    assert not ListingPhoto.objects.exists()


@pytest.mark.parametrize(
    ("alt_text", "message"),
    [
        ("", "Describe the picture"),
        ("   ", "Describe the picture"),
        ("IMG_0001.jpg", "looks like a file name"),
        ("A" * 201, "200 characters or fewer"),
    ],
)
def test_missing_or_useless_alt_text(client, owner, listing, alt_text, message):
    client.force_login(owner)
    upload = SimpleUploadedFile("team.png", image_bytes(), content_type="image/png")
    page = _error(
        client.post(reverse("providers:listing_photos", args=[listing.pk]), {"image": upload, "alt_text": alt_text})
    )
    assert message in page
    assert not ListingPhoto.objects.exists()


def test_missing_file(client, owner, listing):
    client.force_login(owner)
    page = _error(client.post(reverse("providers:listing_photos", args=[listing.pk]), {"alt_text": "Our team"}))
    assert "Choose a photo to upload" in page
    assert not ListingPhoto.objects.exists()


def test_pa_photo_that_is_not_an_image(client, pa_user, pa):
    client.force_login(pa_user)
    before = snapshot(pa)
    upload = SimpleUploadedFile("me.jpg", PDF, content_type="image/jpeg")
    data = {**_pa_data("EH1 1YZ"), "display_name": "Changed", "photo": upload, "photo_alt_text": "Me"}
    page = _error(client.post(reverse("providers:pa_profile"), data))
    assert "must be a JPEG, PNG or WebP" in page
    assert snapshot(pa) == before
