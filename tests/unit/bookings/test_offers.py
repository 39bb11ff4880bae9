"""Offers: made from the rate card, answered by the person, replaced by a changed offer, withdrawn, expired; every
status change through the workflow, recorded with who and when; a second press changes nothing."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from marketplace.bookings import offers, planning
from marketplace.bookings.models import Booking, Visit
from marketplace.core.workflow import history
from marketplace.enquiries.models import Block, Enquiry

from .conftest import weekly_draft

pytestmark = pytest.mark.django_db


def transitions(obj):
    return [(change.transition, change.by_id) for change in history(obj)]


def test_an_offer_keeps_pence_terms_and_schedule_and_emails_the_person(
    enquiry, listing, owner, person, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        offer = offers.make_offer(enquiry, weekly_draft(listing), owner)
    assert offer.status == Booking.Status.OFFERED
    assert offer.person == person and offer.place == "EH6"
    item = offer.items.get()
    assert (item.amount_pence, item.rate_card_pence, item.is_agreed_price) == (1850, 1850, False)
    assert [(slot.weekday, slot.start_time.hour) for slot in offer.slots.all()] == [(0, 9), (3, 9)]
    assert [message.to for message in mail.outbox] == [[person.email]]
    # In the person's language (Urdu), with a one-click way to stop these emails.
    assert mail.outbox[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/ur/bookings/" in mail.outbox[0].body


def test_accepting_plans_visits_for_eight_weeks_and_tells_the_supplier(
    offer, person, owner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        booking = offers.accept(offer, person, person)
    assert booking.status == Booking.Status.ACCEPTED
    assert transitions(booking) == [("accept", person.pk)]
    assert booking.visits.count() == 16  # Mondays and Thursdays over 56 days
    assert owner.email in [message.to[0] for message in mail.outbox]


def test_accepting_twice_changes_the_state_once(offer, person):
    offers.accept(offer, person, person)
    with pytest.raises(ValidationError) as refused:
        offers.accept(offer, person, person)
    assert refused.value.code == "wrong_state"
    offer.refresh_from_db()
    assert transitions(offer) == [("accept", person.pk)]
    assert Visit.objects.count() == 16


def test_only_the_person_answers(offer, owner, stranger):
    for who in (owner, stranger):
        with pytest.raises(PermissionDenied):
            offers.accept(offer, who, who)
    offer.refresh_from_db()
    assert offer.status == Booking.Status.OFFERED


def test_an_expired_offer_cannot_be_accepted_and_the_job_expires_it(offer, person):
    Booking.objects.filter(pk=offer.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    offer.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        offers.accept(offer, person, person)
    assert refused.value.code == "expired"
    assert planning.run_due()["offers expired"] == 1
    offer.refresh_from_db()
    assert offer.status == Booking.Status.EXPIRED
    assert transitions(offer) == [("expire", None)]


def test_asking_for_a_change_then_a_changed_offer_supersedes_the_old_one(offer, person, owner, enquiry, listing):
    offers.request_change(offer, person, person, "Could it be Tuesdays?")
    offer.refresh_from_db()
    assert offer.status == Booking.Status.CHANGE_REQUESTED and offer.change_request == "Could it be Tuesdays?"
    changed = offers.make_offer(enquiry, weekly_draft(listing, days=(1,)), owner, replacing=offer.pk)
    offer.refresh_from_db()
    assert offer.status == Booking.Status.SUPERSEDED
    assert changed.replaces == offer and changed.status == Booking.Status.OFFERED
    assert transitions(offer) == [("request_change", person.pk), ("supersede", owner.pk)]
    assert history(offer)[0].reason == "Could it be Tuesdays?"


def test_a_stale_or_double_offer_is_refused(offer, owner, enquiry, listing):
    with pytest.raises(ValidationError) as refused:
        offers.make_offer(enquiry, weekly_draft(listing), owner, replacing=None)
    assert refused.value.code == "stale"
    assert Booking.objects.count() == 1


def test_only_members_of_the_supplier_make_offers(enquiry, listing, other_owner, person):
    for who in (other_owner, person):
        with pytest.raises(PermissionDenied):
            offers.make_offer(enquiry, weekly_draft(listing), who)
    assert not Booking.objects.exists()


def test_no_offer_in_a_closed_or_blocked_thread(enquiry, listing, owner, person):
    Enquiry.objects.filter(pk=enquiry.pk).update(status=Enquiry.Status.CLOSED)
    enquiry.refresh_from_db()
    with pytest.raises(ValidationError):
        offers.make_offer(enquiry, weekly_draft(listing), owner)
    Enquiry.objects.filter(pk=enquiry.pk).update(status=Enquiry.Status.OPEN)
    enquiry.refresh_from_db()
    Block.objects.create(person=person, supplier=enquiry.supplier, side="person", by=person)
    with pytest.raises(ValidationError):
        offers.make_offer(enquiry, weekly_draft(listing), owner)
    assert not Booking.objects.exists()


def test_decline_and_withdraw(offer, person, owner, enquiry, listing):
    offers.decline(offer, person, person, "Found someone nearer")
    offer.refresh_from_db()
    assert offer.status == Booking.Status.DECLINED
    second = offers.make_offer(enquiry, weekly_draft(listing), owner)
    offers.withdraw(second, owner)
    second.refresh_from_db()
    assert second.status == Booking.Status.WITHDRAWN
    with pytest.raises(PermissionDenied):
        third = offers.make_offer(enquiry, weekly_draft(listing), owner)
        offers.withdraw(third, person)


def test_bookings_start_with_their_first_visit_and_end_after_their_last_day(enquiry, listing, owner, person):
    start = timezone.localdate() + timedelta(days=1)
    booking = offers.accept(
        offers.make_offer(enquiry, weekly_draft(listing, start=start, days=(start.weekday(),), end=start), owner),
        person,
        person,
    )
    first = booking.visits.get()
    assert planning.run_due(first.starts_at - timedelta(minutes=1))["bookings started"] == 0
    assert planning.run_due(first.starts_at + timedelta(minutes=1))["bookings started"] == 1
    booking.refresh_from_db()
    assert booking.status == Booking.Status.ACTIVE
    later = first.ends_at + timedelta(days=2)
    assert planning.run_due(later)["bookings ended"] == 1
    booking.refresh_from_db()
    assert booking.status == Booking.Status.ENDED
    assert [name for name, _by in transitions(booking)] == ["accept", "start", "end"]
    assert planning.run_due(later) == {
        "offers expired": 0,
        "bookings ended": 0,
        "visits planned": 0,
        "bookings started": 0,
        "visits approved automatically": 0,
        "cover requests closed": 0,
    }
