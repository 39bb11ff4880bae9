"""A person's Stripe Customer and the cards they chose to keep for next time.

Only what a person needs to recognise a card is kept (brand, last four digits, expiry); the number never reaches the
site. Stripe is the truth about whether a card is still attached: webhook handlers and the saved-cards page re-read
the card from Stripe, so events arriving twice or out of order leave the list as Stripe has it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StripeCustomer(models.Model):
    """The person's Customer at Stripe, created once (its idempotency key stored before the request)."""

    person = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="stripe_customer")
    stripe_id = models.CharField(max_length=255, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Stripe customer")
        verbose_name_plural = _("Stripe customers")

    def __str__(self):
        return f"{self.person_id}: {self.stripe_id}"


class SavedCardQuerySet(models.QuerySet):
    def active(self):
        return self.filter(removed_at__isnull=True)


class SavedCard(models.Model):
    """A card (a Stripe PaymentMethod) attached to the person's Customer. A removed card keeps its row, with who
    removed it and when."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="saved_cards")
    stripe_id = models.CharField(max_length=255, unique=True)
    brand = models.CharField(max_length=30)
    last4 = models.CharField(max_length=4)
    exp_month = models.PositiveSmallIntegerField()
    exp_year = models.PositiveSmallIntegerField()
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    saved_at = models.DateTimeField()
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    removed_at = models.DateTimeField(null=True, blank=True)
    demo = models.BooleanField(default=False)  # recorded by the demo data, never at Stripe

    objects = SavedCardQuerySet.as_manager()

    class Meta:
        ordering = ["-saved_at", "-pk"]
        indexes = [models.Index(fields=["person", "removed_at"])]

    def __str__(self):
        return f"{self.brand} •••• {self.last4}"

    @property
    def brand_name(self):
        return BRANDS.get(self.brand, self.brand.title())


BRANDS = {
    "visa": "Visa",
    "mastercard": "Mastercard",
    "amex": "American Express",
    "discover": "Discover",
    "diners": "Diners Club",
    "jcb": "JCB",
    "unionpay": "UnionPay",
}
