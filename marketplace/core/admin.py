"""Pieces every app's editors' screens in the Wagtail admin share: who counts as an editor, the 403 they see
otherwise, a page shell, a queue (Wagtail's own listing view, with filters that open on what is waiting), a menu
item with a count of things waiting, and a permission policy for editor-managed snippets. Apps import these; this
module imports no app."""

from urllib.parse import urlencode

from django.http import HttpResponseForbidden
from django.middleware.csrf import get_token
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permission_policies import ModelPermissionPolicy

from .models import EDITORS_GROUP, MODERATORS_GROUP


def is_editor(user):
    """A council editor or moderator (or the superuser): the people who run the editors' screens."""
    return user.is_authenticated and (
        user.is_superuser or user.groups.filter(name__in=[EDITORS_GROUP, MODERATORS_GROUP]).exists()
    )


def page_query(**filters):
    """A small list's filters as the start of a query string, for its previous and next links."""
    return urlencode(filters) + "&"


def forbidden():
    return HttpResponseForbidden(_("Only editors and moderators can do this."))


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


class QueueFilterSet(WagtailFilterSet):
    """A queue's filters. A filter left out of the address takes its `initial` value, so a queue opens on what is
    waiting (and Wagtail shows no "active filter" for it); an empty value (`?status=`) still means "any"."""

    def __init__(self, data=None, *args, **kwargs):
        data = data.copy() if data is not None else None
        if data is not None:
            for name, queue_filter in self.base_filters.items():
                initial = queue_filter.extra.get("initial")
                if initial is not None and name not in data:
                    data[name] = initial
        super().__init__(data, *args, **kwargs)


class TemplateColumn(Column):
    """A column whose cells a template renders (with `instance`, the row), for cells with more than one value."""

    def __init__(self, name, template_name, **kwargs):
        super().__init__(name, **kwargs)
        self.cell_template_name = template_name

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        # Cells render apart from the page's context: forms in them need the CSRF token.
        request = parent_context.get("request")
        context["csrf_token"] = get_token(request) if request is not None else ""
        return context


class QueueView(EditorOnlyMixin, IndexView):
    """An editors' queue: Wagtail's listing view (columns, filters, pagination, the results refreshed in place) for
    those with `permission` (403 for others). Subclasses set `model` (or `get_base_queryset`), `columns`,
    `filterset_class`, `default_ordering`, `index_url_name`, `index_results_url_name`, `caption` and
    `empty_message`; `urls` below gives the two URLs each queue needs."""

    any_permission_required = None  # the editors' permission is checked instead (EditorOnlyMixin)
    paginate_by = 50
    caption = ""
    empty_message = ""

    def get_table_kwargs(self):
        return {**super().get_table_kwargs(), "caption": self.caption}

    @cached_property
    def no_results_message(self):
        return self.empty_message

    def get_valid_orderings(self):
        # The queue's own order (oldest waiting first) is the only one; a column cannot be chosen to sort by.
        return [self.default_ordering]

    @classmethod
    def urls(cls, prefix, name):
        """The queue's page and the results Wagtail refreshes in place when a filter changes."""
        return [
            path(prefix, cls.as_view(), name=name),
            path(f"{prefix}results/", cls.as_view(results_only=True), name=f"{name}_results"),
        ]


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
