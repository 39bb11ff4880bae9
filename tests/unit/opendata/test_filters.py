"""The standard's parameters narrow and page results as a consumer would expect."""

from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.opendata import ids
from providers.models import Listing

ROOT = "/open-data/oruk"


def get(client, path, **query):
    response = client.get(ROOT + path, query)
    assert response.status_code == 200, response.content[:300]
    return response.json()


def names(body):
    return [item.get("name") or item["service"]["name"] for item in body["contents"]]


def term_id(client, name):
    (term,) = [t for t in get(client, "/taxonomy_terms", search=name, per_page="200")["contents"] if t["name"] == name]
    return term["id"]


def test_pages_cover_every_service_once(client, directory):
    seen = []
    for number in (1, 2, 3):
        body = get(client, "/services", per_page="2", page=str(number))
        assert body["total_items"] == 5 and body["total_pages"] == 3 and body["page_number"] == number
        assert body["first_page"] is (number == 1) and body["last_page"] is (number == 3)
        assert body["size"] == len(body["contents"])
        seen.extend(item["id"] for item in body["contents"])
    assert sorted(seen) == sorted(ids.service(listing.pk) for listing in directory.visible)
    beyond = get(client, "/services", per_page="2", page="4")
    assert beyond["empty"] is True and beyond["contents"] == [] and beyond["last_page"] is True


def test_search_finds_words_in_titles_and_term_names(client, directory):
    assert names(get(client, "/services", search="leith home")) == ["Leith Home Support"]
    assert names(get(client, "/services", search="dementia")) == ["Leith Home Support"]
    assert get(client, "/services", text="Portobello")["total_items"] == 1  # the parameter's older name


def test_taxonomy_and_organization_filters(client, directory):
    assert names(get(client, "/services", taxonomy_term_id=term_id(client, "Dementia"))) == ["Leith Home Support"]
    languages = [t for t in get(client, "/taxonomies")["contents"] if t["name"] == "Languages"][0]
    assert names(get(client, "/services", taxonomy_id=languages["id"])) == ["Leith Home Support"]
    pa_org = ids.organization(directory.pa.supplier_id)
    assert names(get(client, "/services", organization_id=pa_org)) == ["Amira K, personal assistant"]
    unknown = "00000000-0000-0000-0000-000000000000"
    for name in ("taxonomy_term_id", "taxonomy_id", "organization_id"):
        assert get(client, "/services", **{name: unknown})["total_items"] == 0


def test_modified_after(client, directory):
    later = timezone.now() + timedelta(days=10)
    Listing.objects.filter(pk=directory.day_centre.pk).update(updated_at=later)
    since = (later - timedelta(days=1)).isoformat()
    body = get(client, "/services", modified_after=since)
    assert names(body) == ["Portobello Day Centre"]
    assert body["contents"][0]["last_modified"] >= since[:10]
    assert get(client, "/services", modified_after="2000-01-01")["total_items"] == 5


def test_postcode_finds_services_covering_it_nearest_first(client, directory):
    found = names(get(client, "/services", postcode="eh65aa"))
    assert "Glasgow Companions" not in found
    assert {"Leith Home Support", "Stale Support", "Amira K, personal assistant"} <= set(found)
    assert found.index("Leith Home Support") < found.index("Stale Support")


def test_proximity_keeps_services_based_near_the_postcode(client, directory):
    body = get(client, "/service_at_locations", postcode="EH6 5AA", proximity="1500")
    assert names(body) == ["Leith Home Support"]
    everything = get(client, "/service_at_locations")
    # A personal assistant has no location, so no service at a location.
    assert "Amira K, personal assistant" not in names(everything)
    assert everything["total_items"] == 4


def test_minimal_and_full(client, directory):
    minimal = get(client, "/services", minimal="true")
    assert minimal["size"] == 5
    assert all(set(item) == {"id", "last_modified"} for item in minimal["contents"])
    full = get(client, "/services", full="true", search="leith home")["contents"][0]
    assert {"service_areas", "schedules", "cost_options", "languages", "attributes", "contacts"} <= set(full)
    plain = get(client, "/services", search="leith home")["contents"][0]
    assert "service_areas" not in plain and plain["organization"]["name"] == "Leith Home Support Ltd"


def test_a_service_says_what_the_listing_page_says(client, directory):
    service = get(client, f"/services/{ids.service(directory.home_support.pk)}")
    assert {(c["amount"], c["currency"]) for c in service["cost_options"]} == {(21.5, "GBP"), (95.0, "GBP")}
    assert {(s["byday"], s["opens_at"]) for s in service["schedules"]} == {("MO,TU", "07:00"), ("SA", "22:00")}
    assert service["languages"][0]["name"] == "Polish"
    assert service["assured_date"] == timezone.localdate().isoformat()
    assert service["service_areas"][0]["extent_type"] == "geojson"
    assert service["description"].startswith("Support at home.\n\nCare at home & company.")
    stale = get(client, f"/services/{ids.service(directory.stale.pk)}")
    assert "not been confirmed recently" in stale["alert"]
    council = get(client, f"/services/{ids.service(directory.day_centre.pk)}")["service_areas"][0]
    assert council["service_area"] == "Edinburgh"


def test_organizations_and_their_services(client, directory):
    body = get(client, "/organizations", search="leith", full_service="true")
    (organization,) = body["contents"]
    assert organization["name"] == "Leith Home Support Ltd"
    assert [s["name"] for s in organization["services"]] == ["Leith Home Support"]
    assert {i["identifier_scheme"] for i in organization["organization_identifiers"] if "identifier_scheme" in i} == {
        "GB-COH",
        "GB-SC",
    }


@pytest.mark.parametrize("parent", ["00000000-0000-0000-0000-000000000000"])
def test_taxonomy_terms_by_taxonomy(client, directory, parent):
    taxonomies = get(client, "/taxonomies")["contents"]
    needs = [t for t in taxonomies if t["name"] == "Needs"][0]
    terms = get(client, "/taxonomy_terms", taxonomy_id=needs["id"], per_page="200")["contents"]
    assert "Dementia" in [t["name"] for t in terms]
    assert {t["taxonomy_id"] for t in terms} == {needs["id"]}
    assert get(client, f"/taxonomies/{needs['id']}")["taxonomy_terms"] == terms
    assert get(client, "/taxonomy_terms", parent_id=parent)["total_items"] == 0
