import math

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from wagtail.models import Locale

from home.models import GuidancePage

from . import demand, engine, links, presenters, prices
from .forms import SearchForm
from .query import ListingQuery

GUIDANCE_PAGE_SIZE = 10
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
        results = Paginator(pages.search(query), GUIDANCE_PAGE_SIZE)
        try:
            results = results.page(request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage):
            results = results.page(1)
    return render(request, "search/search.html", {"query": query, "results": results})


SUGGESTIONS_TRIED = 6  # at most this many extra searches when nothing matches
SUGGESTION_LIMIT = 4


def find_support(request):
    """Who serves a place and meets a need: the query lives in the URL; every page works without JavaScript."""
    params = links.canonical(request.GET)
    if not any(key in request.GET for key in links.PARAMETER_ORDER):  # a first visit (or only tracking tags)
        return render(request, "search/find_support.html", {"form": SearchForm(), "params": params})
    form = SearchForm(params)
    if form.is_valid():
        status = 200
        usable = form
    else:
        # Show what can be shown (the results without the bad choices) beside the messages, so every message links
        # to a field on the page and nothing typed is lost.
        status = 400
        params_ok = links.without(params, form.errors)
        usable = SearchForm(params_ok)
        if form.has_error("where") or not usable.is_valid() or usable.is_ambiguous:
            return render(request, "search/find_support.html", _base_context(form, params), status=400)
        params = params_ok
    if usable.is_ambiguous:
        context = {**_base_context(form, params), "place_choices": place_choices(usable.locations, params)}
        return render(request, "search/find_support.html", context)
    query = usable.query()
    memo = {}
    results = engine.search(query, memo=memo)
    context = {**_base_context(form, params), **results_context(usable, params, query, results, memo)}
    if query.page > context["page_count"]:
        context["page_missing"] = links.url(links.with_changes(params, add=[("page", context["page_count"])]))
        status = 404
    elif query.page == 1 and status == 200:
        demand.record(query, results)
    return render(request, "search/find_support.html", context, status=status)


def _base_context(form, params):
    return {
        "form": form,
        "params": params,
        "carry_to_search": links.pairs(params, exclude=("where", "near", "q", "page")),
        "carry_to_filters": links.pairs(params, include=("where", "near", "q", "sort", "units")),
    }


def place_choices(locations, params):
    choices = []
    for location in locations:
        qualifier = location.council_area or location.country or ""
        label = f"{location.label}, {qualifier}" if qualifier else location.label
        choices.append({"label": label, "url": links.url(links.with_changes(params, add=[("where", label)]))})
    return choices


def results_context(form, params, query, results, memo=None):
    units = form.cleaned_data.get("units") or "mi"
    labels = {facet: dict(form.fields[parameter].choices) for facet, parameter in presenters.TERM_PARAMETERS}
    rates = prices.rates_in_force(query.place.council_code)
    place_params = links.with_changes(params, remove=[(key, None) for key in params if key not in ("where", "near")])
    cards = presenters.listing_cards(results.hits, labels, units, results.fair_prices, rates, place_params)
    page_count = max(1, math.ceil(results.total / query.page_size))
    context = {
        "query": query,
        "results": results,
        "cards": cards,
        "units": units,
        "facet_groups": presenters.facet_groups(form, results.facets, params),
        "active_filters": presenters.active_filters(form, params),
        "sorts": presenters.sorts(params, query),
        "sort_explanation": presenters.sort_explanation(query),
        "other_units": presenters.other_units(params, form),
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
        "direct_payment_rate": prices.choose(rates),
        "map_tile_url": settings.MAP_TILE_URL,
        "map_attribution": settings.MAP_ATTRIBUTION,
    }
    if results.total == 0:
        context.update(no_results(query, params, form, memo))
    return context


def no_results(query, params, form, memo=None):
    """Why nothing came back, and which single change would bring results back, with how many each would give."""
    nothing_chosen = not query.text and not query.active_filter_count() and query.within_km is None
    if nothing_chosen:
        return {"serves_place": 0, "suggestions": []}
    # Counted together: one request to the engine for the place's whole market and every change tried.
    changes = presenters.widenings(form, params, query)[:SUGGESTIONS_TRIED]
    bare = ListingQuery(place=query.place, page_size=0)
    serves_place, *counts = engine.totals(
        [bare, *(change["query"].but(page=1, page_size=0) for change in changes)], memo=memo
    )
    suggestions = []
    if serves_place:
        suggestions = [{**change, "count": count} for change, count in zip(changes, counts, strict=True) if count]
    suggestions.sort(key=lambda item: -item["count"])
    return {"serves_place": serves_place, "suggestions": suggestions[:SUGGESTION_LIMIT]}
