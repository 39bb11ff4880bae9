"""Helper of scripts/test-backup-restore.sh: print a fingerprint of the site's data (row count of every table, SHA-256
of every uploaded file) as JSON, or wipe the data. Runs with whatever DJANGO_SETTINGS_MODULE and DATABASE_URL say.

    python scripts/backup_check.py fingerprint > before.json
    python scripts/backup_check.py wipe
"""

import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402


def files(root):
    root = Path(root)
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def fingerprint():
    with connection.cursor() as cursor:
        tables = {}
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608 - real table names
            tables[table] = cursor.fetchone()[0]
    return {
        "tables": tables,
        "media": files(settings.MEDIA_ROOT),
        "private_media": files(settings.PRIVATE_MEDIA_ROOT),
    }


def wipe():
    if connection.vendor == "sqlite":
        name = Path(settings.DATABASES["default"]["NAME"])
        connection.close()
        for path in (name, Path(f"{name}-wal"), Path(f"{name}-shm")):
            path.unlink(missing_ok=True)
    else:
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    shutil.rmtree(settings.PRIVATE_MEDIA_ROOT, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["fingerprint"]:
        json.dump(fingerprint(), sys.stdout, indent=1, sort_keys=True)
    elif sys.argv[1:] == ["wipe"]:
        wipe()
    else:
        sys.exit(__doc__)
