"""What a council finance officer sees: simple flags per shared ledger, and a monitoring return per person and period.

Flags (thresholds are settings): nothing spent for BUDGET_INACTIVE_WEEKS weeks; overspent in the current period
(spent more than the budget); a single payment over BUDGET_LARGE_PAYMENT_PENCE in the current period.
"""

import csv
import datetime
import io
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from marketplace.bookings.money import as_pounds

from . import councils, ledger, periods
from .models import BudgetVersion, Entry

SPENDING = (Entry.Kind.PAYMENT, Entry.Kind.WAGES, Entry.Kind.RECEIPT, Entry.Kind.OTHER)
LOOK_BACK_DAYS = 400  # the longest period (a year) and some


@dataclass(frozen=True)
class Row:
    budget: object
    version: object
    span: object
    spent_pence: int
    inactive: bool
    overspent: bool
    large_payment: bool

    @property
    def flagged(self):
        return self.inactive or self.overspent or self.large_payment


def rows(budgets, now=None):
    """Flags for each of `budgets` in three queries, whatever their number."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    since = today - datetime.timedelta(days=LOOK_BACK_DAYS)
    budgets = budgets.select_related("person").prefetch_related(
        Prefetch("versions", queryset=BudgetVersion.objects.order_by("-recorded_at", "-pk"), to_attr="newest_first"),
        Prefetch("entries", queryset=Entry.objects.filter(occurred_on__gte=since), to_attr="recent_entries"),
    )
    quiet_since = today - datetime.timedelta(weeks=settings.BUDGET_INACTIVE_WEEKS)
    result = []
    for budget in budgets.order_by("person__display_name", "pk"):
        version = budget.newest_first[0] if budget.newest_first else None
        entries = budget.recent_entries
        inactive = not any(e.kind in SPENDING and e.occurred_on > quiet_since for e in entries)
        if version is None:
            result.append(Row(budget, None, None, 0, inactive, False, False))
            continue
        span = ledger.current_span(version, now)
        in_period = [e for e in entries if span.start <= e.occurred_on < span.end]
        spent = sum(e.amount_pence for e in in_period)
        large = any(e.kind in SPENDING and e.amount_pence > settings.BUDGET_LARGE_PAYMENT_PENCE for e in in_period)
        result.append(Row(budget, version, span, spent, inactive, spent > version.amount_pence, large))
    return result


def inactive_label():
    """The flag's wording, for the BUDGET_INACTIVE_WEEKS this site uses."""
    weeks = settings.BUDGET_INACTIVE_WEEKS
    return ngettext("Nothing spent for %(weeks)d week", "Nothing spent for %(weeks)d weeks", weeks) % {"weeks": weeks}


def _safe(text):
    """Spreadsheet programs run cells starting with these as formulas: make them plain text."""
    text = str(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _money(amount_pence):
    sign = "-" if amount_pence < 0 else ""
    whole, part = divmod(abs(amount_pence), 100)
    return f"{sign}{whole}.{part:02d}"


@dataclass(frozen=True)
class Return:
    """The monitoring return for one person and period, whatever its format: who, what budget, every entry, totals."""

    summary: object
    details: list  # (label, value) pairs
    entries: list


def monitoring_return(budget, version, span, now=None):
    summary = ledger.summarise(budget, version, span, now)
    entries = Entry.objects.filter(budget=budget, occurred_on__gte=span.start, occurred_on__lt=span.end).order_by(
        "occurred_on", "pk"
    )
    person = budget.person
    details = [
        (_("Budget holder"), person.display_name or person.email),
        (_("Council"), councils.name(version.council)),
        (_("How the budget is held"), version.get_held_as_display()),
        (_("Who manages it"), version.get_managed_by_display()),
    ]
    return Return(summary, details, list(entries))


def return_csv(budget, version, span, now=None):
    found = monitoring_return(budget, version, span, now)
    summary = found.summary
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow([_("Monitoring return")])
    writer.writerow([found.details[0][0], _safe(found.details[0][1])])
    writer.writerow([found.details[1][0], _safe(found.details[1][1])])
    writer.writerow([_("Period"), span.start.isoformat(), span.last_day.isoformat()])
    for label, value in found.details[2:]:
        writer.writerow([label, value])
    writer.writerow([_("Budget for the period (£)"), _money(summary.budget_pence)])
    writer.writerow([])
    writer.writerow([_("Date"), _("Kind"), _("Paid to"), _("What it was for"), _("Amount (£)"), _("Receipt")])
    for entry in found.entries:
        writer.writerow(
            [
                entry.occurred_on.isoformat(),
                entry.get_kind_display(),
                _safe(entry.supplier_name),
                _safe(entry.description),
                _money(entry.amount_pence),
                _("yes") if entry.receipt else "",
            ]
        )
    writer.writerow([])
    writer.writerow([_("Spent (£)"), _money(summary.spent_pence)])
    writer.writerow([_("Committed (£)"), _money(summary.committed_pence)])
    writer.writerow([_("Remaining (£)"), _money(summary.remaining_pence)])
    return output.getvalue()


def return_filename(budget, span, extension="csv"):
    return f"monitoring-return-{budget.pk}-{span.start.isoformat()}.{extension}"


def describe(amount_pence):
    return as_pounds(amount_pence)


def span_for(version, index):
    return periods.span(version.start_date, version.period, index)
