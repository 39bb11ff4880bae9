"""What the public sees of a listing, worked out once for the listing page and search results alike."""

import nh3
from django.utils.safestring import mark_safe

from .models import AvailabilitySlot, RateCardItem, Verification

# What a description may contain once re-sanitised here (the dashboard sanitises it on save too: defence in depth).
DESCRIPTION_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a"}
DESCRIPTION_ATTRIBUTES = {"a": {"href"}}
DESCRIPTION_URL_SCHEMES = {"http", "https", "mailto", "tel"}


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


def current_verifications(supplier):
    return list(Verification.objects.current().filter(supplier=supplier).order_by("kind", "-decided_at"))


def approximate_area(listing):
    """Where a listing is based, in words. A PA's home is private: only their public area label, or the listing's
    approximate place, is ever shown; postcodes never are."""
    if listing.is_personal_assistant:
        pa = listing.supplier.personal_assistant
        return public_area_label(listing.base_label, pa.area_label, (pa.home_postcode, listing.base_postcode))
    return listing.base_label


def public_area_label(base_label, area_label, private_postcodes):
    """A personal assistant's area in words: their own label, else the listing's place, unless it names a postcode."""
    private = {_compact(postcode) for postcode in private_postcodes} - {""}
    for label in (area_label, base_label):
        if label and not any(postcode in _compact(label) for postcode in private):
            return label
    return ""


def _compact(text):
    return "".join((text or "").split()).upper()
