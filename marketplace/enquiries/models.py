"""Enquiries (each one a message thread between a person and a supplier about one listing) and their messages."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DayTime(models.TextChoices):
    MORNING = "morning", _("Mornings")
    AFTERNOON = "afternoon", _("Afternoons")
    EVENING = "evening", _("Evenings")
    NIGHT = "night", _("Nights")


class EnquiryQuerySet(models.QuerySet):
    def for_person(self, user):
        return self.filter(person=user)

    def for_supplier_member(self, user):
        return self.filter(supplier__memberships__user=user).distinct()


class Enquiry(models.Model):
    """What the person asked for, and the thread that follows. The person is the one support is for; `created_by` is
    whoever sent it (the person, or someone acting for them)."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enquiries")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    listing = models.ForeignKey("providers.Listing", on_delete=models.CASCADE, related_name="enquiries")
    supplier = models.ForeignKey("providers.Supplier", on_delete=models.CASCADE, related_name="enquiries")
    needs = models.ManyToManyField("providers.Need", blank=True, verbose_name=_("support needed for"))
    service_types = models.ManyToManyField("providers.ServiceType", blank=True, verbose_name=_("kind of support"))
    area = models.CharField(_("roughly where"), max_length=120)
    days = models.JSONField(_("days"), default=list, blank=True)  # 0 (Monday) … 6
    times = models.JSONField(_("times of day"), default=list, blank=True)  # DayTime values
    start_date = models.DateField(_("from when"), null=True, blank=True)
    hours_per_week = models.PositiveSmallIntegerField(_("hours a week"), null=True, blank=True)
    funding_option = models.ForeignKey(
        "providers.FundingOption", on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("how it is paid")
    )
    language = models.CharField(_("language"), max_length=10, default=settings.LANGUAGE_CODE)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    # Contact details show to the other side only once both have agreed to share theirs.
    person_shares_contact_at = models.DateTimeField(null=True, blank=True)
    supplier_shares_contact_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    first_reply_at = models.DateTimeField(null=True, blank=True)
    last_message_at = models.DateTimeField(default=timezone.now)

    objects = EnquiryQuerySet.as_manager()

    class Meta:
        ordering = ["-last_message_at", "-pk"]
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")
        indexes = [models.Index(fields=["supplier", "created_at"])]

    def __str__(self):
        return f"Enquiry {self.pk} about {self.listing}"

    @property
    def contact_shared(self):
        return self.person_shares_contact_at is not None and self.supplier_shares_contact_at is not None


class Message(models.Model):
    class Side(models.TextChoices):
        PERSON = "person", _("The person")
        SUPPLIER = "supplier", _("The supplier")

    class Status(models.TextChoices):
        SHOWN = "shown", _("Shown")
        HELD = "held", _("Held for an editor")
        REMOVED = "removed", _("Removed by an editor")

    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="messages")
    side = models.CharField(max_length=10, choices=Side.choices)
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    body = models.TextField(_("message"), max_length=5000)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SHOWN, db_index=True)
    flags = models.JSONField(default=list, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_side_display()}: {self.body[:40]}"


class ThreadReport(models.Model):
    """Either side reports a thread for an editor to look at."""

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for an editor")
        CLOSED = "closed", _("Dealt with")

    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="reports")
    side = models.CharField(max_length=10, choices=Message.Side.choices)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    reason = models.TextField(_("what is wrong"), max_length=2000)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    decision_note = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Report on {self.enquiry}"


class Block(models.Model):
    """A person blocks a supplier, or a supplier blocks a person: no new enquiries or messages between them."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    supplier = models.ForeignKey("providers.Supplier", on_delete=models.CASCADE, related_name="+")
    side = models.CharField(max_length=10, choices=Message.Side.choices)  # who blocked
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "supplier", "side"], name="one_block_per_side"),
        ]

    def __str__(self):
        return f"{self.get_side_display()} blocked"


def blocked(person, supplier):
    return Block.objects.filter(Q(person=person) & Q(supplier=supplier)).exists()
