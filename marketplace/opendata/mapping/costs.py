"""The rate card as ORUK cost options: amounts in pounds (GBP), each for its unit and the days it applies to."""

from django.utils.translation import gettext as _

from .. import ids
from .common import compact

CURRENCY = "GBP"


def amount(value):
    """A Decimal of pounds and pence as a JSON number (12.50 → 12.5): every rate card amount has two decimal places
    and at most seven digits, so the float's shortest form is the same number."""
    return float(value)


def cost_options(listing):
    service_id = ids.service(listing.pk)
    return [
        compact(
            id=ids.stable_id("cost_option", rate.pk),
            service_id=service_id,
            option=f"{rate.description} ({rate.notes})" if rate.notes else rate.description,
            amount=amount(rate.amount),
            amount_description=_("%(unit)s, %(days)s")
            % {"unit": rate.get_unit_display(), "days": rate.get_day_type_display().lower()},
            currency=CURRENCY,
        )
        for rate in listing.rates.all()
    ]
