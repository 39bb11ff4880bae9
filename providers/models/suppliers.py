"""Suppliers: whoever offers support and is paid and reviewed, an organisation or a self-employed personal assistant.

The market sees one thing. A supplier has a public name and contact, the people who may act for it (an organisation's
members, or the PA themself, each with a role), its checks (`Verification`), its listings and, for payments, its
payout account. What differs between an organisation and a PA lives in their profiles (`Organisation`,
`PersonalAssistant`), which only their own forms and the "about" part of a listing page read.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SupplierQuerySet(models.QuerySet):
    def acted_for_by(self, user):
        """Suppliers `user` may act for (as owner or staff)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user).distinct()


class Supplier(models.Model):
    class Kind(models.TextChoices):
        ORGANISATION = "organisation", _("Organisation")
        PERSONAL_ASSISTANT = "personal_assistant", _("Personal assistant")

    kind = models.CharField(_("kind of supplier"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name shown to the public"), max_length=150)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, through="Membership", related_name="suppliers")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SupplierQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("supplier")
        verbose_name_plural = _("suppliers")

    def __str__(self):
        return self.name

    @property
    def is_personal_assistant(self):
        return self.kind == self.Kind.PERSONAL_ASSISTANT

    @property
    def profile(self):
        """The organisation's or the PA's own details: only their forms and a listing's "about" part read them."""
        return self.personal_assistant if self.is_personal_assistant else self.organisation

    def kind_label(self):
        """What the public is told the supplier is: "Personal assistant", or the organisation's kind ("Charity")."""
        return self.get_kind_display() if self.is_personal_assistant else self.organisation.get_kind_display()

    def check_kinds(self):
        """The checks this kind of supplier can send for verification."""
        from .verification import Verification

        Kind = Verification.Kind
        if self.is_personal_assistant:
            return [Kind.PVG, Kind.DBS, Kind.TRAINING, Kind.INSURANCE]
        return [Kind.REGISTRATION, Kind.INSURANCE, Kind.DBS, Kind.PVG, Kind.TRAINING]

    def recipients(self):
        """(email, chosen language) of the active people who act for this supplier: whom its emails go to."""
        users = [user for user in self.members.all() if user.is_active and user.email]
        return [(user.email, user.preferred_language or None) for user in users]

    def owner_ids(self):
        return [m.user_id for m in self.memberships.all() if m.role == Membership.Role.OWNER]


class Membership(models.Model):
    """Someone who may act for a supplier: an organisation's owners and staff, or a PA (the owner of their own)."""

    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        STAFF = "staff", _("Staff")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    supplier = models.ForeignKey(Supplier, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.STAFF)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "supplier"], name="one_membership_per_supplier")]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()}) at {self.supplier}"
