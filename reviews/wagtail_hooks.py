"""Reviews in the Wagtail admin: quality stamps and peer groups (snippets), the moderation queue and its count."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from marketplace.core.admin import CountedMenuItem, EditorsManagePolicy

from . import admin_views
from .models import PeerGroup, QualityStamp, Review, ReviewReport

for _model in (QualityStamp, PeerGroup):
    register_permission_policy(_model, EditorsManagePolicy(_model), exact_class=True)


class QualityStampViewSet(SnippetViewSet):
    model = QualityStamp
    icon = "pick"
    list_display = ["name", "slug", "is_active", "sort_order", "locale"]
    list_filter = ["locale", "is_active"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class PeerGroupViewSet(SnippetViewSet):
    model = PeerGroup
    icon = "group"
    list_display = ["name", "coordinator_email", "accredited", "accredited_at"]
    list_filter = ["accredited"]
    search_fields = ["name", "coordinator_email"]
    search_backend_name = None  # not indexed: search the database directly


class ReviewsGroup(SnippetViewSetGroup):
    menu_label = _("Quality stamps")
    menu_icon = "pick"
    menu_order = 255
    items = (QualityStampViewSet, PeerGroupViewSet)


register_snippet(ReviewsGroup)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def record_accreditation(request, instance):
    """Keep who accredited a peer group (the model keeps when)."""
    if isinstance(instance, PeerGroup) and instance.accredited and instance.accredited_by_id is None:
        PeerGroup.objects.filter(pk=instance.pk).update(accredited_by=request.user)


admin_urlpatterns = [
    *admin_views.ReviewQueueView.urls("", "queue"),
    path("<int:pk>/", admin_views.review, name="review"),
    path("<int:pk>/<str:action>/", admin_views.review_action, name="review_action"),
    path("reports/<int:pk>/<str:action>/", admin_views.report_action, name="report_action"),
]


@hooks.register("register_admin_urls")
def register_review_admin_urls():
    return [path("reviews/", include((admin_urlpatterns, "reviews_admin"), namespace="reviews_admin"))]


def waiting_count():
    held = Review.objects.filter(status=Review.Status.HELD).count()
    return held + ReviewReport.objects.filter(status=ReviewReport.Status.OPEN).count()


@hooks.register("register_admin_menu_item")
def register_reviews_menu_item():
    return CountedMenuItem(
        _("Reviews"),
        "reviews_admin:queue",
        waiting_count,
        admin_views.MODERATE,
        name="reviews",
        icon_name="comment",
        order=246,
    )
