"""Demo direct-payment rates, so the demo's results and listing pages can compare prices with a council rate.

The figures are illustrative, not the councils' real rates: each row says so in its notes.
"""

from datetime import date
from decimal import Decimal

from providers.models import CouncilArea
from search.models import DirectPaymentRate

# By GSS code: City of Edinburgh, Glasgow City, Aberdeen City, Dundee City, Highland, Cardiff, Leeds.
DEMO_RATES = {
    "S12000036": "21.20",
    "S12000049": "20.50",
    "S12000033": "20.80",
    "S12000042": "20.10",
    "S12000017": "21.60",
    "W06000015": "19.40",
    "E08000035": "18.90",
}


def load_direct_payment_rates():
    """One all-services rate per demo council that exists (idempotent); returns how many were created."""
    created = 0
    for council in CouncilArea.objects.filter(gss_code__in=DEMO_RATES):
        _, made = DirectPaymentRate.objects.get_or_create(
            council_area=council,
            service_type=None,
            effective_from=date(2026, 4, 1),
            defaults={
                "hourly_rate": Decimal(DEMO_RATES[council.gss_code]),
                "notes": "Demo figure for trying the site: not the council's published rate.",
            },
        )
        created += made
    return created
