"""The directory as an Open Referral UK data package: one CSV file per table and a datapackage.json (Frictionless
Data) under the Open Government Licence, zipped for download.

Rows come from the same shapes as the API, so the files and the API always say the same thing. Writing is atomic
for the zip (readers see the old package or the new one, never half of one); the unzipped folder beside it is
swapped in by two renames just after.
"""

import csv
import io
import json
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

from django.conf import settings
from django.utils import timezone, translation
from django.utils.http import http_date
from django.utils.text import slugify

from marketplace.core.urls_absolute import absolute_url
from marketplace.geography import ATTRIBUTION, OGL_URL

from . import directory, licence
from .mapping import services, terms
from .mapping.common import Context, timestamp
from .taxonomies import TAXONOMIES

PACKAGE_NAME = "oruk-data-package.zip"
FOLDER_NAME = "oruk"
BATCH = 200
LICENCE = {"name": licence.IDENTIFIER, "path": OGL_URL, "title": licence.NAME}

UUID = ("string", "uuid")
TEXT = ("string", None)
URI = ("string", "uri")
EMAIL = ("string", "email")
NUMBER = ("number", None)
DATE = ("date", None)
DATETIME = ("datetime", None)

# (table, file, [(column, (type, format))]): the standard's columns in its order, then the HSDS 3.0 columns we add.
TABLES = (
    (
        "organizations",
        "organizations.csv",
        [
            ("id", UUID),
            ("name", TEXT),
            ("description", TEXT),
            ("email", EMAIL),
            ("website", URI),
            ("logo", TEXT),
            ("uri", URI),
            ("parent_organization_id", UUID),
        ],
    ),
    (
        "organization_identifiers",
        "organization_identifiers.csv",
        [
            ("id", UUID),
            ("organization_id", UUID),
            ("identifier_scheme", TEXT),
            ("identifier_type", TEXT),
            ("identifier", TEXT),
        ],
    ),
    (
        "services",
        "services.csv",
        [
            ("id", UUID),
            ("organization_id", UUID),
            ("name", TEXT),
            ("description", TEXT),
            ("url", URI),
            ("email", EMAIL),
            ("status", TEXT),
            ("fees", TEXT),
            ("accreditations", TEXT),
            ("minimum_age", NUMBER),
            ("maximum_age", NUMBER),
            ("assured_date", DATE),
            ("assurer_email", EMAIL),
            ("alert", TEXT),
            ("last_modified", DATETIME),
        ],
    ),
    (
        "service_areas",
        "service_areas.csv",
        [
            ("id", UUID),
            ("service_id", UUID),
            ("name", TEXT),
            ("extent", TEXT),
            ("extent_type", TEXT),
            ("uri", TEXT),
            ("service_area", TEXT),
        ],
    ),
    (
        "locations",
        "locations.csv",
        [
            ("id", UUID),
            ("location_type", TEXT),
            ("name", TEXT),
            ("description", TEXT),
            ("latitude", NUMBER),
            ("longitude", NUMBER),
            ("external_identifier", TEXT),
            ("external_identifier_type", TEXT),
        ],
    ),
    ("service_at_location", "service_at_location.csv", [("id", UUID), ("service_id", UUID), ("location_id", UUID)]),
    (
        "schedule",
        "schedule.csv",
        [
            ("id", UUID),
            ("service_id", UUID),
            ("service_at_location_id", UUID),
            ("valid_from", DATE),
            ("valid_to", DATE),
            ("dtstart", DATE),
            ("freq", TEXT),
            ("interval", NUMBER),
            ("byday", TEXT),
            ("bymonthday", TEXT),
            ("description", TEXT),
            ("opens_at", TEXT),
            ("closes_at", TEXT),
            ("schedule_link", URI),
            ("attending_type", TEXT),
            ("notes", TEXT),
        ],
    ),
    (
        "cost_options",
        "cost_options.csv",
        [
            ("id", UUID),
            ("service_id", UUID),
            ("valid_from", DATE),
            ("valid_to", DATE),
            ("option", TEXT),
            ("amount", NUMBER),
            ("amount_description", TEXT),
            ("currency", TEXT),
        ],
    ),
    (
        "languages",
        "languages.csv",
        [("id", UUID), ("service_id", UUID), ("phone_id", UUID), ("name", TEXT), ("code", TEXT)],
    ),
    ("contacts", "contacts.csv", [("id", UUID), ("service_id", UUID), ("name", TEXT), ("title", TEXT)]),
    ("phones", "phones.csv", [("id", UUID), ("contact_id", UUID), ("number", TEXT), ("description", TEXT)]),
    (
        "taxonomies",
        "taxonomies.csv",
        [("id", UUID), ("name", TEXT), ("description", TEXT), ("uri", URI), ("version", TEXT)],
    ),
    (
        "taxonomy_terms",
        "taxonomy_terms.csv",
        [
            ("id", UUID),
            ("name", TEXT),
            ("description", TEXT),
            ("parent_id", UUID),
            ("taxonomy", TEXT),
            ("taxonomy_id", UUID),
            ("term_uri", URI),
            ("term", TEXT),
            ("code", TEXT),
        ],
    ),
    (
        "attributes",
        "attribute.csv",
        [("id", UUID), ("link_id", UUID), ("taxonomy_term_id", UUID), ("link_type", TEXT), ("link_entity", TEXT)],
    ),
)
FOREIGN_KEYS = {
    "organization_identifiers": [("organization_id", "organizations")],
    "services": [("organization_id", "organizations")],
    "service_areas": [("service_id", "services")],
    "service_at_location": [("service_id", "services"), ("location_id", "locations")],
    "schedule": [("service_id", "services")],
    "cost_options": [("service_id", "services")],
    "languages": [("service_id", "services")],
    "contacts": [("service_id", "services")],
    "phones": [("contact_id", "contacts")],
    "taxonomy_terms": [("taxonomy_id", "taxonomies")],
    "attributes": [("link_id", "services"), ("taxonomy_term_id", "taxonomy_terms")],
}


def _flat(shape):
    """A shape's own columns, without what is nested in it."""
    return {name: value for name, value in shape.items() if not isinstance(value, list | dict)}


def _service_rows(listing, context, rows, seen_organizations):
    full = services.service_full(listing, context)
    rows["services"].append(_flat(full))
    organization = full["organization"]
    if organization["id"] not in seen_organizations:
        seen_organizations.add(organization["id"])
        rows["organizations"].append(_flat(organization))
        rows["organization_identifiers"].extend(organization.get("organization_identifiers", []))
    rows["service_areas"].extend(full.get("service_areas", []))
    for link in full.get("service_at_locations", []):
        rows["service_at_location"].append(_flat(link))
        rows["locations"].append(_flat(link["location"]))
    rows["schedule"].extend(full.get("schedules", []))
    rows["cost_options"].extend(full.get("cost_options", []))
    rows["languages"].extend(full.get("languages", []))
    for contact in full.get("contacts", []):
        rows["contacts"].append(_flat(contact))
        rows["phones"].extend(contact.get("phones", []))
    rows["attributes"].extend(_flat(attribute) for attribute in full.get("attributes", []))


def table_rows(now=None):
    """{table: [row, …]} for the whole published directory, built batch by batch."""
    context = Context(now=now or timezone.now())
    rows = {table: [] for table, _path, _columns in TABLES}
    seen_organizations = set()
    with translation.override(settings.LANGUAGE_CODE):
        keys = list(directory.public_listings(context.now).order_by("title", "pk").values_list("pk", flat=True))
        for start in range(0, len(keys), BATCH):
            chunk = keys[start : start + BATCH]
            listings = directory.with_suppliers(directory.public_listings(context.now).filter(pk__in=chunk))
            loaded = {listing.pk: listing for listing in listings.prefetch_related(*directory.FULL_RELATIONS)}
            context.load_checks(loaded.values())
            for key in chunk:
                _service_rows(loaded[key], context, rows, seen_organizations)
        rows["organizations"].sort(key=lambda row: (row["name"].casefold(), row["id"]))
        rows["taxonomies"] = [_flat(terms.taxonomy(taxonomy)) for taxonomy in TAXONOMIES]
        rows["taxonomy_terms"] = [terms.taxonomy_term(term) for term in context.terms.ordered()]
    return rows


def _cell(value):
    if value is None:
        return ""
    return str(value)


def _csv(columns, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([name for name, _kind in columns])
    for row in rows:
        writer.writerow([_cell(row.get(name)) for name, _kind in columns])
    return buffer.getvalue()


def descriptor(now):
    resources = []
    for table, path, columns in TABLES:
        fields = []
        for name, (kind, form) in columns:
            field = {"name": name, "type": kind}
            if form:
                field["format"] = form
            fields.append(field)
        schema = {"fields": fields, "primaryKey": "id"}
        if table in FOREIGN_KEYS:
            schema["foreignKeys"] = [
                {"fields": column, "reference": {"resource": other, "fields": "id"}}
                for column, other in FOREIGN_KEYS[table]
            ]
        resources.append(
            {
                "name": table,
                "path": path,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": f"oruk-{slugify(settings.COUNCIL_NAME) or 'directory'}",
        "title": f"{settings.SITE_NAME}: Open Referral UK 3.0 data package",
        "description": (
            "Self-directed support services (providers and personal assistants) published by "
            f"{settings.COUNCIL_NAME}, in the Open Referral UK 3.0 (HSDS-UK-3.0) tables."
        ),
        "homepage": absolute_url("/open-data/oruk/"),
        "created": timestamp(now),
        "licenses": [LICENCE],
        "sources": [{"title": settings.COUNCIL_NAME, "path": absolute_url("/")}, {"title": ATTRIBUTION}],
        "attribution": licence.attribution(),
        "resources": resources,
    }


def write_package(target=None, now=None):
    """Export the directory to `target` (OPEN_DATA_DIR by default): the folder `oruk/` and `oruk-data-package.zip`.
    Returns the zip's path."""
    now = now or timezone.now()
    target = Path(target or settings.OPEN_DATA_DIR)
    target.mkdir(parents=True, exist_ok=True)
    rows = table_rows(now)
    build = Path(tempfile.mkdtemp(prefix=".building-", dir=target))
    try:
        folder = build / FOLDER_NAME
        folder.mkdir()
        files = {path: _csv(columns, rows[table]) for table, path, columns in TABLES}
        files["datapackage.json"] = json.dumps(descriptor(now), ensure_ascii=False, indent=2) + "\n"
        with zipfile.ZipFile(build / PACKAGE_NAME, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, text in files.items():
                (folder / name).write_text(text, encoding="utf-8", newline="")
                archive.writestr(name, text.encode())
        os.replace(build / PACKAGE_NAME, target / PACKAGE_NAME)
        if (target / FOLDER_NAME).exists():
            os.replace(target / FOLDER_NAME, build / "previous")
        os.replace(folder, target / FOLDER_NAME)
    finally:
        shutil.rmtree(build, ignore_errors=True)
    return target / PACKAGE_NAME


def latest_package():
    path = Path(settings.OPEN_DATA_DIR) / PACKAGE_NAME
    return path if path.is_file() else None


def http_date_of(path):
    return http_date(path.stat().st_mtime)
