"""Making an offer in a thread (the supplier), and answering it (the person, or a helper with the book scope)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from marketplace.core.ids import parse_id
from marketplace.core.permissions import acts_for
from marketplace.enquiries.models import Enquiry

from .. import access, offers
from ..forms import OfferForm, ReasonForm
from ..models import Booking, Side
from .common import add_service_error, form_page, refused


def _thread_url(enquiry):
    return reverse("enquiries:thread", args=[enquiry.pk])


def _initial(booking):
    """A changed offer starts from the offer it replaces."""
    if booking is None:
        return {}
    local = timezone.localtime
    initial = {
        "kind": booking.kind,
        "start_date": booking.start_date,
        "end_date": booking.end_date if booking.kind == Booking.Kind.WEEKLY else None,
        "notice_hours": booking.notice_hours,
        "charge_percent": booking.cancellation_charge_percent,
        "expires_on": max(timezone.localdate(), min(local(booking.expires_at).date(), booking.start_date)),
        "message": booking.message,
    }
    for slot in booking.slots.all():
        if booking.kind == Booking.Kind.ONE_OFF:
            initial.update(start_time=slot.start_time, end_time=slot.end_time)
        else:
            initial.update(
                {
                    f"day_{slot.weekday}": True,
                    f"day_{slot.weekday}_start": slot.start_time,
                    f"day_{slot.weekday}_end": slot.end_time,
                }
            )
    for item in booking.items.all():
        if item.rate_id:
            initial[f"rate_{item.rate_id}"] = True
            if item.is_agreed_price:
                initial[f"price_{item.rate_id}"] = f"{item.amount_pence // 100}.{item.amount_pence % 100:02d}"
                initial[f"reason_{item.rate_id}"] = item.agreed_reason
    return initial


def _replacing(request):
    return parse_id(request.POST.get("replacing", ""))


@login_required
@require_http_methods(["GET", "POST"])
def make(request, enquiry_pk):
    enquiry = get_object_or_404(Enquiry.objects.select_related("listing", "supplier", "person"), pk=enquiry_pk)
    if not acts_for(request.user, "providers.act_for_supplier", enquiry.supplier):
        raise Http404
    current = offers.open_offer(enquiry)
    rates = list(enquiry.listing.rates.all())
    form = OfferForm(request.POST or None, rates=rates, initial=_initial(current))
    if request.method == "POST" and form.is_valid():
        try:
            booking = offers.make_offer(enquiry, form.offer, request.user, replacing=_replacing(request))
        except ValidationError as error:
            if error.code in ("stale", "closed", "blocked"):
                return refused(request, error, _thread_url(enquiry))
            add_service_error(form, error)
        else:
            return redirect("bookings:detail", booking.pk)
    return form_page(
        request,
        "bookings/offer_form.html",
        {"form": form, "enquiry": enquiry, "current": current, "thread_url": _thread_url(enquiry)},
    )


ACCEPT_LOG = gettext_lazy("Accepted the offer %(reference)s from %(supplier)s")
DECLINE_LOG = gettext_lazy("Declined the offer %(reference)s from %(supplier)s")
CHANGE_LOG = gettext_lazy("Asked %(supplier)s to change the offer %(reference)s")


def _person_booking(request, pk):
    booking, side = access.booking_for(request, pk)
    access.require_side(side, Side.PERSON)
    return booking


@login_required
@require_POST
def accept(request, pk):
    booking = _person_booking(request, pk)
    back = reverse("bookings:detail", args=[booking.pk])
    try:
        offers.accept(booking, request.user, booking.person)
    except ValidationError as error:
        return refused(request, error, back)
    access.log(request, booking, ACCEPT_LOG, back, reference=booking.reference, supplier=booking.supplier.name)
    return redirect(back)


@login_required
@require_http_methods(["GET", "POST"])
def decline(request, pk):
    booking = _person_booking(request, pk)
    back = reverse("bookings:detail", args=[booking.pk])
    form = ReasonForm(request.POST or None, label=_("Why are you declining? (optional)"), required=False)
    if request.method == "POST" and form.is_valid():
        try:
            offers.decline(booking, request.user, booking.person, form.text)
        except ValidationError as error:
            return refused(request, error, back)
        access.log(request, booking, DECLINE_LOG, back, reference=booking.reference, supplier=booking.supplier.name)
        return redirect(back)
    return form_page(
        request,
        "bookings/reason_form.html",
        {
            "booking": booking,
            "form": form,
            "title": _("Decline the offer"),
            "button": _("Decline the offer"),
            "back_url": back,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_change(request, pk):
    booking = _person_booking(request, pk)
    back = reverse("bookings:detail", args=[booking.pk])
    form = ReasonForm(
        request.POST or None,
        label=_("What would you like changed?"),
        required_message=_("Say what you would like changed"),
        help_text=_("For example the days, the times or the price. The supplier will send you a changed offer."),
    )
    if request.method == "POST" and form.is_valid():
        try:
            offers.request_change(booking, request.user, booking.person, form.text)
        except ValidationError as error:
            return refused(request, error, back)
        access.log(request, booking, CHANGE_LOG, back, reference=booking.reference, supplier=booking.supplier.name)
        return redirect(back)
    return form_page(
        request,
        "bookings/reason_form.html",
        {"booking": booking, "form": form, "title": _("Ask for a change"), "button": _("Send"), "back_url": back},
    )


@login_required
@require_POST
def withdraw(request, pk):
    booking, side = access.booking_for(request, pk)
    access.require_side(side, Side.SUPPLIER)
    back = reverse("bookings:detail", args=[booking.pk])
    try:
        offers.withdraw(booking, request.user)
    except ValidationError as error:
        return refused(request, error, back)
    return redirect(back)
