#!/usr/bin/env bash
# The whole test suite, in two processes side by side (CI and this machine have two cores): the browser tests in one,
# everything else in the other, each on its own test database. Arguments, when given, run one ordinary pytest instead.
#
# Why not pytest-xdist: a browser test runs in a transaction-less test case whose flush removes the rows that the
# migrations seed (locales, taxonomies); ordinary tests that a worker runs after it then miss them. Keeping the
# browser tests in a process of their own keeps that order safe.
set -uo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}

if [[ $# -gt 0 ]]; then
  exec "$PYTHON" -m pytest "$@"
fi

browser_log=$(mktemp --suffix=-browser-tests.log)
trap 'rm -f "$browser_log"' EXIT
started=$SECONDS
TEST_DATABASE_SUFFIX=_browser "$PYTHON" -m pytest tests/browser >"$browser_log" 2>&1 &
browser_pid=$!

"$PYTHON" -m pytest --ignore=tests/browser
others=$?
wait "$browser_pid"
browser=$?

echo
echo "==== Browser tests (run alongside the others) ===="
cat "$browser_log"
echo "==== Whole suite: $((SECONDS - started)) s; others exited $others, browser tests $browser ===="
if ((others != 0 || browser != 0)); then
  exit 1
fi
