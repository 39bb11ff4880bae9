"""Refunds: the supplier's owner gives back all or part of a payment with a reason, never more than was paid, once
however often the form is sent; Stripe's `charge.refunded` changes nothing twice; `refund_made` is heard once."""

import pytest
from django.urls import reverse

from marketplace.payments.invoices import issuing, paying
from marketplace.payments.invoices.models import Payment, Refund
from marketplace.payments.models import ConnectedAccount
from marketplace.payments.signals import refund_made
from tests.stripe_servers import stripe_event

from . import test_paying
from .conftest import VISIT_PENCE, signed_in
from .test_paying import _paid_by_card, _start

pytestmark = pytest.mark.django_db
on_localstripe_without_connect, webhook = test_paying.on_localstripe_without_connect, test_paying.webhook


@pytest.fixture
def heard():
    heard = []

    def receiver(sender, **kwargs):
        heard.append(kwargs)

    refund_made.connect(receiver)
    yield heard
    refund_made.disconnect(receiver)


@pytest.fixture
def paid(booking, person, on_localstripe_without_connect, localstripe_client, django_capture_on_commit_callbacks):
    invoice = issuing.issue_due()[0]
    _start(signed_in(person), invoice)
    payment = Payment.objects.get()
    _paid_by_card(localstripe_client, payment)
    with django_capture_on_commit_callbacks(execute=True):
        paying.mark_succeeded(payment.pk, payment.created_at)
    invoice.refresh_from_db()
    return invoice


def _refund(client, invoice, amount, reason="Visit cut short", attempt="a" * 22):
    return client.post(
        reverse("invoices:refund", args=[invoice.pk]), {"amount": amount, "reason": reason, "attempt": attempt}
    )


def test_a_part_refund_sent_twice_refunds_once_and_is_heard_once(
    owner, person, paid, localstripe_client, webhook, heard, django_capture_on_commit_callbacks
):
    client = signed_in(owner)
    with django_capture_on_commit_callbacks(execute=True):
        assert _refund(client, paid, "10.00").status_code == 302
        assert _refund(client, paid, "10.00").status_code == 302  # the same form again

    refund = Refund.objects.get()
    assert (refund.amount_pence, refund.status) == (1000, "succeeded")
    stripe_refund = localstripe_client.v1.refunds.retrieve(refund.stripe_id)
    assert stripe_refund.amount == 1000
    charge = localstripe_client.v1.charges.retrieve(stripe_refund.charge).to_dict()
    charge["refunds"] = {"object": "list", "data": [stripe_refund.to_dict()]}
    event = stripe_event("charge.refunded", charge)
    webhook(event)
    webhook(event)

    assert len(heard) == 1
    assert (heard[0]["amount_pence"], heard[0]["key"]) == (1000, f"refund:{refund.stripe_id}")
    page = signed_in(person).get(reverse("invoices:detail", args=[paid.pk])).text
    assert "Visit cut short" in page and "£10.00" in page


@pytest.mark.parametrize(
    "amount, reason", [("", "Short"), ("0", "Short"), ("abc", "Short"), ("74.01", "Too much"), ("5", " ")]
)
def test_bad_refunds_are_refused_and_nothing_is_saved(owner, paid, amount, reason):
    response = _refund(signed_in(owner), paid, amount, reason)
    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert not Refund.objects.exists()


def test_never_more_than_was_paid_across_refunds(owner, paid):
    client = signed_in(owner)
    assert _refund(client, paid, "70.00", attempt="b" * 22).status_code == 302
    assert _refund(client, paid, "4.01", attempt="c" * 22).status_code == 400
    assert _refund(client, paid, "4.00", attempt="d" * 22).status_code == 302
    assert sum(Refund.objects.values_list("amount_pence", flat=True)) == 2 * VISIT_PENCE


@pytest.mark.parametrize("who", ["person", "staff", "other_owner", "stranger"])
def test_only_the_suppliers_owner_refunds(who, request, paid):
    response = _refund(signed_in(request.getfixturevalue(who)), paid, "1.00")
    assert response.status_code == 404
    assert not Refund.objects.exists()


def test_a_refund_of_a_destination_charge_takes_it_back_from_the_supplier_at_stripe(
    owner, booking, settings, on_stripe_mock
):
    settings.STRIPE_DESTINATION_CHARGES = True
    ConnectedAccount.objects.create(
        supplier=booking.supplier, stripe_id="acct_leith", status="enabled", charges_enabled=True, payouts_enabled=True
    )
    invoice = issuing.issue_due()[0]
    payment = Payment.objects.create(
        invoice=invoice, stripe_id="pi_mock", amount_pence=invoice.total_pence, destination="acct_leith"
    )
    paying.mark_succeeded(payment.pk, payment.created_at)

    response = _refund(signed_in(owner), invoice, "5.00")

    assert response.status_code == 302  # stripe-mock accepted reverse_transfer with the payment intent
    assert Refund.objects.get().stripe_id


@pytest.mark.parametrize("event_type", ["refund.updated", "charge.refund.updated"])
def test_a_refund_stripe_left_pending_settles_when_its_own_event_comes_once(owner, paid, heard, webhook, event_type):
    payment = Payment.objects.get()
    pending = Refund.objects.create(
        payment=payment, attempt="b" * 22, amount_pence=1000, reason="Visit cut short", stripe_id="re_pending",
        created_at=payment.created_at,
    )  # fmt: skip
    settled = stripe_event(event_type, {"id": "re_pending", "object": "refund", "status": "succeeded", "amount": 1000})

    assert webhook(settled).status_code == 200
    assert webhook(settled).status_code == 200
    pending.refresh_from_db()
    assert pending.status == Refund.Status.SUCCEEDED
    assert [entry["amount_pence"] for entry in heard] == [1000]
