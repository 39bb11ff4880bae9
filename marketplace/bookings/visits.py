"""What happens to a visit after it is planned: the supplier confirms it delivered (actual times and a note); the
person approves or disputes it; the supplier corrects, withdraws or sends a dispute to an editor; an editor decides.
A visit disputed again after a correction goes straight to an editor. Every change locks the visit first."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import money, notifications, planning, tasks
from .models import Booking, Visit
from .workflows import VISIT_WORKFLOW

# Times given for a delivered visit must start within this long of the planned start.
TIMES_WINDOW = timedelta(hours=24)
MAX_VISIT = timedelta(hours=24)


def locked(visit):
    return (
        Visit.objects.select_for_update(of=("self",))
        .select_related("booking__supplier", "booking__person")
        .get(pk=visit.pk)
    )


def _check_person(visit, person):
    if person is None or visit.booking.person_id != person.pk:
        raise PermissionDenied


def check_times(visit, start, end, now):
    """Refuse times no visit could have had: see `TIMES_WINDOW`, `MAX_VISIT`; never in the future."""
    if end <= start:
        raise ValidationError(_("The end time must be after the start time"), code="times")
    if end - start > MAX_VISIT:
        raise ValidationError(_("A visit cannot last more than 24 hours"), code="times")
    if end > now:
        raise ValidationError(_("The visit cannot end in the future: confirm it once it is over"), code="times")
    if abs(start - visit.starts_at) > TIMES_WINDOW:
        raise ValidationError(
            _("The visit was planned for %(date)s: give times on or near that day")
            % {"date": timezone.localtime(visit.starts_at).strftime("%Y-%m-%d")},
            code="times",
        )


def _price(visit, start, end):
    return money.visit_amount(visit.booking.items.all(), round((end - start).total_seconds() / 60))


def confirm(visit, by, start, end, note="", now=None):
    now = now or timezone.now()
    with transaction.atomic():
        visit = locked(visit)
        if visit.status == Visit.Status.PLANNED and visit.starts_at > now:
            raise ValidationError(_("You can confirm a visit once it has started."), code="too_early")
        check_times(visit, start, end, now)
        booking = Booking.objects.select_for_update().get(pk=visit.booking_id)
        visit.actual_start, visit.actual_end, visit.supplier_note = start, end, note.strip()
        visit.confirmed_at, visit.confirmed_by = now, by
        visit.amount_due_pence = _price(visit, start, end)
        VISIT_WORKFLOW.apply(
            visit,
            "confirm",
            by,
            update_fields=[
                "actual_start",
                "actual_end",
                "supplier_note",
                "confirmed_at",
                "confirmed_by",
                "amount_due_pence",
            ],
            now=now,
        )
        planning.start_if_due(booking, now)
        notifications.to_person(visit.booking, "visit_delivered", visit, hours=settings.BOOKING_AUTO_APPROVE_HOURS)
        tasks.schedule_approval(visit)
    return visit


def approve(visit, by, person, now=None):
    now = now or timezone.now()
    with transaction.atomic():
        visit = locked(visit)
        _check_person(visit, person)
        visit.approved_at, visit.approved_by = now, by
        VISIT_WORKFLOW.apply(visit, "approve", by, update_fields=["approved_at", "approved_by"], now=now)
        notifications.to_supplier(visit.booking, "visit_approved", visit, automatic=False)
    return visit


def dispute(visit, by, person, reason, now=None):
    """Back to the supplier the first time; straight to an editor if the supplier already corrected it."""
    now = now or timezone.now()
    with transaction.atomic():
        visit = locked(visit)
        _check_person(visit, person)
        name = "escalate" if visit.disputes else "dispute"
        visit.dispute_reason = (reason or "").strip()
        visit.disputes += 1
        VISIT_WORKFLOW.apply(visit, name, by, reason=reason, update_fields=["dispute_reason", "disputes"], now=now)
        notifications.to_supplier(visit.booking, "visit_disputed", visit, referred=name == "escalate")
    return visit


def correct(visit, by, start, end, response, now=None):
    now = now or timezone.now()
    with transaction.atomic():
        visit = locked(visit)
        if visit.status != Visit.Status.DISPUTED:
            VISIT_WORKFLOW.apply(visit, "correct", by, reason=response, now=now)  # refuses, with the reason why
        check_times(visit, start, end, now)
        visit.actual_start, visit.actual_end = start, end
        visit.supplier_response = (response or "").strip()
        visit.confirmed_at, visit.confirmed_by = now, by  # the approval clock starts again
        visit.amount_due_pence = _price(visit, start, end)
        VISIT_WORKFLOW.apply(
            visit,
            "correct",
            by,
            reason=response,
            update_fields=[
                "actual_start",
                "actual_end",
                "supplier_response",
                "confirmed_at",
                "confirmed_by",
                "amount_due_pence",
            ],
            now=now,
        )
        notifications.to_person(visit.booking, "visit_corrected", visit)
        tasks.schedule_approval(visit)
    return visit


def withdraw(visit, by, now=None):
    now = now or timezone.now()
    with transaction.atomic():
        visit = locked(visit)
        visit.amount_due_pence = 0
        VISIT_WORKFLOW.apply(visit, "withdraw", by, update_fields=["amount_due_pence"], now=now)
        notifications.to_person(visit.booking, "visit_withdrawn", visit)
    return visit


def refer(visit, by, now=None):
    now = now or timezone.now()
    with transaction.atomic():
        visit = locked(visit)
        VISIT_WORKFLOW.apply(visit, "refer", by, now=now)
        notifications.to_person(visit.booking, "visit_referred", visit)
    return visit


def decide(visit, editor, uphold, note, now=None):
    """An editor's decision on a disputed visit: to be paid as confirmed, or not at all."""
    now = now or timezone.now()
    with transaction.atomic():
        visit = locked(visit)
        visit.decision_note, visit.decided_by, visit.decided_at = (note or "").strip(), editor, now
        fields = ["decision_note", "decided_by", "decided_at"]
        if uphold:
            visit.approved_at, visit.approved_by = now, editor
            fields += ["approved_at", "approved_by"]
        else:
            visit.amount_due_pence = 0
            fields.append("amount_due_pence")
        VISIT_WORKFLOW.apply(visit, "uphold" if uphold else "void", editor, reason=note, update_fields=fields, now=now)
        notifications.to_person(visit.booking, "visit_decided", visit, upheld=uphold)
        notifications.to_supplier(visit.booking, "visit_decided", visit, upheld=uphold)
    return visit
