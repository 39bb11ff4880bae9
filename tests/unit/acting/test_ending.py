"""Either side ends an arrangement at once, after a confirmation page; the other side is told."""

import pytest
from django.core import mail
from django.urls import reverse

from marketplace.acting.models import Arrangement
from marketplace.core.workflow import history

from .conftest import as_helper, make_invitation

pytestmark = pytest.mark.django_db


def test_the_person_sees_her_helpers_and_ends_one_at_once(client, on_commit, arrangement, person, helper):
    helper_browser = as_helper(type(client)(), arrangement)
    client.force_login(person)

    listing = client.get(reverse("acting:helpers")).content.decode()
    confirm = client.get(reverse("acting:end", args=[arrangement.pk]))
    with on_commit(execute=True):
        ended = client.post(reverse("acting:end", args=[arrangement.pk]))

    assert "Sana" in listing and "Daughter" in listing and "Find support and send enquiries" in listing
    assert "Informal help (family, friend or carer)" in listing and "No end date" in listing
    assert confirm.status_code == 200 and "Stop <bdi>Sana</bdi> acting for you?" in confirm.content.decode()
    assert ended.status_code == 302 and ended["Location"] == reverse("acting:helpers")
    arrangement.refresh_from_db()
    assert (arrangement.status, arrangement.ended_by) == ("ended", person)
    assert [change.transition for change in history(arrangement)] == ["end"]
    [told] = mail.outbox
    assert told.to == [helper.email] and "You no longer act for Amina Hussain" in told.subject
    next_page = helper_browser.get(reverse("account_dashboard")).content.decode()
    assert "app-acting-banner" not in next_page
    assert "the arrangement you were using has ended" in next_page
    after = client.get(reverse("acting:helpers")).content.decode()
    assert "Nobody acts for you." in after and "Earlier invitations and arrangements" in after


def test_the_helper_stops_and_the_person_is_told(client, on_commit, arrangement, person):
    as_helper(client, arrangement)

    confirm = client.get(reverse("acting:end", args=[arrangement.pk]))
    with on_commit(execute=True):
        ended = client.post(reverse("acting:end", args=[arrangement.pk]))

    assert confirm.status_code == 200 and "Stop acting for <bdi>Amina Hussain</bdi>?" in confirm.content.decode()
    assert ended["Location"] == reverse("acting:switch")
    arrangement.refresh_from_db()
    assert arrangement.status == "ended"
    assert mail.outbox[-1].to == [person.email]
    page = client.get(ended["Location"]).content.decode()
    assert "app-acting-banner" not in page
    assert "You no longer act for Amina Hussain. We have told them." in page


def test_the_person_cancels_an_invitation_and_nobody_is_emailed(client, on_commit, person):
    invitation = make_invitation(person, "sana@example.org")
    client.force_login(person)

    with on_commit(execute=True):
        client.post(reverse("acting:end", args=[invitation.pk]))

    invitation.refresh_from_db()
    assert invitation.status == "ended" and not mail.outbox


def test_ending_twice_changes_nothing(client, on_commit, arrangement, person):
    client.force_login(person)
    with on_commit(execute=True):
        client.post(reverse("acting:end", args=[arrangement.pk]))
        again = client.post(reverse("acting:end", args=[arrangement.pk]))

    assert again.status_code == 302
    assert len(mail.outbox) == 1
    assert Arrangement.objects.get().status == "ended"
    assert len(history(arrangement)) == 1


def test_a_declined_invitation_cannot_be_ended(client, person):
    declined = make_invitation(person, "sana@example.org", status="declined")
    client.force_login(person)

    client.post(reverse("acting:end", args=[declined.pk]))

    declined.refresh_from_db()
    assert declined.status == "declined"
