"""An offer a supplier makes in a thread and, once the person accepts it, the booking: what is provided at what
price (items, in pence), when (one visit, or weekly slots from a start date to an optional end date) and on what
cancellation terms. A changed offer is a new row that replaces the old one, which is kept as superseded."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from providers.models import RateCardItem

MAX_NOTICE_HOURS = 24 * 28


class Side(models.TextChoices):
    PERSON = "person", _("The person")
    SUPPLIER = "supplier", _("The supplier")


class BookingQuerySet(models.QuerySet):
    def open_offers(self):
        return self.filter(status__in=Booking.OPEN_OFFER)

    def agreed(self):
        return self.filter(status__in=Booking.AGREED)


class Booking(models.Model):
    class Status(models.TextChoices):
        OFFERED = "offered", _("Offered")
        CHANGE_REQUESTED = "change_requested", _("Change asked for")
        ACCEPTED = "accepted", _("Accepted")
        ACTIVE = "active", _("Active")
        ENDED = "ended", _("Ended")
        CANCELLED = "cancelled", _("Cancelled")
        DECLINED = "declined", _("Declined")
        SUPERSEDED = "superseded", _("Replaced by a changed offer")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        EXPIRED = "expired", _("Expired")

    class Kind(models.TextChoices):
        ONE_OFF = "one_off", _("One visit")
        WEEKLY = "weekly", _("Every week")

    OPEN_OFFER = (Status.OFFERED, Status.CHANGE_REQUESTED)
    AGREED = (Status.ACCEPTED, Status.ACTIVE)

    enquiry = models.ForeignKey(
        "enquiries.Enquiry", on_delete=models.SET_NULL, null=True, blank=True, related_name="bookings"
    )
    # The person support is for. Kept (anonymised) when they delete their account: the supplier's record stays.
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="bookings"
    )
    supplier = models.ForeignKey("providers.Supplier", on_delete=models.CASCADE, related_name="bookings")
    listing = models.ForeignKey(
        "providers.Listing", on_delete=models.SET_NULL, null=True, blank=True, related_name="bookings"
    )
    listing_title = models.CharField(_("support"), max_length=120)
    kind = models.CharField(_("how often"), max_length=10, choices=Kind.choices)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    place = models.CharField(_("where"), max_length=120, blank=True)
    notice_hours = models.PositiveSmallIntegerField(
        _("notice needed to cancel (hours)"), validators=[MaxValueValidator(MAX_NOTICE_HOURS)]
    )
    cancellation_charge_percent = models.PositiveSmallIntegerField(
        _("charge for a late cancellation (percentage of the visit)"), validators=[MaxValueValidator(100)]
    )
    expires_at = models.DateTimeField(_("answer by"))
    message = models.TextField(_("message with the offer"), max_length=2000, blank=True)
    change_request = models.TextField(_("change asked for"), max_length=2000, blank=True)
    replaces = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="replaced_by"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OFFERED, db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    cancelled_by_side = models.CharField(max_length=10, choices=Side.choices, blank=True)
    cancel_reason = models.TextField(max_length=2000, blank=True)

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        indexes = [models.Index(fields=["person", "status"]), models.Index(fields=["supplier", "status"])]
        constraints = [
            # A second "make an offer" press, or two members at once, cannot leave two offers open in one thread.
            models.UniqueConstraint(
                fields=["enquiry"],
                condition=Q(status__in=["offered", "change_requested"]),
                name="one_open_offer_per_thread",
            )
        ]

    def __str__(self):
        return f"Booking {self.pk}: {self.listing_title}"

    @property
    def reference(self):
        return f"B{self.pk:05d}"

    @property
    def is_open_offer(self):
        return self.status in self.OPEN_OFFER

    @property
    def is_agreed(self):
        return self.status in self.AGREED


class BookingItem(models.Model):
    """One thing the booking provides, at a price in pence per unit. `rate_card_pence` is the listing's price when
    the offer was made; a different agreed price carries the reason both sides see."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="items")
    rate = models.ForeignKey(RateCardItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    description = models.CharField(_("what it is for"), max_length=120)
    unit = models.CharField(_("unit"), max_length=12, choices=RateCardItem.Unit.choices)
    amount_pence = models.PositiveIntegerField(_("price (pence)"))
    rate_card_pence = models.PositiveIntegerField(null=True, blank=True)
    agreed_reason = models.CharField(_("why this price"), max_length=300, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return f"{self.description}: {self.amount_pence}p {self.unit}"

    @property
    def is_agreed_price(self):
        return self.rate_card_pence is None or self.rate_card_pence != self.amount_pence


class BookingSlot(models.Model):
    """When visits happen: a weekday and times. An end time at or before the start means the next morning."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="slots")
    weekday = models.PositiveSmallIntegerField()  # 0 Monday … 6 Sunday
    start_time = models.TimeField()
    end_time = models.TimeField()

    class Meta:
        ordering = ["weekday", "start_time"]

    def __str__(self):
        return f"{self.weekday} {self.start_time}–{self.end_time}"

    @property
    def overnight(self):
        return self.end_time <= self.start_time
