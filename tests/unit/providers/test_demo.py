"""The demo directory: real places, realistic prices and languages, the same every time."""

from decimal import Decimal

import pytest

from marketplace.demo.directory import ProviderDemo
from marketplace.geography.places import lookup_postcode
from providers.models import Listing, Organisation, PersonalAssistant, RateCardItem, Verification

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory():
    return ProviderDemo(scale=0.1).run()


def test_builds_providers_and_pas_with_listings(directory):
    assert directory["organisations"] == 28
    assert directory["personal assistants"] == 20
    assert Listing.objects.count() == directory["listings"] >= 45
    assert ProviderDemo(scale=0.1).run() == {}  # a second run adds nothing
    assert Listing.objects.count() == directory["listings"]


def test_listings_sit_at_real_postcodes(directory):
    for listing in Listing.objects.all()[:20]:
        location = lookup_postcode(listing.base_postcode)
        assert location is not None
        assert abs(location.point.latitude - listing.latitude) < 1e-6


def test_prices_are_in_realistic_uk_ranges(directory):
    pa_hourly = RateCardItem.objects.filter(
        unit="hour", day_type="weekday", listing__supplier__kind="personal_assistant"
    )
    agency_hourly = RateCardItem.objects.filter(unit="hour", day_type="weekday", listing__supplier__kind="organisation")
    assert pa_hourly.exists() and agency_hourly.exists()
    assert all(Decimal("12") <= rate.amount <= Decimal("22") for rate in pa_hourly)
    assert all(Decimal("20") <= rate.amount <= Decimal("35") for rate in agency_hourly)


def test_a_pa_shows_only_an_approximate_area(directory):
    for assistant in PersonalAssistant.objects.all():
        assert assistant.home_postcode not in assistant.area_label
        assert assistant.home_postcode.split()[0] in assistant.area_label


def test_some_listings_are_stale_and_some_checks_unverified():
    ProviderDemo(scale=0.5).run()
    visible = Listing.objects.publicly_visible().count()
    published = Listing.objects.filter(status="published").count()
    assert 0 < visible < published
    assert Verification.objects.filter(status="pending").exists()
    assert Organisation.objects.filter(regulator="care_inspectorate").exists()
    assert Organisation.objects.filter(regulator="cqc").exists()


def test_terms_have_names_in_urdu_gaelic_and_polish(directory):
    from providers.models import Language, Need

    personal_care = Need.objects.get(slug="personal-care", locale__language_code="en")
    for code in ("ur", "gd", "pl"):
        translated = Need.objects.get(translation_key=personal_care.translation_key, locale__language_code=code)
        assert translated.name != personal_care.name
    assert Language.objects.filter(locale__language_code="pl", code="pl").get().name == "polski"


def test_demo_councils_have_a_direct_payment_rate_that_search_finds(directory):
    from marketplace.demo.rates import load_direct_payment_rates
    from search.prices import direct_payment_rate

    assert load_direct_payment_rates() >= 5
    assert load_direct_payment_rates() == 0  # idempotent
    edinburgh = direct_payment_rate(lookup_postcode("EH6 5AA").council_code)
    assert edinburgh.hourly_rate == Decimal("21.20")
    assert "not the council's published rate" in edinburgh.notes
