"""Listings around Edinburgh for search tests: real, published rows with terms, rates and availability."""

import itertools
import math
from decimal import Decimal

from django.utils import timezone

from marketplace.geography.places import Point, lookup_postcode
from marketplace.geography.store import care_authority_named
from providers.models import (
    AvailabilitySlot,
    CouncilArea,
    FundingOption,
    Language,
    Listing,
    Need,
    RateCardItem,
    ServiceType,
    Verification,
)

from .factories import organisation_supplier

EH6 = lookup_postcode("EH6 5AA").point  # Leith
_numbers = itertools.count(1)


def point_east_of(origin, km):
    return Point(origin.latitude, origin.longitude + km / (111.320 * math.cos(math.radians(origin.latitude))))


def published_listing(
    title,
    km=1.0,
    radius_km=10,
    *,
    needs=(),
    services=("personal-assistant",),
    funding=(),
    languages=(),
    price="18.00",
    slots=(),
    council_areas=(),
    verified=False,
    confirmed=None,
    status=Listing.Status.PUBLISHED,
    **fields,
):
    """A published organisation listing `km` east of EH6 5AA serving `radius_km` (or whole `council_areas`)."""
    number = next(_numbers)
    supplier = organisation_supplier(f"{title} Ltd", f"search-org-{number}")
    base = point_east_of(EH6, km)
    listing = Listing.objects.create(
        supplier=supplier,
        title=title,
        slug=f"search-listing-{number}",
        summary=fields.pop("summary", "Support at home."),
        status=status,
        area_kind=Listing.AreaKind.COUNCIL_AREAS if council_areas else Listing.AreaKind.RADIUS,
        latitude=base.latitude,
        longitude=base.longitude,
        radius_km=None if council_areas else Decimal(str(radius_km)),
        base_label="Edinburgh",
        published_at=timezone.now(),
        last_confirmed_at=confirmed or timezone.now(),
        **fields,
    )
    listing.needs.set(Need.objects.filter(slug__in=needs, locale__language_code="en"))
    listing.service_types.set(ServiceType.objects.filter(slug__in=services, locale__language_code="en"))
    listing.funding_options.set(FundingOption.objects.filter(slug__in=funding, locale__language_code="en"))
    listing.languages.set(Language.objects.filter(slug__in=languages, locale__language_code="en"))
    for area in council_areas:
        listing.council_areas.add(council_area(area))
    if price is not None:
        RateCardItem.objects.create(listing=listing, description="Weekday support", amount=Decimal(price))
    for day, band in slots:
        AvailabilitySlot.objects.create(listing=listing, day=day, band=band)
    if verified:
        Verification.objects.create(
            supplier=supplier,
            kind=Verification.Kind.INSURANCE,
            status=Verification.Status.VERIFIED,
            decided_at=timezone.now(),
        )
    return listing


def council_area(name):
    """The directory's council area called `name` ("City of Edinburgh", or an older name such as "Edinburgh"), with
    the GSS code of the council it means."""
    code = care_authority_named(name).code
    return CouncilArea.objects.get_or_create(gss_code=code, defaults={"name": name, "slug": code.lower()})[0]
