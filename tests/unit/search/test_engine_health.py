"""The listing search engine in /health/: down or without an index, the server is degraded (find support answers
from the database) but still healthy for a load balancer."""

import json
import socket

import pytest

from search import index


def health(client):
    response = client.get("/health/")
    return response.status_code, json.loads(response.content)


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.django_db
def test_an_engine_with_its_index_is_ok(client, search_engine, settings):
    index.rebuild()  # no listings: an empty index behind the alias
    status, body = health(client)
    assert status == 200
    assert body["status"] == "ok"
    assert body["checks"]["search"]["status"] == "ok"
    assert body["checks"]["search"]["engine"] == settings.LISTING_SEARCH_ENGINE


@pytest.mark.django_db
def test_an_engine_without_the_listing_index_degrades_the_server(client, search_engine):
    status, body = health(client)
    assert status == 200
    assert body["status"] == "degraded"
    assert body["checks"]["search"]["status"] == "degraded"
    assert body["checks"]["search"]["error"] == "no listing index"


@pytest.mark.django_db
def test_an_engine_that_cannot_be_reached_degrades_the_server_but_it_stays_in_service(client, settings):
    settings.LISTING_SEARCH_BACKEND = "elasticsearch"
    settings.LISTING_SEARCH_URL = f"http://elastic:secret-password@127.0.0.1:{closed_port()}"
    settings.HEALTH_SEARCH_TIMEOUT_SECONDS = 1
    status, body = health(client)
    assert status == 200
    assert body["status"] == "degraded"
    assert body["checks"]["search"]["status"] == "error"
    assert body["checks"]["search"]["error"] == "EngineError"
    assert body["checks"]["database"]["status"] == "ok"
    assert "secret-password" not in json.dumps(body)


@pytest.mark.django_db
def test_an_index_built_by_an_earlier_version_degrades_the_server_until_it_is_rebuilt(client, search_engine):
    es = index.client()
    older = {name: mapping for name, mapping in index.PROPERTIES.items() if name != "card"}
    es.create_index(
        f"{index.alias_name()}-old",
        settings=index.index_definition("old").to_dict()["settings"],
        mappings={"properties": older},
    )
    es.update_aliases([{"add": {"index": f"{index.alias_name()}-old", "alias": index.alias_name()}}])
    status, body = health(client)
    assert status == 200
    assert body["status"] == "degraded"
    assert body["checks"]["search"]["status"] == "degraded"
    assert body["checks"]["search"]["error"] == "listing index out of date: rebuild it"
    index.rebuild()
    assert health(client)[1]["checks"]["search"]["status"] == "ok"
