"""The indexed service area: the polygon always holds the whole circle (it only narrows the candidates), and the
dot-product test decides exactly as the great-circle distance does."""

import math

from hypothesis import given
from hypothesis import strategies as st

from marketplace.geography.places import Point
from search import service_area

# Great Britain and a margin around it; radii as listings may have them.
latitudes = st.floats(min_value=49.0, max_value=61.5)
longitudes = st.floats(min_value=-9.0, max_value=2.5)
radii = st.floats(min_value=0.5, max_value=200.0)
bearings = st.floats(min_value=0.0, max_value=360.0)


def inside(longitude, latitude, ring):
    """Whether the point lies inside the ring, with straight edges between longitudes and latitudes, as the
    engine draws them."""
    crossings = 0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        if (y1 > latitude) != (y2 > latitude) and longitude < (x2 - x1) * (latitude - y1) / (y2 - y1) + x1:
            crossings += 1
    return crossings % 2 == 1


def within_reach(place, base, radius_km):
    px, py, pz = service_area.unit_vector(place.latitude, place.longitude)
    bx, by, bz = service_area.unit_vector(base.latitude, base.longitude)
    return px * bx + py * by + pz * bz >= math.cos(radius_km / service_area.EARTH_RADIUS_KM)


@given(latitudes, longitudes, radii, bearings)
def test_the_polygon_holds_every_point_of_the_circle(latitude, longitude, radius_km, bearing):
    ring = service_area.polygon(latitude, longitude, radius_km)["coordinates"][0]
    edge_latitude, edge_longitude = service_area.destination(latitude, longitude, radius_km, bearing)
    assert inside(edge_longitude, edge_latitude, ring)


@given(latitudes, longitudes, radii)
def test_the_polygon_stays_close_to_the_circle(latitude, longitude, radius_km):
    centre = Point(latitude, longitude)
    ring = service_area.polygon(latitude, longitude, radius_km)["coordinates"][0]
    assert ring[0] == ring[-1] and len(ring) == service_area.POLYGON_SIDES + 1
    for corner_longitude, corner_latitude in ring:
        assert centre.distance_km(Point(corner_latitude, corner_longitude)) < radius_km * 1.03


@given(latitudes, longitudes, radii, bearings, st.floats(min_value=0.0, max_value=2.0))
def test_the_dot_product_decides_as_the_great_circle_distance(latitude, longitude, radius_km, bearing, share):
    place = Point(latitude, longitude)
    base = Point(*service_area.destination(latitude, longitude, radius_km * share, bearing))
    distance = place.distance_km(base)
    if abs(distance - radius_km) > 1e-6:  # a millimetre: closer than that, rounding may go either way
        assert within_reach(place, base, radius_km) == (distance <= radius_km)


def test_a_metre_either_side_of_the_edge():
    place = Point(55.9533, -3.1883)
    for radius_km in (0.5, 15.0, 200.0):
        inner = Point(*service_area.destination(place.latitude, place.longitude, radius_km - 0.001, 45))
        outer = Point(*service_area.destination(place.latitude, place.longitude, radius_km + 0.001, 45))
        assert within_reach(place, inner, radius_km) and not within_reach(place, outer, radius_km)


def test_only_radius_listings_with_a_base_get_an_area():
    document = {"area_kind": "radius", "location": {"lat": 55.95, "lon": -3.19}, "radius_km": 10.0}
    fields = service_area.indexed_fields(document)
    assert set(fields) == set(service_area.FIELDS)
    assert fields["reach_cosine"] == math.cos(10.0 / service_area.EARTH_RADIUS_KM)
    assert service_area.indexed_fields({**document, "area_kind": "council_areas"}) == {}
    assert service_area.indexed_fields({**document, "location": None}) == {}
