"""Short-notice cover: a person with an active booking asks for someone to cover a date and time at the booking's
place; suppliers whose public listings serve that place, offer short-notice cover and meet the needs are invited,
and the first to accept is made into a one-off offer in a new thread."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .bookings import Booking


class CoverRequest(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Looking for cover")
        TAKEN = "taken", _("Someone can cover")
        CANCELLED = "cancelled", _("Cancelled")
        EXPIRED = "expired", _("Nobody could cover")

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="cover_requests")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"))
    needs = models.ManyToManyField("providers.Need", blank=True, verbose_name=_("support needed for"))
    notes = models.CharField(_("anything else the supplier should know"), max_length=500, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    taken_by = models.ForeignKey(
        "providers.Supplier", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    offer = models.OneToOneField(
        Booking, on_delete=models.SET_NULL, null=True, blank=True, related_name="cover_request_for"
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Cover for booking {self.booking_id} on {self.date}"


class CoverInvitation(models.Model):
    class Status(models.TextChoices):
        SENT = "sent", _("Asked")
        ACCEPTED = "accepted", _("Accepted")
        TAKEN = "taken", _("Covered by someone else")
        CLOSED = "closed", _("No longer needed")

    request = models.ForeignKey(CoverRequest, on_delete=models.CASCADE, related_name="invitations")
    supplier = models.ForeignKey("providers.Supplier", on_delete=models.CASCADE, related_name="cover_invitations")
    listing = models.ForeignKey("providers.Listing", on_delete=models.SET_NULL, null=True, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SENT, db_index=True)
    emailed = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["request", "supplier"], name="one_cover_invitation_each")]

    def __str__(self):
        return f"Cover invitation to {self.supplier_id}"
