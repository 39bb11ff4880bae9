"""Flow: what happens after a search, for the listings covering an area, month by month: enquiries sent, how
quickly suppliers first replied, bookings made and visits delivered. Spending waits for invoices (`spending`)."""

from statistics import median

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext as _

from marketplace.bookings.models import Booking, Visit
from marketplace.enquiries.models import Enquiry

from .forms import month_label
from .suppression import Figure, count, derived
from .tables import Table

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


def spending(area, period):
    """Spending by service type in the area and period: [(service type name, pence)].

    A seam for the invoices being built: it returns nothing until they exist, and the page says so."""
    return []


def spending_table(area, period):
    rows = [[name, Figure(f"{pence / 100:.2f}")] for name, pence in spending(area, period)]
    return Table(
        "spending",
        _("Spending by service type"),
        [_("Service type"), _("Spent (£)")],
        rows,
        note=_("Spending will be shown here once invoices are paid through the site."),
    )


def tables(area, period, ids, locales=None):
    return [monthly(ids, period), spending_table(area, period)]
