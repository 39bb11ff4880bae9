"""The person reads everything done in her name, newest first, a page at a time; nobody else reads it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from marketplace.acting.models import LogEntry, Scope

pytestmark = pytest.mark.django_db


def add_entries(arrangement, count, start=None):
    start = start or timezone.now() - timedelta(days=count)
    return LogEntry.objects.bulk_create(
        LogEntry(
            arrangement=arrangement,
            person=arrangement.person,
            actor=arrangement.helper,
            scope=Scope.ENQUIRE,
            action=f"Sent enquiry number {number}",
            url=f"/enquiries/{number}/",
            at=start + timedelta(hours=number),
        )
        for number in range(count)
    )


def test_the_log_is_newest_first_and_paged(client, arrangement, person):
    add_entries(arrangement, 30)
    client.force_login(person)

    first = client.get(reverse("acting:log")).content.decode()
    second = client.get(reverse("acting:log"), {"page": 2}).content.decode()

    assert first.index("Sent enquiry number 29") < first.index("Sent enquiry number 5")
    assert first.count("Sent enquiry number") == 25 and second.count("Sent enquiry number") == 5
    assert "Sent enquiry number 0<" in second and 'href="/enquiries/29/"' in first
    assert "1 of 2" in first and 'rel="next"' in first
    assert "Sana" in first and "Find support and send enquiries" in first


@pytest.mark.parametrize("page", ["0", "-3", "many", "99999", "2.5"])
def test_any_page_number_gives_a_page(client, arrangement, person, page):
    add_entries(arrangement, 3)
    client.force_login(person)

    response = client.get(reverse("acting:log"), {"page": page})

    assert response.status_code == 200 and "Sent enquiry number" in response.content.decode()


def test_an_empty_log_says_so(client, person):
    client.force_login(person)

    page = client.get(reverse("acting:log")).content.decode()

    assert "Nothing has been done in your name yet." in page


def test_the_log_shows_only_the_persons_own_entries(client, arrangement, other_arrangement, person, helper):
    add_entries(arrangement, 2)
    LogEntry.objects.create(
        arrangement=other_arrangement,
        person=other_arrangement.person,
        actor=other_arrangement.helper,
        scope=Scope.BOOK,
        action="Accepted a weekly booking",
    )

    client.force_login(person)
    mine = client.get(reverse("acting:log")).content.decode()
    client.force_login(helper)  # the helper, as herself, reads her own (empty) log, not Amina's
    theirs = client.get(reverse("acting:log")).content.decode()

    assert "Sent enquiry number" in mine and "Accepted a weekly booking" not in mine
    assert "Sent enquiry number" not in theirs and "Nothing has been done in your name yet." in theirs


def test_the_queries_do_not_grow_with_the_log(client, arrangement, person, django_assert_max_num_queries):
    add_entries(arrangement, 3)
    client.force_login(person)
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("acting:log"))
    add_entries(arrangement, 40)

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("acting:log"))
