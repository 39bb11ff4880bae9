"""Visits: planned from the schedule (idempotent, rolling horizon, summer time), confirmed, approved (by the person
or automatically), disputed, corrected, withdrawn, sent to an editor and decided; amounts in pence."""

from datetime import time, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time

from marketplace.bookings import money, offers, planning, visits
from marketplace.bookings.models import Booking, Visit
from marketplace.bookings.schedule import span
from marketplace.core.workflow import history

from .conftest import one_off_draft, weekly_draft

pytestmark = pytest.mark.django_db


def test_money_is_whole_pence_rounded_half_up():
    assert money.pence("18.50") == 1850
    assert money.pence("0.005") == 1
    assert money.item_amount(1850, "hour", 90) == 2775
    assert money.item_amount(1999, "hour", 1) == 33  # 33.3p
    assert money.item_amount(4000, "visit", 10) == 4000
    assert money.charge(3700, 50) == 1850 and money.charge(3333, 50) == 1667
    assert money.as_pounds(123456) == "£1,234.56"
    with pytest.raises(ValueError):
        money.pence("NaN")


def test_planning_again_makes_nothing_new_and_the_horizon_rolls(booking, settings):
    assert planning.plan_visits(booking) == 0
    assert booking.visits.count() == 16
    with freeze_time(timezone.now() + timedelta(days=7)):
        assert planning.run_due()["visits planned"] == 2
        call_command("update_bookings")
    assert booking.visits.count() == 18


def test_visits_keep_local_times_across_the_clock_change(enquiry, listing, owner, person):
    # The last Sunday of March 2027 the clocks go forward: 09:00 stays 09:00 in London.
    with freeze_time("2027-03-20 12:00:00"):
        draft = weekly_draft(listing, start=timezone.localdate().replace(day=22), days=(0,))
        booking = offers.accept(offers.make_offer(enquiry, draft, owner), person, person)
        starts = [timezone.localtime(v.starts_at) for v in booking.visits.all()[:2]]
    assert [(s.day, s.hour) for s in starts] == [(22, 9), (29, 9)]
    assert starts[0].utcoffset() != starts[1].utcoffset()


def test_an_overnight_slot_ends_the_next_morning(enquiry, listing, owner, person):
    day = timezone.localdate() + timedelta(days=3)
    booking = offers.accept(
        offers.make_offer(enquiry, one_off_draft(listing, day, time(22), time(7)), owner), person, person
    )
    visit = booking.visits.get()
    assert visit.minutes_planned == 9 * 60
    assert visit.amount_due_pence == 9 * 1850


def _delivered(booking, owner, minutes=90):
    visit = booking.visits.order_by("starts_at").first()
    now = visit.ends_at + timedelta(hours=1)
    visits.confirm(visit, owner, visit.starts_at, visit.starts_at + timedelta(minutes=minutes), "Shopping", now=now)
    visit.refresh_from_db()
    return visit, now


def test_confirm_prices_the_actual_time_and_starts_the_booking(booking, owner):
    visit, _now = _delivered(booking, owner)
    assert visit.status == Visit.Status.DELIVERED
    assert visit.amount_due_pence == 2775
    booking.refresh_from_db()
    assert booking.status == Booking.Status.ACTIVE


def test_confirm_refuses_the_future_too_early_and_impossible_times(booking, owner, staff, other_owner):
    visit = booking.visits.order_by("starts_at").first()
    with pytest.raises(ValidationError) as refused:
        visits.confirm(visit, owner, visit.starts_at, visit.ends_at, now=visit.starts_at - timedelta(hours=1))
    assert refused.value.code == "too_early"
    after = visit.ends_at + timedelta(hours=1)
    for start, end in [
        (visit.ends_at, visit.starts_at),
        (visit.starts_at, visit.starts_at + timedelta(hours=25)),
        (visit.starts_at + timedelta(days=3), visit.starts_at + timedelta(days=3, hours=1)),
    ]:
        with pytest.raises(ValidationError):
            visits.confirm(visit, owner, start, end, now=after + timedelta(days=4))
    with pytest.raises(PermissionDenied):
        visits.confirm(visit, other_owner, visit.starts_at, visit.ends_at, now=after)
    visits.confirm(visit, staff, visit.starts_at, visit.ends_at, now=after)
    with pytest.raises(ValidationError):
        visits.confirm(visit, staff, visit.starts_at, visit.ends_at, now=after)  # twice: once
    assert [c.transition for c in history(visit)] == ["confirm"]


def test_approved_automatically_after_the_set_hours(booking, owner, settings):
    visit, confirmed = _delivered(booking, owner)
    assert planning.auto_approve(confirmed + timedelta(hours=47)) == 0
    assert planning.auto_approve(confirmed + timedelta(hours=48)) == 1
    visit.refresh_from_db()
    assert visit.status == Visit.Status.APPROVED and visit.auto_approved and visit.approved_by is None
    settings.BOOKING_AUTO_APPROVE_HOURS = 2
    second = booking.visits.order_by("starts_at")[1]
    visits.confirm(second, owner, second.starts_at, second.ends_at, now=second.ends_at)
    assert planning.auto_approve(second.ends_at + timedelta(hours=2)) == 1
    assert list(Visit.objects.payable()) == [visit, second]


def test_dispute_correct_dispute_again_goes_to_an_editor(booking, owner, person, editor):
    visit, now = _delivered(booking, owner)
    visits.dispute(visit, person, person, "It was one hour", now=now)
    visit.refresh_from_db()
    assert visit.status == Visit.Status.DISPUTED
    visits.correct(visit, owner, visit.starts_at, visit.starts_at + timedelta(hours=1), "Sorry: one hour", now=now)
    visit.refresh_from_db()
    assert (visit.status, visit.amount_due_pence) == (Visit.Status.DELIVERED, 1850)
    visits.dispute(visit, person, person, "Still wrong", now=now)
    visit.refresh_from_db()
    assert visit.status == Visit.Status.REFERRED
    with pytest.raises(PermissionDenied):
        visits.decide(visit, owner, True, "I decide")
    visits.decide(visit, editor, False, "No evidence it happened", now=now)
    visit.refresh_from_db()
    assert (visit.status, visit.amount_due_pence) == (Visit.Status.VOID, 0)
    assert [c.transition for c in history(visit)] == ["confirm", "dispute", "correct", "escalate", "void"]


def test_the_supplier_withdraws_or_refers_a_dispute(booking, owner, person):
    visit, now = _delivered(booking, owner)
    visits.dispute(visit, person, person, "Did not happen", now=now)
    visits.withdraw(visit, owner, now=now)
    visit.refresh_from_db()
    assert (visit.status, visit.amount_due_pence) == (Visit.Status.VOID, 0)
    second = booking.visits.order_by("starts_at")[1]
    visits.confirm(second, owner, second.starts_at, second.ends_at, now=second.ends_at)
    visits.dispute(second, person, person, "Late", now=second.ends_at)
    visits.refer(second, owner, now=second.ends_at)
    second.refresh_from_db()
    assert second.status == Visit.Status.REFERRED


def test_a_dispute_needs_a_reason_and_only_the_person_approves(booking, owner, person, stranger):
    visit, now = _delivered(booking, owner)
    with pytest.raises(ValidationError):
        visits.dispute(visit, person, person, "   ", now=now)
    for who in (owner, stranger):
        with pytest.raises(PermissionDenied):
            visits.approve(visit, who, who)
    visits.approve(visit, person, person, now=now)
    with pytest.raises(ValidationError):
        visits.approve(visit, person, person, now=now)
    assert [c.transition for c in history(visit)] == ["confirm", "approve"]


def test_span_in_london():
    day = timezone.localdate()
    start, end = span(day, time(23), time(1))
    assert (end - start) == timedelta(hours=2)
