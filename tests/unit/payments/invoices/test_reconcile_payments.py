"""`manage.py reconcile_stripe` compares recent Payments and Refunds with Stripe's PaymentIntents and Refunds (on
localstripe, with real differences made at Stripe behind the site's back): it reports each one, changes nothing
unless given --apply, and then brings in only what Stripe settled for good."""

import io

import pytest
import stripe
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from marketplace.payments.invoices import issuing, paying, refunds
from marketplace.payments.invoices.models import Invoice, Payment, Refund
from tests.stripe_servers import DECLINED_WHEN_CHARGED, VISA, localstripe_card, reset_localstripe

from .conftest import VISIT_PENCE, signed_in

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}
TOTAL = 2 * VISIT_PENCE


@pytest.fixture
def stripe_site(settings, on_localstripe):
    settings.STRIPE_DESTINATION_CHARGES = False  # localstripe knows nothing of Connect
    reset_localstripe(on_localstripe)
    return on_localstripe


@pytest.fixture
def invoice(booking, stripe_site):
    return issuing.issue_due()[0]


def _reconcile(*options):
    out = io.StringIO()
    try:
        call_command("reconcile_stripe", *options, stdout=out)
    except CommandError as failure:
        return out.getvalue(), str(failure)
    return out.getvalue(), None


def _started(person, invoice):
    response = signed_in(person).post(reverse("invoices:pay", args=[invoice.pk]), **JSON)
    assert response.status_code == 200, response.content
    return Payment.objects.get(invoice=invoice)


def _charge_at_stripe(client, payment, number=VISA):
    """Stripe.js confirming in the browser, with no webhook reaching the site."""
    card = localstripe_card(client, number)
    client.v1.payment_intents.update(payment.stripe_id, params={"payment_method": card.id})
    return client.v1.payment_intents.confirm(payment.stripe_id)


def test_a_payment_that_succeeded_at_stripe_but_not_here_is_reported_and_changed_only_when_asked(
    person, invoice, localstripe_client
):
    payment = _started(person, invoice)
    _charge_at_stripe(localstripe_client, payment)
    line = f"payment {payment.stripe_id} (invoice {invoice.reference}): status is 'started' here, 'succeeded' at Stripe"

    output, failure = _reconcile()
    assert line in output and failure
    payment.refresh_from_db()
    invoice.refresh_from_db()
    assert (payment.status, invoice.status) == ("started", "issued")  # nothing changed

    output, failure = _reconcile("--apply")
    assert line in output
    assert f"Applied: payment {payment.stripe_id} (invoice {invoice.reference}): marked paid, as Stripe says" in output
    payment.refresh_from_db()
    invoice.refresh_from_db()
    assert (payment.status, invoice.status) == ("succeeded", "paid")
    output, _failure = _reconcile()
    assert f"payment {payment.stripe_id}" not in output  # only the never-delivered events remain


def test_a_declined_payment_agrees_and_an_amount_that_differs_is_reported_but_never_changed(
    person, invoice, localstripe_client
):
    payment = _started(person, invoice)
    with pytest.raises(stripe.CardError):
        _charge_at_stripe(localstripe_client, payment, DECLINED_WHEN_CHARGED)
    Payment.objects.filter(pk=payment.pk).update(status=Payment.Status.FAILED)  # as the failure event left it
    output, _failure = _reconcile()
    assert f"payment {payment.stripe_id}" not in output

    Payment.objects.filter(pk=payment.pk).update(amount_pence=TOTAL - 100)
    output, failure = _reconcile("--apply")
    amount_line = f"payment {payment.stripe_id} (invoice {invoice.reference}): amount is {TOTAL - 100} here, {TOTAL}"
    assert f"{amount_line} at Stripe" in output
    assert failure and "Applied" not in output
    assert Payment.objects.get().amount_pence == TOTAL - 100


def test_refunds_that_differ_or_that_only_stripe_knows_are_reported(person, owner, invoice, localstripe_client):
    payment = _started(person, invoice)
    _charge_at_stripe(localstripe_client, payment)
    paying.mark_succeeded(payment.pk, payment.created_at)
    row = refunds.refund(invoice, owner, 500, "The visit ended early.", "reconcile-attempt-0123456789")
    assert row.status == Refund.Status.SUCCEEDED
    output, _failure = _reconcile()
    assert "refund" not in output  # all agree

    Refund.objects.filter(pk=row.pk).update(amount_pence=700, status=Refund.Status.PENDING)
    behind_our_back = localstripe_client.v1.refunds.create(params={"payment_intent": payment.stripe_id, "amount": 300})
    output, failure = _reconcile()
    prefix = f"refund {row.stripe_id} of payment {payment.stripe_id} (invoice {invoice.reference})"
    assert f"{prefix}: status is 'pending' here, 'succeeded' at Stripe" in output
    assert f"{prefix}: amount is 700 here, 500 at Stripe" in output
    assert (
        f"refund {behind_our_back.id} of payment {payment.stripe_id} (invoice {invoice.reference}): "
        "300 pence succeeded at Stripe, no record here"
    ) in output
    assert failure
    assert Refund.objects.get().status == Refund.Status.PENDING  # nothing changed

    _reconcile("--apply")
    assert Refund.objects.get().status == Refund.Status.SUCCEEDED
    assert Refund.objects.get().amount_pence == 700  # amounts are for a person to look at


def test_a_payment_intent_for_an_invoice_that_the_site_never_recorded_is_reported(invoice, localstripe_client):
    card = localstripe_card(localstripe_client)
    intent = localstripe_client.v1.payment_intents.create(
        params={"amount": TOTAL, "currency": "gbp", "payment_method": card.id, "metadata": {"invoice": str(invoice.pk)}}
    )
    localstripe_client.v1.payment_intents.confirm(intent.id)

    output, failure = _reconcile()

    assert f"payment {intent.id} (invoice id {invoice.pk}): {TOTAL} pence succeeded at Stripe, no record here" in output
    assert failure
    invoice.refresh_from_db()
    assert invoice.status == Invoice.Status.ISSUED


def test_money_taken_for_a_cancelled_invoice_is_reported(person, invoice, localstripe_client):
    from marketplace.payments.invoices.models import Invoice
    from marketplace.payments.invoices.paying import mark_succeeded

    payment = _started(person, invoice)
    _charge_at_stripe(localstripe_client, payment)
    Invoice.objects.filter(pk=invoice.pk).update(status=Invoice.Status.CANCELLED)  # credited while it went through
    mark_succeeded(payment.pk, timezone.now())

    output, failure = _reconcile()
    assert f"payment {payment.stripe_id} (invoice {invoice.reference}): money taken for an invoice" in output
    assert failure
