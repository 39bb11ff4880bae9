"""/health/ tells a load balancer whether this server can serve: 200 when it can (perhaps degraded), 503 when the
database or the cache fails. Failures here are real: a closed port, a database file that cannot be opened."""

import json
import os
import socket
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from marketplace.core.tasks import send_email

ROOT = Path(__file__).resolve().parents[3]
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def health(client, **headers):
    response = client.get("/health/", headers=headers)
    return response, json.loads(response.content)


@pytest.mark.django_db
def test_a_healthy_server_answers_200_with_each_check(client):
    response, body = health(client)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies  # no session for a load balancer's thousands of calls
    assert body["status"] == "ok"
    assert body["checks"]["database"]["status"] == "ok"
    assert body["checks"]["cache"]["status"] == "ok"
    assert body["checks"]["tasks"] == {"status": "not configured", "backend": "ImmediateBackend", "ms": 0.0}
    assert body["checks"]["search"]["status"] == "not configured"


@pytest.mark.django_db
def test_a_load_balancer_may_call_by_address_over_plain_http(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["sds.example.org"]
    response, body = health(client, Host="10.0.4.17:8000")
    assert response.status_code == 200
    assert body["status"] == "ok"
    assert client.get("/", headers={"Host": "10.0.4.17:8000"}).status_code == 400  # the rest of the site still checks


@pytest.mark.django_db
def test_a_cache_that_cannot_be_reached_makes_the_server_unhealthy(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://:secret-password@127.0.0.1:{closed_port()}/0",
        }
    }
    response, body = health(client)
    assert response.status_code == 503
    assert body["status"] == "error"
    assert body["checks"]["cache"]["status"] == "error"
    assert body["checks"]["cache"]["error"] == "ConnectionError"
    assert body["checks"]["database"]["status"] == "ok"
    assert "secret-password" not in response.content.decode()


def test_a_database_that_cannot_be_opened_makes_the_server_unhealthy(tmp_path):
    """In a process of its own: the test suite's database must stay open for the other tests."""
    probe = (
        "import django, json; django.setup(); from django.test import Client; "
        "r = Client().get('/health/'); print(json.dumps([r.status_code, json.loads(r.content)]))"
    )
    environment = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    environment.update(
        DJANGO_SETTINGS_MODULE="marketplace.settings.test",
        DATABASE_URL=f"sqlite:///{tmp_path}/no-such-folder/db.sqlite3",
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    status, body = json.loads(result.stdout.strip().splitlines()[-1])
    assert status == 503
    assert body["status"] == "error"
    assert body["checks"]["database"] == {
        "status": "error",
        "error": "OperationalError",
        "ms": body["checks"]["database"]["ms"],
    }
    assert body["checks"]["cache"]["status"] == "ok"


@pytest.mark.django_db
def test_task_queue_lag_is_reported_and_a_stalled_worker_degrades_the_server(client, settings):
    settings.TASKS = DATABASE_TASKS
    settings.HEALTH_TASK_LAG_SECONDS = 300

    response, body = health(client)
    assert body["checks"]["tasks"]["status"] == "ok"
    assert body["checks"]["tasks"]["ready"] == 0 and body["checks"]["tasks"]["oldest_ready_seconds"] is None

    send_email.enqueue("Hello", "Body", ["a@example.org"])
    send_email.enqueue("Hello again", "Body", ["b@example.org"])
    response, body = health(client)
    assert body["status"] == "ok"
    assert body["checks"]["tasks"]["ready"] == 2
    assert body["checks"]["tasks"]["oldest_ready_seconds"] < 60

    # No worker has taken them for ten minutes.
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=10))
    response, body = health(client)
    assert response.status_code == 200  # the pages still work; emails and index updates wait
    assert body["status"] == "degraded"
    assert body["checks"]["tasks"]["status"] == "degraded"
    assert 600 <= body["checks"]["tasks"]["oldest_ready_seconds"] < 660


@pytest.mark.django_db
def test_a_task_scheduled_for_later_is_not_lag_until_its_time(client, settings):
    settings.TASKS = DATABASE_TASKS
    send_email.using(run_after=timezone.now() + timedelta(hours=1)).enqueue("Later", "Body", ["a@example.org"])
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(days=1))
    _response, body = health(client)
    assert body["checks"]["tasks"]["ready"] == 0
    assert body["status"] == "ok"

    DBTaskResult.objects.update(run_after=timezone.now() - timedelta(minutes=20))
    _response, body = health(client)
    assert body["checks"]["tasks"]["ready"] == 1
    assert 1200 <= body["checks"]["tasks"]["oldest_ready_seconds"] < 1260
    assert body["status"] == "degraded"
