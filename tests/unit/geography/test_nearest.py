"""The postcode nearest a point: a place's or someone's location gives its council through it."""

import math
import sqlite3
import time
from contextlib import closing

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from marketplace.geography import distance_km, in_northern_ireland, nearest_postcode
from marketplace.geography.store import FILE_NAME, SCALE, data_dir


@pytest.mark.parametrize(
    ("point", "council"),
    [
        ((56.4620, -2.9707), "Dundee City"),  # Dundee city centre
        ((56.4635, -2.8705), "Dundee City"),  # Broughty Ferry castle
        ((56.4480, -2.8800), "Fife"),  # Tayport, across the Tay
        ((55.8260, -4.1690), "Glasgow City"),  # by the Clyde in the east end
        ((55.8240, -4.1665), "South Lanarkshire"),  # a few hundred metres south, in Cambuslang
        ((51.4824, -2.5157), "Bristol, City of"),
        ((51.4826, -2.5150), "South Gloucestershire"),
        ((55.4250, -5.6050), "Argyll and Bute"),  # Campbeltown, across the North Channel from Northern Ireland
        ((54.9030, -5.0240), "Dumfries and Galloway"),  # Stranraer
        ((57.0800, -3.6700), "Highland"),  # the Cairngorm plateau, kilometres from any postcode
    ],
)
def test_a_point_takes_the_council_of_its_nearest_postcode(point, council):
    area = nearest_postcode(*point)

    assert area.local_authority.name == council
    assert distance_km(*point, area.latitude, area.longitude) < 10


def _nearest_by_scanning(latitude, longitude, max_km):
    """The oracle: every postcode within half a degree of latitude (55 km, past any radius), nearest first."""
    lat, lon = round(latitude * SCALE), round(longitude * SCALE)
    scale = math.cos(math.radians(latitude)) ** 2
    scan = (
        "SELECT postcode, lat, lon FROM postcode WHERE lat BETWEEN ? AND ? "
        "ORDER BY (lat-?) * (lat-?) + (lon-?) * (lon-?) * ?, postcode LIMIT 1"
    )
    with closing(sqlite3.connect(f"{(data_dir() / FILE_NAME).as_uri()}?mode=ro", uri=True)) as connection:
        row = connection.execute(scan, (lat - SCALE // 2, lat + SCALE // 2, lat, lat, lon, lon, scale)).fetchone()
    if row is None or distance_km(latitude, longitude, row[1] / SCALE, row[2] / SCALE) > max_km:
        return None
    return row[0]


@pytest.mark.parametrize(
    "point",
    [(51.5074, -0.1278), (56.62, -4.70), (58.62, -5.0), (49.86, -6.45), (57.0, -4.5), (52.9, 0.9)],
    ids=["London", "Rannoch Moor", "Cape Wrath", "off Scilly", "Monadhliath", "off Norfolk"],
)
def test_the_nearest_postcode_is_the_nearest_of_all(point):
    area = nearest_postcode(*point)

    assert (area and area.postcode) == _nearest_by_scanning(*point, max_km=25)


@settings(max_examples=15, deadline=None)
@given(
    latitude=st.floats(50.0, 58.7),
    longitude=st.floats(-6.5, 1.8),
    max_km=st.floats(0.1, 30),
)
def test_any_point_and_radius_agree_with_a_full_scan(latitude, longitude, max_km):
    assume(not in_northern_ireland(latitude, longitude))
    area = nearest_postcode(latitude, longitude, max_km=max_km)

    assert (area and area.postcode) == _nearest_by_scanning(latitude, longitude, max_km)


@pytest.mark.parametrize(
    "point",
    [
        (54.5970, -5.9300),  # Belfast
        (55.2040, -6.2440),  # Ballycastle, 20 km from the Mull of Kintyre
        (54.3900, -5.4500),  # the Ards peninsula's east coast
    ],
)
def test_a_point_in_northern_ireland_has_no_gb_postcode(point):
    assert in_northern_ireland(*point)
    assert nearest_postcode(*point) is None


@pytest.mark.parametrize(
    "point",
    [
        (56.5, 1.0),  # the North Sea
        (48.8566, 2.3522),  # Paris
        (53.35, -6.26),  # Dublin
        (0.0, 0.0),
        (90.0, 180.0),
        (float("nan"), -3.0),
    ],
)
def test_a_point_far_from_great_britain_has_no_postcode(point):
    assert nearest_postcode(*point) is None


def test_a_point_just_off_the_coast_still_finds_the_shore():
    area = nearest_postcode(56.46, -2.70)  # in the firth, off Broughty Ferry and Monifieth

    assert area is not None
    assert nearest_postcode(56.46, -2.70, max_km=0.5) is None


def test_finding_the_nearest_postcode_is_quick():
    nearest_postcode(55.95, -3.19)
    started = time.perf_counter()
    for step in range(200):
        nearest_postcode(51.0 + step * 0.03, -2.0 + (step % 20) * 0.05)
    per_lookup_ms = (time.perf_counter() - started) * 1000 / 200
    assert per_lookup_ms < 20


@pytest.mark.parametrize("max_km", [0, -1, 51])
def test_the_search_radius_is_bounded(max_km):
    with pytest.raises(ValueError, match="max_km"):
        nearest_postcode(56.46, -2.97, max_km=max_km)
