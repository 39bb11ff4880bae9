"""Only what the public already sees is published: never a listing the public cannot see, never a personal
assistant's home, exact position, postcode, phone, email or bio, never a supplier's private contact details."""

import json
import zipfile

import pytest

from marketplace.geography.places import Point, approximate
from marketplace.opendata import export, ids

ROOT = "/open-data/oruk"
PA_SECRETS = ("EH6 6QQ", "EH66QQ", "07700 900123", "amira.private@example.org", "Grew up on Ferry Road")
SUPPLIER_SECRETS = ("private-office@leith-home.example.org", "0131 496 9999")


@pytest.fixture
def pa_with_bio(directory):
    directory.pa.bio = "Grew up on Ferry Road, EH6 6QQ."
    directory.pa.save()
    return directory


def everything_published(client, directory):
    """The text of every response a consumer can ask for about the fixture's directory."""
    paths = [
        "/services?full=true&per_page=200",
        "/services?per_page=200",
        "/organizations?full_service=true&per_page=200",
        "/service_at_locations?full=true&per_page=200",
        "/services?format=ndjson&full=true",
    ]
    for listing in directory.visible:
        paths.append(f"/services/{ids.service(listing.pk)}")
        paths.append(f"/organizations/{ids.organization(listing.supplier_id)}?full_service=true")
    texts = []
    for path in paths:
        response = client.get(ROOT + path)
        assert response.status_code == 200, path
        texts.append(b"".join(response.streaming_content) if response.streaming else response.content)
    return b"\n".join(texts).decode()


def test_hidden_listings_are_never_published(client, directory):
    published = everything_published(client, directory)
    for listing in directory.hidden:
        assert listing.title not in published
        assert ids.service(listing.pk) not in published
        for path in (f"/services/{ids.service(listing.pk)}", f"/organizations/{ids.organization(listing.supplier_id)}"):
            response = client.get(ROOT + path)
            assert response.status_code == 404
            assert response.json()["status"] == 404
    assert client.get(ROOT + "/services").json()["total_items"] == len(directory.visible)


def test_a_personal_assistant_is_published_without_anything_personal(client, pa_with_bio):
    published = everything_published(client, pa_with_bio)
    assert "Amira K, personal assistant" in published
    for secret in PA_SECRETS:
        assert secret not in published
    exact = pa_with_bio.pa_listing
    for value in (exact.latitude, exact.longitude):
        assert f"{value:.4f}" not in published
    service = client.get(f"{ROOT}/services/{ids.service(exact.pk)}").json()
    assert "service_at_locations" not in service and "contacts" not in service and "email" not in service
    assert service["organization"]["description"].startswith("A personal assistant")


def test_a_personal_assistants_area_is_drawn_around_their_grid_cell(client, directory):
    service = client.get(f"{ROOT}/services/{ids.service(directory.pa_listing.pk)}").json()
    (area,) = service["service_areas"]
    assert area["service_area"] == "Within 8 km of EH6, Leith"
    ring = json.loads(area["extent"])["coordinates"][0]
    longitudes = [point[0] for point in ring]
    latitudes = [point[1] for point in ring]
    centre = Point((max(latitudes) + min(latitudes)) / 2, (max(longitudes) + min(longitudes)) / 2)
    cell = approximate(Point(directory.pa_listing.latitude, directory.pa_listing.longitude))
    assert centre.latitude == pytest.approx(cell.latitude, abs=1e-4)
    assert centre.longitude == pytest.approx(cell.longitude, abs=1e-4)


def test_organisations_publish_their_listings_public_contact_only(client, directory):
    published = everything_published(client, directory)
    for secret in SUPPLIER_SECRETS:
        assert secret not in published
    service = client.get(f"{ROOT}/services/{ids.service(directory.home_support.pk)}").json()
    assert service["email"] == "hello@leith-home.example.org"
    (contact,) = service["contacts"]
    assert contact["phones"][0]["number"] == "0131 496 0000"
    location = service["service_at_locations"][0]["location"]
    assert set(location) == {"id", "location_type", "name", "description", "latitude", "longitude"}


def test_the_data_package_keeps_the_same_secrets(directory, pa_with_bio, tmp_path):
    path = export.write_package(tmp_path)
    with zipfile.ZipFile(path) as archive:
        text = "\n".join(archive.read(name).decode() for name in archive.namelist())
        descriptor = json.loads(archive.read("datapackage.json"))
    for secret in (*PA_SECRETS, *SUPPLIER_SECRETS):
        assert secret not in text
    for listing in directory.hidden:
        assert listing.title not in text
    assert "Amira K, personal assistant" in text
    assert descriptor["licenses"][0]["name"] == "OGL-UK-3.0"
