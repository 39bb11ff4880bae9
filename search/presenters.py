"""Turning search results into what the page shows: listing cards, facet options, active filters, widenings."""

import functools
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy, ngettext, pgettext
from django.utils.translation import gettext as _

from marketplace.core.terms import localize
from providers.models import Listing, Organisation, Supplier
from providers.presenters import format_price
from reviews.aggregates import stars
from reviews.awards import held_stamps

from . import document_cache, links, prices
from .backends.base import FACETS
from .backends.database import is_fresh, is_verified
from .documents import card_document
from .forms import SORT_LABELS, UNIT_LABELS
from .query import KM_PER_MILE, SORTS

# Each facet's URL parameter, and the ListingQuery field that holds its choices.
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
    "rating": "rating",
    "stamps": "stamp",
}
# Single-choice groups (radios), with what their empty choice says.
SINGLE_CHOICE = {"gender": gettext_lazy("No preference"), "rating": gettext_lazy("Any rating")}
TERM_PARAMETERS = (("needs", "need"), ("service_types", "service"), ("languages", "language"), ("funding", "funding"))
FLAG_FIELDS = {"short_notice": "short_notice", "verified": "verified_only", "accepting": "accepting_only"}
# Choices where ticking more finds more ("any of"): one fewer can only find fewer, so no-results offers the group.
ANY_OF_FIELDS = {
    "service": "service_types",
    "funding": "funding",
    "language": "languages",
}
# Sorts offered on the page: all of them ("highest rated" puts listings without reviews last, nearest first).
OFFERED_SORTS = SORTS
# What the page says about the order it shows, beside the sort links: the rules of `backends.database.sort_key`.
SORT_EXPLANATIONS = {
    "best": gettext_lazy(
        "Best match: a mix of how near each listing is, whether we have verified its checks, whether its details "
        "were confirmed recently, and its rating."
    ),
    "best_words": gettext_lazy(
        "Best match: listings that match more of your words come first. Among those, a mix of where your words "
        "appear, how near each listing is, verified checks, recently confirmed details and rating."
    ),
    "nearest": gettext_lazy(
        "Nearest: by the distance shown. A personal assistant’s distance is to the middle of the area they are "
        "based in, not to their home, which stays private."
    ),
    "price": gettext_lazy("Lowest price: by the lowest hourly price. Listings without an hourly price come last."),
    "rating": gettext_lazy(
        "Highest rated: by a score that counts how many reviews a listing has as well as their average, so one or "
        "two excellent reviews do not outrank a long record of good ones. Listings without reviews come last."
    ),
}


def format_distance(km, units, approximate=False):
    """ "1.2 miles away", "12 km away"; a personal assistant's "About 1.2 miles away", as their base is only the
    middle of the area about 2 km across that holds their home (`marketplace.geography.places.approximate`).

    Everyone's distance is rounded the same way, so results sorted by distance read in order: a PA's distance
    rounded to whole miles would put "About 2 miles" above "1.9 miles"."""
    if km is None:
        return ""
    value = km / KM_PER_MILE if units == "mi" else km
    if value >= 10:
        whole = round(value)
        if units == "mi":
            text = ngettext("%(distance)s mile away", "%(distance)s miles away", whole)
        else:
            text = ngettext("%(distance)s km away", "%(distance)s km away", whole)
        text = text % {"distance": whole}
    else:
        # 2.5 in English, 2,5 in Polish (number_format truncates, hence the rounding first); never "0.0".
        shown = number_format(max(round(value, 1), 0.1), 1)
        if units == "mi":
            text = pgettext("a distance with a decimal point", "%(distance)s miles away") % {"distance": shown}
        else:
            text = pgettext("a distance with a decimal point", "%(distance)s km away") % {"distance": shown}
    return _("About %(distance)s") % {"distance": text} if approximate else text


def listing_cards(hits, labels, units, fair_prices, rates, place_params, now=None):
    """One card per hit, in order, from the listings' search documents: one query for which hits are still public
    and current, three for the stamps they hold. The engine's hits bring their card fields along, used while the
    listing's row is as they were indexed; other documents are kept between searches by `document_cache`.

    `rates` are the council's direct-payment rates in force (`prices.rates_in_force`): each card compares its
    price with the rate for its own service types."""
    now = now or timezone.now()
    # Only what is public now: the engine's index can lag a moment behind an archive or suspension.
    visible = dict(
        Listing.objects.publicly_visible(now=now)
        .filter(pk__in=[hit.listing_id for hit in hits])
        .order_by()
        .values_list("pk", "updated_at")
    )
    by_id = _documents_from_engine(hits, visible)
    still_to_read = {listing_id: updated for listing_id, updated in visible.items() if listing_id not in by_id}
    if still_to_read:
        for document in document_cache.documents(still_to_read, Listing.objects.all(), now):
            by_id[document["id"]] = document
    stamps = _stamps_held(list(by_id))
    cards = []
    for hit in hits:
        document = by_id.get(hit.listing_id)
        if document is None:
            continue
        hourly = document["hourly_from"]
        price = Decimal(str(hourly)) if hourly is not None else None
        # In the terms' order, as the listing page takes them: the first with local prices is the one compared.
        service_types = _chosen_in_order(labels["service_types"], document["service_types"])
        market_type = next((slug for slug in service_types if slug in fair_prices), None)
        market = fair_prices.get(market_type)
        rate = prices.choose(rates, service_types)
        is_pa = document["kind"] == Supplier.Kind.PERSONAL_ASSISTANT
        cards.append(
            {
                "slug": document["slug"],
                "title": document["title"],
                "summary": document["summary"],
                "accepting": document["accepting"],
                "short_notice": document["short_notice"],
                "url": listing_url(document["slug"], place_params),
                "distance": format_distance(hit.distance_km, units, approximate=is_pa),
                "area": document["area"],
                "location": document["location"],
                "is_personal_assistant": is_pa,
                "price": format_price(price) if price is not None else "",
                "price_text": _("From %(price)s an hour") % {"price": format_price(price)} if price is not None else "",
                "market": market,
                "market_service": labels["service_types"].get(market_type, ""),
                "market_position": market.compare(price) if market else None,
                "direct_payment_rate": rate,
                "above_direct_payment_rate": price is not None and rate is not None and price > rate.hourly_rate,
                "needs": _in_choice_order(labels["needs"], document["needs"]),
                "service_types": [labels["service_types"][slug] for slug in service_types],
                "languages": _in_choice_order(labels["languages"], document["languages"]),
                "verified": is_verified(document, now),
                "kind": _kind_label(document),
                "is_stale": not is_fresh(document, now),
                "rating": _rating(document["average_rating"], document["review_count"]),
                "stamps": stamps.get(document["id"], []),
            }
        )
    return cards


def _documents_from_engine(hits, visible):
    """{listing id: document} from the card fields the engine's hits carry, for listings whose row has not changed
    since they were indexed (`visible`: {id: updated_at}). The row changes when the listing does; what else a card
    shows (checks, ratings) reindexes the listing when it changes."""
    by_id = {}
    for hit in hits:
        if hit.card is None or hit.listing_id not in visible:
            continue
        document = card_document(hit.card)
        if document["updated_at"] == visible[hit.listing_id]:
            by_id[hit.listing_id] = document
    return by_id


def _chosen_in_order(labels, slugs):
    """The slugs among `slugs`, in the order the filters list them (`labels`: {slug: name})."""
    chosen = set(slugs)
    return [slug for slug in labels if slug in chosen]


def _in_choice_order(labels, slugs):
    """The names of the chosen terms in the reader's language, in the order the filters list them."""
    return [labels[slug] for slug in _chosen_in_order(labels, slugs)]


def _kind_label(document):
    """What the public is told the supplier is (`Supplier.kind_label`): "Personal assistant", or "Charity"."""
    if document["kind"] == Supplier.Kind.PERSONAL_ASSISTANT:
        return dict(Supplier.Kind.choices).get(document["kind"], document["kind"])
    return dict(Organisation.Kind.choices).get(document["organisation_kind"], document["organisation_kind"])


def _rating(average, count):
    """What a card says about reviews: "4.6 out of 5 from 12 reviews", and stars for the eye only."""
    if average is None or not count:
        return None
    text = ngettext(
        "%(average)s out of 5 from %(count)s review", "%(average)s out of 5 from %(count)s reviews", count
    ) % {"average": number_format(average, 1), "count": count}
    return {"text": text, "stars": stars(average), "average": average, "count": count}


def _stamps_held(listing_ids):
    """{listing id: [stamp card, …]} for the stamps held now, named in the reader's language: three queries at most
    for the whole page (two for the stamps held, one for their translations)."""
    held = held_stamps(listing_ids, timezone.now())
    localized = dict(
        zip(
            [item.stamp.pk for items in held.values() for item in items],
            localize([item.stamp for items in held.values() for item in items]),
            strict=True,
        )
    )
    criteria = reverse("reviews:stamps")
    return {
        listing_id: [
            {
                "slug": item.stamp.slug,
                "name": localized[item.stamp.pk].name,
                "icon": item.stamp.icon_path,
                "icon_alt": localized[item.stamp.pk].icon_alt_text,
                "endorsers": item.endorsers,
                "endorsers_text": ngettext(
                    "endorsed by %(counter)s reviewer", "endorsed by %(counter)s reviewers", item.endorsers
                )
                % {"counter": item.endorsers},
                "url": f"{criteria}#stamp-{item.stamp.slug}",
            }
            for item in items
        ]
        for listing_id, items in held.items()
    }


def listing_url(slug, place_params):
    """The listing page, told which place was searched so it can compare prices there."""
    url = reverse("listings:detail", args=[slug])
    return f"{url}?{place_params.urlencode()}" if place_params else url


def facet_groups(form, facets, params):
    """The filter panel: each facet's options with their labels, counts and whether they are chosen."""
    groups = []
    for facet, _kind in FACETS:
        parameter = FACET_PARAMETERS[facet]
        counts = facets.get(facet, {})
        if parameter in FLAG_FIELDS:
            chosen = {"1"} if form.cleaned_data.get(parameter) else set()
            options = [("1", form.fields[parameter].label, counts.get("true", 0))]
        else:
            chosen = set(params.getlist(parameter))
            options = [
                (str(value), label, counts.get(str(value), 0))
                for value, label in form.fields[parameter].choices
                if value != ""
            ]
        single = parameter in SINGLE_CHOICE
        groups.append(
            {
                "facet": facet,
                "parameter": parameter,
                "label": form.fields[parameter].label,
                "single": single,
                # GOV.UK Frontend's class names for the group's kind of control: govuk-radios__item, …
                "control": "radios" if single else "checkboxes",
                "input_type": "radio" if single else "checkbox",
                "any_label": SINGLE_CHOICE.get(parameter, ""),
                "chosen_count": len(chosen),
                "options": [
                    {
                        "value": value,
                        "label": label,
                        "count": count,
                        "count_text": _count_text(count),
                        "selected": value in chosen,
                    }
                    for value, label, count in options
                ],
            }
        )
    return groups


def _count_text(count):
    """How many results an option would give: the number, and a word for screen readers (a hundred of these on a
    page: worked out here rather than by a template tag for each, and once per language and number)."""
    return _count_text_in(get_language(), int(count))


@functools.lru_cache(maxsize=2048)
def _count_text_in(language, count):
    with translation.override(language):
        return mark_safe(  # noqa: S308 - the number, and markup from our own translation catalogues
            ngettext(
                '%(counter)s<span class="govuk-visually-hidden"> result</span>',
                '%(counter)s<span class="govuk-visually-hidden"> results</span>',
                count,
            )
            % {"counter": count}
        )


def active_filters(form, params):
    """Every choice the searcher made, each with a link that removes just that one."""
    chosen = []
    data = form.cleaned_data
    if data.get("q"):
        chosen.append((_("Words: “%(words)s”") % {"words": data["q"]}, [("q", None)]))
    for parameter in ("need", "service", "funding", "language", "gender", "day", "time", "rating", "stamp"):
        labels = dict(form.fields[parameter].choices)
        for value in params.getlist(parameter):
            if value and value in labels:
                chosen.append((labels[value], [(parameter, value)]))
    for parameter in FLAG_FIELDS:
        if data.get(parameter):
            chosen.append((form.fields[parameter].label, [(parameter, None)]))
    if data.get("max_price") is not None:
        chosen.append(
            (_("Up to %(price)s an hour") % {"price": format_price(data["max_price"])}, [("max_price", None)])
        )
    if data.get("within"):
        text = _("Based within %(distance)s miles") if units_of(form) == "mi" else _("Based within %(distance)s km")
        chosen.append((text % {"distance": data["within"]}, [("within", None)]))
    return [{"label": label, "url": links.url(links.with_changes(params, remove=remove))} for label, remove in chosen]


def units_of(form):
    return form.cleaned_data.get("units") or "mi"


def sorts(params, query):
    return [
        {
            "label": SORT_LABELS[key],
            "url": links.url(links.with_changes(params, add=[("sort", key)])),
            "current": key == query.sort,
        }
        for key in OFFERED_SORTS
    ]


def sort_explanation(query):
    """How the results on the page are ordered, in a sentence."""
    key = "best_words" if query.sort == "best" and query.text else query.sort
    return SORT_EXPLANATIONS[key]


def other_units(params, form):
    """The link that shows distances in the other unit, with the distance limit converted so results stay the same."""
    units = units_of(form)
    other = "km" if units == "mi" else "mi"
    add = [("units", other)]
    if within := form.cleaned_data.get("within"):
        converted = within * KM_PER_MILE if units == "mi" else within / KM_PER_MILE
        add.append(("within", min(200, max(1, round(converted)))))
    return {"label": UNIT_LABELS[other], "url": links.url(links.with_changes(params, add=add))}


def widenings(form, params, query):
    """Single changes that can only widen the search: drop one need or stamp (both "all of"), the rating limit,
    a whole "any of" group, a yes/no choice, the gender, the price limit, the words, or double or drop the distance
    limit."""
    changes = []
    labels = dict(form.fields["need"].choices)
    for need in query.needs:
        remaining = tuple(n for n in query.needs if n != need)
        label = _("Remove “%(choice)s”") % {"choice": labels.get(need, need)}
        changes.append(_change(label, params, [("need", need)], query.but(needs=remaining)))
    stamp_labels = dict(form.fields["stamp"].choices)
    for stamp in query.stamps:
        remaining = tuple(s for s in query.stamps if s != stamp)
        label = _("Remove “%(choice)s”") % {"choice": stamp_labels.get(stamp, stamp)}
        changes.append(_change(label, params, [("stamp", stamp)], query.but(stamps=remaining)))
    if query.min_rating is not None:
        changes.append(_change(_("Remove the rating limit"), params, [("rating", None)], query.but(min_rating=None)))
    for parameter, field in ANY_OF_FIELDS.items():
        if getattr(query, field):
            label = _("Remove your choices under “%(group)s”") % {"group": form.fields[parameter].label}
            changes.append(_change(label, params, [(parameter, None)], query.but(**{field: ()})))
    if query.days or query.bands:
        # A day and a time together must meet in one slot: dropping both is the widest availability change.
        label = _("Remove the days and times")
        changes.append(_change(label, params, [("day", None), ("time", None)], query.but(days=(), bands=())))
    for parameter, field in FLAG_FIELDS.items():
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
        within = form.cleaned_data["within"]
        wider = min(within * 2, 200)
        if wider > within:
            text = (
                _("Search within %(distance)s miles") if units_of(form) == "mi" else _("Search within %(distance)s km")
            )
            change = _change(
                text % {"distance": wider}, params, [], query.but(within_km=query.within_km * wider / within)
            )
            change["url"] = links.url(links.with_changes(params, add=[("within", wider)]))
            changes.append(change)
        changes.append(_change(_("Remove the distance limit"), params, [("within", None)], query.but(within_km=None)))
    return changes


def _change(label, params, remove, query):
    return {"label": label, "url": links.url(links.with_changes(params, remove=remove)), "query": query}


def map_markers(cards):
    """What the map shows: the listings on this page, at their bases (a personal assistant's is approximate)."""
    return [
        {
            "lat": round(card["location"]["lat"], 5),
            "lon": round(card["location"]["lon"], 5),
            "title": card["title"],
            "url": card["url"],
            "approximate": card["is_personal_assistant"],
        }
        for card in cards
        if card["location"] is not None
    ]
