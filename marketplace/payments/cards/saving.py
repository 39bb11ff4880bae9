"""Keeping a card for next time: the person's Stripe Customer (created once), a SetupIntent confirmed in the browser
by Stripe.js (3-D Secure included), the local list of saved cards, and removing a card (detached at Stripe).

Whether a card is saved is Stripe's to say. `sync` re-reads the PaymentMethod from Stripe and makes the local row
agree, so it is safe to run for any event, twice, or in any order: a late `payment_method.attached` for a card since
removed finds it detached at Stripe and changes nothing.
"""

import datetime
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.core.ids import parse_id

from .. import stripe_api
from ..models import WebhookEvent
from .models import SavedCard, StripeCustomer

CUSTOMER_PURPOSE = "customer"
SETUP_PURPOSE = "card_setup"
SETUP_INTENT_ID = re.compile(r"^seti_[A-Za-z0-9]{1,200}\Z")


def saved_cards(person):
    return SavedCard.objects.active().filter(person=person)


def customer_for(person, by):
    """The person's Stripe Customer, created at Stripe the first time (one Customer however often this runs)."""
    existing = StripeCustomer.objects.filter(person=person).first()
    if existing is not None:
        return existing
    client = stripe_api.client()
    customer = stripe_api.stripe_call(
        CUSTOMER_PURPOSE,
        person,
        lambda key: client.v1.customers.create(
            params={"metadata": {"person": str(person.pk)}}, options={"idempotency_key": key}
        ),
        existing=client.v1.customers.retrieve,
    )
    try:
        with transaction.atomic():
            return StripeCustomer.objects.create(person=person, stripe_id=customer.id, created_by=by)
    except IntegrityError:  # two requests at once: the other kept it (the same Customer, by the same key)
        return StripeCustomer.objects.get(person=person)


def _check_configured():
    if not stripe_api.is_configured():
        raise ValidationError(_("Card payments are not set up on this site."), code="not_configured")


def start_setup(person, by, attempt):
    """A SetupIntent for saving a card to the person's Customer; the same `attempt` (the page's token) gives the same
    SetupIntent. Returns its client secret for Stripe.js. Stripe errors propagate."""
    _check_configured()
    customer = customer_for(person, by)
    client = stripe_api.client()
    intent = stripe_api.stripe_call(
        SETUP_PURPOSE,
        customer,
        lambda key: client.v1.setup_intents.create(
            params={"customer": customer.stripe_id, "usage": "on_session", "payment_method_types": ["card"]},
            options={"idempotency_key": key},
        ),
        attempt=attempt,
        existing=client.v1.setup_intents.retrieve,
    )
    return intent.client_secret


def finish_setup(person, by, setup_intent_id):
    """Keep the card of a SetupIntent the person's browser has just confirmed. Only the person's own succeeded
    SetupIntent counts; anything else is a ValidationError and changes nothing."""
    _check_configured()
    refused = ValidationError(_("The card was not saved. Try again."), code="not_saved")
    customer = StripeCustomer.objects.filter(person=person).first()
    if customer is None or not SETUP_INTENT_ID.match(setup_intent_id or ""):
        raise refused
    intent = stripe_api.client().v1.setup_intents.retrieve(setup_intent_id)
    if intent.customer != customer.stripe_id or intent.status != "succeeded" or not intent.payment_method:
        raise refused
    card = sync(intent.payment_method, by=by, attach_to=customer)
    if card is None or card.removed_at is not None:  # removed since, or not this person's at Stripe
        raise refused
    return card


def _details(payment_method):
    card = payment_method.card
    return {
        "brand": (card.brand or "")[:30],
        "last4": (card.last4 or "")[:4],
        "exp_month": int(card.exp_month),
        "exp_year": int(card.exp_year),
    }


def sync(payment_method_id, *, by=None, attach_to=None, now=None):
    """Make the local row for a PaymentMethod agree with Stripe. `attach_to`: a Customer whose SetupIntent succeeded
    with this card; Stripe attaches it then, and it is attached here where it is not yet (unless removed since).
    Returns the SavedCard (None when the card is nobody's here)."""
    now = now or timezone.now()
    client = stripe_api.client()
    payment_method = client.v1.payment_methods.retrieve(payment_method_id)
    if payment_method.type != "card":
        return None
    owner = (
        StripeCustomer.objects.filter(stripe_id=payment_method.customer).first() if payment_method.customer else None
    )
    removed = SavedCard.objects.filter(stripe_id=payment_method_id, removed_at__isnull=False).exists()
    if owner is None and attach_to is not None and not payment_method.customer and not removed:
        payment_method = client.v1.payment_methods.attach(payment_method_id, params={"customer": attach_to.stripe_id})
        owner = attach_to
    with transaction.atomic():
        card = SavedCard.objects.select_for_update().filter(stripe_id=payment_method_id).first()
        if owner is not None:
            if card is None:
                try:
                    with transaction.atomic():
                        return SavedCard.objects.create(
                            person_id=owner.person_id,
                            stripe_id=payment_method_id,
                            saved_by=by,
                            saved_at=now,
                            **_details(payment_method),
                        )
                except IntegrityError:  # saved at the same moment by the page and by the webhook
                    return SavedCard.objects.get(stripe_id=payment_method_id)
            if card.person_id != owner.person_id:
                raise ValueError(f"PaymentMethod {payment_method_id} moved between customers")
            fields = {**_details(payment_method), "removed_at": None, "removed_by": None}
        elif card is None:
            return None
        elif card.removed_at is not None:
            return card
        else:
            fields = {"removed_at": now, "removed_by": by}
        for name, value in fields.items():
            setattr(card, name, value)
        card.save(update_fields=list(fields))
    return card


def card_of(person, pk):
    """The person's saved card `pk`; anyone else's, removed or unknown is a PermissionDenied."""
    pk = parse_id(pk)
    card = SavedCard.objects.active().filter(pk=pk, person=person).first() if pk is not None else None
    if card is None:
        raise PermissionDenied
    return card


def remove(card, by, *, now=None):
    """Detach the card at Stripe, then mark it removed here (once; removing it again does nothing). Stripe errors
    propagate, and nothing is marked removed."""
    if card.removed_at is not None:
        return card
    if not card.demo:
        _check_configured()
        client = stripe_api.client()
        payment_method = client.v1.payment_methods.retrieve(card.stripe_id)
        if payment_method.customer:
            client.v1.payment_methods.detach(card.stripe_id)
    with transaction.atomic():
        card = SavedCard.objects.select_for_update().get(pk=card.pk)
        if card.removed_at is None:
            card.removed_at, card.removed_by = now or timezone.now(), by
            card.save(update_fields=["removed_at", "removed_by"])
    return card


def _event_time(event):
    return datetime.datetime.fromtimestamp(event["created"], tz=datetime.UTC)


def on_setup_intent_succeeded(event):
    intent = event["data"]["object"]
    customer = StripeCustomer.objects.filter(stripe_id=intent.get("customer") or "").first()
    payment_method = intent.get("payment_method")
    if isinstance(payment_method, dict):
        payment_method = payment_method.get("id")
    if customer is None or not isinstance(payment_method, str) or not payment_method:
        return WebhookEvent.Outcome.UNKNOWN_OBJECT
    sync(payment_method, attach_to=customer, now=_event_time(event))
    return WebhookEvent.Outcome.APPLIED


def on_payment_method_changed(event):
    """`payment_method.attached` and `.detached`: whatever the event says, the card is re-read from Stripe."""
    payment_method = event["data"]["object"]
    stripe_id = payment_method.get("id") or ""
    customers = [payment_method.get("customer"), (event["data"].get("previous_attributes") or {}).get("customer")]
    known = (
        SavedCard.objects.filter(stripe_id=stripe_id).exists()
        or StripeCustomer.objects.filter(
            stripe_id__in=[customer for customer in customers if isinstance(customer, str)]
        ).exists()
    )
    if not stripe_id.startswith("pm_") or not known:
        return WebhookEvent.Outcome.UNKNOWN_OBJECT
    sync(stripe_id, now=_event_time(event))
    return WebhookEvent.Outcome.APPLIED


def record_demo_card(person, *, brand, last4, exp_month, exp_year, at):
    """A saved card for the demo data, recorded as if Stripe had kept it (never sent to Stripe)."""
    card, _created = SavedCard.objects.get_or_create(
        stripe_id=f"demo_pm_{person.pk}_{last4}",
        defaults={"person": person, "brand": brand, "last4": last4, "exp_month": exp_month, "exp_year": exp_year,
                  "saved_by": person, "saved_at": at, "demo": True},
    )  # fmt: skip
    return card
