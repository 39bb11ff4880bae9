"""The providers' side of the Wagtail admin: taxonomies, the moderation and verification queues, the dashboard panel."""

from django.urls import include, path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from marketplace.core.admin import CountedMenuItem, EditorsManagePolicy

from . import admin_views
from .admin_menu import directory_extras
from .freshness import freshness_counts
from .models import CouncilArea, FundingOption, Language, Listing, ListingChange, Need, ServiceType, Verification

# --- Taxonomies (wagtail-localize adds "Translate" actions to the TranslatableMixin ones) ------------------------


for _model in (Need, ServiceType, FundingOption, Language, CouncilArea):
    register_permission_policy(_model, EditorsManagePolicy(_model), exact_class=True)


class TermViewSet(SnippetViewSet):
    list_display = ["name", "slug", "sort_order", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class NeedViewSet(TermViewSet):
    model = Need
    icon = "tag"


class ServiceTypeViewSet(TermViewSet):
    model = ServiceType
    icon = "tag"


class FundingOptionViewSet(TermViewSet):
    model = FundingOption
    icon = "tag"


class LanguageViewSet(TermViewSet):
    model = Language
    icon = "globe"
    list_display = ["name", "code", "slug", "locale"]


class CouncilAreaViewSet(SnippetViewSet):
    model = CouncilArea
    icon = "site"
    list_display = ["name", "country", "slug"]
    list_filter = ["country"]
    search_fields = ["name"]
    search_backend_name = None  # not indexed: search the database directly


class DirectoryGroup(SnippetViewSetGroup):
    menu_label = _("Directory")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    # Apps above the directory add theirs (search: council direct-payment rates) through `providers.admin_menu`.
    items = (
        NeedViewSet,
        ServiceTypeViewSet,
        FundingOptionViewSet,
        LanguageViewSet,
        CouncilAreaViewSet,
        *directory_extras,
    )


register_snippet(DirectoryGroup)


# --- Moderation and verification queues ------------------------------------------------------------------------

admin_urlpatterns = [
    *admin_views.ListingQueueView.urls("listings/", "listing_queue"),
    path("listings/<int:pk>/", admin_views.listing_review, name="listing_review"),
    path(
        "listings/<int:pk>/<str:action>/",
        admin_views.listing_action,
        name="listing_action",
    ),
    *admin_views.VerificationQueueView.urls("verifications/", "verification_queue"),
    path("verifications/<int:pk>/evidence/", admin_views.verification_evidence, name="verification_evidence"),
    path("verifications/<int:pk>/<str:action>/", admin_views.verification_action, name="verification_action"),
]


@hooks.register("register_admin_urls")
def register_provider_admin_urls():
    return [path("providers/", include((admin_urlpatterns, "providers_admin"), namespace="providers_admin"))]


def waiting_listings_count():
    changes = ListingChange.objects.filter(status=ListingChange.Status.WAITING).count()
    return Listing.objects.filter(status=Listing.Status.SUBMITTED).count() + changes


def pending_verifications_count():
    return Verification.objects.filter(status=Verification.Status.PENDING).count()


@hooks.register("register_admin_menu_item")
def register_listings_menu_item():
    return CountedMenuItem(
        _("Listings"),
        "providers_admin:listing_queue",
        waiting_listings_count,
        admin_views.MODERATE,
        name="listings",
        icon_name="list-ul",
        order=240,
    )


@hooks.register("register_admin_menu_item")
def register_verifications_menu_item():
    return CountedMenuItem(
        _("Verifications"),
        "providers_admin:verification_queue",
        pending_verifications_count,
        admin_views.VERIFY,
        name="verifications",
        icon_name="tick-inverse",
        order=245,
    )


class ModerationPanel(Component):
    name = "provider_moderation"
    order = 40
    template_name = "providers/admin/moderation_panel.html"

    def get_context_data(self, parent_context):
        counts = freshness_counts()
        return {
            "waiting": waiting_listings_count(),
            "pending_verifications": pending_verifications_count(),
            "stale": counts["stale"],
            "hidden": counts["hidden"],
            "heading": gettext("Listings and checks"),
        }


@hooks.register("construct_homepage_panels")
def add_moderation_panel(request, panels):
    if request.user.has_perm(admin_views.MODERATE):
        panels.append(ModerationPanel())
