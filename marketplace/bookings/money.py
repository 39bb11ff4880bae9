"""Money in whole pence. Rate cards hold Decimal pounds: they become pence once, here, on the way in.

What a visit costs: each item of the booking, per unit. An hourly item is priced by the minute (rounded half up to
a penny); every other unit (a visit, session, half day, day, night, sleepover, fixed price) counts once per visit.
A late-cancellation charge is the booking's percentage of the planned visit's price, rounded half up."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

HOURLY = "hour"


def pence(pounds):
    """Decimal (or string) pounds to whole pence, rounded half up; ValueError for anything that is not a number."""
    try:
        value = Decimal(pounds)
    except (InvalidOperation, TypeError) as error:
        raise ValueError(pounds) from error
    if not value.is_finite():
        raise ValueError(pounds)
    return int((value * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def as_pounds(amount_pence):
    """Pence as pounds for people to read: £1,234.50."""
    sign = "-" if amount_pence < 0 else ""
    whole, part = divmod(abs(int(amount_pence)), 100)
    return f"{sign}£{whole:,}.{part:02d}"


def item_amount(amount_pence, unit, minutes):
    if unit == HOURLY:
        return (amount_pence * minutes * 2 + 60) // 120
    return amount_pence


def visit_amount(items, minutes):
    """The price of a visit of `minutes` under the booking's `items` (objects with amount_pence and unit)."""
    return sum(item_amount(item.amount_pence, item.unit, max(minutes, 0)) for item in items)


def charge(amount_pence, percent):
    return (amount_pence * percent * 2 + 100) // 200
