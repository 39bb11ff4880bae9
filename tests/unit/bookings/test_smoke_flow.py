"""The whole arrangement through the pages: offer, accept, visits planned, confirm, approve."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from marketplace.bookings.models import Booking, Visit

pytestmark = pytest.mark.django_db


def test_offer_accept_confirm_approve_through_the_pages(client, owner, person, enquiry, listing):
    rate = listing.rates.first()
    start = timezone.localdate() + timedelta(days=2)
    client.force_login(owner)
    page = client.get(reverse("bookings:offer", args=[enquiry.pk]))
    assert page.status_code == 200
    response = client.post(
        reverse("bookings:offer", args=[enquiry.pk]),
        {
            "replacing": "",
            f"rate_{rate.pk}": "on",
            "kind": "one_off",
            "start_date": start.isoformat(),
            "start_time": "10:00",
            "end_time": "12:30",
            "notice_hours": "24",
            "charge_percent": "50",
            "expires_on": start.isoformat(),
            "message": "See you then",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    booking = Booking.objects.get()
    assert booking.status == "offered"
    assert [item.amount_pence for item in booking.items.all()] == [1850]

    client.force_login(person)
    assert client.get(reverse("bookings:detail", args=[booking.pk])).status_code == 200
    assert client.post(reverse("bookings:accept", args=[booking.pk])).status_code == 302
    assert client.post(reverse("bookings:accept", args=[booking.pk])).status_code == 409
    booking.refresh_from_db()
    assert booking.status == "accepted"
    visit = Visit.objects.get()
    assert visit.amount_due_pence == 4625  # 2.5 hours at £18.50

    with freeze_time(visit.ends_at + timedelta(minutes=5)):
        client.force_login(owner)
        response = client.post(
            reverse("bookings:visit_confirm", args=[visit.pk]),
            {"date": start.isoformat(), "start_time": "10:00", "end_time": "12:00", "note": "All good"},
        )
        assert response.status_code == 302, response.content.decode()[:3000]
        client.force_login(person)
        assert client.post(reverse("bookings:visit_approve", args=[visit.pk])).status_code == 302
    visit.refresh_from_db()
    assert visit.status == "approved"
    assert visit.amount_due_pence == 3700
    booking.refresh_from_db()
    assert booking.status == "active"
    for name in ["bookings:mine", "bookings:calendar", "email_choices:choices", "account_dashboard"]:
        assert client.get(reverse(name)).status_code == 200, name
    client.force_login(owner)
    assert client.get(reverse("bookings:supplier", args=[booking.supplier_id])).status_code == 200
    assert client.get(reverse("providers:home")).status_code == 200
    assert client.get(reverse("bookings:visit", args=[visit.pk])).status_code == 200
