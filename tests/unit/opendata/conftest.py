"""A small published directory around Leith, and every kind of listing that must never be published.

Who is who (``directory`` fixture):
- ``home_support``: an organisation's radius listing (10 km of a base 1 km east of EH6 5AA) with needs, a service
  type, a language, a funding option, two rates, availability, a phone and email, a verified check, and Companies
  House, charity and regulator numbers.
- ``day_centre``: an organisation's listing covering the whole council area "Edinburgh" (the gazetteer's name).
- ``far_away``: an organisation's radius listing in Glasgow (5 km), which does not cover Leith.
- ``pa_listing``: a personal assistant whose listing was stored with their exact home position, postcode and a
  label holding the postcode (the API must publish none of them), with a phone and email.
- ``stale``: published but not confirmed for seven months (shown with an alert).
- ``hidden``: a draft, one waiting for an editor, a suspended, an archived and a hidden-stale listing.
"""

from datetime import timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone

from marketplace.geography import lookup_postcode
from providers.models import AvailabilitySlot, Listing, Organisation, RateCardItem, Verification
from tests.factories import personal_assistant
from tests.search_data import published_listing

LEITH = lookup_postcode("EH6 5AA")
GLASGOW = lookup_postcode("G1 1XQ")
PA_HOME = lookup_postcode("EH6 6QQ")


@pytest.fixture
def taxonomies(db):
    from providers.seed import seed_default_taxonomies

    seed_default_taxonomies()


@pytest.fixture(autouse=True)
def _open_data_settings(settings, tmp_path):
    settings.OPEN_DATA_DIR = tmp_path / "open-data"
    settings.OPEN_DATA_REQUESTS_PER_MINUTE = 10_000
    settings.OPEN_DATA_ASSURER_EMAIL = "directory@council.example.org"
    settings.COUNCIL_NAME = "Demo Council"


def _organisation_details(listing, **fields):
    Organisation.objects.filter(supplier=listing.supplier).update(**fields)


@pytest.fixture
def directory(taxonomies):
    now = timezone.now()
    home_support = published_listing(
        "Leith Home Support",
        km=1.0,
        radius_km=10,
        needs=("dementia", "personal-care"),
        services=("care-at-home",),
        funding=("option-1-direct-payment",),
        languages=("polish",),
        price="21.50",
        slots=[(0, "morning"), (1, "morning"), (5, "night")],
        verified=True,
        contact_phone="0131 496 0000",
        contact_email="hello@leith-home.example.org",
        contact_notes="Weekdays 9 to 5",
        description="<p>Care at home &amp; company.</p><ul><li>Washing</li><li>Meals</li></ul>",
    )
    RateCardItem.objects.create(
        listing=home_support,
        description="Sleep-in",
        unit=RateCardItem.Unit.NIGHT,
        amount=Decimal("95.00"),
        day_type=RateCardItem.DayType.WEEKEND,
        notes="10pm to 7am",
        sort_order=1,
    )
    _organisation_details(
        home_support,
        description="A charity in Leith since 1990.",
        companies_house_number="SC123456",
        charity_number="SC045678",
        regulator=Organisation.Regulator.CARE_INSPECTORATE,
        registration_number="CS2003000001",
    )
    home_support.supplier.website = "https://leith-home.example.org"
    home_support.supplier.email = "private-office@leith-home.example.org"
    home_support.supplier.phone = "0131 496 9999"
    home_support.supplier.save()

    day_centre = published_listing("Portobello Day Centre", km=3.0, council_areas=("Edinburgh",), price="45.00")
    far_away = published_listing("Glasgow Companions", radius_km=5, price="19.00")
    Listing.objects.filter(pk=far_away.pk).update(latitude=GLASGOW.latitude, longitude=GLASGOW.longitude)
    far_away.refresh_from_db()
    stale = published_listing("Stale Support", km=2.0, confirmed=now - timedelta(days=200))

    pa = personal_assistant("Amira K", home_postcode="EH6 6QQ", area_label="EH6, Leith")
    pa_listing = Listing.objects.create(
        supplier=pa.supplier,
        title="Amira K, personal assistant",
        slug="amira-k",
        summary="Personal care and getting out and about.",
        status=Listing.Status.PUBLISHED,
        area_kind=Listing.AreaKind.RADIUS,
        base_postcode="EH6 6QQ",
        base_label="EH6 6QQ Leith",
        latitude=PA_HOME.latitude,  # stored exactly on purpose: the API must still publish only the grid cell
        longitude=PA_HOME.longitude,
        radius_km=Decimal("8.0"),
        contact_phone="07700 900123",
        contact_email="amira.private@example.org",
        published_at=now,
        last_confirmed_at=now,
    )
    AvailabilitySlot.objects.create(listing=pa_listing, day=2, band="afternoon")
    RateCardItem.objects.create(listing=pa_listing, description="Support", amount=Decimal("17.25"))
    Verification.objects.create(
        supplier=pa.supplier, kind=Verification.Kind.PVG, status=Verification.Status.VERIFIED, decided_at=now
    )

    hidden = [
        published_listing("Draft Care", status=Listing.Status.DRAFT),
        published_listing("Waiting Care", status=Listing.Status.SUBMITTED),
        published_listing("Suspended Care", status=Listing.Status.SUSPENDED),
        published_listing("Archived Care", status=Listing.Status.ARCHIVED),
        published_listing("Forgotten Care", confirmed=now - timedelta(days=400)),
    ]
    return SimpleNamespace(
        home_support=home_support,
        day_centre=day_centre,
        far_away=far_away,
        stale=stale,
        pa=pa,
        pa_listing=pa_listing,
        hidden=hidden,
        visible=[home_support, day_centre, far_away, stale, pa_listing],
    )
