"""Invoices, their lines and credit notes, each supplier's numbering and VAT registration. Amounts are integer pence.

An issued invoice never changes: only its status (issued, paid, cancelled by credit notes) and when it was paid are
written again (`Invoice.save` refuses anything else). A visit is on one invoice line at most, ever (a unique key), so
issuing again, from cron or a retry, invoices nothing twice. Numbers come from a counter row per supplier, locked
while issuing: an invoice that fails to be issued rolls its number back with it, so numbers have no gaps.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class SupplierVat(models.Model):
    """Whether a supplier charges VAT on its invoices, and its VAT registration number (printed on them)."""

    supplier = models.OneToOneField("providers.Supplier", on_delete=models.CASCADE, related_name="vat_setting")
    charges_vat = models.BooleanField(_("We charge VAT"), default=False)
    vat_number = models.CharField(_("VAT registration number"), max_length=20, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"VAT of {self.supplier_id}: {self.vat_number or '-'}"


class DocumentCounter(models.Model):
    """The last invoice and credit note numbers a supplier issued."""

    supplier = models.OneToOneField("providers.Supplier", on_delete=models.CASCADE, related_name="+")
    last_invoice = models.PositiveIntegerField(default=0)
    last_credit_note = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.supplier_id}: {self.last_invoice}/{self.last_credit_note}"


class Invoice(models.Model):
    class Status(models.TextChoices):
        ISSUED = "issued", _("Waiting to be paid")
        PAID = "paid", _("Paid")
        CANCELLED = "cancelled", _("Cancelled by credit notes")

    MUTABLE_FIELDS = frozenset({"status", "paid_at", "updated_at"})

    supplier = models.ForeignKey("providers.Supplier", on_delete=models.PROTECT, related_name="invoices")
    number = models.PositiveIntegerField()
    booking = models.ForeignKey("bookings.Booking", on_delete=models.PROTECT, related_name="invoices")
    # Who pays: the booking's person. Kept (anonymised) if they delete their account, as the supplier's record.
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="invoices"
    )
    # As printed when issued, so a later change of name does not rewrite an issued invoice.
    supplier_name = models.CharField(max_length=255)
    person_name = models.CharField(max_length=255)
    vat_number = models.CharField(max_length=20, blank=True)
    vat_rate_basis_points = models.PositiveIntegerField(default=0)  # 2000 = 20%; 0 when the supplier charges none
    period_start = models.DateField()
    period_end = models.DateField()  # the period's last day
    net_pence = models.PositiveIntegerField()
    vat_pence = models.PositiveIntegerField()
    total_pence = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ISSUED, db_index=True)
    issued_at = models.DateTimeField()
    paid_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")
        constraints = [models.UniqueConstraint(fields=["supplier", "number"], name="one_invoice_number_per_supplier")]
        indexes = [models.Index(fields=["person", "status"]), models.Index(fields=["supplier", "status"])]

    def __str__(self):
        return self.reference

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if self.pk is not None and (update_fields is None or not set(update_fields) <= self.MUTABLE_FIELDS):
            raise ValidationError("An issued invoice cannot be changed: issue a credit note.", code="issued")
        super().save(*args, **kwargs)

    @property
    def reference(self):
        return f"INV-{self.supplier_id}-{self.number:05d}"

    @property
    def vat_percent(self):
        whole, part = divmod(self.vat_rate_basis_points, 100)
        return f"{whole}.{part:02d}".rstrip("0").rstrip(".")


class InvoiceLine(models.Model):
    """One visit (or a charged late cancellation) on an invoice, at what the booking made it cost."""

    invoice = models.ForeignKey(Invoice, on_delete=models.CASCADE, related_name="lines")
    visit = models.OneToOneField("bookings.Visit", on_delete=models.PROTECT, related_name="invoice_line")
    description = models.CharField(max_length=255)
    starts_at = models.DateTimeField()
    minutes = models.PositiveIntegerField()
    cancelled = models.BooleanField(default=False)  # a late cancellation's charge
    net_pence = models.PositiveIntegerField()

    class Meta:
        ordering = ["starts_at", "pk"]

    def __str__(self):
        return f"{self.invoice_id}: {self.description}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError("An issued invoice cannot be changed: issue a credit note.", code="issued")
        super().save(*args, **kwargs)


class CreditNote(models.Model):
    """A correction to an issued invoice that lowers what is owed, with the reason both sides see."""

    invoice = models.ForeignKey(Invoice, on_delete=models.PROTECT, related_name="credit_notes")
    number = models.PositiveIntegerField()
    net_pence = models.PositiveIntegerField()
    vat_pence = models.PositiveIntegerField()
    total_pence = models.PositiveIntegerField()
    reason = models.TextField(max_length=1000)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField()
    supplier = models.ForeignKey("providers.Supplier", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["supplier", "number"], name="one_credit_note_number_per_supplier")
        ]

    def __str__(self):
        return self.reference

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError("A credit note cannot be changed: issue another.", code="issued")
        super().save(*args, **kwargs)

    @property
    def reference(self):
        return f"CN-{self.supplier_id}-{self.number:05d}"


class Payment(models.Model):
    """A card payment of an invoice: one Stripe PaymentIntent, created by the site (its idempotency key stored first)
    and settled by Stripe's webhook events. `state_as_of` is the time of the newest event applied, so an older event
    arriving late changes nothing."""

    class Status(models.TextChoices):
        STARTED = "started", _("Started")
        SUCCEEDED = "succeeded", _("Paid")
        FAILED = "failed", _("Failed")

    invoice = models.ForeignKey(Invoice, on_delete=models.PROTECT, related_name="payments")
    stripe_id = models.CharField(max_length=255, unique=True)
    amount_pence = models.PositiveIntegerField()
    application_fee_pence = models.PositiveIntegerField(default=0)
    destination = models.CharField(
        max_length=255, blank=True
    )  # the supplier's connected account, if a destination charge
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.STARTED, db_index=True)
    failure_code = models.CharField(max_length=100, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    succeeded_at = models.DateTimeField(null=True, blank=True)
    state_as_of = models.DateTimeField(null=True, blank=True)
    demo = models.BooleanField(default=False)  # recorded by the demo data, never sent to Stripe

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.invoice_id}: {self.stripe_id}"


class Refund(models.Model):
    """Money the supplier gives back from a payment, with the reason both sides see. The row is kept (holding its
    amount against the payment) before Stripe is asked, so two refunds at once cannot give back more than was paid."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Asked of Stripe")
        SUCCEEDED = "succeeded", _("Refunded")
        FAILED = "failed", _("Failed")

    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, related_name="refunds")
    attempt = models.CharField(max_length=64, unique=True)  # the form's token: the same form sent twice refunds once
    amount_pence = models.PositiveIntegerField()
    reason = models.TextField(max_length=1000)
    stripe_id = models.CharField(max_length=255, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField()
    succeeded_at = models.DateTimeField(null=True, blank=True)
    demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Refund {self.pk} of {self.payment_id}"


class Dispute(models.Model):
    """A card holder's dispute of a payment with their bank, as Stripe reports it (`charge.dispute.*` events).
    `state_as_of` is the newest event applied, so an older one arriving late changes nothing."""

    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, related_name="disputes")
    stripe_id = models.CharField(max_length=255, unique=True)
    amount_pence = models.PositiveIntegerField()
    reason = models.CharField(max_length=60, blank=True)  # Stripe's reason code, e.g. "fraudulent"
    status = models.CharField(max_length=40)  # Stripe's status, e.g. "needs_response", "won", "lost"
    opened_at = models.DateTimeField()
    state_as_of = models.DateTimeField()

    class Meta:
        ordering = ["opened_at", "pk"]

    def __str__(self):
        return f"Dispute {self.stripe_id}"
