"""Enquiries in the Wagtail admin: held messages and reported conversations, with a count in the menu."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from marketplace.core.admin import CountedMenuItem

from . import admin_views

admin_urlpatterns = [
    path("", admin_views.queue, name="queue"),
    path("messages/<int:pk>/<str:action>/", admin_views.message_action, name="message_action"),
    path("reports/<int:pk>/close/", admin_views.close_report, name="close_report"),
]


@hooks.register("register_admin_urls")
def register_enquiry_admin_urls():
    return [path("enquiries/", include((admin_urlpatterns, "enquiries_admin"), namespace="enquiries_admin"))]


@hooks.register("register_admin_menu_item")
def register_enquiries_menu_item():
    return CountedMenuItem(
        _("Enquiries"),
        "enquiries_admin:queue",
        admin_views.waiting_count,
        admin_views.MODERATE,
        name="enquiries",
        icon_name="mail",
        order=247,
    )
