"""Sending an enquiry, talking it through, sharing contact details only when both agree, reporting and blocking."""

import pytest
from django.core import mail
from django.urls import reverse

from marketplace.enquiries import services
from marketplace.enquiries.models import Block, Enquiry, Message, ThreadReport

from .conftest import enquiry_data

pytestmark = pytest.mark.django_db


def _send(client, person, listing, on_commit, **overrides):
    client.force_login(person)
    with on_commit(execute=True):
        response = client.post(reverse("enquiries:new", args=[listing.slug]), enquiry_data(**overrides))
    return response


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def test_a_person_sends_an_enquiry_and_the_supplier_is_told(client, person, listing, owner, on_commit):
    page = client.get(reverse("enquiries:new", args=[listing.slug]))
    assert page.status_code == 302  # sign in first

    response = _send(client, person, listing, on_commit, area="eh6 5aa")

    enquiry = Enquiry.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("enquiries:thread", args=[enquiry.pk])
    assert (enquiry.person, enquiry.supplier, enquiry.created_by) == (person, listing.supplier, person)
    assert enquiry.area == "EH6"  # a full postcode is never kept
    assert enquiry.days == [0, 2] and enquiry.hours_per_week == 6
    assert [n.slug for n in enquiry.needs.all()] == ["personal-care"]
    [message] = mail.outbox
    assert message.to == [owner.email] and "Care at home in Leith" in message.subject
    assert "person@example.org" not in message.body and "Amina" not in message.body


def test_the_thread_hides_contact_details_until_both_agree(client, person, listing, owner, on_commit):
    _send(client, person, listing, on_commit)
    enquiry = Enquiry.objects.get()
    url = reverse("enquiries:thread", args=[enquiry.pk])

    client.force_login(owner)
    supplier_view = client.get(url).content.decode()
    assert "person@example.org" not in supplier_view and "Amina" not in supplier_view
    client.post(reverse("enquiries:share", args=[enquiry.pk]))
    client.force_login(person)
    assert "0131 496 0000" not in client.get(url).content.decode()

    client.post(reverse("enquiries:share", args=[enquiry.pk]))

    assert "0131 496 0000" in client.get(url).content.decode()
    client.force_login(owner)
    assert "person@example.org" in client.get(url).content.decode()


def test_a_reply_is_timed_and_the_person_is_told(client, person, listing, owner, on_commit):
    _send(client, person, listing, on_commit)
    enquiry = Enquiry.objects.get()
    client.force_login(owner)
    mail.outbox = []

    with on_commit(execute=True):
        response = client.post(
            reverse("enquiries:thread", args=[enquiry.pk]), {"body": "Yes, we have mornings free in Leith."}
        )

    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.first_reply_at is not None
    assert [m.to for m in mail.outbox] == [[person.email]]


def test_contact_details_in_a_message_wait_for_an_editor_until_shared(client, person, listing, owner, on_commit):
    _send(client, person, listing, on_commit)
    enquiry = Enquiry.objects.get()
    client.force_login(owner)
    client.post(reverse("enquiries:thread", args=[enquiry.pk]), {"body": "Ring me on 07700 900123 any time."})
    held = Message.objects.get(body__contains="07700")
    assert held.status == Message.Status.HELD and "phone" in held.flags
    client.force_login(person)
    assert "07700 900123" not in client.get(reverse("enquiries:thread", args=[enquiry.pk])).content.decode()

    services.share_contact(enquiry, services.PERSON)
    services.share_contact(enquiry, services.SUPPLIER)
    client.force_login(owner)
    client.post(reverse("enquiries:thread", args=[enquiry.pk]), {"body": "Or ring 07700 900456 after six."})

    assert Message.objects.get(body__contains="900456").status == Message.Status.SHOWN


def test_abuse_is_held_even_after_sharing(client, person, listing, owner, on_commit):
    _send(client, person, listing, on_commit)
    enquiry = Enquiry.objects.get()
    services.share_contact(enquiry, services.PERSON)
    services.share_contact(enquiry, services.SUPPLIER)
    client.force_login(owner)
    client.post(reverse("enquiries:thread", args=[enquiry.pk]), {"body": "You are a f*cking nuisance, go away."})
    assert Message.objects.get(side="supplier").status == Message.Status.HELD


def test_an_editor_lets_a_held_message_through(client, person, listing, owner, on_commit):
    from tests.factories import UserFactory
    from tests.mfa import enable_totp

    _send(client, person, listing, on_commit, message="Please call me on 07700 900123 about mornings.")
    held = Message.objects.get()
    assert held.status == Message.Status.HELD and mail.outbox == []
    editor = UserFactory(groups=["Editors"])
    enable_totp(editor)
    client.force_login(editor)
    assert "07700 900123" in client.get(reverse("enquiries_admin:queue")).content.decode()

    with on_commit(execute=True):
        client.post(reverse("enquiries_admin:message_action", args=[held.pk, "show"]))

    held.refresh_from_db()
    assert held.status == Message.Status.SHOWN
    assert [m.to for m in mail.outbox] == [[owner.email]]


def test_either_side_reports_and_blocks(client, person, listing, owner, on_commit):
    _send(client, person, listing, on_commit)
    enquiry = Enquiry.objects.get()
    client.force_login(owner)

    client.post(reverse("enquiries:report", args=[enquiry.pk]), {"reason": "They asked for cash in hand."})
    client.post(reverse("enquiries:block", args=[enquiry.pk]))

    assert ThreadReport.objects.get().side == "supplier"
    assert Block.objects.filter(person=person, supplier=listing.supplier).exists()
    client.force_login(person)
    again = client.post(reverse("enquiries:new", args=[listing.slug]), enquiry_data())
    assert again.status_code == 400 and "You cannot send enquiries to this supplier." in again.content.decode()
    reply = client.post(reverse("enquiries:thread", args=[enquiry.pk]), {"body": "Hello, are you still there?"})
    assert reply.status_code == 400
    assert Enquiry.objects.count() == 1 and Message.objects.count() == 1


def test_enquiries_are_limited_per_person_and_per_listing(client, person, listing, on_commit, settings):
    settings.ENQUIRIES_PER_PERSON_PER_DAY = 2
    statuses = [_send(client, person, listing, on_commit).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    assert Enquiry.objects.count() == 2


def test_nobody_enquires_of_their_own_listing(client, owner, listing, on_commit):
    response = _send(client, owner, listing, on_commit)
    assert (
        response.status_code == 400 and "You cannot send an enquiry to your own listing." in response.content.decode()
    )
    assert not Enquiry.objects.exists()


def test_the_listing_shows_how_quickly_the_supplier_replies(client, person, listing, owner, on_commit):
    from datetime import timedelta

    from django.utils import timezone

    url = reverse("listings:detail", args=[listing.slug])
    assert "Not enough enquiries yet" in client.get(url).content.decode()
    now = timezone.now()
    for hours in (2, 4, 30):
        enquiry = services.send_enquiry(person, listing, _request(), person, now=now - timedelta(days=3))
        Enquiry.objects.filter(pk=enquiry.pk).update(first_reply_at=now - timedelta(days=3) + timedelta(hours=hours))
    services.send_enquiry(person, listing, _request(), person, now=now - timedelta(days=2))  # never answered

    page = client.get(url).content.decode()

    assert "Usually replies within 4 hours." in page
    assert "Answered 3 of 4 enquiries in the last 90 days." in page


def _request():
    return services.Request(
        needs=[],
        service_types=[],
        area="EH6",
        days=[],
        times=[],
        start_date=None,
        hours_per_week=None,
        funding_option=None,
        language="en",
        message="We need some help in the mornings, please.",
    )


def test_an_editor_closes_a_reported_conversation_once(client, person, listing, owner, on_commit):
    from tests.factories import UserFactory
    from tests.mfa import enable_totp

    _send(client, person, listing, on_commit)
    enquiry = Enquiry.objects.get()
    client.force_login(owner)
    client.post(reverse("enquiries:report", args=[enquiry.pk]), {"reason": "They asked for cash in hand."})
    report = ThreadReport.objects.get()
    assert client.get(reverse("enquiries_admin:reports")).status_code == 403  # suppliers are not editors
    assert client.post(reverse("enquiries_admin:close_report", args=[report.pk])).status_code == 403

    editor = UserFactory(groups=["Editors"])
    enable_totp(editor)
    client.force_login(editor)
    waiting = client.get(reverse("enquiries_admin:reports")).content.decode()
    assert "They asked for cash in hand." in waiting and "Close the report" in waiting

    client.post(reverse("enquiries_admin:close_report", args=[report.pk]), {"note": "Warned the supplier."})
    client.post(reverse("enquiries_admin:close_report", args=[report.pk]), {"note": "Second click."})

    report.refresh_from_db()
    assert (report.status, report.decided_by, report.decision_note) == ("closed", editor, "Warned the supplier.")
    assert "They asked for cash in hand." not in client.get(reverse("enquiries_admin:reports")).content.decode()
    closed = client.get(reverse("enquiries_admin:reports"), {"status": "closed"}).content.decode()
    assert "Warned the supplier." in closed
