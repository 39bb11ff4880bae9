"""Who serves this place: the listings whose service area covers a point (the heart of "find support").

A listing serves a place when the place lies within its radius of the listing's base, or inside one of the council
areas it lists (matched by GSS code: the place's council comes from the ONS postcode lookup). Distances are
great-circle (haversine) kilometres computed in SQL with Django's math functions, so the same query runs on
SQLite and PostgreSQL; a bounding box on latitude/longitude narrows the rows first.
"""

import math
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from django.db.models import Case, ExpressionWrapper, F, FloatField, Q, Value, When
from django.db.models.functions import ACos, Cos, Greatest, Least, Radians, Sin

from marketplace.core.prepared_queries import PreparedQuery
from providers.models import Listing
from providers.models.listings import MAX_RADIUS_KM, visible_since

EARTH_RADIUS_KM = 6371.0088


def great_circle_km(latitude, longitude, other_latitude, other_longitude):
    """The distance `distance_km_expression` works out in SQL, in Python: the same formula, so both agree."""
    lat, other_lat = math.radians(latitude), math.radians(other_latitude)
    cosine = math.sin(lat) * math.sin(other_lat) + math.cos(lat) * math.cos(other_lat) * math.cos(
        math.radians(other_longitude) - math.radians(longitude)
    )
    return math.acos(min(max(cosine, -1.0), 1.0)) * EARTH_RADIUS_KM


def distance_km_expression(latitude, longitude):
    """SQL for the great-circle distance from (latitude, longitude) to each listing's base, in kilometres."""
    lat, lon = math.radians(latitude), math.radians(longitude)
    cosine = Sin(Value(lat)) * Sin(Radians(F("latitude"))) + Cos(Value(lat)) * Cos(Radians(F("latitude"))) * Cos(
        Radians(F("longitude")) - Value(lon)
    )
    # Rounding can push the cosine a hair outside [-1, 1], where ACOS is undefined.
    clamped = Least(Greatest(cosine, Value(-1.0)), Value(1.0))
    return ExpressionWrapper(ACos(clamped) * Value(EARTH_RADIUS_KM), output_field=FloatField())


# Shorter than any degree of latitude on the sphere used here (111.195 km), so boxes drawn with it are never too tight.
KM_PER_DEGREE_AT_MOST = 111.0


@dataclass(frozen=True)
class _Box:
    south: float
    north: float
    west: float
    east: float

    def q(self):
        return Q(latitude__gte=self.south, latitude__lte=self.north, longitude__gte=self.west, longitude__lte=self.east)


def _bounding_box(latitude, longitude, km):
    """Wide enough for every point within `km` of the place: the longitude span is measured at the latitude nearest
    the pole that such a point can have (a circle is wider there than a span taken at the place's latitude)."""
    lat_delta = km / KM_PER_DEGREE_AT_MOST
    lon_delta = km / (KM_PER_DEGREE_AT_MOST * _cosine_nearer_the_pole(latitude, lat_delta))
    return _Box(latitude - lat_delta, latitude + lat_delta, longitude - lon_delta, longitude + lon_delta)


def _cosine_nearer_the_pole(latitude, degrees):
    return max(math.cos(math.radians(min(abs(latitude) + degrees, 89.0))), 0.01)


def _km_per_longitude_degree_near(latitude):
    """Generous on purpose: degrees are taken as 111 km, and a degree of longitude is measured two degrees nearer the
    pole than the place (a base is never further than 200 km, 1.8 degrees, away). Places are in Great Britain, far
    from the poles and the 180th meridian, where a box in degrees would not hold a circle."""
    return KM_PER_DEGREE_AT_MOST * _cosine_nearer_the_pole(latitude, 2.0)


def _within_own_box(latitude, longitude, km_per_lon_degree):
    """Listings whose own radius, drawn as a box around their base, holds the place: plain arithmetic on each row, so
    the trigonometry (Python functions called per row on SQLite) runs only for listings that may serve it."""
    lat_reach = ExpressionWrapper(F("radius_km") / Value(KM_PER_DEGREE_AT_MOST), output_field=FloatField())
    lon_reach = ExpressionWrapper(F("radius_km") / Value(km_per_lon_degree), output_field=FloatField())
    return Q(
        latitude__gte=Value(latitude) - lat_reach,
        latitude__lte=Value(latitude) + lat_reach,
        longitude__gte=Value(longitude) - lon_reach,
        longitude__lte=Value(longitude) + lon_reach,
    )


def _may_serve_by_radius(latitude, longitude, box, km_per_lon_degree):
    return Q(area_kind=Listing.AreaKind.RADIUS) & box.q() & _within_own_box(latitude, longitude, km_per_lon_degree)


def _may_serve_by_radius_of(point):
    latitude, longitude = point.latitude, point.longitude
    box = _bounding_box(latitude, longitude, MAX_RADIUS_KM)
    return _may_serve_by_radius(latitude, longitude, box, _km_per_longitude_degree_near(latitude))


def _linked_to_council(council_code):
    """The council's few listings, from the link table: filtering the listings by a join would read every public
    listing to find them."""
    linked = Listing.council_areas.through.objects.filter(councilarea__gss_code=council_code)
    return Q(area_kind=Listing.AreaKind.COUNCIL_AREAS, pk__in=linked.values("listing_id"))


def listings_serving(point, council_code=None, queryset=None):
    """Listings that serve `point` (in the council with GSS code `council_code`), each annotated with `distance_km`
    from the place to its base."""
    queryset = Listing.objects.all() if queryset is None else queryset
    distance = distance_km_expression(point.latitude, point.longitude)
    by_radius = _may_serve_by_radius_of(point)
    in_council = Q(area_kind=Listing.AreaKind.COUNCIL_AREAS, council_areas__gss_code=council_code)
    by_council = in_council if council_code else Q(pk=None)
    candidates = queryset.filter(by_radius | by_council).annotate(
        distance_km=Case(When(latitude__isnull=False, then=distance), default=None, output_field=FloatField())
    )
    serving = Q(area_kind=Listing.AreaKind.RADIUS, distance_km__lte=F("radius_km")) | by_council
    return candidates.filter(serving).distinct()


def distances_serving(point, council_code=None, queryset=None, fields=()):
    """[(pk, distance in km or None, *fields)] for the listings that serve `point`: the rule of `listings_serving`,
    with the distances worked out in Python from plain rows. SQLite has no trigonometry of its own (Django calls
    Python functions for each row and each use), which cost a search more than everything else it did.

    Two queries, one per kind of service area, so each can use its index (an OR of the two could use neither)."""
    queryset = (Listing.objects.all() if queryset is None else queryset).order_by()
    by_radius = queryset.filter(_may_serve_by_radius_of(point))
    in_council = queryset.filter(_linked_to_council(council_code)) if council_code else queryset.none()
    return _with_distances(
        point,
        by_radius.values_list("pk", "latitude", "longitude", "radius_km", *fields),
        in_council.values_list("pk", "latitude", "longitude", *fields),
    )


def public_distances_serving(point, council_code, now):
    """`distances_serving` for the publicly visible listings, with each one's `updated_at`: the search page's query,
    built and compiled once per process (marketplace.core.prepared_queries), as it runs on every search."""
    latitude, longitude = point.latitude, point.longitude
    box = _bounding_box(latitude, longitude, MAX_RADIUS_KM)
    since = visible_since(now)
    by_radius = _PUBLIC_BY_RADIUS.rows(
        since=since,
        latitude=latitude,
        longitude=longitude,
        km_per_lon_degree=_km_per_longitude_degree_near(latitude),
        **asdict(box),
    )
    in_council = _PUBLIC_IN_COUNCIL.rows(since=since, council_code=council_code) if council_code else ()
    return _with_distances(point, by_radius, in_council)


def _with_distances(point, by_radius, in_council):
    """Rows of (pk, latitude, longitude, radius, *fields) and of (pk, latitude, longitude, *fields) as
    [(pk, distance, *fields)], keeping the radius rows whose circle holds the point."""
    latitude, longitude = point.latitude, point.longitude
    serving = []
    for pk, base_latitude, base_longitude, radius_km, *values in by_radius:
        distance = great_circle_km(latitude, longitude, base_latitude, base_longitude)
        if distance <= float(radius_km):
            serving.append((pk, distance, *values))
    for pk, base_latitude, base_longitude, *values in in_council:
        distance = None
        if base_latitude is not None:
            distance = great_circle_km(latitude, longitude, base_latitude, base_longitude)
        serving.append((pk, distance, *values))
    return serving


def _public_by_radius(since, latitude, longitude, km_per_lon_degree, **box):
    return (
        Listing.objects.confirmed_since(since)
        .order_by()
        .filter(_may_serve_by_radius(latitude, longitude, _Box(**box), km_per_lon_degree))
        .values_list("pk", "latitude", "longitude", "radius_km", "updated_at")
    )


def _public_in_council(since, council_code):
    return (
        Listing.objects.confirmed_since(since)
        .order_by()
        .filter(_linked_to_council(council_code))
        .values_list("pk", "latitude", "longitude", "updated_at")
    )


_EXAMPLE_SINCE = datetime(2020, 1, 1, tzinfo=UTC)
_PUBLIC_BY_RADIUS = PreparedQuery(
    _public_by_radius,
    since=_EXAMPLE_SINCE,
    latitude=55.95,
    longitude=-3.19,
    km_per_lon_degree=60.5,
    south=54.1,
    north=57.8,
    west=-6.4,
    east=0.1,
)
_PUBLIC_IN_COUNCIL = PreparedQuery(_public_in_council, since=_EXAMPLE_SINCE, council_code="S12000036")
