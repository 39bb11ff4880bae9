"""The health endpoint for load balancers and monitoring: `/health/`, JSON, no sign-in, no secrets.

Each check answers "ok", "degraded" (the site still works, less well), "error" or "not configured". A failing
critical check (the database, the cache) makes the answer 503, so a load balancer stops sending visitors to this
server; anything else only marks the answer as degraded. Apps add checks with `register` (search registers the
listing search engine, which is not critical: find support falls back to the database).

Failures are logged for operators; the answer names only the kind of failure, never a message that could hold a
host name, a URL with credentials or a query.
"""

import logging
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone

logger = logging.getLogger(__name__)

PATHS = ("/health/", "/health")
OK, DEGRADED, ERROR, NOT_CONFIGURED = "ok", "degraded", "error", "not configured"

_checks = {}


def register(name, critical=False):
    def decorate(function):
        _checks[name] = (function, critical)
        return function

    return decorate


def _run(name, function):
    started = time.perf_counter()
    try:
        result = function()
    except Exception as error:  # noqa: BLE001 - any failure of a dependency is what this endpoint reports
        logger.warning("Health check %s failed: %r", name, error)
        result = {"status": ERROR, "error": type(error).__name__}
    result["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return result


def run_checks():
    """(overall status, HTTP status code, results by check name)."""
    results, overall, code = {}, OK, 200
    for name, (function, critical) in _checks.items():
        result = results[name] = _run(name, function)
        if result["status"] == ERROR and critical:
            overall, code = ERROR, 503
        elif result["status"] in (ERROR, DEGRADED) and overall == OK:
            overall = DEGRADED
    return overall, code, results


@register("database", critical=True)
def database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"status": OK}


@register("cache", critical=True)
def cache_round_trip():
    key = f"health:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    found = cache.get(key)
    cache.delete(key)
    if found != "1":
        return {"status": ERROR, "error": "value not read back"}
    return {"status": OK}


@register("tasks")
def task_queue():
    """How long the oldest task that could run now has been waiting: a stopped worker shows as a growing lag."""
    backend = settings.TASKS["default"]["BACKEND"]
    if backend != "django_tasks_db.backend.DatabaseBackend":
        return {"status": NOT_CONFIGURED, "backend": backend.rsplit(".", 1)[-1]}
    from django_tasks_db.models import DBTaskResult, get_date_max

    now = timezone.now()
    ready = DBTaskResult.objects.ready()
    waiting = ready.count()
    oldest = None
    if waiting:
        # A task scheduled for later became ready at its run_after; one without a time, when it was enqueued.
        unscheduled = ready.filter(run_after=get_date_max()).order_by("enqueued_at").values_list("enqueued_at")
        scheduled = ready.exclude(run_after=get_date_max()).order_by("run_after").values_list("run_after")
        since = [row[0] for row in (unscheduled.first(), scheduled.first()) if row]
        oldest = max(0, round((now - min(since)).total_seconds()))
    lagging = oldest is not None and oldest > settings.HEALTH_TASK_LAG_SECONDS
    return {"status": DEGRADED if lagging else OK, "ready": waiting, "oldest_ready_seconds": oldest}


def health(request):
    overall, code, results = run_checks()
    response = JsonResponse({"status": overall, "checks": results}, status=code)
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    """Answers the health path itself, ahead of ALLOWED_HOSTS, the HTTPS redirect, sessions and languages: load
    balancers call servers by address, over plain HTTP, and a health check must not create a session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path in PATHS and request.method in ("GET", "HEAD"):
            return health(request)
        return self.get_response(request)
