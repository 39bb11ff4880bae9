"""People for tests of acting for someone.

- ``person`` (Amina Hussain, reads in Urdu) lets ``helper`` (Sana Hussain) act for her: ``arrangement``, in force,
  with the scope "find support and enquire" only.
- ``other_person`` (Màiri MacLeod) lets ``other_helper`` act for her: ``other_arrangement``.
- ``stranger``: signed up, acts for nobody and nobody acts for them.

`as_helper(client, arrangement)` signs the helper in and switches to acting for the person through the real page.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from marketplace.acting.models import Arrangement, Basis, Scope
from tests.factories import UserFactory


def make_arrangement(person, helper, scopes=(Scope.ENQUIRE,), **fields):
    """An arrangement in force, as if `helper` had accepted `person`'s invitation."""
    now = timezone.now()
    defaults = {
        "invited_email": helper.email,
        "helper_name": helper.display_name,
        "relationship": "Daughter",
        "basis": Basis.INFORMAL,
        "status": Arrangement.Status.ACTIVE,
        "accepted_at": now,
    }
    defaults.update(fields)
    return Arrangement.objects.create(person=person, helper=helper, scopes=[str(scope) for scope in scopes], **defaults)


def make_invitation(person, email, scopes=(Scope.ENQUIRE,), **fields):
    defaults = {"helper_name": "Sana", "relationship": "Daughter", "basis": Basis.INFORMAL}
    defaults.update(fields)
    return Arrangement.objects.create(
        person=person, invited_email=email, scopes=[str(scope) for scope in scopes], **defaults
    )


def as_helper(client, arrangement):
    """Sign in as the arrangement's helper and choose to act for its person, as the switcher page does."""
    client.force_login(arrangement.helper)
    response = client.post(reverse("acting:switch"), {"act_for": str(arrangement.pk)})
    assert response.status_code == 302, response.content.decode()[:500]
    return client


@pytest.fixture
def person(db):
    return UserFactory(email="amina@example.org", display_name="Amina Hussain", preferred_language="ur")


@pytest.fixture
def helper(db):
    return UserFactory(email="sana@example.org", display_name="Sana Hussain")


@pytest.fixture
def arrangement(person, helper):
    return make_arrangement(person, helper, helper_name="Sana")


@pytest.fixture
def other_person(db):
    return UserFactory(email="mairi@example.org", display_name="Màiri MacLeod", preferred_language="gd")


@pytest.fixture
def other_helper(db):
    return UserFactory(email="jamie@example.org", display_name="Jamie Fraser")


@pytest.fixture
def other_arrangement(other_person, other_helper):
    return make_arrangement(other_person, other_helper, scopes=list(Scope), helper_name="Jamie", relationship="Broker")


@pytest.fixture
def stranger(db):
    return UserFactory(email="stranger@example.org", display_name="Sam Stranger")


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run what would happen after the commit (emails) inside the test's transaction."""
    return django_capture_on_commit_callbacks
