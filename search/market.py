"""How a listing's hourly price compares with the local market, for the public listing page."""

from django.http import QueryDict

from . import engine, geocoding, prices
from .documents import hourly_from
from .forms import SearchForm
from .query import ListingQuery, Place


def place_for_listing_page(params, listing):
    """The place the visitor searched (carried from the results as ?where=…), else where the listing is based."""
    if params.get("where") or params.get("near"):
        form_data = QueryDict(mutable=True)
        for key in ("where", "near"):
            if key in params:
                form_data.setlist(key, params.getlist(key)[:1])
        form = SearchForm(form_data)
        if form.is_valid() and not form.is_ambiguous:
            return form.place
    if listing.latitude is None:
        return None
    point = geocoding.Point(listing.latitude, listing.longitude)
    return Place(listing.base_label or listing.title, point, geocoding.council_area_for(point))


def market_comparison(listing, service_types, params):
    """Local prices (median and middle half) for this listing's service types, and the council's direct-payment
    rate, around the place searched; None when there is nothing fair to compare with."""
    place = place_for_listing_page(params, listing)
    if place is None:
        return None
    price = hourly_from(listing.rates.all())
    market = engine.search(ListingQuery(place=place, page_size=0)).fair_prices
    rows = [
        {"service": term.name, "market": market[term.slug], "position": market[term.slug].compare(price)}
        for term in service_types
        if term.slug in market
    ]
    rate = None
    if place.council_area:
        rate = prices.direct_payment_rate(place.council_area, [term.slug for term in service_types] or None)
    if not rows and rate is None:
        return None
    return {
        "place": place,
        "price": price,
        "rows": rows,
        "direct_payment_rate": rate,
        "above_direct_payment_rate": price is not None and rate is not None and price > float(rate.hourly_rate),
    }
