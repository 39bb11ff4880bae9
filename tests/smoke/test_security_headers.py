"""Security headers of the production server (tests/smoke/conftest.py starts it)."""

import gzip
import re

import pytest

PUBLIC_PAGES = ["/", "/guidance/", "/guidance/employing-a-pa/", "/glossary/", "/find-support/", "/accounts/login/"]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle=", re.IGNORECASE)


def policy(response):
    header = response.headers["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in header.split(";") if part.strip())}


def test_https_pages_carry_the_security_headers(production_server):
    headers = production_server.get("/").headers
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_allow_scripts_and_styles_from_the_site_only(production_server, path):
    response = production_server.get(path)
    assert response.status == 200
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response.headers["Content-Security-Policy"]
    # What the policy would refuse must not be in the page: it would silently stop working.
    assert not INLINE_SCRIPT.search(response.text), INLINE_SCRIPT.search(response.text)
    assert not STYLE_ATTRIBUTE.search(response.text), STYLE_ATTRIBUTE.search(response.text)


def test_the_admin_has_its_own_policy_with_inline_code_for_wagtail(production_server):
    directives = policy(production_server.get("/admin/"))
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'self'"]


def test_browser_features_the_site_never_uses_are_turned_off(production_server):
    features = dict(
        item.strip().split("=", 1) for item in production_server.get("/").headers["Permissions-Policy"].split(",")
    )
    for feature in ("camera", "microphone", "payment", "usb", "display-capture"):
        assert features[feature] == "()"
    assert features["geolocation"] == "(self)"  # "use my location" on find support


def test_anonymous_pages_come_compressed_from_the_page_cache(production_server):
    path = "/glossary/"
    production_server.get(path, {"Accept-Encoding": "gzip"})
    again = production_server.get(path, {"Accept-Encoding": "gzip"})
    assert again.headers["X-Page-Cache"] == "hit"
    assert again.headers["Content-Encoding"] == "gzip"
    assert "Direct payment" in gzip.decompress(again.body).decode()
    assert "Content-Security-Policy" in again.headers
    assert re.fullmatch(r"[0-9a-f]{32}", again.headers["X-Request-ID"])


def test_a_visitor_with_a_session_is_never_served_from_the_page_cache(production_server):
    production_server.get("/guidance/")
    with_session = production_server.get("/guidance/", {"Cookie": "sessionid=not-a-real-session"})
    assert with_session.status == 200
    assert "X-Page-Cache" not in with_session.headers


def test_a_page_served_again_from_a_workers_memory_is_the_same_page_with_its_own_request_id(production_server):
    path = "/guidance/employing-a-pa/"
    answers = [production_server.get(path, {"Accept-Encoding": "gzip"}) for _ in range(6)]
    per_response = {"Date", "X-Request-ID", "X-Page-Cache"}

    def lasting(answer):
        return [(name, value) for name, value in answer.headers.items() if name not in per_response]

    assert all(answer.headers["X-Page-Cache"] == "hit" for answer in answers[1:])
    assert all(answer.body == answers[0].body and lasting(answer) == lasting(answers[0]) for answer in answers)
    assert answers[-1].headers["Strict-Transport-Security"].startswith("max-age=")
    assert len({answer.headers["X-Request-ID"] for answer in answers}) == len(answers)
    assert production_server.get(path, {"Accept-Encoding": "gzip"}, host="attacker.example").status == 400
    assert production_server.get(path, {"Accept-Encoding": "gzip"}, https=False).status == 301
