"""Offline geocoding: postcodes and outward codes (the built ONS/Code-Point file), places (GeoNames)."""

import socket
import statistics
import time
import typing

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marketplace.geography import places as geocoding
from marketplace.geography.places import (
    Point,
    council_area_for,
    distance_km,
    find_places,
    is_outward_code,
    lookup_outward_code,
    lookup_postcode,
    normalise_outward_code,
    normalise_postcode,
    outward_code,
    resolve,
)

EDINBURGH = Point(55.9533, -3.1883)
GLASGOW = Point(55.8642, -4.2518)
MALFORMED = [
    "XYZ",
    "EH1 1",
    "12345",
    "",
    "   ",
    "EH11 AA",  # the space in the wrong place
    "E H1 1YZ",
    "QA1 1AA",  # Q never starts a postcode
    "EH1 1CA",  # C is not used in the inward code
    "EH1 1YZ EH1 1YZ",
    "'; DROP TABLE users; --",
    "<script>alert(1)</script>",
    "ЕН1 1YZ",  # Cyrillic Е and Н
    "ＥＨ１ １ＹＺ",  # full-width
    "EH1 1YZ" * 20,
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("eh11aa", "EH1 1AA"),
        ("EH1 1YZ", "EH1 1YZ"),
        ("  eh1   1yz ", "EH1 1YZ"),
        ("EH1\t1YZ", "EH1 1YZ"),
        ("sw1a1aa", "SW1A 1AA"),
        ("cf101ep", "CF10 1EP"),
        ("W1A 0AX", "W1A 0AX"),
        ("m1 1ae", "M1 1AE"),
        ("gir0aa", "GIR 0AA"),
    ],
)
def test_normalise_postcode(text, expected):
    assert normalise_postcode(text) == expected


@pytest.mark.parametrize("text", [*MALFORMED, None, 12345])
def test_malformed_postcodes_are_none(text):
    assert normalise_postcode(text) is None
    assert outward_code(text) is None
    assert lookup_postcode(text) is None


def test_outward_code():
    assert outward_code("eh1 1yz") == "EH1"
    assert outward_code("SW1A1AA") == "SW1A"


@pytest.mark.parametrize(("text", "expected"), [("g12", "G12"), (" EH1 ", "EH1"), ("sw1a", "SW1A"), ("e1w", "E1W")])
def test_outward_codes(text, expected):
    assert normalise_outward_code(text) == expected
    assert is_outward_code(text)


@pytest.mark.parametrize("text", ["G 12", "EH1 1YZ", "EH", "12", "Q1", "EH1C", "", None])
def test_not_outward_codes(text):
    assert normalise_outward_code(text) is None
    assert not is_outward_code(text)


@pytest.mark.parametrize(
    ("postcode", "latitude", "longitude", "council_area", "country"),
    [
        ("EH1 1YZ", 55.950, -3.193, "City of Edinburgh", "Scotland"),
        ("CF10 1EP", 51.476, -3.179, "Cardiff", "Wales"),
        ("SW1A 1AA", 51.501, -0.142, "Westminster", "England"),
        ("G1 1XQ", 55.861, -4.245, "Glasgow City", "Scotland"),
        ("IV1 1AD", 57.479, -4.225, "Highland", "Scotland"),
        ("TD15 1AA", 55.771, -2.000, "Northumberland", "England"),  # Berwick: a Scottish postcode area, in England
    ],
)
def test_lookup_postcode(postcode, latitude, longitude, council_area, country):
    location = lookup_postcode(postcode.lower().replace(" ", ""))
    assert location.label == postcode
    assert location.kind == "postcode"
    assert location.point.latitude == pytest.approx(latitude, abs=0.01)
    assert location.point.longitude == pytest.approx(longitude, abs=0.01)
    assert (location.council_area, location.country) == (council_area, country)


@pytest.mark.parametrize(
    "postcode",
    [
        "BT1 1AA",  # Northern Ireland: not in Code-Point Open
        "JE2 3AB",  # Jersey: not in Code-Point Open
        "EH1 1AA",  # well formed, in a loaded area, but not a postcode
        "AB43 1AG",  # in Code-Point Open without coordinates (quality 90)
    ],
)
def test_postcodes_without_a_location(postcode):
    assert normalise_postcode(postcode) == postcode
    assert lookup_postcode(postcode) is None


def test_outward_code_centroid():
    location = lookup_outward_code("eh1")
    assert (location.label, location.kind, location.council_area) == ("EH1", "outward", "City of Edinburgh")
    assert location.council_code == "S12000036"
    assert location.point.distance_km(lookup_postcode("EH1 1YZ").point) < 1
    assert lookup_outward_code("G12").point.latitude == pytest.approx(55.88, abs=0.02)
    assert lookup_outward_code("BT1") is None
    assert lookup_outward_code("EH98") is None  # a valid format with no postcodes
    assert lookup_outward_code("EH1 1YZ") is None


def test_distance():
    assert distance_km(EDINBURGH, GLASGOW) == pytest.approx(67, abs=3)
    assert EDINBURGH.distance_km(GLASGOW) == GLASGOW.distance_km(EDINBURGH)
    assert EDINBURGH.distance_km(EDINBURGH) == 0
    with pytest.raises(ValueError):
        Point(91, 0)


def test_ambiguous_place_names_offer_a_choice():
    places = [place for place in find_places("newport") if place.label == "Newport"]
    assert len(places) >= 4
    assert {place.country for place in places} == {"England", "Wales"}
    assert len({place.council_area for place in places}) == len(places)
    assert all(place.kind == "place" for place in places)


def test_find_places():
    assert [place.label for place in find_places("Édinburgh")] == ["Edinburgh"]
    assert find_places("st. helens")[0].label == "St Helens"
    assert find_places("Saint Ives")[0].label == "St Ives"
    assert find_places("stoke on trent")[0].label == "Stoke-on-Trent"
    stone = [place.label for place in find_places("Stone")]
    assert stone[:3] == ["Stone", "Stone", "Stone"]  # exact matches first, then names that start with it
    assert "Stonehaven" in stone
    assert len(find_places("a")) == 10
    assert find_places("Paris") == []  # United Kingdom only
    assert find_places("") == find_places("!!") == []


def test_council_area_for():
    assert council_area_for(EDINBURGH) == "City of Edinburgh"
    assert council_area_for(GLASGOW) == "Glasgow City"
    assert council_area_for(Point(51.4816, -3.1791)) == "Cardiff"
    assert council_area_for(Point(50.0, -30.0)) is None  # mid-Atlantic


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        ("", "empty"),
        (" \t\n", "empty"),
        ("x" * 101, "invalid"),
        ("!!!", "invalid"),
        ("EH1 1", "invalid_postcode"),
        ("12345", "invalid_postcode"),
        ("EH1 1AA", "invalid_postcode"),  # unknown
        ("BT1 1AA", "northern_ireland"),  # not in Code-Point Open
        ("bt7", "northern_ireland"),
        ("JE2 3AB", "outside_great_britain"),  # Jersey
        ("IM1 1AA", "outside_great_britain"),  # the Isle of Man
        ("EH98", "invalid_postcode"),
        ("XYZ", "unknown_place"),
        ("'; DROP TABLE users; --", "unknown_place"),
        ("<script>alert(1)</script>", "unknown_place"),
    ],
)
def test_resolve_problems(query, problem):
    assert resolve(query) == geocoding.Resolution(locations=(), problem=problem)


@pytest.mark.parametrize(
    ("query", "labels", "kind"),
    [
        (" eh1 1yz ", ["EH1 1YZ"], "postcode"),
        ("EH11YZ", ["EH1 1YZ"], "postcode"),
        ("g12", ["G12"], "outward"),
        ("  GLASGOW ", ["Glasgow"], "place"),
        ("York", ["York"], "place"),  # the exact match only, not Yorkley
        ("Newport, Pembrokeshire", ["Newport"], "place"),
        ("Edinb", ["Edinburgh"], "place"),
    ],
)
def test_resolve(query, labels, kind):
    resolution = resolve(query)
    assert resolution.problem is None
    assert [location.label for location in resolution.locations] == labels
    assert {location.kind for location in resolution.locations} == {kind}


def test_resolve_ambiguous_place():
    resolution = resolve("Newport")
    assert resolution.problem is None
    assert len(resolution.locations) >= 4
    assert {location.country for location in resolve("newport, wales").locations} == {"Wales"}


def test_resolving_a_postcode_in_a_loaded_area_is_fast():
    resolve("EH1 1YZ")
    timings = []
    for _ in range(50):
        start = time.perf_counter()
        resolve("EH3 9DR")
        timings.append(time.perf_counter() - start)
    assert statistics.median(timings) < 0.005


def test_never_uses_the_network(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("geocoding must not use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    assert geocoding._gazetteer.__wrapped__().places
    assert resolve("ZE1 0AA").problem in (None, "invalid_postcode")
    assert resolve("Lerwick").locations


QUERY_PROBLEMS = {None, *typing.get_args(geocoding.Problem)}


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_resolve_never_raises(text):
    resolution = resolve(text)
    assert resolution.problem in QUERY_PROBLEMS
    assert bool(resolution.locations) == (resolution.problem is None)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="EHGSWZ0123456789ADJLNPQTUXY \t", max_size=12))
def test_resolve_never_raises_on_postcode_like_text(text):
    resolution = resolve(text)
    assert resolution.problem in QUERY_PROBLEMS
    normalised = normalise_postcode(text)
    if normalised is not None:
        assert normalise_postcode(normalised) == normalised
        assert outward_code(normalised) == normalised.split()[0]


def test_leith_is_in_edinburgh_despite_a_misfiled_gazetteer_place():
    assert lookup_postcode("EH6 5AA").council_area == "City of Edinburgh"


DUNDEE, FIFE, GLASGOW_CITY, SOUTH_LANARKSHIRE = "S12000042", "S12000047", "S12000049", "S12000029"
BRISTOL, SOUTH_GLOUCESTERSHIRE = "E06000023", "E06000025"


@pytest.mark.parametrize(
    ("query", "code", "name"),
    [
        # Postcodes the nearest-town geocoder put in the neighbouring council (see test_boundaries.py).
        ("DD5 2TF", DUNDEE, "Dundee City"),  # Broughty Ferry: was Fife
        ("DD6 9BN", FIFE, "Fife"),  # Tayport, across the Tay
        ("G32 8RG", GLASGOW_CITY, "Glasgow City"),  # east Glasgow: was South Lanarkshire
        ("G72 7LA", SOUTH_LANARKSHIRE, "South Lanarkshire"),  # Cambuslang, 280 m away
        ("BS16 5DG", BRISTOL, "Bristol, City of"),  # east Bristol: was South Gloucestershire
        ("BS16 5DF", SOUTH_GLOUCESTERSHIRE, "South Gloucestershire"),  # 30 m away
        ("BS15 1JF", BRISTOL, "Bristol, City of"),
        # Outward codes: the council holding most of their postcodes.
        ("DD5", DUNDEE, "Dundee City"),
        ("G32", GLASGOW_CITY, "Glasgow City"),
    ],
)
def test_postcodes_and_outward_codes_get_their_exact_council(query, code, name):
    (location,) = resolve(query).locations
    assert (location.council_code, location.council_area) == (code, name)


def test_a_two_tier_postcode_gets_the_county_that_holds_adult_social_care():
    location = lookup_postcode("CB2 1TN")  # Cambridge: the district is E07000008, care is Cambridgeshire's
    assert (location.council_code, location.council_area) == ("E10000003", "Cambridgeshire")


def test_a_place_gets_the_council_of_its_nearest_postcode_not_the_gazetteers():
    (dundee,) = resolve("Dundee").locations
    assert (dundee.council_code, dundee.council_area) == (DUNDEE, "Dundee City")
    (glasgow,) = resolve("Glasgow").locations
    assert glasgow.council_code == GLASGOW_CITY
    # GeoNames files Seafield (Leith) under West Lothian; its point is in Edinburgh.
    (seafield,) = [p for p in find_places("Seafield") if abs(p.point.latitude - 55.97) < 0.01]
    assert seafield.council_code == "S12000036"


def test_a_place_in_northern_ireland_has_no_council():
    (belfast,) = resolve("Belfast").locations
    assert (belfast.country, belfast.council_area, belfast.council_code) == ("Northern Ireland", None, None)


def test_a_point_gets_the_council_of_its_nearest_postcode():
    assert geocoding.council_for(lookup_postcode("G32 8RG").point).code == GLASGOW_CITY
    assert geocoding.council_for(Point(50.0, -30.0)) is None
