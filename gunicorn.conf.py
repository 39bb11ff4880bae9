"""gunicorn's settings for this site, from the environment (README, "Deployment"). gunicorn reads this file by itself
when started from this folder: `gunicorn` alone serves marketplace.wsgi with the production settings.

The defaults suit a 2-core machine behind a reverse proxy on the same host: 2 processes per core with 2 threads each
(a thread waiting on the database or the search engine leaves the other free), loopback only.

Threads (gunicorn's gthread worker) rather than one request per process (the sync worker), measured on this machine
with wrk, 8 connections, stored pages answered from each process's memory (README, "Serving under load"): gthread
keeps connections open between requests and served about 3,000 stored pages a second over them, where the sync worker
closes every connection and served 1,100-1,300; with a new connection per request, as nginx opens them unless told
to keep them (README, "Deployment"), both served 1,500-1,800 a second (2 or 4 sync processes, 2 or 4 gthread
processes alike, within the noise of a shared machine). So sync is no faster for stored pages here, and threads keep
the site answering while a results page takes a second or two of a thread.
"""

import multiprocessing
import os


def _int(name, default):
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


wsgi_app = "marketplace.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
workers = _int("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count())
threads = _int("GUNICORN_THREADS", 2)
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# A fresh process now and then keeps a slow leak (in any library) from growing without bound. Not too often: starting
# one costs about 2.5 s of CPU (Django, Wagtail and every app loaded again) and its memory of stored pages. At 2,000,
# under a thousand stored pages a second, every process restarted every 8 s, all four within a second of each other.
max_requests = _int("GUNICORN_MAX_REQUESTS", 50_000)
max_requests_jitter = max_requests // 10
# Addresses whose X-Forwarded-* headers gunicorn believes (the proxy's); Django reads the same headers itself
# (BEHIND_TLS_PROXY, TRUSTED_PROXY_COUNT).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Heartbeat files in memory, so a slow disk cannot make workers look dead (gunicorn creates them with mkstemp).
SHARED_MEMORY = "/dev/shm"  # noqa: S108
if os.path.isdir(SHARED_MEMORY):
    worker_tmp_dir = SHARED_MEMORY
# gunicorn's runtime control socket is one fixed path per user, which two servers on one machine would fight over.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "")
control_socket_disable = not control_socket

# Errors on stderr; the access log (stdout) is off unless asked for: the proxy in front usually keeps one.
errorlog = "-"
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG", "off").lower() in ("1", "on", "true", "yes") else None
if os.environ.get("LOG_FORMAT", "json") == "json":
    logger_class = "marketplace.gunicorn_logging.JsonLogger"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
