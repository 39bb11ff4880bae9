"""Editors' review moderation in the Wagtail admin: reviews held by the automatic checks, and providers' reports.

Every view checks `reviews.moderate_review` and answers 403 otherwise. Decisions are POSTs that call
`reviews.services`, which email the reviewer (and the provider) and update ratings, stamps and search.
"""

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

from marketplace.core.admin import AdminPage, forbidden, page_query

from . import services
from .checks import FLAG_LABELS
from .models import Endorsement, Review, ReviewReport

MODERATE = "reviews.moderate_review"
PER_PAGE = 50
TO_CHECK = "to_check"  # published invited reviews that count only once an editor checks they are independent


class ReviewQueueView(AdminPage):
    permission = MODERATE
    template_name = "reviews/admin/queue.html"
    page_title = gettext_lazy("Reviews")
    header_icon = "comment"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": _("Reviews")}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status", "waiting")
        reviews = Review.objects.select_related("listing").annotate(
            open_reports=Count("reports", filter=Q(reports__status=ReviewReport.Status.OPEN))
        )
        if status == "waiting":
            reviews = reviews.filter(Q(status=Review.Status.HELD) | Q(open_reports__gt=0))
        elif status == TO_CHECK:
            reviews = reviews.filter(
                status=Review.Status.PUBLISHED, basis=Review.Basis.INVITATION, independence_checked_at__isnull=True
            )
        elif status in Review.Status.values:
            reviews = reviews.filter(status=status)
        else:
            status = ""
        page = Paginator(reviews.order_by("created_at", "pk"), PER_PAGE).get_page(self.request.GET.get("p"))
        context.update(
            page=page,
            reviews=[{"review": review, "flags": [FLAG_LABELS.get(f, f) for f in review.flags]} for review in page],
            status=status,
            page_query=page_query(status=status or "all"),
            statuses=[
                ("waiting", _("Waiting for an editor")),
                (TO_CHECK, _("Invited reviews to check")),
                *Review.Status.choices,
            ],
        )
        return context


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


def queue(request):
    return ReviewQueueView.as_view()(request)


def review(request, pk):
    return ReviewDecisionView.as_view()(request, pk=pk)
