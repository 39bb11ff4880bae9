"""Visits: planned from a booking's schedule, confirmed as delivered by the supplier, approved by the person (or
automatically after a while), disputed, decided by an editor, or cancelled under the booking's terms.

`amount_due_pence` is what the visit costs the person: while planned, the planned length priced by the booking's
items; once delivered, the confirmed (or corrected) times; for a late cancellation by the person, the booking's
charge on the planned price; nothing when cancelled in time, or when the supplier withdraws or an editor rules it
out. Payments invoice `Visit.objects.payable()`: approved visits and charged cancellations."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .bookings import Booking, Side


class VisitQuerySet(models.QuerySet):
    def payable(self):
        return self.filter(
            Q(status=Visit.Status.APPROVED) | Q(status=Visit.Status.CANCELLED, charged=True), amount_due_pence__gt=0
        )

    def upcoming(self, now=None):
        return self.filter(status=Visit.Status.PLANNED, ends_at__gt=now or timezone.now()).order_by("starts_at", "pk")

    def to_confirm(self, now=None):
        """Planned visits that have started: the supplier says whether they happened."""
        return self.filter(status=Visit.Status.PLANNED, starts_at__lte=now or timezone.now())

    def for_person(self, user):
        return self.filter(booking__person=user)

    def for_supplier(self, supplier):
        return self.filter(booking__supplier=supplier)


class Visit(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        DELIVERED = "delivered", _("Delivered: waiting for approval")
        APPROVED = "approved", _("Approved")
        DISPUTED = "disputed", _("Disputed: back with the supplier")
        REFERRED = "referred", _("Disputed: with an editor")
        VOID = "void", _("Not to be paid")
        CANCELLED = "cancelled", _("Cancelled")

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="visits")
    starts_at = models.DateTimeField(_("planned start"))
    ends_at = models.DateTimeField(_("planned end"))
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PLANNED, db_index=True)
    amount_due_pence = models.PositiveIntegerField(default=0)
    actual_start = models.DateTimeField(_("actual start"), null=True, blank=True)
    actual_end = models.DateTimeField(_("actual end"), null=True, blank=True)
    supplier_note = models.CharField(_("note from the supplier"), max_length=500, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    auto_approved = models.BooleanField(default=False)
    dispute_reason = models.TextField(_("what is wrong"), max_length=2000, blank=True)
    disputes = models.PositiveSmallIntegerField(default=0)
    supplier_response = models.TextField(max_length=2000, blank=True)
    decision_note = models.TextField(max_length=2000, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by_side = models.CharField(max_length=10, choices=Side.choices, blank=True)
    cancel_reason = models.TextField(max_length=2000, blank=True)
    charged = models.BooleanField(default=False)

    objects = VisitQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        indexes = [models.Index(fields=["status", "starts_at"]), models.Index(fields=["status", "confirmed_at"])]
        constraints = [
            # Planning the same weeks again (cron, acceptance, a retry) never makes a second visit.
            models.UniqueConstraint(fields=["booking", "starts_at"], name="one_visit_per_booking_start"),
        ]

    def __str__(self):
        return f"Visit {self.pk} of booking {self.booking_id}"

    @property
    def minutes_planned(self):
        return round((self.ends_at - self.starts_at).total_seconds() / 60)

    @property
    def minutes_delivered(self):
        if self.actual_start is None or self.actual_end is None:
            return None
        return round((self.actual_end - self.actual_start).total_seconds() / 60)
