"""A person invites a helper by email; the helper, signed in with that confirmed address, accepts or declines once;
the person is told."""

import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from marketplace.acting.models import Arrangement, Scope
from marketplace.core.workflow import history
from tests.factories import UserFactory

from .conftest import make_arrangement, make_invitation

pytestmark = pytest.mark.django_db

FORM = {
    "helper_name": "Sana",
    "relationship": "Daughter",
    "email": "sana@example.org",
    "scopes": ["enquire", "book"],
    "basis": "informal",
    "until_day": "",
    "until_month": "",
    "until_year": "",
}


def invite(client, on_commit, person, **changes):
    client.force_login(person)
    with on_commit(execute=True):
        return client.post(reverse("acting:invite"), {**FORM, **changes})


def link_in(message):
    return re.search(r"http://testserver(/\S+/invitation/\S+/)", message.body).group(1)


def test_the_person_invites_and_the_helper_is_emailed_a_link(client, on_commit, person):
    next_year = timezone.localdate().year + 1
    response = invite(client, on_commit, person, until_day="31", until_month="3", until_year=str(next_year))

    assert response.status_code == 302 and response["Location"] == reverse("acting:helpers")
    arrangement = Arrangement.objects.get()
    assert (arrangement.person, arrangement.helper, arrangement.status) == (person, None, "invited")
    assert arrangement.scopes == ["enquire", "book"] and arrangement.until.isoformat() == f"{next_year}-03-31"
    [message] = mail.outbox
    assert message.to == ["sana@example.org"]
    assert "Amina Hussain asks you to act for them" in message.subject
    assert "Find support and send enquiries" in message.body and "Read and answer messages" not in message.body
    assert link_in(message) == reverse("acting:invitation", args=[arrangement.token])
    page = client.get(reverse("acting:helpers")).content.decode()
    assert "Invitations waiting for an answer" in page and "sana@example.org" in page


def test_the_invitation_is_written_in_the_helpers_own_language(client, on_commit, person, settings):
    UserFactory(email="sana@example.org", preferred_language="pl")

    invite(client, on_commit, person)

    english = "%(name)s asks you to act for them on %(site_name)s"
    with translation.override("pl"):
        expected = translation.gettext(english)
    assert expected != english
    assert mail.outbox[0].subject == expected % {"name": "Amina Hussain", "site_name": settings.SITE_NAME}


def test_the_helper_accepts_once_and_the_person_is_told(client, on_commit, person, helper):
    invite(client, on_commit, person)
    link = link_in(mail.outbox[0])
    client.force_login(helper)

    page = client.get(link)
    with on_commit(execute=True):
        accepted = client.post(link, {"decision": "accept"})
    again = client.post(link, {"decision": "accept"})

    assert page.status_code == 200
    text = page.content.decode()
    assert "Amina Hussain" in text and "Agree bookings and approve visits" in text
    assert accepted.status_code == 302 and accepted["Location"] == reverse("acting:switch")
    arrangement = Arrangement.objects.get()
    assert (arrangement.status, arrangement.helper) == ("active", helper)
    assert [change.transition for change in history(arrangement)] == ["accept"]
    assert again.status_code == 410
    told = mail.outbox[-1]
    assert told.to == [person.email]
    with translation.override("ur"):  # the person reads in Urdu
        assert translation.gettext("%(name)s can now act for you") % {"name": "Sana"} == told.subject
    switcher = client.get(reverse("acting:switch")).content.decode()
    assert "Amina Hussain" in switcher


def test_the_helper_declines_and_the_person_is_told(client, on_commit, person, helper):
    invite(client, on_commit, person)
    link = link_in(mail.outbox[0])
    client.force_login(helper)

    with on_commit(execute=True):
        declined = client.post(link, {"decision": "decline"})

    assert declined.status_code == 302
    arrangement = Arrangement.objects.get()
    assert (arrangement.status, arrangement.helper) == ("declined", None)
    assert mail.outbox[-1].to == [person.email]
    assert client.get(link).status_code == 410
    assert client.post(link, {"decision": "accept"}).status_code == 410


def test_only_the_invited_address_confirmed_may_answer(client, person, stranger):
    invitation = make_invitation(person, "sana@example.org")
    link = reverse("acting:invitation", args=[invitation.token])
    unconfirmed = UserFactory(email="sana@example.org", verified=False)
    stranger_with_the_address = stranger
    EmailAddress.objects.create(user=stranger, email="sana@example.org", verified=False, primary=False)

    for user in (unconfirmed, stranger_with_the_address):
        client.force_login(user)
        page = client.get(link)
        posted = client.post(link, {"decision": "accept"})
        assert (page.status_code, posted.status_code) == (403, 403)
        assert "Amina Hussain" not in page.content.decode()
    invitation.refresh_from_db()
    assert invitation.status == "invited" and invitation.helper is None


def test_a_confirmed_second_address_of_the_helper_works(client, person, stranger):
    invitation = make_invitation(person, "Carer.Work@Example.org")
    EmailAddress.objects.create(user=stranger, email="carer.work@example.org", verified=True, primary=False)
    client.force_login(stranger)

    response = client.post(reverse("acting:invitation", args=[invitation.token]), {"decision": "accept"})

    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.helper == stranger


def test_someone_signed_out_is_asked_to_sign_in_with_the_address_and_learns_nothing(client, person):
    invitation = make_invitation(person, "sana@example.org")
    link = reverse("acting:invitation", args=[invitation.token])

    page = client.get(link)
    posted = client.post(link, {"decision": "accept"})

    text = page.content.decode()
    assert page.status_code == 200
    assert "Amina Hussain" not in text and "sana@example.org" not in text
    assert f"{reverse('account_login')}?next={link.replace('/', '%2F')}" in text
    assert f"{reverse('account_signup')}?next=" in text
    assert posted.status_code == 302 and posted["Location"].startswith(reverse("account_login"))
    invitation.refresh_from_db()
    assert invitation.status == "invited"


@pytest.mark.parametrize(
    ("change", "status"),
    [
        ({"invitation_expires_at": timezone.now() - timedelta(minutes=1)}, 410),
        ({"until": timezone.localdate() - timedelta(days=1)}, 410),
        ({"status": "ended"}, 410),
    ],
)
def test_an_expired_or_cancelled_invitation_does_not_work(client, person, helper, change, status):
    invitation = make_invitation(person, helper.email, **change)
    client.force_login(helper)

    response = client.post(reverse("acting:invitation", args=[invitation.token]), {"decision": "accept"})

    assert response.status_code == status
    invitation.refresh_from_db()
    assert invitation.helper is None


def test_an_unknown_link_is_not_found(client, helper):
    client.force_login(helper)
    assert client.get(reverse("acting:invitation", args=["not-a-token"])).status_code == 404


def test_a_helper_who_already_acts_for_the_person_cannot_accept_a_second_arrangement(client, person, helper):
    make_arrangement(person, helper)
    EmailAddress.objects.create(user=helper, email="sana.work@example.org", verified=True, primary=False)
    invitation = make_invitation(person, "sana.work@example.org")
    client.force_login(helper)

    response = client.post(reverse("acting:invitation", args=[invitation.token]), {"decision": "accept"})

    assert response.status_code == 409
    assert Arrangement.objects.in_force().count() == 1


def test_the_person_cannot_accept_her_own_invitation(client, person):
    invitation = make_invitation(person, "amina.other@example.org")
    EmailAddress.objects.create(user=person, email="amina.other@example.org", verified=True, primary=False)
    client.force_login(person)

    response = client.post(reverse("acting:invitation", args=[invitation.token]), {"decision": "accept"})

    assert response.status_code == 403
    invitation.refresh_from_db()
    assert invitation.status == "invited"


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("amina@example.org", "this one is yours"),
        ("AMINA@example.org", "this one is yours"),
    ],
)
def test_the_person_cannot_invite_herself(client, on_commit, person, email, message):
    response = invite(client, on_commit, person, email=email)

    assert response.status_code == 400 and message in response.content.decode()
    assert not Arrangement.objects.exists() and not mail.outbox


def test_one_invitation_at_a_time_per_address(client, on_commit, person):
    invite(client, on_commit, person)
    again = invite(client, on_commit, person, email="SANA@example.org")

    assert again.status_code == 400
    assert "You have already invited" in again.content.decode()
    assert Arrangement.objects.count() == 1 and len(mail.outbox) == 1


def test_someone_who_already_acts_for_the_person_is_not_invited_again(client, on_commit, person, helper):
    make_arrangement(person, helper)

    response = invite(client, on_commit, person, email=helper.email)

    assert response.status_code == 400 and "already acts for you" in response.content.decode()
    assert not mail.outbox


def test_after_cancelling_the_person_can_invite_the_address_again(client, on_commit, person):
    invite(client, on_commit, person)
    first = Arrangement.objects.get()
    client.post(reverse("acting:end", args=[first.pk]))
    again = invite(client, on_commit, person)

    assert again.status_code == 302
    assert Arrangement.objects.count() == 2 and len(mail.outbox) == 2
    first.refresh_from_db()
    assert first.status == "ended"
    assert client.get(link_in(mail.outbox[0])).status_code in (403, 410)


def test_one_person_sending_many_invitations_is_slowed_down(client, on_commit, person, settings):
    settings.EMAILS_TO_OTHERS_PER_HOUR_PER_CLIENT = 3

    statuses = [invite(client, on_commit, person, email=f"helper{n}@example.org").status_code for n in range(5)]

    assert statuses == [302, 302, 302, 429, 429]
    assert (
        "You have sent many invitations in the last hour."
        in invite(client, on_commit, person, email="helper9@example.org").content.decode()
    )
    assert len(mail.outbox) == 3 and Arrangement.objects.count() == 3


def test_one_address_invited_by_many_people_hears_from_us_a_few_times_an_hour(client, on_commit, settings):
    settings.EMAILS_TO_OTHERS_PER_HOUR_PER_RECIPIENT = 2
    people = [UserFactory(email=f"inviter{n}@example.org") for n in range(4)]

    statuses = [invite(client, on_commit, person, email="victim@example.org").status_code for person in people]

    assert statuses == [302, 302, 429, 429]
    assert len(mail.outbox) == 2


def test_the_scopes_are_kept_in_a_fixed_order_and_only_known_ones(person):
    from marketplace.acting import services

    arrangement = services.invite(
        person,
        email="sana@example.org",
        helper_name="Sana",
        relationship="Daughter",
        scopes=["money", "enquire", "everything"],
        basis="informal",
    )

    assert arrangement.scopes == [Scope.ENQUIRE, Scope.MONEY]
