"""Reading the built postcode file: exact council areas for GB postcodes, and the postcode nearest a point.

The file (``postcodes.sqlite3`` in ``GEOGRAPHY_DATA_DIR``) is made by ``manage.py build_geography`` and only read
here, through one read-only connection per process. Postcodes are stored clustered by a grid cell of 0.005° of
latitude by 0.008° of longitude (about 550 m square in Great Britain), so the nearest postcode to a point is found by
reading the few cells around it.
"""

import math
import sqlite3
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .postcodes import in_northern_ireland, normalise_outward_code, normalise_postcode

FORMAT_VERSION = "2"
FILE_NAME = "postcodes.sqlite3"

# Coordinates are stored as whole units of 1e-5 degree (about a metre), three bytes each.
SCALE = 100_000
CELL_LATITUDE = 500  # 0.005°
CELL_LONGITUDE = 800  # 0.008°
_LONGITUDE_OFFSET = 15 * SCALE  # keeps columns positive and below _COLUMNS around Great Britain
_COLUMNS = 4096
# Great Britain with a margin at sea: points outside this box are never near a postcode.
_SOUTH, _NORTH, _WEST, _EAST = 49.0, 61.5, -9.5, 2.5
KM_PER_DEGREE = 111.195  # of latitude; of longitude times cos(latitude)
EARTH_RADIUS_KM = 6371.0088
# Every point on Great Britain's land is well within this of a postcode; beyond it a point is at sea or abroad.
DEFAULT_MAX_KM = 25.0
MAX_KM = 50.0

_COUNTRIES = {"E": "England", "S": "Scotland", "W": "Wales"}


class GeographyDataMissing(RuntimeError):
    """The postcode file has not been built (or is from an older build): run ``manage.py build_geography``."""


def cell_of(latitude_units: int, longitude_units: int) -> int:
    return (latitude_units // CELL_LATITUDE) * _COLUMNS + (longitude_units + _LONGITUDE_OFFSET) // CELL_LONGITUDE


@dataclass(frozen=True)
class Authority:
    """A council area by its ONS GSS code: a local authority district or, for care in two-tier England, a county."""

    code: str  # e.g. "S12000042"
    name: str  # e.g. "Dundee City"
    welsh_name: str | None  # e.g. "Caerdydd" for Cardiff, where ONS gives one
    latitude: float  # the mean position of its postcodes: roughly where its people live, for a map marker
    longitude: float

    @property
    def country(self) -> str:
        return _COUNTRIES[self.code[0]]


@dataclass(frozen=True)
class PostcodeArea:
    """Where a GB postcode is and which councils it belongs to."""

    postcode: str  # normalised, e.g. "DD1 1AD"
    latitude: float
    longitude: float
    local_authority: Authority  # the district, unitary, metropolitan or London borough, or Scottish/Welsh council
    care_authority: Authority  # the council holding adult social care: the county in two-tier England, else the same

    @property
    def country(self) -> str:
        return self.local_authority.country


def data_dir() -> Path:
    """``settings.GEOGRAPHY_DATA_DIR``, or ``var/geography`` in the project when Django is not configured."""
    from django.conf import settings

    if settings.configured and getattr(settings, "GEOGRAPHY_DATA_DIR", None):
        return Path(settings.GEOGRAPHY_DATA_DIR)
    return Path(__file__).resolve().parents[2] / "var" / "geography"


class _Data:
    """The open file and the few hundred authorities, held in memory, that its postcodes refer to.

    One connection serves every thread (queries take well under a millisecond). It is opened immutable: no locking,
    and if a rebuild replaces the file, this process keeps reading the file it opened, whose authorities it holds.
    """

    def __init__(self, path: Path):
        if not path.is_file():
            raise GeographyDataMissing(
                f"The postcode data has not been built ({path} is missing): run `make geography-data` "
                "or `python manage.py build_geography`."
            )
        uri = f"{path.as_uri()}?mode=ro&immutable=1"
        self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        try:
            version = self.one("SELECT value FROM meta WHERE key = 'format_version'")
        except sqlite3.DatabaseError:
            version = None
        if version is None or version[0] != FORMAT_VERSION:
            self._connection.close()
            raise GeographyDataMissing(
                f"{path} is not a postcode file this version can read: run `python manage.py build_geography --force`."
            )
        rows = self.all("SELECT id, code, name, welsh_name, care_id, lat, lon FROM authority")
        self.authorities = {row[0]: Authority(*row[1:4], row[5] / SCALE, row[6] / SCALE) for row in rows}
        self.care = {row[0]: self.authorities[row[4]] for row in rows}
        self.by_code = {authority.code: authority for authority in self.authorities.values()}
        self.care_by_code = {self.authorities[row[0]].code: self.care[row[0]] for row in rows}

    def one(self, sql: str, parameters=()) -> tuple | None:
        with self._lock:
            return self._connection.execute(sql, parameters).fetchone()

    def all(self, sql: str, parameters=()) -> list[tuple]:
        with self._lock:
            return self._connection.execute(sql, parameters).fetchall()

    def area(self, postcode: str, lat: int, lon: int, authority_id: int) -> PostcodeArea:
        return PostcodeArea(postcode, lat / SCALE, lon / SCALE, self.authorities[authority_id], self.care[authority_id])


@cache
def _open(path: Path) -> _Data:
    return _Data(path)


def _data() -> _Data:
    return _open(data_dir() / FILE_NAME)


def lookup_postcode(postcode: str) -> PostcodeArea | None:
    """A GB postcode's position and councils; None if it is malformed, unknown, terminated or in Northern Ireland."""
    normalised = normalise_postcode(postcode)
    if normalised is None:
        return None
    data = _data()
    row = data.one("SELECT postcode, lat, lon, authority_id FROM postcode WHERE postcode = ?", (normalised,))
    return data.area(*row) if row else None


def postcodes_in(outward_code: str) -> list[PostcodeArea]:
    """Every GB postcode in an outward code ("EH6" → EH6 4AA, EH6 4AB, …), sorted; empty if there are none."""
    outward = normalise_outward_code(outward_code)
    if outward is None:
        return []
    data = _data()
    rows = data.all(
        "SELECT postcode, lat, lon, authority_id FROM postcode WHERE postcode >= ? AND postcode < ? ORDER BY postcode",
        (f"{outward} ", f"{outward}!"),  # "!" sorts just after the space
    )
    return [data.area(*row) for row in rows]


_NEAREST_SQL = """
    WITH ranges(low, high) AS (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))
    SELECT postcode, lat, lon, authority_id FROM ranges JOIN postcode ON cell BETWEEN low AND high
    ORDER BY (lat - ?) * (lat - ?) + (lon - ?) * (lon - ?) * ?, postcode
    LIMIT 1
"""


def _nearest_within(data: _Data, lat: int, lon: int, reach: int):
    """The nearest postcode among the cells up to `reach` cells away from the point's cell in each direction."""
    row, column = divmod(cell_of(lat, lon), _COLUMNS)
    rows = range(row - reach, row + reach + 1)
    ranges = [[r * _COLUMNS + column - reach, r * _COLUMNS + column + reach] for r in rows]
    scale = math.cos(math.radians(lat / SCALE)) ** 2
    arguments = (_json(ranges), lat, lat, lon, lon, scale)
    return data.one(_NEAREST_SQL, arguments)


def _json(ranges: list[list[int]]) -> str:
    return "[" + ",".join(f"[{low},{high}]" for low, high in ranges) + "]"


def _covered_km(latitude: float, reach: int) -> float:
    """How far from the point the square of cells `reach` cells out is sure to reach, in every direction."""
    northmost = min(89.0, abs(latitude) + (reach + 1) * CELL_LATITUDE / SCALE)
    return reach * min(CELL_LATITUDE, CELL_LONGITUDE * math.cos(math.radians(northmost))) / SCALE * KM_PER_DEGREE


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dlon = math.radians(lon2 - lon1)
    h = math.sin((phi2 - phi1) / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def nearest_postcode(latitude: float, longitude: float, *, max_km: float = DEFAULT_MAX_KM) -> PostcodeArea | None:
    """The GB postcode nearest a point (a place, or someone's location), within `max_km`.

    None for a point in Northern Ireland (whose nearest GB postcodes are across the sea), far out at sea or abroad.
    A point's council is its nearest postcode's: exact except within a few tens of metres of a boundary.
    """
    if not 0 < max_km <= MAX_KM:
        raise ValueError(f"max_km must be more than 0 and at most {MAX_KM}")
    if not (_SOUTH <= latitude <= _NORTH and _WEST <= longitude <= _EAST) or in_northern_ireland(latitude, longitude):
        return None
    data = _data()
    lat, lon = round(latitude * SCALE), round(longitude * SCALE)
    reach = 1
    while True:
        found = _nearest_within(data, lat, lon, reach)
        if found:
            distance = distance_km(latitude, longitude, found[1] / SCALE, found[2] / SCALE)
            if distance > _covered_km(latitude, reach):
                # A nearer postcode could sit just outside the square: read every cell within that distance.
                while _covered_km(latitude, reach) < distance:
                    reach += 1
                found = _nearest_within(data, lat, lon, reach)
                distance = distance_km(latitude, longitude, found[1] / SCALE, found[2] / SCALE)
            return data.area(*found) if distance <= max_km else None
        if _covered_km(latitude, reach) >= max_km:
            return None
        reach *= 2


def authority(code: str) -> Authority | None:
    """The council area with this GSS code (a current local authority or county), or None."""
    return _data().by_code.get(code)


def care_authority_for(local_authority_code: str) -> Authority | None:
    """The council holding adult social care in a local authority (a county holds it itself), or None if unknown."""
    return _data().care_by_code.get(local_authority_code)


def care_authorities() -> list[Authority]:
    """Every council that holds adult social care in Great Britain, sorted by name."""
    return sorted(set(_data().care.values()), key=lambda a: (a.name, a.code))


def local_authorities() -> list[Authority]:
    """Every local authority district in Great Britain (no counties), sorted by name."""
    data = _data()
    districts = {a for a in data.authorities.values() if not a.code.startswith("E10")}
    return sorted(districts, key=lambda a: (a.name, a.code))


# Names older data gives councils (GeoNames' admin2 and earlier names) that no folding of the ONS name reaches.
_OTHER_NAMES = {
    "eilean siar": "S12000013",
    "western isles": "S12000013",
    "comhairle nan eilean siar": "S12000013",
    "orkney": "S12000023",
    "shetland": "S12000027",
    "argyll": "S12000035",
    "perthshire and kinross": "S12000048",
    "borders": "S12000026",
    "scottish borders": "S12000026",
    "rhondda cynon taf": "W06000016",
    "rhondda cynon taff": "W06000016",
    "vale of glamorgan": "W06000014",
}
_NAME_NOISE = {"city", "of", "the", "and", "county", "borough", "council", "district", "royal", "metropolitan"}


def _name_key(name: str) -> str:
    words = "".join(c if c.isalnum() else " " for c in name.casefold()).split()
    return " ".join(word for word in words if word not in _NAME_NOISE)


def care_authority_named(name: str) -> Authority | None:
    """The council holding adult social care that a name stored before GSS codes means ("Edinburgh", "City of
    Edinburgh", "Bristol", "Eilean Siar"), or None when no council or more than one has that name. For migrating
    old rows only: new data carries codes."""
    key = _name_key(name or "")
    if not key:
        return None
    data = _data()
    if key in _OTHER_NAMES:
        return data.by_code.get(_OTHER_NAMES[key])
    found = {council for council in set(data.care.values()) if _name_key(council.name) == key}
    return found.pop() if len(found) == 1 else None
