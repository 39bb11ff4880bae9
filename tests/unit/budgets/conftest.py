"""People and budgets for the budget tests.

- ``holder`` (Urdu speaker) records a £1,200 monthly direct payment from 1 November 2026 with City of Edinburgh.
- ``money_helper`` acts for the holder with the money scope; ``booking_helper`` only to book.
- ``officer``: council finance for Edinburgh (two-factor on); ``other_officer``: for Glasgow.
- ``stranger``: signed up, nothing to do with any of it.
"""

import datetime

import pytest

from marketplace.acting.models import Scope
from marketplace.budgets import services
from marketplace.budgets.models import HeldAs, ManagedBy, Period
from tests.factories import UserFactory
from tests.mfa import enable_totp
from tests.unit.bookings.conftest import arrangement

EDINBURGH = "S12000036"
GLASGOW = "S12000049"


@pytest.fixture
def holder(db):
    return UserFactory(email="holder@example.org", display_name="Amina Hussain", preferred_language="ur")


def record(person, amount_pence=120_000, period=Period.MONTHLY, start=datetime.date(2026, 11, 1), council=EDINBURGH):
    return services.record_budget(
        person,
        person,
        amount_pence=amount_pence,
        period=period,
        start_date=start,
        held_as=HeldAs.DIRECT_PAYMENT,
        managed_by=ManagedBy.SELF,
        council=council,
    )


@pytest.fixture
def budget(holder):
    return record(holder).budget


@pytest.fixture
def money_helper(holder):
    user = UserFactory(email="daughter@example.org", display_name="Sana Hussain")
    user.arrangement = arrangement(holder, user, [Scope.MONEY])
    return user


@pytest.fixture
def booking_helper(holder):
    user = UserFactory(email="booker@example.org")
    user.arrangement = arrangement(holder, user, [Scope.ENQUIRE, Scope.BOOK])
    return user


def make_officer(email, council):
    user = UserFactory(email=email, display_name="Fiona Finance")
    services.make_finance_officer(user, council)
    enable_totp(user)
    return user


@pytest.fixture
def officer(db):
    return make_officer("finance@example.org", EDINBURGH)


@pytest.fixture
def other_officer(db):
    return make_officer("finance@glasgow.example.org", GLASGOW)


@pytest.fixture
def stranger(db):
    return UserFactory(email="stranger@example.org")


def spend(person, amount_pence, day, description="Shopping for a day out", kind="receipt"):
    return services.add_spending(
        person, person, kind=kind, amount_pence=amount_pence, occurred_on=day, description=description
    )
