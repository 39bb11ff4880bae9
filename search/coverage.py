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


def distance_km_expression(latitude, longitude):
    """SQL for the great-circle distance from (latitude, longitude) to each listing's base, in kilometres."""
    lat, lon = math.radians(latitude), math.radians(longitude)
    cosine = Sin(Value(lat)) * Sin(Radians(F("latitude"))) + Cos(Value(lat)) * Cos(Radians(F("latitude"))) * Cos(
        Radians(F("longitude")) - Value(lon)
    )
    # Rounding can push the cosine a hair outside [-1, 1], where ACOS is undefined.
    clamped = Least(Greatest(cosine, Value(-1.0)), Value(1.0))
    return ExpressionWrapper(ACos(clamped) * Value(EARTH_RADIUS_KM), output_field=FloatField())


def _bounding_box(latitude, longitude, km):
    lat_delta = km / 111.0
    lon_delta = km / (111.320 * max(math.cos(math.radians(latitude)), 0.01))
    return Q(
        latitude__gte=latitude - lat_delta,
        latitude__lte=latitude + lat_delta,
        longitude__gte=longitude - lon_delta,
        longitude__lte=longitude + lon_delta,
    )


def listings_serving(point, council_code=None, queryset=None):
    """Listings that serve `point` (in the council with GSS code `council_code`), each annotated with `distance_km`
    from the place to its base."""
    queryset = Listing.objects.all() if queryset is None else queryset
    distance = distance_km_expression(point.latitude, point.longitude)
    by_radius = Q(area_kind=Listing.AreaKind.RADIUS) & _bounding_box(point.latitude, point.longitude, MAX_RADIUS_KM)
    in_council = Q(area_kind=Listing.AreaKind.COUNCIL_AREAS, council_areas__gss_code=council_code)
    by_council = in_council if council_code else Q(pk=None)
    candidates = queryset.filter(by_radius | by_council).annotate(
        distance_km=Case(When(latitude__isnull=False, then=distance), default=None, output_field=FloatField())
    )
    serving = Q(area_kind=Listing.AreaKind.RADIUS, distance_km__lte=F("radius_km")) | by_council
    return candidates.filter(serving).distinct()
