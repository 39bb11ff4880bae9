"""Short-notice cover: the person asks (from a booking in force), sees the answer and can cancel; an invited
supplier reads the request and takes it."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from marketplace.core import ratelimits

from .. import access, cover
from ..forms import CoverForm
from ..models import Booking, CoverInvitation, Side
from .common import add_service_error, form_page, refused

ASK_LOG = gettext_lazy("Asked for short-notice cover on %(date)s")


@login_required
@require_http_methods(["GET", "POST"])
def ask(request, pk):
    booking, side = access.booking_for(request, pk)
    access.require_side(side, Side.PERSON)
    back = reverse("bookings:detail", args=[booking.pk])
    if booking.status not in Booking.AGREED:
        return refused(request, ValidationError(_("You can ask for cover only for a booking that is in force.")), back)
    initial = {}
    if booking.enquiry_id:
        initial["needs"] = list(booking.enquiry.needs.values_list("pk", flat=True))
    form = CoverForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            request_obj = cover.request_cover(
                booking,
                request.user,
                booking.person,
                data["date"],
                data["start_time"],
                data["end_time"],
                list(data["needs"]),
                data["notes"],
            )
        except ValidationError as error:
            if error.code == "throttled":
                return ratelimits.too_many(request, error.messages[0])
            add_service_error(form, error)
        else:
            url = reverse("bookings:cover", args=[request_obj.pk])
            access.log(request, booking, ASK_LOG, url, date=data["date"].isoformat())
            return redirect(url)
    return form_page(request, "bookings/cover_form.html", {"booking": booking, "form": form, "back_url": back})


@login_required
def detail(request, pk):
    request_obj = access.cover_request_for(request, pk)
    return render(
        request,
        "bookings/cover_detail.html",
        {"cover": request_obj, "asked": request_obj.invitations.count(), "booking": request_obj.booking},
    )


@login_required
@require_POST
def cancel(request, pk):
    request_obj = access.cover_request_for(request, pk)
    back = reverse("bookings:cover", args=[request_obj.pk])
    try:
        cover.cancel(request_obj, request.user, request_obj.booking.person)
    except ValidationError as error:
        return refused(request, error, back)
    return redirect(back)


@login_required
def invitation(request, pk):
    invitation = access.cover_invitation_for(request, pk)
    return render(request, "bookings/cover_invitation.html", {"invitation": invitation, "cover": invitation.request})


@login_required
@require_POST
def take(request, pk):
    invitation = access.cover_invitation_for(request, pk)
    back = reverse("bookings:cover_invitation", args=[invitation.pk])
    if invitation.status != CoverInvitation.Status.SENT:
        return refused(request, ValidationError(_("Someone else has already said they can cover this.")), back)
    try:
        request_obj = cover.accept(invitation, request.user)
    except ValidationError as error:
        return refused(request, error, back)
    return redirect("bookings:detail", request_obj.offer_id)
