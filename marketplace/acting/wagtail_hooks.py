"""People acting for someone in the Wagtail admin: editors find an address's arrangements and end one at once."""

from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views

admin_urlpatterns = [
    path("", admin_views.arrangements, name="index"),
    path("<int:pk>/end/", admin_views.end, name="end"),
]


class EditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.MODERATE)


@hooks.register("register_admin_urls")
def register_acting_admin_urls():
    return [path("acting/", include((admin_urlpatterns, "acting_admin"), namespace="acting_admin"))]


@hooks.register("register_admin_menu_item")
def register_acting_menu_item():
    return EditorsMenuItem(
        _("People acting for someone"), reverse_lazy("acting_admin:index"), name="acting", icon_name="group", order=248
    )
