"""Ledger entries are never changed or deleted: not through the model, not through its manager, and not even with SQL
straight to the database (a trigger refuses it). Closing an account is the one way they go."""

import datetime

import pytest
from django.db import DatabaseError, connection, transaction

from marketplace.budgets import privacy
from marketplace.budgets.models import AppendOnlyError, Budget, Entry

from .conftest import spend


@pytest.fixture
def entry(budget, holder):
    return spend(holder, 4_250, datetime.date(2026, 11, 3))


def test_the_model_refuses_to_save_a_change_or_delete(entry):
    entry.amount_pence = 1
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        Entry.objects.filter(pk=entry.pk).update(amount_pence=1)
    with pytest.raises(AppendOnlyError):
        Entry.objects.filter(pk=entry.pk).delete()
    assert Entry.objects.get(pk=entry.pk).amount_pence == 4_250


def test_the_database_refuses_sql_that_changes_or_deletes_an_entry(entry):
    for statement in (
        "UPDATE budgets_entry SET amount_pence = 1 WHERE id = %s",
        "DELETE FROM budgets_entry WHERE id = %s",
    ):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement, [entry.pk])
    assert Entry.objects.get(pk=entry.pk).amount_pence == 4_250


def test_deleting_the_budget_does_not_take_its_entries(entry, budget):
    with pytest.raises(Exception), transaction.atomic():  # noqa: B017, PT011 - PROTECT or the trigger, whichever first
        Budget.objects.filter(pk=budget.pk).delete()
    assert Entry.objects.filter(pk=entry.pk).exists()


def test_closing_the_account_is_the_one_way_entries_go(entry, budget, holder):
    from marketplace.budgets import services

    services.correct(holder, holder, entry.pk)
    privacy.erase(holder, [])
    assert not Entry.objects.exists()
    assert not Budget.objects.filter(pk=budget.pk).exists()


def test_the_triggers_exist_on_the_database_in_use(db):
    """Both triggers exist on the database in use (SQLite here; PostgreSQL with DATABASE_URL set)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'budgets_entry'")
            assert {row[0] for row in cursor.fetchall()} == {"budgets_entry_no_update", "budgets_entry_no_delete"}
        else:
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'budgets_entry'::regclass AND NOT tgisinternal"
            )
            assert {row[0] for row in cursor.fetchall()} == {"budgets_entry_append_only"}
