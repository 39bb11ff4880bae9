"""Each server process's own copy of the page cache, answered before Django handles the request at all.

A hit in the shared page cache (page_cache.py) still costs Django's request handling: the request object, the
middleware above the page cache, a round trip to the shared cache (a database table without Redis) and unpickling
the response. That is several times what gunicorn itself needs for a request. So `serve_from_memory` wraps the WSGI
application (marketplace/wsgi.py): when Django answered with a stored page, it keeps the response exactly as it left
the process, and answers the same request itself the next time.

It answers only what Django would have answered from the shared cache, and in the same way:
- the same requests: GET or HEAD, no session or messages cookie, a path the page cache looks up, a Host in
  ALLOWED_HOSTS (any other goes on to Django, which refuses it), no HTTPS redirect due (with SECURE_SSL_REDIRECT, a
  plain HTTP request goes on to Django, which redirects it), and the same key, computed by page_cache.cache_key from
  the request object Django builds;
- the same responses: only those the middleware stored or served from the shared cache (it says so in the environ),
  with every header as sent (CSP, Permissions-Policy, HSTS over HTTPS, the language, gzip or not) and a request id
  of its own (the proxy's X-Request-ID when RequestIdMiddleware would keep it, else a new one). HEAD gets what Django
  gives it, the headers and body of the GET; gunicorn leaves the body out.

Freshness: a copy remembers the shared generation it was stored under and is served only while that is current. A
process reads the shared generation at most every PAGE_CACHE_CHECK_SECONDS (1 s in production; 0, every request, in
tests), so after a page, listing, review or term changes, other processes may serve the old page for up to that
long. A copy also lasts no longer than PAGE_CACHE_SECONDS from when it was kept.

Size: the bodies kept take at most PAGE_CACHE_MEMORY_BYTES per process (16 MiB; 0 turns the copies off); the oldest
copy makes room first.
"""

import threading
import time
from collections import OrderedDict
from typing import NamedTuple

from django.conf import settings
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpResponse

from marketplace.core import page_cache, request_id

HIT = ("X-Page-Cache", "hit")
clock = time.monotonic


class Copy(NamedTuple):
    generation: int
    expires: float
    status: str
    headers: tuple
    body: bytes


class MemoryCopies:
    def __init__(self):
        self._copies = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self._forget_generation()

    def _forget_generation(self):
        self._generation = None
        self._read_at = float("-inf")  # when the generation last known here was current, at the latest

    def clear(self):
        with self._lock:
            self._copies.clear()
            self._size = 0
            self._forget_generation()

    def _learn_generation(self, generation, read_at):
        """Take `generation` as the shared one, as read at `read_at` or later; copies of any other are dropped.
        Called with the lock held. Nothing older than what is known already is learnt."""
        if read_at < self._read_at:
            return
        if generation != self._generation:
            self._copies.clear()
            self._size = 0
            self._generation = generation
        self._read_at = read_at

    def _current_generation(self, now):
        if now >= self._read_at + settings.PAGE_CACHE_CHECK_SECONDS:
            generation = page_cache.shared_generation()
            with self._lock:
                self._learn_generation(generation, now)
        return self._generation

    def find(self, key):
        now = clock()
        copy = self._copies.get(key)
        if copy is None or copy.expires <= now:
            return None
        generation = self._current_generation(now)
        return copy if generation is not None and copy.generation == generation else None

    def keep(self, key, generation, read_at, status, headers, body):
        """Keep what Django answered for `key` from (or into) the shared cache under `generation`, which the page
        cache middleware read after `read_at`."""
        limit = settings.PAGE_CACHE_MEMORY_BYTES
        if len(body) > limit:
            return
        copy = Copy(generation, clock() + settings.PAGE_CACHE_SECONDS, status, headers, body)
        with self._lock:
            self._learn_generation(generation, read_at)
            if generation != self._generation:
                return  # the shared generation moved on while Django was answering
            replaced = self._copies.pop(key, None)
            if replaced is not None:
                self._size -= len(replaced.body)
            self._copies[key] = copy
            self._size += len(body)
            while self._size > limit:
                _key, oldest = self._copies.popitem(last=False)
                self._size -= len(oldest.body)

    def __len__(self):
        return len(self._copies)


memory = MemoryCopies()


def _enabled():
    return settings.PAGE_CACHE_SECONDS > 0 and settings.PAGE_CACHE_MEMORY_BYTES > 0


def _copy_for(environ):
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return None
    request = WSGIRequest(environ)
    if not page_cache.cacheable_request(request):
        return None
    if settings.SECURE_SSL_REDIRECT and not request.is_secure():
        return None
    return memory.find(page_cache.cache_key(request))  # get_host() refuses a Host not in ALLOWED_HOSTS


def _headers_to_keep(headers):
    """What Django sent, less its request id; None if it set a cookie (never the case for a stored page)."""
    kept = []
    for name, value in headers:
        lowered = name.lower()
        if lowered == "set-cookie":
            return None
        if lowered == "x-page-cache":
            kept.append(HIT)
        elif lowered != request_id.HEADER.lower():
            kept.append((name, value))
    return tuple(kept)


def serve_from_memory(application):
    def serve(environ, start_response):
        if not _enabled():
            return application(environ, start_response)
        try:
            copy = _copy_for(environ)
        except Exception:  # noqa: BLE001 - a bad Host, an unreadable path, the cache down: Django answers as it would
            copy = None
        if copy is not None:
            fresh_id = request_id.incoming_or_new(environ.get("HTTP_X_REQUEST_ID"))
            start_response(copy.status, [*copy.headers, (request_id.HEADER, fresh_id)])
            return [copy.body]

        sent = []

        def remember_start_response(status, headers, exc_info=None):
            sent[:] = [status, headers]
            return start_response(status, headers, exc_info)

        began = clock()
        response = application(environ, remember_start_response)
        stored = environ.get(page_cache.STORED)
        if stored and sent and sent[0].startswith("200 ") and isinstance(response, HttpResponse):
            headers = _headers_to_keep(sent[1])
            if headers is not None:
                key, generation = stored
                memory.keep(key, generation, began, sent[0], headers, response.content)
        return response

    return serve
