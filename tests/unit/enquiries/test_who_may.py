"""Every enquiry page tried by people with no part in it, and by helpers within and beyond what they may do."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from marketplace.acting.context import SESSION_KEY
from marketplace.acting.models import Arrangement, LogEntry, Scope
from marketplace.enquiries import services
from marketplace.enquiries.models import Enquiry, Message
from tests.factories import UserFactory

from .conftest import enquiry_data
from .test_enquiries import _request

pytestmark = pytest.mark.django_db


@pytest.fixture
def enquiry(person, listing):
    return services.send_enquiry(person, listing, _request(), person)


def _state():
    return (Enquiry.objects.count(), Message.objects.count(), list(Enquiry.objects.values_list("status", flat=True)))


THREAD_PAGES = [
    ("get", "enquiries:thread", {}),
    ("post", "enquiries:thread", {"body": "Hello there, a message from someone else."}),
    ("post", "enquiries:share", {}),
    ("get", "enquiries:report", {}),
    ("post", "enquiries:report", {"reason": "Someone else's report text."}),
    ("get", "enquiries:block", {}),
    ("post", "enquiries:block", {}),
]


@pytest.mark.parametrize("who", ["stranger", "other_owner", "superuser"])
@pytest.mark.parametrize(("method", "name", "data"), THREAD_PAGES, ids=[f"{m}-{n}" for m, n, _ in THREAD_PAGES])
def test_nobody_else_reads_or_touches_a_thread(client, enquiry, who, method, name, data, request):
    user = UserFactory(is_superuser=True, is_staff=True) if who == "superuser" else request.getfixturevalue(who)
    client.force_login(user)
    before = _state()

    response = getattr(client, method)(reverse(name, args=[enquiry.pk]), data)

    assert response.status_code == 404
    assert _state() == before


def test_anonymous_visitors_are_sent_to_sign_in(client, enquiry, listing):
    for url in (reverse("enquiries:thread", args=[enquiry.pk]), reverse("enquiries:new", args=[listing.slug])):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


def test_a_supplier_inbox_is_only_for_its_people(client, enquiry, owner, stranger, other_owner):
    url = reverse("enquiries:supplier_inbox", args=[enquiry.supplier_id])
    for user in (stranger, other_owner, UserFactory(is_superuser=True)):
        client.force_login(user)
        assert client.get(url).status_code == 404
    client.force_login(owner)
    assert "Care at home in Leith" in client.get(url).content.decode()


def test_a_person_sees_only_their_own_enquiries(client, enquiry, stranger):
    client.force_login(stranger)
    assert "Care at home in Leith" not in client.get(reverse("enquiries:mine")).content.decode()


def _helper_for(person, scopes, until=None):
    helper = UserFactory(email="daughter@example.org")
    arrangement = Arrangement.objects.create(
        person=person,
        helper=helper,
        invited_email=helper.email,
        helper_name="Sara",
        scopes=scopes,
        status=Arrangement.Status.ACTIVE,
        until=until,
    )
    return helper, arrangement


def _act(client, helper, arrangement):
    client.force_login(helper)
    session = client.session
    session[SESSION_KEY] = arrangement.pk
    session.save()


def test_a_helper_enquires_in_the_persons_name_and_it_is_logged(client, person, listing):
    helper, arrangement = _helper_for(person, [Scope.ENQUIRE])
    _act(client, helper, arrangement)

    response = client.post(reverse("enquiries:new", args=[listing.slug]), enquiry_data())

    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert (enquiry.person, enquiry.created_by) == (person, helper)
    [entry] = LogEntry.objects.filter(person=person)
    assert entry.actor == helper and "Care at home in Leith" in entry.action


def test_a_helper_without_the_messages_scope_never_reads_the_persons_messages(client, person, enquiry):
    helper, arrangement = _helper_for(person, [Scope.ENQUIRE, Scope.BOOK])
    _act(client, helper, arrangement)
    url = reverse("enquiries:thread", args=[enquiry.pk])

    assert client.get(url).status_code == 404
    assert client.post(url, {"body": "Writing as the helper without leave."}).status_code == 404
    listed = client.get(reverse("enquiries:mine")).content.decode()
    assert "Care at home in Leith" in listed and url not in listed

    arrangement.scopes = [Scope.ENQUIRE, Scope.MESSAGES]
    arrangement.save()
    assert client.get(url).status_code == 200


def test_a_helper_past_the_end_date_acts_for_nobody(client, person, listing):
    helper, arrangement = _helper_for(person, [Scope.ENQUIRE], until=timezone.localdate() - timedelta(days=1))
    _act(client, helper, arrangement)

    client.post(reverse("enquiries:new", args=[listing.slug]), enquiry_data())

    assert not Enquiry.objects.filter(person=person).exists()  # sent, if at all, as the helper themself


def test_a_helper_with_only_money_may_not_enquire(client, person, listing):
    helper, arrangement = _helper_for(person, [Scope.MONEY])
    _act(client, helper, arrangement)
    response = client.post(reverse("enquiries:new", args=[listing.slug]), enquiry_data())
    assert response.status_code == 403
    assert not Enquiry.objects.exists()


@pytest.mark.parametrize("url_name", ["enquiries:mine", "supplier_inbox"])
def test_lists_take_the_same_queries_however_many_enquiries(client, person, listing, owner, url_name):
    def count():
        user = person if url_name == "enquiries:mine" else owner
        client.force_login(user)
        url = (
            reverse(url_name)
            if url_name == "enquiries:mine"
            else reverse("enquiries:supplier_inbox", args=[listing.supplier_id])
        )
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    services.send_enquiry(person, listing, _request(), person)
    one = count()
    for _ in range(6):
        services.send_enquiry(person, listing, _request(), person)
    assert count() == one


def test_the_log_is_written_in_the_persons_language_whatever_the_helper_reads(client, person, listing):
    person.preferred_language = "ur"
    person.save()
    helper, arrangement = _helper_for(person, [Scope.ENQUIRE])
    _act(client, helper, arrangement)

    response = client.post(reverse("enquiries:new", args=[listing.slug]), enquiry_data())  # the helper reads English

    assert response.status_code == 302
    [entry] = LogEntry.objects.filter(person=person)
    assert entry.action == "“Care at home in Leith” کے بارے میں پوچھ گچھ بھیجی"
