"""Pieces every app's editors' screens in the Wagtail admin share: who counts as an editor, the 403 they see
otherwise, a page shell, a menu item with a count of things waiting, and a permission policy for editor-managed
snippets. Apps import these; this module imports no app."""

from urllib.parse import urlencode

from django.http import HttpResponseForbidden
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import View
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permission_policies import ModelPermissionPolicy

from .models import EDITORS_GROUP, MODERATORS_GROUP


def is_editor(user):
    """A council editor or moderator (or the superuser): the people who run the editors' screens."""
    return user.is_authenticated and (
        user.is_superuser or user.groups.filter(name__in=[EDITORS_GROUP, MODERATORS_GROUP]).exists()
    )


def forbidden():
    return HttpResponseForbidden(_("Only editors and moderators can do this."))


def page_query(**filters):
    """A list's filters as the start of a query string, for its previous and next links."""
    return urlencode(filters) + "&"


class EditorOnlyMixin:
    permission = None  # set by each screen, e.g. "providers.moderate_listing"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            return forbidden()
        return super().dispatch(request, *args, **kwargs)


class AdminPage(EditorOnlyMixin, WagtailAdminTemplateMixin, View):
    """An editors' screen in the admin's look, for a template and its context."""

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(**kwargs))


class CountedMenuItem(MenuItem):
    """A menu item shown only to those with `permission`, whose label carries a count of things waiting."""

    def __init__(self, label, url_name, count, permission, **kwargs):
        self.url_name = url_name
        self.count = count
        self.permission = permission
        super().__init__(label, "", **kwargs)

    def is_shown(self, request):
        return request.user.has_perm(self.permission)

    def render_component(self, request):
        self.url = reverse(self.url_name)
        waiting = self.count()
        component = super().render_component(request)
        if waiting:
            component.label = f"{self.label} ({waiting})"
        return component


class EditorsManagePolicy(ModelPermissionPolicy):
    """Editors and moderators manage editor-owned snippets (taxonomies, stamps, rates); others need the model
    permissions as usual."""

    def user_has_permission(self, user, action):
        return is_editor(user) or super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return is_editor(user) or super().user_has_any_permission(user, actions)
