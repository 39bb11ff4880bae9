"""Where a service is given (service areas) and where an organisation's service is based (its location).

A radius service area is published as a GeoJSON polygon of the circle (GeoJSON has no circles), with the same words
the listing page uses. Whole council areas are published by name, with the ONS identifier of the area where its name
is a current local or care authority's. A personal assistant's circle is drawn around the centre of the ~2 km grid
cell that holds their base, as the public map shows it, and never around anything finer.
"""

import json
import math
from functools import cache

from django.utils.translation import gettext as _

from marketplace.geography import GeographyDataMissing, care_authorities, local_authorities
from marketplace.geography.places import Point, approximate
from providers.models import Listing
from providers.presenters import approximate_area

from .. import ids
from .common import compact

CIRCLE_VERTICES = 48
KM_PER_DEGREE = 111.195
COORDINATE_PLACES = 5  # about a metre
GSS_URI = "http://statistics.data.gov.uk/id/statistical-geography/{code}"


def public_base(listing):
    """The listing's base as the public map shows it: a personal assistant's snapped to its grid cell's centre."""
    if listing.latitude is None or listing.longitude is None:
        return None
    point = Point(listing.latitude, listing.longitude)
    return approximate(point) if listing.is_personal_assistant else point


def circle(centre, radius_km):
    """A GeoJSON polygon approximating the circle, anticlockwise as RFC 7946 asks, closed."""
    ring = []
    for step in range(CIRCLE_VERTICES):
        angle = 2 * math.pi * step / CIRCLE_VERTICES
        latitude = centre.latitude + radius_km * math.sin(angle) / KM_PER_DEGREE
        longitude = centre.longitude + radius_km * math.cos(angle) / (
            KM_PER_DEGREE * max(math.cos(math.radians(centre.latitude)), 0.01)
        )
        ring.append([round(longitude, COORDINATE_PLACES), round(latitude, COORDINATE_PLACES)])
    ring.append(ring[0])
    return json.dumps({"type": "Polygon", "coordinates": [ring]}, separators=(",", ":"))


@cache
def _authorities_by_name():
    try:
        authorities = [*local_authorities(), *care_authorities()]
    except GeographyDataMissing:
        return {}
    return {authority.name.casefold(): authority for authority in authorities}


def gss_uri(name):
    authority = _authorities_by_name().get(name.strip().casefold())
    return GSS_URI.format(code=authority.code) if authority else ""


def _radius_words(listing):
    place = approximate_area(listing)
    if listing.radius_km and place:
        return _("Within %(distance)s km of %(place)s") % {
            "distance": f"{listing.radius_km.normalize():f}",
            "place": place,
        }
    if place:
        return _("In and around %(place)s") % {"place": place}
    return ""


def service_areas(listing):
    service_id = ids.service(listing.pk)
    if listing.area_kind == Listing.AreaKind.COUNCIL_AREAS:
        return [
            compact(
                id=ids.stable_id("service_area", listing.pk, "council", area.pk),
                service_id=service_id,
                name=area.name,
                service_area=area.name,
                uri=gss_uri(area.name),
            )
            for area in listing.council_areas.all()
        ]
    words = _radius_words(listing)
    base = public_base(listing)
    extent = circle(base, float(listing.radius_km)) if base and listing.radius_km else ""
    if not (words or extent):
        return []
    return [
        compact(
            id=ids.stable_id("service_area", listing.pk, "radius"),
            service_id=service_id,
            name=words,
            service_area=words,
            extent=extent,
            extent_type="geojson" if extent else "",
        )
    ]


def location(listing):
    """An organisation's base as a location (coordinates only: no address, no postcode). None for a personal
    assistant, or a listing without a base."""
    base = public_base(listing)
    if listing.is_personal_assistant or base is None:
        return None
    name = listing.base_label or listing.supplier.name
    return compact(
        id=ids.location(listing.pk),
        location_type="physical",
        name=name,
        description=_("Where this service is based. Support is given across its service area, not only here."),
        latitude=round(base.latitude, COORDINATE_PLACES),
        longitude=round(base.longitude, COORDINATE_PLACES),
    )


def service_at_location(listing, location_shape=None):
    """The link between a service and its location (`location_shape` nested when given), or None without one."""
    shape = location_shape or location(listing)
    if shape is None:
        return None
    return compact(
        id=ids.service_at_location(listing.pk),
        service_id=ids.service(listing.pk),
        location_id=shape["id"],
        location=shape,
    )
