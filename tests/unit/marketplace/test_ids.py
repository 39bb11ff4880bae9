"""Ids from forms and addresses: only plain ASCII digits make one (`str.isdigit` also accepts "²" and "٣")."""

import pytest

from marketplace.core.ids import parse_id


@pytest.mark.parametrize(("value", "expected"), [("42", 42), (7, 7), ("0", 0), ("9" * 18, int("9" * 18))])
def test_plain_digits_are_an_id(value, expected):
    assert parse_id(value) == expected


@pytest.mark.parametrize("value", ["", "²", "٣", "1²", "-1", " 1", "1.0", "9" * 19, "abc", "١٢"])
def test_anything_else_is_none(value):
    assert parse_id(value) is None
