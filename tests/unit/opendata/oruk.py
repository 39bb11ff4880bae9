"""Checking API responses: against the schemas written from the Open Referral UK 3.0 field definitions (schemas/),
against the API's own OpenAPI document, and against the standard's rule that optional fields without a value are
left out rather than sent empty."""

import json
from datetime import date, datetime
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMAS = Path(__file__).parent / "schemas"
BASE = "https://schemas.test/oruk/3.0/"
OPENAPI = "urn:sds:oruk-openapi"


def _formats():
    """jsonschema's checker, with the formats it only checks when optional packages are installed."""
    checker = FormatChecker()

    @checker.checks("uri", raises=ValueError)
    def is_uri(value):
        parts = urlsplit(value)
        return parts.scheme in ("http", "https") and bool(parts.netloc)

    @checker.checks("date-time", raises=ValueError)
    def is_date_time(value):
        moment = datetime.fromisoformat(value)
        return "T" in value and moment.tzinfo is not None

    @checker.checks("date", raises=ValueError)
    def is_date(value):
        return date.fromisoformat(value).isoformat() == value

    return checker


FORMATS = _formats()


@cache
def _standard_registry():
    resources = [
        (BASE + path.name, Resource.from_contents(json.loads(path.read_text()), default_specification=DRAFT202012))
        for path in SCHEMAS.glob("*.json")
    ]
    return Registry().with_resources(resources)


def check_standard(body, schema_name):
    """Errors of `body` against one of the standard's schemas (schemas/<name>.json); [] when it conforms."""
    validator = Draft202012Validator(
        {"$ref": BASE + schema_name + ".json"}, registry=_standard_registry(), format_checker=FORMATS
    )
    return sorted(f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(body))


def check_openapi(body, document, schema_name):
    """Errors of `body` against a schema in the API's own OpenAPI document."""
    registry = Registry().with_resource(OPENAPI, Resource.from_contents(document, default_specification=DRAFT202012))
    validator = Draft202012Validator(
        {"$ref": f"{OPENAPI}#/components/schemas/{schema_name}"}, registry=registry, format_checker=FORMATS
    )
    return sorted(f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(body))


def empty_values(body, path="$"):
    """Where `body` holds null, "", [] or {} (a page's `contents` may be empty: it is required)."""
    found = []
    if isinstance(body, dict):
        for key, value in body.items():
            where = f"{path}.{key}"
            if value is None or value == "" or value == {} or (value == [] and key != "contents"):
                found.append(where)
            found.extend(empty_values(value, where))
    elif isinstance(body, list):
        for index, value in enumerate(body):
            found.extend(empty_values(value, f"{path}[{index}]"))
    return found
