"""What bookings add to other apps' pages: the person's account page, each supplier's dashboard and an enquiry's
thread page. Each builder runs a fixed number of queries, however many bookings and visits there are."""

from datetime import timedelta

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from marketplace.acting import context
from marketplace.acting.models import Scope
from marketplace.core import email_choices
from marketplace.core.permissions import acts_for

from . import notifications
from .models import Booking, CoverInvitation, Visit

UPCOMING = 5


def _upcoming(visits, now):
    return list(visits.upcoming(now).select_related("booking__supplier")[:UPCOMING])


def account_panel(user, request):
    now = timezone.now()
    counts = Booking.objects.filter(person=user).aggregate(
        total=Count("pk"),
        offers=Count("pk", filter=Q(status=Booking.Status.OFFERED)),
    )
    visits = Visit.objects.filter(booking__person=user)
    return {
        "template": "bookings/_account_panel.html",
        "has_bookings": counts["total"] > 0,
        "offers": counts["offers"],
        "to_approve": visits.filter(status=Visit.Status.DELIVERED).count(),
        "upcoming": _upcoming(visits, now) if counts["total"] else [],
        "emails_on": email_choices.wants(user, notifications.TOPIC),
    }


def dashboard_panel(supplier, request):
    now = timezone.now()
    visits = Visit.objects.filter(booking__supplier=supplier)
    counts = visits.aggregate(
        to_confirm=Count("pk", filter=Q(status=Visit.Status.PLANNED, starts_at__lte=now)),
        disputed=Count("pk", filter=Q(status=Visit.Status.DISPUTED)),
    )
    offers = Booking.objects.filter(supplier=supplier, status__in=Booking.OPEN_OFFER).aggregate(
        waiting=Count("pk", filter=Q(status=Booking.Status.OFFERED)),
        changes=Count("pk", filter=Q(status=Booking.Status.CHANGE_REQUESTED)),
    )
    return {
        "template": "bookings/_dashboard_panel.html",
        "upcoming": _upcoming(visits, now),
        "cover": CoverInvitation.objects.filter(
            supplier=supplier, status=CoverInvitation.Status.SENT, request__status="open"
        ).count(),
        **counts,
        **offers,
    }


def _visits_prefetch(now):
    return Prefetch(
        "visits",
        queryset=Visit.objects.filter(
            Q(status__in=[Visit.Status.DELIVERED, Visit.Status.DISPUTED, Visit.Status.REFERRED])
            | Q(status=Visit.Status.PLANNED, ends_at__gt=now - timedelta(days=7))
        ).order_by("starts_at", "pk"),
        to_attr="current_visits",
    )


def thread_section(enquiry, request, side):
    """The offer, booking and visits panel of a thread, for the side viewing it (`"person"` or `"supplier"`)."""
    user = request.user
    if not user.is_authenticated:
        return None
    if side == "person":
        if enquiry.person_id != context.principal(request).pk:
            return None
        if not context.may(request, Scope.BOOK):
            return {"template": "bookings/_thread_section.html", "no_scope": True, "side": side}
    elif side != "supplier" or not acts_for(user, "providers.act_for_supplier", enquiry.supplier):
        return None
    now = timezone.now()
    bookings = list(
        Booking.objects.filter(enquiry=enquiry)
        .exclude(status=Booking.Status.SUPERSEDED)
        .prefetch_related("items", "slots", _visits_prefetch(now))
        .order_by("-created_at", "-pk")
    )
    for booking in bookings:
        booking.shown_visits = booking.current_visits[: UPCOMING * 2]
    open_offer = next((b for b in bookings if b.is_open_offer), None)
    return {
        "template": "bookings/_thread_section.html",
        "side": side,
        "enquiry": enquiry,
        "bookings": bookings,
        "open_offer": open_offer,
        "can_offer": side == "supplier" and enquiry.status == "open",
        "now": now,
    }
