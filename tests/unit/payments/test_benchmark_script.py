"""The payments benchmark (`scripts/benchmark_payments.py`) at a tiny size, so the script cannot rot: five invoices
paid through localstripe, their webhooks through the site and the task worker, one partly refunded, every ledger
balanced; and its check notices a ledger that does not balance."""

import importlib.util

import pytest
from django.utils import timezone

from marketplace.budgets.models import Budget, Entry
from marketplace.payments.invoices.models import Invoice, Refund
from marketplace.payments.models import WebhookEvent
from tests.stripe_servers import REPO

pytestmark = pytest.mark.django_db(transaction=True)  # the worker runs tasks queued after commit


def _script():
    spec = importlib.util.spec_from_file_location("benchmark_payments", REPO / "scripts" / "benchmark_payments.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script():
    return _script()


@pytest.fixture
def ledgers_erased_afterwards():
    """The test database is emptied after a transactional test; ledger entries may only go once a ledger is erased."""
    yield
    Budget.objects.update(erased_at=timezone.now())
    Entry.objects.all()._erase()


def test_five_invoices_are_paid_once_and_every_ledger_balances_and_the_check_would_notice(
    script, localstripe_url, capsys, ledgers_erased_afterwards
):
    figures, checked, unpaid = script.benchmark(5, localstripe_url)

    assert figures.payments == 5 and unpaid == 0
    assert Invoice.objects.filter(status=Invoice.Status.PAID).count() == 5
    assert WebhookEvent.objects.filter(processed_at__isnull=False, outcome=WebhookEvent.Outcome.APPLIED).count() == 5
    refund = Refund.objects.get()  # the fourth invoice, partly refunded
    assert refund.status == Refund.Status.SUCCEEDED
    assert [balance.balances for balance in checked] == [True]
    assert checked[0].ledger_pence == checked[0].paid_pence - refund.amount_pence > 0
    assert script.report(figures, checked, unpaid)
    assert "1 of 1 balance to the penny" in capsys.readouterr().out

    budget = Invoice.objects.first().person.budget
    Entry.objects.create(budget=budget, kind=Entry.Kind.PAYMENT, amount_pence=1, occurred_on=budget.current.start_date,
                         description="Counted twice", key="bench:extra")  # fmt: skip
    assert not script.report(figures, script.balances(), unpaid)
    assert "DOES NOT BALANCE" in capsys.readouterr().out
