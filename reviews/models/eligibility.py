"""Who may review: people a provider invited after supporting them, and members of accredited peer groups."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel


def _new_token():
    return secrets.token_urlsafe(32)


def _invitation_expiry():
    return timezone.now() + timedelta(days=settings.REVIEW_INVITATION_DAYS)


class ReviewInvitation(models.Model):
    """A provider's invitation to one client to review one listing. Single use, expires, tied to one email address:
    only the person who signs in with that address can use it."""

    listing = models.ForeignKey("providers.Listing", on_delete=models.CASCADE, related_name="review_invitations")
    email = models.EmailField(_("client’s email address"))
    token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=_invitation_expiry)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.listing}"

    def is_usable(self, now=None):
        return self.used_at is None and self.expires_at > (now or timezone.now())


class PeerGroup(ClusterableModel):
    """A user-led organisation whose coordinator vouches for members. Only accredited groups make members eligible."""

    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("about the group"), max_length=1000, blank=True)
    website = models.URLField(_("website"), blank=True)
    coordinator_email = models.EmailField(
        _("coordinator’s email address"),
        help_text=_("The coordinator signs in with this address to vouch for members."),
    )
    accredited = models.BooleanField(
        _("accredited"), default=False, help_text=_("Members of accredited groups may review listings they have used.")
    )
    accredited_at = models.DateTimeField(_("accredited on"), null=True, blank=True, editable=False)
    accredited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldPanel("coordinator_email"),
        FieldPanel("accredited"),
        InlinePanel("members", label=_("Members")),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("peer group")
        verbose_name_plural = _("peer groups")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.coordinator_email = self.coordinator_email.strip().lower()
        if self.accredited and self.accredited_at is None:
            self.accredited_at = timezone.now()
        elif not self.accredited:
            self.accredited_at = None
            self.accredited_by = None
        super().save(*args, **kwargs)


class PeerGroupMember(models.Model):
    """Someone a coordinator vouches for, by email address; whoever holds that verified address is the member."""

    group = ParentalKey(PeerGroup, on_delete=models.CASCADE, related_name="members")
    email = models.EmailField(_("email address"))
    vouched_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    vouched_at = models.DateTimeField(default=timezone.now, editable=False)

    panels = [FieldPanel("email")]

    class Meta:
        ordering = ["email"]
        constraints = [models.UniqueConstraint(fields=["group", "email"], name="one_vouch_per_email_per_group")]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)
