"""`context.require`, `may`, `record` and `principal`, as enquiries and bookings use them: through real requests to
pages that check a scope, act for the principal and write the person's log (tests/unit/acting/urls.py)."""

from datetime import datetime, time, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation
from freezegun import freeze_time

from marketplace.acting import context, services
from marketplace.acting.models import Arrangement, LogEntry, Scope

from .conftest import as_helper, make_arrangement, make_invitation

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.unit.acting.urls")]

IN_URDU = "ur"


def _get(client, scope):
    return client.get(f"/test-acting/{scope}/")


def _principal(response):
    return response.content.decode().removeprefix("principal=")


def test_a_helper_acts_for_the_person_within_the_scope_and_the_person_reads_it_in_her_language(
    client, arrangement, person, helper
):
    as_helper(client, arrangement)

    response = _get(client, "enquire")

    assert response.status_code == 200
    assert _principal(response) == person.email
    entry = LogEntry.objects.get()
    assert (entry.person, entry.actor, entry.arrangement, entry.scope) == (person, helper, arrangement, "enquire")
    with translation.override(IN_URDU):
        expected = translation.gettext("You are now acting for %(name)s.") % {"name": "Leith Home Support"}
    assert entry.action == expected != "You are now acting for Leith Home Support."
    assert entry.url == "/find-support/"


@pytest.mark.parametrize("scope", ["messages", "book", "money"])
def test_a_scope_the_person_did_not_choose_is_refused_and_nothing_is_logged(client, arrangement, scope):
    as_helper(client, arrangement)

    response = _get(client, scope)

    assert response.status_code == 403
    assert "Amina Hussain" in response.content.decode()  # the 403 page still says whose behalf they are on
    assert not LogEntry.objects.exists()


def test_messages_stay_closed_unless_chosen_explicitly(client, person, helper):
    everything_else = make_arrangement(person, helper, scopes=[Scope.ENQUIRE, Scope.BOOK, Scope.MONEY])
    as_helper(client, everything_else)

    assert _get(client, "messages").status_code == 403
    assert [_get(client, scope).status_code for scope in ("enquire", "book", "money")] == [200, 200, 200]


def test_with_messages_chosen_the_helper_may_read_them(client, person, helper):
    as_helper(client, make_arrangement(person, helper, scopes=[Scope.MESSAGES]))

    assert _get(client, "messages").status_code == 200
    assert _get(client, "enquire").status_code == 403


def _noon(day):
    return timezone.make_aware(datetime.combine(day, time(12)))


def test_acting_stops_once_the_end_date_has_passed(client, person, helper):
    today = timezone.localdate()
    arrangement = make_arrangement(person, helper, until=today + timedelta(days=1))
    as_helper(client, arrangement)
    assert _principal(_get(client, "enquire")) == person.email

    with freeze_time(_noon(today + timedelta(days=1))):  # the last day still counts
        assert _principal(_get(client, "enquire")) == person.email
    with freeze_time(_noon(today + timedelta(days=2))):
        response = _get(client, "enquire")
        page = client.get(reverse("account_dashboard")).content.decode()

    assert _principal(response) == helper.email  # acting for herself again
    assert "app-acting-banner" not in page
    assert "You are acting for <bdi>Amina Hussain</bdi>" not in page
    assert "the arrangement you were using has ended" in page
    assert LogEntry.objects.count() == 2  # the two requests in time; none after
    assert context.SESSION_KEY not in client.session


def test_an_ended_arrangement_stops_at_the_helpers_very_next_request(client, arrangement, person, helper):
    as_helper(client, arrangement)
    assert _principal(_get(client, "enquire")) == person.email

    services.end(arrangement, person)
    response = _get(client, "enquire")

    assert _principal(response) == helper.email
    assert LogEntry.objects.count() == 1


def test_an_ended_arrangement_cannot_be_chosen_again(client, arrangement, person, helper):
    services.end(arrangement, person)
    client.force_login(helper)

    response = client.post(reverse("acting:switch"), {"act_for": str(arrangement.pk)})

    assert response.status_code == 400
    assert _principal(_get(client, "enquire")) == helper.email


def test_a_helper_never_acts_for_someone_who_did_not_invite_them(client, helper, arrangement, other_arrangement):
    """Session tampering: the helper's session names another helper's arrangement (all scopes)."""
    client.force_login(helper)
    session = client.session
    session[context.SESSION_KEY] = other_arrangement.pk
    session.save()

    response = _get(client, "money")
    page = client.get(reverse("account_dashboard")).content.decode()

    assert response.status_code == 200 and _principal(response) == helper.email
    assert "Màiri MacLeod" not in page
    assert not LogEntry.objects.exists()
    assert context.SESSION_KEY not in client.session


def test_an_invitation_to_the_helper_is_not_an_arrangement_until_accepted(client, person, helper):
    invitation = make_invitation(person, helper.email, scopes=list(Scope))
    client.force_login(helper)
    session = client.session
    session[context.SESSION_KEY] = invitation.pk
    session.save()

    assert _principal(_get(client, "enquire")) == helper.email
    assert not LogEntry.objects.exists()


def test_the_person_themself_is_never_limited(client, person, arrangement):
    client.force_login(person)
    session = client.session
    session[context.SESSION_KEY] = arrangement.pk  # her own arrangement, as if she were its helper
    session.save()

    responses = [_get(client, scope) for scope in ("enquire", "messages", "book", "money")]

    assert [response.status_code for response in responses] == [200] * 4
    assert {_principal(response) for response in responses} == {person.email}
    assert not LogEntry.objects.exists()  # nothing is logged when people act for themselves


def test_signing_out_clears_whom_the_helper_acts_for(client, arrangement, helper):
    as_helper(client, arrangement)

    client.post(reverse("account_logout"))
    client.force_login(helper)

    assert _principal(_get(client, "enquire")) == helper.email


def test_signing_in_again_starts_acting_for_oneself(client, arrangement, helper):
    as_helper(client, arrangement)

    client.force_login(helper)  # the same browser session, signed in afresh

    assert _principal(_get(client, "enquire")) == helper.email


def _request(user, acting_for=None):
    from django.contrib.sessions.backends.db import SessionStore

    request = RequestFactory().get("/")
    request.user = user
    request.session = SessionStore()
    if acting_for is not None:
        request.session[context.SESSION_KEY] = acting_for.pk
    return request


def test_may_and_require_answer_per_scope(arrangement, helper, person):
    acting = _request(helper, arrangement)
    herself = _request(person)

    assert context.may(acting, Scope.ENQUIRE) and not context.may(acting, Scope.BOOK)
    context.require(acting, Scope.ENQUIRE)
    with pytest.raises(PermissionDenied):
        context.require(acting, Scope.BOOK)
    assert all(context.may(herself, scope) for scope in Scope)
    assert context.acting_for_someone(acting) and not context.acting_for_someone(herself)


def test_record_keeps_only_paths_on_this_site_and_knows_its_scopes(arrangement, helper):
    request = _request(helper, arrangement)

    context.record(request, Scope.ENQUIRE, "Looked at a listing", url="https://evil.example/")
    context.record(request, Scope.ENQUIRE, "Looked at another", url="//evil.example/")
    with pytest.raises(ValueError):
        context.record(request, "everything", "Did all of it")

    assert set(LogEntry.objects.values_list("url", flat=True)) == {""}


def test_act_for_refuses_an_arrangement_that_is_not_the_helpers(arrangement, other_arrangement, helper):
    request = _request(helper)

    with pytest.raises(PermissionDenied):
        context.act_for(request, other_arrangement)
    context.act_for(request, arrangement)
    assert context.principal(request) == arrangement.person
    context.act_for(request, None)
    assert context.principal(request) == helper


def test_the_arrangement_is_read_once_per_request(arrangement, helper, django_assert_num_queries):
    request = _request(helper, arrangement)

    with django_assert_num_queries(1):
        for _ in range(5):
            context.principal(request)
            context.may(request, Scope.BOOK)


def test_a_person_can_have_several_helpers_and_a_helper_several_people(client, person, helper, other_person):
    first = make_arrangement(person, helper)
    second = make_arrangement(other_person, helper, scopes=[Scope.BOOK])
    as_helper(client, first)
    assert _principal(_get(client, "enquire")) == person.email
    as_helper(client, second)
    assert _get(client, "enquire").status_code == 403
    assert _principal(_get(client, "book")) == other_person.email
    assert Arrangement.objects.in_force().filter(helper=helper).count() == 2
