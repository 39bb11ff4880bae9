"""Demo direct-payment rates, so the demo's results and listing pages can compare prices with a council rate.

The figures are illustrative, not the councils' real rates: each row says so in its notes.
"""

from datetime import date
from decimal import Decimal

from providers.models import CouncilArea
from search.models import DirectPaymentRate

DEMO_RATES = {
    "Edinburgh": "21.20",
    "Glasgow City": "20.50",
    "Aberdeen City": "20.80",
    "Dundee City": "20.10",
    "Highland": "21.60",
    "Cardiff": "19.40",
    "City and Borough of Leeds": "18.90",
}


def load_direct_payment_rates():
    """One all-services rate per demo council that exists (idempotent); returns how many were created."""
    created = 0
    for council in CouncilArea.objects.filter(name__in=DEMO_RATES):
        _, made = DirectPaymentRate.objects.get_or_create(
            council_area=council,
            service_type=None,
            effective_from=date(2026, 4, 1),
            defaults={
                "hourly_rate": Decimal(DEMO_RATES[council.name]),
                "notes": "Demo figure for trying the site: not the council's published rate.",
            },
        )
        created += made
    return created
