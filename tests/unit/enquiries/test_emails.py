"""Enquiry emails: in each reader's language, with a link to the thread in it, and one click to stop them."""

import pytest
from django.core import mail
from django.urls import reverse

from marketplace.core import email_choices
from marketplace.enquiries.models import Enquiry

from .conftest import enquiry_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def _enquire(client, person, listing, on_commit):
    client.force_login(person)
    with on_commit(execute=True):
        client.post(reverse("enquiries:new", args=[listing.slug]), enquiry_data())
    return Enquiry.objects.get()


def _reply(client, owner, enquiry, on_commit, body="Yes, we have mornings free in Leith."):
    client.force_login(owner)
    with on_commit(execute=True):
        return client.post(reverse("enquiries:thread", args=[enquiry.pk]), {"body": body})


def test_the_supplier_is_told_in_their_language_with_a_way_to_stop(client, person, listing, owner, on_commit):
    owner.preferred_language = "cy"
    owner.save()

    enquiry = _enquire(client, person, listing, on_commit)

    [message] = mail.outbox
    assert f"/cy/enquiries/{enquiry.pk}/" in message.body
    off_url = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert off_url in message.body and "/cy/accounts/email-choices/off/" in off_url
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_one_click_stops_enquiry_emails_only(client, person, listing, owner, on_commit):
    enquiry = _enquire(client, person, listing, on_commit)
    mail.outbox = []
    _reply(client, owner, enquiry, on_commit)
    [reply_email] = mail.outbox
    off_path = reply_email.extra_headers["List-Unsubscribe"].strip("<>").removeprefix("http://testserver")

    client.logout()
    assert client.post(off_path, {"List-Unsubscribe": "One-Click"}).status_code == 200  # no session, no CSRF token
    mail.outbox = []
    _reply(client, owner, enquiry, on_commit, body="We could start on Monday.")

    assert mail.outbox == []
    assert not email_choices.wants(person, "enquiries") and email_choices.wants(person, "bookings")


def test_the_choices_page_turns_each_kind_on_and_off(client, person, listing, owner, on_commit):
    client.force_login(person)
    page = client.get(reverse("email_choices:choices")).content.decode()
    assert "Emails about enquiries and messages" in page and "Emails about bookings and visits" in page

    response = client.post(reverse("email_choices:choices"), {"enquiries": "off", "bookings": "on"})
    assert response.status_code == 302
    enquiry = _enquire(client, person, listing, on_commit)
    mail.outbox = []
    _reply(client, owner, enquiry, on_commit)
    assert mail.outbox == []

    client.force_login(person)
    client.post(reverse("email_choices:choices"), {"enquiries": "on", "bookings": "on"})
    _reply(client, owner, enquiry, on_commit, body="We could start on Monday.")
    assert [m.to for m in mail.outbox] == [[person.email]]


def test_a_choice_needs_an_answer_and_saves_nothing_without_one(client, person):
    client.force_login(person)
    response = client.post(reverse("email_choices:choices"), {"enquiries": "off"})
    assert response.status_code == 400
    assert "Choose yes or no" in response.content.decode()
    assert email_choices.wants(person, "enquiries")


def test_someone_elses_link_cannot_be_forged(client, person):
    token = email_choices.off_token(person, "enquiries")
    assert client.post(reverse("email_choices:off", args=[token[:-2] + "xx"])).status_code == 404
    assert client.post(reverse("email_choices:off", args=["not-a-token"])).status_code == 404
    assert email_choices.wants(person, "enquiries")


def test_each_side_hears_when_the_other_agrees_to_share_contact_details(client, person, listing, owner, on_commit):
    enquiry = _enquire(client, person, listing, on_commit)
    mail.outbox = []

    client.force_login(owner)
    with on_commit(execute=True):
        client.post(reverse("enquiries:share", args=[enquiry.pk]))
        client.post(reverse("enquiries:share", args=[enquiry.pk]))  # a second press tells nobody again
    [offered] = mail.outbox
    assert offered.to == [person.email] and "would share contact details" in offered.subject
    assert "0131 496 0000" not in offered.body  # the email never carries the details themselves

    client.force_login(person)
    with on_commit(execute=True):
        client.post(reverse("enquiries:share", args=[enquiry.pk]))
    shared = mail.outbox[-1]
    assert shared.to == [owner.email] and "see each other's contact details" in shared.subject
    assert "person@example.org" not in shared.body
