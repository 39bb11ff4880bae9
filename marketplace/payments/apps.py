from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    """Money through Stripe: suppliers' connected accounts, every request that creates something at Stripe (with its
    idempotency key), and Stripe's webhook events, stored once and processed in the background. Invoices, payments,
    refunds, disputes and the budget ledger build on these."""

    name = "marketplace.payments"
    label = "payments"
    verbose_name = _("Payments")

    def ready(self):
        from providers import dashboard_panels

        from . import connect, panels, webhooks

        dashboard_panels.register("payments", panels.supplier_panel)
        webhooks.register("account.updated", connect.on_account_updated)
        webhooks.register("account.application.deauthorized", connect.on_deauthorized)
