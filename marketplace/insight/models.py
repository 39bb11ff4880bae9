"""The demand figures commissioners read, worked out from the search log by `refresh_insight` (never per request)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DemandFigure(models.Model):
    """How many searches one council area had in one month from one outward code, for one need, service type or
    language (or for all searches: dimension "all" with an empty value). A search choosing two needs counts once in
    each need's row and once in the "all" row, so totals never double-count."""

    class Dimension(models.TextChoices):
        ALL = "all", _("All searches")
        NEED = "need", _("Need")
        SERVICE = "service", _("Service type")
        LANGUAGE = "language", _("Language")

    council = models.ForeignKey(
        "providers.CouncilArea", on_delete=models.CASCADE, related_name="+", verbose_name=_("council area")
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    outward_code = models.CharField(_("outward code"), max_length=4, blank=True)
    dimension = models.CharField(_("counted by"), max_length=10, choices=Dimension.choices)
    value = models.CharField(_("value"), max_length=100, blank=True)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    no_results = models.PositiveIntegerField(_("searches with no results"), default=0)
    few_results = models.PositiveIntegerField(_("searches with few results"), default=0)

    class Meta:
        verbose_name = _("demand figure")
        verbose_name_plural = _("demand figures")
        constraints = [
            models.UniqueConstraint(
                fields=["council", "month", "outward_code", "dimension", "value"], name="demand_figure_unique"
            )
        ]
        indexes = [models.Index(fields=["council", "dimension", "month"])]
        permissions = [("view_market_insight", _("Can see the commissioner's market insight"))]

    def __str__(self):
        return f"{self.council_id} {self.month:%Y-%m} {self.outward_code} {self.dimension}={self.value}"
