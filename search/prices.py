"""What a council pays as a direct payment: the rate to set beside providers' prices."""

from django.db.models import Q
from django.utils import timezone

from .models import DirectPaymentRate


def direct_payment_rate(council_area_name, service_type_slug=None, today=None):
    """The rate in force today for that council (matched by name, any case), or None when there is none.

    The service type's own rate if it has one, else the rate for all services; among those, the newest
    `effective_from` on or before today. `service_type_slug` may also be a list of slugs in order of preference (a
    listing's service types): the first with a rate of its own wins. Always one query, however many slugs.
    """
    if not council_area_name:
        return None
    slugs = [service_type_slug] if isinstance(service_type_slug, str) else list(service_type_slug or ())
    rates = list(
        DirectPaymentRate.objects.filter(
            Q(service_type__isnull=True) | Q(service_type__slug__in=slugs),  # slugs are the same in every language
            council_area__name__iexact=council_area_name.strip(),
            effective_from__lte=today or timezone.localdate(),
        )
        .select_related("council_area", "service_type")
        .order_by("-effective_from", "-pk")
    )
    for slug in slugs:
        specific = next((rate for rate in rates if rate.service_type and rate.service_type.slug == slug), None)
        if specific:
            return specific
    return next((rate for rate in rates if rate.service_type_id is None), None)
