"""Enquiries in the Wagtail admin: held messages and reported conversations, each a queue with its count in the menu."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from marketplace.core.admin import CountedMenuItem

from . import admin_views

admin_urlpatterns = [
    *admin_views.HeldMessageQueueView.urls("", "queue"),
    *admin_views.ReportQueueView.urls("reports/", "reports"),
    path("messages/<int:pk>/<str:action>/", admin_views.message_action, name="message_action"),
    path("reports/<int:pk>/close/", admin_views.close_report, name="close_report"),
]


@hooks.register("register_admin_urls")
def register_enquiry_admin_urls():
    return [path("enquiries/", include((admin_urlpatterns, "enquiries_admin"), namespace="enquiries_admin"))]


@hooks.register("register_enquiries_menu_item")
def register_held_messages_menu_item():
    return CountedMenuItem(
        _("Held messages"),
        "enquiries_admin:queue",
        admin_views.held_count,
        admin_views.MODERATE,
        name="held-messages",
        icon_name="mail",
        order=100,
    )


@hooks.register("register_enquiries_menu_item")
def register_reports_menu_item():
    return CountedMenuItem(
        _("Reported conversations"),
        "enquiries_admin:reports",
        admin_views.open_report_count,
        admin_views.MODERATE,
        name="reported-conversations",
        icon_name="warning",
        order=200,
    )


class EnquiriesMenuItem(SubmenuMenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.MODERATE)


@hooks.register("register_admin_menu_item")
def register_enquiries_menu():
    menu = Menu(register_hook_name="register_enquiries_menu_item")
    return EnquiriesMenuItem(_("Enquiries"), menu, name="enquiries", icon_name="mail", order=247)
