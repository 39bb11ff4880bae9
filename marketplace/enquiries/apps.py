from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnquiriesConfig(AppConfig):
    """A person (or someone acting for them) asks a supplier about support; they talk it through in a thread where
    neither side's email address or phone number shows until both agree to share them."""

    name = "marketplace.enquiries"
    label = "enquiries"
    verbose_name = _("Enquiries and messages")

    def ready(self):
        from marketplace.core import account_panels, email_choices
        from marketplace.core import privacy as personal_data
        from providers import dashboard_panels, listing_page

        from . import panels, privacy

        listing_page.register("reply_record", panels.listing_reply_record)
        dashboard_panels.register("enquiries", panels.supplier_panel)
        account_panels.register("enquiries", panels.account_panel, order=20)
        personal_data.register("enquiries", export=privacy.export, erase=privacy.erase)
        email_choices.register(
            "enquiries",
            _("Emails about enquiries and messages"),
            _("New enquiries, and new messages in your conversations with suppliers or the people you support."),
        )
