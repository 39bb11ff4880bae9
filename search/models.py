"""What search keeps: an anonymous log of demand, councils' direct-payment rates, and people's saved searches."""

import secrets
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

MAX_SAVED_QUERY_LENGTH = 2000


class SearchLog(models.Model):
    """One find-support search, anonymised: what was asked for and where, never who asked.

    Commissioners read this to see demand by area and need. It deliberately has no user, session, IP address, user
    agent, exact time, full postcode or coordinates: the hour, the outward code (EH6) and the council area are as
    close as it gets to a person.
    """

    class PlaceKind(models.TextChoices):
        POSTCODE = "postcode", _("Postcode")
        OUTWARD = "outward", _("Postcode district")
        PLACE = "place", _("Place name")
        LOCATION = "location", _("Their location")

    hour = models.DateTimeField(_("hour"), db_index=True, help_text=_("When, to the hour."))
    outward_code = models.CharField(_("outward code"), max_length=4, blank=True)
    council_area = models.CharField(_("council area"), max_length=120, blank=True, db_index=True)
    council_code = models.CharField(_("council GSS code"), max_length=9, blank=True, db_index=True)
    place_kind = models.CharField(_("place given as"), max_length=10, choices=PlaceKind.choices)
    text = models.CharField(_("words searched for"), max_length=200, blank=True)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    sort = models.CharField(_("sort"), max_length=10, blank=True)
    result_count = models.PositiveIntegerField(_("results"))
    backend = models.CharField(_("search backend"), max_length=20, blank=True)
    fell_back = models.BooleanField(_("fell back to the database"), default=False)

    class Meta:
        ordering = ["-hour", "-pk"]
        verbose_name = _("search log entry")
        verbose_name_plural = _("search log")

    def __str__(self):
        return f"{self.hour:%Y-%m-%d %H:00} {self.outward_code or self.council_area or '-'} ({self.result_count})"


class DirectPaymentRate(models.Model):
    """The hourly rate a council pays as a direct payment, so people can see what their budget buys."""

    council_area = models.ForeignKey(
        "providers.CouncilArea",
        on_delete=models.CASCADE,
        related_name="direct_payment_rates",
        verbose_name=_("council"),
    )
    service_type = models.ForeignKey(
        "providers.ServiceType",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service type"),
        help_text=_("Leave empty for the rate that applies to every service without a rate of its own."),
    )
    hourly_rate = models.DecimalField(
        _("hourly rate (£)"),
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("1")), MaxValueValidator(Decimal("200"))],
    )
    effective_from = models.DateField(_("applies from"))
    source_url = models.URLField(_("source"), blank=True, help_text=_("Where the council publishes this rate."))
    notes = models.CharField(_("notes"), max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("council_area"),
        FieldPanel("service_type"),
        FieldPanel("hourly_rate"),
        FieldPanel("effective_from"),
        FieldPanel("source_url"),
        FieldPanel("notes"),
    ]

    class Meta:
        ordering = ["council_area__name", "service_type__name", "-effective_from"]
        verbose_name = _("direct payment rate")
        verbose_name_plural = _("direct payment rates")
        constraints = [
            models.UniqueConstraint(
                fields=["council_area", "service_type", "effective_from"],
                condition=Q(service_type__isnull=False),
                name="one_dp_rate_per_service_and_date",
                violation_error_message=_("This council already has a rate for this service from that date."),
            ),
            models.UniqueConstraint(
                fields=["council_area", "effective_from"],
                condition=Q(service_type__isnull=True),
                name="one_general_dp_rate_per_date",
                violation_error_message=_("This council already has a rate for all services from that date."),
            ),
            models.CheckConstraint(
                condition=Q(hourly_rate__gte=1, hourly_rate__lte=200), name="dp_rate_between_1_and_200"
            ),
        ]

    def __str__(self):
        return _("%(council)s, %(service)s: £%(rate)s an hour from %(date)s") % {
            "council": self.council_area,
            "service": self.service_type or _("all services"),
            "rate": self.hourly_rate,
            "date": self.effective_from,
        }


def new_token():
    return secrets.token_urlsafe(32)


class SavedSearch(models.Model):
    """A find-support query someone asked to be emailed about when a new listing matches it (double opt-in)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="saved_searches"
    )
    email = models.EmailField(_("email"), max_length=254, db_index=True)
    query_string = models.CharField(_("search"), max_length=MAX_SAVED_QUERY_LENGTH)
    label = models.CharField(_("name"), max_length=200)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    confirmed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_notified_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        constraints = [
            models.UniqueConstraint(fields=["email", "query_string"], name="one_saved_search_per_email_and_query"),
            models.CheckConstraint(condition=~Q(query_string=""), name="saved_search_has_a_query"),
        ]

    def __str__(self):
        return self.label

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None


class SavedSearchNotice(models.Model):
    """A saved search was emailed about a listing: never again for the same pair."""

    saved_search = models.ForeignKey(SavedSearch, on_delete=models.CASCADE, related_name="notices")
    listing = models.ForeignKey("providers.Listing", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["saved_search", "listing"], name="one_notice_per_saved_search_and_listing")
        ]

    def __str__(self):
        return f"{self.saved_search_id} → {self.listing_id}"
