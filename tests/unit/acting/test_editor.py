"""An editor ends an arrangement at once (a safeguarding concern, say): found by either person's address, ended with a
reason both people read, and the helper's very next request acts for nobody. Nobody but an editor gets in."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from marketplace.acting import context
from marketplace.acting.models import Arrangement, Scope
from marketplace.core.models import EDITORS_GROUP, StatusChange
from tests.factories import UserFactory
from tests.mfa import enable_totp

from .conftest import as_helper, make_invitation

pytestmark = pytest.mark.django_db

REASON = "The council has a safeguarding concern and has asked us to stop this for now."


@pytest.fixture
def editor(db):
    user = UserFactory(email="editor@example.org", groups=[EDITORS_GROUP])
    enable_totp(user)
    return user


@pytest.fixture
def editor_client(editor):
    browser = Client()
    browser.force_login(editor)
    return browser


def _find(editor_client, email):
    return editor_client.get(reverse("acting_admin:index"), {"email": email})


def test_the_editor_finds_an_arrangement_by_either_address(editor_client, arrangement, other_arrangement):
    for email in ("amina@example.org", "SANA@example.org"):
        page = _find(editor_client, email).content.decode()
        assert "Amina Hussain" in page and reverse("acting_admin:end", args=[arrangement.pk]) in page
        assert "Màiri MacLeod" not in page
    assert "Amina Hussain" not in editor_client.get(reverse("acting_admin:index")).content.decode()  # none unasked


def test_the_editor_ends_it_at_once_and_both_people_read_why(
    client, editor_client, editor, on_commit, arrangement, person, helper
):
    as_helper(client, arrangement)
    with on_commit(execute=True):
        response = editor_client.post(reverse("acting_admin:end", args=[arrangement.pk]), {"reason": REASON})

    assert response.status_code == 302
    arrangement.refresh_from_db()
    assert (arrangement.status, arrangement.ended_by) == ("ended", editor)
    change = StatusChange.objects.filter(object_id=arrangement.pk, to_status="ended").get()
    assert (change.by, change.reason) == (editor, REASON)
    assert sorted(message.to[0] for message in mail.outbox) == sorted([helper.email, person.email])
    assert all(REASON in message.body for message in mail.outbox)
    client.get(reverse("account_dashboard"))
    assert context.SESSION_KEY not in client.session  # the helper acts for herself again


def test_the_editor_withdraws_an_invitation(editor_client, on_commit, person):
    invitation = make_invitation(person, "sana@example.org", scopes=list(Scope))
    assert "Amina Hussain" in _find(editor_client, "sana@example.org").content.decode()

    with on_commit(execute=True):
        editor_client.post(reverse("acting_admin:end", args=[invitation.pk]), {"reason": REASON})

    invitation.refresh_from_db()
    assert invitation.status == "ended"
    assert [message.to for message in mail.outbox] == [[person.email]]


@pytest.mark.parametrize(
    ("reason", "message"),
    [
        ("", "Say why you are ending it: both people will read this."),
        ("   ", "Say why you are ending it: both people will read this."),
        ("x" * 1001, "Write 1000 characters or fewer"),
    ],
)
def test_no_reason_is_explained_and_nothing_changes(editor_client, arrangement, reason, message):
    """The admin is in English only (WAGTAILADMIN_PERMITTED_LANGUAGES); its words still go through gettext."""
    response = editor_client.post(reverse("acting_admin:end", args=[arrangement.pk]), {"reason": reason})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not mail.outbox
    arrangement.refresh_from_db()
    assert arrangement.status == "active"


def test_an_address_in_the_wrong_format_is_explained(editor_client):
    response = _find(editor_client, "not an address")

    assert response.status_code == 400
    assert "Enter an email address in the correct format" in response.content.decode()


def test_an_ended_or_unknown_arrangement_is_not_found(editor_client, arrangement, person):
    from marketplace.acting import services

    services.end(arrangement, person)
    for pk in (arrangement.pk, 10**9, 2**63):
        assert editor_client.get(f"/admin/acting/{pk}/end/").status_code == 404
        assert editor_client.post(f"/admin/acting/{pk}/end/", {"reason": REASON}).status_code == 404


@pytest.mark.parametrize("who", ["person", "helper", "stranger", "staff"])
def test_nobody_but_an_editor_ends_it_or_looks_up_addresses(client, arrangement, who, request):
    user = UserFactory(email="staff@example.org", is_staff=True) if who == "staff" else request.getfixturevalue(who)
    client.force_login(user)

    looked = client.get(reverse("acting_admin:index"), {"email": "amina@example.org"})
    posted = client.post(reverse("acting_admin:end", args=[arrangement.pk]), {"reason": REASON})

    assert looked.status_code in (302, 403) and "Amina Hussain" not in looked.content.decode()
    assert posted.status_code in (302, 403)
    assert Arrangement.objects.get().status == "active" and not mail.outbox
