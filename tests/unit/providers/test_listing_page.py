"""The public listing page: every public fact, nothing private, only visible listings, bounded queries."""

import io
import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from freezegun import freeze_time
from PIL import Image
from wagtail.models import Locale

from providers.models import (
    AvailabilitySlot,
    CouncilArea,
    FundingOption,
    Language,
    Listing,
    ListingPhoto,
    Need,
    Organisation,
    PersonalAssistant,
    RateCardItem,
    ServiceType,
    Verification,
)
from tests.factories import UserFactory, new_organisation, personal_assistant

pytestmark = pytest.mark.django_db

PA_HOME_POSTCODE = "EH6 8RG"


def png(name="photo.png", size=(8, 6)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 120, 90)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def build_listing(owner="organisation", status=Listing.Status.PUBLISHED, count=1, slug=None, **fields):
    """A published listing with `count` rows of each related thing (rates, slots, photos, checks, terms)."""
    user = UserFactory()
    if owner == "organisation":
        organisation = new_organisation(
            "Leith Care Co-op",
            slug=f"leith-care-{user.pk}",
            kind=Organisation.Kind.CHARITY,
            charity_number="SC012345",
        )
        supplier = organisation.supplier
    else:
        pa = personal_assistant(
            "Aisha K.",
            user=user,
            employment=PersonalAssistant.Employment.SELF_EMPLOYED,
            experience_years=7,
            drives=True,
            has_car=True,
            gender="Woman",
            home_postcode=PA_HOME_POSTCODE,
            area_label="Leith, Edinburgh",
        )
        supplier = pa.supplier
    defaults = {
        "title": "Support at home in Leith",
        "slug": slug or f"support-at-home-{user.pk}",
        "summary": "Personal care and help around the house.",
        "description": "<p>We help with <strong>personal care</strong>.</p>",
        "base_postcode": PA_HOME_POSTCODE if owner != "organisation" else "EH6 6QU",
        "base_label": "Leith, Edinburgh",
        "latitude": 55.97,
        "longitude": -3.17,
        "radius_km": Decimal("15"),
        "contact_phone": "0131 496 0000",
        "contact_email": "hello@leithcare.example",
        "contact_website": "https://leithcare.example/",
        "short_notice_cover": True,
        "accepting_new_clients": True,
        "status": status,
        "published_at": timezone.now(),
        "last_confirmed_at": timezone.now() - timedelta(days=3),
    }
    defaults.update(fields)
    listing = Listing.objects.create(supplier=supplier, **defaults)
    for model, name in (
        (ServiceType, "service_types"),
        (Need, "needs"),
        (FundingOption, "funding_options"),
        (Language, "languages"),
    ):
        getattr(listing, name).add(*model.objects.filter(locale=Locale.get_default()).order_by("pk")[:count])
    slots = [(day, band) for day in AvailabilitySlot.Day.values for band in AvailabilitySlot.Band.values]
    for index in range(count):
        RateCardItem.objects.create(
            listing=listing,
            description=f"Daytime support {index}" if index else "Daytime support",
            amount=Decimal("12.50") + index,
            unit=RateCardItem.Unit.HOUR,
            day_type=RateCardItem.DayType.WEEKEND,
            notes="Minimum two hours" if index == 0 else "",
            sort_order=index,
        )
        day, band = slots[index]
        AvailabilitySlot.objects.create(listing=listing, day=day, band=band)
        ListingPhoto.objects.create(
            listing=listing, image=png(f"photo{index}.png"), alt_text=f"A support worker {index}"
        )
        Verification.objects.create(
            supplier=supplier,
            kind=Verification.Kind.DBS,
            detail="Enhanced with barred list",
            status=Verification.Status.VERIFIED,
            decided_at=timezone.make_aware(timezone.datetime(2026, 3, 3, 10, 0)),
        )
    return listing


def page(client, listing, prefix=""):
    """The listing page; `prefix` is a language prefix such as "/ur". (A path, not reverse(): after a request the
    thread keeps that request's language, and reverse() would add its prefix.)"""
    return client.get(f"{prefix}/support/{listing.slug}/")


@pytest.fixture
def listing(site_tree):
    return build_listing()


@pytest.fixture
def pa_listing(site_tree):
    return build_listing(owner="pa")


def test_url_name():
    assert reverse("listings:detail", args=["x"]) == "/support/x/"
    with translation.override("ur"):
        assert reverse("listings:detail", args=["x"]) == "/ur/support/x/"


def test_page_shows_every_public_fact(client, listing):
    response = page(client, listing)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Support at home in Leith – " in html
    for text in (
        "Support at home in Leith",
        "Leith Care Co-op",
        "Charity",
        "SC012345",
        "Personal care and help around the house.",
        "<strong>personal care</strong>",
        "Personal assistant",  # the first seeded service type
        "Within 15 km of Leith, Edinburgh",
        "£12.50 per hour",
        "Weekends",
        "Minimum two hours",
        "DBS check (England and Wales) — verified on 3 March 2026",
        "Enhanced with barred list",
        'href="tel:01314960000"',
        'href="mailto:hello@leithcare.example"',
        'href="https://leithcare.example/" rel="noopener"',
        "Accepting new clients",
        "Can cover at short notice",
        f"Last confirmed: {listing.last_confirmed_at:%-d %B %Y}",
        'alt="A support worker 0"',
        "Rating and reviews",
        "No reviews yet",
        "Quality stamps",
    ):
        assert text in html, text
    for name in ("service_types", "needs", "funding_options", "languages"):
        assert getattr(listing, name).get().name in html
    assert 'id="reviews"' in html and 'id="quality-stamps"' in html
    assert "may be out of date" not in html


def test_rate_card_and_availability_are_tables_with_headers(client, listing):
    html = page(client, listing).content.decode()
    assert '<caption class="govuk-table__caption govuk-table__caption--m">Rate card for' in html
    assert '<th scope="col" class="govuk-table__header">Price</th>' in html
    assert '<th scope="row" class="govuk-table__header">Daytime support</th>' in html
    assert '<th scope="row" class="govuk-table__header">Monday</th>' in html
    assert '<th scope="col" class="govuk-table__header">Overnight (sleep-in)</th>' in html
    # Availability is said in words, not colour only: one slot available, the other 34 not.
    assert html.count(">Available</strong>") == 1
    assert html.count("Not available") == 34


def test_council_area_listing_lists_the_areas(client, site_tree):
    listing = build_listing(area_kind=Listing.AreaKind.COUNCIL_AREAS)
    listing.council_areas.add(
        CouncilArea.objects.get_or_create(name="City of Edinburgh", slug="city-of-edinburgh")[0],
        CouncilArea.objects.get_or_create(name="Midlothian", slug="midlothian")[0],
    )
    assert "Covers: City of Edinburgh, Midlothian" in page(client, listing).content.decode()


def test_pa_listing_shows_the_person_but_never_their_home_postcode(client, pa_listing):
    html = page(client, pa_listing).content.decode()
    for text in ("Aisha K.", "Self-employed", "7 years", "Drives and has a car", "Woman", "Within 15 km of Leith"):
        assert text in html, text
    for form in (PA_HOME_POSTCODE, PA_HOME_POSTCODE.replace(" ", ""), "EH6"):
        assert form not in html


def test_gender_is_shown_only_when_given(client, pa_listing):
    pa_listing.supplier.personal_assistant.gender = ""
    pa_listing.supplier.personal_assistant.save()
    assert "Gender" not in page(client, pa_listing).content.decode()


@pytest.mark.parametrize(
    "status",
    [Listing.Status.DRAFT, Listing.Status.SUBMITTED, Listing.Status.SUSPENDED, Listing.Status.ARCHIVED],
)
def test_listings_that_are_not_published_are_not_found(client, site_tree, status):
    listing = build_listing(status=status)
    assert page(client, listing).status_code == 404


def test_unknown_slug_is_not_found(client, site_tree):
    assert client.get("/support/no-such-listing/").status_code == 404


def test_stale_listing_shows_a_notice_and_hidden_listing_is_not_found(client, listing, settings):
    with freeze_time(timezone.now() + timedelta(days=settings.LISTING_RECONFIRM_AFTER_DAYS + 1)):
        assert listing.freshness() == Listing.Freshness.STALE
        response = page(client, listing)
        assert response.status_code == 200
        assert "may be out of date" in response.content.decode()
    later = settings.LISTING_RECONFIRM_AFTER_DAYS + settings.LISTING_STALE_GRACE_DAYS + 1
    with freeze_time(timezone.now() + timedelta(days=later)):
        assert listing.freshness() == Listing.Freshness.HIDDEN
        assert page(client, listing).status_code == 404


def test_never_confirmed_listing_is_not_found(client, site_tree):
    assert page(client, build_listing(last_confirmed_at=None)).status_code == 404


def test_expired_and_unverified_checks_are_not_shown(client, listing):
    organisation = listing.supplier.organisation
    Verification.objects.create(
        supplier=organisation.supplier,
        kind=Verification.Kind.INSURANCE,
        status=Verification.Status.VERIFIED,
        decided_at=timezone.now() - timedelta(days=400),
        expires_on=timezone.localdate() - timedelta(days=1),
    )
    Verification.objects.create(supplier=organisation.supplier, kind=Verification.Kind.REGISTRATION)
    html = page(client, listing).content.decode()
    assert "Public liability insurance" not in html
    assert "Registered with the care regulator" not in html
    assert "DBS check (England and Wales) — verified on" in html


def test_checks_of_other_providers_are_not_shown(client, listing):
    other = build_listing(owner="pa")
    Verification.objects.filter(supplier=other.supplier).update(kind=Verification.Kind.PVG)
    assert "PVG scheme" not in page(client, listing).content.decode()


def test_script_in_the_description_is_never_rendered(client, site_tree):
    listing = build_listing(
        description=(
            '<p>Hello</p><script>alert("x")</script><img src=x onerror="alert(1)">'
            '<a href="javascript:alert(1)">bad</a><a href="https://ok.example/" onclick="x()">good</a>'
            '<p style="color:red">styled</p>'
        )
    )
    html = page(client, listing).content.decode()
    description = re.search(r'class="govuk-body app-listing-description"[^>]*>(.*?)</div>', html, re.S).group(1)
    assert "<script" not in description and "alert" not in description
    assert "onerror" not in description and "onclick" not in description and "<img" not in description
    assert "javascript:" not in description and "style=" not in description
    assert "<p>Hello</p>" in description
    assert 'href="https://ok.example/"' in description


def _query_count(client, listing):
    page(client, listing)  # warm caches (site root, locales) that every page shares
    with CaptureQueriesContext(connection) as queries:
        assert page(client, listing).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_related_rows(client, site_tree):
    one = build_listing(count=1)
    ten = build_listing(count=10)
    assert ten.rates.count() == 10 and ten.photos.count() == 10 and ten.needs.count() == 10
    assert _query_count(client, one) == _query_count(client, ten)


def test_query_count_does_not_grow_with_related_rows_in_urdu(client, site_tree):
    one = build_listing(count=1)
    ten = build_listing(count=10)
    Need.objects.get(pk=one.needs.get().pk).copy_for_translation(Locale.objects.get(language_code="ur")).save()
    assert page(client, one, "/ur").status_code == 200
    with CaptureQueriesContext(connection) as small:
        assert page(client, one, "/ur").status_code == 200
    with CaptureQueriesContext(connection) as large:
        assert page(client, ten, "/ur").status_code == 200
    assert len(small) == len(large)


def test_page_in_urdu_is_right_to_left_with_translated_terms(client, listing):
    need = listing.needs.get()
    translated = need.copy_for_translation(Locale.objects.get(language_code="ur"))
    translated.name = "ذاتی نگہداشت"
    translated.save()
    response = page(client, listing, "/ur")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="ur" dir="rtl"' in html
    assert "ذاتی نگہداشت" in html
    # Untranslated terms fall back to English.
    assert listing.languages.get().name in html


def test_expired_check_disappears_the_day_after_it_expires(client, listing):
    Verification.objects.filter(supplier=listing.supplier).update(expires_on=date(2030, 1, 1))
    with freeze_time("2029-12-31 12:00"):
        Listing.objects.filter(pk=listing.pk).update(last_confirmed_at=timezone.now())
        assert "verified on 3 March 2026" in page(client, listing).content.decode()
    with freeze_time("2030-01-02 12:00"):
        assert "verified on 3 March 2026" not in page(client, listing).content.decode()


def test_every_visible_demo_listing_renders_without_postcodes(client, site_tree):
    from marketplace.demo.directory import ProviderDemo

    ProviderDemo(scale=0.1).run()
    visible = Listing.objects.publicly_visible().select_related("supplier__personal_assistant")
    assert visible.filter(supplier__kind="personal_assistant").exists()
    for listing in visible:
        response = page(client, listing)
        assert response.status_code == 200
        html = response.content.decode()
        assert str(escape(listing.title)) in html
        if listing.is_personal_assistant:
            assert listing.supplier.personal_assistant.home_postcode not in html
            assert not listing.base_postcode or listing.base_postcode not in html


def test_pa_area_label_that_holds_the_postcode_is_never_shown(client, pa_listing):
    pa = pa_listing.supplier.personal_assistant
    pa.area_label = f"Near {PA_HOME_POSTCODE.lower()}"
    pa.save()
    Listing.objects.filter(pk=pa_listing.pk).update(base_label=PA_HOME_POSTCODE.replace(" ", ""))
    html = page(client, pa_listing).content.decode()
    assert PA_HOME_POSTCODE.lower() not in html.lower() and PA_HOME_POSTCODE.replace(" ", "") not in html
    assert "The area covered has not been given." in html
