"""Smoke test of the production set-up: gunicorn, production settings, collected static files, a TLS proxy header.

Security headers (Content-Security-Policy, Permissions-Policy and the rest) are checked in test_security_headers.py,
against the same server.
"""

import gzip
import json
import re
import sqlite3
import time

import brotli
import pytest

FAR_FUTURE = "max-age=315360000, public, immutable"


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/", "<html"),
        ("/guidance/employing-a-pa/", "Employing a personal assistant"),
        ("/glossary/", "Direct payment"),
        ("/find-support/", "<form"),
        ("/find-support/?location=EH1+1YZ&needs=dementia", "<html"),
    ],
)
def test_pages_answer_through_the_tls_proxy(production_server, path, words):
    response = production_server.get(path)
    assert response.status == 200, response.text[:2000]
    assert words in response.text
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["X-Request-ID"])


def test_plain_http_is_sent_to_https(production_server):
    response = production_server.get("/guidance/", https=False)
    assert response.status == 301
    assert response.headers["Location"] == "https://localhost/guidance/"


def test_health_answers_a_load_balancer_by_address_over_http(production_server):
    response = production_server.get("/health/", https=False, host="127.0.0.1")
    assert response.status == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Content-Type"] == "application/json"
    body = json.loads(response.body)
    assert body["status"] == "ok"
    assert {name: check["status"] for name, check in body["checks"].items()} == {
        "database": "ok",
        "cache": "ok",  # the database cache: production without REDIS_URL
        "tasks": "ok",  # the database queue, empty
        "search": "not configured",
    }


def test_static_files_are_compressed_and_cached_for_ever(production_server):
    page = production_server.get("/").text
    stylesheet = re.search(r'href="(/static/css/main\.[0-9a-f]{12}\.css)"', page)
    assert stylesheet, "the home page links no hashed stylesheet: were static files collected?"
    plain = production_server.get(stylesheet[1])
    assert plain.status == 200 and plain.headers["Cache-Control"] == FAR_FUTURE

    as_brotli = production_server.get(stylesheet[1], {"Accept-Encoding": "br, gzip"})
    assert as_brotli.headers["Content-Encoding"] == "br"
    assert as_brotli.headers["Cache-Control"] == FAR_FUTURE
    assert brotli.decompress(as_brotli.body) == plain.body
    assert len(as_brotli.body) < len(plain.body) / 4

    as_gzip = production_server.get(stylesheet[1], {"Accept-Encoding": "gzip"})
    assert as_gzip.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(as_gzip.body) == plain.body


def _access_log_once_it_has(server, request_id, seconds=10):
    """gunicorn writes a request's access line after the last byte of the response: a fast client can look first."""
    deadline = time.monotonic() + seconds
    while True:
        logged = [json.loads(line) for line in server.access_log.read_text().splitlines()]
        if any(entry["request_id"] == request_id for entry in logged) or time.monotonic() > deadline:
            return logged
        time.sleep(0.05)


def test_a_request_id_from_the_proxy_is_answered_and_logged_as_json(production_server):
    response = production_server.get("/find-support/", {"X-Request-ID": "smoke-test-0123456789"})
    assert response.headers["X-Request-ID"] == "smoke-test-0123456789"
    unsafe = production_server.get("/", {"X-Request-ID": "<script>alert(1)</script>"})
    assert re.fullmatch(r"[0-9a-f]{32}", unsafe.headers["X-Request-ID"])

    logged = _access_log_once_it_has(production_server, "smoke-test-0123456789")
    line = next(entry for entry in logged if entry["request_id"] == "smoke-test-0123456789")
    assert line["logger"] == "gunicorn.access"
    assert line["path"] == "/find-support/" and line["status"] == 200 and line["duration_ms"] > 0
    assert all("EH1" not in json.dumps(entry) for entry in logged)  # no query strings, so no postcodes
    for error_line in production_server.error_log.read_text().splitlines():
        assert json.loads(error_line)["level"]  # gunicorn's own lines are JSON too


def test_demo_data_is_refused_under_production_settings(production_server):
    def users():
        with sqlite3.connect(production_server.database) as database:
            return database.execute("SELECT COUNT(*) FROM marketplace_user").fetchone()[0]

    before = users()
    for command in (["load_demo_data"], ["demo_mfa_code"]):
        result = production_server.manage(*command)
        assert result.returncode == 1
        assert "Refusing to use demo data with these settings (marketplace.settings.production)" in result.stderr
    assert users() == before
    make = production_server.manage("load_demo_data", "--allow-production")
    assert make.returncode != 0 and "unrecognized arguments" in make.stderr
