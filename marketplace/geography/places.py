"""Offline geocoding for the marketplace: postcodes, outward codes and place names in Great Britain.

Nothing here touches the network. Two data sets:

* Postcodes and councils: the postcode file built at set-up (``marketplace.geography.store``: Ordnance Survey
  Code-Point Open positions with each postcode's local authority from the ONS lookup, GSS-coded). A postcode's
  council is exact; an outward code's is the council holding most of its postcodes. Great Britain only: Northern
  Ireland (BT), the Channel Islands and the Isle of Man are not covered.
* Places: the GeoNames "cities1000" extract (``rg_cities1000.csv``: lat, lon, name, admin1 = country, admin2 = council
  area, country code), a 2016 snapshot, whose 3,636 United Kingdom rows set-up keeps in ``GEOGRAPHY_DATA_DIR``
  (``marketplace.geography.gazetteer``). Only the names and points are
  trusted: a place's council is that of the postcode nearest its point, never GeoNames' admin2 (which puts places
  near a boundary in the neighbouring council).

``council_area`` is always the council that holds adult social care (the county in two-tier England) by its ONS name
("City of Edinburgh", "Glasgow City") and ``council_code`` its GSS code ("S12000036"): compare codes, never names.

The site must show ``ATTRIBUTIONS`` wherever these results are used.
"""

import bisect
import csv
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Literal

from . import gazetteer, store

OS_ATTRIBUTION = (
    "Contains OS data © Crown copyright and database right 2025. "
    "Contains Royal Mail data © Royal Mail copyright and database right 2025. "
    "Source: Office for National Statistics licensed under the Open Government Licence v3.0; "
    "contains National Statistics data © Crown copyright and database right 2022 and 2025."
)
GEONAMES_ATTRIBUTION = (
    "Place names from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0 "
    "(https://creativecommons.org/licenses/by/4.0/); United Kingdom places only."
)
ATTRIBUTIONS = (OS_ATTRIBUTION, GEONAMES_ATTRIBUTION)

MAX_QUERY_LENGTH = 100
MAX_PLACES = 10
EARTH_RADIUS_KM = 6371.0088
# A gazetteer place further than this from any GB postcode is across the sea (Northern Ireland) and has no council.
COUNCIL_SEARCH_RADIUS_KM = 25.0

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
    council_area: str | None  # the ONS name of the council holding adult social care, e.g. "City of Edinburgh"
    country: str | None  # "England", "Scotland", "Wales" or (places only) "Northern Ireland"
    council_code: str | None = None  # that council's GSS code, e.g. "S12000036": what to store and compare


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


def _area_of(outward: str) -> str:
    return outward[:2] if outward[1].isalpha() else outward[:1]


def _council(authority: "store.Authority | None") -> dict:
    if authority is None:
        return {"council_area": None, "country": None, "council_code": None}
    return {"council_area": authority.name, "country": authority.country, "council_code": authority.code}


def lookup_postcode(postcode: str) -> Location | None:
    """The location and council of a full GB postcode, or None if it is malformed, unknown or has no position."""
    area = store.lookup_postcode(postcode)
    if area is None:
        return None
    return Location(area.postcode, Point(area.latitude, area.longitude), "postcode", **_council(area.care_authority))


def lookup_outward_code(code: str) -> Location | None:
    """The centroid (mean position) of the postcodes in an outward code ("EH1") and the council holding most of
    them, or None if there are none."""
    outward = normalise_outward_code(code)
    found = store.postcodes_in(outward) if outward else []
    if not found:
        return None
    latitude = math.fsum(area.latitude for area in found) / len(found)
    longitude = math.fsum(area.longitude for area in found) / len(found)
    counts = Counter(area.care_authority for area in found)
    council = max(counts, key=lambda authority: (counts[authority], authority.code))
    return Location(outward, Point(latitude, longitude), "outward", **_council(council))


def council_for(point: Point) -> "store.Authority | None":
    """The council holding adult social care where the GB postcode nearest `point` (within 25 km) is, else None."""
    nearest = store.nearest_postcode(point.latitude, point.longitude)
    return nearest.care_authority if nearest else None


# --- Places -------------------------------------------------------------------------------------------------------


def _fold(text: str) -> str:
    """A key for matching names: no case, accents, apostrophes or punctuation; "Saint" as "St"."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"['’]", "", text.casefold())
    words = re.sub(r"[\W_]+", " ", text).split()
    return " ".join("st" if word == "saint" else word for word in words)


@dataclass(frozen=True)
class _Gazetteer:
    keys: tuple[str, ...]  # sorted folded names, parallel to places
    places: tuple[Location, ...]  # with GeoNames' admin2 as council_area and no code: see _exact


@cache
def _gazetteer() -> _Gazetteer:
    path = store.data_dir() / gazetteer.PLACES_FILE
    if not path.is_file():
        raise store.GeographyDataMissing(
            f"The place names have not been extracted ({path} is missing): run `make geography-data` "
            "or `python manage.py build_geography`."
        )
    with path.open(encoding="utf-8", newline="") as file:
        lines = iter(csv.reader(file))
        next(lines)  # lat,lon,name,admin1,admin2,cc: the United Kingdom rows only
        rows = {}
        for lat, lon, name, country, council, _ in lines:
            lat, lon = float(lat), float(lon)
            rows.setdefault((name, council, country), (lat, lon))  # drops a duplicate: Stone, Kent
    places = sorted(
        (
            Location(name, Point(lat, lon), "place", council or None, country or None)
            for (name, council, country), (lat, lon) in rows.items()
        ),
        key=lambda place: (_fold(place.label), place.country or "", place.council_area or ""),
    )
    return _Gazetteer(tuple(_fold(place.label) for place in places), tuple(places))


@lru_cache(maxsize=4096)
def _exact(place: Location) -> Location:
    """A gazetteer place with the council of its point's nearest postcode; a place in Northern Ireland keeps its
    country and gets no council (adult social care there is run by health and social care trusts)."""
    if place.country == "Northern Ireland":
        return replace(place, council_area=None, council_code=None)
    council = council_for(place.point)
    return replace(place, **_council(council)) if council else replace(place, council_area=None)


def _matches(query: str) -> list[Location]:
    key = _fold(query) if isinstance(query, str) else ""
    if not key:
        return []
    gazetteer = _gazetteer()
    start = bisect.bisect_left(gazetteer.keys, key)
    stop = bisect.bisect_left(gazetteer.keys, key + "\U0010ffff", lo=start)
    # Sorted keys put the exact matches first, then the longer names that start with the key, alphabetically.
    return list(gazetteer.places[start:stop])


def find_places(name: str) -> list[Location]:
    """UK places called ``name`` (case- and accent-insensitive), then places whose name starts with it; at most 10."""
    return [_exact(place) for place in _matches(name)[:MAX_PLACES]]


def _places_for_query(query: str) -> list[Location]:
    """Exact matches if there are any, else prefix matches; "Newport, Wales" keeps places in that council or country
    (or GeoNames' region, so that "Richmond, Greater London" still works)."""
    name, _, qualifier = query.partition(",")
    found = _matches(name)
    if qualifier := _fold(qualifier):
        exact = [_exact(p) for p in found]
        found = [
            e
            for p, e in zip(found, exact, strict=True)
            if qualifier in _fold(f"{p.council_area} {e.council_area} {e.country}")
        ]
        places = found[:MAX_PLACES]
    else:
        places = [_exact(p) for p in found[:MAX_PLACES]]
    exact_names = [p for p in places if _fold(p.label) == _fold(name)]
    return exact_names or places


@cache
def _places_with_council(great_britain_only: bool) -> tuple[Location, ...]:
    """Gazetteer places with GeoNames' own council names (approximate): for a rough map position only."""
    return tuple(
        place
        for place in _gazetteer().places
        if place.council_area and not (great_britain_only and place.country == "Northern Ireland")
    )


def council_area_for(point: Point) -> str | None:
    """The name of the council holding adult social care at `point` (its nearest GB postcode's), else None."""
    council = council_for(point)
    return council.name if council else None


def postcodes_in(outward: str) -> list[tuple[str, Point]]:
    """Every postcode with coordinates in an outward code ("EH6" → [("EH6 4AA", Point(…)), …]), sorted."""
    normalised = normalise_outward_code(outward)
    if not normalised:
        return []
    return [(area.postcode, Point(area.latitude, area.longitude)) for area in store.postcodes_in(normalised)]


def great_britain_councils() -> list["store.Authority"]:
    """Every council that holds adult social care in Great Britain (GSS-coded), sorted by name."""
    return store.care_authorities()


def great_britain_council_areas() -> list[tuple[str, str]]:
    """(council name, country) for every council holding adult social care in Great Britain, sorted by name."""
    return [(council.name, council.country) for council in great_britain_councils()]


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
