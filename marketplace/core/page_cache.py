"""Whole pages for anonymous visitors, kept in a shared cache and thrown away when what they show changes.

What is stored: a complete response (body already compressed when the visitor accepts gzip, every header the
middleware below this one added: CSP, Permissions-Policy, language) to a GET or HEAD answered by one of the views in
PAGE_CACHE_VIEWS (Wagtail's pages: home, guidance, glossary, information; a listing page), in any language. A new
view is never stored until it is added there; paths under PAGE_CACHE_EXCLUDED_PREFIXES (accounts, dashboards, forms,
search) skip even the lookup. Entries are keyed by everything that changes such a page for someone not signed in:
scheme, host, language, path with its query string, and whether the body is gzipped.

What is never stored or served from the cache:
- anything for a request carrying a session cookie (everyone signed in has one; so has an anonymous visitor with a
  pending message) or a messages cookie: those pages are built for one person;
- a response that sets a cookie or carries a CSRF token. Django (re)sets the token's cookie on every response whose
  page used a token, so a page with a POST form is rendered afresh for every visitor and nobody receives another
  visitor's token (which would break their form, and tie two people's requests together). `Vary: Cookie`, which
  every page that looked at the (empty) session carries, is no reason to refuse: without a session cookie the page
  is the same for everyone;
- anything but a 200.

Every response to a signed-in person is marked `Cache-Control: private`, so no proxy or CDN in front keeps it either.

Invalidation: a generation number, shared by every process, is bumped by `invalidate()` whenever a page, listing,
review or glossary term changes (each app connects its signals to it in its AppConfig.ready). An entry remembers the
generation it was stored under and is ignored once that has moved on; the lookup reads both in one round trip.

In front of this, each server process keeps a copy of what it answered from here in its own memory and answers the
same requests again before Django handles them (page_cache_memory.py). It reads the generation at most every
PAGE_CACHE_CHECK_SECONDS (1 s in production, 0 in tests), so for up to that long after a change a process may still
serve the old page. This middleware tells that copy what it may keep: the entry's key and generation, in the WSGI
environ under STORED.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language_from_path

GENERATION_KEY = "page-cache:generation"
BYPASS_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
# The WSGI environ's entry for "this response is a stored page": (key, generation).
STORED = "marketplace.page_cache.stored"


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def invalidate(*args, **kwargs):
    """Every stored page is stale from now on, and again once the change commits. Takes any signal's arguments.

    The second move is the one that counts for other processes: a page one of them renders while the change is
    still uncommitted shows the data before it, and would otherwise be stored under the new generation and served
    until the next change."""
    _move_generation()
    transaction.on_commit(_move_generation, robust=True)  # the change is saved: a cache outage must not make it a 500


def _move_generation():
    cache = _cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there yet, or evicted: start afresh
        _new_generation(cache)


def shared_generation():
    """The generation every process agrees on now (None before the first page is stored)."""
    return _cache().get(GENERATION_KEY)


def _new_generation(cache):
    """A value no entry can remember: if the number were lost and restarted at 0, entries stored under an early 0
    would come back to life."""
    generation = time.time_ns()
    cache.set(GENERATION_KEY, generation, timeout=None)
    return generation


def connect(*signals, senders=(None,)):
    for signal in signals:
        for sender in senders:
            signal.connect(invalidate, sender=sender, weak=False, dispatch_uid=f"page-cache:{id(signal)}:{sender}")


def cache_key(request):
    encoding = "gzip" if "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "") else "identity"
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    scheme = "https" if request.is_secure() else "http"
    address = f"{scheme}://{request.get_host()}{request.get_full_path()}"
    return f"page-cache:{language}:{encoding}:{hashlib.sha256(address.encode()).hexdigest()}"


def _without_language(path):
    language = get_language_from_path(path)
    return path[len(language) + 1 :] if language and path.startswith(f"/{language}/") else path


def cacheable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not any(name in request.COOKIES for name in BYPASS_COOKIES)
        and not _without_language(request.path_info).startswith(settings.PAGE_CACHE_EXCLUDED_PREFIXES)
    )


def _storable(request, response):
    match = getattr(request, "resolver_match", None)
    return (
        match is not None
        and match.view_name in settings.PAGE_CACHE_VIEWS
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self._mark_private(request, self.get_response(request))
        key = cache_key(request)
        cache = _cache()
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY) or _new_generation(cache)
        stored = found.get(key)
        if stored is not None and stored[0] == generation:
            response = stored[1]
            response["X-Page-Cache"] = "hit"
            request.META[STORED] = (key, generation)
            return response
        response = self._mark_private(request, self.get_response(request))
        if _storable(request, response):
            response["X-Page-Cache"] = "miss"
            cache.set(key, (generation, response), settings.PAGE_CACHE_SECONDS)
            request.META[STORED] = (key, generation)
        return response

    @staticmethod
    def _mark_private(request, response):
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or response.cookies:
            patch_cache_control(response, private=True)
        return response
