"""Checks an editor verifies from evidence: registration, insurance, PVG/DBS, training. Shown as dated badges."""

import secrets
from datetime import timedelta
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class VerificationQuerySet(models.QuerySet):
    def current(self, today=None):
        """Verified and not expired: what the public may see as a badge."""
        today = today or timezone.localdate()
        return self.filter(status=Verification.Status.VERIFIED).filter(
            Q(expires_on__isnull=True) | Q(expires_on__gte=today)
        )

    def expiring_within(self, days, today=None):
        today = today or timezone.localdate()
        return self.filter(
            status=Verification.Status.VERIFIED, expires_on__gte=today, expires_on__lte=today + timedelta(days=days)
        )


def private_storage():
    """Evidence lives outside MEDIA_ROOT: no web server serves it; editors download it through a checked view."""
    from django.core.files.storage import storages

    return storages["private"]


def evidence_path(instance, filename):
    """Never the name the provider gave it (it could be `invoice.html` or carry a right-to-left override): a random
    name with the extension of the type its contents were checked to be (`providers.forms.VerificationForm`)."""
    extension = PurePosixPath(filename).suffix.lower()
    extension = extension if extension in (".pdf", ".jpg", ".png") else ".bin"
    return f"verification-evidence/{timezone.now():%Y/%m}/{secrets.token_urlsafe(18)}{extension}"


class Verification(models.Model):
    class Kind(models.TextChoices):
        REGISTRATION = "registration", _("Registered with the care regulator")
        INSURANCE = "insurance", _("Public liability insurance")
        PVG = "pvg", _("PVG scheme membership (Scotland)")
        DBS = "dbs", _("DBS check (England and Wales)")
        TRAINING = "training", _("Training certificate")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an editor")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Not accepted")

    supplier = models.ForeignKey("providers.Supplier", on_delete=models.CASCADE, related_name="verifications")
    kind = models.CharField(_("what is being checked"), max_length=20, choices=Kind.choices)
    detail = models.CharField(
        _("details"),
        max_length=120,
        blank=True,
        help_text=_("For example “Enhanced DBS with barred list check” or a course name."),
    )
    reference = models.CharField(_("reference number"), max_length=60, blank=True)
    issued_on = models.DateField(_("date issued"), null=True, blank=True)
    expires_on = models.DateField(_("expiry date"), null=True, blank=True)
    evidence = models.FileField(_("evidence"), upload_to=evidence_path, storage=private_storage, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    rejection_reason = models.CharField(_("reason"), max_length=300, blank=True)
    expiry_reminder_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = VerificationQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "-issued_on"]
        verbose_name = _("verification")
        verbose_name_plural = _("verifications")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_status_display()})"

    @property
    def verified_on(self):
        return self.decided_at.date() if self.decided_at and self.status == self.Status.VERIFIED else None
