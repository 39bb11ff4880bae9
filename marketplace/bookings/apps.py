from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingsConfig(AppConfig):
    """Offers made in an enquiry's thread, the bookings they become, their planned and delivered visits (approved,
    disputed, cancelled), short-notice cover and private calendar feeds."""

    name = "marketplace.bookings"
    label = "bookings"
    verbose_name = _("Bookings and visits")

    def ready(self):
        from marketplace.core import account_panels, email_choices
        from marketplace.core import privacy as personal_data
        from marketplace.enquiries import thread_sections
        from providers import dashboard_panels

        from . import panels, privacy, rules  # noqa: F401 (rules registers the permissions)

        personal_data.register("bookings", export=privacy.export, erase=privacy.erase, order=20)
        account_panels.register("bookings", panels.account_panel, order=30)
        dashboard_panels.register("bookings", panels.dashboard_panel)
        thread_sections.register("bookings", panels.thread_section)
        email_choices.register(
            "bookings",
            _("Emails about bookings and visits"),
            _("Offers, bookings, visits to approve, cancellations and short-notice cover."),
        )
