from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActingConfig(AppConfig):
    """People acting for someone: a family member, carer, advocate or broker whom a person lets search, enquire,
    book, approve visits or handle money in their name, within a scope and until a date, with a log they can read."""

    name = "marketplace.acting"
    label = "acting"
    verbose_name = _("People acting for someone")
