"""A booking that started three weeks ago with approved visits, ready to be invoiced, between the bookings tests'
``person`` and ``organisation`` (owned by ``owner``, with ``staff``); ``other_owner`` owns another supplier;
``money_helper`` acts for the person with the money scope, ``helper`` without it.

Visits are on Mondays and Thursdays 09:00–11:00 at £18.50 an hour: £37.00 each."""

import dataclasses
import datetime

import pytest
from django.test import Client
from django.utils import timezone

from marketplace.acting.models import Scope
from marketplace.bookings import offers, visits
from marketplace.payments.invoices.issuing import period_of
from tests.factories import UserFactory
from tests.unit.bookings import conftest as bookings

# The bookings tests' people, supplier and listing (see their conftest).
person, owner, organisation, staff, other_owner, other_organisation, stranger, listing, enquiry, helper = (
    bookings.person,
    bookings.owner,
    bookings.organisation,
    bookings.staff,
    bookings.other_owner,
    bookings.other_organisation,
    bookings.stranger,
    bookings.listing,
    bookings.enquiry,
    bookings.helper,
)
sessions_outlive_the_clock_jumps = bookings.sessions_outlive_the_clock_jumps

VISIT_PENCE = 3700


def signed_in(user, acting=None):
    client = Client()
    client.force_login(user)
    if acting is not None:
        session = client.session
        session["acting_for"] = acting.pk
        session.save()
    return client


@pytest.fixture
def money_helper(person):
    user = UserFactory(email="money.helper@example.org")
    user.arrangement = bookings.arrangement(person, user, [Scope.BOOK, Scope.MONEY])
    return user


def past_booking(person, owner, listing, weeks=3):
    """A weekly booking accepted `weeks` weeks ago (starting on that period's first day)."""
    start, _end = period_of(timezone.localdate() - datetime.timedelta(days=7 * weeks))
    then = timezone.make_aware(datetime.datetime.combine(start, datetime.time(8)))
    draft = bookings.weekly_draft(listing, start=start)
    draft = dataclasses.replace(draft, expires_at=then + datetime.timedelta(days=1))
    offer = offers.make_offer(bookings.make_enquiry(person, listing), draft, owner, now=then)
    return offers.accept(offer, person, person, now=then)


def approve_past(booking, person, owner, *, count=None):
    """Deliver and approve the booking's past visits (the first `count` of them)."""
    now = timezone.now()
    done = []
    for visit in booking.visits.filter(ends_at__lt=now, status="planned").order_by("starts_at")[:count]:
        visits.confirm(visit, owner, visit.starts_at, visit.ends_at, "", now=visit.ends_at)
        visits.approve(visit, person, person, now=visit.ends_at)
        done.append(visit)
    return done


@pytest.fixture
def booking(person, owner, listing):
    booking = past_booking(person, owner, listing)
    approve_past(booking, person, owner)
    return booking
