"""This API's OpenAPI 3.1 document, written as data and served at /open-data/oruk/openapi.json.

Schemas follow the Open Referral UK 3.0 field definitions, plus the HSDS 3.0 fields we add (a language's name and
code, a cost option's currency, a term's code, an attribute's link_entity, a contact's phones). Unlike the
standard's own schemas, every object here lists all its fields (`additionalProperties: false`): the tests validate
real responses against this document, so it cannot drift from what the API sends.
"""

from django.conf import settings
from django.utils.translation import gettext as _

from marketplace.core.urls_absolute import absolute_url

from . import licence, params

UUID = {"type": "string", "format": "uuid"}
TEXT = {"type": "string"}
URI = {"type": "string", "format": "uri"}
EMAIL = {"type": "string", "format": "email"}
DATE = {"type": "string", "format": "date"}
CLOCK = {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"}


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def array_of(schema):
    return {"type": "array", "items": schema}


def obj(properties, required=("id",)):
    return {"type": "object", "properties": properties, "required": list(required), "additionalProperties": False}


ORGANIZATION = {
    "id": UUID,
    "name": TEXT,
    "description": TEXT,
    "email": EMAIL,
    "website": URI,
    "logo": TEXT,
    "uri": URI,
    "parent_organization_id": UUID,
}
SERVICE = {
    "id": UUID,
    "organization_id": UUID,
    "name": TEXT,
    "description": TEXT,
    "url": URI,
    "email": EMAIL,
    "status": {"type": "string", "enum": ["active", "inactive", "defunct", "temporarily closed"]},
    "fees": TEXT,
    "accreditations": TEXT,
    "minimum_age": {"type": "number"},
    "maximum_age": {"type": "number"},
    "assured_date": DATE,
    "assurer_email": EMAIL,
    "alert": TEXT,
    "last_modified": {"type": "string", "format": "date-time"},
}
TAXONOMY_TERM = {
    "id": UUID,
    "name": TEXT,
    "description": TEXT,
    "parent_id": UUID,
    "taxonomy": TEXT,
    "taxonomy_id": UUID,
    "term_uri": URI,
    "term": TEXT,
    "code": TEXT,
}


def schemas():
    entity = {
        "ApiDetails": obj(
            {
                "version": TEXT,
                "profile": URI,
                "openapi_url": URI,
                "license": obj(
                    {"name": TEXT, "identifier": TEXT, "url": URI, "attribution": TEXT},
                    ("name", "identifier", "url", "attribution"),
                ),
                "data_package_url": URI,
            },
            ("version", "profile", "openapi_url"),
        ),
        "Organization": obj(ORGANIZATION, ("id", "name", "description")),
        "OrganizationIdentifier": obj(
            {
                "id": UUID,
                "organization_id": UUID,
                "identifier_scheme": TEXT,
                "identifier_type": TEXT,
                "identifier": TEXT,
            },
            ("id", "identifier_type", "identifier"),
        ),
        "OrganizationFull": obj(
            {
                **ORGANIZATION,
                "organization_identifiers": array_of(ref("OrganizationIdentifier")),
                "services": array_of({"anyOf": [ref("Service"), ref("ServiceFull")]}),
            },
            ("id", "name", "description"),
        ),
        "Service": obj({**SERVICE, "organization": ref("Organization")}, ("id", "name", "status")),
        "ServiceMinimal": obj({"id": UUID, "last_modified": SERVICE["last_modified"]}),
        "ServiceFull": obj(
            {
                **SERVICE,
                "organization": ref("OrganizationFull"),
                "service_areas": array_of(ref("ServiceArea")),
                "service_at_locations": array_of(ref("ServiceAtLocation")),
                "schedules": array_of(ref("Schedule")),
                "languages": array_of(ref("Language")),
                "cost_options": array_of(ref("CostOption")),
                "contacts": array_of(ref("Contact")),
                "attributes": array_of(ref("Attribute")),
            },
            ("id", "name", "status"),
        ),
        "ServiceArea": obj(
            {
                "id": UUID,
                "service_id": UUID,
                "name": TEXT,
                "extent": TEXT,
                "extent_type": {"type": "string", "enum": ["geojson", "topojson", "kml", "text"]},
                "uri": TEXT,
                "service_area": TEXT,
            }
        ),
        "Location": obj(
            {
                "id": UUID,
                "location_type": {"type": "string", "enum": ["physical", "postal", "virtual"]},
                "name": TEXT,
                "description": TEXT,
                "latitude": {"type": "number", "minimum": -90, "maximum": 90},
                "longitude": {"type": "number", "minimum": -180, "maximum": 180},
                "external_identifier": TEXT,
                "external_identifier_type": TEXT,
            },
            ("id", "location_type"),
        ),
        "ServiceAtLocation": obj(
            {
                "id": UUID,
                "service_id": UUID,
                "location_id": UUID,
                "location": ref("Location"),
                "service": {"anyOf": [ref("Service"), ref("ServiceFull")]},
            }
        ),
        "Schedule": obj(
            {
                "id": UUID,
                "service_id": UUID,
                "service_at_location_id": UUID,
                "valid_from": DATE,
                "valid_to": DATE,
                "dtstart": DATE,
                "freq": {"type": "string", "enum": ["WEEKLY", "MONTHLY"]},
                "interval": {"type": "number", "minimum": 1},
                "byday": {"type": "string", "pattern": "^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$"},
                "bymonthday": TEXT,
                "description": TEXT,
                "opens_at": CLOCK,
                "closes_at": CLOCK,
                "schedule_link": URI,
                "attending_type": TEXT,
                "notes": TEXT,
            }
        ),
        "CostOption": obj(
            {
                "id": UUID,
                "service_id": UUID,
                "valid_from": DATE,
                "valid_to": DATE,
                "option": TEXT,
                "amount": {"type": "number", "exclusiveMinimum": 0},
                "amount_description": TEXT,
                "currency": {"type": "string", "pattern": "^[A-Z]{3}$"},
            }
        ),
        "Language": obj({"id": UUID, "service_id": UUID, "phone_id": UUID, "name": TEXT, "code": TEXT}),
        "Contact": obj({"id": UUID, "service_id": UUID, "name": TEXT, "title": TEXT, "phones": array_of(ref("Phone"))}),
        "Phone": obj({"id": UUID, "contact_id": UUID, "number": TEXT, "description": TEXT}, ("id", "number")),
        "Attribute": obj(
            {
                "id": UUID,
                "link_id": UUID,
                "link_type": TEXT,
                "link_entity": TEXT,
                "taxonomy_term_id": UUID,
                "taxonomy_term": ref("TaxonomyTerm"),
            }
        ),
        "TaxonomyTerm": obj(TAXONOMY_TERM, ("id", "name", "description")),
        "Taxonomy": obj(
            {
                "id": UUID,
                "name": TEXT,
                "description": TEXT,
                "uri": URI,
                "version": TEXT,
                "taxonomy_terms": array_of(ref("TaxonomyTerm")),
            },
            ("id", "name", "description"),
        ),
        "Error": obj({"status": {"type": "integer"}, "error": TEXT}, ("status", "error")),
    }
    lists = {
        "ServiceList": {"anyOf": [ref("Service"), ref("ServiceFull"), ref("ServiceMinimal")]},
        "OrganizationList": {"anyOf": [ref("Organization"), ref("OrganizationFull")]},
        "TaxonomyList": ref("Taxonomy"),
        "TaxonomyTermList": ref("TaxonomyTerm"),
        "ServiceAtLocationList": ref("ServiceAtLocation"),
    }
    for name, item in lists.items():
        entity[name] = page(item)
    return entity


def page(item):
    count = {"type": "integer", "minimum": 0}
    return obj(
        {
            "total_items": count,
            "total_pages": count,
            "page_number": {"type": "integer", "minimum": 1},
            "size": count,
            "first_page": {"type": "boolean"},
            "last_page": {"type": "boolean"},
            "empty": {"type": "boolean"},
            "contents": array_of(item),
        },
        ("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"),
    )


def query(name, schema, description):
    return {"name": name, "in": "query", "required": False, "schema": schema, "description": description}


def parameters():
    flag = {"type": "boolean"}
    return {
        "search": query("search", {"type": "string", "maxLength": params.MAX_TEXT}, _("Words that must all appear.")),
        "page": query("page", {"type": "integer", "minimum": 1, "maximum": params.MAX_PAGE}, _("Page number, from 1.")),
        "per_page": query(
            "per_page",
            {"type": "integer", "minimum": 1},
            _("Results per page (at most %(max)s; more is given %(max)s).") % {"max": params.MAX_PER_PAGE},
        ),
        "format": query(
            "format",
            {"type": "string", "enum": list(params.FORMATS)},
            _("json (pages, the default) or ndjson (every result, one JSON object a line, no pages)."),
        ),
        "taxonomy_term_id": query("taxonomy_term_id", UUID, _("Only results tagged with this taxonomy term.")),
        "taxonomy_id": query("taxonomy_id", UUID, _("Only results with a term from this taxonomy.")),
        "organization_id": query("organization_id", UUID, _("Only services of this organization.")),
        "modified_after": query(
            "modified_after", {"type": "string", "format": "date-time"}, _("Only results changed on or after this.")
        ),
        "minimal": query("minimal", flag, _("Only each service's id and last_modified, every service on one page.")),
        "full": query("full", flag, _("Fully nested results.")),
        "full_service": query("full_service", flag, _("An organization's services fully nested.")),
        "postcode": query(
            "postcode",
            {"type": "string", "maxLength": params.MAX_TEXT},
            _("A full GB postcode: only services whose service area covers it, nearest base first."),
        ),
        "proximity": query(
            "proximity",
            {"type": "number", "exclusiveMinimum": 0, "maximum": params.MAX_PROXIMITY_METRES},
            _("With postcode: only services based within this many metres of it."),
        ),
        "top_only": query("top_only", flag, _("Only top-level terms (every term is one here).")),
        "parent_id": query("parent_id", UUID, _("Only terms with this parent (none has one here).")),
    }


def _json(schema_name):
    return {"application/json": {"schema": ref(schema_name)}}


def responses(kind):
    """The responses of an operation: its 200, and the errors every operation can give."""
    open_to_all = {
        "Access-Control-Allow-Origin": {"schema": {"type": "string", "enum": ["*"]}, "required": True},
        "ETag": {"schema": TEXT},
        "Link": {"schema": TEXT, "description": _('The licence, as rel="license".')},
    }
    found = {
        "200": {"description": _("Found."), "headers": open_to_all, "content": _json(kind)},
        "304": {"description": _("Not modified since the ETag given in If-None-Match.")},
        "429": {
            "description": _("Too many requests from this client: wait for the number of seconds in Retry-After."),
            "headers": {"Retry-After": {"schema": {"type": "string", "pattern": "^[0-9]+$"}, "required": True}},
            "content": _json("Error"),
        },
    }
    return found


def operation(summary, kind, names, tag, *, detail=False, lists=False):
    answer = responses(kind)
    if lists:
        answer["200"]["content"]["application/x-ndjson"] = {"schema": TEXT}
        answer["400"] = {"description": _("A parameter is malformed: the error says which."), "content": _json("Error")}
    if detail:
        answer["404"] = {"description": _("Nothing published has this identifier."), "content": _json("Error")}
    if names and not lists:
        answer["400"] = {"description": _("A parameter is malformed: the error says which."), "content": _json("Error")}
    return {
        "get": {
            "summary": summary,
            "operationId": kind[0].lower() + kind[1:] + ("ById" if detail else ""),
            "tags": [tag],
            "parameters": [{"$ref": f"#/components/parameters/{name}"} for name in names],
            "responses": answer,
        }
    }


def _with_id(item, description):
    path_id = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}, "description": description}
    item["get"]["parameters"] = [path_id, *item["get"]["parameters"]]
    return item


def paths():
    listing_filters = ["search", "taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after"]
    pages = ["page", "per_page", "format"]
    return {
        "/": operation(_("About this API"), "ApiDetails", [], "required"),
        "/services": operation(
            _("Services, a page at a time"),
            "ServiceList",
            [*listing_filters, "minimal", "full", "postcode", "proximity", *pages],
            "required",
            lists=True,
        ),
        "/services/{id}": _with_id(
            operation(_("A fully nested service"), "ServiceFull", [], "required", detail=True), _("A service's id.")
        ),
        "/organizations": operation(
            _("Organizations, a page at a time"),
            "OrganizationList",
            ["search", "full", "full_service", *pages],
            "Optional",
            lists=True,
        ),
        "/organizations/{id}": _with_id(
            operation(
                _("An organization with its services"), "OrganizationFull", ["full_service"], "Optional", detail=True
            ),
            _("An organization's id."),
        ),
        "/taxonomies": operation(
            _("Taxonomies, a page at a time"), "TaxonomyList", ["search", *pages], "Optional", lists=True
        ),
        "/taxonomies/{id}": _with_id(
            operation(_("A taxonomy with its terms"), "Taxonomy", [], "Optional", detail=True), _("A taxonomy's id.")
        ),
        "/taxonomy_terms": operation(
            _("Taxonomy terms, a page at a time"),
            "TaxonomyTermList",
            ["search", "taxonomy_id", "top_only", "parent_id", *pages],
            "Optional",
            lists=True,
        ),
        "/taxonomy_terms/{id}": _with_id(
            operation(_("A taxonomy term"), "TaxonomyTerm", [], "Optional", detail=True), _("A taxonomy term's id.")
        ),
        "/service_at_locations": operation(
            _("Services at their locations, a page at a time"),
            "ServiceAtLocationList",
            [*listing_filters, "full", "postcode", "proximity", *pages],
            "Optional",
            lists=True,
        ),
        "/service_at_locations/{id}": _with_id(
            operation(_("A service at its location, fully nested"), "ServiceAtLocation", [], "Optional", detail=True),
            _("A service at location's id."),
        ),
    }


def document():
    return {
        "openapi": "3.1.0",
        "info": {
            "title": _("%(site)s: Open Referral UK API") % {"site": settings.SITE_NAME},
            "version": "HSDS-UK-3.0",
            "description": _(
                "The published directory of %(council)s in Open Referral UK 3.0: services (listings), the "
                "organizations and personal assistants who offer them, where and when, at what price. No key is "
                "needed. Personal assistants are published without any location or contact details."
            )
            % {"council": settings.COUNCIL_NAME},
            "license": {"name": licence.NAME, "identifier": licence.IDENTIFIER},
        },
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "servers": [{"url": absolute_url("/open-data/oruk")}],
        "tags": [
            {"name": "required", "description": _("Endpoints every Open Referral UK API has.")},
            {"name": "Optional", "description": _("Endpoints the standard calls optional.")},
        ],
        "paths": paths(),
        "components": {"schemas": schemas(), "parameters": parameters()},
    }
