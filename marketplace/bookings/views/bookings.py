"""Booking pages for both sides: the person's list, a supplier's list, one booking (its offer, terms, visits and
history), and cancelling it. Offers are made, answered and withdrawn in `views/offers.py`."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from marketplace.acting import context
from marketplace.acting.models import Scope
from marketplace.core.permissions import acts_for
from providers.models import Supplier

from .. import access, cancellations
from ..forms import ReasonForm
from ..models import Booking, CoverInvitation, Side, Visit
from ..workflows import BOOKING_WORKFLOW
from .common import form_page, history_rows, refused

PER_PAGE = 25


def _visit_lists(visits, now):
    return {
        "upcoming": list(visits.upcoming(now).select_related("booking__supplier")[:PER_PAGE]),
        "to_approve": list(
            visits.filter(status=Visit.Status.DELIVERED)
            .select_related("booking__supplier")
            .order_by("starts_at")[:PER_PAGE]
        ),
        "in_dispute": list(
            visits.filter(status__in=[Visit.Status.DISPUTED, Visit.Status.REFERRED])
            .select_related("booking__supplier")
            .order_by("starts_at")[:PER_PAGE]
        ),
    }


@login_required
def mine(request):
    """The person's bookings (or, for a helper with the book scope, the person's they act for)."""
    person = context.principal(request)
    context.require(request, Scope.BOOK)
    now = timezone.now()
    bookings = Paginator(
        Booking.objects.filter(person=person).exclude(status=Booking.Status.SUPERSEDED).select_related("supplier"),
        PER_PAGE,
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "bookings/mine.html",
        {
            "page": bookings,
            "offers": list(
                Booking.objects.filter(person=person, status=Booking.Status.OFFERED).select_related("supplier")[
                    :PER_PAGE
                ]
            ),
            **_visit_lists(Visit.objects.filter(booking__person=person), now),
            "acting_for": context.arrangement(request),
        },
    )


@login_required
def supplier_bookings(request, pk):
    supplier = get_object_or_404(Supplier, pk=pk)
    if not acts_for(request.user, "providers.act_for_supplier", supplier):
        raise Http404
    now = timezone.now()
    visits = Visit.objects.filter(booking__supplier=supplier)
    bookings = Paginator(
        Booking.objects.filter(supplier=supplier).exclude(status=Booking.Status.SUPERSEDED), PER_PAGE
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "bookings/supplier.html",
        {
            "supplier": supplier,
            "page": bookings,
            "to_confirm": list(visits.to_confirm(now).select_related("booking").order_by("starts_at")[:PER_PAGE]),
            "cover": list(
                CoverInvitation.objects.filter(
                    supplier=supplier, status=CoverInvitation.Status.SENT, request__status="open"
                ).select_related("request")[:PER_PAGE]
            ),
            **_visit_lists(visits, now),
        },
    )


@login_required
def detail(request, pk):
    booking, side = access.booking_for(request, pk)
    booking = (
        Booking.objects.select_related("supplier", "person", "enquiry", "replaces", "replaced_by")
        .prefetch_related("items", "slots")
        .get(pk=booking.pk)
    )
    visits = Paginator(booking.visits.order_by("starts_at", "pk"), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "bookings/detail.html",
        {
            "booking": booking,
            "side": side,
            "visits": visits,
            "history": history_rows(booking, booking),
            "may_cancel": booking.is_agreed,
            "may_answer": side == Side.PERSON and booking.status == Booking.Status.OFFERED,
            "may_withdraw": side == Side.SUPPLIER and booking.is_open_offer,
            "may_change": side == Side.SUPPLIER and booking.is_open_offer and booking.enquiry_id,
            "may_ask_cover": side == Side.PERSON and booking.is_agreed,
            "cover_requests": list(booking.cover_requests.all()[:10]) if side == Side.PERSON else [],
            "now": timezone.now(),
        },
    )


CANCEL_LOG = gettext_lazy("Cancelled booking %(reference)s")


@login_required
@require_http_methods(["GET", "POST"])
def cancel(request, pk):
    booking, side = access.booking_for(request, pk)
    booking = Booking.objects.prefetch_related("items").select_related("supplier", "person").get(pk=booking.pk)
    back = reverse("bookings:detail", args=[booking.pk])
    if not booking.is_agreed:
        return refused(request, ValidationError(str(BOOKING_WORKFLOW["cancel"].refusal)), back)
    now = timezone.now()
    to_come = list(booking.visits.filter(status=Visit.Status.PLANNED, starts_at__gt=now).order_by("starts_at"))
    charged = [(visit, cancellations.charge_for(visit, side, now)) for visit in to_come]
    charged = [(visit, amount) for visit, amount in charged if amount]
    form = ReasonForm(
        request.POST or None,
        label=_("Why are you cancelling?"),
        required_message=_("Say why you are cancelling: the other side will see it"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            cancellations.cancel_booking(booking, request.user, side, form.text)
        except ValidationError as error:
            return refused(request, error, back)
        access.log(request, booking, CANCEL_LOG, back, reference=booking.reference)
        return redirect(back)
    context_data = {"booking": booking, "form": form, "to_come": len(to_come), "charged": charged, "side": side}
    return form_page(request, "bookings/cancel.html", context_data)
