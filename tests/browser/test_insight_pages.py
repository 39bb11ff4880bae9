"""A commissioner goes through every insight page in the browser: the filter, each page's tables and charts, the
dark-patches map, a CSV and an XLSX download opened and read, the printable summary, and a bad filter; axe-core on
every page; then the same pages with JavaScript off, where every table is still there."""

import csv
import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from marketplace.core.models import COMMISSIONERS_GROUP
from marketplace.insight import demand
from providers.models import CouncilArea
from providers.seed import seed_default_taxonomies
from search.models import SearchLog
from tests.browser.test_accounts import sign_in
from tests.factories import UserFactory
from tests.mfa import enable_totp
from tests.search_data import published_listing

pytestmark = pytest.mark.django_db(transaction=True)
EMAIL = "commissioner@example.org"
PAGES = ["supply", "demand", "unmet", "prices", "flow"]


@pytest.fixture
def market(site_tree):
    seed_default_taxonomies()  # transactional tests flush the database, taking the migrations' terms with it
    area, _created = CouncilArea.objects.get_or_create(
        name="Edinburgh", defaults={"slug": "edinburgh", "gss_code": "S12000036"}
    )
    enable_totp(UserFactory(email=EMAIL, groups=[COMMISSIONERS_GROUP]))
    for number in range(6):
        published_listing(f"Leith care {number}", council_areas=["Edinburgh"], needs=["dementia"])
    hour = timezone.now().replace(minute=0, second=0, microsecond=0) - timedelta(days=3)
    SearchLog.objects.bulk_create(
        SearchLog(
            hour=hour,
            outward_code="EH6" if index < 12 else "EH7",
            council_area="Edinburgh",
            place_kind=SearchLog.PlaceKind.OUTWARD,
            filters={"need": ["dementia"]},
            result_count=0 if index < 12 else 20,
        )
        for index in range(20)
    )
    demand.refresh(full=True)
    return area


def _filter(page):
    this_month = timezone.localdate().strftime("%Y-%m")
    page.get_by_label("Council area").select_option("edinburgh")
    page.get_by_label("To the end of").select_option(this_month)


def test_a_commissioner_goes_through_every_page(visitor, market):
    page = visitor.page
    sign_in(visitor, EMAIL)
    visitor.visit("/insight/")
    _filter(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Show figures").click()
    visitor.check()
    assert page.get_by_role("heading", name="Figures for Edinburgh").is_visible()
    for slug in PAGES:
        with page.expect_navigation():
            page.locator(f"nav.app-insight-nav a[href^='/insight/{slug}/']").click()
        visitor.check()
        assert page.locator("table.govuk-table").count() >= 1
        assert "area=edinburgh" in page.url

    # The dark patches: the table first, the map on request.
    with page.expect_navigation():
        page.locator("nav.app-insight-nav a[href^='/insight/unmet/']").click()
    table = page.locator("#unmet-places")
    assert table.locator("tbody tr").first.locator("th").inner_text() == "EH6"
    assert "12" in table.locator("tbody tr").first.inner_text()
    page.get_by_role("button", name="Show the dark patches on a map").click()
    page.locator("#insight-map.leaflet-container").wait_for()
    assert page.locator("#insight-map .leaflet-interactive").count() >= 1
    visitor.check()

    with page.expect_download() as csv_download:
        page.get_by_role("link", name="Download “Searches with no or few results, by postcode district” as CSV").click()
    rows = list(csv.reader(io.StringIO(Path(csv_download.value.path()).read_text(encoding="utf-8-sig"))))
    assert rows[3][0] == "Postcode district"
    assert ["EH6", "12", "12", "0", "12"] in rows
    assert ["EH7", "8", "0", "0", "0"] in rows

    with page.expect_download() as xlsx_download:
        page.get_by_role("link", name="Download “Searches with no or few results, by need” as XLSX").click()
    sheet = load_workbook(io.BytesIO(Path(xlsx_download.value.path()).read_bytes())).active
    by_name = {row[0].value: [cell.value for cell in row[1:]] for row in sheet.iter_rows(min_row=5)}
    assert by_name["Dementia"] == [20, 12, 0, 12]
    assert by_name["Autism"] == [0, 0, 0, 0]

    with page.expect_navigation():
        page.get_by_role("link", name="Printable market summary").click()
    visitor.check()
    assert page.get_by_role("heading", name="Market summary: Edinburgh").is_visible()
    assert page.locator("table.govuk-table").count() >= 8

    visitor.visit("/insight/demand/?area=atlantis", expected_status=400)
    assert page.locator(".govuk-error-summary").is_visible()
    assert page.get_by_text("Choose a council area from the list").first.is_visible()


def test_every_table_is_there_without_javascript(visitor_without_js, market):
    visitor = visitor_without_js
    page = visitor.page
    sign_in(visitor, EMAIL)
    this_month = timezone.localdate().strftime("%Y-%m")
    query = f"?area=edinburgh&start={this_month}&end={this_month}"
    for slug in PAGES:
        visitor.visit(f"/insight/{slug}/{query}")
        assert page.locator("table.govuk-table").count() >= 1
        assert page.locator("table.govuk-table").first.is_visible()
    visitor.visit(f"/insight/unmet/{query}")
    assert page.locator("#unmet-places").is_visible()
    assert not page.get_by_role("button", name="Show the dark patches on a map").is_visible()
    visitor.visit(f"/insight/summary/{query}")
