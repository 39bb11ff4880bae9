"""A radius listing's service area as the engine indexes it, and one query clause for "does it serve this place?".

A listing serves a place when the great-circle distance from its base is at most its radius (`search.coverage`
makes the same test in SQL). The engine answers it for every listing at once, whatever their radii:

- a polygon slightly larger than the circle, indexed as a `geo_shape`, lets the index find the candidates (a point
  `intersects` filter);
- a script then decides exactly, for those candidates only. With the base and the place as unit vectors, the
  distance is within the radius exactly when their dot product is at least cos(radius / earth's radius): plain
  arithmetic on indexed numbers, so Elasticsearch and OpenSearch mean the same by it.
"""

import math

from elasticsearch.dsl import Q

from providers.models import Listing

from .coverage import EARTH_RADIUS_KM

POLYGON_SIDES = 32
# The polygon's corners are this much further out than a polygon touching the circle would need: the engine draws
# straight edges between latitudes and longitudes, which bulge the circle by less than 0.15% up to 200 km (checked
# in tests/unit/search/test_service_area.py). The script makes the answer exact; this only keeps the net wide.
MARGIN = 1.01

FIELDS = {
    "service_area": {"type": "geo_shape"},
    "base_x": {"type": "double"},
    "base_y": {"type": "double"},
    "base_z": {"type": "double"},
    "reach_cosine": {"type": "double"},
}

WITHIN_REACH = (
    "doc['reach_cosine'].size() != 0 && "
    "doc['base_x'].value * params.x + doc['base_y'].value * params.y + doc['base_z'].value * params.z"
    " >= doc['reach_cosine'].value"
)


def unit_vector(latitude, longitude):
    lat, lon = math.radians(latitude), math.radians(longitude)
    return math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat)


def destination(latitude, longitude, km, bearing_degrees):
    """The point `km` along the great circle leaving (latitude, longitude) at this bearing (0 north, 90 east)."""
    lat, lon, bearing = math.radians(latitude), math.radians(longitude), math.radians(bearing_degrees)
    angle = km / EARTH_RADIUS_KM
    end_lat = math.asin(math.sin(lat) * math.cos(angle) + math.cos(lat) * math.sin(angle) * math.cos(bearing))
    end_lon = lon + math.atan2(
        math.sin(bearing) * math.sin(angle) * math.cos(lat), math.cos(angle) - math.sin(lat) * math.sin(end_lat)
    )
    return math.degrees(end_lat), (math.degrees(end_lon) + 540) % 360 - 180


def polygon(latitude, longitude, radius_km):
    """A GeoJSON polygon around the circle, corners anticlockwise (as GeoJSON wants its outer ring)."""
    corner_km = radius_km / math.cos(math.pi / POLYGON_SIDES) * MARGIN
    corners = [
        destination(latitude, longitude, corner_km, -360 * side / POLYGON_SIDES) for side in range(POLYGON_SIDES)
    ]
    ring = [[lon, lat] for lat, lon in corners]
    return {"type": "polygon", "coordinates": [[*ring, ring[0]]]}


def indexed_fields(document):
    """The fields `FIELDS` for a search document: empty unless it has a radius and a base."""
    location, radius = document["location"], document["radius_km"]
    if document["area_kind"] != Listing.AreaKind.RADIUS or location is None or radius is None:
        return {}
    x, y, z = unit_vector(location["lat"], location["lon"])
    return {
        "service_area": polygon(location["lat"], location["lon"], radius),
        "base_x": x,
        "base_y": y,
        "base_z": z,
        "reach_cosine": math.cos(radius / EARTH_RADIUS_KM),
    }


def reaches(point):
    """One clause: the radius listings whose service area covers `point`."""
    x, y, z = unit_vector(point.latitude, point.longitude)
    shape = {"type": "point", "coordinates": [point.longitude, point.latitude]}
    return Q(
        "bool",
        filter=[
            Q("geo_shape", service_area={"shape": shape, "relation": "intersects"}),
            Q("script", script={"source": WITHIN_REACH, "lang": "painless", "params": {"x": x, "y": y, "z": z}}),
        ],
    )
