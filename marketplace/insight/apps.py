from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightConfig(AppConfig):
    """The commissioner's view of the local market: supply, demand, unmet demand, prices and flow, by council area."""

    name = "marketplace.insight"
    label = "insight"
    verbose_name = _("Market insight")

    def ready(self):
        from marketplace.core import account_rules

        from .access import is_commissioner

        # Commissioners read the whole market's figures: two-factor authentication first (short sessions come from
        # SHORT_SESSION_GROUPS, which names the group).
        account_rules.register_mfa_area(
            "/insight/",
            is_commissioner,
            _("these pages show the whole market's figures, so they need more than a password."),
        )
