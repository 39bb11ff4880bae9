"""Who serves this place: the listings whose service area covers a point (the heart of "find support").

A listing serves a place when the place lies within its radius of the listing's base, or inside one of the council
areas it lists (matched by GSS code: the place's council comes from the ONS postcode lookup). Distances are
great-circle (haversine) kilometres computed in SQL with Django's math functions, so the same query runs on
SQLite and PostgreSQL; a bounding box on latitude/longitude narrows the rows first.
"""

import math

from django.db.models import Case, ExpressionWrapper, F, FloatField, Q, Value, When
from django.db.models.functions import ACos, Cos, Greatest, Least, Radians, Sin

from providers.models import Listing
from providers.models.listings import MAX_RADIUS_KM

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


def _bounding_box(latitude, longitude, km):
    """Wide enough for every point within `km` of the place: the longitude span is measured at the latitude nearest
    the pole that such a point can have (a circle is wider there than a span taken at the place's latitude)."""
    lat_delta = km / KM_PER_DEGREE_AT_MOST
    lon_delta = km / (KM_PER_DEGREE_AT_MOST * _cosine_nearer_the_pole(latitude, lat_delta))
    return Q(
        latitude__gte=latitude - lat_delta,
        latitude__lte=latitude + lat_delta,
        longitude__gte=longitude - lon_delta,
        longitude__lte=longitude + lon_delta,
    )


def _cosine_nearer_the_pole(latitude, degrees):
    return max(math.cos(math.radians(min(abs(latitude) + degrees, 89.0))), 0.01)


def _within_own_box(latitude, longitude):
    """Listings whose own radius, drawn as a box around their base, holds the place: plain arithmetic on each row, so
    the trigonometry (Python functions called per row on SQLite) runs only for listings that may serve it.

    Generous on purpose: degrees are taken as 111 km, and a degree of longitude is measured two degrees nearer the
    pole than the place (a base is never further than 200 km, 1.8 degrees, away). Places are in Great Britain, far
    from the poles and the 180th meridian, where a box in degrees would not hold a circle."""
    km_per_lon_degree = KM_PER_DEGREE_AT_MOST * _cosine_nearer_the_pole(latitude, 2.0)
    lat_reach = ExpressionWrapper(F("radius_km") / Value(KM_PER_DEGREE_AT_MOST), output_field=FloatField())
    lon_reach = ExpressionWrapper(F("radius_km") / Value(km_per_lon_degree), output_field=FloatField())
    return Q(
        latitude__gte=Value(latitude) - lat_reach,
        latitude__lte=Value(latitude) + lat_reach,
        longitude__gte=Value(longitude) - lon_reach,
        longitude__lte=Value(longitude) + lon_reach,
    )


def listings_serving(point, council_code=None, queryset=None):
    """Listings that serve `point` (in the council with GSS code `council_code`), each annotated with `distance_km`
    from the place to its base."""
    queryset = Listing.objects.all() if queryset is None else queryset
    distance = distance_km_expression(point.latitude, point.longitude)
    by_radius = (
        Q(area_kind=Listing.AreaKind.RADIUS)
        & _bounding_box(point.latitude, point.longitude, MAX_RADIUS_KM)
        & _within_own_box(point.latitude, point.longitude)
    )
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
    latitude, longitude = point.latitude, point.longitude
    by_radius = queryset.filter(
        Q(area_kind=Listing.AreaKind.RADIUS)
        & _bounding_box(latitude, longitude, MAX_RADIUS_KM)
        & _within_own_box(latitude, longitude)
    )
    serving = []
    for pk, base_latitude, base_longitude, radius_km, *values in by_radius.values_list(
        "pk", "latitude", "longitude", "radius_km", *fields
    ):
        distance = great_circle_km(latitude, longitude, base_latitude, base_longitude)
        if distance <= float(radius_km):
            serving.append((pk, distance, *values))
    if council_code:
        # The council's few listings from the link table: filtering the listings by a join would read every public
        # listing to find them.
        linked = Listing.council_areas.through.objects.filter(councilarea__gss_code=council_code)
        in_council = queryset.filter(area_kind=Listing.AreaKind.COUNCIL_AREAS, pk__in=linked.values("listing_id"))
        for pk, base_latitude, base_longitude, *values in in_council.values_list(
            "pk", "latitude", "longitude", *fields
        ):
            distance = None
            if base_latitude is not None:
                distance = great_circle_km(latitude, longitude, base_latitude, base_longitude)
            serving.append((pk, distance, *values))
    return serving
