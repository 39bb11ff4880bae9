"""Paying an invoice by card: a PaymentIntent made by the site (its idempotency key stored before the call), confirmed
in the browser by Stripe.js (3-D Secure included), and settled by Stripe's webhook events.

With `STRIPE_DESTINATION_CHARGES` the charge goes to the supplier's connected account (`transfer_data[destination]`),
less the platform's fee when one is set. An invoice is marked paid once, whatever order or how often events arrive:
a success is final, and an older failure arriving late changes nothing. When it becomes paid, the payments app sends
`payment_received` after the transaction commits.
"""

import datetime
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import connect, stripe_api
from ..cards.models import StripeCustomer
from ..models import WebhookEvent
from ..signals import payment_received
from .issuing import CANCELLED, WORKFLOW, outstanding_pence
from .models import Invoice, Payment

logger = logging.getLogger(__name__)

PURPOSE = "invoice_payment"


def check_payable(invoice):
    if invoice.status != Invoice.Status.ISSUED or outstanding_pence(invoice) <= 0:
        raise ValidationError(_("This invoice is not waiting to be paid."), code="wrong_state")
    if not stripe_api.is_configured():
        raise ValidationError(_("Card payments are not set up on this site."), code="not_configured")
    if settings.STRIPE_DESTINATION_CHARGES:
        account = connect.account_for(invoice.supplier)
        if account is None or not account.can_take_payments:
            raise ValidationError(
                _("This supplier cannot take card payments yet. Download the invoice to pay it another way."),
                code="supplier_not_ready",
            )


def intent_params(invoice, amount):
    params = {
        "amount": amount,
        "currency": "gbp",
        "payment_method_types": ["card"],
        "metadata": {"invoice": str(invoice.pk), "reference": invoice.reference},
    }
    fee = 0
    if settings.STRIPE_DESTINATION_CHARGES:
        params["transfer_data"] = {"destination": connect.account_for(invoice.supplier).stripe_id}
        fee = stripe_api.platform_fee(amount)
        if fee > 0:
            params["application_fee_amount"] = fee
    return params, fee


def start(invoice, by, person, card=None):
    """The PaymentIntent (created once per invoice, amount and card, however often this runs) for `person`'s invoice,
    and its local record. `by` is who clicked (the person or a helper with the money scope). `card`: one of the
    person's saved cards to pay with (Stripe.js still confirms it, with 3-D Secure where the bank asks). Stripe errors
    propagate."""
    if invoice.person_id is None or invoice.person_id != getattr(person, "pk", None):
        raise PermissionDenied
    if card is not None and (card.person_id != person.pk or card.removed_at is not None):
        raise PermissionDenied
    check_payable(invoice)
    if card is not None and card.demo:
        raise ValidationError(_("This is a demo card: it cannot pay. Choose a new card."), code="demo_card")
    amount = outstanding_pence(invoice)
    params, fee = intent_params(invoice, amount)
    attempt = str(amount)  # a credit note changes the amount: that is a new payment
    cancelled = invoice.payments.filter(status=Payment.Status.FAILED, failure_code=CANCELLED).count()
    if cancelled:  # a cancelled PaymentIntent cannot be confirmed again: the next one is new
        attempt += f":after-{cancelled}-cancelled"
    if card is not None:
        params["customer"] = StripeCustomer.objects.get(person=person).stripe_id
        params["payment_method"] = card.stripe_id
        attempt = f"{amount}:{card.stripe_id}"
    client = stripe_api.client()
    intent = stripe_api.stripe_call(
        PURPOSE,
        invoice,
        lambda key: client.v1.payment_intents.create(params=params, options={"idempotency_key": key}),
        attempt=attempt,
        existing=client.v1.payment_intents.retrieve,
    )
    try:
        with transaction.atomic():
            payment, _created = Payment.objects.get_or_create(
                stripe_id=intent.id,
                defaults={
                    "invoice": invoice,
                    "amount_pence": amount,
                    "application_fee_pence": fee,
                    "destination": params.get("transfer_data", {}).get("destination", ""),
                    "created_by": by,
                },
            )
    except IntegrityError:  # the same click twice at once: the other request kept it
        payment = Payment.objects.get(stripe_id=intent.id)
    return payment, intent.client_secret


def _event_time(event):
    return datetime.datetime.fromtimestamp(event["created"], tz=datetime.UTC)


def _announce(invoice, payment, key=None):
    payment_received.send(
        sender=Payment,
        person=invoice.person,
        amount_pence=payment.amount_pence,
        occurred_at=payment.succeeded_at,
        reference=invoice.reference,
        supplier_name=invoice.supplier_name,
        key=key or f"invoice-payment:{invoice.pk}",
    )


def mark_succeeded(payment_pk, at, *, reason=""):
    """Record the payment as succeeded and the invoice as paid (once). Returns a WebhookEvent.Outcome."""
    with transaction.atomic():
        payment = Payment.objects.select_for_update().select_related("invoice").get(pk=payment_pk)
        if payment.status == Payment.Status.SUCCEEDED:
            return WebhookEvent.Outcome.OLDER
        payment.status, payment.succeeded_at, payment.failure_code = Payment.Status.SUCCEEDED, at, ""
        payment.state_as_of = max(filter(None, [payment.state_as_of, at]))
        payment.save(update_fields=["status", "succeeded_at", "failure_code", "state_as_of"])
        invoice = Invoice.objects.select_for_update().get(pk=payment.invoice_id)
        if invoice.status == Invoice.Status.ISSUED:
            invoice.paid_at = at
            WORKFLOW.apply(invoice, "pay", None, reason=reason, update_fields=["paid_at"], now=timezone.now())
            transaction.on_commit(lambda: _announce(invoice, payment))
        else:
            # Money taken for an invoice already paid or cancelled: it is still spent from the budget until the
            # supplier gives it back, and reconcile_stripe lists it.
            logger.error(
                "Payment %s succeeded for invoice %s, which is %s", payment.stripe_id, invoice.pk, invoice.status
            )
            key = f"invoice-payment:{invoice.pk}:{payment.stripe_id}"
            transaction.on_commit(lambda: _announce(invoice, payment, key))
    return WebhookEvent.Outcome.APPLIED


def on_succeeded(event):
    intent = event["data"]["object"]
    payment = Payment.objects.filter(stripe_id=intent.get("id") or "").first()
    if payment is None:
        return WebhookEvent.Outcome.UNKNOWN_OBJECT
    if intent.get("amount_received", intent.get("amount")) != payment.amount_pence:
        raise ValueError(f"PaymentIntent {payment.stripe_id} received another amount than the site asked for")
    return mark_succeeded(payment.pk, _event_time(event), reason=event["id"])


def on_failed(event):
    intent = event["data"]["object"]
    at = _event_time(event)
    with transaction.atomic():
        payment = Payment.objects.select_for_update().filter(stripe_id=intent.get("id") or "").first()
        if payment is None:
            return WebhookEvent.Outcome.UNKNOWN_OBJECT
        if payment.status == Payment.Status.SUCCEEDED or (payment.state_as_of and at < payment.state_as_of):
            return WebhookEvent.Outcome.OLDER
        error = intent.get("last_payment_error") or {}
        payment.status, payment.state_as_of = Payment.Status.FAILED, at
        payment.failure_code = (error.get("decline_code") or error.get("code") or "")[:100]
        payment.save(update_fields=["status", "state_as_of", "failure_code"])
    return WebhookEvent.Outcome.APPLIED


def record_demo_payment(invoice, at):
    """A payment for the demo data, recorded as if Stripe had confirmed it (never sent to Stripe)."""
    payment = Payment.objects.create(
        invoice=invoice,
        stripe_id=f"demo_pi_{invoice.pk}",
        amount_pence=outstanding_pence(invoice),
        demo=True,
    )
    mark_succeeded(payment.pk, at, reason="demo")
    return payment
