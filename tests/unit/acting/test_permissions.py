"""Written as the wrong user: another person, the helper of someone else, a supplier, staff, the superuser, and someone
signed out. None of them reads Amina's arrangements or log, ends them, answers her invitation or acts for her."""

import pytest
from django.urls import reverse

from marketplace.acting import context
from marketplace.acting.models import Arrangement, LogEntry, Scope
from tests.factories import UserFactory
from tests.unit.providers.conftest import make_organisation

from .conftest import make_invitation

pytestmark = pytest.mark.django_db

WRONG_USERS = ["stranger", "other_helper", "supplier", "staff", "superuser"]


@pytest.fixture
def wrong_user(request, db):
    if request.param == "stranger":
        return request.getfixturevalue("stranger")
    if request.param == "other_helper":
        request.getfixturevalue("other_arrangement")
        return request.getfixturevalue("other_helper")
    if request.param == "supplier":
        owner = UserFactory(email="owner@example.org", display_name="Owner")
        make_organisation(owner)
        return owner
    if request.param == "staff":
        return UserFactory(email="staff@example.org", is_staff=True)
    return UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)


@pytest.fixture
def logged(arrangement):
    return LogEntry.objects.create(
        arrangement=arrangement,
        person=arrangement.person,
        actor=arrangement.helper,
        scope=Scope.ENQUIRE,
        action="Sent an enquiry to Leith Home Support",
    )


@pytest.mark.parametrize("wrong_user", WRONG_USERS, indirect=True)
def test_the_wrong_user_cannot_see_or_end_the_arrangement(client, arrangement, wrong_user):
    client.force_login(wrong_user)
    url = reverse("acting:end", args=[arrangement.pk])

    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    arrangement.refresh_from_db()
    assert arrangement.status == "active"


@pytest.mark.parametrize("wrong_user", WRONG_USERS, indirect=True)
def test_the_wrong_user_reads_only_their_own_lists_and_log(client, arrangement, logged, wrong_user):
    client.force_login(wrong_user)

    pages = [client.get(reverse(name)).content.decode() for name in ("acting:helpers", "acting:log", "acting:switch")]

    for page in pages:
        assert "Amina Hussain" not in page and "Sana" not in page
        assert "Sent an enquiry to Leith Home Support" not in page


@pytest.mark.parametrize("wrong_user", WRONG_USERS, indirect=True)
def test_the_wrong_user_cannot_answer_the_invitation(client, person, wrong_user):
    invitation = make_invitation(person, "sana@example.org", scopes=list(Scope))
    client.force_login(wrong_user)
    url = reverse("acting:invitation", args=[invitation.token])

    page = client.get(url)
    posted = client.post(url, {"decision": "accept"})

    assert (page.status_code, posted.status_code) == (403, 403)
    assert "Amina Hussain" not in page.content.decode()
    invitation.refresh_from_db()
    assert (invitation.status, invitation.helper) == ("invited", None)


@pytest.mark.parametrize("wrong_user", WRONG_USERS, indirect=True)
def test_the_wrong_user_cannot_switch_to_acting_for_the_person(client, arrangement, wrong_user):
    client.force_login(wrong_user)

    response = client.post(reverse("acting:switch"), {"act_for": str(arrangement.pk)})

    assert response.status_code == 400
    assert context.SESSION_KEY not in client.session
    assert "Amina Hussain" not in client.get(reverse("account_dashboard")).content.decode()


def test_someone_signed_out_is_sent_to_sign_in(client, arrangement):
    for url in (
        reverse("acting:helpers"),
        reverse("acting:invite"),
        reverse("acting:log"),
        reverse("acting:switch"),
        reverse("acting:end", args=[arrangement.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("account_login")), url
    assert client.post(reverse("acting:end", args=[arrangement.pk])).status_code == 302
    assert client.post(reverse("acting:switch"), {"act_for": str(arrangement.pk)}).status_code == 302
    arrangement.refresh_from_db()
    assert arrangement.status == "active"


def test_a_helper_acting_for_the_person_cannot_manage_her_helpers(client, arrangement, other_person):
    """Acting for Amina, Sana's own pages stay hers: she cannot end Amina's other arrangements or read her log."""
    from .conftest import as_helper, make_arrangement

    second_helper = UserFactory(email="brother@example.org")
    brothers = make_arrangement(arrangement.person, second_helper, helper_name="Bilal")
    as_helper(client, arrangement)

    assert client.post(reverse("acting:end", args=[brothers.pk])).status_code == 404
    assert "Bilal" not in client.get(reverse("acting:helpers")).content.decode()
    client.post(
        reverse("acting:invite"),
        {"helper_name": "X", "relationship": "Y", "email": "x@example.org", "scopes": ["enquire"], "basis": "informal"},
    )
    assert not Arrangement.objects.filter(person=arrangement.person, invited_email="x@example.org").exists()
    brothers.refresh_from_db()
    assert brothers.status == "active"
