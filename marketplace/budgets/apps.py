from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetsConfig(AppConfig):
    """The personal budget: what the holder records, an append-only ledger of spending (from payments' signals and
    added by hand), its summary per period, and the view a council finance officer has when the holder shares it."""

    name = "marketplace.budgets"
    label = "budgets"
    verbose_name = _("Personal budgets")

    def ready(self):
        from marketplace.core import account_panels, account_rules
        from marketplace.core import privacy as personal_data
        from marketplace.payments import signals

        from . import panels, privacy, receivers, services

        personal_data.register("budgets", export=privacy.export, erase=privacy.erase, order=30)
        account_panels.register("budgets", panels.account_panel, order=40)
        signals.payment_received.connect(receivers.on_payment_received, dispatch_uid="budgets.payment_received")
        signals.refund_made.connect(receivers.on_refund_made, dispatch_uid="budgets.refund_made")
        # Finance officers see other people's money: short sessions, and two-factor authentication for their pages.
        account_rules.register_sees_others_data(services.is_finance_officer)
        account_rules.register_mfa_area(
            "/budgets/council/",
            services.is_finance_officer,
            _("these pages show people's money, so they need more than a password."),
        )
