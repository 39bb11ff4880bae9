"""A bad filter gives the form with a clear, translated error (400), never a server error or any figures."""

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("area=atlantis&start=2026-01&end=2026-06", "Choose a council area from the list"),
        ("start=2026-01&end=2026-06", "Choose a council area"),
        ("area=edinburgh&start=2026-13&end=2026-06", "Choose the first month from the list"),
        ("area=edinburgh&start=1999-01&end=2026-06", "Choose the first month from the list"),
        ("area=edinburgh&start=2026-01&end=banana", "Choose the last month from the list"),
        ("area=edinburgh&start=2026-06&end=2026-01", "The last month must be the same as the first month or after it"),
        ("area=%F0%9F%92%A9&start=2026-01", "Choose a council area from the list"),
        ("area=%00&start=2026-01", None),  # refused before the view, by the site's unreadable-request page
    ],
)
@pytest.mark.parametrize("view", ["insight:index", "insight:summary", "page", "download"])
def test_bad_filters_are_explained(commissioner_client, edinburgh, query, message, view):
    if view == "page":
        address = reverse("insight:page", args=["demand"])
    elif view == "download":
        address = reverse("insight:download", args=["demand", "demand-months", "csv"])
    else:
        address = reverse(view)
    response = commissioner_client.get(address + "?" + query)
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is a problem" in body
    assert message is None or message in body
    assert "govuk-table" not in body


def test_errors_are_translated(commissioner_client, edinburgh):
    with translation.override("cy"):
        address = reverse("insight:page", args=["demand"])
    response = commissioner_client.get(address + "?area=atlantis")
    assert response.status_code == 400
    assert response.content.decode().count("govuk-error-summary") >= 1


def test_an_unknown_page_is_not_found(commissioner_client, edinburgh):
    assert commissioner_client.get("/insight/nope/?area=edinburgh").status_code == 404


def test_no_filter_yet_shows_the_form(commissioner_client, edinburgh):
    response = commissioner_client.get(reverse("insight:page", args=["supply"]))
    assert response.status_code == 200
    assert "Choose a council area and a period to see the figures." in response.content.decode()
