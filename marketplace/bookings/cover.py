"""Short-notice cover. A person whose booking is in force asks for cover on a date and time at the booking's place;
suppliers whose public listings serve that place (`search.coverage.listings_serving`), offer short-notice cover and
meet every need asked for are invited (at most `BOOKING_COVER_MAX_SUPPLIERS`, nearest first, never the booking's own
supplier or one either side has blocked) and emailed, within the per-address email limits. The first to accept takes
it: a new thread and a one-off offer at their listing's rate, which the person then accepts like any other; the
others are told it is taken."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.core import ratelimits
from marketplace.core.permissions import acts_for
from marketplace.enquiries.models import Block, Enquiry
from marketplace.geography import places
from providers.models import Listing, RateCardItem
from search.coverage import listings_serving

from . import notifications, offers
from .models import Booking, CoverInvitation, CoverRequest
from .money import pence
from .schedule import span
from .workflows import COVER_WORKFLOW

DAY = 24 * 60 * 60


def candidate_listings(booking, needs):
    """The nearest public listing of each supplier who could cover at the booking's place."""
    resolution = places.resolve(booking.place or "")
    if not resolution.locations:
        return []
    location = resolution.locations[0]
    queryset = Listing.objects.publicly_visible().filter(short_notice_cover=True).exclude(supplier=booking.supplier)
    for need in needs:
        queryset = queryset.filter(needs__translation_key=need.translation_key)
    blocked = set(Block.objects.filter(person=booking.person).values_list("supplier_id", flat=True))
    chosen = {}
    for listing in listings_serving(location.point, location.council_code, queryset=queryset).order_by(
        "distance_km", "pk"
    ):
        if listing.supplier_id not in blocked and listing.supplier_id not in chosen:
            chosen[listing.supplier_id] = listing
        if len(chosen) >= settings.BOOKING_COVER_MAX_SUPPLIERS:
            break
    return list(chosen.values())


def request_cover(booking, by, person, day, start_time, end_time, needs, notes="", now=None):
    now = now or timezone.now()
    if booking.person_id != getattr(person, "pk", None):
        raise PermissionDenied
    if booking.status not in Booking.AGREED:
        raise ValidationError(_("You can ask for cover only for a booking that is in force."), code="wrong_state")
    starts_at, _ends_at = span(day, start_time, end_time)
    if starts_at <= now:
        raise ValidationError(_("The cover must start in the future"), code="past")
    if CoverRequest.objects.filter(booking=booking, date=day, status=CoverRequest.Status.OPEN).exists():
        raise ValidationError(_("You have already asked for cover on that day."), code="duplicate")
    listings = candidate_listings(booking, needs)
    if not listings:
        raise ValidationError(
            _("Nobody else who offers short-notice cover serves your area and meets those needs at the moment."),
            code="nobody",
        )
    if not ratelimits.hit("cover-request", ratelimits.user_key(person), settings.BOOKING_COVER_REQUESTS_PER_DAY, DAY):
        raise ValidationError(_("You have asked for cover several times today. Try again tomorrow."), code="throttled")
    with transaction.atomic():
        request = CoverRequest.objects.create(
            booking=booking,
            person=person,
            created_by=by,
            date=day,
            start_time=start_time,
            end_time=end_time,
            notes=(notes or "").strip(),
            created_at=now,
        )
        request.needs.set(needs)
        invitations = CoverInvitation.objects.bulk_create(
            [CoverInvitation(request=request, supplier=listing.supplier, listing=listing) for listing in listings]
        )
        emailed = [invitation.pk for invitation in invitations if _invite(invitation, request)]
        CoverInvitation.objects.filter(pk__in=emailed).update(emailed=True)
    return request


def _invite(invitation, request):
    sent = False
    for user in invitation.supplier.members.all():
        if user.email and ratelimits.may_send_to(user.email, "cover-request", settings.BOOKING_COVER_EMAILS_PER_HOUR):
            sent = (
                notifications.send(
                    user,
                    "cover_request",
                    {
                        "cover": request,
                        "link": notifications.url_in(
                            user.preferred_language, "bookings:cover_invitation", invitation.pk
                        ),
                    },
                )
                or sent
            )
    return sent


def _rate_for(listing):
    rates = list(listing.rates.all()) if listing else []
    hourly = [rate for rate in rates if rate.unit == RateCardItem.Unit.HOUR]
    return (hourly or rates or [None])[0]


def accept(invitation, by, now=None):
    """The supplier of `invitation` takes the cover: the request is theirs and the person gets their offer."""
    now = now or timezone.now()
    if not acts_for(by, "providers.act_for_supplier", invitation.supplier):
        raise PermissionDenied
    with transaction.atomic():
        request = (
            CoverRequest.objects.select_for_update(of=("self",))
            .select_related("booking", "person")
            .get(pk=invitation.request_id)
        )
        invitation = (
            CoverInvitation.objects.select_for_update(of=("self",))
            .select_related("listing", "supplier")
            .get(pk=invitation.pk)
        )
        request.taken_by, request.decided_at = invitation.supplier, now
        COVER_WORKFLOW.apply(request, "take", by, update_fields=["taken_by", "decided_at"], now=now)
        starts_at, _ends_at = span(request.date, request.start_time, request.end_time)
        if starts_at <= now:
            raise ValidationError(_("This cover was needed for a time that has passed."), code="past")
        listing = invitation.listing
        rate = _rate_for(listing)
        if listing is None or rate is None:
            raise ValidationError(_("Add a price to your listing’s rate card before you take cover."), code="no_rate")
        enquiry = Enquiry.objects.create(
            person=request.person,
            created_by=request.created_by,
            listing=listing,
            supplier=invitation.supplier,
            area=request.booking.place,
            start_date=request.date,
            language=request.person.preferred_language if request.person else settings.LANGUAGE_CODE,
        )
        enquiry.needs.set(request.needs.all())
        draft = offers.OfferDraft(
            kind=Booking.Kind.ONE_OFF,
            start_date=request.date,
            end_date=request.date,
            slots=offers.one_off(request.date, request.start_time, request.end_time),
            items=(offers.ItemDraft(rate, rate.description, rate.unit, pence(rate.amount)),),
            notice_hours=0,
            charge_percent=0,
            expires_at=min(starts_at, now + timedelta(days=1)),
        )
        request.offer = offers.make_offer(enquiry, draft, by, now=now)
        request.save(update_fields=["offer"])
        invitation.status = CoverInvitation.Status.ACCEPTED
        invitation.save(update_fields=["status"])
        others = list(request.invitations.exclude(pk=invitation.pk).select_related("supplier"))
        request.invitations.exclude(pk=invitation.pk).update(status=CoverInvitation.Status.TAKEN)
        for other in others:
            for user in other.supplier.members.all():
                notifications.send(user, "cover_taken", {"cover": request, "cancelled": False})
    return request


def cancel(request, by, person, now=None):
    now = now or timezone.now()
    with transaction.atomic():
        request = CoverRequest.objects.select_for_update().get(pk=request.pk)
        if request.person_id != getattr(person, "pk", None):
            raise PermissionDenied
        request.decided_at = now
        COVER_WORKFLOW.apply(request, "cancel", by, update_fields=["decided_at"], now=now)
        invitations = list(request.invitations.select_related("supplier"))
        request.invitations.update(status=CoverInvitation.Status.CLOSED)
        for invitation in invitations:
            for user in invitation.supplier.members.all():
                notifications.send(user, "cover_taken", {"cover": request, "cancelled": True})
    return request


def close_past(now):
    today = timezone.localdate(now)
    count = 0
    for request in CoverRequest.objects.filter(status=CoverRequest.Status.OPEN, date__lt=today):
        with transaction.atomic():
            request = CoverRequest.objects.select_for_update().get(pk=request.pk)
            if request.status == CoverRequest.Status.OPEN:
                COVER_WORKFLOW.apply(request, "expire", None, now=now)
                request.invitations.update(status=CoverInvitation.Status.CLOSED)
                count += 1
    return count
