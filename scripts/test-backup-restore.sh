#!/usr/bin/env bash
# Proves that a backup can be restored: builds a scratch demo site (SQLite, development settings: demo data is refused
# under production settings), backs it up with `manage.py backup_site` under the production settings, wipes the
# database and both upload folders, restores them with `manage.py restore_site`, and checks that every table has the
# same number of rows and every file the same SHA-256 as before. A damaged backup must be refused.
# `make test-backup` runs it; CI runs it after the test suites. About two minutes.
#
# With BACKUP_TEST_DATABASE_URL=postgres://… it does the same on that PostgreSQL database (pg_dump/pg_restore),
# which it empties first: give it a scratch database (`make test-backup-postgres` makes one).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}

work=$(mktemp -d -t sds-backup-test-XXXXXX)
trap 'rm -rf "$work"' EXIT
export DATABASE_URL=${BACKUP_TEST_DATABASE_URL:-sqlite:///$work/site/db.sqlite3}
export MEDIA_ROOT="$work/site/media" PRIVATE_MEDIA_ROOT="$work/site/private"
mkdir -p "$work/site"
unset DJANGO_SETTINGS_MODULE SECRET_KEY ALLOWED_HOSTS REDIS_URL SEARCH_URL LISTING_SEARCH_URL
dev() { ACCEPT_DEV_SETTINGS=1 "$PYTHON" "$@"; }
production() {
  DJANGO_SETTINGS_MODULE=marketplace.settings.production SECRET_KEY="backup-test-$RANDOM-$RANDOM-$RANDOM-$RANDOM" \
    ALLOWED_HOSTS=localhost "$PYTHON" "$@"
}
step() { echo "test-backup-restore: $*" >&2; }
site_is_empty() {  # no database (SQLite: no file, which opening it would create) and no upload folders
  [[ ! -e "$MEDIA_ROOT" && ! -e "$PRIVATE_MEDIA_ROOT" ]] || return 1
  if [[ -z "${BACKUP_TEST_DATABASE_URL:-}" ]]; then
    [[ ! -e "$work/site/db.sqlite3" ]]
  else
    ! grep -q '"marketplace_user"' <(dev scripts/backup_check.py fingerprint)
  fi
}

step "building a scratch demo site in $work/site (${DATABASE_URL%%://*})"
if [[ -n "${BACKUP_TEST_DATABASE_URL:-}" ]]; then
  dev scripts/backup_check.py wipe
fi
dev manage.py migrate --no-input -v0
dev manage.py load_demo_data --directory-scale=0.03 > /dev/null
# Verification evidence is private: put some where it belongs, in a nested folder, with a name to keep.
mkdir -p "$PRIVATE_MEDIA_ROOT/verification/2026/12"
head -c 300000 /dev/urandom > "$PRIVATE_MEDIA_ROOT/verification/2026/12/insurance certificate.pdf"
printf 'DBS certificate 001234567890\n' > "$PRIVATE_MEDIA_ROOT/verification/2026/12/dbs.txt"
dev scripts/backup_check.py fingerprint > "$work/before.json"

step "backing up (production settings)"
folder=$(production manage.py backup_site --to "$work/backups")
ls -l "$folder" >&2

step "wiping the database and both upload folders"
dev scripts/backup_check.py wipe
site_is_empty || { step "FAILED: the wipe left data behind"; exit 1; }

step "a damaged backup is refused and changes nothing"
cp -r "$folder" "$work/damaged"
printf 'x' >> "$work/damaged/media.tar.gz"
if production manage.py restore_site "$work/damaged" --no-input 2> "$work/damaged.err"; then
  step "FAILED: restore_site accepted a damaged backup"; exit 1
fi
grep -q "media.tar.gz is missing or damaged" "$work/damaged.err" || { cat "$work/damaged.err" >&2; exit 1; }
site_is_empty || { step "FAILED: a refused restore changed the site"; exit 1; }

step "restoring (production settings)"
production manage.py restore_site "$folder" --no-input
dev scripts/backup_check.py fingerprint > "$work/after.json"

if ! diff -u "$work/before.json" "$work/after.json" >&2; then
  step "FAILED: the restored data differs from the original (diff above)"; exit 1
fi
"$PYTHON" - "$work/after.json" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
rows = sum(data["tables"].values())
assert data["tables"]["marketplace_user"] > 100 and data["tables"]["providers_listing"] > 10, data["tables"]
assert any(name.startswith("original_images/") for name in data["media"]), data["media"]
assert "verification/2026/12/insurance certificate.pdf" in data["private_media"]
print(f"test-backup-restore: {len(data['tables'])} tables ({rows} rows), {len(data['media'])} media files and "
      f"{len(data['private_media'])} private files restored identically")
PY
production manage.py check --database default > /dev/null
echo "1 passed, 0 failed"
