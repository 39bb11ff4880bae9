"""The rate card editor as a newcomer met it: headings over the right boxes, a row to type a price after "send for
approval" failed, and an error summary that links to each thing to fix."""

import re

import pytest
from django.urls import reverse

from .conftest import listing_form_data, make_listing

pytestmark = pytest.mark.django_db


def _headings_and_inputs(page):
    table = page[page.index('id="rates-table"') :]
    table = table[: table.index("</table>")]
    headings = re.findall(r'<th scope="col" class="govuk-table__header">([^<]+)</th>', table)
    first_row = table[table.index("<tbody") :]
    first_row = first_row[: first_row.index("</tr>")]
    inputs = re.findall(r'name="rates-0-(\w+)"', first_row)
    return headings, [name for name in inputs if name not in ("id", "listing", "DELETE")]


def test_each_heading_sits_over_its_own_box(client, owner, listing):
    client.force_login(owner)
    headings, inputs = _headings_and_inputs(
        client.get(reverse("providers:listing_edit", args=[listing.pk])).content.decode()
    )

    expected = {
        "What it is for": "description",
        "Price (£)": "amount",
        "Unit": "unit",
        "When": "day_type",
        "Notes": "notes",
    }
    assert [expected[heading] for heading in headings if heading in expected] == inputs


def test_a_failed_send_for_approval_leaves_a_row_for_a_price_and_links_to_each_problem(client, owner, organisation):
    empty = make_listing(organisation=organisation, title="New service", rates=0)
    client.force_login(owner)

    response = client.post(
        reverse("providers:listing_edit", args=[empty.pk]), listing_form_data(empty, rates=[], action="submit")
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert 'name="rates-0-amount"' in page  # somewhere to type the price the error asks for
    summary = page[page.index("govuk-error-summary__list") :]
    summary = summary[: summary.index("</ul>")]
    links = dict(re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary))
    assert links["id_service_types_0"] == "Choose at least one service type"
    assert links["id_needs_0"] == "Choose at least one need you support"
    assert links["id_rates-0-description"] == "Add at least one price to your rate card"
    assert links["id_base_postcode"].startswith("Enter where you work")
    assert links["id_contact_phone"].startswith("Give at least one way to get in touch")
    for anchor in links:
        assert f'id="{anchor}"' in page, anchor
