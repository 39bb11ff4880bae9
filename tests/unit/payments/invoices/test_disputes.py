"""Disputes: Stripe's `charge.dispute.*` events (built from stripe-mock's dispute and signed with the stripe library's
helper: neither test server sends them) are kept on the payment, newest state winning, and shown to both sides."""

import time

import pytest
from django.urls import reverse

from marketplace.payments.invoices import issuing, paying
from marketplace.payments.invoices.models import Dispute, Payment
from tests.stripe_servers import stripe_event

from . import test_paying
from .conftest import signed_in

pytestmark = pytest.mark.django_db
webhook = test_paying.webhook


@pytest.fixture
def payment(booking):
    invoice = issuing.issue_due()[0]
    payment = Payment.objects.create(invoice=invoice, stripe_id="pi_disputed", amount_pence=invoice.total_pence)
    paying.mark_succeeded(payment.pk, payment.created_at)
    return payment


def _dispute(stripe_mock_client, payment, status):
    dispute = stripe_mock_client.v1.disputes.retrieve("dp_test").to_dict()
    return {**dispute, "payment_intent": payment.stripe_id, "amount": 3700, "status": status, "reason": "fraudulent"}


def test_a_dispute_is_kept_once_the_newest_state_wins_and_both_sides_see_it(
    payment, person, owner, stripe_mock_client, webhook
):
    now = int(time.time())
    created = stripe_event("charge.dispute.created", _dispute(stripe_mock_client, payment, "needs_response"),
                           created=now - 60)  # fmt: skip
    closed = stripe_event("charge.dispute.closed", _dispute(stripe_mock_client, payment, "won"), created=now)

    webhook(closed)
    webhook(created)  # older, arriving late
    webhook(closed)  # again

    dispute = Dispute.objects.get()
    assert (dispute.status, dispute.amount_pence, dispute.reason) == ("won", 3700, "fraudulent")
    for user in (person, owner):
        page = signed_in(user).get(reverse("invoices:detail", args=[payment.invoice_id])).text
        assert "the payment stands" in page
        assert "£37.00" in page


def test_a_dispute_about_a_payment_we_do_not_know_changes_nothing(payment, stripe_mock_client, webhook):
    data = {**_dispute(stripe_mock_client, payment, "needs_response"), "payment_intent": "pi_elsewhere"}
    webhook(stripe_event("charge.dispute.created", data))
    assert not Dispute.objects.exists()
