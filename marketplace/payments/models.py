"""What the site keeps about money at Stripe. Amounts (when invoices and payments arrive) are integer pence.

- `ConnectedAccount`: a supplier's Stripe Express account, where payments for its invoices go. Whether it can take
  payments is Stripe's to say: the fields mirror the newest state Stripe told us, and `state_as_of` is when Stripe
  knew it, so an older event arriving late changes nothing.
- `StripeRequest`: a request that creates something at Stripe, stored (with its idempotency key) before it is sent,
  so a retry or a second click sends the same key and Stripe creates the object once.
- `WebhookEvent`: each event Stripe sent, stored once by its id before anything is done with it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ConnectedAccount(models.Model):
    class Status(models.TextChoices):
        ONBOARDING = "onboarding", _("Not finished setting up")
        RESTRICTED = "restricted", _("Stripe needs more information")
        ENABLED = "enabled", _("Ready to take payments")
        DISCONNECTED = "disconnected", _("Disconnected from this site")

    supplier = models.OneToOneField("providers.Supplier", on_delete=models.PROTECT, related_name="payout_account")
    stripe_id = models.CharField(max_length=255, unique=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ONBOARDING)
    charges_enabled = models.BooleanField(default=False)
    payouts_enabled = models.BooleanField(default=False)
    details_submitted = models.BooleanField(default=False)
    currently_due = models.JSONField(default=list, blank=True)  # Stripe's requirement ids, e.g. "external_account"
    past_due = models.JSONField(default=list, blank=True)
    disabled_reason = models.CharField(max_length=100, blank=True)
    state_as_of = models.DateTimeField(null=True, blank=True)  # when Stripe knew the state above
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("connected Stripe account")
        verbose_name_plural = _("connected Stripe accounts")

    def __str__(self):
        return f"{self.supplier} ({self.stripe_id})"

    @property
    def can_take_payments(self):
        return self.status == self.Status.ENABLED


class StripeRequest(models.Model):
    """One request that creates something at Stripe for a local object. `attempt` tells apart requests that are
    meant to create a new object each time (an onboarding link per visit); the same attempt reuses the same key."""

    purpose = models.CharField(max_length=40)
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    attempt = models.CharField(max_length=64, blank=True)
    key = models.CharField(max_length=255, unique=True)
    stripe_id = models.CharField(max_length=255, blank=True)  # what it created, once Stripe answered
    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["purpose", "content_type", "object_id", "attempt"], name="one_stripe_request_per_attempt"
            )
        ]
        indexes = [models.Index(fields=["created_at"])]

    def __str__(self):
        return f"{self.purpose} {self.key}"


class WebhookEvent(models.Model):
    class Outcome(models.TextChoices):
        WAITING = "waiting", _("Waiting to be processed")
        APPLIED = "applied", _("Applied")
        OLDER = "older", _("Ignored: newer information was already applied")
        UNKNOWN_OBJECT = "unknown_object", _("Ignored: about nothing this site knows")
        NOT_HANDLED = "not_handled", _("Ignored: a kind of event this site does not use")
        FAILED = "failed", _("Failed")

    stripe_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    account = models.CharField(max_length=255, blank=True)  # the connected account, for Connect events
    created = models.DateTimeField()  # when Stripe created the event
    payload = models.JSONField()
    received_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, default=Outcome.WAITING)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["created", "pk"]
        indexes = [models.Index(fields=["created"]), models.Index(fields=["type", "created"])]

    def __str__(self):
        return f"{self.type} {self.stripe_id}"


from .cards.models import SavedCard, StripeCustomer  # noqa: E402
from .invoices.models import (  # noqa: E402
    CreditNote,
    Dispute,
    DocumentCounter,
    Invoice,
    InvoiceLine,
    Payment,
    Refund,
    SupplierVat,
)

__all__ = [
    "ConnectedAccount",
    "CreditNote",
    "Dispute",
    "DocumentCounter",
    "Invoice",
    "InvoiceLine",
    "Payment",
    "Refund",
    "SavedCard",
    "StripeRequest",
    "StripeCustomer",
    "SupplierVat",
    "WebhookEvent",
]
