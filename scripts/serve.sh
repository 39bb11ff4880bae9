#!/usr/bin/env bash
# Run the site on this machine as it runs in production: production settings, gunicorn (gunicorn.conf.py) and the
# task worker, after collecting static files, migrating and creating the cache table. `make serve` calls this.
#
# For a local run it fills in what a real deployment sets itself (README, "Deployment"):
#   SECRET_KEY       generated once into var/secret_key (git-ignored, readable only by its owner)
#   ALLOWED_HOSTS    127.0.0.1,localhost
#   plain HTTP       SECURE_SSL_REDIRECT=off and BEHIND_TLS_PROXY=off: no TLS proxy in front of a loopback server.
#                    Never run a public site like this.
#   EMAIL_BACKEND    the console (emails appear in this terminal) unless EMAIL_BACKEND or EMAIL_HOST is set
# Anything already in the environment wins. Stop with Ctrl-C: gunicorn and the worker stop together.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-.venv/bin/python}
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}

export DJANGO_SETTINGS_MODULE=marketplace.settings.production
if [[ -z "${SECRET_KEY:-}" ]]; then
  if [[ ! -s var/secret_key ]]; then
    mkdir -p var
    (umask 077 && "$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(50))' > var/secret_key)
  fi
  SECRET_KEY=$(cat var/secret_key)
  export SECRET_KEY
fi
export ALLOWED_HOSTS=${ALLOWED_HOSTS:-127.0.0.1,localhost}
export SECURE_SSL_REDIRECT=${SECURE_SSL_REDIRECT:-off}
export BEHIND_TLS_PROXY=${BEHIND_TLS_PROXY:-off}
export BASE_URL=${BASE_URL:-http://$HOST:$PORT}
export GUNICORN_BIND=${GUNICORN_BIND:-$HOST:$PORT}
if [[ -z "${EMAIL_BACKEND:-}" && -z "${EMAIL_HOST:-}" ]]; then
  export EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend
fi

"$PYTHON" manage.py collectstatic --no-input -v0
"$PYTHON" manage.py migrate --no-input -v0
if [[ -z "${REDIS_URL:-}" ]]; then
  "$PYTHON" manage.py createcachetable  # the production settings cache in the database without Redis
fi

pids=()
stop() {
  trap - EXIT INT TERM
  sleep 0.5  # after Ctrl-C both have the signal already; a second one would cut the worker's shutdown short
  for pid in "${pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; fi
  done
  wait
}
trap stop EXIT INT TERM

"$PYTHON" manage.py db_worker & pids+=($!)
"$(dirname "$PYTHON")/gunicorn" --config gunicorn.conf.py & pids+=($!)
echo "Production settings on http://$HOST:$PORT/ (health: http://$HOST:$PORT/health/). Ctrl-C stops the site and the worker." >&2
# Whichever stops first (a crash, Ctrl-C) stops the other.
wait -n
