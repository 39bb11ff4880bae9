"""Saved cards in a person's data download, and what closing their account does to them: the Customer is deleted at
Stripe (which detaches every card), and each card is marked removed here."""

import logging

import stripe
from django.utils import timezone

from marketplace.core.privacy import iso

from .. import stripe_api
from .models import SavedCard, StripeCustomer

logger = logging.getLogger(__name__)


def export(user, emails):
    return {
        "saved_cards": [
            {
                "brand": card.brand,
                "last4": card.last4,
                "expires": f"{card.exp_month:02d}/{card.exp_year}",
                "saved_at": iso(card.saved_at),
                "removed_at": iso(card.removed_at) if card.removed_at else None,
            }
            for card in SavedCard.objects.filter(person=user).order_by("saved_at", "pk")
        ]
    }


def erase(user, emails):
    customer = StripeCustomer.objects.filter(person=user).first()
    if customer is not None and stripe_api.is_configured():
        try:
            stripe_api.client().v1.customers.delete(customer.stripe_id)
        except stripe.StripeError:  # the account still closes; reconcile or an operator deletes it at Stripe later
            logger.exception("Could not delete Stripe customer %s of a closed account", customer.stripe_id)
    SavedCard.objects.active().filter(person=user).update(removed_at=timezone.now(), removed_by=user)
