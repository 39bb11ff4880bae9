"""Which settings each process runs under: a server, the worker or a scheduled job that starts with the development
settings says so loudly; demo data is refused under production settings by every route."""

import io
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from marketplace.settings.dev_warning import operational_process, warn_if_operational

ROOT = Path(__file__).resolve().parents[3]


def manage(*args, settings_module, **env):
    unwanted = {
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "DJANGO_SETTINGS_MODULE",
        "ACCEPT_DEV_SETTINGS",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
    }
    environment = {key: value for key, value in os.environ.items() if key not in unwanted}
    environment.update(env)
    if settings_module:
        environment["DJANGO_SETTINGS_MODULE"] = settings_module
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("argv", "process"),
    [
        (["manage.py", "db_worker"], "db_worker"),
        (["manage.py", "send_review_reminders"], "send_review_reminders"),
        (["manage.py", "refresh_quality_stamps", "--verbosity", "0"], "refresh_quality_stamps"),
        (["manage.py", "backup_site", "/srv/backups"], "backup_site"),
        (["/srv/sds/.venv/bin/gunicorn", "marketplace.wsgi"], "gunicorn"),
        (["uwsgi", "--ini", "sds.ini"], "uwsgi"),
        (["manage.py", "runserver"], None),
        (["manage.py", "migrate"], None),
        (["manage.py", "load_demo_data"], None),
        (["manage.py", "--help"], None),
        (["manage.py"], None),
        (["/usr/bin/pytest", "tests"], None),
    ],
)
def test_servers_workers_and_jobs_are_operational_but_developer_commands_are_not(argv, process):
    assert operational_process(argv) == process


def test_a_developer_can_silence_the_warning(monkeypatch):
    stream = io.StringIO()
    warn_if_operational(["manage.py", "db_worker"], stream)
    assert "WARNING: db_worker is starting with the DEVELOPMENT settings" in stream.getvalue()

    monkeypatch.setenv("ACCEPT_DEV_SETTINGS", "1")
    stream = io.StringIO()
    warn_if_operational(["manage.py", "db_worker"], stream)
    assert stream.getvalue() == ""


def test_a_scheduled_job_started_without_settings_warns_on_stderr():
    # manage.py's default is the development settings: the cron line that forgets DJANGO_SETTINGS_MODULE.
    result = manage("send_listing_reminders", "--help", settings_module=None)
    assert result.returncode == 0, result.stderr
    assert "WARNING: send_listing_reminders is starting with the DEVELOPMENT settings" in result.stderr
    assert "DJANGO_SETTINGS_MODULE=marketplace.settings.production" in result.stderr


def test_the_same_job_under_production_settings_starts_quietly():
    result = manage(
        "send_listing_reminders",
        "--help",
        settings_module="marketplace.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="sds.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr


def test_demo_data_is_refused_under_production_settings(tmp_path):
    result = manage(
        "load_demo_data",
        settings_module="marketplace.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="sds.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3",
    )
    assert result.returncode == 1
    assert "Refusing to use demo data with these settings (marketplace.settings.production)" in result.stderr
    assert not (tmp_path / "db.sqlite3").exists() or (tmp_path / "db.sqlite3").stat().st_size == 0
