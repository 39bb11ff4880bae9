"""People, a supplier, a thread and offers for booking tests, built with the real models and services.

- ``person`` (Urdu speaker) asked ``organisation`` about ``listing`` in ``enquiry`` (area "EH6").
- ``owner`` owns ``organisation``; ``staff`` works there; ``other_owner`` owns another supplier.
- ``stranger``: signed up, nothing to do with any of it.
- ``helper``: acts for ``person`` with the book scope; ``enquire_helper`` only with the enquire scope.
- ``offer``: a weekly offer (Mondays and Thursdays 09:00–11:00 at the listing's £18.50 an hour, from next Monday,
  24 hours' notice, 50% late charge); ``booking``: the same, accepted.
"""

from datetime import time, timedelta

import pytest
from django.utils import timezone

from marketplace.acting.models import Arrangement, Scope
from marketplace.bookings import offers
from marketplace.bookings.models import Booking
from marketplace.bookings.offers import ItemDraft, OfferDraft
from marketplace.bookings.schedule import SlotTimes
from marketplace.enquiries.models import Enquiry
from providers.models import Listing, Membership
from tests.factories import UserFactory
from tests.unit.providers.conftest import make_listing, make_organisation


def publish(listing, **fields):
    now = timezone.now()
    listing.status = Listing.Status.PUBLISHED
    listing.published_at = listing.last_confirmed_at = now
    for name, value in fields.items():
        setattr(listing, name, value)
    listing.save()
    return listing


def next_weekday(weekday, after=None):
    day = (after or timezone.localdate()) + timedelta(days=1)
    while day.weekday() != weekday:
        day += timedelta(days=1)
    return day


@pytest.fixture
def person(db):
    return UserFactory(email="amina@example.org", display_name="Amina Hussain", preferred_language="ur")


@pytest.fixture
def owner(db):
    return UserFactory(email="owner@example.org", display_name="Fiona MacLeod")


@pytest.fixture
def organisation(owner):
    return make_organisation(owner, email="hello@leith.example.org", phone="0131 496 0000")


@pytest.fixture
def staff(organisation):
    user = UserFactory(email="staff@example.org")
    Membership.objects.create(user=user, supplier=organisation.supplier, role=Membership.Role.STAFF)
    return user


@pytest.fixture
def other_owner(db):
    return UserFactory(email="other-owner@example.org")


@pytest.fixture
def other_organisation(other_owner):
    return make_organisation(other_owner, name="Glasgow Care Co-op")


@pytest.fixture
def stranger(db):
    return UserFactory(email="stranger@example.org")


@pytest.fixture
def listing(organisation):
    return publish(make_listing(organisation=organisation, title="Leith home support"))


def make_enquiry(person, listing, area="EH6"):
    return Enquiry.objects.create(
        person=person, created_by=person, listing=listing, supplier=listing.supplier, area=area, language="ur"
    )


@pytest.fixture
def enquiry(person, listing):
    return make_enquiry(person, listing)


def weekly_draft(listing, start=None, days=(0, 3), at=(time(9), time(11)), notice=24, percent=50, end=None):
    rate = listing.rates.first()
    start = start or next_weekday(0)
    return OfferDraft(
        kind=Booking.Kind.WEEKLY,
        start_date=start,
        end_date=end,
        slots=tuple(SlotTimes(day, *at) for day in days),
        items=(ItemDraft(rate, rate.description, rate.unit, 1850),),
        notice_hours=notice,
        charge_percent=percent,
        expires_at=timezone.now() + timedelta(days=3),
        message="Happy to help.",
    )


def one_off_draft(listing, day, start=time(14), end=time(16), notice=24, percent=100):
    rate = listing.rates.first()
    return OfferDraft(
        kind=Booking.Kind.ONE_OFF,
        start_date=day,
        end_date=day,
        slots=offers.one_off(day, start, end),
        items=(ItemDraft(rate, rate.description, rate.unit, 1850),),
        notice_hours=notice,
        charge_percent=percent,
        expires_at=timezone.now() + timedelta(days=1),
    )


@pytest.fixture
def offer(enquiry, owner, listing):
    return offers.make_offer(enquiry, weekly_draft(listing), owner)


@pytest.fixture
def booking(offer, person):
    return offers.accept(offer, person, person)


def arrangement(person, helper, scopes, until=None):
    return Arrangement.objects.create(
        person=person,
        helper=helper,
        invited_email=helper.email,
        helper_name="Helper",
        scopes=list(scopes),
        until=until,
        status=Arrangement.Status.ACTIVE,
        accepted_at=timezone.now(),
    )


def act_for(client, arrangement_or_none):
    session = client.session
    session["acting_for"] = arrangement_or_none.pk if arrangement_or_none else None
    session.save()


@pytest.fixture
def helper(person):
    user = UserFactory(email="helper@example.org")
    user.arrangement = arrangement(person, user, [Scope.ENQUIRE, Scope.BOOK])
    return user


@pytest.fixture
def enquire_helper(person):
    user = UserFactory(email="enquirer@example.org")
    user.arrangement = arrangement(person, user, [Scope.ENQUIRE, Scope.MESSAGES])
    return user


@pytest.fixture
def editor(db):
    from marketplace.core.models import EDITORS_GROUP

    return UserFactory(email="editor@example.org", groups=[EDITORS_GROUP])


@pytest.fixture(autouse=True)
def sessions_outlive_the_clock_jumps(settings):
    """These tests move the clock days ahead between a supplier's requests, which would end a supplier member's short
    session (tested in tests/unit/marketplace/test_sessions.py): here sessions last as long as the test."""
    settings.SHORT_SESSION_IDLE_SECONDS = settings.SHORT_SESSION_MAX_SECONDS = 10**9
