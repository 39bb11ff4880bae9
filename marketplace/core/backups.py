"""Backups of everything a deployment cannot rebuild: the database, public uploads (MEDIA_ROOT) and verification
evidence (PRIVATE_MEDIA_ROOT). Used by `manage.py backup_site` and `manage.py restore_site`.

A backup is one folder, `sds-backup-<UTC time>/`:
    database.sqlite3 or database.pgdump   SQLite's online backup (consistent while the site runs), or pg_dump's
                                          custom format
    media.tar.gz, private-media.tar.gz    the two upload folders
    manifest.json                         when, which database engine, and each file's size and SHA-256
Restoring checks every file against the manifest before it touches anything, then replaces the database and both
folders. Stop the web server and the worker first.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils import timezone

FORMAT = 1
PREFIX = "sds-backup-"
MANIFEST = "manifest.json"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
FOLDERS = {"media.tar.gz": "MEDIA_ROOT", "private-media.tar.gz": "PRIVATE_MEDIA_ROOT"}


class BackupError(Exception):
    pass


def database_kind(database=None):
    engine = (database or settings.DATABASES["default"])["ENGINE"]
    if engine.endswith("sqlite3"):
        return "sqlite"
    if engine.endswith("postgresql"):
        return "postgresql"
    raise BackupError(f"Backups support SQLite and PostgreSQL, not {engine}.")


def create(destination):
    """Write a new backup folder under `destination` and return its path."""
    database = settings.DATABASES["default"]
    kind = database_kind(database)
    folder = Path(destination) / f"{PREFIX}{timezone.now():%Y%m%dT%H%M%S%fZ}"
    folder.mkdir(parents=True, mode=0o700)  # personal data: for the site's own user only
    database_file = folder / DATABASE_FILES[kind]
    if kind == "sqlite":
        _sqlite_copy(database["NAME"], database_file)
    else:
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={database_file}"], database)
    for archive, setting in FOLDERS.items():
        _tar(Path(getattr(settings, setting)), folder / archive)
    manifest = {
        "format": FORMAT,
        "created": timezone.now().isoformat(),
        "database": kind,
        "files": {path.name: _describe(path) for path in sorted(folder.iterdir())},
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return folder


def restore(folder):
    """Replace the database and both upload folders with the backup in `folder`."""
    folder = Path(folder)
    manifest = verify(folder)
    database = settings.DATABASES["default"]
    kind = database_kind(database)
    if manifest["database"] != kind:
        raise BackupError(f"This backup holds a {manifest['database']} database; this site uses {kind}.")
    connections.close_all()
    database_file = folder / DATABASE_FILES[kind]
    if kind == "sqlite":
        Path(database["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        _sqlite_copy(database_file, database["NAME"])
    else:
        _run(
            ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
             "--exit-on-error", str(database_file)],
            database,
        )  # fmt: skip
    for archive, setting in FOLDERS.items():
        _untar(folder / archive, Path(getattr(settings, setting)))
    return manifest


def verify(folder):
    """The backup's manifest, once every file it lists is present and unchanged."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{folder} is not a backup: {MANIFEST} is missing or unreadable.") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{folder} was written in backup format {manifest.get('format')}; this site reads {FORMAT}.")
    for name, expected in manifest["files"].items():
        path = folder / name
        if not path.is_file() or _describe(path) != expected:
            raise BackupError(f"{path} is missing or damaged (its size or SHA-256 differs from {MANIFEST}).")
    return manifest


def prune(destination, keep):
    """Delete all but the newest `keep` backups in `destination`; return the deleted folders."""
    backups = sorted(path for path in Path(destination).glob(f"{PREFIX}*") if (path / MANIFEST).is_file())
    old = backups[:-keep] if keep > 0 else backups
    for path in old:
        shutil.rmtree(path)
    return old


def _sqlite_copy(source, target):
    """SQLite's online backup: a consistent copy even while other connections write (WAL included)."""
    reader = sqlite3.connect(f"{Path(source).resolve().as_uri()}?mode=ro", uri=True)  # never creates an empty one
    try:
        writer = sqlite3.connect(target)
        try:
            reader.backup(writer)
        finally:
            writer.close()
    finally:
        reader.close()


def _run(command, database):
    environment = {**os.environ, "PGPASSWORD": str(database.get("PASSWORD") or "")}
    connection = [f"--dbname={database['NAME']}"]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            connection.append(f"{option}={database[key]}")
    try:
        result = subprocess.run(  # noqa: S603 - fixed programs, arguments from the site's own settings
            [*command, *connection], env=environment, capture_output=True, text=True, check=False
        )
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed (PostgreSQL's client programs).") from error
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def _tar(root, archive):
    with tarfile.open(archive, "w:gz") as tar:
        if root.is_dir():
            tar.add(root, arcname=".")


def _untar(archive, root):
    """Unpack beside `root`, then swap the folders, so a failed unpack leaves the old files in place."""
    root.parent.mkdir(parents=True, exist_ok=True)
    stamp = f"{timezone.now():%Y%m%d%H%M%S%f}"
    unpacked = root.parent / f".{root.name}.restoring-{stamp}"
    replaced = root.parent / f".{root.name}.replaced-{stamp}"
    unpacked.mkdir(mode=0o700)
    with tarfile.open(archive, "r:gz") as tar:
        tar.extractall(unpacked, filter="data")  # no absolute paths, no "..", no devices
    if root.exists():
        root.rename(replaced)
    unpacked.rename(root)
    shutil.rmtree(replaced, ignore_errors=True)


def _describe(path):
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return {"bytes": path.stat().st_size, "sha256": digest.hexdigest()}
