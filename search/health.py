"""The listing search engine's part of the health endpoint (marketplace/core/health.py). Not critical: when the
engine is down or slow, find support answers from the database, so the site is degraded, not down."""

from django.conf import settings

from marketplace.core.health import DEGRADED, NOT_CONFIGURED, OK, register

from . import index


@register("search")
def listing_search_engine():
    if settings.LISTING_SEARCH_BACKEND != "elasticsearch":
        return {"status": NOT_CONFIGURED, "backend": settings.LISTING_SEARCH_BACKEND}
    engine = settings.LISTING_SEARCH_ENGINE
    es = index.client(timeout=settings.HEALTH_SEARCH_TIMEOUT_SECONDS)
    if not es.index_exists(index.alias_name()):
        # Searches fall back to the database until `manage.py rebuild_listing_index` builds the index.
        return {"status": DEGRADED, "engine": engine, "error": "no listing index"}
    if index.missing_fields(es):
        # Searches work, but listings changed since the upgrade are not re-indexed until the index is rebuilt.
        return {"status": DEGRADED, "engine": engine, "error": "listing index out of date: rebuild it"}
    return {"status": OK, "engine": engine}
