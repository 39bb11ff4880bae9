"""Who publishes: provider organisations (with members) and self-employed personal assistants."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .suppliers import Membership

INVITATION_LIFETIME = timedelta(days=14)


class Organisation(models.Model):
    class Kind(models.TextChoices):
        REGISTERED_PROVIDER = "registered_provider", _("Registered care provider")
        CHARITY = "charity", _("Charity")
        MICRO_ENTERPRISE = "micro_enterprise", _("Community micro-enterprise")
        USER_LED = "user_led", _("User-led organisation")
        PA_AGENCY = "pa_agency", _("Personal assistant agency")
        SUPPORT_SERVICE = "support_service", _("Advocacy, brokerage or payroll service")

    class Regulator(models.TextChoices):
        NONE = "", _("Not registered with a care regulator")
        CARE_INSPECTORATE = "care_inspectorate", _("Care Inspectorate (Scotland)")
        CQC = "cqc", _("Care Quality Commission (England)")
        CIW = "ciw", _("Care Inspectorate Wales")

    supplier = models.OneToOneField("providers.Supplier", on_delete=models.CASCADE, related_name="organisation")
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    kind = models.CharField(_("kind of organisation"), max_length=30, choices=Kind.choices)
    regulator = models.CharField(_("care regulator"), max_length=30, choices=Regulator.choices, blank=True)
    registration_number = models.CharField(_("registration number"), max_length=40, blank=True)
    companies_house_number = models.CharField(_("Companies House number"), max_length=10, blank=True)
    charity_number = models.CharField(_("charity number"), max_length=20, blank=True)
    description = models.TextField(_("about the organisation"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["supplier__name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.supplier.name

    @property
    def name(self):
        return self.supplier.name


def _new_token():
    return secrets.token_urlsafe(32)


def _invitation_expiry():
    return timezone.now() + INVITATION_LIFETIME


class Invitation(models.Model):
    """An invitation by email to join an organisation. Single use; expires."""

    supplier = models.ForeignKey("providers.Supplier", on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=10, choices=Membership.Role.choices, default=Membership.Role.STAFF)
    token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=_invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.supplier}"

    @property
    def is_usable(self):
        return self.accepted_at is None and self.expires_at > timezone.now()


def pa_photo_path(instance, filename):
    from .listings import unguessable_path

    return unguessable_path("pa-photos", filename)


class PersonalAssistant(models.Model):
    """A self-employed or job-seeking PA. Their home is private: the public sees only an approximate area."""

    class Employment(models.TextChoices):
        SELF_EMPLOYED = "self_employed", _("Self-employed")
        SEEKING_EMPLOYER = "seeking_employer", _("Looking for an employer")
        EITHER = "either", _("Self-employed or employed")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="personal_assistant")
    supplier = models.OneToOneField("providers.Supplier", on_delete=models.CASCADE, related_name="personal_assistant")
    bio = models.TextField(_("about you"), max_length=2000, blank=True)
    photo = models.ImageField(_("photo"), upload_to=pa_photo_path, blank=True)
    photo_alt_text = models.CharField(_("photo description"), max_length=200, blank=True)
    experience_years = models.PositiveSmallIntegerField(_("years of experience"), default=0)
    training = models.TextField(_("training"), max_length=2000, blank=True)
    qualifications = models.TextField(_("qualifications"), max_length=2000, blank=True)
    languages = models.ManyToManyField("providers.Language", blank=True, verbose_name=_("languages"))
    gender = models.CharField(
        _("gender"), max_length=40, blank=True, help_text=_("Optional. In your own words; some people look for this.")
    )
    drives = models.BooleanField(_("has a driving licence"), default=False)
    has_car = models.BooleanField(_("has a car"), default=False)
    employment = models.CharField(_("how you work"), max_length=20, choices=Employment.choices)
    home_postcode = models.CharField(_("home postcode (private)"), max_length=8)
    area_label = models.CharField(_("area shown to the public"), max_length=80, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("personal assistant")
        verbose_name_plural = _("personal assistants")

    def __str__(self):
        return self.supplier.name
