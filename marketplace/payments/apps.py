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
        from marketplace.core import account_panels, account_rules
        from marketplace.core import privacy as personal_data
        from providers import dashboard_panels
        from providers.rules import OWNER_MFA_REASON, owns_any_supplier

        from . import connect, panels, webhooks
        from .cards import privacy, saving
        from .invoices import disputes, paying, refunds
        from .invoices import panels as invoice_panels

        # Refunds, credit notes, VAT and every customer's invoices: a stolen owner's password must not be enough.
        account_rules.register_mfa_area("/invoices/", owns_any_supplier, OWNER_MFA_REASON)
        personal_data.register("saved_cards", export=privacy.export, erase=privacy.erase, order=40)
        dashboard_panels.register("payments", panels.supplier_panel)
        dashboard_panels.register("invoices", invoice_panels.dashboard_panel)
        account_panels.register("invoices", invoice_panels.account_panel, order=35)
        webhooks.register("account.updated", connect.on_account_updated)
        webhooks.register("account.application.deauthorized", connect.on_deauthorized)
        webhooks.register("payment_intent.succeeded", paying.on_succeeded)
        webhooks.register("payment_intent.payment_failed", paying.on_failed)
        webhooks.register("setup_intent.succeeded", saving.on_setup_intent_succeeded)
        for event_type in ("payment_method.attached", "payment_method.detached"):
            webhooks.register(event_type, saving.on_payment_method_changed)
        webhooks.register("charge.refunded", refunds.on_charge_refunded)
        for event_type in ("refund.updated", "charge.refund.updated"):
            webhooks.register(event_type, refunds.on_refund_updated)
        for event_type in ("charge.dispute.created", "charge.dispute.updated", "charge.dispute.closed"):
            webhooks.register(event_type, disputes.on_dispute)
