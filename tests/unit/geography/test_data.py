"""The built postcode file: a clear failure when it is missing, and no rebuild when it is current."""

import pytest

from marketplace.geography import GeographyDataMissing, lookup_postcode, nearest_postcode
from marketplace.geography.build import build, is_current
from marketplace.geography.store import FILE_NAME, data_dir


def test_the_built_file_is_current():
    assert is_current(data_dir() / FILE_NAME), "run `make geography-data` (manage.py build_geography)"


def test_a_missing_file_says_how_to_build_it(settings, tmp_path):
    settings.GEOGRAPHY_DATA_DIR = tmp_path

    with pytest.raises(GeographyDataMissing, match="make geography-data"):
        lookup_postcode("DD1 2AJ")
    with pytest.raises(GeographyDataMissing, match="build_geography"):
        nearest_postcode(56.46, -2.97)


def test_an_unreadable_file_says_how_to_rebuild_it(settings, tmp_path):
    settings.GEOGRAPHY_DATA_DIR = tmp_path
    (tmp_path / FILE_NAME).write_bytes(b"")  # an empty SQLite database has no tables

    with pytest.raises(GeographyDataMissing, match="build_geography"):
        lookup_postcode("DD1 2AJ")


def test_building_again_does_nothing_when_the_file_is_current():
    messages = []

    assert build(data_dir(), log=messages.append) is None
    assert messages == [f"{data_dir() / FILE_NAME} is up to date."]
