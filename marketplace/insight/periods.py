"""Periods are whole months: the demand figures are kept by month, and a month is what commissioners report on."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

MONTHS_OFFERED = 36


def first_of_month(day):
    return day.replace(day=1)


def add_months(month, count):
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def recent_months(today=None, count=MONTHS_OFFERED):
    """The first day of this month and of the months before it, newest first."""
    this_month = first_of_month(today or timezone.localdate())
    return [add_months(this_month, -offset) for offset in range(count)]


@dataclass(frozen=True)
class Period:
    start: date  # first day of the first month
    end: date  # first day of the last month (inclusive)

    @property
    def months(self):
        months, month = [], self.start
        while month <= self.end:
            months.append(month)
            month = add_months(month, 1)
        return months

    @property
    def starts_at(self):
        return timezone.make_aware(datetime.combine(self.start, time.min))

    @property
    def ends_before(self):
        """The first moment after the period."""
        return timezone.make_aware(datetime.combine(add_months(self.end, 1), time.min))

    @property
    def last_day(self):
        return add_months(self.end, 1) - timedelta(days=1)
