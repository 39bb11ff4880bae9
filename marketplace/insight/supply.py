"""Supply: the listings covering an area, by need and service type, with who offers them and how current they are."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from providers.models import Listing, Supplier, Verification
from providers.models.listings import reconfirm_after

from . import labels
from .models import DemandFigure
from .suppression import count
from .tables import Table

Dimension = DemandFigure.Dimension


def overview(ids, now=None):
    now = now or timezone.now()
    listings = Listing.objects.filter(pk__in=ids)
    due_from = now - reconfirm_after() + timedelta(days=settings.LISTING_REMINDER_DAYS)
    figures = listings.aggregate(
        listings=Count("pk", distinct=True),
        organisations=Count("supplier", filter=Q(supplier__kind=Supplier.Kind.ORGANISATION), distinct=True),
        assistants=Count("supplier", filter=Q(supplier__kind=Supplier.Kind.PERSONAL_ASSISTANT), distinct=True),
        accepting=Count("pk", filter=Q(accepting_new_clients=True), distinct=True),
        short_notice=Count("pk", filter=Q(short_notice_cover=True), distinct=True),
        fresh=Count("pk", filter=Q(last_confirmed_at__gt=due_from), distinct=True),
        due=Count(
            "pk",
            filter=Q(last_confirmed_at__lte=due_from, last_confirmed_at__gt=now - reconfirm_after()),
            distinct=True,
        ),
        stale=Count("pk", filter=Q(last_confirmed_at__lte=now - reconfirm_after()), distinct=True),
    )
    verified = (
        Verification.objects.current(today=timezone.localdate(now))
        .filter(supplier__listings__pk__in=ids)
        .values("supplier")
        .distinct()
        .count()
    )
    suppliers = figures["organisations"] + figures["assistants"]
    rows = [
        (_("Listings covering the area"), figures["listings"]),
        (_("Organisations"), figures["organisations"]),
        (_("Personal assistants"), figures["assistants"]),
        (_("Listings accepting new clients"), figures["accepting"]),
        (_("Listings offering short-notice cover"), figures["short_notice"]),
        (_("Suppliers with at least one current check"), verified),
        (_("Suppliers with no current check"), max(suppliers - verified, 0)),
        (_("Listings confirmed recently"), figures["fresh"]),
        (_("Listings due to be confirmed"), figures["due"]),
        (_("Listings not confirmed recently"), figures["stale"]),
    ]
    return Table(
        "supply-overview",
        _("Supply at a glance"),
        [_("Figure"), _("Count")],
        [[label, count(value)] for label, value in rows],
        chart_column=1,
    )


def by_term(ids, dimension, caption, slug, locales=None):
    """Listings, suppliers and listings accepting new clients for each need, service type or language."""
    relation = {Dimension.NEED: "needs", Dimension.SERVICE: "service_types", Dimension.LANGUAGE: "languages"}[dimension]
    field = {Dimension.NEED: "need", Dimension.SERVICE: "servicetype", Dimension.LANGUAGE: "language"}[dimension]
    through = getattr(Listing, relation).through
    found = {
        row["slug"]: row
        for row in through.objects.filter(listing_id__in=ids)
        .values(slug=F(f"{field}__slug"))
        .annotate(
            listings=Count("listing_id", distinct=True),
            suppliers=Count("listing__supplier_id", distinct=True),
            accepting=Count("listing_id", filter=Q(listing__accepting_new_clients=True), distinct=True),
        )
        .order_by()
    }
    empty = {"listings": 0, "suppliers": 0, "accepting": 0}
    rows = [
        [name, count(row["listings"]), count(row["suppliers"]), count(row["accepting"])]
        for term_slug, name in labels.names(dimension, locales)
        for row in [found.get(term_slug, empty)]
    ]
    columns = [_("Name"), _("Listings"), _("Suppliers"), _("Listings accepting new clients")]
    return Table(slug, caption, columns, rows, chart_column=2)


def tables(area, period, ids, locales=None):
    return [
        overview(ids),
        by_term(ids, Dimension.NEED, _("Supply by need"), "supply-needs", locales),
        by_term(ids, Dimension.SERVICE, _("Supply by service type"), "supply-services", locales),
        by_term(ids, Dimension.LANGUAGE, _("Languages offered"), "supply-languages", locales),
    ]
