"""Providers' side of reviews: inviting clients to review a listing, replying to reviews and reporting them.

Only the listing's owners (organisation members, or the personal assistant) may; anyone else gets a 404.
Providers cannot change or remove a review: they can reply once, publicly, and report it to an editor.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from marketplace.core import ratelimits
from marketplace.core.form_errors import error_list
from marketplace.core.permissions import acts_for
from providers.services import editable_listing as _editable

from . import services
from .forms import InvitationForm, ReplyForm, ReportForm
from .models import ProviderReply, Review
from .presenters import NEWEST_FIRST, SHOWN_REVIEWS


def _published_review(request, pk, permission):
    review = get_object_or_404(Review.objects.published().select_related("listing__supplier"), pk=pk)
    if not acts_for(request.user, permission, review):
        raise Http404
    return review


@login_required
@require_http_methods(["GET", "POST"])
def manage(request, pk):
    """A listing's reviews for its owners: invite a client, see invitations waiting, reply to and report reviews
    (newest first, 20 to a page)."""
    listing = _editable(request.user, pk)
    if listing is None:
        raise Http404
    form = InvitationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.invite(listing, form.cleaned_data["email"], request.user)
            except ValidationError as error:
                form.add_error("email", error)
                status = ratelimits.error_status(error)
            else:
                messages.success(
                    request,
                    _("We have emailed a review invitation to %(email)s.") % {"email": form.cleaned_data["email"]},
                )
                return redirect("reviews:manage", pk=listing.pk)
    now = timezone.now()
    context = {
        "listing": listing,
        "form": form,
        "errors": error_list(form),
        "waiting": listing.review_invitations.filter(used_at__isnull=True, expires_at__gt=now),
        "page": Paginator(
            listing.reviews.published().select_related("reply").order_by(*NEWEST_FIRST), SHOWN_REVIEWS
        ).get_page(request.GET.get("page")),
    }
    return render(request, "reviews/manage.html", context, status=status)


def _review_form_page(request, template, review, form, **extra):
    """A provider's form about one review (reply, report), with a way back to the review; refused input is a 400."""
    context = {
        "review": review,
        "listing": review.listing,
        "form": form,
        "errors": error_list(form),
        "back": _place_on_manage_page(review),
        **extra,
    }
    return render(request, template, context, status=400 if request.method == "POST" else 200)


def _place_on_manage_page(review):
    """The review on its owners' page of reviews: the page that shows it, scrolled to it."""
    newer = review.listing.reviews.published().filter(
        Q(published_at__gt=review.published_at) | Q(published_at=review.published_at, pk__gt=review.pk)
    )
    number = newer.count() // SHOWN_REVIEWS + 1
    query = f"?page={number}" if number > 1 else ""
    return f"{reverse('reviews:manage', args=[review.listing_id])}{query}#review-{review.pk}"


@login_required
@require_http_methods(["GET", "POST"])
def reply(request, pk):
    review = _published_review(request, pk, "reviews.reply_to_review")
    existing = ProviderReply.objects.filter(review=review).first()
    form = ReplyForm(request.POST or None, initial={"text": existing.text} if existing else None)
    if request.method == "POST" and form.is_valid():
        services.reply(review, request.user, form.cleaned_data["text"])
        messages.success(request, _("Your reply is published under the review."))
        return redirect(_place_on_manage_page(review))
    return _review_form_page(request, "reviews/reply.html", review, form, existing=existing)


@login_required
@require_http_methods(["GET", "POST"])
def report(request, pk):
    review = _published_review(request, pk, "reviews.report_review")
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report(review, request.user, form.cleaned_data["reason"], form.cleaned_data["details"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you. An editor will look at the review and email you their decision."))
            return redirect(_place_on_manage_page(review))
    return _review_form_page(request, "reviews/report.html", review, form)
