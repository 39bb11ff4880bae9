"""Flow: what happens after a search, for the listings covering an area, month by month: enquiries sent, how
quickly suppliers first replied, bookings made and visits delivered; and money paid through the site by service
type (`spending`)."""

from collections import defaultdict
from decimal import Decimal
from statistics import median

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.bookings.models import Booking, Visit
from marketplace.enquiries.models import Enquiry
from marketplace.payments.invoices.models import Payment, Refund
from providers.models import Listing

from . import labels
from .forms import month_label
from .models import DemandFigure
from .suppression import THRESHOLD, Figure, count, derived
from .tables import Table

PENCE = Decimal("0.01")
BOOKINGS_MADE = (Booking.Status.ACCEPTED, Booking.Status.ACTIVE, Booking.Status.ENDED)
VISITS_DELIVERED = (
    Visit.Status.DELIVERED,
    Visit.Status.APPROVED,
    Visit.Status.DISPUTED,
    Visit.Status.REFERRED,
)


def _month_key(value):
    return value.date().replace(day=1) if hasattr(value, "date") else value.replace(day=1)


def _per_month(queryset, field):
    rows = queryset.annotate(month=TruncMonth(field)).values("month").annotate(n=Count("pk")).order_by()
    return {_month_key(row["month"]): row["n"] for row in rows}


def monthly(ids, period):
    in_period = {"__gte": period.starts_at, "__lt": period.ends_before}

    def between(field):
        return {f"{field}{suffix}": value for suffix, value in in_period.items()}

    enquiries = Enquiry.objects.filter(listing_id__in=ids, **between("created_at"))
    sent = _per_month(enquiries, "created_at")
    waits = {}
    for created, replied in enquiries.filter(first_reply_at__isnull=False).values_list("created_at", "first_reply_at"):
        waits.setdefault(_month_key(created), []).append((replied - created).total_seconds() / 3600)
    bookings = _per_month(
        Booking.objects.filter(listing_id__in=ids, status__in=BOOKINGS_MADE, **between("created_at")), "created_at"
    )
    visits = _per_month(
        Visit.objects.filter(booking__listing_id__in=ids, status__in=VISITS_DELIVERED, **between("starts_at")),
        "starts_at",
    )
    rows = []
    for month in period.months:
        replies = waits.get(month, [])
        rows.append(
            [
                month_label(month),
                count(sent.get(month, 0)),
                count(len(replies)),
                derived(round(median(replies), 1) if replies else None, len(replies)),
                count(bookings.get(month, 0)),
                count(visits.get(month, 0)),
            ]
        )
    columns = [
        _("Month"),
        _("Enquiries"),
        _("Enquiries with a reply"),
        _("Median hours to first reply"),
        _("Bookings made"),
        _("Visits delivered"),
    ]
    return Table("flow", _("Enquiries, replies, bookings and visits by month"), columns, rows, chart_column=1)


def spending(ids, period):
    """Money paid through the site for the listings `ids` in the period, net of refunds, by service type:
    {slug: (pence, people, suppliers)}, or (None, None, None) when nothing is shown for it.

    Totals over a run of months are made only from months in which at least five people paid at least five suppliers
    for that service type: otherwise the difference between two runs (January to June less January to May) would
    show one person's spending in June. A listing offering several service types counts under each of them."""
    in_period = {"status": "succeeded", "succeeded_at__gte": period.starts_at, "succeeded_at__lt": period.ends_before}
    fields = ("booking__listing_id", "person_id", "supplier_id")
    paid = Payment.objects.filter(invoice__booking__listing_id__in=ids, **in_period).values_list(
        *(f"invoice__{name}" for name in fields), "succeeded_at", "amount_pence"
    )
    refunded = Refund.objects.filter(payment__invoice__booking__listing_id__in=ids, **in_period).values_list(
        *(f"payment__invoice__{name}" for name in fields), "succeeded_at", "amount_pence"
    )
    by_listing = defaultdict(list)
    for rows, sign in ((paid, 1), (refunded, -1)):
        for listing, person, supplier, at, pence in rows:
            by_listing[listing].append((person, supplier, _month_key(timezone.localtime(at)), sign * pence))
    links = Listing.service_types.through.objects.filter(listing_id__in=by_listing).values_list(
        "listing_id", "servicetype__slug"
    )
    cells = defaultdict(lambda: [0, set(), set()])  # (slug, month) -> pence, people, suppliers
    for listing, slug in links:
        for person, supplier, month, pence in by_listing[listing]:
            cell = cells[slug, month]
            cell[0] += pence
            cell[1].add(person)
            cell[2].add(supplier)
    totals = {}
    for (slug, _month), (pence, people, suppliers) in cells.items():
        total = totals.setdefault(slug, [0, set(), set(), False])
        if len(people) >= THRESHOLD and len(suppliers) >= THRESHOLD:
            total[0] += pence
            total[1] |= people
            total[2] |= suppliers
            total[3] = True
    return {
        slug: (pence, len(people), len(suppliers)) if shown else (None, None, None)
        for slug, (pence, people, suppliers, shown) in totals.items()
    }


def spending_table(ids, period, locales=None):
    found = spending(ids, period)
    rows = []
    for slug, name in labels.names(DemandFigure.Dimension.SERVICE, locales):
        pence, people, suppliers = found.get(slug, (0, 0, 0))
        if pence is None:
            rows.append([name, *(Figure(None, suppressed=True) for _column in range(3))])
            continue
        rows.append([name, count(people), count(suppliers), Figure((Decimal(pence) / 100).quantize(PENCE))])
    return Table(
        "spending",
        _("Spending through the site by service type"),
        [_("Service type"), _("People who paid"), _("Suppliers paid"), _("Spent, less refunds (£)")],
        rows,
        chart_column=1,
        note=_(
            "Card payments of invoices made on this site, less refunds, by the day they were paid. A month in which "
            "fewer than 5 people paid, or fewer than 5 suppliers were paid, for a type of service is left out of "
            "that type's figures, so that nobody's spending can be worked out. A supplier offering several types "
            "of service counts under each. Spending outside the site (such as PA wages through payroll) is not "
            "included."
        ),
    )


def tables(area, period, ids, locales=None):
    return [monthly(ids, period), spending_table(ids, period, locales)]
