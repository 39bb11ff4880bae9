"""Payments announce money moving; the budget records each movement once, however often it hears it."""

import datetime

import pytest

from marketplace.budgets.models import Entry
from marketplace.payments import signals

AT = datetime.datetime(2026, 11, 12, 15, 30, tzinfo=datetime.UTC)


def _payment(person, key="invoice-payment:42", amount=18_500):
    return {
        "person": person,
        "amount_pence": amount,
        "occurred_at": AT,
        "reference": "INV-2026-0042",
        "supplier_name": "Leith Home Support",
        "key": key,
    }


def test_a_payment_heard_twice_is_recorded_once(holder):
    signals.payment_received.send(sender=None, **_payment(holder))
    signals.payment_received.send(sender=None, **_payment(holder))
    entry = Entry.objects.get()
    assert (entry.kind, entry.amount_pence, entry.occurred_on) == ("payment", 18_500, datetime.date(2026, 11, 12))
    assert (entry.description, entry.supplier_name, entry.budget.person) == (
        "INV-2026-0042",
        "Leith Home Support",
        holder,
    )


def test_a_refund_is_money_back_and_is_also_recorded_once(holder):
    signals.payment_received.send(sender=None, **_payment(holder))
    for _ in range(3):
        signals.refund_made.send(sender=None, **_payment(holder, key="refund:re_123", amount=5_000))
    assert sorted(Entry.objects.values_list("amount_pence", flat=True)) == [-5_000, 18_500]


def test_movements_with_different_keys_are_both_recorded(holder):
    signals.payment_received.send(sender=None, **_payment(holder, key="invoice-payment:1"))
    signals.payment_received.send(sender=None, **_payment(holder, key="invoice-payment:2"))
    assert Entry.objects.count() == 2


@pytest.mark.parametrize("amount", [0, -5])
def test_nonsense_amounts_are_ignored(holder, amount):
    signals.payment_received.send(sender=None, **_payment(holder, amount=amount))
    assert not Entry.objects.exists()
