"""A listing as search sees it: one flat document per listing, built from the database in a bounded number of
queries. The database backend filters and counts these in memory; the Elasticsearch backend indexes them."""

import html
from collections import defaultdict
from datetime import date, datetime, time

import nh3
from django.db.models import Min
from django.utils import timezone

from providers.models import AvailabilitySlot, CouncilArea, Listing, RateCardItem, Supplier, Verification
from providers.models.listings import hide_after, reconfirm_after
from providers.presenters import public_area_label
from reviews.aggregates import rating_summaries
from reviews.awards import held_stamps

from . import text

NEVER_EXPIRES = date(9999, 12, 31)
# What a document carries for the results page's cards alone: the search engine indexes none of them.
CARD_FIELDS = ("organisation_kind", "area", "updated_at")
# Everything a results card reads from a document (`search.presenters.listing_cards`). The engine keeps a copy of
# these with each listing, stored but not indexed, and answers with it: cards need no database rows for the hits.
CARD_SOURCE_FIELDS = (
    "id",
    "slug",
    "title",
    "summary",
    "kind",
    "organisation_kind",
    "area",
    "location",
    "accepting",
    "short_notice",
    "hourly_from",
    "service_types",
    "needs",
    "languages",
    "average_rating",
    "review_count",
    "verified_until",
    "fresh_until",
    "updated_at",
)
_CARD_DATETIMES = ("verified_until", "fresh_until", "updated_at")
TAXONOMY_FIELDS = (
    ("needs", "needs"),
    ("service_types", "service_types"),
    ("funding_options", "funding"),
    ("languages", "languages"),
)

_GENDER_WORDS = {
    "woman": {"woman", "female", "f", "women", "lady"},
    "man": {"man", "male", "m", "men"},
    "non_binary": {"non", "nonbinary", "enby", "nb", "genderqueer", "agender"},
}


def gender_bucket(described):
    """PAs describe their gender in their own words; search offers the three answers people most often look for."""
    words = set(text.tokens(described))
    if "binary" in words and words & {"non", "not"}:
        return "non_binary"
    for bucket, synonyms in _GENDER_WORDS.items():
        if words & synonyms:
            return bucket
    return ""


def hourly_from(rates):
    hourly = [rate.amount for rate in rates if rate.unit == rate.Unit.HOUR]
    return float(min(hourly)) if hourly else None


def plain_text(markup):
    return html.unescape(nh3.clean(markup or "", tags=set()))


def _terms_by_pk(model):
    """{term pk: (slug, every name the term has in any language)}: a search in Urdu or Gaelic finds the English
    listing. One query for the whole taxonomy (a few dozen terms in each of a few languages)."""
    rows = list(model.objects.values_list("pk", "slug", "translation_key", "name"))
    names = defaultdict(list)
    for _, _, key, name in rows:
        names[key].append(name)
    return {pk: (slug, names[key]) for pk, slug, key, _ in rows}


def _verified_until(suppliers):
    """For each supplier, the last day on which at least one of its checks is current (None when it has none)."""
    until = {}
    rows = Verification.objects.current().filter(supplier_id__in=suppliers).values_list("supplier_id", "expires_on")
    for supplier_id, expires_on in rows:
        until[supplier_id] = max(until.get(supplier_id, date.min), expires_on or NEVER_EXPIRES)
    return until


LISTING_COLUMNS = (
    "id",
    "slug",
    "status",
    "title",
    "summary",
    "description",
    "supplier_id",
    "supplier__kind",
    "supplier__name",
    "supplier__personal_assistant__gender",
    "supplier__personal_assistant__area_label",
    "supplier__personal_assistant__home_postcode",
    "supplier__organisation__kind",
    "base_postcode",
    "latitude",
    "longitude",
    "area_kind",
    "radius_km",
    "base_label",
    "short_notice_cover",
    "accepting_new_clients",
    "last_confirmed_at",
    "updated_at",
)


def _related_rows(field, ids):
    """(listing id, related pk) pairs of a many-to-many field, from its link table alone: no join."""
    through = getattr(Listing, field).through
    related = getattr(Listing, field).field.related_model
    link = next(f.attname for f in through._meta.fields if f.related_model is related)
    return through.objects.filter(listing_id__in=ids).values_list("listing_id", link)


def documents_for(queryset, now=None):
    """Documents for the listings in `queryset` (any status: callers decide what is public), with the ratings and
    the quality stamps held at `now` (default: now).

    Read as plain rows, a handful of queries whatever the number of listings: the database backend builds one for
    every listing that serves a place on every search, so model instances and prefetching would cost too much."""
    now = now or timezone.now()
    rows = list(queryset.order_by().values(*LISTING_COLUMNS))
    if not rows:
        return []
    ids = [row["id"] for row in rows]
    terms = {}
    for field, key in TAXONOMY_FIELDS:
        by_pk = _terms_by_pk(getattr(Listing, field).field.related_model)
        slugs, words = defaultdict(list), defaultdict(list)
        for listing_id, term_pk in _related_rows(field, ids):
            slug, names = by_pk[term_pk]
            slugs[listing_id].append(slug)
            words[listing_id].extend(names)
        terms[key] = (slugs, words)
    area_codes = dict(CouncilArea.objects.values_list("pk", "gss_code"))  # matched by code, never by name
    council_areas = defaultdict(list)
    for listing_id, area_pk in _related_rows("council_areas", ids):
        if area_codes[area_pk]:
            council_areas[listing_id].append(area_codes[area_pk])
    slots = defaultdict(list)
    for listing_id, day, band in AvailabilitySlot.objects.filter(listing_id__in=ids).values_list(
        "listing_id", "day", "band"
    ):
        slots[listing_id].append((day, band))
    hourly = dict(
        RateCardItem.objects.filter(listing_id__in=ids, unit=RateCardItem.Unit.HOUR)
        .values("listing_id")
        .annotate(lowest=Min("amount"))
        .values_list("listing_id", "lowest")
    )
    verified = _verified_until({row["supplier_id"] for row in rows})
    reviews = {"ratings": rating_summaries(ids), "stamps": held_stamps(ids, now)}
    return [build_document(row, terms, council_areas, slots, hourly, verified, reviews) for row in rows]


def _end_of_day(day):
    return timezone.make_aware(datetime.combine(day, time.max)) if day else None


def build_document(row, terms, council_areas, slots, hourly, verified, reviews=None):
    """`reviews` is {"ratings": rating_summaries(…), "stamps": held_stamps(…)} (None: no reviews at all)."""
    listing_id = row["id"]
    ratings = reviews["ratings"].get(listing_id) if reviews else None
    stamps = reviews["stamps"].get(listing_id, ()) if reviews else ()
    is_pa = row["supplier__kind"] == Supplier.Kind.PERSONAL_ASSISTANT
    listing_slots = slots[listing_id]
    confirmed = row["last_confirmed_at"]
    lowest = hourly.get(listing_id)
    return {
        "id": listing_id,
        "slug": row["slug"],
        "status": row["status"],
        "title": row["title"],
        "summary": row["summary"],
        "terms": " ".join(word for _, (_, words) in terms.items() for word in words[listing_id]),
        "body": " ".join(filter(None, (plain_text(row["description"]), row["supplier__name"], row["base_label"]))),
        "kind": row["supplier__kind"],
        "owner": f"supplier-{row['supplier_id']}",
        "location": {"lat": row["latitude"], "lon": row["longitude"]} if row["latitude"] is not None else None,
        "area_kind": row["area_kind"],
        "radius_km": float(row["radius_km"]) if row["radius_km"] is not None else None,
        "council_areas": sorted(council_areas[listing_id]),
        **{key: sorted(slugs[listing_id]) for key, (slugs, _) in terms.items()},
        "gender": gender_bucket(row["supplier__personal_assistant__gender"]) if is_pa else "",
        "slots": sorted(f"{day}-{band}" for day, band in listing_slots),
        "days": sorted({day for day, _ in listing_slots}),
        "bands": sorted({band for _, band in listing_slots}),
        "short_notice": row["short_notice_cover"],
        "accepting": row["accepting_new_clients"],
        "hourly_from": float(lowest) if lowest is not None else None,
        "visible_until": confirmed + hide_after() if confirmed else None,
        "fresh_until": confirmed + reconfirm_after() if confirmed else None,
        "verified_until": _end_of_day(verified.get(row["supplier_id"])),
        # The Bayesian score ranks (sort and best match); the average, as people read it, is what filters use.
        "rating": ratings.score if ratings else None,
        "average_rating": ratings.average if ratings else None,
        "review_count": ratings.count if ratings else 0,
        "stamps": sorted(held.stamp.slug for held in stamps),
        # For the results page's cards only (never indexed: see CARD_FIELDS).
        "updated_at": row["updated_at"],
        "organisation_kind": row["supplier__organisation__kind"] or "",
        "area": public_area_label(
            row["base_label"],
            row["supplier__personal_assistant__area_label"],
            (row["supplier__personal_assistant__home_postcode"], row["base_postcode"]),
        )
        if is_pa
        else row["base_label"],
    }


def card_source(document):
    """What the engine keeps of a document for the results cards (JSON: its client writes dates as ISO 8601)."""
    return {field: document[field] for field in CARD_SOURCE_FIELDS}


def card_document(source):
    """A document for `listing_cards` from what the engine kept (`card_source`), its dates read back."""
    card = dict(source)
    for field in _CARD_DATETIMES:
        if card[field] is not None:
            card[field] = datetime.fromisoformat(card[field])
    return card


def field_tokens(document):
    return {name: text.tokens(document[name]) for name in text.FIELD_WEIGHTS}
