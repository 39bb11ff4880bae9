"""What every response shares: JSON (or NDJSON) with the right content type, open to any web page (CORS), cacheable
when it succeeds and never when it fails, a licence, a limit per client, and a JSON 400 for any bad parameter."""

import pytest

from marketplace.opendata import ids

ROOT = "/open-data/oruk"
OGL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


def test_the_root_names_the_licence_and_the_attribution(client, db):
    response = client.get(ROOT + "/")
    body = response.json()
    assert body["license"]["identifier"] == "OGL-UK-3.0"
    assert body["license"]["url"] == OGL
    assert "Demo Council" in body["license"]["attribution"]
    assert "Contains OS data" in body["license"]["attribution"]
    assert body["data_package_url"] == "http://testserver/open-data/oruk/data-package.zip"
    assert response["Link"] == f'<{OGL}>; rel="license"'


@pytest.mark.parametrize(
    "path", ["/", "/services", "/organizations", "/taxonomies", "/taxonomy_terms", "/openapi.json"]
)
def test_successful_answers_are_open_to_every_origin_and_cacheable(client, directory, path):
    response = client.get(ROOT + path, HTTP_ORIGIN="https://someone-else.example")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    assert "Cookie" not in response.get("Vary", "")
    assert "Set-Cookie" not in response
    again = client.get(ROOT + path, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert again["Access-Control-Allow-Origin"] == "*"


def test_a_preflight_allows_get_from_anywhere(client, db):
    response = client.options(
        ROOT + "/services", HTTP_ORIGIN="https://app.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]


def test_head_answers_like_get_without_a_body(client, directory):
    response = client.head(ROOT + "/services")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.content == b""


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_only_reading_is_allowed(client, db, method):
    response = getattr(client, method)(ROOT + "/services")
    assert response.status_code == 405
    assert response.json() == {"status": 405, "error": "This API only answers GET requests."}
    assert "GET" in response["Allow"]
    assert "no-store" in response["Cache-Control"]


BAD = [
    ("/services", {"page": "-1"}, "page"),
    ("/services", {"page": "0"}, "page"),
    ("/services", {"page": "9" * 40}, "page"),
    ("/services", {"per_page": "0"}, "per_page"),
    ("/services", {"per_page": "1.5"}, "per_page"),
    ("/services", {"search": "x" * 201}, "search"),
    ("/services", {"taxonomy_term_id": "not-a-uuid"}, "taxonomy_term_id"),
    ("/services", {"modified_after": "yesterday"}, "modified_after"),
    ("/services", {"modified_after": "99999-01-01"}, "modified_after"),
    ("/services", {"full": "perhaps"}, "full"),
    ("/services", {"format": "xml"}, "format"),
    ("/service_at_locations", {"postcode": "NOT A POSTCODE"}, "postcode"),
    ("/service_at_locations", {"proximity": "500"}, "proximity"),
    ("/service_at_locations", {"postcode": "EH6 5AA", "proximity": "1e308"}, "proximity"),
    ("/service_at_locations", {"postcode": "EH6 5AA", "proximity": "nan"}, "proximity"),
    ("/organizations", {"page": "1" * 30}, "page"),
    ("/taxonomy_terms", {"parent_id": "x"}, "parent_id"),
    ("/taxonomies", {"per_page": "-5"}, "per_page"),
]


@pytest.mark.parametrize(("path", "query", "name"), BAD)
def test_bad_parameters_are_a_json_400_that_names_them(client, directory, path, query, name):
    response = client.get(ROOT + path, query)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "no-store" in response["Cache-Control"]
    body = response.json()
    assert body["status"] == 400
    assert name in body["error"] or name == "postcode"


@pytest.mark.parametrize(
    "url",
    ["/services?page=%00", "/services?search=care%00home", "/services?%00=1", "/services/%00", "/organizations/a%00b"],
)
def test_a_nul_character_is_a_json_400(client, db, url):
    response = client.get(ROOT + url)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "“null” character" in response.json()["error"]


def test_a_huge_per_page_is_capped_not_refused(client, directory):
    body = client.get(ROOT + "/services", {"per_page": "9" * 40}).json()
    assert body["size"] == len(directory.visible)


@pytest.mark.parametrize(
    "path",
    ["/services/not-an-id", f"/services/{'f' * 5000}", "/organizations/123", "/taxonomies/x", "/nope"],
)
def test_unknown_things_are_a_json_404(client, db, path):
    response = client.get(ROOT + path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["status"] == 404


def test_errors_follow_the_visitors_language_but_data_does_not(client, directory):
    listing = directory.home_support
    welsh = client.get(ROOT + f"/services/{ids.service(listing.pk)}", HTTP_ACCEPT_LANGUAGE="cy")
    english = client.get(ROOT + f"/services/{ids.service(listing.pk)}")
    assert welsh.content == english.content


def test_each_client_has_a_limit_per_minute(client, db, settings):
    settings.OPEN_DATA_REQUESTS_PER_MINUTE = 3
    answers = [client.get(ROOT + "/", REMOTE_ADDR="192.0.2.7") for _ in range(4)]
    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    assert int(answers[-1]["Retry-After"]) >= 1
    assert answers[-1]["Access-Control-Allow-Origin"] == "*"
    assert client.get(ROOT + "/", REMOTE_ADDR="192.0.2.8").status_code == 200


def test_ndjson_streams_every_service_one_a_line(client, directory):
    response = client.get(ROOT + "/services", {"format": "ndjson"})
    assert response["Content-Type"] == "application/x-ndjson"
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert len(lines) == len(directory.visible)


def test_the_data_package_is_a_404_until_exported_then_a_zip(client, directory):
    from marketplace.opendata import export

    missing = client.get(ROOT + "/data-package.zip")
    assert missing.status_code == 404 and missing.json()["status"] == 404
    export.write_package()
    response = client.get(ROOT + "/data-package.zip")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert b"".join(response.streaming_content)[:2] == b"PK"
