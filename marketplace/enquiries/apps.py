from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnquiriesConfig(AppConfig):
    """A person (or someone acting for them) asks a supplier about support; they talk it through in a thread where
    neither side's email address or phone number shows until both agree to share them."""

    name = "marketplace.enquiries"
    label = "enquiries"
    verbose_name = _("Enquiries and messages")
