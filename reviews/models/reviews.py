"""Reviews, the stamps they endorse, providers' replies and providers' reports."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

RATING_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]
# Each criterion a review may rate, as (field name, label): the listing page averages each.
CRITERIA = (
    ("reliability", _("Reliability")),
    ("respect", _("Respect")),
    ("communication", _("Communication")),
    ("skills", _("Skills")),
    ("value", _("Value for money")),
)


def _rating(label, required=False):
    return models.PositiveSmallIntegerField(label, validators=RATING_VALIDATORS, null=not required, blank=not required)


class ReviewQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Review.Status.PUBLISHED)


class Review(models.Model):
    class Status(models.TextChoices):
        PUBLISHED = "published", _("Published")
        HELD = "held", _("Held for an editor")
        REJECTED = "rejected", _("Not published")

    class Basis(models.TextChoices):
        INVITATION = "invitation", _("Invited by the provider")
        PEER_GROUP = "peer_group", _("Peer group member")

    listing = models.ForeignKey("providers.Listing", on_delete=models.CASCADE, related_name="reviews")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviews")
    basis = models.CharField(_("why they may review"), max_length=20, choices=Basis.choices)
    invitation = models.OneToOneField(
        "reviews.ReviewInvitation", on_delete=models.SET_NULL, null=True, blank=True, related_name="review"
    )
    peer_group = models.ForeignKey(
        "reviews.PeerGroup", on_delete=models.SET_NULL, null=True, blank=True, related_name="reviews"
    )
    overall = _rating(_("overall rating"), required=True)
    reliability = _rating(_("reliability"))
    respect = _rating(_("respect"))
    communication = _rating(_("communication"))
    skills = _rating(_("skills"))
    value = _rating(_("value for money"))
    text = models.TextField(_("your review"), max_length=5000)
    language = models.CharField(_("language"), max_length=10, default=settings.LANGUAGE_CODE)
    support_started = models.DateField(_("month support started"))

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, db_index=True)
    flags = models.JSONField(_("automatic checks"), default=list, blank=True)
    decision_reason = models.TextField(_("reason"), max_length=2000, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    # An invited review counts towards ratings and stamps only once an editor has checked that the reviewer is a real,
    # independent client: a provider can invite addresses it controls (see `reviews.independence`).
    independence_checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    independence_checked_at = models.DateTimeField(_("checked as independent"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords(cascade_delete_history=True)
    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [models.UniqueConstraint(fields=["listing", "author"], name="one_review_per_reviewer")]
        indexes = [models.Index(fields=["listing", "status"])]

    def __str__(self):
        return f"{self.overall}/5 for {self.listing}"

    def criterion_ratings(self):
        return [(label, getattr(self, name)) for name, label in CRITERIA if getattr(self, name)]


class Endorsement(models.Model):
    """A reviewer's endorsement of one stamp for the listing they reviewed, with their reason. Its date is when it was
    first given: editing the review later keeps it, and so does dropping it and giving it again (its history outlives
    it for that; the history goes when the review goes, see `reviews.signals`)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="endorsements")
    stamp = models.ForeignKey("reviews.QualityStamp", on_delete=models.PROTECT, related_name="endorsements")
    reason = models.CharField(_("why"), max_length=300)
    created_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["stamp__sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["review", "stamp"], name="one_endorsement_per_stamp")]

    def __str__(self):
        return f"{self.stamp} ({self.review})"


class ProviderReply(models.Model):
    """The provider's one public reply to a review."""

    review = models.OneToOneField(Review, on_delete=models.CASCADE, related_name="reply")
    text = models.TextField(_("your reply"), max_length=2000)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords(cascade_delete_history=True)

    def __str__(self):
        return f"Reply to {self.review}"


class ReviewReport(models.Model):
    """A provider's report that a review breaks the rules, for an editor to decide."""

    class Reason(models.TextChoices):
        PERSONAL_DATA = "personal_data", _("It names someone or gives their personal details")
        ABUSIVE = "abusive", _("It is abusive or discriminatory")
        NOT_A_CLIENT = "not_a_client", _("We have never supported this person")
        UNTRUE = "untrue", _("It is untrue in a way we can show")
        OTHER = "other", _("Something else")

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for an editor")
        UPHELD = "upheld", _("Upheld: the review was taken down")
        DISMISSED = "dismissed", _("Dismissed: the review stays")

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="reports")
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    details = models.TextField(_("details"), max_length=2000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    decision_note = models.TextField(_("editor’s note"), max_length=2000, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.review}"
