"""Turning a Target into requests: URL arguments, query strings and form bodies drawn by Hypothesis, sent through
Django's test client as a signed-in role, each in a savepoint that is rolled back so every case starts from the same
site."""

import copy
import functools
import re
import time
from urllib.parse import urlencode

from django.core import mail
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation
from hypothesis import strategies as st

from . import report
from .targets import ACTIONS
from .values import HUGE_INTS, JUNK_NAMES, MARKUP, nasty, param_values, short_text, upload, values

LANGUAGES = ("en", "ur", "pl", "gd", "ar")
METHODS_ALWAYS = ("HEAD", "PUT")  # every view must answer these sensibly too (usually 405), now and then
INT_ARGUMENTS = {"pk", "member_pk", "photo_pk", "document_id", "restriction_id", "page_view_restriction_id", "page_id"}
FILE_FIELDS = {"photo", "image", "evidence"}
_FIELD = re.compile(r"<(?:input|select|textarea|button)\b[^>]*?\bname=\"([^\"]+)\"[^>]*>", re.IGNORECASE)
_FILE_INPUT = re.compile(r"<input\b[^>]*?\btype=\"file\"[^>]*?\bname=\"([^\"]+)\"", re.IGNORECASE)


# --- The URL patterns the site serves ---------------------------------------------------------------------------


def url_patterns(patterns=None, prefix="", namespace=None):
    """(key, route, view module, positional) for every URL pattern; key is the namespaced name, else the route."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(part for part in (namespace, pattern.namespace) if part) or None
            yield from url_patterns(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            callback = pattern.callback
            view = getattr(callback, "view_class", callback)
            route = prefix + str(pattern.pattern)
            key = f"{namespace}:{pattern.name}" if namespace and pattern.name else (pattern.name or route)
            regex = pattern.pattern.regex
            positional = regex.groups > 0 and not regex.groupindex
            yield key, route, view.__module__, positional


@functools.cache
def positional_names():
    return {key for key, _route, _module, positional in url_patterns() if positional}


# --- Strategies -------------------------------------------------------------------------------------------------

KEEP_OR_CHANGE = st.sampled_from(["keep", "keep", "keep", "drop", "hostile", "list"])
CHANGE = st.sampled_from(["drop", "hostile", "list"])
FILE_OR_NOT = st.sampled_from(["file", "file", "drop", "hostile"])
JUNK_PAIRS = st.lists(st.tuples(JUNK_NAMES, values()), max_size=2)
INT_HOSTILE = st.one_of(st.sampled_from(HUGE_INTS[:1] + HUGE_INTS[2:4] + ["0"]), st.integers(0, 10**12).map(str))
SLUG_HOSTILE = st.from_regex(r"[-a-zA-Z0-9_]{1,80}", fullmatch=True)
PATH_HOSTILE = st.from_regex(r"(?:[\w\-]{1,20}/){0,3}", fullmatch=True)
TEXT_HOSTILE = st.one_of(nasty, short_text.filter(bool))


def _argument(name, real):
    if name in INT_ARGUMENTS:
        hostile = INT_HOSTILE
    elif name == "slug":
        hostile = SLUG_HOSTILE
    elif name == "path":
        hostile = PATH_HOSTILE
    else:
        hostile = TEXT_HOSTILE
    return st.one_of(st.sampled_from(real), hostile) if real else hostile


def url_for(target, world, positional):
    """A strategy for the path: real or hostile URL arguments, in one of the site's languages."""
    real = {name: world.real(what) or ACTIONS.get(what, []) for name, what in target.kwargs.items()}
    arguments = st.fixed_dictionaries({name: _argument(name, values_) for name, values_ in real.items()})
    languages = st.sampled_from(LANGUAGES) if target.i18n else st.just("en")

    def build(drawn):
        chosen, language = drawn
        with translation.override(language):
            try:
                return _reverse(target.name, chosen, positional)
            except NoReverseMatch:  # the value cannot be in this URL at all (a / in it, say): use a real one
                fallback = {name: (values_ or ["1"])[0] for name, values_ in real.items()}
                return _reverse(target.name, fallback, positional)

    return st.tuples(arguments, languages).map(build)


def real_path(target, world, positional):
    """The path with the first real value of each URL argument."""
    arguments = {name: (world.real(what) or ACTIONS.get(what, ["1"]))[0] for name, what in target.kwargs.items()}
    return _reverse(target.name, arguments, positional)


def _reverse(name, arguments, positional):
    if positional:
        return reverse(name, args=[str(value) for value in arguments.values()])
    return reverse(name, kwargs={key: str(value) for key, value in arguments.items()})


@functools.cache
def _known_params(params):
    return st.fixed_dictionaries({}, optional={name: param_values(valid) for name, valid in params})


def query_pairs(target):
    """Known parameters (valid or hostile, sometimes repeated) and a few unknown ones, as (name, value) pairs."""
    known = _known_params(tuple((name, tuple(valid)) for name, valid in target.params.items()))
    return st.tuples(known, JUNK_PAIRS).map(
        lambda drawn: [(name, item) for name, items in drawn[0].items() for item in items] + drawn[1]
    )


@st.composite
def form_body(draw, baseline, names, file_names):
    """A POST body: each field kept valid, left out, repeated or replaced with something hostile; files included."""
    body = {}
    for name in sorted(set(baseline) | names):
        valid = baseline.get(name)
        valid_list = valid if isinstance(valid, list) else ([] if valid is None else [valid])
        choices = FILE_OR_NOT if name in file_names else KEEP_OR_CHANGE if valid_list else CHANGE
        choice = draw(choices)
        if choice == "keep":
            body[name] = [str(item) for item in valid_list] if isinstance(valid, list) else str(valid)
        elif choice == "hostile":
            body[name] = draw(values(valid_list))
        elif choice == "list":
            body[name] = draw(st.lists(values(valid_list), min_size=2, max_size=4))
        elif choice == "file":
            body[name] = draw(upload)
    for name, item in draw(JUNK_PAIRS):
        body.setdefault(name, item)
    return body


def page_fields(html):
    """The names of a page's form fields (and which of them take files), as the browser would send them."""
    names = set(_FIELD.findall(html)) - {"csrfmiddlewaretoken"}
    return names, set(_FILE_INPUT.findall(html)) | (names & FILE_FIELDS)


# --- Sending a case ---------------------------------------------------------------------------------------------


def sign_in_once(world):
    """A session per role, made once (in the module's transaction); each case starts from a copy of its cookies, and
    whatever a case does to the session (signing out, say) is rolled back with the rest."""
    for role, user in world.users.items():
        client = Client()
        client.force_login(user)
        if world.session.get(role):
            session = client.session
            session.update(world.session[role])
            session.save()
        world.cookies[role] = client.cookies


def forget_rate_limits():
    """Rate limits would answer most later cases with a 429; the rest of the cache (Wagtail's site paths, local
    prices) stays, as it would between real requests."""
    store = cache._cache  # the local-memory cache the test settings use
    for key in [key for key in store if ":rl:" in key or "saved-search:" in key or "ratelimit:open-data:" in key]:
        cache.delete(key.split(":", 2)[2])


def send(world, target, role, method, path, pairs, body=None):
    """One case: a browser with `role`'s session sends the request, in a savepoint rolled back afterwards."""
    query = urlencode(pairs)
    url = f"{path}?{query}" if query else path
    started, cpu = time.perf_counter(), time.process_time()
    client = Client(raise_request_exception=True)
    if role != "anonymous":
        client.cookies = copy.deepcopy(world.cookies[role])
    try:
        with transaction.atomic():
            forget_rate_limits()
            mail.outbox = []
            if method == "POST":
                response = client.post(url, body or {})
            elif method == "PUT":
                response = client.put(url, urlencode(list((body or {}).items()), doseq=True))
            else:
                response = client.generic(method, url)
            transaction.set_rollback(True)
    except Exception:
        report.record(target.name, time.perf_counter() - started, time.process_time() - cpu, server_error=True)
        raise
    failed = response.status_code >= 500
    report.record(target.name, time.perf_counter() - started, time.process_time() - cpu, server_error=failed)
    return response


def check(response, description):
    assert response.status_code < 500, f"{response.status_code} for {description}"
    content_type = response.get("Content-Type", "")
    if content_type.startswith("text/html") and not getattr(response, "streaming", False):
        assert MARKUP not in response.content.decode(errors="replace"), f"unescaped markup in {description}"
