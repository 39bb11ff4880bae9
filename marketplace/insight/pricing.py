"""Prices: for each service type, the spread of weekday hourly prices of the listings covering an area, beside the
council's direct-payment rate (search's `DirectPaymentRate`, the figure people see on listing pages)."""

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from statistics import quantiles

from django.utils.translation import gettext as _

from providers.models import Listing, RateCardItem
from search import prices as direct_payments

from . import labels
from .models import DemandFigure
from .suppression import Figure, count, derived
from .tables import Table

PENCE = Decimal("0.01")


def _money(value):
    return Decimal(value).quantize(PENCE, rounding=ROUND_HALF_UP)


def lowest_hourly(ids):
    """{listing id: (its lowest weekday hourly price, its supplier id)}: one query."""
    lowest = {}
    rows = RateCardItem.objects.filter(
        listing_id__in=ids, unit=RateCardItem.Unit.HOUR, day_type=RateCardItem.DayType.WEEKDAY
    ).values_list("listing_id", "listing__supplier_id", "amount")
    for listing, supplier, amount in rows:
        if listing not in lowest or amount < lowest[listing][0]:
            lowest[listing] = (amount, supplier)
    return lowest


def spread(amounts):
    """(lowest quarter, median, highest quarter) of some prices."""
    if len(amounts) == 1:
        return amounts[0], amounts[0], amounts[0]
    q1, median, q3 = quantiles(sorted(amounts), n=4, method="inclusive")
    return _money(q1), _money(median), _money(q3)


def table(area, ids, locales=None):
    lowest = lowest_hourly(ids)
    by_service = defaultdict(list)
    links = Listing.service_types.through.objects.filter(listing_id__in=ids).values_list(
        "listing_id", "servicetype__slug"
    )
    for listing, slug in links:
        if listing in lowest:
            by_service[slug].append(lowest[listing])
    rates = direct_payments.rates_in_force_in(area)
    rows = []
    for slug, name in labels.names(DemandFigure.Dimension.SERVICE, locales):
        found = by_service.get(slug, [])
        suppliers = len({supplier for _amount, supplier in found})
        amounts = [amount for amount, _supplier in found]
        low, median, high = spread(amounts) if amounts else (None, None, None)
        rate = direct_payments.choose(rates, [slug])
        rate_value = rate.hourly_rate if rate else None
        at_or_below = sum(1 for amount in amounts if rate_value is not None and amount <= rate_value)
        rows.append(
            [
                name,
                count(len(amounts)),
                count(suppliers),
                derived(low, suppliers),
                derived(median, suppliers),
                derived(high, suppliers),
                Figure(rate_value),
                count(at_or_below) if rate_value is not None else Figure(None),
            ]
        )
    columns = [
        _("Service type"),
        _("Listings with an hourly price"),
        _("Suppliers"),
        _("Lowest quarter (£ an hour)"),
        _("Median (£ an hour)"),
        _("Highest quarter (£ an hour)"),
        _("Direct-payment rate (£ an hour)"),
        _("Listings at or below the rate"),
    ]
    return Table(
        "prices",
        _("Weekday hourly prices by service type"),
        columns,
        rows,
        note=_(
            "Each listing counts once, at its lowest weekday hourly price. A quarter of listings charge less than "
            "the lowest-quarter price and a quarter more than the highest-quarter price."
        ),
    )


def tables(area, period, ids, locales=None):
    return [table(area, ids, locales)]
