from datetime import timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from marketplace.core.terms import localize, localized_terms

from .blocks import RICH_TEXT_FEATURES, GuidanceStreamBlock, SignpostBlock
from .glossary import glossary_terms_in


class TaxonomyTerm(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    description = models.CharField(_("description"), max_length=250, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    override_translatable_fields = [SynchronizedField("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Audience(TaxonomyTerm):
    """Who a guidance page is written for (older people, carers, young people moving to adult services, …)."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Topic(TaxonomyTerm):
    """What a guidance page is about (personal budgets, employing a PA, …)."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class GlossaryTerm(TranslatableMixin, index.Indexed, models.Model):
    """A word people meet in social care (direct payment, ILF, PVG…), explained in plain words."""

    term = models.CharField(_("term"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    definition = models.TextField(_("definition"), max_length=500, help_text=_("One or two plain sentences."))

    panels = [FieldPanel("term"), FieldPanel("slug"), FieldPanel("definition")]
    override_translatable_fields = [SynchronizedField("slug")]
    search_fields = [
        index.SearchField("term", boost=2),
        index.AutocompleteField("term"),
        index.SearchField("definition"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["term"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.term

    @property
    def anchor(self):
        return f"term-{self.slug}"


class BasePage(Page):
    """Behaviour every public page shares."""

    class Meta:
        abstract = True

    @property
    def is_untranslated_alias(self):
        """An alias created by locale synchronisation: it shows the source page's words, not a translation."""
        return self.alias_of_id is not None and self.alias_of.locale_id != self.locale_id

    @cached_property
    def content_language(self):
        return self.alias_of.locale.language_code if self.is_untranslated_alias else self.locale.language_code


def heading_levels(body):
    """Pair each body block with the heading level its own headings should use (one below the last heading)."""
    current = 1
    for block in body:
        if block.block_type == "heading":
            current = int(block.value["level"])
            yield block, current
        else:
            yield block, min(current + 1, 6)


class HomePage(BasePage):
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    signposts = StreamField([("signpost", SignpostBlock())], blank=True, verbose_name=_("signposts"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("signposts")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")


class GuidanceIndexPage(BasePage):
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage", "home.GuidanceIndexPage"]
    subpage_types = ["home.GuidancePage", "home.GuidanceIndexPage"]

    class Meta:
        verbose_name = _("guidance index page")

    def get_context(self, request, *args, **kwargs):
        from .listing import guidance_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(guidance_listing(self, request))
        return context


class GuidancePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A substantial update is a decision about this edit, never carried over from the last one.
        if "notify_subscribers" in self.fields:
            self.initial["notify_subscribers"] = False

    def clean(self):
        cleaned = super().clean()
        reviewed, due = cleaned.get("last_reviewed"), cleaned.get("next_review_due")
        if reviewed and due and due <= reviewed:
            self.add_error("next_review_due", _("The next review must be after the last review."))
        return cleaned


def default_next_review():
    return timezone.localdate() + timedelta(days=365)


class GuidancePage(BasePage):
    summary = models.TextField(
        _("summary"), max_length=300, help_text=_("One or two sentences shown in lists and search results.")
    )
    body = StreamField(GuidanceStreamBlock(), verbose_name=_("body"))
    audiences = ParentalManyToManyField(Audience, blank=True, verbose_name=_("audiences"))
    topics = ParentalManyToManyField(Topic, blank=True, verbose_name=_("topics"))
    last_reviewed = models.DateField(_("last reviewed"), default=timezone.localdate)
    next_review_due = models.DateField(_("next review due"), default=default_next_review, db_index=True)
    notify_subscribers = models.BooleanField(
        _("this is a substantial update"),
        default=False,
        help_text=_("Tick to email people who follow this page's topics or audiences when you publish."),
    )

    base_form_class = GuidancePageForm
    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    promote_panels = Page.promote_panels + [
        MultiFieldPanel(
            [
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Who and what it is for"),
        ),
        MultiFieldPanel(
            [
                HelpPanel(content=_("The page owner is reminded by email when a review is due.")),
                FieldPanel("last_reviewed"),
                FieldPanel("next_review_due"),
                FieldPanel("notify_subscribers"),
            ],
            heading=_("Review and alerts"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("locale_id"),
    ]
    parent_page_types = ["home.GuidanceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("guidance page")

    @property
    def review_overdue(self):
        return self.next_review_due < timezone.localdate()

    def clean(self):
        super().clean()
        if self.last_reviewed and self.last_reviewed > timezone.localdate():
            raise ValidationError({"last_reviewed": _("The last review cannot be in the future.")})

    def glossary_terms(self):
        return glossary_terms_in(self.body, self.locale)

    def heading_levels(self):
        return heading_levels(self.body)

    def localized_topics(self):
        return localize(self.topics.all())

    def localized_audiences(self):
        return localize(self.audiences.all())


class GlossaryPage(BasePage):
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("glossary page")

    def terms(self):
        locale = self.locale if not self.is_untranslated_alias else Locale.get_active()
        return sorted(localized_terms(GlossaryTerm, locale), key=lambda term: term.term.casefold())


class FooterLink(models.TextChoices):
    """The council pages every public-sector site links to from its footer, in the order the footer shows them."""

    NONE = "", _("Not linked from the footer")
    ACCESSIBILITY = "accessibility", _("Accessibility statement")
    PRIVACY = "privacy", _("Privacy notice")
    COOKIES = "cookies", _("Cookies")
    CONTACT = "contact", _("Contact us")


class InformationPage(BasePage):
    """A page about the site and the council that runs it: accessibility statement, privacy notice, cookies, contact."""

    summary = models.TextField(
        _("summary"), max_length=300, help_text=_("One or two sentences. Search engines show it under the title.")
    )
    # The whole guidance block set: easy read privacy notices and BSL videos on contact pages are common.
    body = StreamField(GuidanceStreamBlock(), verbose_name=_("body"))
    footer_link = models.CharField(
        _("footer link"),
        max_length=20,
        choices=FooterLink.choices,
        blank=True,
        default=FooterLink.NONE,
        help_text=_("The footer link that leads to this page. Each language has at most one page for each link."),
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        default=timezone.localdate,
        help_text=_("Shown on the page. An accessibility statement must say when it was last reviewed."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("footer_link"), FieldPanel("last_reviewed")], heading=_("Footer and review")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("locale_id"),
    ]
    # The footer link is the same in every language, so every language's footer agrees; translators may still give
    # a translation its own review date.
    override_translatable_fields = [
        SynchronizedField("footer_link", overridable=False),
        SynchronizedField("last_reviewed"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("information page")

    def clean(self):
        super().clean()
        errors = {}
        if self.last_reviewed and self.last_reviewed > timezone.localdate():
            errors["last_reviewed"] = _("The last review cannot be in the future.")
        taken = self.page_with_same_footer_link()
        if taken is not None:
            message = _(
                "“%(title)s” is already the “%(link)s” page in this language. Choose another footer link for this "
                "page, or change that page first."
            )
            errors["footer_link"] = message % {"title": taken.title, "link": self.get_footer_link_display()}
        if errors:
            raise ValidationError(errors)

    def page_with_same_footer_link(self):
        """Another page in this page's language (translation or alias) that the footer already links to this way."""
        if not self.footer_link:
            return None
        others = InformationPage.objects.filter(locale_id=self.locale_id, footer_link=self.footer_link)
        return others.exclude(pk=self.pk).first()

    def heading_levels(self):
        return heading_levels(self.body)


class AlertSubscription(models.Model):
    """Someone who asked to be emailed when guidance on chosen topics or audiences is published or changed.

    No account is needed. The subscription counts only once the address is confirmed (double opt-in).
    """

    email = models.EmailField(_("email address"))
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="+", verbose_name=_("topics"))
    audiences = models.ManyToManyField(Audience, blank=True, related_name="+", verbose_name=_("audiences"))
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")
        indexes = [models.Index(fields=["email"])]

    def __str__(self):
        return self.email

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None


class GuidanceChange(models.Model):
    """A publication that subscribers should hear about; the digest task sends each change once."""

    class Kind(models.TextChoices):
        NEW = "new", _("New page")
        UPDATED = "updated", _("Updated page")

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.page}"
