"""Bookings in the Wagtail admin: the editors' queue of visits in dispute, with a count in the menu."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from marketplace.core.admin import CountedMenuItem

from . import admin_views
from .models import Visit

admin_urlpatterns = [
    path("", admin_views.queue, name="queue"),
    path("<int:pk>/", admin_views.visit, name="visit"),
    path("<int:pk>/<str:action>/", admin_views.decide, name="decide"),
]


@hooks.register("register_admin_urls")
def register_bookings_admin_urls():
    return [path("visits/", include((admin_urlpatterns, "bookings_admin"), namespace="bookings_admin"))]


def waiting_count():
    return Visit.objects.filter(status=Visit.Status.REFERRED).count()


@hooks.register("register_admin_menu_item")
def register_disputes_menu_item():
    return CountedMenuItem(
        _("Visits in dispute"),
        "bookings_admin:queue",
        waiting_count,
        admin_views.DECIDE,
        name="visit-disputes",
        icon_name="date",
        order=247,
    )
