"""The public listing page: every public fact about one listing, in a bounded number of queries."""

from django.shortcuts import get_object_or_404, render
from wagtail.models import Locale

from marketplace.core.terms import localize

from .. import listing_page
from ..models import AvailabilitySlot, Listing, Verification
from ..presenters import (
    approximate_area,
    availability_rows,
    current_verifications,
    headline_price,
    rate_rows,
    sanitise_description,
)

TAXONOMIES = ("service_types", "needs", "funding_options", "languages")


def public_listings():
    return (
        Listing.objects.publicly_visible()
        .select_related("supplier__organisation", "supplier__personal_assistant")
        .prefetch_related(
            *TAXONOMIES,
            "council_areas",
            "rates",
            "availability",
            "photos",
        )
    )


def listing_detail(request, slug):
    listing = get_object_or_404(public_listings(), slug=slug)
    locale = Locale.get_active()
    terms = {name: localize(getattr(listing, name).all(), locale) for name in TAXONOMIES}
    verifications = current_verifications(listing.supplier)
    context = {
        "listing": listing,
        "profile": listing.supplier.profile,
        "description": sanitise_description(listing.description),
        "terms": terms,
        "service_types": terms["service_types"],
        "needs": terms["needs"],
        "funding_options": terms["funding_options"],
        "languages": terms["languages"],
        "council_areas": list(listing.council_areas.all()),
        "rates": rate_rows(listing.rates.all()),
        "headline_price": headline_price(listing.rates.all()),
        "availability_rows": availability_rows(listing.availability.all()),
        "availability_bands": [band.label for band in AvailabilitySlot.Band],
        "has_availability": bool(listing.availability.all()),
        "photos": list(listing.photos.all()),
        "verifications": verifications,
        "registration_checked": next((v for v in verifications if v.kind == Verification.Kind.REGISTRATION), None),
        "area_place": approximate_area(listing),
        "is_stale": listing.freshness() == Listing.Freshness.STALE,
        **listing_page.sections(listing, request, terms),
    }
    return render(request, "providers/listing_detail.html", context)
