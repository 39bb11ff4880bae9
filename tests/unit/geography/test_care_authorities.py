"""Which council holds adult social care: the county in two-tier England, the 2023 unitaries, everyone else itself."""

import pytest

from marketplace.geography import (
    authority,
    care_authorities,
    care_authority_for,
    local_authorities,
    lookup_postcode,
    nearest_postcode,
)
from marketplace.geography.authorities import COUNTIES, DISTRICT_COUNTY, REPLACED_IN_2023, UNITARIES_OF_2023


@pytest.mark.parametrize(
    ("postcode", "district", "county"),
    [
        ("CT1 2EH", ("E07000106", "Canterbury"), ("E10000016", "Kent")),
        ("OX1 1AA", ("E07000178", "Oxford"), ("E10000025", "Oxfordshire")),
        ("CO1 1AA", ("E07000071", "Colchester"), ("E10000012", "Essex")),
    ],
)
def test_in_two_tier_england_the_county_holds_care(postcode, district, county):
    area = lookup_postcode(postcode)

    assert (area.local_authority.code, area.local_authority.name) == district
    assert (area.care_authority.code, area.care_authority.name) == county


@pytest.mark.parametrize(
    ("postcode", "old_district", "unitary"),
    [
        ("CA3 8QG", "Carlisle", ("E06000063", "Cumberland")),
        ("LA9 4DL", "South Lakeland (Kendal)", ("E06000064", "Westmorland and Furness")),
        ("LA14 1AA", "Barrow-in-Furness", ("E06000064", "Westmorland and Furness")),
        ("HG1 1AA", "Harrogate", ("E06000065", "North Yorkshire")),
        ("YO11 1AA", "Scarborough", ("E06000065", "North Yorkshire")),
        ("TA1 1HE", "Somerset West and Taunton", ("E06000066", "Somerset")),
        ("BA5 2PG", "Mendip (Wells)", ("E06000066", "Somerset")),
    ],
)
def test_the_2023_unitary_councils_replace_the_old_districts_and_counties(postcode, old_district, unitary):
    area = lookup_postcode(postcode)

    assert (area.local_authority.code, area.local_authority.name) == unitary, old_district
    assert area.care_authority == area.local_authority


@pytest.mark.parametrize(
    ("postcode", "code", "name", "welsh_name", "country"),
    [
        ("EH1 1YZ", "S12000036", "City of Edinburgh", None, "Scotland"),
        ("HS1 2BW", "S12000013", "Na h-Eileanan Siar", None, "Scotland"),
        ("ZE1 0LU", "S12000027", "Shetland Islands", None, "Scotland"),
        ("CF10 1EP", "W06000015", "Cardiff", "Caerdydd", "Wales"),
        ("LL77 7TW", "W06000001", "Isle of Anglesey", "Ynys Môn", "Wales"),
        ("M1 1AE", "E08000003", "Manchester", None, "England"),
        ("EC2V 7HH", "E09000001", "City of London", None, "England"),
        ("TR21 0HE", "E06000053", "Isles of Scilly", None, "England"),
    ],
)
def test_scottish_welsh_metropolitan_and_london_councils_hold_care_themselves(
    postcode, code, name, welsh_name, country
):
    area = lookup_postcode(postcode)

    assert area.local_authority.code == code
    assert area.local_authority.name == name
    assert area.local_authority.welsh_name == welsh_name
    assert area.country == country
    assert area.care_authority == area.local_authority


def test_the_list_of_care_authorities_covers_great_britain_once():
    councils = care_authorities()
    codes = [council.code for council in councils]

    # 21 counties, 63 English unitaries, 36 metropolitan districts, 33 London boroughs (with the City), 32 Scottish
    # councils and 22 Welsh principal areas.
    assert len(codes) == len(set(codes)) == 207
    assert {code[:3] for code in codes} == {"E10", "E06", "E08", "E09", "S12", "W06"}
    assert set(COUNTIES) <= set(codes) and set(UNITARIES_OF_2023) <= set(codes)
    assert not {"E10000006", "E10000023", "E10000027"} & set(codes)  # Cumbria, North Yorkshire and Somerset counties
    assert [council.name for council in councils] == sorted(council.name for council in councils)


def test_every_local_authority_has_its_care_authority():
    districts = local_authorities()

    assert len(districts) == 350  # England 296, Scotland 32, Wales 22
    assert not {d.code for d in districts} & set(REPLACED_IN_2023)
    for district in districts:
        expected = DISTRICT_COUNTY.get(district.code, district.code)
        assert care_authority_for(district.code).code == expected


def test_council_areas_are_found_by_code():
    assert authority("E10000016").name == "Kent"
    assert authority("W06000015").welsh_name == "Caerdydd"
    assert care_authority_for("E07000106") == authority("E10000016")
    assert care_authority_for("E10000016") == authority("E10000016")
    assert authority("E07000026") is None  # Allerdale, abolished in 2023
    assert authority("N09000003") is None  # Belfast: Northern Ireland is not covered
    assert care_authority_for("nonsense") is None


def test_every_council_has_a_centre_inside_it_for_a_map():
    for council in care_authorities() + local_authorities():
        nearest = nearest_postcode(council.latitude, council.longitude)

        holder = nearest.care_authority if council.code.startswith("E10") else nearest.local_authority
        assert holder == council, council.name
