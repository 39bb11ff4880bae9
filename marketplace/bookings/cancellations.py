"""Cancelling a visit or a whole booking, under the booking's terms: when the person's side cancels a visit that
starts within the notice period, they owe the booking's percentage of its planned price; in time, nothing. A
supplier's cancellation never costs the person anything. A booking's cancellation cancels its visits still to come
(each charged or not by the same rule); visits already started stay for the supplier to confirm."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _

from . import money, notifications
from .models import Booking, Side, Visit
from .offers import locked as locked_booking
from .visits import locked as locked_visit
from .workflows import BOOKING_WORKFLOW, VISIT_WORKFLOW


def is_late(visit, now):
    return visit.starts_at - now < timedelta(hours=visit.booking.notice_hours)


def charge_for(visit, side, now):
    """What cancelling `visit` now would cost the person, in pence."""
    if side != Side.PERSON or not is_late(visit, now):
        return 0
    planned = money.visit_amount(visit.booking.items.all(), visit.minutes_planned)
    return money.charge(planned, visit.booking.cancellation_charge_percent)


def _cancel(visit, by, side, reason, now):
    if visit.status == Visit.Status.PLANNED and visit.starts_at <= now:
        raise ValidationError(_("This visit has started, so it cannot be cancelled."), code="started")
    amount = charge_for(visit, side, now)
    visit.amount_due_pence, visit.charged = amount, amount > 0
    visit.cancelled_at, visit.cancelled_by_side, visit.cancel_reason = now, side, (reason or "").strip()
    VISIT_WORKFLOW.apply(
        visit,
        "cancel",
        by,
        reason=reason,
        update_fields=["amount_due_pence", "charged", "cancelled_at", "cancelled_by_side", "cancel_reason"],
        now=now,
    )
    return visit


def cancel_visit(visit, by, side, reason, now=None):
    now = now or timezone.now()
    with transaction.atomic():
        visit = locked_visit(visit)
        if visit.booking.status not in Booking.AGREED:
            raise ValidationError(_("This booking is no longer in force."), code="wrong_state")
        _cancel(visit, by, side, reason, now)
        notifications.to_side(side, visit.booking, "visit_cancelled", visit, by_side=side)
    return visit


def cancel_booking(booking, by, side, reason, now=None):
    """Cancel the booking and its visits still to come; returns (booking, the cancelled visits)."""
    now = now or timezone.now()
    with transaction.atomic():
        booking = locked_booking(booking)
        prefetch_related_objects([booking], "items")
        booking.cancelled_by_side, booking.cancel_reason = side, (reason or "").strip()
        BOOKING_WORKFLOW.apply(
            booking, "cancel", by, reason=reason, update_fields=["cancelled_by_side", "cancel_reason"], now=now
        )
        cancelled = []
        for visit in booking.visits.select_for_update().filter(status=Visit.Status.PLANNED, starts_at__gt=now):
            visit.booking = booking
            cancelled.append(_cancel(visit, by, side, reason, now))
        charged = sum(visit.amount_due_pence for visit in cancelled)
        notifications.to_side(side, booking, "booking_cancelled", by_side=side, charged=charged)
    return booking, cancelled
