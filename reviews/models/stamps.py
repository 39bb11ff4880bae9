"""Quality stamps: named marks of quality with published criteria, and the record of when listings held them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


class QualityStamp(TranslatableMixin, index.Indexed, models.Model):
    """Editors define, word and translate stamps. Endorsements point at the default language's stamp."""

    class Icon(models.TextChoices):
        CLOCK = "clock", _("Clock")
        HANDS = "hands", _("Joined hands")
        SPEECH = "speech", _("Speech bubbles")
        PERSON = "person", _("Person in a circle")
        GLOBE = "globe", _("Globe")
        HEART = "heart", _("Heart")
        MEMORY = "memory", _("Thought bubble")
        STAR = "star", _("Star")

    name = models.CharField(_("name"), max_length=60)
    slug = models.SlugField(_("slug"), max_length=60)
    summary = models.CharField(_("what it means"), max_length=200, help_text=_("One plain sentence."))
    criteria = models.TextField(
        _("criteria"),
        max_length=2000,
        help_text=_("What a reviewer is agreeing to when they endorse this stamp. One criterion per line."),
    )
    icon = models.CharField(_("icon"), max_length=20, choices=Icon.choices, default=Icon.STAR)
    icon_alt_text = models.CharField(
        _("icon description"), max_length=120, help_text=_("What the icon shows, for people who cannot see it.")
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(
        _("reviewers can endorse it"),
        default=True,
        help_text=_("Untick to retire a stamp. Listings keep it until their endorsements lapse."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldPanel("criteria"),
        FieldPanel("icon"),
        FieldPanel("icon_alt_text"),
        FieldPanel("sort_order"),
        FieldPanel("is_active"),
    ]
    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("icon"),
        SynchronizedField("sort_order"),
        SynchronizedField("is_active"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("quality stamp")
        verbose_name_plural = _("quality stamps")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name

    def criteria_list(self):
        return [line.strip(" -•\t") for line in self.criteria.splitlines() if line.strip(" -•\t")]

    @property
    def icon_path(self):
        return f"images/stamps/{self.icon}.svg"


class StampAward(models.Model):
    """A period during which a listing held a stamp: the record behind the provider's emails and the history.
    The current one has no `lapsed_at`; `valid_until` is when it lapses unless more endorsements arrive. Pages do not
    read it: they count endorsements as they are shown (`reviews.awards.held_stamps`), so a lapse shows on time."""

    listing = models.ForeignKey("providers.Listing", on_delete=models.CASCADE, related_name="stamp_awards")
    stamp = models.ForeignKey(QualityStamp, on_delete=models.CASCADE, related_name="awards")
    awarded_at = models.DateTimeField(_("awarded"))
    valid_until = models.DateTimeField(_("holds until"))
    endorsers = models.PositiveIntegerField(_("endorsing reviewers"), default=0)
    lapsed_at = models.DateTimeField(_("lapsed"), null=True, blank=True)

    class Meta:
        ordering = ["-awarded_at"]
        indexes = [models.Index(fields=["listing", "lapsed_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["listing", "stamp"],
                condition=models.Q(lapsed_at__isnull=True),
                name="one_current_award_per_stamp",
            )
        ]

    def __str__(self):
        return f"{self.stamp} for {self.listing}"
