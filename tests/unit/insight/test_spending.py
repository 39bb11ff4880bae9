"""Spending through the site by service type, on the flow page: paid invoices less refunds for the listings that
cover the area, hidden when fewer than five people or suppliers are behind a figure."""

from collections import defaultdict
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from marketplace.insight.periods import recent_months
from marketplace.payments.invoices import issuing, paying, refunds
from marketplace.payments.invoices.models import Payment, Refund
from providers.models import Membership, ServiceType
from tests.factories import UserFactory
from tests.search_data import published_listing
from tests.unit.payments.invoices.conftest import approve_past, past_booking

pytestmark = pytest.mark.django_db


@pytest.fixture
def _today():
    """These figures come from bookings made relative to the real today, so the clock is not fixed here."""


def paid_through_the_site(title, number, *, services, council_areas=("Edinburgh",)):
    """A listing whose supplier was booked three weeks ago by a person of its own, every invoice paid."""
    listing = published_listing(title, council_areas=council_areas, services=services)
    owner = UserFactory(email=f"owner-{number}@example.org")
    Membership.objects.create(user=owner, supplier=listing.supplier, role=Membership.Role.OWNER)
    person = UserFactory(email=f"person-{number}@example.org")
    booking = past_booking(person, owner, listing)
    approve_past(booking, person, owner)
    return owner


def spending_rows(client, months_back=2):
    months = recent_months()
    query = f"area=edinburgh&start={months[months_back]:%Y-%m}&end={months[0]:%Y-%m}"
    response = client.get(reverse("insight:page", args=["flow"]) + "?" + query)
    assert response.status_code == 200
    table = next(item["table"] for item in response.context["charted"] if item["table"].slug == "spending")
    return {row[0]: [cell.display for cell in row[1:]] for row in table.rows}, response.content.decode()


def test_spending_by_service_type_is_paid_invoices_less_refunds_in_the_area(commissioner_client, edinburgh):
    owners = [paid_through_the_site(f"Leith care {n}", n, services=["care-at-home"]) for n in range(5)]
    owners.append(paid_through_the_site("Two kinds", 5, services=["care-at-home", "personal-assistant"]))
    paid_through_the_site("Fife care", 6, services=["care-at-home"], council_areas=("Fife",))
    for invoice in issuing.issue_due():
        paying.record_demo_payment(invoice, invoice.issued_at)
    refunded_invoice = Payment.objects.filter(invoice__supplier__memberships__user=owners[0]).first().invoice
    refunds.refund(refunded_invoice, owners[0], 1000, "One visit was cancelled by us on the day.", "attempt-1")

    expected = defaultdict(int)
    for payment in Payment.objects.exclude(invoice__booking__listing__title="Fife care"):
        for service in payment.invoice.booking.listing.service_types.all():
            expected[service.slug] += payment.amount_pence
    expected["care-at-home"] -= Refund.objects.get().amount_pence

    rows, page = spending_rows(commissioner_client)
    home_care = ServiceType.objects.get(slug="care-at-home", locale__language_code="en").name
    assert rows[home_care] == ["6", "6", f"{Decimal(expected['care-at-home']) / 100:.2f}"]
    pa = ServiceType.objects.get(slug="personal-assistant", locale__language_code="en").name
    assert rows[pa] == ["fewer than 5", "fewer than 5", "fewer than 5"]
    assert "less refunds" in page


def test_spending_says_nothing_about_fewer_than_five_people(commissioner_client, edinburgh):
    for number in range(3):
        paid_through_the_site(f"Small {number}", number, services=["care-at-home"])
    for invoice in issuing.issue_due():
        paying.record_demo_payment(invoice, invoice.issued_at)
    rows, _page = spending_rows(commissioner_client)
    home_care = ServiceType.objects.get(slug="care-at-home", locale__language_code="en").name
    assert rows[home_care] == ["fewer than 5", "fewer than 5", "fewer than 5"]


def test_two_runs_of_months_cannot_be_subtracted_to_show_one_persons_spending(commissioner_client, edinburgh):
    for number in range(5):
        paid_through_the_site(f"Busy {number}", number, services=["care-at-home"])
    for invoice in issuing.issue_due():
        paying.record_demo_payment(invoice, invoice.issued_at)
    paid_through_the_site("Alone last month", 5, services=["care-at-home"])
    month_start = timezone.localtime().replace(day=1, hour=12)
    for invoice in issuing.issue_due():
        paying.record_demo_payment(invoice, month_start - timedelta(days=10))  # the month before, on their own

    this_month, _page = spending_rows(commissioner_client, months_back=0)
    with_last_month, _page = spending_rows(commissioner_client, months_back=1)
    home_care = ServiceType.objects.get(slug="care-at-home", locale__language_code="en").name
    assert this_month[home_care][0] == "5"
    assert with_last_month[home_care] == this_month[home_care]
