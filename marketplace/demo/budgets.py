"""Demo personal budgets, in their holders' languages:

- person@example.org (Amina Hussain, Urdu): a £1,450 four-weekly direct payment with City of Edinburgh, managed by
  herself; PA wages through payroll and receipts added by hand (one corrected); shared with the council, so
  finance@example.org (Council finance, Edinburgh) sees it, and Amina sees that they looked.
- second.person@example.org (Màiri MacLeod, Gaelic): a £9,800 yearly individual service fund with Highland,
  managed by a provider; spending added by hand; not shared.

Run after the demo users and helpers exist; running again changes nothing.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from marketplace.budgets import services
from marketplace.budgets.models import Budget, Entry, HeldAs, ManagedBy, Period
from marketplace.core.demo_guard import refuse_demo_data

from .users import FINANCE_EMAIL

EDINBURGH, HIGHLAND = "S12000036", "S12000017"

# email, amount, period, days since the start, held as, managed by, council, shared, spending
# spending: (days ago, kind, pence, what it was for, paid to)
BUDGETS = [
    (
        "person@example.org",
        145_000,
        Period.FOUR_WEEKLY,
        10,
        HeldAs.DIRECT_PAYMENT,
        ManagedBy.SELF,
        EDINBURGH,
        True,
        [
            (9, Entry.Kind.WAGES, 41_250, "ذاتی معاون کی تنخواہ (پے رول)", "Lothian Payroll Services"),
            (6, Entry.Kind.RECEIPT, 3_480, "کمیونٹی سینٹر میں ورزش کی کلاس", "Leith Community Centre"),
            (4, Entry.Kind.OTHER, 1_200, "ٹیکسی، ہسپتال تک", "City Cabs"),
            (2, Entry.Kind.WAGES, 41_250, "ذاتی معاون کی تنخواہ (پے رول)", "Lothian Payroll Services"),
        ],
    ),
    (
        "second.person@example.org",
        980_000,
        Period.YEARLY,
        120,
        HeldAs.ISF,
        ManagedBy.PROVIDER,
        HIGHLAND,
        False,
        [
            (100, Entry.Kind.OTHER, 185_000, "Taic aig an taigh, an Lùnastal", "Highland Care Co-op"),
            (70, Entry.Kind.OTHER, 185_000, "Taic aig an taigh, an t-Sultain", "Highland Care Co-op"),
            (40, Entry.Kind.RECEIPT, 6_500, "Clas ciùil sa choimhearsnachd", "Comann Ciùil Inbhir Nis"),
            (10, Entry.Kind.OTHER, 185_000, "Taic aig an taigh, an Dàmhair", "Highland Care Co-op"),
        ],
    ),
]


@transaction.atomic
def load():
    """Create the demo budgets where missing. Returns counts of what was made."""
    refuse_demo_data()
    User = get_user_model()
    counts = {"budgets": 0, "entries": 0}
    today = timezone.localdate()
    for email, amount, period, started, held_as, managed_by, council, shared, spending in BUDGETS:
        person = User.objects.filter(email__iexact=email).first()
        if person is None or Budget.objects.filter(person=person, versions__isnull=False).exists():
            continue
        services.record_budget(
            person,
            person,
            amount_pence=amount,
            period=period,
            start_date=today - datetime.timedelta(days=started),
            held_as=held_as,
            managed_by=managed_by,
            council=council,
        )
        counts["budgets"] += 1
        entries = []
        for days_ago, kind, pence, description, paid_to in spending:
            entries.append(
                services.add_spending(
                    person,
                    person,
                    kind=kind,
                    amount_pence=pence,
                    occurred_on=today - datetime.timedelta(days=days_ago),
                    description=description,
                    supplier_name=paid_to,
                )
            )
        # The taxi was entered twice by mistake: the second is corrected, as a reversing entry.
        if email == "person@example.org":
            duplicate = services.add_spending(
                person,
                person,
                kind=Entry.Kind.OTHER,
                amount_pence=1_200,
                occurred_on=today - datetime.timedelta(days=4),
                description="ٹیکسی، ہسپتال تک",
                supplier_name="City Cabs",
            )
            services.correct(person, person, duplicate.pk)
            entries += [duplicate, None]
        counts["entries"] += len(entries)
        if shared:
            services.share(person, person)
    finance = User.objects.filter(email__iexact=FINANCE_EMAIL).first()
    if finance is not None:
        services.make_finance_officer(finance, EDINBURGH)
        amina = Budget.objects.filter(person__email__iexact="person@example.org", shared_with=EDINBURGH).first()
        if amina is not None and not amina.looks.exists():
            services.record_look(amina, finance, "council_finance", "ledger")
    return {name: count for name, count in counts.items() if count}
