"""Short-notice cover: who is asked (serves the place, offers cover, meets every need, not blocked, not the booking's
own supplier), emails within limits, the first to accept gets a one-off offer in a new thread, the others are told."""

from datetime import time, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from marketplace.bookings import cover, offers
from marketplace.bookings.models import Booking, CoverInvitation, CoverRequest
from marketplace.enquiries.models import Block, Enquiry
from providers.models import Need
from tests.factories import UserFactory
from tests.unit.providers.conftest import make_listing, make_organisation

from .conftest import publish

pytestmark = pytest.mark.django_db


def _coverer(name, email, *, postcode="EH6 6QQ", lat=55.975, lon=-3.17, radius=10, short_notice=True, needs=()):
    owner = UserFactory(email=email)
    organisation = make_organisation(owner, name=name)
    listing = publish(
        make_listing(organisation=organisation, title=f"{name} cover"),
        base_postcode=postcode,
        latitude=lat,
        longitude=lon,
        radius_km=radius,
        short_notice_cover=short_notice,
    )
    listing.needs.set(needs)
    return owner, listing


@pytest.fixture
def dementia(taxonomies):
    return Need.objects.get(slug="dementia", locale__language_code="en")


@pytest.fixture
def taxonomies(db):
    from providers.seed import seed_default_taxonomies

    seed_default_taxonomies()


@pytest.fixture
def coverers(dementia):
    near = _coverer("Near Care", "near@example.org", needs=[dementia])
    second = _coverer("Second Care", "second@example.org", lat=55.96, lon=-3.19, needs=[dementia])
    no_cover = _coverer("No Cover", "nocover@example.org", short_notice=False, needs=[dementia])
    far = _coverer("Far Care", "far@example.org", lat=57.48, lon=-4.22, needs=[dementia])  # Inverness
    no_need = _coverer("Other Needs", "otherneeds@example.org")
    return {"near": near, "second": second, "no_cover": no_cover, "far": far, "no_need": no_need}


def _ask(booking, person, needs, day=None, now=None):
    day = day or timezone.localdate() + timedelta(days=2)
    return cover.request_cover(booking, person, person, day, time(10), time(12), needs, "Needs a calm approach")


def test_only_suppliers_who_can_cover_are_asked_and_emailed(
    booking, person, coverers, dementia, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request = _ask(booking, person, [dementia])
    asked = set(request.invitations.values_list("supplier__name", flat=True))
    assert asked == {"Near Care", "Second Care"}
    recipients = {message.to[0] for message in mail.outbox}
    assert recipients == {"near@example.org", "second@example.org"}
    assert person.email not in "".join(message.body for message in mail.outbox)


def test_blocked_suppliers_are_not_asked_and_nobody_is_an_error(booking, person, coverers, dementia):
    Block.objects.create(person=person, supplier=coverers["near"][1].supplier, side="person", by=person)
    request = _ask(booking, person, [dementia])
    assert list(request.invitations.values_list("supplier__name", flat=True)) == ["Second Care"]
    Block.objects.create(person=person, supplier=coverers["second"][1].supplier, side="person", by=person)
    with pytest.raises(ValidationError) as refused:
        _ask(booking, person, [dementia], day=timezone.localdate() + timedelta(days=3))
    assert refused.value.code == "nobody"


def test_the_first_to_accept_gets_an_offer_the_others_are_told(
    client, booking, person, coverers, dementia, django_capture_on_commit_callbacks
):
    request = _ask(booking, person, [dementia])
    near_owner, near_listing = coverers["near"]
    second_owner, _ = coverers["second"]
    near_invitation = request.invitations.get(supplier=near_listing.supplier)
    second_invitation = request.invitations.exclude(pk=near_invitation.pk).get()
    mail.outbox = []
    client.force_login(near_owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("bookings:cover_take", args=[near_invitation.pk]))
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == CoverRequest.Status.TAKEN and request.taken_by == near_listing.supplier
    offer = request.offer
    assert offer.status == Booking.Status.OFFERED and offer.kind == Booking.Kind.ONE_OFF
    assert offer.enquiry.person == person and offer.enquiry.listing == near_listing
    assert offer.items.get().amount_pence == 1850
    assert {m.to[0] for m in mail.outbox} == {person.email, "second@example.org"}
    client.force_login(second_owner)
    assert client.post(reverse("bookings:cover_take", args=[second_invitation.pk])).status_code == 409
    assert Enquiry.objects.count() == 2 and Booking.objects.count() == 2
    with pytest.raises(ValidationError):
        cover.accept(second_invitation, second_owner)
    offers.accept(offer, person, person)
    assert offer.visits.count() == 1


def test_cover_is_only_for_the_person_with_a_booking_in_force(client, offer, person, coverers, dementia, owner):
    with pytest.raises(ValidationError):
        _ask(offer, person, [dementia])
    client.force_login(owner)
    booking = offers.accept(offer, person, person)
    assert client.post(reverse("bookings:cover_ask", args=[booking.pk]), {}).status_code == 404
    assert not CoverRequest.objects.exists()


def test_other_suppliers_cannot_read_an_invitation(client, booking, person, coverers, dementia, other_owner):
    request = _ask(booking, person, [dementia])
    invitation = request.invitations.first()
    client.force_login(other_owner)
    assert client.get(reverse("bookings:cover_invitation", args=[invitation.pk])).status_code == 404
    assert client.post(reverse("bookings:cover_take", args=[invitation.pk])).status_code == 404
    request.refresh_from_db()
    assert request.status == CoverRequest.Status.OPEN


def test_asking_is_limited_and_cancelling_tells_the_suppliers(
    booking, person, coverers, dementia, settings, django_capture_on_commit_callbacks
):
    settings.BOOKING_COVER_REQUESTS_PER_DAY = 1
    request = _ask(booking, person, [dementia])
    with pytest.raises(ValidationError) as refused:
        _ask(booking, person, [dementia], day=timezone.localdate() + timedelta(days=4))
    assert refused.value.code == "throttled"
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        cover.cancel(request, person, person)
    assert {m.to[0] for m in mail.outbox} == {"near@example.org", "second@example.org"}
    assert set(request.invitations.values_list("status", flat=True)) == {CoverInvitation.Status.CLOSED}


def test_past_requests_close(booking, person, coverers, dementia):
    request = _ask(booking, person, [dementia])
    from marketplace.bookings import planning

    assert planning.run_due(timezone.now() + timedelta(days=5))["cover requests closed"] == 1
    request.refresh_from_db()
    assert request.status == CoverRequest.Status.EXPIRED
