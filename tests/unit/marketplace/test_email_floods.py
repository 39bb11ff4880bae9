"""Nobody can use the site to flood a stranger's inbox.

Found by probing: 20 anonymous alert sign-ups sent 20 confirmation emails to one address in seconds; ten organisation
invitations sent ten emails. Every form that emails someone other than the signed-in person is limited per recipient
and per client; over the per-recipient limit of an anonymous form the page says the same (it must not reveal whether
an address is known), and nothing more is sent.
"""

import pytest
from django.core import mail
from django.urls import reverse

from providers.models import Invitation
from reviews.models import PeerGroupMember, ReviewInvitation
from tests.factories import UserFactory
from tests.unit.providers.conftest import make_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def _post(client, on_commit, url, data, **extra):
    with on_commit(execute=True):
        return client.post(url, data, **extra)


def test_twenty_alert_signups_for_one_address_send_three_emails(client, site_tree, on_commit):
    topic = site_tree["topic"].pk
    statuses = {
        _post(client, on_commit, "/alerts/", {"email": "victim@example.org", "topics": [topic]})["Location"]
        for _ in range(20)
    }

    assert statuses == {reverse("alerts:check_email")}  # the same answer every time
    assert len(mail.outbox) == 3
    assert {message.to[0] for message in mail.outbox} == {"victim@example.org"}


def test_one_client_signing_up_many_addresses_is_stopped(client, site_tree, settings, on_commit):
    settings.EMAILS_TO_OTHERS_PER_HOUR_PER_CLIENT = 5
    topic = site_tree["topic"].pk
    responses = [
        _post(client, on_commit, "/alerts/", {"email": f"p{n}@example.org", "topics": [topic]}) for n in range(7)
    ]

    assert [response.status_code for response in responses] == [302] * 5 + [429] * 2
    assert "Try again later." in responses[-1].content.decode()
    assert len(mail.outbox) == 5


def test_an_organisation_cannot_invite_one_address_over_and_over(client, on_commit):
    owner = UserFactory(email="owner@example.org")
    organisation = make_organisation(owner)
    client.force_login(owner)
    url = reverse("providers:organisation_invite", args=[organisation.pk])

    responses = [_post(client, on_commit, url, {"email": "victim@example.org", "role": "staff"}) for _ in range(10)]

    assert responses[0].status_code == 302
    assert {response.status_code for response in responses[1:]} == {400}
    assert "already has an invitation that works" in responses[1].content.decode()
    assert len(mail.outbox) == 1
    assert Invitation.objects.count() == 1


def test_an_owner_inviting_many_people_is_slowed_down(client, settings, on_commit):
    settings.EMAILS_TO_OTHERS_PER_HOUR_PER_CLIENT = 3
    owner = UserFactory(email="owner@example.org")
    organisation = make_organisation(owner)
    client.force_login(owner)
    url = reverse("providers:organisation_invite", args=[organisation.pk])

    statuses = [_post(client, on_commit, url, {"email": f"staff{n}@example.org", "role": "staff"}) for n in range(5)]

    assert [response.status_code for response in statuses] == [302, 302, 302, 429, 429]
    assert "You have sent many invitations in the last hour." in statuses[-1].content.decode()
    assert Invitation.objects.count() == len(mail.outbox) == 3


def test_review_invitations_to_one_address_from_many_listings_are_limited(client, settings, on_commit):
    from tests.unit.providers.conftest import make_listing
    from tests.unit.reviews.conftest import publish

    owner = UserFactory(email="owner@example.org")
    organisation = make_organisation(owner)
    listings = [publish(make_listing(organisation=organisation, title=f"Service {n}")) for n in range(5)]
    client.force_login(owner)

    statuses = [
        _post(
            client,
            on_commit,
            reverse("reviews:manage", args=[listing.pk]),
            {"email": "victim@example.org"},
        ).status_code
        for listing in listings
    ]

    assert statuses == [302, 302, 302, 429, 429]
    assert ReviewInvitation.objects.count() == len(mail.outbox) == 3


def test_a_coordinator_vouching_is_limited_per_client(client, settings, on_commit):
    from reviews.models import PeerGroup

    settings.EMAILS_TO_OTHERS_PER_HOUR_PER_CLIENT = 2
    coordinator = UserFactory(email="coordinator@example.org")
    group = PeerGroup.objects.create(name="Forum", coordinator_email=coordinator.email, accredited=True)
    client.force_login(coordinator)
    url = reverse("reviews:peer_group", args=[group.pk])

    statuses = [_post(client, on_commit, url, {"email": f"m{n}@example.org"}).status_code for n in range(3)]

    assert statuses == [302, 302, 429]
    assert PeerGroupMember.objects.count() == len(mail.outbox) == 2


def test_password_resets_for_one_address_send_at_most_five_emails(client, on_commit):
    UserFactory(email="victim@example.org")
    for _ in range(12):
        _post(
            client,
            on_commit,
            reverse("account_reset_password"),
            {"email": "victim@example.org"},
        )

    assert 1 <= len(mail.outbox) <= 5


def test_signing_up_again_and_again_with_someones_address_sends_at_most_five(client, on_commit):
    UserFactory(email="victim@example.org")
    for number in range(8):
        response = _post(
            client,
            on_commit,
            reverse("account_signup"),
            {
                "email": "victim@example.org",
                "password1": f"long-password-{number}!",
                "password2": f"long-password-{number}!",
            },
            REMOTE_ADDR=f"10.0.0.{number}",
        )
        assert response.status_code in (200, 302)

    assert 1 <= len(mail.outbox) <= 5
