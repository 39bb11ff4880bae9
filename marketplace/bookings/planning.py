"""Planned visits from a booking's schedule, over a rolling horizon (`BOOKING_VISIT_HORIZON_DAYS`, eight weeks by
default), and the changes time makes: an accepted booking becomes active when its first visit starts and ends after
its last date; an offer nobody answered expires; a delivered visit nobody approved or disputed is approved after
`BOOKING_AUTO_APPROVE_HOURS`. `run_due(now)` does all of it and is safe to run as often as wanted (cron:
`manage.py update_bookings`)."""

from datetime import time, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from . import money, notifications
from .models import Booking, Visit
from .schedule import aware, minutes_between, occurrences
from .workflows import BOOKING_WORKFLOW, VISIT_WORKFLOW


def horizon(today):
    return today + timedelta(days=settings.BOOKING_VISIT_HORIZON_DAYS)


def plan_visits(booking, now=None):
    """Create the booking's missing visits up to the horizon; returns how many were new. Visits before the day the
    offer was accepted are never made, and cancelled ones are never made again."""
    if booking.status not in Booking.AGREED:
        return 0
    now = now or timezone.now()
    today = timezone.localdate(now)
    accepted_on = timezone.localdate(booking.answered_at) if booking.answered_at else booking.start_date
    first = max(booking.start_date, accepted_on)
    last = min(booking.end_date, horizon(today)) if booking.end_date else horizon(today)
    if last < first:
        return 0
    items = list(booking.items.all())
    existing = set(booking.visits.filter(starts_at__gte=aware(first, time.min)).values_list("starts_at", flat=True))
    new = [
        Visit(
            booking=booking,
            starts_at=starts_at,
            ends_at=ends_at,
            amount_due_pence=money.visit_amount(items, minutes_between(starts_at, ends_at)),
        )
        for starts_at, ends_at in occurrences(booking.slots.all(), first, last)
        if starts_at not in existing
    ]
    Visit.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


def expire_offers(now):
    count = 0
    for booking in Booking.objects.filter(status__in=Booking.OPEN_OFFER, expires_at__lte=now).order_by("pk"):
        with transaction.atomic():
            booking = Booking.objects.select_for_update().get(pk=booking.pk)
            if booking.status in Booking.OPEN_OFFER and booking.expires_at <= now:
                BOOKING_WORKFLOW.apply(booking, "expire", None, now=now)
                notifications.to_supplier(booking, "offer_expired")
                count += 1
    return count


def start_bookings(now):
    started = Visit.objects.filter(booking=OuterRef("pk"), starts_at__lte=now).exclude(status=Visit.Status.CANCELLED)
    count = 0
    for booking in Booking.objects.filter(status=Booking.Status.ACCEPTED).filter(Exists(started)).order_by("pk"):
        with transaction.atomic():
            booking = Booking.objects.select_for_update().get(pk=booking.pk)
            if booking.status == Booking.Status.ACCEPTED:
                BOOKING_WORKFLOW.apply(booking, "start", None, now=now)
                count += 1
    return count


def start_if_due(booking, now):
    """Called with the booking locked, when a visit of an accepted booking is confirmed before the job ran."""
    if booking.status == Booking.Status.ACCEPTED:
        BOOKING_WORKFLOW.apply(booking, "start", None, now=now)


def end_bookings(now):
    today = timezone.localdate(now)
    count = 0
    for booking in Booking.objects.filter(status__in=Booking.AGREED, end_date__lt=today).order_by("pk"):
        with transaction.atomic():
            booking = Booking.objects.select_for_update().get(pk=booking.pk)
            if booking.status in Booking.AGREED and booking.end_date < today:
                BOOKING_WORKFLOW.apply(booking, "end", None, now=now)
                count += 1
    return count


def plan_all(now):
    count = 0
    for booking in Booking.objects.filter(status__in=Booking.AGREED).prefetch_related("items", "slots"):
        count += plan_visits(booking, now)
    return count


def auto_approve(now=None, visit_ids=None):
    """Approve delivered visits nobody approved or disputed within `BOOKING_AUTO_APPROVE_HOURS` of their (last)
    confirmation; `visit_ids` limits it to those visits (the task queued at confirmation). Returns how many."""
    now = now or timezone.now()
    due = now - timedelta(hours=settings.BOOKING_AUTO_APPROVE_HOURS)
    found = Visit.objects.filter(status=Visit.Status.DELIVERED, confirmed_at__lte=due)
    if visit_ids is not None:
        found = found.filter(pk__in=visit_ids)
    count = 0
    for visit in found.order_by("pk"):
        with transaction.atomic():
            visit = Visit.objects.select_for_update(of=("self",)).select_related("booking__supplier").get(pk=visit.pk)
            if visit.status != Visit.Status.DELIVERED or visit.confirmed_at > due:
                continue
            visit.approved_at, visit.approved_by, visit.auto_approved = now, None, True
            VISIT_WORKFLOW.apply(
                visit, "auto_approve", None, update_fields=["approved_at", "approved_by", "auto_approved"], now=now
            )
            notifications.to_supplier(visit.booking, "visit_approved", visit, automatic=True)
            count += 1
    return count


def run_due(now=None):
    """Everything time has made due, in an order where each step sees the one before."""
    from . import cover

    now = now or timezone.now()
    return {
        "offers expired": expire_offers(now),
        "bookings ended": end_bookings(now),
        "visits planned": plan_all(now),
        "bookings started": start_bookings(now),
        "visits approved automatically": auto_approve(now),
        "cover requests closed": cover.close_past(now),
    }
