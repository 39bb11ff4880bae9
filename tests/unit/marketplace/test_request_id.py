"""Every response carries a request id; the same id is on the log lines, the error page and the admins' error email."""

import json
import logging
import logging.config
import sys

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.test import Client
from django.utils.log import configure_logging

from marketplace.settings.logs import logging_config

GENERATED = r"[0-9a-f]{32}"


class _CurrentStderr:
    """Whatever sys.stderr is when a line is written: pytest swaps it between a fixture's set-up and the test."""

    def write(self, text):
        sys.stderr.write(text)

    def flush(self):
        sys.stderr.flush()


@pytest.fixture
def production_logging(settings):
    """The production LOGGING (JSON on stderr, errors emailed to ADMINS) for one test, then the test suite's again."""
    settings.ADMINS = [("Site admin", "admin@example.org")]
    settings.ROOT_URLCONF = "tests.unit.marketplace.urls_failing"
    logging.config.dictConfig(logging_config("json", "INFO"))
    for handler in logging.getLogger().handlers:
        if type(handler) is logging.StreamHandler:
            handler.setStream(_CurrentStderr())
    yield
    logging.getLogger("django").handlers.clear()
    configure_logging(django_settings.LOGGING_CONFIG, django_settings.LOGGING)


@pytest.mark.django_db
def test_each_response_gets_a_new_request_id(client):
    first = client.get("/health/")["X-Request-ID"]
    second = client.get("/no-such-page/")["X-Request-ID"]
    assert first != second
    for request_id in (first, second):
        assert len(request_id) == 32 and int(request_id, 16) >= 0


@pytest.mark.django_db
def test_a_safe_request_id_from_the_proxy_is_kept(client):
    response = client.get("/health/", headers={"X-Request-ID": "nginx-7f3a9c2e41d04b6f"})
    assert response["X-Request-ID"] == "nginx-7f3a9c2e41d04b6f"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "incoming",
    ["<script>alert(1)</script>", "abc", "a" * 65, "id with spaces", "line\\nbreak", "-starts-with-dash"],
)
def test_an_unsafe_request_id_is_replaced(client, incoming):
    response = client.get("/health/", headers={"X-Request-ID": incoming})
    assert response["X-Request-ID"] != incoming
    assert len(response["X-Request-ID"]) == 32


@pytest.mark.django_db
def test_log_lines_of_a_request_are_json_with_its_id(production_logging, capsys):
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines() if line.startswith("{")]
    not_found = next(line for line in lines if line["logger"] == "django.request")
    assert not_found["level"] == "WARNING"
    assert not_found["message"] == "Not Found: /no-such-page/"
    assert not_found["request_id"] == response["X-Request-ID"]
    assert "time" in not_found
    assert "request" not in not_found  # its text would carry the query string


@pytest.mark.django_db
def test_log_lines_outside_a_request_say_so(production_logging, capsys):
    logging.getLogger("marketplace.tasks").warning("Mail server slow")
    line = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
    assert line == {"level": "WARNING", "logger": "marketplace.tasks", "message": "Mail server slow",
                    "request_id": "-", "time": line["time"]}  # fmt: skip


@pytest.mark.django_db
def test_a_server_error_shows_its_reference_and_emails_admins_with_it(production_logging, capsys):
    response = Client(raise_request_exception=False).get("/broken/?postcode=EH1+1YZ")
    request_id = response["X-Request-ID"]

    assert response.status_code == 500
    page = response.content.decode()
    assert "Sorry, there is a problem with the service" in page
    assert f'quote this reference: <strong class="govuk-!-font-weight-bold">{request_id}</strong>' in page

    [email] = mail.outbox
    assert email.to == ["admin@example.org"]
    assert (
        email.subject
        == f"[Self-directed Support Hub] [{request_id}] ERROR (EXTERNAL IP): Internal Server Error: /broken/"
    )
    assert f"Reference (request id): {request_id}" in email.body
    assert "RuntimeError at /broken/\nthe page broke" in email.body

    logged = [json.loads(line) for line in capsys.readouterr().err.splitlines() if line.startswith("{")]
    error = next(line for line in logged if line["logger"] == "django.request")
    assert error["level"] == "ERROR" and error["request_id"] == request_id
    assert "RuntimeError: the page broke" in error["exc_info"]
    assert "EH1" not in json.dumps(logged)


@pytest.mark.django_db
def test_the_error_page_is_in_the_visitors_language(production_logging):
    response = Client(raise_request_exception=False).get("/ar/broken-page/")
    page = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="ar" dir="rtl"' in page
    assert response["X-Request-ID"] in page


@pytest.mark.django_db
def test_a_request_for_another_host_is_logged_but_not_emailed(production_logging, capsys):
    response = Client().get("/", headers={"Host": "scanner.example.com"})
    assert response.status_code == 400
    assert mail.outbox == []
    logged = [json.loads(line) for line in capsys.readouterr().err.splitlines() if line.startswith("{")]
    assert [line["logger"] for line in logged] == ["django.security.DisallowedHost"]
    assert logged[0]["request_id"] == response["X-Request-ID"]
