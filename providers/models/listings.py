"""Listings: what a provider or PA offers, where, when and at what price."""

import secrets
from datetime import timedelta
from decimal import Decimal
from pathlib import PurePosixPath

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

MAX_RADIUS_KM = 200
MAX_AMOUNT = Decimal("5000.00")


def reconfirm_after():
    return timedelta(days=settings.LISTING_RECONFIRM_AFTER_DAYS)


def hide_after():
    return reconfirm_after() + timedelta(days=settings.LISTING_STALE_GRACE_DAYS)


def visible_since(now=None):
    """The oldest confirmation that still keeps a published listing public."""
    return (now or timezone.now()) - hide_after()


class ListingQuerySet(models.QuerySet):
    def publicly_visible(self, now=None):
        """Published and confirmed recently enough to be shown (stale listings are hidden until reconfirmed)."""
        return self.confirmed_since(visible_since(now))

    def confirmed_since(self, moment):
        """Published and confirmed at `moment` or later: the visibility rule itself (`publicly_visible` with the
        moment worked out; the search page's prepared query uses it directly, so the rule must stay here)."""
        return self.filter(status=Listing.Status.PUBLISHED, last_confirmed_at__gte=moment)

    def editable_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(supplier__memberships__user=user).distinct()


class Listing(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Waiting for approval")
        PUBLISHED = "published", _("Published")
        SUSPENDED = "suspended", _("Suspended")
        ARCHIVED = "archived", _("Archived")

    class AreaKind(models.TextChoices):
        RADIUS = "radius", _("Within a distance of a place")
        COUNCIL_AREAS = "council_areas", _("Whole council areas")

    class Freshness(models.TextChoices):
        FRESH = "fresh", _("Up to date")
        DUE = "due", _("Due to be confirmed")
        STALE = "stale", _("Not confirmed recently")
        HIDDEN = "hidden", _("Hidden until confirmed")

    supplier = models.ForeignKey("providers.Supplier", on_delete=models.CASCADE, related_name="listings")
    title = models.CharField(_("title"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("description"), max_length=10_000, blank=True)
    service_types = models.ManyToManyField("providers.ServiceType", blank=True, verbose_name=_("service types"))
    needs = models.ManyToManyField("providers.Need", blank=True, verbose_name=_("needs"))
    funding_options = models.ManyToManyField("providers.FundingOption", blank=True, verbose_name=_("funding accepted"))
    languages = models.ManyToManyField("providers.Language", blank=True, verbose_name=_("languages"))

    # Where support is delivered. Search asks "who serves this place", so the area is stored, not only an office.
    area_kind = models.CharField(_("service area"), max_length=20, choices=AreaKind.choices, default=AreaKind.RADIUS)
    base_postcode = models.CharField(_("base postcode"), max_length=8, blank=True)
    base_label = models.CharField(_("base place"), max_length=120, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    radius_km = models.DecimalField(
        _("distance covered (km)"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(MAX_RADIUS_KM)],
    )
    council_areas = models.ManyToManyField("providers.CouncilArea", blank=True, verbose_name=_("council areas"))

    short_notice_cover = models.BooleanField(_("can cover at short notice"), default=False)
    accepting_new_clients = models.BooleanField(_("accepting new clients"), default=True)
    contact_phone = models.CharField(_("phone"), max_length=30, blank=True)
    contact_email = models.EmailField(_("email"), blank=True)
    contact_website = models.URLField(_("website"), blank=True)
    contact_notes = models.CharField(_("how to get in touch"), max_length=300, blank=True)

    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    last_confirmed_at = models.DateTimeField(_("last confirmed"), null=True, blank=True, db_index=True)
    reconfirm_reminder_sent_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(
        excluded_fields=["updated_at", "reconfirm_reminder_sent_at", "submitted_at"],
        m2m_fields=[service_types, needs, funding_options, languages, council_areas],
        cascade_delete_history=True,
    )
    objects = ListingQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("listing")
        verbose_name_plural = _("listings")
        indexes = [
            models.Index(fields=["status", "last_confirmed_at"]),
            # "Who serves this place" (search.coverage) reads these columns alone for every listing within reach of
            # a place: with all of them in one index, the database never reads the listings' long rows to find them.
            models.Index(
                fields=["area_kind", "latitude", "longitude", "radius_km", "status", "last_confirmed_at", "updated_at"],
                name="listing_coverage_idx",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_personal_assistant(self):
        """A PA's home is private: their listing's base is shown only approximately."""
        return self.supplier.is_personal_assistant

    def freshness(self, now=None):
        if self.last_confirmed_at is None:
            return self.Freshness.HIDDEN
        age = (now or timezone.now()) - self.last_confirmed_at
        if age >= hide_after():
            return self.Freshness.HIDDEN
        if age >= reconfirm_after():
            return self.Freshness.STALE
        if age >= reconfirm_after() - timedelta(days=settings.LISTING_REMINDER_DAYS):
            return self.Freshness.DUE
        return self.Freshness.FRESH

    def reconfirm_by(self):
        return self.last_confirmed_at + reconfirm_after() if self.last_confirmed_at else None


class AvailabilitySlot(models.Model):
    class Day(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    class Band(models.TextChoices):
        MORNING = "morning", _("Morning")
        AFTERNOON = "afternoon", _("Afternoon")
        EVENING = "evening", _("Evening")
        NIGHT = "night", _("Night")
        OVERNIGHT = "overnight", _("Overnight (sleep-in)")

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="availability")
    day = models.PositiveSmallIntegerField(choices=Day.choices)
    band = models.CharField(max_length=10, choices=Band.choices)

    class Meta:
        ordering = ["day", "band"]
        constraints = [models.UniqueConstraint(fields=["listing", "day", "band"], name="one_slot_per_day_and_band")]

    def __str__(self):
        return f"{self.get_day_display()} {self.get_band_display()}"


class RateCardItem(models.Model):
    """One price on a listing's rate card. Amounts are GBP Decimals, never floats."""

    class Unit(models.TextChoices):
        HOUR = "hour", _("per hour")
        HALF_DAY = "half_day", _("per half day")
        DAY = "day", _("per day")
        NIGHT = "night", _("per night")
        SLEEPOVER = "sleepover", _("per sleepover")
        VISIT = "visit", _("per visit")
        SESSION = "session", _("per session")
        FIXED = "fixed", _("fixed price")

    class DayType(models.TextChoices):
        WEEKDAY = "weekday", _("Weekdays")
        WEEKEND = "weekend", _("Weekends")
        BANK_HOLIDAY = "bank_holiday", _("Bank holidays")

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="rates")
    description = models.CharField(_("what it is for"), max_length=120)
    unit = models.CharField(_("unit"), max_length=12, choices=Unit.choices, default=Unit.HOUR)
    amount = models.DecimalField(
        _("price (£)"),
        max_digits=7,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(MAX_AMOUNT)],
    )
    day_type = models.CharField(_("when"), max_length=14, choices=DayType.choices, default=DayType.WEEKDAY)
    notes = models.CharField(_("notes"), max_length=200, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords(cascade_delete_history=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("rate")
        verbose_name_plural = _("rate card")

    def __str__(self):
        return f"{self.description}: £{self.amount} {self.get_unit_display()}"

    @property
    def hourly_amount(self):
        """The price per hour, for comparing like with like; None where a unit has no fixed length."""
        return self.amount if self.unit == self.Unit.HOUR else None


def listing_photo_path(instance, filename):
    return unguessable_path("listing-photos", filename)


def unguessable_path(folder, filename):
    """A public file's name that nobody can guess: a draft listing's photos are public only to whoever is given the
    address. Only the (already checked) extension of the uploaded name is kept."""
    extension = PurePosixPath(filename).suffix.lower()[:6]
    return f"{folder}/{secrets.token_urlsafe(18)}{extension}"


class ListingPhoto(models.Model):
    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to=listing_photo_path, width_field="width", height_field="height")
    width = models.PositiveIntegerField(default=0, editable=False)
    height = models.PositiveIntegerField(default=0, editable=False)
    alt_text = models.CharField(
        _("description of the photo"),
        max_length=200,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.alt_text


class ListingChange(models.Model):
    """Changes to a published listing's words and contact details, waiting for an editor. The public keeps seeing
    the approved version until then; prices, availability and the rest go live at once (see
    `providers.services.MODERATED_FIELDS`). A listing has at most one change waiting; a new save updates it."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for an editor")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Not approved")

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="changes")
    fields = models.JSONField(_("new values"), default=dict)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING, db_index=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    submitted_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(_("reason"), max_length=2000, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["listing"], condition=Q(status="waiting"), name="one_waiting_change_per_listing"
            )
        ]

    def __str__(self):
        return f"Change to {self.listing}"


class ModerationDecision(models.Model):
    """Every change of a listing's status by an editor or the system, with the reason given."""

    class Action(models.TextChoices):
        SUBMIT = "submit", _("Submitted for approval")
        APPROVE = "approve", _("Approved")
        REJECT = "reject", _("Sent back")
        SUSPEND = "suspend", _("Suspended")
        REINSTATE = "reinstate", _("Reinstated")
        ARCHIVE = "archive", _("Archived")
        APPROVE_CHANGE = "approve_change", _("Changes approved")
        REJECT_CHANGE = "reject_change", _("Changes not approved")

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="decisions")
    action = models.CharField(max_length=16, choices=Action.choices)
    reason = models.TextField(_("reason"), max_length=2000, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return f"{self.get_action_display()}: {self.listing}"
