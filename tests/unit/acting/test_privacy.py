"""Arrangements and the log in a person's download, and what deleting an account leaves behind."""

import json

import pytest
from django.core import mail
from django.urls import reverse

from marketplace.acting.models import Arrangement, LogEntry, Scope
from marketplace.core.models import StatusChange
from marketplace.core.privacy import delete_account, export_user_data

from .conftest import make_arrangement, make_invitation

pytestmark = pytest.mark.django_db


def log(arrangement, action):
    return LogEntry.objects.create(
        arrangement=arrangement,
        person=arrangement.person,
        actor=arrangement.helper,
        scope=Scope.ENQUIRE,
        action=action,
    )


def test_the_download_holds_both_sides_and_the_log(person, helper, arrangement, other_person):
    make_arrangement(other_person, person, helper_name="Amina", relationship="Neighbour")
    log(arrangement, "Sent an enquiry to Leith Home Support")
    make_invitation(other_person, person.email, helper_name="Amina H")

    data = json.loads(json.dumps(export_user_data(person)))

    [helper_row] = data["people_who_act_for_you"]
    assert helper_row["helper"] == "Sana" and helper_row["invited_email"] == helper.email
    assert helper_row["scopes"] == ["enquire"] and helper_row["status"] == "active"
    assert [row["person"] for row in data["people_you_act_for"]] == ["Màiri MacLeod", "Màiri MacLeod"]
    assert data["actions_in_your_name"][0]["action"] == "Sent an enquiry to Leith Home Support"
    assert data["actions_in_your_name"][0]["by"] == "Sana"
    helper_data = export_user_data(helper)
    assert helper_data["actions_you_took_for_others"][0]["for_person"] == "Amina Hussain"
    assert helper_data["people_you_act_for"][0]["person"] == "Amina Hussain"


def test_deleting_the_persons_account_deletes_her_arrangements_and_log(person, helper, arrangement):
    from marketplace.acting import services

    log(arrangement, "Sent an enquiry to Leith Home Support")
    services.end(make_arrangement(person, make_helper("brother@example.org")), person)

    delete_account(person)

    assert not Arrangement.objects.exists() and not LogEntry.objects.exists()
    assert not StatusChange.objects.filter(workflow="arrangement").exists()


def make_helper(email):
    from tests.factories import UserFactory

    return UserFactory(email=email, display_name="Bilal Hussain")


def test_deleting_the_helpers_account_ends_it_at_once_and_keeps_nothing_that_names_them(
    client, django_capture_on_commit_callbacks, person, helper, arrangement
):
    log(arrangement, "Sent an enquiry to Leith Home Support")
    pending = make_invitation(make_helper("other@example.org"), helper.email, helper_name="Sana H")
    client.force_login(helper)
    client.post(reverse("acting:switch"), {"act_for": str(arrangement.pk)})

    with django_capture_on_commit_callbacks(execute=True):
        delete_account(helper)

    arrangement.refresh_from_db()
    pending.refresh_from_db()
    for row in (arrangement, pending):
        assert row.status == "ended" and row.helper is None
        assert (row.helper_name, row.relationship, row.invited_email) == ("", "", "")
    entry = LogEntry.objects.get()
    assert entry.person == person and entry.actor is None  # Amina keeps the record of what was done
    assert mail.outbox[-1].to == [person.email]  # and is told that Sana no longer acts for her
    rows = json.dumps(list(Arrangement.objects.values()) + list(LogEntry.objects.values()), default=str)
    assert "sana@example.org" not in rows and "Sana" not in rows
    client.force_login(person)
    page = client.get(reverse("acting:log")).content.decode()
    assert "Sent an enquiry to Leith Home Support" in page and "A helper who deleted their account" in page
