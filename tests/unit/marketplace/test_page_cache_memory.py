"""Each server process answers stored pages from its own memory before Django handles the request, exactly as Django
would have answered them from the shared page cache (marketplace/core/page_cache_memory.py). These tests call the
WSGI application as gunicorn does, wrapped as marketplace/wsgi.py wraps it."""

import io
import re
from dataclasses import dataclass

import pytest
from django.core.cache import caches
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from marketplace.core import page_cache_memory
from marketplace.core.page_cache_memory import MemoryCopies, serve_from_memory
from tests.factories import UserFactory
from tests.site_tree import publish

GUIDANCE = "/guidance/employing-a-pa/"
PER_RESPONSE = {"X-Request-ID", "X-Page-Cache"}


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    caches["pages"].clear()
    page_cache_memory.memory.clear()
    yield
    page_cache_memory.memory.clear()


@dataclass
class Answer:
    status: str
    headers: list
    body: bytes
    handled_by_django: bool

    def header(self, name):
        return next((value for key, value in self.headers if key.lower() == name.lower()), None)

    def headers_but(self, left_out):
        return [(name, value) for name, value in self.headers if name not in left_out]


class Server:
    """The site as gunicorn calls it. Built after a test's settings, as middleware reads some of them at start."""

    def __init__(self):
        self.application = serve_from_memory(WSGIHandler())

    def request(self, path, method="GET", host="localhost", https=False, headers=None):
        path_info, _, query = path.partition("?")
        environ = {
            "REQUEST_METHOD": method,
            "SCRIPT_NAME": "",
            "PATH_INFO": path_info,
            "QUERY_STRING": query,
            "SERVER_NAME": "localhost",
            "SERVER_PORT": "443" if https else "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": host,
            "wsgi.url_scheme": "https" if https else "http",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": io.StringIO(),
            "wsgi.multithread": True,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        for name, value in (headers or {}).items():
            environ["HTTP_" + name.upper().replace("-", "_")] = value
        started = []
        sent = {}

        def count(**kwargs):
            started.append(True)

        def start_response(status, response_headers, exc_info=None):
            sent.update(status=status, headers=response_headers)

        # As Django's test client does: closing connections at the end of a request would end the test's transaction.
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        request_started.connect(count)
        try:
            result = self.application(environ, start_response)
            body = b"".join(result)
            if hasattr(result, "close"):
                result.close()
        finally:
            request_started.disconnect(count)
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        return Answer(sent["status"], sent["headers"], body, bool(started))

    def get(self, path, **kwargs):
        return self.request(path, **kwargs)


@pytest.fixture
def server():
    return Server()


@pytest.mark.parametrize("headers", [{}, {"Accept-Encoding": "gzip, br"}], ids=["plain", "gzip"])
def test_a_page_from_memory_is_the_page_django_stored(server, site_tree, headers):
    first = server.get(GUIDANCE, headers=headers)
    second = server.get(GUIDANCE, headers=headers)
    assert (first.status, first.header("X-Page-Cache"), first.handled_by_django) == ("200 OK", "miss", True)
    assert (second.status, second.header("X-Page-Cache"), second.handled_by_django) == ("200 OK", "hit", False)
    assert second.body == first.body
    assert second.headers_but(PER_RESPONSE) == first.headers_but(PER_RESPONSE)
    assert second.header("Content-Security-Policy") and second.header("Permissions-Policy")
    assert second.header("X-Content-Type-Options") == "nosniff"
    assert second.header("Content-Encoding") == ("gzip" if headers else None)


def test_each_language_and_encoding_has_its_own_copy(server, multilingual_site):
    server.get(GUIDANCE)
    server.get(f"/ur{GUIDANCE}")
    server.get(GUIDANCE, headers={"Accept-Encoding": "gzip"})
    english, urdu = server.get(GUIDANCE), server.get(f"/ur{GUIDANCE}")
    zipped = server.get(GUIDANCE, headers={"Accept-Encoding": "gzip"})
    assert not (english.handled_by_django or urdu.handled_by_django or zipped.handled_by_django)
    assert "ذاتی معاون کو ملازم رکھنا" in urdu.body.decode()
    assert "ذاتی معاون کو ملازم رکھنا" not in english.body.decode()
    assert (english.header("Content-Language"), urdu.header("Content-Language")) == ("en", "ur")
    assert zipped.header("Content-Encoding") == "gzip" and english.header("Content-Encoding") is None


def test_every_response_has_its_own_request_id(server, site_tree):
    server.get(GUIDANCE)
    ids = [server.get(GUIDANCE).header("X-Request-ID") for _ in range(3)]
    assert all(re.fullmatch(r"[0-9a-f]{32}", value) for value in ids)
    assert len(set(ids)) == 3
    from_proxy = server.get(GUIDANCE, headers={"X-Request-ID": "nginx-4f9c2a7e11"})
    assert (from_proxy.handled_by_django, from_proxy.header("X-Request-ID")) == (False, "nginx-4f9c2a7e11")
    forged = server.get(GUIDANCE, headers={"X-Request-ID": "<script>alert(1)</script>"})
    assert re.fullmatch(r"[0-9a-f]{32}", forged.header("X-Request-ID"))


def test_a_head_request_gets_the_headers_of_the_page(server, site_tree):
    page = server.get(GUIDANCE)
    head = server.request(GUIDANCE, method="HEAD")
    assert (head.status, head.handled_by_django) == ("200 OK", False)
    assert head.headers_but(PER_RESPONSE) == page.headers_but(PER_RESPONSE)


def test_publishing_a_page_shows_the_new_version_at_once(server, site_tree):
    server.get(GUIDANCE)
    assert "Employing a personal assistant" in server.get(GUIDANCE).body.decode()
    guidance = site_tree["guidance"]
    guidance.title = "Employing your own personal assistant"
    publish(guidance)
    fresh = server.get(GUIDANCE)
    assert (fresh.header("X-Page-Cache"), fresh.handled_by_django) == ("miss", True)
    assert "Employing your own personal assistant" in fresh.body.decode()


def test_a_change_shows_in_every_process_within_the_check_interval(settings, server, site_tree, monkeypatch):
    settings.PAGE_CACHE_CHECK_SECONDS = 1
    now = [1000.0]
    monkeypatch.setattr(page_cache_memory, "clock", lambda: now[0])
    server.get(GUIDANCE)
    server.get(GUIDANCE)  # the process has read the generation now
    guidance = site_tree["guidance"]
    guidance.title = "Employing your own personal assistant"
    publish(guidance)  # as if in another process: this one learns of it when it next reads the generation
    now[0] += 0.5
    assert "Employing a personal assistant" in server.get(GUIDANCE).body.decode()
    now[0] += 0.5
    assert "Employing your own personal assistant" in server.get(GUIDANCE).body.decode()


@pytest.mark.parametrize("cookie", ["sessionid", "messages"])
def test_a_visitor_with_a_session_or_a_message_never_gets_a_stored_page(client, server, site_tree, cookie):
    server.get(GUIDANCE)
    server.get(GUIDANCE)
    if cookie == "sessionid":
        client.force_login(UserFactory(email="someone@example.org"))
        value = client.cookies["sessionid"].value
    else:
        value = "a-message-waiting"
    for _ in range(2):
        answer = server.get(GUIDANCE, headers={"Cookie": f"{cookie}={value}"})
        assert (answer.status, answer.handled_by_django, answer.header("X-Page-Cache")) == ("200 OK", True, None)
    if cookie == "sessionid":
        assert "Your account" in answer.body.decode()
        assert "private" in answer.header("Cache-Control")
    assert server.get(GUIDANCE).handled_by_django is False


def test_a_host_not_allowed_is_refused_even_for_a_page_in_memory(server, site_tree):
    server.get(GUIDANCE)
    assert server.get(GUIDANCE).handled_by_django is False
    refused = server.get(GUIDANCE, host="attacker.example")
    assert (refused.status, refused.handled_by_django) == ("400 Bad Request", True)


def test_plain_http_is_still_sent_to_https_and_https_pages_keep_hsts(settings, site_tree):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 3600
    server = Server()
    server.get(GUIDANCE, https=True)
    secure = server.get(GUIDANCE, https=True)
    assert (secure.handled_by_django, secure.header("Strict-Transport-Security")) == (False, "max-age=3600")
    plain = server.get(GUIDANCE)
    assert plain.status == "301 Moved Permanently"
    assert plain.header("Location") == f"https://localhost{GUIDANCE}"


def test_pages_with_a_form_are_rendered_for_each_visitor(server, site_tree):
    first, second = server.get("/accounts/login/"), server.get("/accounts/login/")
    assert first.handled_by_django and second.handled_by_django
    assert first.header("X-Page-Cache") is None and second.header("X-Page-Cache") is None


def test_a_post_is_never_answered_from_memory(server, site_tree):
    server.get(GUIDANCE)
    assert server.request(GUIDANCE, method="POST").handled_by_django


def test_memory_holds_at_most_its_budget_and_drops_the_oldest_first(settings):
    settings.PAGE_CACHE_MEMORY_BYTES = 10
    copies = MemoryCopies()
    for name in ("first", "second", "third"):
        copies.keep(name, 1, 0.0, "200 OK", (), b"12345")
    assert len(copies) == 2
    copies.keep("too-big", 1, 0.0, "200 OK", (), b"12345678901")
    assert len(copies) == 2


def test_nothing_is_kept_in_memory_when_the_page_cache_is_off(settings, server, site_tree):
    settings.PAGE_CACHE_SECONDS = 0
    server.get(GUIDANCE)
    assert server.get(GUIDANCE).handled_by_django
    assert len(page_cache_memory.memory) == 0
