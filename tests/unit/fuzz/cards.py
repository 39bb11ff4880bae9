"""The saved-cards part of the fuzzing site and its targets: the person has a Stripe Customer and one saved card
(recorded as Stripe would have it; the fuzzing site has no Stripe key, so anything that would reach Stripe is
refused with a 4xx)."""

from django.utils import timezone

from marketplace.payments.cards.models import SavedCard, StripeCustomer


def build(world):
    """Add a saved card to `world`'s person."""
    person = world.users["person"]
    StripeCustomer.objects.create(person=person, stripe_id="cus_fuzz")
    card = SavedCard.objects.create(
        person=person,
        stripe_id="pm_fuzz",
        brand="visa",
        last4="4242",
        exp_month=12,
        exp_year=2034,
        saved_by=person,
        saved_at=timezone.now(),
    )
    world.ids.update({"saved_card": [card.pk], "setup_intent": ["seti_fuzz123", "pm_fuzz"]})


def _setup(world, role):
    return {"attempt": "fuzz-attempt-0123456789"}


def _saved(world, role):
    return {"setup_intent": world.real("setup_intent")[0]}


def targets(Target, GET_POST):
    roles = ("anonymous", "person", "provider", "helper")
    post = ("POST",)
    return [
        Target("invoices:cards", roles=roles, methods=GET_POST, form=_setup, examples=60),
        Target("invoices:card_saved", roles=roles, methods=post, form=_saved, examples=60),
        Target(
            "invoices:card_remove", roles=roles, methods=GET_POST, kwargs={"pk": "saved_card"}, form=lambda w, r: {}
        ),
    ]
