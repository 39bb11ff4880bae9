"""The site under the production server, as CI and a council run it: gunicorn (gunicorn.conf.py) with the production
settings, static files collected and compressed, on a scratch SQLite database with a small guidance site, behind a
simulated TLS proxy (requests carry X-Forwarded-Proto: https, as the settings expect with BEHIND_TLS_PROXY on).

`production_server` is started once per test session and shared: smoke tests of other concerns (security headers,
caching) use it too. If the server cannot start, every test that uses it fails; none skips.
"""

import http.client
import os
import secrets
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
START_TIMEOUT_SECONDS = 90
# Settings this test decides; whatever the developer's shell or the PostgreSQL CI run exported must not leak in.
CLEARED = (
    "DJANGO_SETTINGS_MODULE", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "SEARCH_URL",
    "LISTING_SEARCH_URL", "LISTING_SEARCH_BACKEND", "ACCEPT_DEV_SETTINGS", "DJANGO_ALLOW_ASYNC_UNSAFE",
    "SECURE_SSL_REDIRECT", "BEHIND_TLS_PROXY", "TRUSTED_PROXY_COUNT", "LOG_FORMAT", "WEB_CONCURRENCY",
)  # fmt: skip


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self):
        return self.body.decode()


@dataclass
class ProductionServer:
    host: str
    port: int
    environment: dict
    folder: Path

    @property
    def database(self):
        return self.folder / "db.sqlite3"

    @property
    def access_log(self):
        return self.folder / "gunicorn.out"

    @property
    def error_log(self):
        return self.folder / "gunicorn.err"

    def get(self, path, headers=None, https=True, host="localhost"):
        """One request, as the TLS proxy would forward it (https=False: as if sent to the app directly over HTTP).
        Bodies come back as sent: compressed when the server compressed them."""
        sent = {"Host": host, **({"X-Forwarded-Proto": "https"} if https else {}), **(headers or {})}
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            connection.request("GET", path, headers=sent)
            answer = connection.getresponse()
            return Response(answer.status, answer.headers, answer.read())
        finally:
            connection.close()

    def manage(self, *args, **env):
        return run_manage(args, {**self.environment, **env})


def run_manage(args, environment, timeout=600):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=timeout
    )


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _check(result, what):
    if result.returncode != 0:
        pytest.fail(f"{what} failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")


def _prepare(folder, production):
    """Migrate and collect static files at once (one process each: two cores), then the cache table and content."""
    collect = subprocess.Popen(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=production,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _check(run_manage(["migrate", "--no-input", "-v0"], production), "migrate (production settings)")
    out, err = collect.communicate(timeout=600)
    collected = subprocess.CompletedProcess(collect.args, collect.returncode, out, err)
    _check(collected, "collectstatic (production settings)")
    _check(run_manage(["createcachetable"], production), "createcachetable (production settings)")
    content = {**production, "DJANGO_SETTINGS_MODULE": "marketplace.settings.test"}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "tests.smoke.site_content"], cwd=ROOT, env=content, capture_output=True, text=True
    )
    _check(result, "building the guidance site")


def _wait_until_healthy(server, process):
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            if server.get("/health/", https=False, host="127.0.0.1").status == 200:
                return
        except OSError:
            pass
        time.sleep(0.25)
    process.kill()
    pytest.fail(
        f"gunicorn did not start with the production settings (exit code {process.poll()}):\n"
        f"{server.error_log.read_text()[-5000:]}"
    )


@pytest.fixture(scope="session")
def production_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("production-server")
    port = _free_port()
    environment = {key: value for key, value in os.environ.items() if key not in CLEARED}
    environment.update(
        DJANGO_SETTINGS_MODULE="marketplace.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="localhost,127.0.0.1",
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        MEDIA_ROOT=str(folder / "media"),
        PRIVATE_MEDIA_ROOT=str(folder / "private"),
        STATIC_ROOT=str(folder / "static"),
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="2",
        GUNICORN_THREADS="2",
        GUNICORN_ACCESS_LOG="on",
    )
    _prepare(folder, environment)
    server = ProductionServer("127.0.0.1", port, environment, folder)
    with server.access_log.open("w") as out, server.error_log.open("w") as err:
        process = subprocess.Popen(  # noqa: S603 - gunicorn from this virtualenv
            [str(BIN / "gunicorn"), "--config", "gunicorn.conf.py"], cwd=ROOT, env=environment, stdout=out, stderr=err
        )
    try:
        _wait_until_healthy(server, process)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
