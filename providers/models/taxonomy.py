"""Taxonomies editors manage and translate: needs, service types, funding options, languages, council areas."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


class Term(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    description = models.CharField(_("description"), max_length=250, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]
    override_translatable_fields = [SynchronizedField("slug"), SynchronizedField("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Need(Term):
    """What support is for (personal care, dementia, autism…)."""

    class Meta(Term.Meta):
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class ServiceType(Term):
    """The kind of service (personal assistant, care at home, advocacy…)."""

    class Meta(Term.Meta):
        verbose_name = _("service type")
        verbose_name_plural = _("service types")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class FundingOption(Term):
    """How support can be paid for (direct payment, individual service fund…)."""

    class Meta(Term.Meta):
        verbose_name = _("funding option")
        verbose_name_plural = _("funding options")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Language(Term):
    """A language support can be given in, including British Sign Language."""

    code = models.CharField(_("language code"), max_length=12, blank=True, help_text=_("For example pl, ur or bfi."))

    panels = Term.panels + [FieldPanel("code")]
    override_translatable_fields = Term.override_translatable_fields + [SynchronizedField("code")]

    class Meta(Term.Meta):
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class CouncilArea(models.Model):
    """A local authority area; listings may say they serve whole areas."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    country = models.CharField(_("country"), max_length=20, blank=True)
    gss_code = models.CharField(
        _("GSS code"),
        max_length=9,
        blank=True,
        help_text=_("The ONS code of the council that holds adult social care here, for example S12000036."),
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["gss_code"], condition=~models.Q(gss_code=""), name="council_area_gss_unique"
            )
        ]
        verbose_name = _("council area")
        verbose_name_plural = _("council areas")

    def __str__(self):
        return self.name
