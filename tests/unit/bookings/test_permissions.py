"""Written as the wrong user: nobody sees or changes another's booking, visit, cover request or feed; a supplier
sees only its own; a helper only within the "book" scope and before the arrangement's end date."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from marketplace.acting.models import Arrangement, LogEntry
from marketplace.bookings import feeds
from marketplace.bookings.models import Booking, Visit
from marketplace.core.workflow import history

from .conftest import act_for

pytestmark = pytest.mark.django_db


def _pages(booking):
    visit = booking.visits.order_by("starts_at").first()
    return [
        ("get", reverse("bookings:detail", args=[booking.pk])),
        ("get", reverse("bookings:visit", args=[visit.pk])),
        ("post", reverse("bookings:accept", args=[booking.pk])),
        ("post", reverse("bookings:decline", args=[booking.pk])),
        ("post", reverse("bookings:request_change", args=[booking.pk])),
        ("post", reverse("bookings:withdraw", args=[booking.pk])),
        ("post", reverse("bookings:cancel", args=[booking.pk])),
        ("post", reverse("bookings:cover_ask", args=[booking.pk])),
        ("post", reverse("bookings:visit_confirm", args=[visit.pk])),
        ("post", reverse("bookings:visit_correct", args=[visit.pk])),
        ("post", reverse("bookings:visit_approve", args=[visit.pk])),
        ("post", reverse("bookings:visit_dispute", args=[visit.pk])),
        ("post", reverse("bookings:visit_withdraw", args=[visit.pk])),
        ("post", reverse("bookings:visit_refer", args=[visit.pk])),
        ("post", reverse("bookings:visit_cancel", args=[visit.pk])),
        ("post", reverse("bookings:offer", args=[booking.enquiry_id])),
        ("get", reverse("bookings:supplier", args=[booking.supplier_id])),
    ]


def _state(booking):
    return (
        list(Booking.objects.values_list("pk", "status")),
        list(Visit.objects.values_list("pk", "status")),
        history(booking).count(),
    )


@pytest.mark.parametrize("who", ["stranger", "other_owner"])
def test_strangers_and_other_suppliers_get_not_found_and_change_nothing(client, booking, who, request):
    client.force_login(request.getfixturevalue(who))
    before = _state(booking)
    for method, url in _pages(booking):
        response = getattr(client, method)(url, {"reason": "x", "start_time": "09:00"})
        assert response.status_code == 404, (method, url, response.status_code)
    assert _state(booking) == before


def test_signed_out_visitors_are_sent_to_sign_in(client, booking):
    for method, url in _pages(booking):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_the_supplier_cannot_take_the_persons_actions_nor_the_person_the_suppliers(client, offer, owner, person):
    client.force_login(owner)
    assert client.post(reverse("bookings:accept", args=[offer.pk])).status_code == 404
    assert client.post(reverse("bookings:decline", args=[offer.pk]), {"reason": "no"}).status_code == 404
    client.force_login(person)
    assert client.post(reverse("bookings:withdraw", args=[offer.pk])).status_code == 404
    assert client.get(reverse("bookings:offer", args=[offer.enquiry_id])).status_code == 404
    offer.refresh_from_db()
    assert offer.status == Booking.Status.OFFERED


def test_lists_show_only_ones_own(client, booking, stranger, other_owner, other_organisation):
    client.force_login(stranger)
    page = client.get(reverse("bookings:mine")).content.decode()
    assert booking.reference not in page
    client.force_login(other_owner)
    assert (
        booking.reference
        not in client.get(reverse("bookings:supplier", args=[other_organisation.supplier_id])).content.decode()
    )
    assert client.get(reverse("bookings:supplier", args=[booking.supplier_id])).status_code == 404


def test_a_helper_with_the_book_scope_accepts_and_the_person_sees_it_in_their_log(client, offer, helper, person):
    client.force_login(helper)
    act_for(client, helper.arrangement)
    assert client.get(reverse("bookings:detail", args=[offer.pk])).status_code == 200
    assert client.post(reverse("bookings:accept", args=[offer.pk])).status_code == 302
    offer.refresh_from_db()
    assert offer.status == Booking.Status.ACCEPTED
    assert history(offer).get().by == helper
    entry = LogEntry.objects.get(person=person)
    assert entry.actor == helper and offer.reference in entry.action


def test_a_helper_without_the_book_scope_is_refused(client, offer, enquire_helper):
    client.force_login(enquire_helper)
    act_for(client, enquire_helper.arrangement)
    assert client.get(reverse("bookings:detail", args=[offer.pk])).status_code == 403
    assert client.post(reverse("bookings:accept", args=[offer.pk])).status_code == 403
    assert client.get(reverse("bookings:mine")).status_code == 403
    offer.refresh_from_db()
    assert offer.status == Booking.Status.OFFERED
    assert not LogEntry.objects.exists()


def test_a_helper_past_the_end_date_or_not_acting_gets_nothing(client, offer, helper):
    Arrangement.objects.filter(pk=helper.arrangement.pk).update(until=timezone.localdate() - timedelta(days=1))
    client.force_login(helper)
    act_for(client, helper.arrangement)
    assert client.post(reverse("bookings:accept", args=[offer.pk])).status_code == 404
    act_for(client, None)
    assert client.get(reverse("bookings:detail", args=[offer.pk])).status_code == 404
    offer.refresh_from_db()
    assert offer.status == Booking.Status.OFFERED


def test_feeds_are_ones_own(client, booking, person, owner, stranger):
    person_feed = feeds.create_or_renew(person)
    client.force_login(stranger)
    assert client.post(reverse("bookings:calendar_renew"), {"supplier": str(booking.supplier_id)}).status_code == 404
    assert client.post(reverse("bookings:calendar_revoke"), {"supplier": str(booking.supplier_id)}).status_code == 404
    client.post(reverse("bookings:calendar_revoke"))
    assert booking.supplier.calendar_feeds.count() == 0
    person_feed.refresh_from_db()  # the stranger revoked only their own (none)
    assert client.get(reverse("bookings:feed", args=["not-a-real-token"])).status_code == 404
    page = client.get(reverse("bookings:calendar")).content.decode()
    assert person_feed.token not in page


def _delivered_visit(booking, owner):
    from marketplace.bookings import visits

    visit = booking.visits.order_by("starts_at").first()
    visits.confirm(visit, owner, visit.starts_at, visit.ends_at, now=visit.ends_at)
    return visit


def test_a_helper_outside_the_book_scope_cannot_touch_visits_or_cover(client, booking, owner, enquire_helper):
    visit = _delivered_visit(booking, owner)
    client.force_login(enquire_helper)
    act_for(client, enquire_helper.arrangement)
    before = _state(booking)
    for method, url in [
        ("get", reverse("bookings:visit", args=[visit.pk])),
        ("post", reverse("bookings:visit_approve", args=[visit.pk])),
        ("post", reverse("bookings:visit_dispute", args=[visit.pk])),
        ("post", reverse("bookings:visit_cancel", args=[visit.pk])),
        ("post", reverse("bookings:cancel", args=[booking.pk])),
        ("post", reverse("bookings:cover_ask", args=[booking.pk])),
    ]:
        response = getattr(client, method)(url, {"reason": "Not right"})
        assert response.status_code == 403, (method, url, response.status_code)
    assert _state(booking) == before
    assert not LogEntry.objects.exists()


def test_a_helper_within_the_book_scope_approves_a_visit_once_and_it_is_logged(client, booking, owner, helper, person):
    visit = _delivered_visit(booking, owner)
    client.force_login(helper)
    act_for(client, helper.arrangement)
    url = reverse("bookings:visit_approve", args=[visit.pk])
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 409  # a second press changes nothing
    visit.refresh_from_db()
    assert visit.status == Visit.Status.APPROVED and visit.approved_by == helper
    assert sorted(change.transition for change in history(visit)) == ["approve", "confirm"]
    assert LogEntry.objects.filter(person=person, actor=helper).count() == 1
