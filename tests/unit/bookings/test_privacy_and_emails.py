"""The person's bookings in their download and after they delete their account; emails in the reader's language,
the one choice to stop them, and one-click unsubscribe."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from marketplace.bookings import cancellations, offers, visits
from marketplace.bookings.models import Booking, CalendarFeed, Side, Visit
from marketplace.core import email_choices
from marketplace.core.models import EmailChoice, StatusChange
from marketplace.core.privacy import delete_account, export_user_data

pytestmark = pytest.mark.django_db


def test_the_download_holds_bookings_visits_and_amounts(booking, person):
    data = export_user_data(person)
    (exported,) = data["bookings"]
    assert exported["reference"] == booking.reference and exported["supplier"] == "Leith Home Support"
    assert exported["items"][0]["amount_pence"] == 1850
    assert len(exported["visits"]) == 16


def test_deleting_the_account_keeps_the_suppliers_record_without_the_person(booking, person, owner):
    first, second = booking.visits.order_by("starts_at")[:2]
    visits.confirm(first, owner, first.starts_at, first.ends_at, now=first.ends_at)
    visits.dispute(first, person, person, "My neighbour Jo says it was short", now=first.ends_at)
    first.refresh_from_db()
    claimed = first.amount_due_pence
    from marketplace.bookings import feeds

    feeds.create_or_renew(person)
    delete_account(person)
    booking.refresh_from_db()
    assert booking.person is None and booking.place == ""
    assert booking.status == Booking.Status.CANCELLED
    first.refresh_from_db()
    assert (
        first.dispute_reason == "" and first.amount_due_pence == claimed == 3700
    )  # the supplier's claim stays to settle
    assert not booking.visits.filter(status=Visit.Status.PLANNED, starts_at__gt=second.starts_at).exists()
    assert not StatusChange.objects.filter(reason__contains="Jo").exists()
    assert not CalendarFeed.objects.exists()
    assert booking.items.get().amount_pence == 1850


def test_emails_go_in_each_readers_language(offer, person, owner, django_capture_on_commit_callbacks):
    owner.preferred_language = "pl"
    owner.save()
    with django_capture_on_commit_callbacks(execute=True):
        offers.accept(offer, person, person)
    (message,) = mail.outbox
    assert message.to == [owner.email]
    assert "/pl/bookings/" in message.body


def test_turning_emails_off_stops_them(client, booking, person, owner, django_capture_on_commit_callbacks):
    client.force_login(person)
    choices = {"bookings": "off", "enquiries": "on"}
    assert client.post(reverse("email_choices:choices"), choices).status_code == 302
    visit = booking.visits.order_by("starts_at").first()
    with django_capture_on_commit_callbacks(execute=True):
        visits.confirm(visit, owner, visit.starts_at, visit.ends_at, now=visit.ends_at)
    assert not mail.outbox
    assert "We do not email you about bookings" in client.get(reverse("account_dashboard")).content.decode()


def test_one_click_off_from_an_email(client, person, booking):
    url = reverse("email_choices:off", args=[email_choices.off_token(person, "bookings")])
    assert client.get(url).status_code == 200
    assert not EmailChoice.objects.exists()
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert EmailChoice.objects.get(user=person, topic="bookings").send is False
    assert email_choices.wants(person, "enquiries")
    assert client.get(reverse("email_choices:off", args=["forged"])).status_code == 404


def test_cancellation_emails_tell_the_other_side(booking, person, owner, django_capture_on_commit_callbacks):
    visit = booking.visits.order_by("starts_at").first()
    with django_capture_on_commit_callbacks(execute=True):
        cancellations.cancel_visit(visit, person, Side.PERSON, "Ill", now=visit.starts_at - timedelta(hours=2))
    assert [message.to for message in mail.outbox] == [[owner.email]]
    assert "Ill" in mail.outbox[0].body
