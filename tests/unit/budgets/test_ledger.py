"""Ledger arithmetic to the penny: periods, spent, committed (from accepted bookings), remaining, the run-out date and
the warnings."""

import datetime

import pytest
from freezegun import freeze_time

from marketplace.bookings import offers
from marketplace.bookings.models import Visit
from marketplace.budgets import ledger, periods
from marketplace.budgets.models import Budget, Period
from marketplace.payments import signals
from tests.unit.bookings.conftest import make_enquiry, publish, weekly_draft
from tests.unit.providers.conftest import make_listing, make_organisation

from .conftest import record, spend

D = datetime.date


def test_monthly_periods_from_the_31st_keep_to_the_31st():
    start = D(2027, 1, 31)
    assert [periods.period_start(start, Period.MONTHLY, i) for i in range(4)] == [
        D(2027, 1, 31),
        D(2027, 2, 28),
        D(2027, 3, 31),
        D(2027, 4, 30),
    ]
    assert periods.index_on(start, Period.MONTHLY, D(2027, 2, 27)) == 0
    assert periods.index_on(start, Period.MONTHLY, D(2027, 2, 28)) == 1
    assert periods.index_on(start, Period.MONTHLY, D(2027, 3, 30)) == 1


@pytest.mark.parametrize(
    ("period", "day", "expected"),
    [
        (Period.WEEKLY, D(2026, 11, 8), (1, D(2026, 11, 8), D(2026, 11, 15))),
        (Period.FOUR_WEEKLY, D(2026, 11, 28), (0, D(2026, 11, 1), D(2026, 11, 29))),
        (Period.FOUR_WEEKLY, D(2026, 11, 29), (1, D(2026, 11, 29), D(2026, 12, 27))),
        (Period.YEARLY, D(2027, 10, 31), (0, D(2026, 11, 1), D(2027, 11, 1))),
        (Period.YEARLY, D(2027, 11, 1), (1, D(2027, 11, 1), D(2028, 11, 1))),
    ],
)
def test_periods_of_each_length(period, day, expected):
    start = D(2026, 11, 1)
    index = periods.index_on(start, period, day)
    found = periods.span(start, period, index)
    assert (found.index, found.start, found.end) == expected


@freeze_time("2026-11-10 12:00:00")
def test_spent_remaining_and_run_out_date_to_the_penny(holder):
    version = record(holder, amount_pence=120_000)
    spend(holder, 30_000, D(2026, 11, 2))
    spend(holder, 20_001, D(2026, 11, 9), kind="wages", description="Wages for October")
    spend(holder, 99_999, D(2026, 10, 31))  # the period before: not this one
    signals.refund_made.send(
        sender=None,
        person=holder,
        amount_pence=1,
        occurred_at=datetime.datetime(2026, 11, 10, 9, tzinfo=datetime.UTC),
        reference="INV-0001",
        supplier_name="Leith Home Support",
        key="refund:re_1",
    )
    summary = ledger.summarise(version.budget, version, ledger.current_span(version))
    assert (summary.span.start, summary.span.end) == (D(2026, 11, 1), D(2026, 12, 1))
    assert summary.spent_pence == 50_000
    assert summary.committed_pence == 0
    assert summary.remaining_pence == 70_000
    # £500 in 10 days is £50 a day: £1,200 is reached on day 24.
    assert summary.runs_out_on == D(2026, 11, 24)
    assert summary.overspend_warning
    assert not summary.surplus_warning


@freeze_time("2026-11-10 12:00:00")
def test_slow_spending_lasts_the_period_without_warnings(holder):
    version = record(holder, amount_pence=120_000)
    spend(holder, 10_000, D(2026, 11, 2))
    summary = ledger.summarise(version.budget, version, ledger.current_span(version))
    assert summary.runs_out_on is None
    assert summary.remaining_pence == 110_000
    assert not summary.overspend_warning
    assert not summary.surplus_warning  # only a third of the way through: too early to say


@freeze_time("2026-11-27 12:00:00")
def test_surplus_warning_late_in_the_period(holder):
    version = record(holder, amount_pence=120_000)
    spend(holder, 40_000, D(2026, 11, 2))
    summary = ledger.summarise(version.budget, version, ledger.current_span(version))
    assert summary.surplus_warning
    assert not summary.overspend_warning


@freeze_time("2026-11-10 12:00:00")
def test_committed_is_the_accepted_bookings_planned_visits_ahead_in_the_period(holder):
    owner_listing = publish(make_listing(organisation=make_organisation(_owner()), title="Leith home support"))
    enquiry = make_enquiry(holder, owner_listing)
    # Mondays and Thursdays 09:00-11:00 at £18.50 an hour, from Monday 16 November.
    offer = offers.make_offer(enquiry, weekly_draft(owner_listing), enquiry.listing.supplier.memberships.first().user)
    booking = offers.accept(offer, holder, holder)
    version = record(holder, amount_pence=120_000)
    summary = ledger.summarise(version.budget, version, ledger.current_span(version))
    # 16, 19, 23, 26 and 30 November: five visits of two hours at £18.50 = £185.00.
    assert summary.committed_pence == 5 * 2 * 1850
    assert summary.remaining_pence == 120_000 - 18_500
    # Priced from the booking's items, as the bookings app prices a planned visit.
    visits = Visit.objects.filter(booking=booking, starts_at__lt=datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC))
    assert sum(visit.amount_due_pence for visit in visits) == 18_500
    # A cancelled visit is no longer committed.
    Visit.objects.filter(pk=visits.first().pk).update(status=Visit.Status.CANCELLED, amount_due_pence=0)
    assert ledger.summarise(version.budget, version, ledger.current_span(version)).committed_pence == 14_800
    # The next period holds the visits planned there (the eight-week horizon reaches into December).
    december = periods.span(version.start_date, version.period, 1)
    assert ledger.summarise(version.budget, version, december).committed_pence > 0


def _owner():
    from tests.factories import UserFactory

    return UserFactory(email="owner@example.org")


@freeze_time("2026-11-10 12:00:00")
def test_a_correction_reverses_an_entry_once(holder):
    from django.core.exceptions import ValidationError

    from marketplace.budgets import services

    version = record(holder, amount_pence=120_000)
    entry = spend(holder, 12_345, D(2026, 11, 3))
    correction = services.correct(holder, holder, entry.pk)
    assert correction.amount_pence == -12_345
    with pytest.raises(ValidationError):
        services.correct(holder, holder, entry.pk)
    with pytest.raises(ValidationError):
        services.correct(holder, holder, correction.pk)
    assert ledger.summarise(version.budget, version, ledger.current_span(version)).spent_pence == 0


@freeze_time("2026-11-10 12:00:00")
def test_a_new_version_changes_the_budget_and_keeps_the_old_one(holder):
    first = record(holder, amount_pence=120_000)
    second = record(holder, amount_pence=30_000, period=Period.WEEKLY, start=D(2026, 11, 9))
    budget = Budget.objects.get(person=holder)
    assert budget.current == second
    assert list(budget.versions.all()) == [second, first]
    first.refresh_from_db()
    assert first.amount_pence == 120_000
    span = ledger.current_span(second)
    assert (span.start, span.end) == (D(2026, 11, 9), D(2026, 11, 16))


def test_payments_from_the_site_are_not_corrected_by_hand(holder):
    from django.core.exceptions import ValidationError

    from marketplace.budgets import services

    record(holder)
    signals.payment_received.send(
        sender=None,
        person=holder,
        amount_pence=18_500,
        occurred_at=datetime.datetime(2026, 11, 10, 9, tzinfo=datetime.UTC),
        reference="INV-0002",
        supplier_name="Leith Home Support",
        key="invoice-payment:2",
    )
    payment = Budget.objects.get(person=holder).entries.get()
    assert not payment.is_correctable
    with pytest.raises(ValidationError, match="ask the supplier"):
        services.correct(holder, holder, payment.pk)
