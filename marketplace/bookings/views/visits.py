"""One visit: its page, and what each side may do to it (confirm, approve, dispute, correct, withdraw, send to an
editor, cancel)."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from .. import access, cancellations, visits
from ..forms import ReasonForm, VisitTimesForm
from ..models import Booking, Side, Visit
from .common import add_service_error, form_page, history_rows, refused

APPROVE_LOG = gettext_lazy("Approved a visit from %(supplier)s on %(date)s")
DISPUTE_LOG = gettext_lazy("Disputed a visit from %(supplier)s on %(date)s")
CANCEL_LOG = gettext_lazy("Cancelled a visit from %(supplier)s on %(date)s")


def _day(visit):
    return timezone.localtime(visit.starts_at).strftime("%Y-%m-%d")


@login_required
def visit_page(request, pk):
    visit, side = access.visit_for(request, pk)
    now = timezone.now()
    booking = visit.booking
    return render(
        request,
        "bookings/visit.html",
        {
            "visit": visit,
            "booking": booking,
            "side": side,
            "history": history_rows(visit, booking),
            "may_confirm": side == Side.SUPPLIER and visit.status == Visit.Status.PLANNED and visit.starts_at <= now,
            "may_cancel": visit.status == Visit.Status.PLANNED and visit.starts_at > now and booking.is_agreed,
            "may_answer": side == Side.PERSON and visit.status == Visit.Status.DELIVERED,
            "may_respond": side == Side.SUPPLIER and visit.status == Visit.Status.DISPUTED,
            "approve_by": visit.confirmed_at + timedelta(hours=settings.BOOKING_AUTO_APPROVE_HOURS)
            if visit.confirmed_at
            else None,
            "late_charge": cancellations.charge_for(visit, side, now) if visit.status == Visit.Status.PLANNED else 0,
        },
    )


def _times_page(request, pk, *, correcting):
    visit, side = access.visit_for(request, pk)
    access.require_side(side, Side.SUPPLIER)
    back = reverse("bookings:visit", args=[visit.pk])
    form = VisitTimesForm(request.POST or None, visit=visit, note_required=correcting)
    if request.method == "POST" and form.is_valid():
        start, end, note = form.cleaned_data["start"], form.cleaned_data["end"], form.cleaned_data["note"]
        try:
            if correcting:
                visits.correct(visit, request.user, start, end, note)
            else:
                visits.confirm(visit, request.user, start, end, note)
        except ValidationError as error:
            if error.code != "times":
                return refused(request, error, back)
            add_service_error(form, error)
        else:
            return redirect(back)
    title = _("Correct the visit’s times") if correcting else _("Confirm the visit happened")
    return form_page(
        request, "bookings/visit_times.html", {"visit": visit, "form": form, "title": title, "back_url": back}
    )


@login_required
@require_http_methods(["GET", "POST"])
def confirm(request, pk):
    return _times_page(request, pk, correcting=False)


@login_required
@require_http_methods(["GET", "POST"])
def correct(request, pk):
    return _times_page(request, pk, correcting=True)


@login_required
@require_POST
def approve(request, pk):
    visit, side = access.visit_for(request, pk)
    access.require_side(side, Side.PERSON)
    back = reverse("bookings:visit", args=[visit.pk])
    try:
        visits.approve(visit, request.user, visit.booking.person)
    except ValidationError as error:
        return refused(request, error, back)
    access.log(request, visit.booking, APPROVE_LOG, back, supplier=visit.booking.supplier.name, date=_day(visit))
    return redirect(back)


@login_required
@require_http_methods(["GET", "POST"])
def dispute(request, pk):
    visit, side = access.visit_for(request, pk)
    access.require_side(side, Side.PERSON)
    back = reverse("bookings:visit", args=[visit.pk])
    form = ReasonForm(
        request.POST or None,
        label=_("What is wrong with the visit?"),
        required_message=_("Say what is wrong with the visit"),
        help_text=_("For example: it was shorter than the times say, or it did not happen."),
    )
    if request.method == "POST" and form.is_valid():
        try:
            visits.dispute(visit, request.user, visit.booking.person, form.text)
        except ValidationError as error:
            return refused(request, error, back)
        access.log(request, visit.booking, DISPUTE_LOG, back, supplier=visit.booking.supplier.name, date=_day(visit))
        return redirect(back)
    return form_page(
        request,
        "bookings/reason_form.html",
        {
            "visit": visit,
            "booking": visit.booking,
            "form": form,
            "title": _("Dispute the visit"),
            "button": _("Send the dispute"),
            "back_url": back,
        },
    )


@login_required
@require_POST
def respond(request, pk, action):
    """The supplier withdraws a disputed visit (nothing to pay) or sends it to an editor."""
    visit, side = access.visit_for(request, pk)
    access.require_side(side, Side.SUPPLIER)
    back = reverse("bookings:visit", args=[visit.pk])
    try:
        if action == "withdraw":
            visits.withdraw(visit, request.user)
        else:
            visits.refer(visit, request.user)
    except ValidationError as error:
        return refused(request, error, back)
    return redirect(back)


@login_required
@require_http_methods(["GET", "POST"])
def cancel(request, pk):
    visit, side = access.visit_for(request, pk)
    visit = (
        Visit.objects.select_related("booking__supplier", "booking__person")
        .prefetch_related("booking__items")
        .get(pk=visit.pk)
    )
    back = reverse("bookings:visit", args=[visit.pk])
    now = timezone.now()
    if visit.status != Visit.Status.PLANNED or visit.booking.status not in Booking.AGREED:
        return refused(request, ValidationError(_("Only a planned visit can be cancelled.")), back)
    form = ReasonForm(
        request.POST or None,
        label=_("Why are you cancelling?"),
        required_message=_("Say why you are cancelling: the other side will see it"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            cancellations.cancel_visit(visit, request.user, side, form.text)
        except ValidationError as error:
            return refused(request, error, back)
        if side == Side.PERSON:
            access.log(request, visit.booking, CANCEL_LOG, back, supplier=visit.booking.supplier.name, date=_day(visit))
        return redirect(back)
    return form_page(
        request,
        "bookings/cancel_visit.html",
        {
            "visit": visit,
            "booking": visit.booking,
            "form": form,
            "side": side,
            "back_url": back,
            "charge": cancellations.charge_for(visit, side, now),
            "late": cancellations.is_late(visit, now),
        },
    )
