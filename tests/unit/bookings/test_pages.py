"""Pages and panels: the account page, the supplier's dashboard and the thread section show what is waiting; query
counts stay the same as visits grow; editors decide disputes in the admin."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from marketplace.bookings import offers, panels, visits
from marketplace.bookings.models import Visit
from tests.mfa import enable_totp

from .conftest import act_for, make_enquiry, weekly_draft

pytestmark = pytest.mark.django_db


def _more_bookings(person, listing, owner, count):
    for _ in range(count):
        enquiry = make_enquiry(person, listing)
        booking = offers.accept(
            offers.make_offer(enquiry, weekly_draft(listing, days=(0, 1, 2, 3, 4)), owner), person, person
        )
        first = booking.visits.order_by("starts_at").first()
        visits.confirm(first, owner, first.starts_at, first.ends_at, now=first.ends_at)


def _count(client, url, django_assert_max_num_queries, limit=60):
    with django_assert_max_num_queries(limit) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("side", ["person", "supplier"])
def test_lists_and_dashboards_stay_bounded_as_visits_grow(
    client, booking, person, owner, listing, side, django_assert_max_num_queries
):
    if side == "person":
        client.force_login(person)
        urls = [reverse("bookings:mine"), reverse("account_dashboard"), reverse("bookings:detail", args=[booking.pk])]
    else:
        client.force_login(owner)
        urls = [
            reverse("bookings:supplier", args=[booking.supplier_id]),
            reverse("providers:home"),
            reverse("bookings:detail", args=[booking.pk]),
        ]
    client.get(urls[0])  # the session's first write after signing in (a supplier's short session) is not the page's
    before = [_count(client, url, django_assert_max_num_queries) for url in urls]
    _more_bookings(person, listing, owner, 4)
    after = [_count(client, url, django_assert_max_num_queries) for url in urls]
    assert after == before


def test_the_account_panel_shows_what_waits(client, offer, person):
    client.force_login(person)
    page = client.get(reverse("account_dashboard")).content.decode()
    assert "1 offer waiting for your answer" in page


def test_the_dashboard_panel_counts_visits_to_confirm(client, booking, owner):
    first = booking.visits.order_by("starts_at").first()
    Visit.objects.filter(pk=first.pk).update(starts_at=timezone.now() - timedelta(hours=3))
    client.force_login(owner)
    page = client.get(reverse("providers:home")).content.decode()
    assert "1 visit to confirm" in page


def test_the_thread_section_for_each_side(rf, offer, person, owner, stranger, helper, enquire_helper, client):
    from django.contrib.sessions.backends.db import SessionStore

    def request_for(user, arrangement=None):
        request = rf.get("/")
        request.user = user
        request.session = SessionStore()
        if arrangement:
            request.session["acting_for"] = arrangement.pk
        return request

    enquiry = offer.enquiry
    assert panels.thread_section(enquiry, request_for(person), "person")["open_offer"] == offer
    assert panels.thread_section(enquiry, request_for(owner), "supplier")["can_offer"]
    assert panels.thread_section(enquiry, request_for(stranger), "person") is None
    assert panels.thread_section(enquiry, request_for(stranger), "supplier") is None
    assert panels.thread_section(enquiry, request_for(owner), "person") is None
    assert panels.thread_section(enquiry, request_for(helper, helper.arrangement), "person")["bookings"] == [offer]
    assert panels.thread_section(enquiry, request_for(enquire_helper, enquire_helper.arrangement), "person") == {
        "template": "bookings/_thread_section.html",
        "no_scope": True,
        "side": "person",
    }


def test_editors_decide_disputes_in_the_admin(client, booking, owner, person, editor, other_owner):
    first = booking.visits.order_by("starts_at").first()
    visits.confirm(first, owner, first.starts_at, first.ends_at, now=first.ends_at)
    visits.dispute(first, person, person, "Never came", now=first.ends_at)
    visits.refer(first, owner, now=first.ends_at)
    client.force_login(other_owner)
    assert client.get(reverse("bookings_admin:queue")).status_code in (302, 403)
    assert client.post(reverse("bookings_admin:decide", args=[first.pk, "uphold"]), {"note": "x"}).status_code == 403
    enable_totp(editor)
    client.force_login(editor)
    session = client.session
    session["mfa_authenticated"] = True
    session.save()
    queue = client.get(reverse("bookings_admin:queue"))
    assert queue.status_code == 200 and booking.reference in queue.content.decode()
    assert client.get(reverse("bookings_admin:visit", args=[first.pk])).status_code == 200
    client.post(reverse("bookings_admin:decide", args=[first.pk, "uphold"]), {"note": ""})
    first.refresh_from_db()
    assert first.status == Visit.Status.REFERRED  # a note is needed
    client.post(reverse("bookings_admin:decide", args=[first.pk, "uphold"]), {"note": "The timesheet shows it"})
    first.refresh_from_db()
    assert first.status == Visit.Status.APPROVED and first.decided_by == editor


def test_a_helper_sees_the_persons_list(client, booking, helper):
    client.force_login(helper)
    act_for(client, helper.arrangement)
    page = client.get(reverse("bookings:mine")).content.decode()
    assert booking.reference in page


def test_the_thread_page_shows_the_offer_to_each_side(client, offer, person, owner):
    thread = reverse("enquiries:thread", args=[offer.enquiry_id])
    client.force_login(person)
    page = client.get(thread).content.decode()
    assert offer.reference in page and reverse("bookings:accept", args=[offer.pk]) in page
    client.force_login(owner)
    page = client.get(thread).content.decode()
    assert offer.reference in page and reverse("bookings:offer", args=[offer.enquiry_id]) in page
    assert reverse("bookings:accept", args=[offer.pk]) not in page
