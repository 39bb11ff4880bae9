"""A person's bookings in their data download, and what deleting their account does to them.

A booking is also the supplier's record of work done and money due, so erasing keeps the booking, its items,
visits, times and amounts, and removes what is the person's: the link to them, the place, their words (change
requests, dispute and cancellation reasons, cover notes), their calendar feed and email choice. Offers still open
are declined and bookings in force cancelled (no charge: nobody is left to visit); visits already delivered keep
their state for the supplier and editors to settle."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from marketplace.core.models import StatusChange
from marketplace.core.privacy import iso

from .models import Booking, CalendarFeed, CoverRequest, Side, Visit
from .workflows import BOOKING_WORKFLOW, COVER_WORKFLOW, VISIT_WORKFLOW


def _visit(visit):
    return {
        "planned_start": iso(visit.starts_at),
        "planned_end": iso(visit.ends_at),
        "status": visit.status,
        "actual_start": iso(visit.actual_start),
        "actual_end": iso(visit.actual_end),
        "supplier_note": visit.supplier_note,
        "amount_due_pence": visit.amount_due_pence,
        "dispute_reason": visit.dispute_reason,
        "cancelled_by": visit.cancelled_by_side,
        "cancel_reason": visit.cancel_reason,
        "charged": visit.charged,
    }


def export(user, emails):
    bookings = (
        Booking.objects.filter(person=user)
        .select_related("supplier")
        .prefetch_related("items", "slots", "visits")
        .order_by("pk")
    )
    covers = CoverRequest.objects.filter(person=user).prefetch_related("needs").order_by("pk")
    return {
        "bookings": [
            {
                "reference": booking.reference,
                "supplier": booking.supplier.name,
                "support": booking.listing_title,
                "status": booking.status,
                "kind": booking.kind,
                "start_date": iso(booking.start_date),
                "end_date": iso(booking.end_date),
                "place": booking.place,
                "slots": [
                    {"weekday": slot.weekday, "start": iso(slot.start_time), "end": iso(slot.end_time)}
                    for slot in booking.slots.all()
                ],
                "items": [
                    {
                        "description": item.description,
                        "unit": item.unit,
                        "amount_pence": item.amount_pence,
                        "agreed_reason": item.agreed_reason,
                    }
                    for item in booking.items.all()
                ],
                "notice_hours": booking.notice_hours,
                "cancellation_charge_percent": booking.cancellation_charge_percent,
                "message": booking.message,
                "change_request": booking.change_request,
                "cancel_reason": booking.cancel_reason,
                "created_at": iso(booking.created_at),
                "visits": [_visit(visit) for visit in booking.visits.all()],
            }
            for booking in bookings
        ],
        "cover_requests": [
            {
                "booking": f"B{cover.booking_id:05d}",
                "date": iso(cover.date),
                "start": iso(cover.start_time),
                "end": iso(cover.end_time),
                "needs": [need.name for need in cover.needs.all()],
                "notes": cover.notes,
                "status": cover.status,
            }
            for cover in covers
        ],
        "calendar_feeds": [
            {"for_supplier": feed.supplier.name if feed.supplier else None, "created_at": iso(feed.created_at)}
            for feed in CalendarFeed.objects.filter(user=user).select_related("supplier")
        ],
    }


@transaction.atomic
def erase(user, emails):
    now = timezone.now()
    reason = "The person closed their account."
    for booking in Booking.objects.select_for_update().filter(person=user, status__in=Booking.OPEN_OFFER):
        BOOKING_WORKFLOW.apply(booking, "decline", None, reason=reason, now=now)
    for booking in Booking.objects.select_for_update().filter(person=user, status__in=Booking.AGREED):
        booking.cancelled_by_side = Side.PERSON
        BOOKING_WORKFLOW.apply(booking, "cancel", None, reason=reason, update_fields=["cancelled_by_side"], now=now)
        for visit in booking.visits.select_for_update().filter(status=Visit.Status.PLANNED, starts_at__gt=now):
            visit.cancelled_at, visit.cancelled_by_side, visit.amount_due_pence = now, Side.PERSON, 0
            VISIT_WORKFLOW.apply(
                visit,
                "cancel",
                None,
                reason=reason,
                update_fields=["cancelled_at", "cancelled_by_side", "amount_due_pence"],
                now=now,
            )
    ids = list(Booking.objects.filter(person=user).values_list("pk", flat=True))
    for cover in CoverRequest.objects.select_for_update().filter(person=user, status=CoverRequest.Status.OPEN):
        COVER_WORKFLOW.apply(cover, "cancel", None, reason=reason, now=now)
    _forget_words(ids)
    Booking.objects.filter(pk__in=ids).update(person=None, place="", change_request="")
    CoverRequest.objects.filter(person=user).update(person=None, notes="")
    CalendarFeed.objects.filter(user=user).delete()


def _forget_words(booking_ids):
    """Blank what the person's side wrote, on the rows and in their recorded status changes."""
    visits = Visit.objects.filter(booking_id__in=booking_ids)
    person_cancelled_visits = list(visits.filter(cancelled_by_side=Side.PERSON).values_list("pk", flat=True))
    person_cancelled = list(
        Booking.objects.filter(pk__in=booking_ids, cancelled_by_side=Side.PERSON).values_list("pk", flat=True)
    )
    visits.update(dispute_reason="")
    Visit.objects.filter(pk__in=person_cancelled_visits).update(cancel_reason="")
    Booking.objects.filter(pk__in=person_cancelled).update(cancel_reason="")
    booking_type = ContentType.objects.get_for_model(Booking)
    visit_type = ContentType.objects.get_for_model(Visit)
    StatusChange.objects.filter(
        Q(content_type=booking_type, object_id__in=booking_ids, transition__in=["request_change", "decline"])
        | Q(content_type=booking_type, object_id__in=person_cancelled, transition="cancel")
        | Q(content_type=visit_type, object_id__in=visits.values("pk"), transition__in=["dispute", "escalate"])
        | Q(content_type=visit_type, object_id__in=person_cancelled_visits, transition="cancel")
    ).update(reason="")
