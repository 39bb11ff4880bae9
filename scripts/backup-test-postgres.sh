#!/usr/bin/env bash
# A scratch PostgreSQL database for scripts/test-backup-restore.sh, on the local PostgreSQL 15 that the test suite
# uses (scripts/postgres-test-server.sh installs and starts it). Prints its DATABASE_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
url=$(bash scripts/postgres-test-server.sh)
port=$(pg_lsclusters -h | awk '$1 == "15" && $2 == "main" {print $3}')
su postgres -c "psql -p $port -qc 'DROP DATABASE IF EXISTS sds_backup_test'" >&2
su postgres -c "psql -p $port -qc 'CREATE DATABASE sds_backup_test OWNER sds_test'" >&2
echo "${url%/*}/sds_backup_test"
