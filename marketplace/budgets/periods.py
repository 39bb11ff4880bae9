"""Budget periods: from the budget's start date, every week, four weeks, calendar month or year.

A month (or year) that starts on the 31st (or 29 February) starts on the last day of a shorter month instead, and
the next period returns to the 31st: periods are counted from the start date, never from the previous period.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from .models import Period


@dataclass(frozen=True)
class Span:
    index: int  # 0 for the first period from the start date
    start: date
    end: date  # the first day of the next period

    @property
    def days(self):
        return (self.end - self.start).days

    @property
    def last_day(self):
        return self.end - timedelta(days=1)


def _add_months(day, months):
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def period_start(start, period, index):
    if period == Period.WEEKLY:
        return start + timedelta(weeks=index)
    if period == Period.FOUR_WEEKLY:
        return start + timedelta(weeks=4 * index)
    if period == Period.MONTHLY:
        return _add_months(start, index)
    if period == Period.YEARLY:
        return _add_months(start, 12 * index)
    raise ValueError(period)


def span(start, period, index):
    return Span(index, period_start(start, period, index), period_start(start, period, index + 1))


def index_on(start, period, day):
    """The index of the period holding `day` (0 for any day before the start)."""
    if day <= start:
        return 0
    if period in (Period.WEEKLY, Period.FOUR_WEEKLY):
        return (day - start).days // (7 if period == Period.WEEKLY else 28)
    months = (day.year - start.year) * 12 + day.month - start.month
    step = 12 if period == Period.YEARLY else 1
    index = max(months // step, 0)
    while index > 0 and period_start(start, period, index) > day:
        index -= 1
    while period_start(start, period, index + 1) <= day:
        index += 1
    return index
