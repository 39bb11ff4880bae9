"""What a period of the budget looks like: committed, spent, remaining, when the money runs out, and warnings.

- Spent: the sum of the period's ledger entries (refunds and corrections are negative).
- Committed: the planned visits still ahead in the period, of bookings the holder accepted, each priced from the
  booking's items (`Visit.amount_due_pence` is that price while a visit is planned).
- Remaining: the budget less spent and committed.
- Runs out: at the pace of spending so far in the period (spent per day elapsed), the day the spending reaches the
  budget; None when nothing is spent yet or the money lasts beyond the period.
- Warnings (thresholds are settings): an overspend ahead when spent and committed reach
  BUDGET_OVERSPEND_WARNING_PERCENT of the budget or the money runs out before the period ends; an unspent surplus
  (which a council may reclaim) when, after BUDGET_SURPLUS_WARNING_AFTER_PERCENT of the period has passed, more
  than BUDGET_SURPLUS_WARNING_PERCENT of the budget is left even counting what is committed.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone

from marketplace.bookings.models import Booking, Visit

from . import periods
from .models import Entry


@dataclass(frozen=True)
class Summary:
    span: periods.Span
    budget_pence: int
    spent_pence: int
    committed_pence: int
    runs_out_on: datetime.date | None
    overspend_warning: bool
    surplus_warning: bool

    @property
    def remaining_pence(self):
        return self.budget_pence - self.spent_pence - self.committed_pence

    @property
    def overspent(self):
        return self.remaining_pence < 0


def _local_midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def spent(budget, span):
    total = Entry.objects.filter(budget=budget, occurred_on__gte=span.start, occurred_on__lt=span.end).aggregate(
        total=Sum("amount_pence")
    )["total"]
    return total or 0


def committed(person, span, now):
    if person is None:
        return 0
    until = _local_midnight(span.end)
    if until <= now:
        return 0
    visits = Visit.objects.filter(
        booking__person=person,
        booking__status__in=Booking.AGREED,
        status=Visit.Status.PLANNED,
        starts_at__gte=max(now, _local_midnight(span.start)),
        starts_at__lt=until,
    )
    return visits.aggregate(total=Sum("amount_due_pence"))["total"] or 0


def runs_out_on(budget_pence, spent_pence, span, today):
    """The day spending at this period's pace reaches the budget, if that is within the period."""
    if today < span.start:
        return None
    elapsed = min((today - span.start).days + 1, span.days)
    if spent_pence <= 0:
        return None
    if budget_pence <= 0:
        return span.start
    # The first day k (1-based) with spent/elapsed * k >= budget, in whole numbers.
    day_number = -(-budget_pence * elapsed // spent_pence)
    day = span.start + datetime.timedelta(days=day_number - 1)
    return day if day < span.end else None


def summarise(budget, version, span, now=None):
    now = now or timezone.now()
    today = timezone.localdate(now)
    amount = version.amount_pence
    spent_pence = spent(budget, span)
    committed_pence = committed(budget.person, span, now)
    runs_out = runs_out_on(amount, spent_pence, span, today)
    outgoing = spent_pence + committed_pence
    overspend = outgoing * 100 >= amount * settings.BUDGET_OVERSPEND_WARNING_PERCENT or runs_out is not None
    elapsed = max(min((today - span.start).days + 1, span.days), 0)
    late_enough = elapsed * 100 >= span.days * settings.BUDGET_SURPLUS_WARNING_AFTER_PERCENT
    surplus = late_enough and (amount - outgoing) * 100 > amount * settings.BUDGET_SURPLUS_WARNING_PERCENT
    return Summary(span, amount, spent_pence, committed_pence, runs_out, overspend and amount > 0, surplus)


def current_span(version, now=None):
    today = timezone.localdate(now or timezone.now())
    return periods.span(version.start_date, version.period, periods.index_on(version.start_date, version.period, today))
