"""Every table downloads as CSV and XLSX with the page's figures, and a label can never run as a formula."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import Locale

from marketplace.insight import demand
from marketplace.insight.pages import PAGES
from providers.models import Need

from .conftest import QUERY, log

pytestmark = pytest.mark.django_db
EVIL = '=HYPERLINK("http://bad.example","Click")'


def download(client, page, table, fmt, query=QUERY):
    return client.get(reverse("insight:download", args=[page, table, fmt]) + "?" + query)


@pytest.fixture
def evil_need(db):
    return Need.objects.create(name=EVIL, slug="evil", locale=Locale.get_default(), sort_order=0)


def test_csv_holds_the_table_with_its_heading_and_a_defused_formula(commissioner_client, edinburgh, evil_need):
    log(8, need="evil", results=0)
    demand.refresh(full=True)
    response = download(commissioner_client, "demand", "demand-needs", "csv")
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="demand-needs-edinburgh-2026-01-2026-06.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Searches by need"]
    assert rows[1] == ["Edinburgh", "January 2026 to June 2026"]
    assert rows[3] == ["Name", "Searches"]
    assert ["'" + EVIL, "8"] in rows
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_xlsx_holds_the_same_figures_and_stores_labels_as_text(commissioner_client, edinburgh, evil_need):
    log(8, need="evil", results=0)
    log(6, need="dementia", results=2)
    demand.refresh(full=True)
    response = download(commissioner_client, "unmet", "unmet-needs", "xlsx")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[3] == ["Need", "Searches", "With no results", "With 1 to 3 results", "With no or few results"]
    by_name = {row[0]: row[1:] for row in rows[4:]}
    assert by_name[EVIL] == [8, 8, 0, 8]
    assert by_name["Dementia"] == [6, 0, 6, 6]
    assert by_name["Autism"] == [0, 0, 0, 0]
    evil_cell = next(row[0] for row in sheet.iter_rows() if row[0].value == EVIL)
    assert evil_cell.data_type == "s"


@pytest.mark.parametrize("slug", list(PAGES))
def test_every_table_of_every_page_downloads_in_both_formats(commissioner_client, edinburgh, slug):
    page = commissioner_client.get(reverse("insight:page", args=[slug]) + "?" + QUERY)
    for item in page.context["charted"]:
        table = item["table"]
        for fmt in ("csv", "xlsx"):
            response = download(commissioner_client, slug, table.slug, fmt)
            assert response.status_code == 200, (slug, table.slug, fmt)
            assert f"{table.slug}.{fmt}".replace(".", "-edinburgh-2026-01-2026-06.") in response["Content-Disposition"]
        assert f'href="/insight/{slug}/{table.slug}.csv?{QUERY}"'.replace("&", "&amp;") in page.content.decode()


def test_an_unknown_table_or_format_is_not_found(commissioner_client, edinburgh):
    assert download(commissioner_client, "demand", "nope", "csv").status_code == 404
    assert download(commissioner_client, "demand", "demand-needs", "pdf").status_code == 404
    assert download(commissioner_client, "nope", "demand-needs", "csv").status_code == 404
