from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActingConfig(AppConfig):
    """People acting for someone: a family member, carer, advocate or broker whom a person lets search, enquire,
    book, approve visits or handle money in their name, within a scope and until a date, with a log they can read."""

    name = "marketplace.acting"
    label = "acting"
    verbose_name = _("People acting for someone")

    def ready(self):
        from marketplace.core import account_panels, privacy

        from . import panels, signals
        from . import privacy as acting_privacy

        signals.connect()
        privacy.register("acting", export=acting_privacy.export, erase=acting_privacy.erase)
        account_panels.register("people_who_act_for_you", panels.people_who_act_for_you, order=60)
        account_panels.register("people_you_act_for", panels.people_you_act_for, order=61)
