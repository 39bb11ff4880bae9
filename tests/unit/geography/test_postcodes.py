"""Looking up postcodes: format, unknown and terminated codes, Northern Ireland, and what an answer holds."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from marketplace.geography import is_northern_ireland, lookup_postcode, normalise_postcode, postcodes_in


@pytest.mark.parametrize("typed", ["dd1 2aj", "DD12AJ", "  dd1   2AJ ", "Dd1 2aJ"])
def test_a_postcode_is_found_however_it_is_typed(typed):
    area = lookup_postcode(typed)

    assert area.postcode == "DD1 2AJ"
    assert area.local_authority.name == "Dundee City"
    assert area.country == "Scotland"


def test_an_answer_carries_the_postcodes_position():
    area = lookup_postcode("SW1A 2AA")

    assert area.latitude == pytest.approx(51.5035, abs=0.001)
    assert area.longitude == pytest.approx(-0.1277, abs=0.001)
    assert (area.local_authority.code, area.local_authority.name) == ("E09000033", "Westminster")


@pytest.mark.parametrize(
    "postcode",
    [
        "SW1A 9ZZ",  # well formed, never issued
        "AB1 0AA",  # terminated in 1996 (Aberdeen's postcodes were recoded)
        "EH1 1AA",  # terminated in 1996
    ],
)
def test_an_unknown_or_terminated_postcode_is_not_found(postcode):
    assert normalise_postcode(postcode) == postcode
    assert lookup_postcode(postcode) is None


@pytest.mark.parametrize(
    "text",
    ["", "   ", "DD1", "not a postcode", "12345", "DD1 2AJX", "QQ1 1AA", "DD1 2AJ; DROP TABLE postcode", "D" * 10_000],
)
def test_a_malformed_postcode_is_not_found(text):
    assert normalise_postcode(text) is None
    assert lookup_postcode(text) is None


@pytest.mark.parametrize("value", [None, 42, b"DD1 2AJ", "DD1 2AJ\u00a0"])
def test_anything_that_is_not_a_postcode_string_is_not_found(value):
    assert lookup_postcode(value) is None


@pytest.mark.parametrize("postcode", ["BT1 1AA", "bt7 1nn", "BT48 6DQ", "BT7"])
def test_a_northern_ireland_postcode_is_recognised_but_not_covered(postcode):
    assert is_northern_ireland(postcode)
    assert lookup_postcode(postcode) is None


@pytest.mark.parametrize("postcode", ["DD1 2AJ", "B1 1AY", "BT", "BTX 1AA", "", None])
def test_other_postcodes_are_not_northern_ireland(postcode):
    assert not is_northern_ireland(postcode)


@pytest.mark.parametrize("postcode", ["IM1 1AA", "JE2 3QA", "GY1 1AA"])
def test_the_isle_of_man_and_channel_islands_are_not_covered(postcode):
    assert lookup_postcode(postcode) is None


def test_an_outward_code_lists_its_postcodes_with_their_councils():
    postcodes = postcodes_in("dd6")

    assert len(postcodes) > 300
    assert all(area.postcode.startswith("DD6 ") for area in postcodes)
    assert [area.postcode for area in postcodes] == sorted(area.postcode for area in postcodes)
    assert {area.local_authority.name for area in postcodes} == {"Fife"}


def test_an_outward_code_across_a_boundary_lists_both_councils():
    councils = {area.local_authority.name for area in postcodes_in("BS16")}

    assert councils == {"Bristol, City of", "South Gloucestershire"}


@pytest.mark.parametrize("text", ["DD", "DD6 9BN", "ZZ9", "", None, "BT7"])
def test_anything_else_lists_no_postcodes(text):
    assert postcodes_in(text) == []


def test_lookups_from_many_threads_at_once_give_the_same_answers():
    postcodes = ["DD5 2TF", "DD6 9BN", "G32 8RG", "G72 7LA", "BS16 5DG", "BS16 5DF", "CT1 2EH", "CF10 1EP"] * 25
    expected = {postcode: lookup_postcode(postcode) for postcode in postcodes}

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lookup_postcode, postcodes))

    assert answers == [expected[postcode] for postcode in postcodes]
