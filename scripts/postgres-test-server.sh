#!/usr/bin/env bash
# Install (if needed) and start a local PostgreSQL 15 for the test suite; print its DATABASE_URL on stdout.
set -euo pipefail
log() { echo "$@" >&2; }

if [[ ! -x /usr/lib/postgresql/15/bin/postgres ]]; then
  log "Installing PostgreSQL 15..."
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15 postgresql-contrib >&2
fi
if ! pg_lsclusters -h | grep -q '^15 *main'; then
  pg_createcluster 15 main >&2
fi
if ! pg_lsclusters -h | grep -q '^15 *main .* online'; then
  pg_ctlcluster 15 main start >&2
fi
port=$(pg_lsclusters -h | awk '$1 == "15" && $2 == "main" {print $3}')
su postgres -c "psql -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname='sds_test'\"" | grep -q 1 \
  || su postgres -c "psql -p $port -qc \"CREATE ROLE sds_test LOGIN CREATEDB PASSWORD 'sds_test'\"" >&2
echo "postgres://sds_test:sds_test@127.0.0.1:${port}/sds_test"
