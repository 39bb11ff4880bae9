"""Any figure counting 1 to 4 is hidden everywhere: on the page, in the chart and in the downloads."""

import csv
import io

import pytest
from django.urls import reverse

from marketplace.insight import demand
from marketplace.insight.suppression import count, derived

from .conftest import QUERY, log

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("number", "shown"), [(0, "0"), (1, "fewer than 5"), (4, "fewer than 5"), (5, "5"), (17, "17")]
)
def test_counts_below_five_are_hidden_and_zero_is_not(number, shown):
    assert count(number).display == shown
    assert count(number).suppressed == (0 < number < 5)


def test_a_figure_worked_out_from_fewer_than_five_is_hidden():
    assert derived(20, based_on=4).suppressed
    assert derived(20, based_on=5).display == "20"
    assert derived(None, based_on=0).display == "–"


def test_a_need_searched_four_times_is_hidden_on_the_page_and_in_the_csv(commissioner_client, edinburgh):
    log(4, need="autism")
    log(6, need="dementia")
    demand.refresh(full=True)
    page = commissioner_client.get(reverse("insight:page", args=["demand"]) + "?" + QUERY)
    table = page.context["charted"][1]["table"]
    assert {row[0]: row[1].display for row in table.rows}["Autism"] == "fewer than 5"
    assert {row[0]: row[1].display for row in table.rows}["Dementia"] == "6"
    assert "fewer than 5" in page.content.decode()
    assert 'href="#suppression-explained"' in page.content.decode()
    response = commissioner_client.get(
        reverse("insight:download", args=["demand", "demand-needs", "csv"]) + "?" + QUERY
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    by_name = {row[0]: row[1] for row in rows[4:]}
    assert by_name["Autism"] == "fewer than 5"
    assert by_name["Dementia"] == "6"
    assert "4" not in [cell for row in rows[4:] for cell in row]
