"""What is published and how the API narrows it: public listings, their suppliers, and the filters over them.

Every query here starts from ``Listing.objects.publicly_visible()``, so a draft, waiting, suspended, archived or
hidden-stale listing (and a supplier with no public listing) is never found, whatever the parameters.
"""

from datetime import UTC, datetime

from django.db.models import Case, DateTimeField, Exists, ExpressionWrapper, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from providers.models import Listing, Supplier, Verification
from providers.models.listings import reconfirm_after
from search.coverage import listings_serving

from .taxonomies import TAXONOMIES

FULL_RELATIONS = ("needs", "service_types", "funding_options", "languages", "council_areas", "rates", "availability")
_LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)


def changed_at(now):
    """When anything the public sees of a listing last changed, in SQL (so `modified_after` and `last_modified`
    agree): the listing, its supplier and profile, a decision on one of its checks, or the moment it became "not
    confirmed recently" (which adds an alert)."""
    latest_check = Verification.objects.filter(supplier_id=OuterRef("supplier_id"), decided_at__isnull=False)
    latest_check = Subquery(latest_check.order_by("-decided_at").values("decided_at")[:1])
    went_stale = Case(
        When(
            last_confirmed_at__lte=now - reconfirm_after(),
            then=ExpressionWrapper(F("last_confirmed_at") + Value(reconfirm_after()), output_field=DateTimeField()),
        ),
        default=None,
        output_field=DateTimeField(),
    )
    floor = Value(_LONG_AGO, output_field=DateTimeField())
    return Greatest(
        F("updated_at"),
        F("supplier__updated_at"),
        Coalesce(F("supplier__organisation__updated_at"), floor),
        Coalesce(F("supplier__personal_assistant__updated_at"), floor),
        Coalesce(latest_check, floor),
        Coalesce(went_stale, floor),
        output_field=DateTimeField(),
    )


def public_listings(now=None):
    now = now or timezone.now()
    return Listing.objects.publicly_visible(now).annotate(changed_at=changed_at(now))


def with_suppliers(listings):
    return listings.select_related("supplier__organisation", "supplier__personal_assistant")


def published_suppliers(now=None):
    """Suppliers with at least one public listing: the ORUK organizations."""
    visible = Listing.objects.publicly_visible(now or timezone.now())
    return Supplier.objects.filter(Exists(visible.filter(supplier_id=OuterRef("pk"))))


def _term_matches(word):
    """Listings with a term (in any of its translations) whose name contains `word`."""
    clauses = []
    for taxonomy in TAXONOMIES:
        through = getattr(Listing, taxonomy.key).through
        column = taxonomy.model._meta.model_name
        names = taxonomy.model.objects.filter(translation_key__in=_keys_named(taxonomy.model, word))
        clauses.append(Exists(through.objects.filter(listing_id=OuterRef("pk"), **{f"{column}__in": names})))
    return clauses


def _keys_named(model, word):
    return model.objects.filter(name__icontains=word).values("translation_key")


def matching_words(listings, words):
    """Listings matching every word somewhere: title, summary, description, supplier's name or a term's name."""
    for word in words:
        found = Q(title__icontains=word) | Q(summary__icontains=word) | Q(description__icontains=word)
        found |= Q(supplier__name__icontains=word)
        for clause in _term_matches(word):
            found |= clause
        listings = listings.filter(found)
    return listings


def with_term(listings, term):
    through = getattr(Listing, term.taxonomy.key).through
    column = term.taxonomy.model._meta.model_name
    tagged = through.objects.filter(listing_id=OuterRef("pk"), **{f"{column}__translation_key": term.translation_key})
    return listings.filter(Exists(tagged))


def in_taxonomy(listings, taxonomy):
    through = getattr(Listing, taxonomy.key).through
    return listings.filter(Exists(through.objects.filter(listing_id=OuterRef("pk"))))


def serving(listings, area, within_km=None):
    """Listings whose service area covers the postcode `area` (search's own rule, so the API and the site agree),
    annotated with `distance_km` from the postcode to each listing's base; only those based within `within_km`
    when given."""
    found = listings_serving(area, council_code=area.care_authority.code, queryset=listings)
    if within_km is not None:
        found = found.filter(distance_km__lte=within_km)
    return found


def with_location(listings):
    """Listings that have an ORUK location: an organisation's, with a base on the map. A personal assistant's never."""
    return listings.filter(supplier__kind=Supplier.Kind.ORGANISATION, latitude__isnull=False, longitude__isnull=False)


def current_checks(supplier_ids, today=None):
    """{supplier id: [Verification, …]}: the checks a listing page shows as verified badges. One query."""
    checks = {}
    rows = Verification.objects.current(today).filter(supplier_id__in=set(supplier_ids)).order_by("kind", "pk")
    for check in rows:
        checks.setdefault(check.supplier_id, []).append(check)
    return checks
