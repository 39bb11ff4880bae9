"""Private calendar feeds: valid iCalendar, only one's own visits, no names of the other side, contact details only
once both agreed to share them; revoked or renewed addresses stop at once, and so does a former member's."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from marketplace.bookings import feeds
from marketplace.bookings.models import CalendarFeed
from marketplace.enquiries.models import Enquiry
from providers.models import Membership

pytestmark = pytest.mark.django_db


def _read(client, feed):
    response = client.get(reverse("bookings:feed", args=[feed.token]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    return response.content.decode(), Calendar.from_ical(response.content)


def test_the_persons_feed_names_the_supplier_not_the_person(client, booking, person):
    text, calendar = _read(client, feeds.create_or_renew(person))
    events = calendar.walk("VEVENT")
    assert len(events) == 16
    assert "Leith Home Support" in str(events[0]["SUMMARY"]) or "Leith Home Support" in text
    assert person.display_name not in text and person.email not in text
    assert "hello@leith.example.org" not in text  # not shared yet


def test_the_suppliers_feed_never_names_the_person(client, booking, owner, person):
    text, calendar = _read(client, feeds.create_or_renew(owner, booking.supplier))
    assert len(calendar.walk("VEVENT")) == 16
    assert booking.reference in text
    assert person.display_name not in text and person.email not in text


def test_contact_details_once_both_agreed(client, booking, owner, person):
    now = timezone.now()
    Enquiry.objects.filter(pk=booking.enquiry_id).update(person_shares_contact_at=now, supplier_shares_contact_at=now)
    supplier_text, _ = _read(client, feeds.create_or_renew(owner, booking.supplier))
    person_text, _ = _read(client, feeds.create_or_renew(person))
    assert person.email in supplier_text.replace("\r\n ", "")
    assert "hello@leith.example.org" in person_text.replace("\r\n ", "")


def test_renewed_revoked_and_former_members_feeds_stop(client, booking, owner, staff, person):
    old = feeds.create_or_renew(person)
    old_token = old.token
    new = feeds.create_or_renew(person)
    assert new.token != old_token and CalendarFeed.objects.filter(user=person).count() == 1
    assert client.get(reverse("bookings:feed", args=[old_token])).status_code == 404
    feeds.revoke(person)
    assert client.get(reverse("bookings:feed", args=[new.token])).status_code == 404
    staff_feed = feeds.create_or_renew(staff, booking.supplier)
    _read(client, staff_feed)
    Membership.objects.filter(user=staff).delete()
    assert client.get(reverse("bookings:feed", args=[staff_feed.token])).status_code == 404


def test_the_calendar_page_gets_renews_and_revokes(client, person, booking):
    client.force_login(person)
    client.post(reverse("bookings:calendar_renew"))
    feed = CalendarFeed.objects.get(user=person)
    assert feed.token in client.get(reverse("bookings:calendar")).content.decode()
    assert len(feed.token) >= 40
    client.post(reverse("bookings:calendar_renew"))
    assert CalendarFeed.objects.get(user=person).token != feed.token
    client.post(reverse("bookings:calendar_revoke"))
    assert not CalendarFeed.objects.filter(user=person).exists()


def test_cancelled_visits_show_as_cancelled_and_old_ones_drop_off(client, booking, person):
    from marketplace.bookings import cancellations
    from marketplace.bookings.models import Side

    visit = booking.visits.order_by("starts_at").first()
    cancellations.cancel_visit(visit, person, Side.PERSON, "Away", now=visit.starts_at - timedelta(days=3))
    _text, calendar = _read(client, feeds.create_or_renew(person))
    statuses = [str(event["STATUS"]) for event in calendar.walk("VEVENT")]
    assert statuses.count("CANCELLED") == 1


@pytest.mark.parametrize("supplier", ["²", "٣", "1²", "9" * 19])
def test_a_supplier_that_is_not_plain_digits_is_not_found_and_revokes_nothing(client, person, booking, supplier):
    client.force_login(person)
    client.post(reverse("bookings:calendar_renew"))
    response = client.post(reverse("bookings:calendar_revoke"), {"supplier": supplier})
    assert response.status_code == 404
    assert CalendarFeed.objects.filter(user=person).exists()
