from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpenDataConfig(AppConfig):
    """The directory as Open Referral UK open data: a public read-only API and a scheduled data package export."""

    name = "marketplace.opendata"
    label = "opendata"
    verbose_name = _("Open data")
