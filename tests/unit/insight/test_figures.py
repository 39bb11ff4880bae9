"""The pages' figures equal counts worked out here independently, from the log and the directory."""

from collections import Counter
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from marketplace.insight import demand
from search.models import DirectPaymentRate, SearchLog
from tests.search_data import published_listing

from .conftest import QUERY, log

pytestmark = pytest.mark.django_db
APRIL = datetime(2026, 4, 2, 9, 0, tzinfo=ZoneInfo("Europe/London"))


def figures(client, slug, table_slug, query=QUERY):
    response = client.get(reverse("insight:page", args=[slug]) + "?" + query)
    assert response.status_code == 200
    table = next(item["table"] for item in response.context["charted"] if item["table"].slug == table_slug)
    return {row[0]: [cell.display for cell in row[1:]] for row in table.rows}


def test_demand_by_month_need_and_language_equals_an_independent_count(commissioner_client, edinburgh):
    log(7, need="dementia", language="polish", results=0)
    log(5, need=["dementia", "autism"], results=2)
    log(9, need="autism", results=12, hour=APRIL, outward="EH7")
    log(6, need="autism", council="Fife")  # another council
    log(8, need="dementia", hour=datetime(2025, 12, 31, 10, tzinfo=ZoneInfo("UTC")))  # before the period
    demand.refresh(full=True)

    in_scope = [
        row
        for row in SearchLog.objects.all()
        if row.council_area == "Edinburgh" and datetime(2026, 1, 1, tzinfo=ZoneInfo("UTC")) <= row.hour
    ]
    by_month = Counter(timezone.localtime(row.hour).strftime("%B %Y") for row in in_scope)
    by_need = Counter(need for row in in_scope for need in row.filters.get("need", []))
    none = Counter(timezone.localtime(row.hour).strftime("%B %Y") for row in in_scope if row.result_count == 0)

    months = figures(commissioner_client, "demand", "demand-months")
    assert months["March 2026"] == [str(by_month["March 2026"]), str(none["March 2026"]), "5"]
    assert months["April 2026"][0] == str(by_month["April 2026"]) == "9"
    assert months["June 2026"] == ["0", "0", "0"]
    needs = figures(commissioner_client, "demand", "demand-needs")
    assert needs["Dementia"] == [str(by_need["dementia"])] == ["12"]
    assert needs["Autism"] == [str(by_need["autism"])] == ["14"]
    assert figures(commissioner_client, "demand", "demand-languages")["Polish"] == ["7"]


def test_dark_patches_by_postcode_district_and_need(commissioner_client, edinburgh):
    log(6, need="dementia", results=0, outward="EH6")
    log(5, need="dementia", results=3, outward="EH6")
    log(10, need="dementia", results=30, outward="EH7")
    demand.refresh(full=True)
    places = figures(commissioner_client, "unmet", "unmet-places")
    assert places["EH6"] == ["11", "6", "5", "11"]
    assert places["EH7"] == ["10", "0", "0", "0"]
    assert list(places)[0] == "EH6"  # the darkest patch first
    needs = figures(commissioner_client, "unmet", "unmet-needs")
    assert needs["Dementia"] == ["21", "6", "5", "11"]
    response = commissioner_client.get(reverse("insight:page", args=["unmet"]) + "?" + QUERY)
    points = {point["label"]: point for point in response.context["map_points"]}
    assert points["EH6"]["unmet"] == "11" and points["EH6"]["share"] == 1.0
    assert 'id="insight-map-points"' in response.content.decode()
    assert 'id="unmet-places"' in response.content.decode()  # the table is there whatever the map does


def test_supply_counts_the_listings_that_cover_the_area(commissioner_client, edinburgh):
    for number in range(6):
        published_listing(f"Whole council {number}", council_areas=["Edinburgh"], needs=["dementia"])
    for number in range(3):
        published_listing(f"Nearby {number}", radius_km=25, needs=["autism"], short_notice_cover=True)
    published_listing("Far away", km=300, radius_km=5, needs=["autism"])
    published_listing("Stale", council_areas=["Edinburgh"], confirmed=timezone.now() - timedelta(days=2000))
    supply = figures(commissioner_client, "supply", "supply-overview")
    assert supply["Listings covering the area"] == ["9"]
    assert supply["Organisations"] == ["9"]
    assert supply["Personal assistants"] == ["0"]
    assert supply["Listings offering short-notice cover"] == ["fewer than 5"]
    needs = figures(commissioner_client, "supply", "supply-needs")
    assert needs["Dementia"] == ["6", "6", "6"]
    assert needs["Autism"] == ["fewer than 5"] * 3


def test_prices_against_the_direct_payment_rate(commissioner_client, edinburgh):
    from providers.models import ServiceType

    for number, price in enumerate(["16.00", "18.00", "20.00", "22.00", "30.00"]):
        published_listing(f"Priced {number}", council_areas=["Edinburgh"], price=price)
    DirectPaymentRate.objects.create(
        council_area=edinburgh, hourly_rate="21.00", effective_from=datetime(2025, 4, 1).date()
    )
    name = ServiceType.objects.get(slug="personal-assistant", locale__language_code="en").name
    row = figures(commissioner_client, "prices", "prices")[name]
    assert row == ["5", "5", "18.00", "20.00", "22.00", "21.00", "fewer than 5"]


@pytest.mark.parametrize("slug", ["supply", "demand", "unmet", "prices", "flow"])
def test_charts_are_svg_beside_their_tables_with_no_inline_style(commissioner_client, edinburgh, slug):
    for number, price in enumerate(["16.00", "18.00", "20.00", "22.00", "30.00"]):
        published_listing(f"Charted {number}", council_areas=["Edinburgh"], price=price, needs=["dementia"])
    log(7, need="dementia")
    demand.refresh(full=True)
    body = commissioner_client.get(reverse("insight:page", args=[slug]) + "?" + QUERY).content.decode()
    assert "style=" not in body
    assert body.count('<svg aria-hidden="true"') >= 1
    assert body.count('<table class="govuk-table"') >= body.count('<svg aria-hidden="true"')
