"""Disputes: a card holder's bank questions a payment. Stripe's `charge.dispute.created`, `.updated` and `.closed`
events are kept on the payment (once, newest state wins) and shown on the invoice to both sides."""

import datetime

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ..models import WebhookEvent
from .models import Dispute, Payment

STATUS_WORDS = {
    "warning_needs_response": _("The bank is asking questions: the supplier should answer through Stripe"),
    "warning_under_review": _("The bank is looking into it"),
    "warning_closed": _("The bank's questions are closed"),
    "needs_response": _("Disputed: the supplier should answer through Stripe"),
    "under_review": _("Disputed: the bank is deciding"),
    "won": _("Dispute closed: the payment stands"),
    "lost": _("Dispute closed: the money went back to the card holder"),
}


def words_for(dispute):
    return STATUS_WORDS.get(dispute.status, dispute.status)


def on_dispute(event):
    data = event["data"]["object"]
    at = datetime.datetime.fromtimestamp(event["created"], tz=datetime.UTC)
    payment = Payment.objects.filter(stripe_id=data.get("payment_intent") or "-").first()
    if payment is None or not data.get("id"):
        return WebhookEvent.Outcome.UNKNOWN_OBJECT
    with transaction.atomic():
        dispute = Dispute.objects.select_for_update().filter(stripe_id=data["id"]).first()
        if dispute is not None and at < dispute.state_as_of:
            return WebhookEvent.Outcome.OLDER
        opened = datetime.datetime.fromtimestamp(data.get("created") or event["created"], tz=datetime.UTC)
        Dispute.objects.update_or_create(
            stripe_id=data["id"],
            defaults={
                "payment": payment,
                "amount_pence": int(data.get("amount") or 0),
                "reason": (data.get("reason") or "")[:60],
                "status": (data.get("status") or "")[:40],
                "opened_at": opened,
                "state_as_of": at,
            },
        )
    return WebhookEvent.Outcome.APPLIED
