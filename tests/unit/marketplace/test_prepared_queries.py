"""A query prepared once gives, for any values, the rows Django gives for the queryset built with them."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured

from marketplace.core.prepared_queries import PreparedQuery

pytestmark = pytest.mark.django_db

User = get_user_model()
JOINED = datetime(2026, 3, 1, 12, tzinfo=UTC)


def joined_since(since, surname):
    return (
        User.objects.filter(date_joined__gte=since, last_name=surname).order_by("pk").values_list("pk", "date_joined")
    )


def test_rows_are_the_querysets_rows_for_every_value():
    for number, surname in enumerate(["Jones", "Jones", "Patel", "Nowak"]):
        User.objects.create(
            email=f"user{number}@example.org",
            last_name=surname,
            date_joined=JOINED + timedelta(days=number),
        )
    prepared = PreparedQuery(joined_since, since=datetime(2020, 1, 1, tzinfo=UTC), surname="Example")

    for since, surname in [
        (JOINED, "Jones"),
        (JOINED + timedelta(days=1), "Jones"),
        (JOINED, "Nowak"),
        (JOINED, "None"),
    ]:
        assert prepared.rows(since=since, surname=surname) == list(joined_since(since, surname))
    assert prepared.rows(since=JOINED, surname="Patel")[0][1] == JOINED + timedelta(days=2)  # aware, on SQLite too


def test_a_value_changed_before_it_reaches_the_query_is_refused():
    starting_with = PreparedQuery(lambda prefix: User.objects.filter(email__startswith=prefix), prefix="ann")
    with pytest.raises(ImproperlyConfigured, match="prefix"):
        starting_with.rows(prefix="bob")


def test_a_value_the_query_does_not_use_is_refused():
    unused = PreparedQuery(lambda surname, since: User.objects.filter(last_name=surname), surname="Jones", since=JOINED)
    with pytest.raises(ImproperlyConfigured, match="since"):
        unused.rows(surname="Patel", since=JOINED)


def test_values_must_all_be_given_and_none_of_them_none():
    prepared = PreparedQuery(joined_since, since=JOINED, surname="Jones")
    with pytest.raises(TypeError):
        prepared.rows(since=JOINED)
    with pytest.raises(TypeError):
        prepared.rows(since=JOINED, surname=None)
    with pytest.raises(TypeError):
        prepared.rows(since=JOINED, surname="Jones", extra=1)
