"""The public listing page: every public fact about one listing, in a bounded number of queries."""

import nh3
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe
from wagtail.models import Locale

from providers.localization import localize_terms
from reviews.presenters import listing_reviews
from search.market import market_comparison

from ..models import AvailabilitySlot, Listing, RateCardItem, Verification

# What a description may contain once re-sanitised here (the dashboard sanitises it on save too: defence in depth).
DESCRIPTION_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a"}
DESCRIPTION_ATTRIBUTES = {"a": {"href"}}
DESCRIPTION_URL_SCHEMES = {"http", "https", "mailto", "tel"}

TAXONOMIES = ("service_types", "needs", "funding_options", "languages")


def sanitise_description(html):
    """Only simple formatting and plain links survive; scripts, styles, event handlers and odd URLs never do."""
    if not html:
        return ""
    cleaned = nh3.clean(
        html,
        tags=DESCRIPTION_TAGS,
        attributes=DESCRIPTION_ATTRIBUTES,
        url_schemes=DESCRIPTION_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(cleaned)  # noqa: S308 - nh3 has just removed everything but the allowed tags


def availability_rows(slots):
    """Days as rows and bands as columns, each cell saying whether the listing is available."""
    available = {(slot.day, slot.band) for slot in slots}
    return [
        {
            "day": day.label,
            "cells": [
                {"band": band.label, "available": (day.value, band.value) in available}
                for band in AvailabilitySlot.Band
            ],
        }
        for day in AvailabilitySlot.Day
    ]


def format_price(amount):
    """GBP with pence, e.g. £12.50 or £1,250.00."""
    return f"£{amount:,.2f}"


def rate_rows(rates):
    return [{"rate": rate, "price": format_price(rate.amount)} for rate in rates]


def headline_price(rates):
    """For the key facts at the top of the page: the lowest hourly price, else the lowest price of any kind."""
    rates = list(rates)
    hourly = [rate for rate in rates if rate.unit == RateCardItem.Unit.HOUR]
    if not rates:
        return None
    cheapest = min(hourly or rates, key=lambda rate: rate.amount)
    return {"price": format_price(cheapest.amount), "unit": cheapest.get_unit_display()}


def public_listings():
    return (
        Listing.objects.publicly_visible()
        .select_related("organisation", "personal_assistant")
        .prefetch_related(
            *TAXONOMIES,
            "council_areas",
            "rates",
            "availability",
            "photos",
        )
    )


def current_verifications(listing):
    subject = {"personal_assistant": listing.personal_assistant} if listing.is_personal_assistant else {}
    if not subject:
        subject = {"organisation": listing.organisation}
    return list(Verification.objects.current().filter(**subject).order_by("kind", "-decided_at"))


def approximate_area(listing):
    """Where a listing is based, in words. A PA's home is private: only their public area label, or the listing's
    approximate place, is ever shown; postcodes never are."""
    if listing.is_personal_assistant:
        pa = listing.personal_assistant
        private = {_compact(pa.home_postcode), _compact(listing.base_postcode)} - {""}
        for label in (pa.area_label, listing.base_label):
            if label and not any(postcode in _compact(label) for postcode in private):
                return label
        return ""
    return listing.base_label


def _compact(text):
    return "".join((text or "").split()).upper()


def listing_detail(request, slug):
    listing = get_object_or_404(public_listings(), slug=slug)
    locale = Locale.get_active()
    terms = {name: localize_terms(getattr(listing, name).all(), locale) for name in TAXONOMIES}
    verifications = current_verifications(listing)
    context = {
        "listing": listing,
        "owner": listing.owner,
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
        "market": market_comparison(listing, terms["service_types"], request.GET),
        "reviews": listing_reviews(listing, request.user),
    }
    return render(request, "providers/listing_detail.html", context)
