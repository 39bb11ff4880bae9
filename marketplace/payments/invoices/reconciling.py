"""Compare the site's recent Payments and Refunds with Stripe's PaymentIntents and Refunds: status and amount.

Stripe is asked about each recent payment (its PaymentIntent, and the refunds Stripe lists for it), and Stripe's
events of the window name PaymentIntents made for an invoice that the site has no record of. Nothing changes unless
`apply` is set; then only what Stripe has settled for good and the site has not is brought in, through the same
functions the webhooks use (a payment Stripe says succeeded is marked paid; a refund Stripe says succeeded or failed
is settled). Amounts that differ are never changed: a person looks.
"""

import stripe
from django.db.models import Q
from django.utils import timezone

from .models import Invoice, Payment, Refund
from .paying import mark_succeeded
from .refunds import settle


def payment_state_at_stripe(intent):
    """What the site would call a PaymentIntent's state: succeeded, failed or started."""
    if intent.status == "succeeded":
        return Payment.Status.SUCCEEDED
    if intent.status == "canceled" or (intent.status == "requires_payment_method" and intent.last_payment_error):
        return Payment.Status.FAILED
    return Payment.Status.STARTED


def refund_state_at_stripe(remote):
    if remote.status == "succeeded":
        return Refund.Status.SUCCEEDED
    if remote.status in ("failed", "canceled"):
        return Refund.Status.FAILED
    return Refund.Status.PENDING


class Report:
    def __init__(self, apply):
        self.apply, self.lines, self.applied = apply, [], []

    def differ(self, what, name, here, there):
        self.lines.append(f"{what}: {name} is {here!r} here, {there!r} at Stripe")


def _payment_label(payment):
    return f"payment {payment.stripe_id} (invoice {payment.invoice.reference})"


def _compare_payment(client, payment, report):
    label = _payment_label(payment)
    try:
        intent = client.v1.payment_intents.retrieve(payment.stripe_id)
    except stripe.InvalidRequestError:
        report.lines.append(f"{label}: Stripe does not know it")
        return
    state = payment_state_at_stripe(intent)
    if state != payment.status:
        report.differ(label, "status", payment.status, str(state))
        if report.apply and state == Payment.Status.SUCCEEDED and intent.amount == payment.amount_pence:
            mark_succeeded(payment.pk, timezone.now(), reason="reconcile_stripe")
            report.applied.append(f"{label}: marked paid, as Stripe says")
    if intent.amount != payment.amount_pence:
        report.differ(label, "amount", payment.amount_pence, intent.amount)
    if payment.status == Payment.Status.SUCCEEDED and _not_owed(payment):
        report.lines.append(f"{label}: money taken for an invoice that did not ask for it (cancelled, or paid twice)")
    _compare_refunds(client, payment, report)


def _not_owed(payment):
    """A payment that went through after its invoice was cancelled or paid by another one, and is not all given back."""
    invoice = payment.invoice
    paid_before = invoice.payments.filter(status=Payment.Status.SUCCEEDED, pk__lt=payment.pk).exists()
    if invoice.status == Invoice.Status.PAID and not paid_before:
        return False
    given_back = sum(r.amount_pence for r in payment.refunds.all() if r.status == Refund.Status.SUCCEEDED)
    return given_back < payment.amount_pence


def _compare_refunds(client, payment, report):
    ours = {row.stripe_id: row for row in payment.refunds.all() if row.stripe_id}
    params = {"payment_intent": payment.stripe_id, "limit": 100}
    theirs = {remote.id: remote for remote in client.v1.refunds.list(params=params).auto_paging_iter()}
    reference = payment.invoice.reference
    for stripe_id, row in sorted(ours.items()):
        label = f"refund {stripe_id} of payment {payment.stripe_id} (invoice {reference})"
        remote = theirs.get(stripe_id)
        if remote is None:
            report.lines.append(f"{label}: Stripe does not list it")
            continue
        state = refund_state_at_stripe(remote)
        if state != row.status:
            report.differ(label, "status", row.status, str(state))
            if report.apply and row.status == Refund.Status.PENDING and state != Refund.Status.PENDING:
                settle(row.pk, remote.status, timezone.now())
                report.applied.append(f"{label}: settled as {remote.status}, as Stripe says")
        if remote.amount != row.amount_pence:
            report.differ(label, "amount", row.amount_pence, remote.amount)
    for stripe_id in sorted(set(theirs) - set(ours)):
        remote = theirs[stripe_id]
        report.lines.append(
            f"refund {stripe_id} of payment {payment.stripe_id} (invoice {reference}): "
            f"{remote.amount} pence {remote.status} at Stripe, no record here"
        )


def _unrecorded_intents(remote_events, known, report):
    """PaymentIntents for an invoice that Stripe's events of the window mention and the site never recorded."""
    seen = set()
    for intent in _intents(remote_events):
        invoice = (intent.get("metadata") or {}).get("invoice")
        if invoice and intent["id"] not in known and intent["id"] not in seen:
            seen.add(intent["id"])
            report.lines.append(
                f"payment {intent['id']} (invoice id {invoice}): {intent.get('amount')} pence {intent.get('status')} "
                "at Stripe, no record here"
            )


def _intents(remote_events):
    for event in remote_events:
        if event.type.startswith("payment_intent."):
            yield event.data.object.to_dict()


def differences(client, since, remote_events=(), *, apply=False):
    """Lines for each difference, and lines for what was applied (only with `apply`)."""
    report = Report(apply)
    recent_refunds = Refund.objects.filter(created_at__gte=since, demo=False).values("payment_id")
    payments = (
        Payment.objects.filter(demo=False)
        .filter(Q(created_at__gte=since) | Q(pk__in=recent_refunds))
        .select_related("invoice")
        .prefetch_related("refunds")
        .order_by("created_at", "pk")
    )
    known = set()
    for payment in payments:
        known.add(payment.stripe_id)
        _compare_payment(client, payment, report)
    others = Payment.objects.filter(stripe_id__in=[intent["id"] for intent in _intents(remote_events)])
    known.update(others.values_list("stripe_id", flat=True))
    _unrecorded_intents(remote_events, known, report)
    return report.lines, report.applied
