"""What every API response shares: JSON, open to every origin, throttled per client and cacheable."""

import hashlib
import json
import math
import time
from functools import wraps

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.http import HttpResponse, StreamingHttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import parse_http_date_safe
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from marketplace.core import ratelimits

from .licence import link_header
from .params import ApiError

JSON = "application/json"
NDJSON = "application/x-ndjson"
WINDOW_SECONDS = 60
CACHE_SECONDS = 300
METHODS = ("GET", "HEAD", "OPTIONS")


def dumps(data):
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def json_response(data, status=200):
    return HttpResponse(dumps(data), content_type=JSON, status=status)


def ndjson_response(items):
    """One JSON object per line, every result without pages (the standard's `format=ndjson`)."""
    return StreamingHttpResponse((dumps(item) + "\n" for item in items), content_type=NDJSON)


def error_response(status, message):
    return json_response({"status": status, "error": str(message)}, status=status)


def client_address(request):
    """The visitor's address as allauth sees it behind the configured number of proxies. The API never reads the
    session, so its responses do not vary by cookie."""
    return get_adapter(request).get_client_ip(request)


def seconds_to_wait(request):
    """0 if this client may make one more request now; else how long until its window ends."""
    now = time.time()
    window = int(now // WINDOW_SECONDS)
    key = f"{client_address(request)}:{window}"
    if ratelimits.hit("open-data", key, settings.OPEN_DATA_REQUESTS_PER_MINUTE, window=WINDOW_SECONDS * 2):
        return 0
    return max(1, math.ceil((window + 1) * WINDOW_SECONDS - now))


def _open_to_all(response):
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag, Link, Retry-After"
    response["Link"] = link_header()
    return response


def _preflight():
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    response["Access-Control-Allow-Headers"] = "Accept, If-None-Match, If-Modified-Since"
    response["Access-Control-Max-Age"] = "86400"
    return response


def _cacheable(request, response):
    """Shared caches may keep a result for a few minutes; an unchanged one is answered 304 by its ETag (or, for a
    file, its Last-Modified date)."""
    if not response.streaming and not response.has_header("ETag"):
        response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
        response=response,
    )


def _unreadable(request):
    """A NUL character anywhere in the address: the site's middleware leaves these to the API, to answer in JSON."""
    in_query = any("\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists())
    return in_query or "\x00" in request.path


def api(view):
    """Wrap an API view: errors as JSON, a limit per client, CORS for every origin and cache headers."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            return _open_to_all(_preflight())
        if _unreadable(request):
            response = error_response(
                400,
                _(
                    "The web address or the form you sent contains a character that cannot be part of any address "
                    "or answer (a “null” character, sometimes left behind by copying from another program)."
                ),
            )
        elif request.method not in METHODS:
            response = error_response(405, _("This API only answers GET requests."))
            response["Allow"] = ", ".join(METHODS)
        elif wait := seconds_to_wait(request):
            response = error_response(429, _("Too many requests. Wait a minute and try again."))
            response["Retry-After"] = str(wait)
        else:
            try:
                response = view(request, *args, **kwargs)
            except ApiError as error:
                response = error_response(error.status, error.message)
        if response.status_code == 200:
            response = _cacheable(request, response)
        else:
            patch_cache_control(response, no_store=True)
        return _open_to_all(response)

    wrapper.answers_unreadable_requests = True
    return csrf_exempt(wrapper)


def not_found(message=None):
    return ApiError(404, message or _("There is nothing published with this identifier."))
