"""How a listing's hourly price compares with the local market, for the public listing page."""

from django.core.cache import cache

from marketplace.geography import places

from . import engine, prices
from .documents import hourly_from
from .forms import place_from, place_near, shared_location
from .query import ListingQuery, Place

LOCAL_PRICES_CACHE_SECONDS = 600


def place_for_listing_page(params, listing):
    """The place the visitor searched (carried from the results as ?where=… or ?near=…), else the listing's base."""
    where = params.get("where", "")
    if where:
        resolution = places.resolve(where)
        if len(resolution.locations) == 1:
            return place_from(resolution.locations[0], qualified="," in where)
    elif near := params.get("near", ""):
        try:
            return place_near(shared_location(near))
        except ValueError:
            pass
    if listing.latitude is None:
        return None
    point = places.Point(listing.latitude, listing.longitude)
    council = places.council_for(point)
    return Place(listing.base_label or listing.title, point, council and council.name, None, council and council.code)


def local_prices(place):
    """Fair prices around a place, cached for a few minutes: every visit to a listing page would otherwise run a
    whole search just for them."""
    point = place.point
    council = place.council_code or "-"
    key = f"local-prices:{point.latitude:.3f}:{point.longitude:.3f}:{council}"
    found = cache.get(key)
    if found is None:
        found = engine.search(ListingQuery(place=place, page_size=0)).fair_prices
        cache.set(key, found, LOCAL_PRICES_CACHE_SECONDS)
    return found


def market_comparison(listing, service_types, params):
    """Local prices (median and middle half) for this listing's service types, and the council's direct-payment
    rate, around the place searched; None when there is nothing fair to compare with."""
    place = place_for_listing_page(params, listing)
    if place is None:
        return None
    price = hourly_from(listing.rates.all())
    market = local_prices(place)
    rows = [
        {"service": term.name, "market": market[term.slug], "position": market[term.slug].compare(price)}
        for term in service_types
        if term.slug in market
    ]
    rate = prices.direct_payment_rate(place.council_code, [term.slug for term in service_types])
    if not rows and rate is None:
        return None
    return {
        "place": place,
        "price": price,
        "rows": rows,
        "direct_payment_rate": rate,
        "above_direct_payment_rate": price is not None and rate is not None and price > rate.hourly_rate,
    }
