"""People and listings for review tests.

- ``owner`` owns ``organisation`` and its published ``listing``; ``staff`` works there.
- ``client_user``: a verified person the provider supports (invited by ``invitation``).
- ``peer``: a verified member of the accredited ``peer_group``; ``stranger``: verified, with no basis to review.
"""

import pytest
from django.test import Client
from django.utils import timezone

from marketplace.core.models import EDITORS_GROUP
from providers.models import Listing, Membership
from reviews.models import PeerGroup, PeerGroupMember, ReviewInvitation
from reviews.seed import seed_quality_stamps
from tests.factories import UserFactory
from tests.mfa import enable_totp
from tests.unit.providers.conftest import make_listing, make_organisation


@pytest.fixture(autouse=True)
def stamps(db):
    seed_quality_stamps()


@pytest.fixture
def owner(db):
    return UserFactory(email="owner@example.org", first_name="Fiona", last_name="MacLeod")


@pytest.fixture
def organisation(owner):
    return make_organisation(owner)


@pytest.fixture
def staff(organisation):
    user = UserFactory(email="staff@example.org", first_name="Callum", last_name="Reid", display_name="Callum Reid")
    Membership.objects.create(user=user, supplier=organisation.supplier, role=Membership.Role.STAFF)
    return user


def publish(listing):
    now = timezone.now()
    listing.status = Listing.Status.PUBLISHED
    listing.published_at = listing.last_confirmed_at = now
    listing.save()
    return listing


@pytest.fixture
def listing(organisation):
    return publish(make_listing(organisation=organisation, title="Leith home support"))


@pytest.fixture
def other_listing(db):
    other = make_organisation(UserFactory(email="other-owner@example.org"), name="Glasgow Care Co-op")
    return publish(make_listing(organisation=other, title="Glasgow day opportunities"))


@pytest.fixture
def client_user(db):
    return UserFactory(email="client@example.org")


@pytest.fixture
def invitation(listing, owner, client_user):
    return ReviewInvitation.objects.create(listing=listing, email=client_user.email, created_by=owner)


@pytest.fixture
def peer_group(db):
    return PeerGroup.objects.create(
        name="Leith Disabled People's Forum", coordinator_email="coordinator@example.org", accredited=True
    )


@pytest.fixture
def coordinator(db):
    return UserFactory(email="coordinator@example.org")


@pytest.fixture
def peer(peer_group):
    user = UserFactory(email="peer@example.org")
    PeerGroupMember.objects.create(group=peer_group, email=user.email)
    return user


@pytest.fixture
def editor(db):
    """An editor who has set up two-factor authentication, so the admin opens for them."""
    user = UserFactory(email="editor@example.org", groups=[EDITORS_GROUP])
    enable_totp(user)
    return user


@pytest.fixture
def editor_client(editor):
    """A browser of its own, signed in as the editor (tests may sign `client` in as someone else meanwhile)."""
    browser = Client()
    browser.force_login(editor)
    return browser


@pytest.fixture
def stranger(db):
    return UserFactory(email="stranger@example.org")


def review_data(**overrides):
    """POST data for the review form, as a browser sends it."""
    data = {
        "overall": "5",
        "reliability": "5",
        "respect": "4",
        "communication": "",
        "skills": "5",
        "value": "",
        "text": "Comes every morning on time and helps me get ready for the day centre. Always kind and patient.",
        "started_month": "3",
        "started_year": "2024",
        "stamps": ["reliable", "treats-me-with-respect"],
        "reason_reliable": "Never missed a morning in a year.",
        "reason_treats-me-with-respect": "Always asks before helping me.",
        "used_support": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
