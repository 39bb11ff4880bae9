"""Councils of postcodes on both sides of boundaries that the nearest-town approximation got wrong.

Each pair is a few tens of metres to 1.5 km apart, and Code-Point Open 2025 and the ONS May 2022 lookup agree on
both councils. The old geocoder (nearest GeoNames town) put every one of these in the same council as its neighbour.
"""

import pytest

from marketplace.geography import lookup_postcode

DUNDEE, FIFE, ANGUS = "S12000042", "S12000047", "S12000041"
GLASGOW, SOUTH_LANARKSHIRE = "S12000049", "S12000029"
BRISTOL, SOUTH_GLOUCESTERSHIRE = "E06000023", "E06000025"


@pytest.mark.parametrize(
    ("postcode", "code", "name"),
    [
        # Broughty Ferry (Dundee) and Tayport (Fife), facing each other across the Tay: 1.5 km.
        ("DD5 2TF", DUNDEE, "Dundee City"),
        ("DD6 9BN", FIFE, "Fife"),
        # Broughty Ferry's east edge (Dundee) and Monifieth (Angus): 36 m.
        ("DD5 2UA", DUNDEE, "Dundee City"),
        ("DD5 4QD", ANGUS, "Angus"),
        # Glasgow's east end by the Clyde and Cambuslang (South Lanarkshire): 280 m.
        ("G32 8RG", GLASGOW, "Glasgow City"),
        ("G72 7LA", SOUTH_LANARKSHIRE, "South Lanarkshire"),
        # East Bristol and its neighbours in South Gloucestershire, in the same postcode sectors: 30 m and 35 m.
        ("BS16 5DG", BRISTOL, "Bristol, City of"),
        ("BS16 5DF", SOUTH_GLOUCESTERSHIRE, "South Gloucestershire"),
        ("BS15 1JF", BRISTOL, "Bristol, City of"),
        ("BS15 1JJ", SOUTH_GLOUCESTERSHIRE, "South Gloucestershire"),
    ],
)
def test_a_postcode_is_in_the_council_it_is_really_in(postcode, code, name):
    area = lookup_postcode(postcode)

    assert (area.local_authority.code, area.local_authority.name) == (code, name)
    assert area.care_authority == area.local_authority  # Scottish councils and English unitaries hold care


def test_neighbours_across_the_tay_are_close_but_in_different_councils():
    dundee, fife = lookup_postcode("DD5 2TF"), lookup_postcode("DD6 9BN")

    assert abs(dundee.latitude - fife.latitude) < 0.02 and abs(dundee.longitude - fife.longitude) < 0.02
    assert dundee.local_authority != fife.local_authority
