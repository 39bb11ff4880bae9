"""Stable identifiers: a UUID 5 of the deployment's namespace and "kind:key", the same on every call and export.

The namespace is ``OPEN_DATA_ID_NAMESPACE`` when set, else one derived from ``BASE_URL``; set it once for a
deployment so that moving to another address keeps every identifier. Two councils running this software get
different identifiers for their rows with the same primary keys.
"""

import uuid
from functools import lru_cache

from django.conf import settings


def namespace():
    configured = getattr(settings, "OPEN_DATA_ID_NAMESPACE", "")
    if configured:
        return uuid.UUID(configured)
    return uuid.uuid5(uuid.NAMESPACE_URL, settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/open-data/oruk/")


@lru_cache(maxsize=500_000)
def _derive(space, name):
    return str(uuid.uuid5(space, name))


def stable_id(kind, *parts):
    """The identifier of one row of `kind` ("service", "schedule", …) identified by `parts` (a pk, a band…)."""
    return _derive(namespace(), ":".join([kind, *(str(part) for part in parts)]))


def service(listing_pk):
    return stable_id("service", listing_pk)


def organization(supplier_pk):
    return stable_id("organization", supplier_pk)


def location(listing_pk):
    return stable_id("location", listing_pk)


def service_at_location(listing_pk):
    return stable_id("service_at_location", listing_pk)


def taxonomy(key):
    return stable_id("taxonomy", key)


def taxonomy_term(taxonomy_key, translation_key):
    return stable_id("taxonomy_term", taxonomy_key, translation_key)


def parse(text):
    """`text` as a UUID in canonical form, or None when it is not one."""
    if not isinstance(text, str) or len(text) > 64:
        return None
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return None


def find(kind, pks, wanted):
    """The primary key among `pks` whose identifier of `kind` is `wanted`, or None (identifiers are one-way)."""
    return next((pk for pk in pks if stable_id(kind, pk) == wanted), None)
