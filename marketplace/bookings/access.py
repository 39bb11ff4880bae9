"""Whose side a request is on for a booking, a visit or a cover request, or a 404.

The person's side is the request's principal (`marketplace.acting.context`): the person themself, or a helper
acting for them, who must hold the "book" scope (refused with a 403 otherwise, and after the arrangement's end
date). The supplier's side is any member of the booking's supplier. Anyone else gets a 404, as if nothing existed."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import translation

from marketplace.acting import context
from marketplace.acting.models import Scope
from marketplace.core.permissions import acts_for

from .models import Booking, CoverInvitation, CoverRequest, Side, Visit


def is_person(request, booking):
    if not request.user.is_authenticated or booking.person_id is None:
        return False
    if context.principal(request).pk != booking.person_id:
        return False
    context.require(request, Scope.BOOK)
    return True


def is_supplier(request, booking):
    return acts_for(request.user, "bookings.act_as_supplier", booking)


def side_for(request, booking):
    if is_person(request, booking):
        return Side.PERSON
    if is_supplier(request, booking):
        return Side.SUPPLIER
    raise Http404


def booking_for(request, pk):
    booking = get_object_or_404(Booking.objects.select_related("supplier", "person", "enquiry", "listing"), pk=pk)
    return booking, side_for(request, booking)


def visit_for(request, pk):
    visit = get_object_or_404(
        Visit.objects.select_related("booking__supplier", "booking__person", "booking__enquiry"), pk=pk
    )
    return visit, side_for(request, visit.booking)


def require_side(side, wanted):
    if side != wanted:
        raise Http404


def cover_request_for(request, pk):
    cover = get_object_or_404(CoverRequest.objects.select_related("booking__supplier", "offer"), pk=pk)
    if not is_person(request, cover.booking):
        raise Http404
    return cover


def cover_invitation_for(request, pk):
    invitation = get_object_or_404(
        CoverInvitation.objects.select_related("request__booking", "supplier", "listing"), pk=pk
    )
    if not acts_for(request.user, "providers.act_for_supplier", invitation.supplier):
        raise Http404
    return invitation


def log(request, booking, action, url="", **params):
    """Write the person's log, in their language, when a helper acted in their name (nothing when the person acted
    themself)."""
    if not context.acting_for_someone(request):
        return
    person = booking.person
    with translation.override(getattr(person, "preferred_language", None) or settings.LANGUAGE_CODE):
        text = str(action) % params if params else str(action)
    context.record(request, Scope.BOOK, text[:300], url)
