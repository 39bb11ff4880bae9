"""Every endpoint's real responses conform to the Open Referral UK 3.0 field definitions (schemas/), to the API's own
OpenAPI document, and leave out optional fields without a value rather than sending them empty."""

import pytest

from marketplace.opendata import ids

from .oruk import check_openapi, check_standard, empty_values

ROOT = "/open-data/oruk"


def get_json(client, path, **query):
    response = client.get(ROOT + path, query)
    assert response.status_code == 200, (path, response.content[:500])
    assert response["Content-Type"] == "application/json"
    return response.json()


@pytest.fixture
def document(client, db):
    return get_json(client, "/openapi.json")


def conforms(body, standard_schema, openapi_schema, document):
    assert check_standard(body, standard_schema) == []
    assert check_openapi(body, document, openapi_schema) == []
    assert empty_values(body) == []


def test_the_root_describes_the_api(client, document):
    body = get_json(client, "/")
    conforms(body, "api_details", "ApiDetails", document)
    assert body["version"] == "HSDS-UK-3.0"
    assert body["openapi_url"] == "http://testserver/open-data/oruk/openapi.json"


@pytest.mark.parametrize("query", [{}, {"full": "true"}, {"minimal": "true"}, {"postcode": "EH6 5AA"}])
def test_service_pages(client, directory, document, query):
    body = get_json(client, "/services", **query)
    conforms(body, "service_list", "ServiceList", document)
    assert body["total_items"] == len(directory.visible) if "postcode" not in query else body["total_items"] > 0


def test_every_service_fully_nested(client, directory, document):
    for listing in directory.visible:
        body = get_json(client, f"/services/{ids.service(listing.pk)}")
        conforms(body, "service_full", "ServiceFull", document)


@pytest.mark.parametrize("query", [{}, {"full": "true"}, {"full_service": "true"}])
def test_organization_pages(client, directory, document, query):
    body = get_json(client, "/organizations", **query)
    conforms(body, "organization_list", "OrganizationList", document)
    assert body["total_items"] == len(directory.visible)


def test_every_organization(client, directory, document):
    for listing in directory.visible:
        for query in ({}, {"full_service": "true"}):
            body = get_json(client, f"/organizations/{ids.organization(listing.supplier_id)}", **query)
            conforms(body, "organization", "OrganizationFull", document)


def test_taxonomies_and_terms(client, directory, document):
    taxonomies = get_json(client, "/taxonomies")
    conforms(taxonomies, "taxonomy_list", "TaxonomyList", document)
    assert taxonomies["total_items"] == 4
    for taxonomy in taxonomies["contents"]:
        conforms(get_json(client, f"/taxonomies/{taxonomy['id']}"), "taxonomy", "Taxonomy", document)
    terms = get_json(client, "/taxonomy_terms", per_page="200")
    conforms(terms, "taxonomy_term_list", "TaxonomyTermList", document)
    for term in terms["contents"][:10]:
        conforms(get_json(client, f"/taxonomy_terms/{term['id']}"), "taxonomy_term", "TaxonomyTerm", document)


@pytest.mark.parametrize("query", [{}, {"full": "true"}, {"postcode": "EH6 5AA", "proximity": "5000"}])
def test_services_at_locations(client, directory, document, query):
    body = get_json(client, "/service_at_locations", **query)
    conforms(body, "service_at_location_list", "ServiceAtLocationList", document)
    assert body["total_items"] > 0
    for link in body["contents"]:
        detail = get_json(client, f"/service_at_locations/{link['id']}")
        conforms(detail, "service_at_location", "ServiceAtLocation", document)


def test_empty_pages_conform_too(client, directory, document):
    body = get_json(client, "/services", search="nothing-matches-this")
    conforms(body, "service_list", "ServiceList", document)
    assert body["empty"] is True and body["contents"] == []
