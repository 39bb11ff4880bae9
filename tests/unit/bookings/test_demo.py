"""The demo bookings: every state from the demo conversations, in their languages, once however often it runs."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from marketplace.bookings.models import Booking, CoverRequest, Visit
from marketplace.demo.bookings import SCENARIOS, WORDS, load_bookings
from tests.unit.providers.conftest import make_listing

from .conftest import make_enquiry, publish

pytestmark = pytest.mark.django_db


def test_demo_bookings_show_every_state_without_emailing_anyone(
    person, organisation, django_capture_on_commit_callbacks
):
    now = timezone.now()
    for number in range(len(SCENARIOS)):
        listing = publish(make_listing(organisation=organisation, title=f"Demo support {number}"))
        enquiry = make_enquiry(person, listing)
        enquiry.language = ["ur", "pl", "gd", "ar", "cy", "en"][number % 6]
        enquiry.first_reply_at = now - timedelta(days=60)
        enquiry.save()
    with django_capture_on_commit_callbacks(execute=True):
        counts = load_bookings(now)
    assert counts["bookings and offers"] == len(SCENARIOS)
    statuses = set(Booking.objects.values_list("status", flat=True))
    assert {"offered", "change_requested", "accepted", "active", "ended", "cancelled", "declined"} <= statuses
    assert {"withdrawn", "expired", "superseded"} & statuses
    visit_statuses = set(Visit.objects.values_list("status", flat=True))
    assert {"planned", "delivered", "approved", "disputed", "referred", "cancelled"} <= visit_statuses
    assert Visit.objects.filter(auto_approved=True).exists()
    assert CoverRequest.objects.count() == 1
    assert Booking.objects.filter(message=WORDS["ur"][0]).exists()
    assert not mail.outbox
    assert load_bookings(now) == {}
