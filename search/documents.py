"""A listing as search sees it: one flat document per listing, built from the database in a bounded number of
queries. The database backend filters and counts these in memory; the Elasticsearch backend indexes them."""

import html
from collections import defaultdict
from datetime import date, datetime, time

import nh3
from django.db.models import Q
from django.utils import timezone

from providers.models import Listing, Verification
from providers.models.listings import hide_after, reconfirm_after

from . import text

NEVER_EXPIRES = date(9999, 12, 31)
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


def _term_names(model):
    """Every name each term has in any language, so a search in Urdu or Gaelic finds the English listing."""
    names = defaultdict(list)
    for key, name in model.objects.values_list("translation_key", "name"):
        names[key].append(name)
    return names


def _verified_until(listings):
    """For each owner, the last day on which at least one of its checks is current (None when it has none)."""
    organisations = {item.organisation_id for item in listings if item.organisation_id}
    assistants = {item.personal_assistant_id for item in listings if item.personal_assistant_id}
    until = {}
    rows = (
        Verification.objects.current()
        .filter(Q(organisation_id__in=organisations) | Q(personal_assistant_id__in=assistants))
        .values_list("organisation_id", "personal_assistant_id", "expires_on")
    )
    for organisation_id, assistant_id, expires_on in rows:
        key = ("organisation", organisation_id) if organisation_id else ("personal_assistant", assistant_id)
        until[key] = max(until.get(key, date.min), expires_on or NEVER_EXPIRES)
    return until


def documents_for(queryset):
    """Documents for the listings in `queryset` (any status: callers decide what is public)."""
    listings = list(
        queryset.select_related("organisation", "personal_assistant").prefetch_related(
            "needs", "service_types", "funding_options", "languages", "council_areas", "availability", "rates"
        )
    )
    if not listings:
        return []
    names = {field: _term_names(getattr(Listing, field).field.related_model) for field, _ in TAXONOMY_FIELDS}
    verified = _verified_until(listings)
    return [build_document(listing, names, verified) for listing in listings]


def _end_of_day(day):
    return timezone.make_aware(datetime.combine(day, time.max)) if day else None


def build_document(listing, names, verified):
    owner_key = (
        ("personal_assistant", listing.personal_assistant_id)
        if listing.personal_assistant_id
        else ("organisation", listing.organisation_id)
    )
    terms = {field: list(getattr(listing, field).all()) for field, _ in TAXONOMY_FIELDS}
    term_text = " ".join(
        name for field, items in terms.items() for item in items for name in names[field][item.translation_key]
    )
    owner = listing.personal_assistant or listing.organisation
    owner_name = owner.display_name if listing.personal_assistant_id else owner.name
    slots = list(listing.availability.all())
    confirmed = listing.last_confirmed_at
    verified_until = verified.get(owner_key)
    return {
        "id": listing.pk,
        "slug": listing.slug,
        "status": listing.status,
        "title": listing.title,
        "summary": listing.summary,
        "terms": term_text,
        "body": " ".join(filter(None, (plain_text(listing.description), owner_name, listing.base_label))),
        "kind": owner_key[0],
        "owner": f"{owner_key[0]}-{owner_key[1]}",
        "location": ({"lat": listing.latitude, "lon": listing.longitude} if listing.latitude is not None else None),
        "area_kind": listing.area_kind,
        "radius_km": float(listing.radius_km) if listing.radius_km is not None else None,
        "council_areas": [area.name for area in listing.council_areas.all()],
        **{key: sorted(item.slug for item in terms[field]) for field, key in TAXONOMY_FIELDS},
        "gender": gender_bucket(listing.personal_assistant.gender) if listing.personal_assistant_id else "",
        "slots": sorted(f"{slot.day}-{slot.band}" for slot in slots),
        "days": sorted({slot.day for slot in slots}),
        "bands": sorted({slot.band for slot in slots}),
        "short_notice": listing.short_notice_cover,
        "accepting": listing.accepting_new_clients,
        "hourly_from": hourly_from(listing.rates.all()),
        "visible_until": confirmed + hide_after() if confirmed else None,
        "fresh_until": confirmed + reconfirm_after() if confirmed else None,
        "verified_until": _end_of_day(verified_until),
        "rating": None,
        "review_count": 0,
    }


def field_tokens(document):
    return {name: text.tokens(document[name]) for name in text.FIELD_WEIGHTS}
