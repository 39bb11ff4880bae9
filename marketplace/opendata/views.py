"""The Open Referral UK 3.0 API: the root, services, organizations, taxonomies, taxonomy terms and services at
locations, each list in the standard's page envelope. Views read parameters, ask `directory` and `mapping`, and
answer; `http.api` adds CORS, the limit per client and cache headers to every one."""

from django.conf import settings
from django.db.models import Q
from django.http import FileResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from marketplace.core.urls_absolute import absolute_url

from . import directory, export, ids, licence, openapi, pages, params, taxonomies
from .http import api, json_response, ndjson_response, not_found
from .mapping import areas, organizations, services, terms
from .mapping.common import Context

VERSION = "HSDS-UK-3.0"
PROFILE_URL = "https://openreferraluk.org/developers/specifications"
BATCH = 200


def _in_default_language(build, *args):
    """Published data is in the site's default language, whatever the visitor's browser asks for (so shared caches
    can keep one copy). Error messages follow the visitor's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return build(*args)


def _full(context, **filters):
    """{pk: listing} for public listings matching `filters`, with their suppliers and everything nested in a service:
    a fixed number of queries however many there are."""
    listings = directory.with_suppliers(directory.public_listings(context.now).filter(**filters))
    found = {listing.pk: listing for listing in listings.prefetch_related(*directory.FULL_RELATIONS)}
    context.load_checks(found.values())
    return found


def _light(context, **filters):
    """{pk: listing} with only what `minimal` shows (the identifier and when it last changed): one query."""
    listings = directory.public_listings(context.now).filter(**filters).only("pk", "updated_at", "supplier_id")
    return {listing.pk: listing for listing in listings}


def _stream(keys, shape, context, load=_full):
    """Every row of `keys` in order, shaped one batch at a time (a fixed number of queries per batch)."""
    for start in range(0, len(keys), BATCH):
        chunk = keys[start : start + BATCH]
        rows = load(context, pk__in=chunk)
        for key in chunk:
            yield _in_default_language(shape, rows[key])


def _listing_page(request, listings, shape, context, *, load=_full, maximum=None, default=None):
    keys = listings.values_list("pk", flat=True)
    if params.output_format(request.GET) == "ndjson":
        return ndjson_response(_stream(list(keys), shape, context, load))
    page_number = params.page(request.GET)
    per_page = params.per_page(request.GET, maximum or params.MAX_PER_PAGE, default or params.DEFAULT_PER_PAGE)
    page_keys, total = pages.paginate_queryset(keys, page_number, per_page)
    rows = load(context, pk__in=page_keys) if page_keys else {}
    contents = [_in_default_language(shape, rows[key]) for key in page_keys]
    return json_response(pages.envelope(contents, total, page_number, per_page))


# --- Filters shared by /services and /service_at_locations ---------------------------------------------------------


def _filtered_listings(query, context, *, located=False):
    """Public listings narrowed by the standard's parameters (and `postcode`/`proximity`), in a stable order."""
    words = params.words(query)
    term_id = params.identifier(query, "taxonomy_term_id")
    taxonomy_id = params.identifier(query, "taxonomy_id")
    organization_id = params.identifier(query, "organization_id")
    since = params.moment(query, "modified_after")
    area = params.postcode(query)
    within_km = params.proximity_km(query, area)

    listings = directory.public_listings(context.now)
    if located:
        listings = directory.with_location(listings)
    if words:
        listings = directory.matching_words(listings, words)
    if term_id:
        term = context.terms.by_id.get(term_id)
        listings = directory.with_term(listings, term) if term else listings.none()
    if taxonomy_id:
        found = next((t for t in taxonomies.TAXONOMIES if t.id == taxonomy_id), None)
        listings = directory.in_taxonomy(listings, found) if found else listings.none()
    if organization_id:
        supplier_pk = ids.find(
            "organization", directory.published_suppliers(context.now).values_list("pk", flat=True), organization_id
        )
        listings = listings.filter(supplier_id=supplier_pk) if supplier_pk else listings.none()
    if since:
        listings = listings.filter(changed_at__gte=since)
    if area:
        return directory.serving(listings, area, within_km).order_by("distance_km", "title", "pk")
    return listings.order_by("title", "pk")


def _find_listing(raw_id, kind, listings):
    wanted = ids.parse(raw_id)
    pk = wanted and ids.find(kind, listings.values_list("pk", flat=True), wanted)
    if not pk:
        raise not_found()
    return pk


# --- Endpoints -------------------------------------------------------------------------------------------------------


@api
def root(request):
    """The standard's api_details, and (beyond them, as the standard allows) the licence and the attribution that
    reusers must repeat, and where the whole directory can be downloaded."""
    return json_response(
        {
            "version": VERSION,
            "profile": PROFILE_URL,
            "openapi_url": absolute_url(reverse("opendata:openapi")),
            "license": licence.statement(),
            "data_package_url": absolute_url(reverse("opendata:data_package")),
        }
    )


@api
def unknown(request):
    raise not_found(_("This API has no such address. Its root lists what it offers."))


@api
def openapi_document(request):
    return json_response(_in_default_language(openapi.document))


@api
def service_list(request):
    context = Context()
    minimal = params.flag(request.GET, "minimal")
    full = params.flag(request.GET, "full")
    listings = _filtered_listings(request.GET, context)
    if minimal:
        most = params.MINIMAL_MAX_PER_PAGE
        return _listing_page(request, listings, services.minimal, context, load=_light, maximum=most, default=most)
    if full:
        return _listing_page(request, listings, lambda row: services.service_full(row, context), context)
    return _listing_page(request, listings, lambda row: services.service(row, context), context)


@api
def service_detail(request, service_id):
    context = Context()
    pk = _find_listing(service_id, "service", directory.public_listings(context.now))
    listing = _full(context, pk=pk)[pk]
    return json_response(_in_default_language(services.service_full, listing, context))


def _service_at_location(listing, context, full):
    location = areas.location(listing)
    link = areas.service_at_location(listing, location)
    link["service"] = services.service_full(listing, context) if full else services.service(listing, context)
    return link


@api
def service_at_location_list(request):
    context = Context()
    full = params.flag(request.GET, "full")
    listings = _filtered_listings(request.GET, context, located=True)
    return _listing_page(request, listings, lambda row: _service_at_location(row, context, full), context)


@api
def service_at_location_detail(request, link_id):
    context = Context()
    located = directory.with_location(directory.public_listings(context.now))
    pk = _find_listing(link_id, "service_at_location", located)
    listing = _full(context, pk=pk)[pk]
    return json_response(_in_default_language(_service_at_location, listing, context, True))


# --- Organizations ---------------------------------------------------------------------------------------------------


def _organizations_with_services(suppliers, context, full_service):
    """Each supplier as a nested organization with its public services (one-to-one fields, or fully nested)."""
    listings = _full(context, supplier__in=[supplier.pk for supplier in suppliers]).values()
    by_supplier = {}
    for listing in sorted(listings, key=lambda listing: (listing.title, listing.pk)):
        if full_service:
            shape = services.service_full(listing, context)
        else:
            shape = services.service(listing, context, with_organization=False)
        by_supplier.setdefault(listing.supplier_id, []).append(shape)
    return [organizations.organization_full(s, by_supplier.get(s.pk, [])) for s in suppliers]


@api
def organization_list(request):
    context = Context()
    words = params.words(request.GET)
    full = params.flag(request.GET, "full")
    full_service = params.flag(request.GET, "full_service")
    output = params.output_format(request.GET)
    page_number = params.page(request.GET)
    per_page = params.per_page(request.GET)
    suppliers = directory.published_suppliers(context.now).select_related("organisation", "personal_assistant")
    for word in words:
        suppliers = suppliers.filter(Q(name__icontains=word) | Q(organisation__description__icontains=word))
    suppliers = suppliers.order_by("name", "pk")

    def shape(batch):
        if full or full_service:
            return _organizations_with_services(batch, context, full_service)
        return [organizations.organization(supplier) for supplier in batch]

    if output == "ndjson":
        every = list(suppliers)
        return ndjson_response(
            item
            for start in range(0, len(every), BATCH)
            for item in _in_default_language(shape, every[start : start + BATCH])
        )
    rows, total = pages.paginate_queryset(suppliers, page_number, per_page)
    return json_response(pages.envelope(_in_default_language(shape, rows), total, page_number, per_page))


@api
def organization_detail(request, organization_id):
    context = Context()
    full_service = params.flag(request.GET, "full_service")
    published = directory.published_suppliers(context.now)
    wanted = ids.parse(organization_id)
    pk = wanted and ids.find("organization", published.values_list("pk", flat=True), wanted)
    if not pk:
        raise not_found()
    supplier = published.select_related("organisation", "personal_assistant").get(pk=pk)
    return json_response(_in_default_language(_organizations_with_services, [supplier], context, full_service)[0])


# --- Taxonomies ------------------------------------------------------------------------------------------------------


def _matches(text, words):
    folded = text.casefold()
    return all(word.casefold() in folded for word in words)


def _list_response(request, items, shape):
    output = params.output_format(request.GET)
    page_number = params.page(request.GET)
    per_page = params.per_page(request.GET)
    if output == "ndjson":
        return ndjson_response(_in_default_language(lambda: [shape(item) for item in items]))
    rows, total = pages.paginate_list(items, page_number, per_page)
    contents = _in_default_language(lambda: [shape(item) for item in rows])
    return json_response(pages.envelope(contents, total, page_number, per_page))


@api
def taxonomy_list(request):
    words = params.words(request.GET)
    with translation.override(settings.LANGUAGE_CODE):
        found = [t for t in taxonomies.TAXONOMIES if _matches(f"{t.name} {t.description}", words)]
    return _list_response(request, found, terms.taxonomy)


@api
def taxonomy_detail(request, taxonomy_id):
    found = next((t for t in taxonomies.TAXONOMIES if t.id == ids.parse(taxonomy_id)), None)
    if found is None:
        raise not_found()
    index = taxonomies.TermIndex()
    return json_response(_in_default_language(terms.taxonomy, found, index.ordered(found.key)))


@api
def taxonomy_term_list(request):
    words = params.words(request.GET)
    taxonomy_id = params.identifier(request.GET, "taxonomy_id")
    parent_id = params.identifier(request.GET, "parent_id")
    params.flag(request.GET, "top_only")  # every term is a top-level term: the taxonomies are flat
    found = taxonomies.TermIndex().ordered()
    if taxonomy_id:
        found = [term for term in found if term.taxonomy.id == taxonomy_id]
    if parent_id:
        found = []  # no term has a parent
    if words:
        found = [term for term in found if _matches(f"{term.name} {term.description}", words)]
    return _list_response(request, found, terms.taxonomy_term)


@api
def taxonomy_term_detail(request, term_id):
    term = taxonomies.TermIndex().by_id.get(ids.parse(term_id) or "")
    if term is None:
        raise not_found()
    return json_response(_in_default_language(terms.taxonomy_term, term))


# --- The data package ------------------------------------------------------------------------------------------------


@api
def data_package(request):
    path = export.latest_package()
    if path is None:
        raise not_found(_("The data package has not been exported yet. Try again tomorrow."))
    response = FileResponse(path.open("rb"), as_attachment=True, filename=export.PACKAGE_NAME)
    response["Last-Modified"] = export.http_date_of(path)
    return response
