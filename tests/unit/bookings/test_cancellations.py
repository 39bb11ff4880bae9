"""Cancelling under the booking's terms: inside the notice period the person's side pays the agreed share of the
planned visit; in time, or when the supplier cancels, nothing; a booking's cancellation takes its visits to come."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from marketplace.bookings import cancellations
from marketplace.bookings.models import Booking, Side, Visit
from marketplace.core.workflow import history

pytestmark = pytest.mark.django_db


def _first(booking):
    return booking.visits.order_by("starts_at").first()


def test_late_cancellation_by_the_person_is_charged(booking, person):
    visit = _first(booking)  # two hours at £18.50 = £37.00; 50% within 24 hours
    cancellations.cancel_visit(visit, person, Side.PERSON, "Ill today", now=visit.starts_at - timedelta(hours=3))
    visit.refresh_from_db()
    assert (visit.status, visit.charged, visit.amount_due_pence) == (Visit.Status.CANCELLED, True, 1850)
    assert list(Visit.objects.payable()) == [visit]
    assert history(visit)[0].reason == "Ill today"


def test_cancelling_in_time_or_by_the_supplier_costs_nothing(booking, person, owner):
    first, second = booking.visits.order_by("starts_at")[:2]
    cancellations.cancel_visit(first, person, Side.PERSON, "Away", now=first.starts_at - timedelta(hours=25))
    cancellations.cancel_visit(second, owner, Side.SUPPLIER, "Staff ill", now=second.starts_at - timedelta(hours=1))
    for visit in (first, second):
        visit.refresh_from_db()
        assert (visit.status, visit.charged, visit.amount_due_pence) == (Visit.Status.CANCELLED, False, 0)
    assert not Visit.objects.payable().exists()


def test_a_started_visit_cannot_be_cancelled_and_twice_is_once(booking, person):
    visit = _first(booking)
    with pytest.raises(ValidationError):
        cancellations.cancel_visit(visit, person, Side.PERSON, "Too late", now=visit.starts_at + timedelta(minutes=1))
    cancellations.cancel_visit(visit, person, Side.PERSON, "Away", now=visit.starts_at - timedelta(days=2))
    with pytest.raises(ValidationError):
        cancellations.cancel_visit(visit, person, Side.PERSON, "Away", now=visit.starts_at - timedelta(days=2))
    assert [c.transition for c in history(visit)] == ["cancel"]


def test_cancelling_the_booking_cancels_what_is_to_come_with_the_terms(booking, person):
    now = _first(booking).starts_at - timedelta(hours=2)
    booking, cancelled = cancellations.cancel_booking(booking, person, Side.PERSON, "Moving away", now=now)
    assert booking.status == Booking.Status.CANCELLED
    assert len(cancelled) == 16
    assert [v.amount_due_pence for v in cancelled if v.charged] == [1850]  # only the first was within 24 hours
    assert not booking.visits.filter(status=Visit.Status.PLANNED).exists()
    with pytest.raises(ValidationError):
        cancellations.cancel_booking(booking, person, Side.PERSON, "Again", now=now)


def test_a_reason_is_needed(booking, person):
    visit = _first(booking)
    with pytest.raises(ValidationError) as refused:
        cancellations.cancel_visit(visit, person, Side.PERSON, "", now=visit.starts_at - timedelta(days=2))
    assert refused.value.code == "reason_required"
