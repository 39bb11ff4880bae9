"""The bookings part of the fuzzing site and its targets: an open offer, a booking in force with planned, delivered,
disputed and referred visits, a cover request with an invitation to the PA, calendar feeds and an email-off token,
all between the world's person and the provider's organisation (the PA is invited to cover)."""

from datetime import time, timedelta

from django.utils import timezone

from marketplace.bookings import feeds, offers, visits
from marketplace.bookings.models import Booking, CoverInvitation, CoverRequest, Visit
from marketplace.bookings.offers import ItemDraft, OfferDraft
from marketplace.bookings.schedule import SlotTimes
from marketplace.core.email_choices import off_token
from marketplace.enquiries.models import Enquiry
from providers.models import Listing, Supplier


def _weekly(listing, start, expires_at):
    rate = listing.rates.first()
    return OfferDraft(
        kind=Booking.Kind.WEEKLY,
        start_date=start,
        end_date=None,
        slots=(SlotTimes(start.weekday(), time(9), time(11)),),
        items=(ItemDraft(rate, rate.description, rate.unit, 1850),),
        notice_hours=24,
        charge_percent=50,
        expires_at=expires_at,
    )


def _enquiry(person, listing):
    return Enquiry.objects.create(
        person=person, created_by=person, listing=listing, supplier=listing.supplier, area="EH6", language="en"
    )


def build(world, listing_pk, pa_listing_pk):
    """Add the bookings objects to `world` (people and listings already there)."""
    person, provider = world.users["person"], world.users["provider"]
    listing = Listing.objects.get(pk=listing_pk)
    now = timezone.now()
    today = timezone.localdate()

    offer = offers.make_offer(
        _enquiry(person, listing), _weekly(listing, today + timedelta(days=7), now + timedelta(days=3)), provider
    )

    # A booking accepted four weeks ago: its past visits are there to confirm, approve and dispute.
    weeks_ago = now - timedelta(days=28)
    accepted = offers.make_offer(
        _enquiry(person, listing),
        _weekly(listing, timezone.localdate(weeks_ago), weeks_ago + timedelta(hours=1)),
        provider,
        now=weeks_ago,
    )
    booking = offers.accept(accepted, person, person, now=weeks_ago)
    past = list(booking.visits.filter(ends_at__lt=now).order_by("starts_at"))
    delivered, disputed, referred = past[1], past[2], past[3]
    for visit in (delivered, disputed, referred):
        visits.confirm(visit, provider, visit.starts_at, visit.ends_at, "Shopping and lunch", now=visit.ends_at)
    visits.dispute(disputed, person, person, "It was shorter", now=disputed.ends_at)
    visits.dispute(referred, person, person, "It did not happen", now=referred.ends_at)
    visits.refer(referred, provider, now=referred.ends_at)
    upcoming = booking.visits.filter(status=Visit.Status.PLANNED, starts_at__gt=now).order_by("starts_at").first()

    pa_listing = Listing.objects.get(pk=pa_listing_pk)
    request = CoverRequest.objects.create(
        booking=booking,
        person=person,
        created_by=person,
        date=today + timedelta(days=2),
        start_time=time(10),
        end_time=time(12),
    )
    invitation = CoverInvitation.objects.create(request=request, supplier=pa_listing.supplier, listing=pa_listing)

    person_feed = feeds.create_or_renew(person)
    supplier_feed = feeds.create_or_renew(provider, listing.supplier)
    pa_supplier = Supplier.objects.filter(pk=pa_listing.supplier_id).first()

    world.ids.update(
        {
            "booking": [offer.pk, booking.pk],
            "offer_enquiry": [offer.enquiry_id, booking.enquiry_id],
            "booking_supplier": [listing.supplier_id, pa_supplier.pk],
            "visit": [past[0].pk, delivered.pk, disputed.pk, referred.pk, upcoming.pk],
            "cover_request": [request.pk],
            "cover_invitation": [invitation.pk],
            "feed_token": [person_feed.token, supplier_feed.token],
            "email_off_token": [off_token(person, "bookings"), off_token(provider, "enquiries")],
        }
    )


def _reason(world, role):
    return {"reason": "The times do not suit us any more."}


def _offer(world, role):
    today = timezone.localdate()
    listing = Listing.objects.get(pk=world.real("listing")[0])
    rate = listing.rates.first()
    return {
        "kind": "weekly",
        "start_date": (today + timedelta(days=8)).isoformat(),
        "end_date": "",
        "day_1": "on",
        "day_1_start": "09:00",
        "day_1_end": "11:30",
        f"rate_{rate.pk}": "on",
        f"price_{rate.pk}": "",
        "notice_hours": "24",
        "charge_percent": "50",
        "expires_on": (today + timedelta(days=3)).isoformat(),
        "message": "We can start next week.",
    }


def _times(world, role):
    visit = Visit.objects.get(pk=world.real("visit")[0])
    start, end = timezone.localtime(visit.starts_at), timezone.localtime(visit.ends_at)
    return {
        "date": start.date().isoformat(),
        "start_time": start.strftime("%H:%M"),
        "end_time": end.strftime("%H:%M"),
        "note": "Went to the shops.",
    }


def _cover(world, role):
    return {
        "date": (timezone.localdate() + timedelta(days=3)).isoformat(),
        "start_time": "10:00",
        "end_time": "12:00",
        "needs": world.real("need")[:1],
        "notes": "A calm approach helps.",
    }


def targets(Target, GET_POST, EDITORS):
    """The bookings targets, built with targets.py's `Target` (passed in: targets.py imports this module)."""
    person_side = ("anonymous", "person", "provider")
    supplier_side = ("anonymous", "provider", "person")
    booking = {"pk": "booking"}
    visit = {"pk": "visit"}
    return [
        Target("bookings:mine", roles=person_side, params={"page": ["1", "2"]}, examples=60),
        Target("bookings:detail", roles=person_side, kwargs=booking, params={"page": ["1", "2"]}, examples=80),
        Target("bookings:accept", roles=person_side, methods=("POST",), kwargs=booking, examples=80),
        Target("bookings:decline", roles=person_side, methods=GET_POST, kwargs=booking, form=_reason, examples=100),
        Target(
            "bookings:request_change", roles=person_side, methods=GET_POST, kwargs=booking, form=_reason, examples=100
        ),
        Target("bookings:withdraw", roles=supplier_side, methods=("POST",), kwargs=booking, examples=60),
        Target("bookings:cancel", roles=person_side, methods=GET_POST, kwargs=booking, form=_reason, examples=100),
        Target("bookings:cover_ask", roles=person_side, methods=GET_POST, kwargs=booking, form=_cover, examples=140),
        Target(
            "bookings:offer",
            roles=supplier_side,
            methods=GET_POST,
            kwargs={"enquiry_pk": "offer_enquiry"},
            form=_offer,
            examples=300,
        ),
        Target(
            "bookings:supplier",
            roles=supplier_side,
            kwargs={"pk": "booking_supplier"},
            params={"page": ["1", "2"]},
            examples=60,
        ),
        Target("bookings:visit", roles=person_side, kwargs=visit, examples=80),
        Target(
            "bookings:visit_confirm", roles=supplier_side, methods=GET_POST, kwargs=visit, form=_times, examples=150
        ),
        Target(
            "bookings:visit_correct", roles=supplier_side, methods=GET_POST, kwargs=visit, form=_times, examples=120
        ),
        Target("bookings:visit_approve", roles=person_side, methods=("POST",), kwargs=visit, examples=60),
        Target("bookings:visit_dispute", roles=person_side, methods=GET_POST, kwargs=visit, form=_reason, examples=100),
        Target("bookings:visit_withdraw", roles=supplier_side, methods=("POST",), kwargs=visit, examples=50),
        Target("bookings:visit_refer", roles=supplier_side, methods=("POST",), kwargs=visit, examples=50),
        Target("bookings:visit_cancel", roles=person_side, methods=GET_POST, kwargs=visit, form=_reason, examples=100),
        Target("bookings:cover", roles=person_side, kwargs={"pk": "cover_request"}, examples=50),
        Target(
            "bookings:cover_cancel", roles=person_side, methods=("POST",), kwargs={"pk": "cover_request"}, examples=50
        ),
        Target("bookings:cover_invitation", roles=("anonymous", "pa", "provider"), kwargs={"pk": "cover_invitation"}),
        Target(
            "bookings:cover_take",
            roles=("anonymous", "pa", "provider"),
            methods=("POST",),
            kwargs={"pk": "cover_invitation"},
            examples=60,
        ),
        Target("bookings:calendar", roles=("anonymous", "person", "provider"), examples=40),
        Target(
            "bookings:calendar_renew",
            roles=("anonymous", "person", "provider"),
            methods=("POST",),
            form=lambda world, role: {"supplier": ""},
            examples=80,
        ),
        Target(
            "bookings:calendar_revoke",
            roles=("anonymous", "person", "provider"),
            methods=("POST",),
            form=lambda world, role: {"supplier": ""},
            examples=80,
        ),
        Target("bookings:feed", kwargs={"token": "feed_token"}, examples=60),
        Target(
            "email_choices:choices",
            roles=("anonymous", "person", "provider"),
            methods=GET_POST,
            form=lambda world, role: {"bookings": "off", "enquiries": "on"},
            examples=80,
        ),
        Target(
            "email_choices:off",
            methods=GET_POST,
            kwargs={"token": "email_off_token"},
            form=lambda world, role: {"List-Unsubscribe": "One-Click"},
            examples=80,
        ),
        Target("bookings_admin:queue", roles=EDITORS, i18n=False, params={"status": ["referred", "disputed"]}),
        Target("bookings_admin:visit", roles=EDITORS, kwargs=visit, i18n=False, examples=60),
        Target(
            "bookings_admin:decide",
            roles=EDITORS,
            methods=("POST",),
            i18n=False,
            kwargs={"pk": "visit", "action": "visit_action"},
            form=lambda world, role: {"note": "The timesheet shows the visit."},
            examples=100,
        ),
    ]


ACTIONS = {"visit_action": ["uphold", "void"]}
