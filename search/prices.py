"""What a council pays as a direct payment: the rate to set beside providers' prices."""

from django.utils import timezone

from marketplace.core.generations import ProcessMemo

from .models import DirectPaymentRate

# Every results page asks for its council's rates: kept per process, by council and day, until a rate, council area
# or service type changes (`search.apps`). Callers only read the list.
_kept = ProcessMemo("direct-payment-rates", max_values=1000)


def rates_in_force(council_code, today=None):
    """Every rate in force today for the council with that GSS code, newest first: one query, or none when this
    process has read them already today."""
    if not council_code:
        return []
    code, today = council_code.strip().upper(), today or timezone.localdate()
    return _kept.get(
        (code, today), lambda: _in_force(DirectPaymentRate.objects.filter(council_area__gss_code=code), today)
    )


def rates_changed(*args, **kwargs):
    _kept.changed()


def rates_in_force_in(council_area, today=None):
    """Every rate in force today for a `providers.CouncilArea` row, newest first: one query."""
    return _in_force(DirectPaymentRate.objects.filter(council_area=council_area), today)


def _in_force(rates, today):
    return list(
        rates.filter(effective_from__lte=today or timezone.localdate())
        .select_related("council_area", "service_type")
        .order_by("-effective_from", "-pk")
    )


def choose(rates, slugs=()):
    """From `rates_in_force`, the rate for the first of `slugs` (service types) with its own rate, else the
    all-services rate; None when there is none."""
    for slug in slugs:
        specific = next((rate for rate in rates if rate.service_type and rate.service_type.slug == slug), None)
        if specific:
            return specific
    return next((rate for rate in rates if rate.service_type_id is None), None)


def direct_payment_rate(council_code, service_type_slug=None, today=None):
    """The rate in force today for that council, or None: the service type's own rate if it has one, else the
    rate for all services. `service_type_slug` may also be a list of slugs in order of preference."""
    slugs = [service_type_slug] if isinstance(service_type_slug, str) else list(service_type_slug or ())
    return choose(rates_in_force(council_code, today), slugs)
