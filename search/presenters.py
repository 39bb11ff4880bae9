"""Turning search results into what the page shows: listing cards, facet options, active filters, suggestions."""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from providers.models import Listing, Verification
from providers.views.public import approximate_area, format_price

from . import links
from .backends.base import FACETS
from .documents import hourly_from
from .query import KM_PER_MILE

FACET_PARAMETERS = {
    "needs": "need",
    "service_types": "service",
    "funding": "funding",
    "languages": "language",
    "gender": "gender",
    "days": "day",
    "bands": "time",
    "short_notice": "short_notice",
    "verified": "verified",
    "accepting": "accepting",
}
PARAMETER_FACETS = {parameter: facet for facet, parameter in FACET_PARAMETERS.items()}
FLAG_PARAMETERS = ("short_notice", "verified", "accepting")


def format_distance(km, units, approximate=False):
    if km is None:
        return ""
    value = km / KM_PER_MILE if units == "mi" else km
    shown = f"{value:.1f}" if value < 10 else f"{value:.0f}"
    if approximate:
        shown = f"{max(1, round(value))}"
    if units == "mi":
        text = ngettext("%(distance)s mile away", "%(distance)s miles away", 1 if shown == "1" else 2)
    else:
        text = ngettext("%(distance)s km away", "%(distance)s km away", 1 if shown == "1" else 2)
    text = text % {"distance": shown}
    return _("About %(distance)s") % {"distance": text} if approximate else text


def _verified_owners(listings):
    organisations = {listing.organisation_id for listing in listings if listing.organisation_id}
    assistants = {listing.personal_assistant_id for listing in listings if listing.personal_assistant_id}
    rows = Verification.objects.current().filter(
        Q(organisation_id__in=organisations) | Q(personal_assistant_id__in=assistants)
    )
    return {
        ("organisation", organisation) if organisation else ("personal_assistant", assistant)
        for organisation, assistant in rows.values_list("organisation_id", "personal_assistant_id")
    }


def listing_cards(hits, labels, units, fair_prices, direct_payment_rate, place_params):
    """One card per hit, in order, with every listing and its terms loaded in a fixed number of queries."""
    # Only what is public now: the engine's index can lag a moment behind an archive or suspension.
    listings = (
        Listing.objects.publicly_visible()
        .select_related("organisation", "personal_assistant")
        .prefetch_related("needs", "service_types", "languages", "rates")
    )
    by_id = {listing.pk: listing for listing in listings.filter(pk__in=[hit.listing_id for hit in hits])}
    verified = _verified_owners(by_id.values())
    cards = []
    for hit in hits:
        listing = by_id.get(hit.listing_id)
        if listing is None:  # unpublished since the engine indexed it
            continue
        price = hourly_from(listing.rates.all())
        service_types = [item.slug for item in listing.service_types.all()]
        market = next((fair_prices[slug] for slug in service_types if slug in fair_prices), None)
        market_type = next((slug for slug in service_types if slug in fair_prices), None)
        cards.append(
            {
                "listing": listing,
                "url": listing_url(listing, place_params),
                "distance": format_distance(hit.distance_km, units, approximate=listing.is_personal_assistant),
                "area": approximate_area(listing),
                "price": format_price(price) if price is not None else "",
                "market": market,
                "market_service": labels["service_types"].get(market_type, ""),
                "market_position": market.compare(price) if market else None,
                "direct_payment_rate": direct_payment_rate,
                "dp_position": _dp_position(price, direct_payment_rate),
                "needs": [labels["needs"].get(item.slug, item.name) for item in listing.needs.all()],
                "service_types": [labels["service_types"].get(slug, slug) for slug in service_types],
                "languages": [labels["languages"].get(item.slug, item.name) for item in listing.languages.all()],
                "verified": ("organisation", listing.organisation_id) in verified
                or ("personal_assistant", listing.personal_assistant_id) in verified,
                "is_stale": listing.freshness() == Listing.Freshness.STALE,
                "latitude": round(listing.latitude, 2 if listing.is_personal_assistant else 4)
                if listing.latitude is not None
                else None,
                "longitude": round(listing.longitude, 2 if listing.is_personal_assistant else 4)
                if listing.longitude is not None
                else None,
            }
        )
    return cards


def _dp_position(price, rate):
    if price is None or rate is None:
        return None
    if price > float(rate.hourly_rate):
        return "above"
    return "within"


def listing_url(listing, place_params):
    from django.urls import reverse

    url = reverse("listings:detail", args=[listing.slug])
    return f"{url}?{place_params.urlencode()}" if place_params else url


def facet_groups(form, facets, params):
    """The filter panel: each facet's options with their labels, counts and whether they are chosen."""
    groups = []
    for facet, _kind in FACETS:
        parameter = FACET_PARAMETERS[facet]
        counts = facets.get(facet, {})
        chosen = set(params.getlist(parameter))
        if parameter in FLAG_PARAMETERS:
            options = [("1", form.fields[parameter].label, counts.get("true", 0))]
            chosen = {"1"} if form.cleaned_data.get(parameter) else set()
        else:
            options = [
                (str(value), label, counts.get(str(value), 0))
                for value, label in form.fields[parameter].choices
                if value != ""
            ]
        groups.append(
            {
                "facet": facet,
                "parameter": parameter,
                "label": form.fields[parameter].label,
                "single": parameter == "gender",
                "flag": parameter in FLAG_PARAMETERS,
                "options": [
                    {"value": value, "label": label, "count": count, "selected": value in chosen}
                    for value, label, count in options
                ],
            }
        )
    return groups


def active_filters(form, params):
    """Every choice the searcher made, each with a link that removes just that one."""
    chosen = []
    data = form.cleaned_data
    if data.get("q"):
        chosen.append((_("Words: “%(words)s”") % {"words": data["q"]}, [("q", None)]))
    for parameter in ("need", "service", "funding", "language", "gender", "day", "time"):
        labels = dict(form.fields[parameter].choices)
        for value in params.getlist(parameter):
            if value in labels and value:
                chosen.append((labels[value], [(parameter, value)]))
    for parameter in FLAG_PARAMETERS:
        if data.get(parameter):
            chosen.append((form.fields[parameter].label, [(parameter, None)]))
    if data.get("max_price") is not None:
        chosen.append(
            (_("Up to %(price)s an hour") % {"price": format_price(data["max_price"])}, [("max_price", None)])
        )
    if data.get("within"):
        units = data.get("units") or "mi"
        text = _("Based within %(distance)s miles") if units == "mi" else _("Based within %(distance)s km")
        chosen.append((text % {"distance": data["within"]}, [("within", None)]))
    return [{"label": label, "url": links.url(links.with_changes(params, remove=remove))} for label, remove in chosen]


def map_markers(cards):
    return [
        {
            "lat": card["latitude"],
            "lon": card["longitude"],
            "title": card["listing"].title,
            "url": card["url"],
            "approximate": card["listing"].is_personal_assistant,
        }
        for card in cards
        if card["latitude"] is not None
    ]


_QUERY_FIELDS = {
    "need": "needs",
    "service": "service_types",
    "funding": "funding",
    "language": "languages",
    "day": "days",
    "time": "bands",
}


def removals(form, params, query):
    """Each single change that widens the search: drop one choice, the words, or the distance limit."""
    changes = []
    data = form.cleaned_data
    for parameter, field in _QUERY_FIELDS.items():
        labels = dict(form.fields[parameter].choices)
        for value in getattr(query, field):
            remaining = tuple(v for v in getattr(query, field) if v != value)
            label = _("Remove “%(choice)s”") % {"choice": labels.get(str(value), value)}
            changes.append(_change(label, params, [(parameter, str(value))], query.but(**{field: remaining})))
    flags = {"short_notice": "short_notice", "verified": "verified_only", "accepting": "accepting_only"}
    for parameter, field in flags.items():
        if getattr(query, field):
            label = _("Remove “%(choice)s”") % {"choice": form.fields[parameter].label}
            changes.append(_change(label, params, [(parameter, None)], query.but(**{field: False})))
    if query.gender:
        label = _("Remove “%(choice)s”") % {"choice": dict(form.fields["gender"].choices)[query.gender]}
        changes.append(_change(label, params, [("gender", None)], query.but(gender="")))
    if query.max_price is not None:
        changes.append(_change(_("Remove the price limit"), params, [("max_price", None)], query.but(max_price=None)))
    if query.text:
        changes.append(_change(_("Search without the words"), params, [("q", None)], query.but(text="")))
    if query.within_km is not None:
        within = data["within"]
        units = data.get("units") or "mi"
        wider = min(within * 2, 200)
        if wider > within:
            text = _("Search within %(distance)s miles") if units == "mi" else _("Search within %(distance)s km")
            change = _change(
                text % {"distance": wider}, params, [], query.but(within_km=query.within_km * wider / within)
            )
            change["url"] = links.url(links.with_changes(params, add=[("within", wider)]))
            changes.append(change)
        changes.append(_change(_("Remove the distance limit"), params, [("within", None)], query.but(within_km=None)))
    return changes


def _change(label, params, remove, query):
    return {"label": label, "url": links.url(links.with_changes(params, remove=remove)), "query": query}
