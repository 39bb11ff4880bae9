"""Offers: made by the supplier in a thread, answered by the person (accept, decline, ask for a change), replaced
by a changed offer or withdrawn. Each service locks the row it changes, so a second press of the same button finds
the new state and the workflow refuses it."""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from marketplace.core.permissions import acts_for
from marketplace.enquiries.models import Enquiry, blocked

from . import notifications, planning
from .models import Booking, BookingItem, BookingSlot
from .money import pence
from .schedule import SlotTimes
from .workflows import BOOKING_WORKFLOW


@dataclass(frozen=True)
class ItemDraft:
    rate: object  # the listing's RateCardItem, or None for an agreed item of its own
    description: str
    unit: str
    amount_pence: int
    reason: str = ""


@dataclass(frozen=True)
class OfferDraft:
    kind: str
    start_date: date
    end_date: date | None
    slots: tuple[SlotTimes, ...]
    items: tuple[ItemDraft, ...]
    notice_hours: int
    charge_percent: int
    expires_at: datetime
    message: str = ""


def one_off(day, start_time: time, end_time: time):
    return (SlotTimes(day.weekday(), start_time, end_time),)


def locked(booking):
    return Booking.objects.select_for_update(of=("self",)).select_related("supplier", "person").get(pk=booking.pk)


def open_offer(enquiry):
    return Booking.objects.filter(enquiry=enquiry, status__in=Booking.OPEN_OFFER).first()


STALE = gettext_lazy("The offer in this conversation changed while you were writing. Look at it again first.")


def make_offer(enquiry, draft, by, *, replacing=None, now=None):
    """Make `draft` the thread's offer. `replacing` is the pk of the open offer the supplier was looking at (None
    when there was none): if the thread's open offer is another by now, nothing is saved, so a double press or two
    members at once cannot stack offers."""
    now = now or timezone.now()
    if not acts_for(by, "providers.act_for_supplier", enquiry.supplier):
        raise PermissionDenied
    if enquiry.status != Enquiry.Status.OPEN:
        raise ValidationError(_("This conversation is closed, so you cannot make an offer in it."), code="closed")
    if blocked(enquiry.person, enquiry.supplier):
        raise ValidationError(_("You cannot make an offer in this conversation."), code="blocked")
    try:
        return _make_offer(enquiry, draft, by, replacing, now)
    except IntegrityError as error:  # another offer was saved in the thread at the same moment
        raise ValidationError(str(STALE), code="stale") from error


def _make_offer(enquiry, draft, by, replacing, now):
    with transaction.atomic():
        Enquiry.objects.select_for_update().filter(pk=enquiry.pk).first()
        current = Booking.objects.select_for_update().filter(enquiry=enquiry, status__in=Booking.OPEN_OFFER).first()
        if (current.pk if current else None) != replacing:
            raise ValidationError(str(STALE), code="stale")
        if current is not None:
            BOOKING_WORKFLOW.apply(current, "supersede", by, now=now)
        booking = Booking.objects.create(
            enquiry=enquiry,
            person=enquiry.person,
            supplier=enquiry.supplier,
            listing=enquiry.listing,
            listing_title=enquiry.listing.title,
            kind=draft.kind,
            start_date=draft.start_date,
            end_date=draft.start_date if draft.kind == Booking.Kind.ONE_OFF else draft.end_date,
            place=enquiry.area,
            notice_hours=draft.notice_hours,
            cancellation_charge_percent=draft.charge_percent,
            expires_at=draft.expires_at,
            message=draft.message,
            replaces=current,
            created_by=by,
            created_at=now,
        )
        BookingItem.objects.bulk_create(
            [
                BookingItem(
                    booking=booking,
                    rate=item.rate,
                    description=item.description,
                    unit=item.unit,
                    amount_pence=item.amount_pence,
                    rate_card_pence=rate_card_pence(item.rate),
                    agreed_reason=item.reason,
                    sort_order=index,
                )
                for index, item in enumerate(draft.items)
            ]
        )
        BookingSlot.objects.bulk_create(
            [
                BookingSlot(booking=booking, weekday=s.weekday, start_time=s.start_time, end_time=s.end_time)
                for s in draft.slots
            ]
        )
        notifications.to_person(booking, "offer_changed" if current else "offer_made")
    return booking


def rate_card_pence(rate):
    return pence(rate.amount) if rate is not None else None


def _check_person(booking, person):
    if person is None or booking.person_id != person.pk:
        raise PermissionDenied


def _check_not_expired(booking, now):
    if booking.expires_at <= now:
        raise ValidationError(_("This offer has expired. Ask the supplier for a new one."), code="expired")


def accept(booking, by, person, now=None):
    now = now or timezone.now()
    with transaction.atomic():
        booking = locked(booking)
        _check_person(booking, person)
        if booking.status == Booking.Status.OFFERED:
            _check_not_expired(booking, now)
        booking.answered_at = now
        BOOKING_WORKFLOW.apply(booking, "accept", by, update_fields=["answered_at"], now=now)
        planning.plan_visits(booking, now=now)
        notifications.to_supplier(booking, "offer_accepted")
    return booking


def decline(booking, by, person, reason="", now=None):
    now = now or timezone.now()
    with transaction.atomic():
        booking = locked(booking)
        _check_person(booking, person)
        booking.answered_at = now
        BOOKING_WORKFLOW.apply(booking, "decline", by, reason=reason, update_fields=["answered_at"], now=now)
        notifications.to_supplier(booking, "offer_declined", reason=reason)
    return booking


def request_change(booking, by, person, words, now=None):
    now = now or timezone.now()
    with transaction.atomic():
        booking = locked(booking)
        _check_person(booking, person)
        if booking.status == Booking.Status.OFFERED:
            _check_not_expired(booking, now)
        booking.change_request = (words or "").strip()
        booking.answered_at = now
        BOOKING_WORKFLOW.apply(
            booking, "request_change", by, reason=words, update_fields=["change_request", "answered_at"], now=now
        )
        notifications.to_supplier(booking, "change_requested", words=booking.change_request)
    return booking


def withdraw(booking, by, now=None):
    now = now or timezone.now()
    with transaction.atomic():
        booking = locked(booking)
        BOOKING_WORKFLOW.apply(booking, "withdraw", by, now=now)
        notifications.to_person(booking, "offer_withdrawn")
    return booking
