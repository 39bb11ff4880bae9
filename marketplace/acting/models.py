"""Arrangements that let one person act for another, and the log of what was done in someone's name."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    """What a helper may do in the person's name. Each is separate: a helper who books cannot read messages unless
    the person also chose that."""

    ENQUIRE = "enquire", _("Find support and send enquiries")
    MESSAGES = "messages", _("Read and answer messages")
    BOOK = "book", _("Agree bookings and approve visits")
    MONEY = "money", _("See the budget and pay invoices")


class Basis(models.TextChoices):
    INFORMAL = "informal", _("Informal help (family, friend or carer)")
    NOMINATED = "nominated", _("Nominated person for a direct payment")
    ATTORNEY = "attorney", _("Power of attorney")
    DEPUTY = "deputy", _("Deputy or guardian appointed by a court")
    ADVOCATE = "advocate", _("Advocate or broker")


def _token():
    return secrets.token_urlsafe(32)


def _invitation_expiry():
    return timezone.now() + timedelta(days=14)


class ArrangementQuerySet(models.QuerySet):
    def in_force(self, today=None):
        """Accepted, not ended, and within the date the person set (if any)."""
        today = today or timezone.localdate()
        return self.filter(status=Arrangement.Status.ACTIVE).filter(Q(until__isnull=True) | Q(until__gte=today))

    def usable_invitations(self, now=None):
        """Invitations whose link still works (see `Arrangement.invitation_usable`)."""
        now = now or timezone.now()
        return self.filter(status=Arrangement.Status.INVITED, invitation_expires_at__gt=now).filter(
            Q(until__isnull=True) | Q(until__gte=timezone.localdate(now))
        )


class Arrangement(models.Model):
    """`person` lets `helper` act for them within `scopes` until `until`. Made by the person's invitation to an
    address; the helper accepts it signed in with that address. The person can end it at once."""

    class Status(models.TextChoices):
        INVITED = "invited", _("Invitation sent")
        ACTIVE = "active", _("In force")
        ENDED = "ended", _("Ended")
        DECLINED = "declined", _("Declined")

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="helped_by")
    helper = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="helping"
    )
    # Blank once the helper deletes their account: nothing that names them is kept.
    invited_email = models.EmailField(_("helper’s email address"), blank=True)
    helper_name = models.CharField(_("what the helper is called"), max_length=80, blank=True)
    relationship = models.CharField(_("who they are to you"), max_length=80, blank=True)
    scopes = models.JSONField(_("what they may do"), default=list)
    basis = models.CharField(_("on what basis"), max_length=20, choices=Basis.choices, default=Basis.INFORMAL)
    until = models.DateField(_("until"), null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.INVITED, db_index=True)
    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    invitation_expires_at = models.DateTimeField(default=_invitation_expiry)
    created_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ArrangementQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "helper"],
                condition=Q(status="active"),
                name="one_active_arrangement_per_pair",
            )
        ]
        verbose_name = _("arrangement to act for someone")
        verbose_name_plural = _("arrangements to act for someone")

    def __str__(self):
        return f"{self.helper_name} for {self.person}"

    def in_force(self, today=None):
        today = today or timezone.localdate()
        return self.status == self.Status.ACTIVE and (self.until is None or self.until >= today)

    def allows(self, scope, today=None):
        return self.in_force(today) and scope in self.scopes

    def scope_labels(self):
        return [Scope(value).label for value in Scope.values if value in self.scopes]

    def invitation_usable(self, now=None):
        """The invitation link still works: not answered, not withdrawn, not past its expiry or the end date."""
        now = now or timezone.now()
        return (
            self.status == self.Status.INVITED
            and self.invitation_expires_at > now
            and (self.until is None or self.until >= timezone.localdate(now))
        )

    @property
    def helper_label(self):
        """How the person's pages name the helper (the name the person gave, or a neutral phrase once erased)."""
        return self.helper_name or _("A helper who deleted their account")

    @property
    def shown_status(self):
        """(words, GOV.UK tag colour) for the person's and the helper's lists: an arrangement past its date or an
        invitation past its expiry reads as such, though nobody changed its status."""
        if self.status == self.Status.ACTIVE and not self.in_force():
            return _("Date passed"), "grey"
        if self.status == self.Status.INVITED and not self.invitation_usable():
            return _("Invitation expired"), "grey"
        colours = {self.Status.ACTIVE: "green", self.Status.INVITED: "blue"}
        return self.get_status_display(), colours.get(self.status, "grey")


class LogEntry(models.Model):
    """Something a helper did in the person's name: the person reads these on their account page."""

    arrangement = models.ForeignKey(Arrangement, on_delete=models.CASCADE, related_name="log")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    scope = models.CharField(max_length=20, choices=Scope.choices)
    action = models.CharField(_("what was done"), max_length=300)
    url = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("action taken for someone")
        verbose_name_plural = _("actions taken for someone")
        indexes = [models.Index(fields=["person", "-at"])]

    def __str__(self):
        return self.action
