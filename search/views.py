import math

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from wagtail.models import Locale

from home.models import GuidancePage

from . import demand, engine, links, presenters, prices
from .forms import SORT_LABELS, UNIT_LABELS, SearchForm
from .query import ListingQuery

PAGE_SIZE = 10
MAX_QUERY_LENGTH = 200


def guidance_search(request):
    """Search guidance in the reader's language (untranslated pages appear as their English aliases)."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    results = None
    if query:
        pages = (
            GuidancePage.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .select_related("locale", "alias_of__locale")
        )
        results = Paginator(pages.search(query), PAGE_SIZE)
        try:
            results = results.page(request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage):
            results = results.page(1)
    return render(request, "search/search.html", {"query": query, "results": results})


SUGGESTION_LIMIT = 5


def find_support(request):
    """Who serves a place and meets a need: the query lives in the URL; every page works without JavaScript."""
    params = links.canonical(request.GET)
    carried = {
        "carry_to_search": [
            (k, v) for k, values in params.lists() if k not in ("where", "near", "q", "page") for v in values
        ],
        "carry_to_filters": [
            (k, v) for k, values in params.lists() if k in ("where", "near", "q", "sort", "units") for v in values
        ],
    }
    if not request.GET:
        return render(request, "search/find_support.html", {"form": SearchForm(), "params": params})
    form = SearchForm(params)
    if not form.is_valid():
        return render(request, "search/find_support.html", {"form": form, "params": params, **carried}, status=400)
    if form.is_ambiguous:
        choices = place_choices(form.locations, params)
        context = {"form": form, "params": params, "place_choices": choices, **carried}
        return render(request, "search/find_support.html", context)
    query = form.query()
    results = engine.search(query)
    last_page = max(1, math.ceil(results.total / query.page_size))
    context = {**results_context(form, params, query, results), **carried}
    if query.page > last_page:
        context["page_missing"] = links.url(links.with_changes(params, add=[("page", last_page)]))
        return render(request, "search/find_support.html", context, status=404)
    if query.page == 1:
        demand.record(query, results)
    return render(request, "search/find_support.html", context)


def place_choices(locations, params):
    choices = []
    for location in locations:
        qualifier = location.council_area or location.country or ""
        label = f"{location.label}, {qualifier}" if qualifier else location.label
        choices.append({"label": label, "url": links.url(links.with_changes(params, add=[("where", label)]))})
    return choices


def results_context(form, params, query, results):
    units = form.cleaned_data.get("units") or "mi"
    labels = {facet: dict(form.fields[parameter].choices) for facet, parameter in TERM_FACETS}
    council = query.place.council_area
    dp_rate = prices.direct_payment_rate(council) if council else None
    place_params = links.with_changes(
        params, remove=[(key, None) for key in params if key not in ("where", "near", "units")]
    )
    cards = presenters.listing_cards(results.hits, labels, units, results.fair_prices, dp_rate, place_params)
    page_count = max(1, math.ceil(results.total / query.page_size))
    context = {
        "form": form,
        "params": params,
        "query": query,
        "results": results,
        "cards": cards,
        "units": units,
        "facet_groups": presenters.facet_groups(form, results.facets, params),
        "active_filters": presenters.active_filters(form, params),
        "sorts": [
            {
                "label": label,
                "url": links.url(links.with_changes(params, add=[("sort", key)])),
                "current": key == query.sort,
            }
            for key, label in SORT_LABELS.items()
        ],
        "other_units": {
            "label": UNIT_LABELS["km" if units == "mi" else "mi"],
            "url": links.url(
                links.with_changes(params, add=[("units", "km" if units == "mi" else "mi")], keep_page=True)
            ),
        },
        "page_count": page_count,
        "previous_url": links.url(links.with_changes(params, add=[("page", query.page - 1)], keep_page=True))
        if query.page > 1
        else None,
        "next_url": links.url(links.with_changes(params, add=[("page", query.page + 1)], keep_page=True))
        if query.page < page_count
        else None,
        "map_markers": presenters.map_markers(cards),
        "save_query": links.with_changes(params).urlencode(),
        "fair_price_rows": [
            {"service": labels["service_types"].get(slug, slug), "price": price}
            for slug, price in sorted(results.fair_prices.items())
        ],
        "direct_payment_rate": dp_rate,
        "map_tile_url": settings.MAP_TILE_URL,
        "map_attribution": settings.MAP_ATTRIBUTION,
    }
    if results.total == 0:
        context.update(no_results(query, params, form))
    return context


TERM_FACETS = (("needs", "need"), ("service_types", "service"), ("languages", "language"), ("funding", "funding"))


def no_results(query, params, form):
    """Why nothing came back, and what would bring results back, with the number each change would give."""
    nothing_here = not query.text and not query.active_filter_count() and query.within_km is None
    serves_place = 0 if nothing_here else engine.search(_bare(query)).total
    suggestions = []
    for change in presenters.removals(form, params, query):
        total = engine.search(change["query"].but(page=1, page_size=1)).total
        if total:
            suggestions.append({**change, "count": total})
    suggestions.sort(key=lambda item: -item["count"])
    return {"serves_place": serves_place, "suggestions": suggestions[:SUGGESTION_LIMIT]}


def _bare(query):
    return ListingQuery(place=query.place, page_size=1)
