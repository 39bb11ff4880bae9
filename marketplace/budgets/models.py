"""A person's budget and its ledger.

`Budget` is the holder's ledger: one per person, with whom it is shared. What the budget is (amount per period, start,
how and by whom it is held, which council) is a `BudgetVersion`: a change is a new version, never an edit.

`Entry` rows are append-only: never updated, never deleted (a correction is a new, reversing entry). The model and
its manager refuse both, and database triggers (migration 0002) refuse them too, whatever code runs. The one
exception is closing an account: `privacy.erase` marks the ledger erased first, and only then may its entries go.
"""

import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    """Someone tried to change or remove a ledger entry."""


class Period(models.TextChoices):
    WEEKLY = "weekly", _("Every week")
    FOUR_WEEKLY = "four_weekly", _("Every four weeks")
    MONTHLY = "monthly", _("Every month")
    YEARLY = "yearly", _("Every year")


class HeldAs(models.TextChoices):
    DIRECT_PAYMENT = "direct_payment", _("Direct payment")
    ISF = "isf", _("Individual service fund")
    ILF = "ilf", _("Independent Living Fund")
    PHB = "phb", _("NHS personal health budget")
    SELF_FUNDED = "self_funded", _("Self-funded")


class ManagedBy(models.TextChoices):
    SELF = "self", _("Me")
    NOMINATED = "nominated", _("A nominated person")
    PROVIDER = "provider", _("A provider managing an individual service fund")
    COUNCIL = "council", _("The council")


def private_storage():
    """Receipts live outside MEDIA_ROOT: no web server serves them; the ledger's own view does, to those allowed."""
    from django.core.files.storage import storages

    return storages["private"]


def receipt_path(instance, filename):
    """A random name with the extension of the type the contents were checked to be (never the uploaded name)."""
    extension = PurePosixPath(filename).suffix.lower()
    extension = extension if extension in (".jpg", ".png", ".webp") else ".bin"
    return f"budget-receipts/{timezone.now():%Y/%m}/{secrets.token_urlsafe(18)}{extension}"


class Budget(models.Model):
    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="budget"
    )
    # The council the holder agreed to share their ledger with (its GSS code); empty while not shared.
    shared_with = models.CharField(max_length=9, blank=True, db_index=True)
    shared_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")
        permissions = [("see_shared_ledgers", "Can see ledgers shared with their council")]

    def __str__(self):
        return f"Budget {self.pk}"

    @property
    def current(self):
        """The version in force (the latest recorded), or None before the holder records one."""
        if not hasattr(self, "_current"):
            self._current = self.versions.order_by("-recorded_at", "-pk").first()
        return self._current


class BudgetVersion(models.Model):
    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="versions")
    amount_pence = models.PositiveIntegerField(_("amount"))
    period = models.CharField(_("period"), max_length=12, choices=Period.choices)
    start_date = models.DateField(_("start date"))
    held_as = models.CharField(_("how the budget is held"), max_length=16, choices=HeldAs.choices)
    managed_by = models.CharField(_("who manages it"), max_length=10, choices=ManagedBy.choices)
    council = models.CharField(_("council"), max_length=9)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        verbose_name = _("budget version")

    def __str__(self):
        return f"{self.amount_pence}p {self.period} from {self.start_date}"


class EntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Ledger entries are never changed: add a correcting entry.")

    def delete(self):
        raise AppendOnlyError("Ledger entries are never deleted: add a correcting entry.")

    def _erase(self):
        """Only for `privacy.erase`, after the ledger is marked erased (the database refuses it otherwise)."""
        return super().delete()


class Entry(models.Model):
    class Kind(models.TextChoices):
        PAYMENT = "payment", _("Payment through this site")
        REFUND = "refund", _("Refund")
        WAGES = "wages", _("PA wages through payroll")
        RECEIPT = "receipt", _("Spending with a receipt")
        OTHER = "other", _("Other spending")
        CORRECTION = "correction", _("Correction")

    BY_HAND = (Kind.WAGES, Kind.RECEIPT, Kind.OTHER)

    budget = models.ForeignKey(Budget, on_delete=models.PROTECT, related_name="entries")
    kind = models.CharField(_("kind of spending"), max_length=12, choices=Kind.choices)
    # Positive: money spent; negative: money back (refunds, corrections of spending).
    amount_pence = models.BigIntegerField(_("amount"))
    occurred_on = models.DateField(_("date"))
    description = models.CharField(_("what it was for"), max_length=200)
    supplier_name = models.CharField(_("paid to"), max_length=200, blank=True)
    # Payments' movement key: the same movement heard twice is recorded once.
    key = models.CharField(max_length=200, null=True, blank=True, unique=True)
    receipt = models.FileField(_("receipt"), upload_to=receipt_path, storage=private_storage, blank=True)
    reverses = models.OneToOneField("self", on_delete=models.PROTECT, null=True, blank=True, related_name="reversed_by")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_on", "-pk"]
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        indexes = [models.Index(fields=["budget", "occurred_on"])]
        constraints = [models.CheckConstraint(condition=~Q(amount_pence=0), name="budget_entry_not_zero")]

    def __str__(self):
        return f"{self.kind} {self.amount_pence}p on {self.occurred_on}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Ledger entries are never changed: add a correcting entry.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Ledger entries are never deleted: add a correcting entry.")

    @property
    def is_correctable(self):
        """Spending added by hand, not yet corrected. Payments and refunds are what Stripe did: the supplier
        corrects those with a refund."""
        return self.kind in self.BY_HAND and not hasattr(self, "reversed_by")


class ConsentChange(models.Model):
    """Each time the holder shares their ledger with a council, or withdraws."""

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="consent_changes")
    council = models.CharField(max_length=9)
    shared = models.BooleanField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{'Shared with' if self.shared else 'Withdrawn from'} {self.council} at {self.at}"


class Look(models.Model):
    """Someone other than the holder saw the holder's money (a helper, a council finance officer)."""

    class Role(models.TextChoices):
        HELPER = "helper", _("Someone acting for you")
        COUNCIL_FINANCE = "council_finance", _("Council finance officer")

    class What(models.TextChoices):
        LEDGER = "ledger", _("Your budget and spending")
        RETURN = "return", _("A monitoring return")
        RECEIPT = "receipt", _("A receipt")

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="looks")
    viewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    viewer_name = models.CharField(max_length=200)
    role = models.CharField(max_length=16, choices=Role.choices)
    what = models.CharField(max_length=10, choices=What.choices)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.viewer_name} saw {self.what} at {self.at}"


class FinanceOfficer(models.Model):
    """Which council a member of the Council finance group works for: they see ledgers shared with it only."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="finance_officer")
    council = models.CharField(_("council"), max_length=9)

    class Meta:
        verbose_name = _("council finance officer")

    def __str__(self):
        return f"{self.user} ({self.council})"
