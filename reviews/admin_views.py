"""Editors' review moderation in the Wagtail admin: reviews held by the automatic checks, and providers' reports.

Every view checks `reviews.moderate_review` and answers 403 otherwise. Decisions are POSTs that call
`reviews.services`, which email the reviewer (and the provider) and update ratings, stamps and search.
"""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn

from marketplace.core.admin import AdminPage, QueueFilterSet, QueueView, TemplateColumn, forbidden

from . import services
from .checks import FLAG_LABELS
from .models import Endorsement, Review, ReviewReport

MODERATE = "reviews.moderate_review"
PER_PAGE = 50
TO_CHECK = "to_check"  # published invited reviews that count only once an editor checks they are independent


WAITING = "waiting"  # held reviews, and published ones with an open report


class ReviewQueueFilters(QueueFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Show"),
        choices=[
            (WAITING, gettext_lazy("Waiting for an editor")),
            (TO_CHECK, gettext_lazy("Invited reviews to check")),
            *Review.Status.choices,
            ("all", gettext_lazy("Every review")),
        ],
        empty_label=None,
        initial=WAITING,
        method="filter_status",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Review
        fields = []

    def filter_status(self, queryset, name, value):
        if value == WAITING:
            return queryset.filter(Q(status=Review.Status.HELD) | Q(open_reports__gt=0))
        if value == TO_CHECK:
            return queryset.filter(
                status=Review.Status.PUBLISHED, basis=Review.Basis.INVITATION, independence_checked_at__isnull=True
            )
        return queryset.filter(status=value) if value in Review.Status.values else queryset


def _rating(review):
    return _("%(rating)s out of 5") % {"rating": review.overall}


def _flag_labels(review):
    return [FLAG_LABELS.get(flag, flag) for flag in review.flags]


class ReviewQueueView(QueueView):
    permission = MODERATE
    model = Review
    page_title = gettext_lazy("Reviews")
    header_icon = "comment"
    index_url_name = "reviews_admin:queue"
    index_results_url_name = "reviews_admin:queue_results"
    filterset_class = ReviewQueueFilters
    default_ordering = ("created_at", "pk")
    caption = gettext_lazy("Reviews")
    empty_message = gettext_lazy("Nothing is waiting for you.")
    columns = [
        TitleColumn(
            "listing", label=gettext_lazy("Listing"), accessor="listing.title", url_name="reviews_admin:review"
        ),
        Column("overall", label=gettext_lazy("Rating"), accessor=_rating),
        TemplateColumn(
            "why", "reviews/admin/cells/why.html", label=gettext_lazy("Why it is here"), accessor=_flag_labels
        ),
        DateColumn("created_at", label=gettext_lazy("Written")),
        Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
    ]

    def get_base_queryset(self):
        return Review.objects.select_related("listing").annotate(
            open_reports=Count("reports", filter=Q(reports__status=ReviewReport.Status.OPEN))
        )


class ReviewDecisionView(AdminPage):
    permission = MODERATE
    template_name = "reviews/admin/review.html"
    header_icon = "comment"

    def get(self, request, *args, **kwargs):
        self.review = get_object_or_404(
            Review.objects.select_related(
                "listing", "author", "invitation", "peer_group", "decided_by"
            ).prefetch_related(
                Prefetch("endorsements", queryset=Endorsement.objects.select_related("stamp")),
                Prefetch("reports", queryset=ReviewReport.objects.select_related("reported_by", "decided_by")),
            ),
            pk=kwargs["pk"],
        )
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        return _("Review of %(title)s") % {"title": self.review.listing.title}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("reviews_admin:queue"), "label": _("Reviews")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        review = self.review
        context.update(
            review=review,
            flags=[FLAG_LABELS.get(flag, flag) for flag in review.flags],
            history=Paginator(
                review.history.select_related("history_user").order_by("-history_date", "-history_id"), PER_PAGE
            ).get_page(self.request.GET.get("history")),
            reports=review.reports.all(),
            other_reviews_by_author=Review.objects.filter(author=review.author).exclude(pk=review.pk).count(),
        )
        return context


@require_POST
def review_action(request, pk, action):
    if not request.user.has_perm(MODERATE):
        return forbidden()
    review = get_object_or_404(Review.objects.select_related("listing", "author"), pk=pk)
    try:
        if action == "publish":
            services.publish(review, request.user)
            messages.success(request, _("The review is published and the reviewer has been told."))
        elif action == "reject":
            services.reject(review, request.user, request.POST.get("reason", ""))
            messages.success(request, _("The review is not published; the reviewer has your reason."))
        elif action == "independent":
            services.confirm_independent(review, request.user)
            messages.success(request, _("The review now counts towards the listing’s rating and quality stamps."))
            return redirect(reverse("reviews_admin:queue") + f"?status={TO_CHECK}")
        else:
            raise Http404
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("reviews_admin:review", pk=review.pk)
    return redirect("reviews_admin:queue")


@require_POST
def report_action(request, pk, action):
    if not request.user.has_perm(MODERATE):
        return forbidden()
    report = get_object_or_404(ReviewReport.objects.select_related("review__listing", "reported_by"), pk=pk)
    if action not in ("uphold", "dismiss") or report.status != ReviewReport.Status.OPEN:
        raise Http404
    try:
        services.decide_report(report, request.user, action == "uphold", request.POST.get("note", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("reviews_admin:review", pk=report.review_id)
    messages.success(request, _("Your decision is recorded and the provider has been told."))
    return redirect("reviews_admin:queue")


def review(request, pk):
    return ReviewDecisionView.as_view()(request, pk=pk)
