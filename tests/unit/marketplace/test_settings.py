"""Production settings are strict: they refuse to start without secrets and pass Django's deployment checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def manage(*args, **env):
    unwanted = {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}  # the last: browser tests
    environment = {key: value for key, value in os.environ.items() if key not in unwanted}
    environment.update(env)
    environment["DJANGO_SETTINGS_MODULE"] = "marketplace.settings.production"
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_reports_no_warnings_under_production_settings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="sds.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", ALLOWED_HOSTS="sds.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", SECRET_KEY=secrets.token_urlsafe(50))
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_the_listing_search_engine_follows_page_search_and_unknown_engines_are_refused():
    required = {"SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "sds.example.org"}
    required["LISTING_SEARCH_ENGINE"] = ""  # unset, whatever this shell says
    show = ("shell", "--no-imports", "-c", "from django.conf import settings; print(settings.LISTING_SEARCH_ENGINE)")
    engine = "http://127.0.0.1:9200"
    assert manage(*show, **required, SEARCH_URL=engine).stdout.strip() == "elasticsearch"
    opensearch = manage(*show, **required, SEARCH_URL=engine, SEARCH_BACKEND="wagtail.search.backends.opensearch3")
    assert opensearch.stdout.strip() == "opensearch", opensearch.stderr
    refused = manage("check", **{**required, "LISTING_SEARCH_ENGINE": "solr"})
    assert refused.returncode != 0
    assert "LISTING_SEARCH_ENGINE must be 'elasticsearch' or 'opensearch'" in refused.stderr
