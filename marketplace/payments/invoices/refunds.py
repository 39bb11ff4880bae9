"""Refunds: a supplier's owner gives back all or part of a payment, with a reason, never more than was paid. The
refund is kept (its amount held against the payment) before Stripe is asked, with the form's token as its attempt,
so the same form sent twice refunds once. Stripe's `charge.refunded` event (or Stripe's answer) settles it once, and
`refund_made` is sent after that commits."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import stripe_api
from ..models import WebhookEvent
from ..signals import refund_made
from .issuing import may_credit
from .models import Payment, Refund


def refundable_pence(payment):
    held = payment.refunds.exclude(status=Refund.Status.FAILED).aggregate(total=Sum("amount_pence"))["total"] or 0
    return payment.amount_pence - held


def paid_payment(invoice):
    return invoice.payments.filter(status=Payment.Status.SUCCEEDED).order_by("-succeeded_at").first()


def _hold(invoice, by, amount, reason, attempt, now):
    """The refund row for this form (the existing one if the form was sent before), or a refusal."""
    existing = Refund.objects.filter(attempt=attempt).first()
    if existing is not None:
        if existing.payment.invoice_id != invoice.pk:  # a token from another invoice's form
            raise ValidationError(_("The form was not sent as shown: open the page again."), code="attempt")
        return existing
    with transaction.atomic():
        payment = paid_payment(invoice)
        payment = Payment.objects.select_for_update().get(pk=payment.pk) if payment else None
        if payment is None:
            raise ValidationError(_("Only a paid invoice can be refunded."), code="wrong_state")
        if not 0 < amount <= refundable_pence(payment):
            raise ValidationError(
                _("The refund must be more than nothing and no more than what is left of the payment."),
                code="amount",
            )
        try:
            with transaction.atomic():
                return Refund.objects.create(
                    payment=payment, attempt=attempt, amount_pence=amount, reason=reason[:1000], created_by=by,
                    created_at=now, demo=payment.demo,
                )  # fmt: skip
        except IntegrityError:
            return Refund.objects.get(attempt=attempt)


def refund(invoice, by, amount, reason, attempt, now=None):
    """Give back `amount` pence of the invoice's payment. Stripe errors propagate (the refund stays pending and the
    same form sent again asks Stripe again with the same key)."""
    if not may_credit(by, invoice):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Say why you are refunding: the person will see it."), code="reason")
    now = now or timezone.now()
    held = _hold(invoice, by, amount, reason, attempt, now)
    if held.status != Refund.Status.PENDING:
        return held
    if held.demo:
        settle(held.pk, "succeeded", now)
        return Refund.objects.get(pk=held.pk)
    payment = held.payment
    params = {"payment_intent": payment.stripe_id, "amount": held.amount_pence,
              "metadata": {"invoice": str(invoice.pk), "refund": str(held.pk)}}  # fmt: skip
    if payment.destination:  # take the money back from the supplier's account too
        params["reverse_transfer"] = True
        if payment.application_fee_pence:
            params["refund_application_fee"] = True
    client = stripe_api.client()
    created = stripe_api.stripe_call(
        "refund",
        held,
        lambda key: client.v1.refunds.create(params=params, options={"idempotency_key": key}),
        existing=client.v1.refunds.retrieve,
    )
    Refund.objects.filter(pk=held.pk, stripe_id="").update(stripe_id=created.id)
    if created.status in ("succeeded", "failed"):
        settle(held.pk, created.status, now)
    return Refund.objects.get(pk=held.pk)


def _announce(refund_row, invoice):
    refund_made.send(
        sender=Refund,
        person=invoice.person,
        amount_pence=refund_row.amount_pence,
        occurred_at=refund_row.succeeded_at,
        reference=invoice.reference,
        supplier_name=invoice.supplier_name,
        key=f"refund:{refund_row.stripe_id or refund_row.pk}",
    )


def settle(refund_pk, status, at):
    """Keep Stripe's final word on a refund, once. Returns a WebhookEvent.Outcome."""
    with transaction.atomic():
        row = Refund.objects.select_for_update().select_related("payment__invoice").get(pk=refund_pk)
        if row.status != Refund.Status.PENDING:
            return WebhookEvent.Outcome.OLDER
        if status == "succeeded":
            row.status, row.succeeded_at = Refund.Status.SUCCEEDED, at
            invoice = row.payment.invoice
            transaction.on_commit(lambda: _announce(row, invoice))
        elif status in ("failed", "canceled"):
            row.status = Refund.Status.FAILED
        else:
            return WebhookEvent.Outcome.OLDER
        row.save(update_fields=["status", "succeeded_at"])
    return WebhookEvent.Outcome.APPLIED


def on_refund_updated(event):
    """`refund.updated` and `charge.refund.updated`: a refund Stripe first answered as pending has settled. (Since API
    version 2022-11-15 `charge.refunded` no longer lists the charge's refunds, so this is how such a refund ends.)"""
    stripe_refund = event["data"]["object"]
    row = Refund.objects.filter(stripe_id=stripe_refund.get("id") or "-").first()
    if row is None:
        return WebhookEvent.Outcome.UNKNOWN_OBJECT
    at = datetime.datetime.fromtimestamp(event["created"], tz=datetime.UTC)
    return settle(row.pk, stripe_refund.get("status"), at)


def on_charge_refunded(event):
    charge = event["data"]["object"]
    at = datetime.datetime.fromtimestamp(event["created"], tz=datetime.UTC)
    outcome = WebhookEvent.Outcome.UNKNOWN_OBJECT
    for stripe_refund in (charge.get("refunds") or {}).get("data") or []:
        row = Refund.objects.filter(stripe_id=stripe_refund.get("id") or "-").first()
        if row is None:
            continue
        result = settle(row.pk, stripe_refund.get("status"), at)
        if result == WebhookEvent.Outcome.APPLIED or outcome == WebhookEvent.Outcome.UNKNOWN_OBJECT:
            outcome = result
    return outcome


def refunded_pence(invoice):
    return (
        Refund.objects.filter(payment__invoice=invoice, status=Refund.Status.SUCCEEDED).aggregate(
            total=Sum("amount_pence")
        )["total"]
        or 0
    )
