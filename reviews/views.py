"""Public pages for reviewers: the stamps and their criteria, writing a review (through an invitation or as a
peer-group member), editing one's own review and the list of one's reviews.

Someone who may not edit a review gets a 404, as for one that does not exist. A bad POST answers 400 and saves
nothing; the form comes back with every answer kept and each error explained.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale

from marketplace.core import ratelimits
from marketplace.core.accounts import confirmed_emails
from marketplace.core.form_errors import error_list
from marketplace.core.permissions import acts_for
from marketplace.core.terms import localize
from providers.models import Listing

from . import eligibility, presenters, services
from .aggregates import rating_summary
from .forms import ReviewForm
from .models import PeerGroup, QualityStamp, Review, ReviewInvitation, StampAward

# Status codes for each reason someone may not write a review.
PROBLEM_STATUS = {
    eligibility.SIGN_IN: 200,
    eligibility.UNVERIFIED: 403,
    eligibility.OWN_LISTING: 403,
    eligibility.NO_BASIS: 403,
    eligibility.WRONG_EMAIL: 403,
    eligibility.INVITATION_USED: 410,
    eligibility.INVITATION_EXPIRED: 410,
    eligibility.DAILY_LIMIT: 429,
}


def endorsable_stamps():
    return list(QualityStamp.objects.filter(locale=Locale.get_default(), is_active=True))


def stamps(request):
    """Every stamp with its criteria; search results and listings link to a stamp's anchor (#stamp-<slug>). A retired
    stamp stays here, marked, while a listing still holds it."""
    still_held = StampAward.objects.filter(lapsed_at__isnull=True, valid_until__gt=timezone.now()).values("stamp")
    default = QualityStamp.objects.filter(Q(is_active=True) | Q(pk__in=still_held), locale=Locale.get_default())
    context = {
        "stamps": localize(default),
        "min_endorsers": settings.REVIEW_STAMP_MIN_ENDORSERS,
        "max_per_source": settings.REVIEW_MAX_COUNTED_PER_SOURCE,
    }
    return render(request, "reviews/stamps.html", context)


def _public_listing(**lookup):
    return get_object_or_404(Listing.objects.publicly_visible().select_related("supplier"), **lookup)


def _cannot_review(request, listing, problem, invitation=None):
    context = {"listing": listing, "problem": problem, "invitation": invitation, "next": request.get_full_path()}
    return render(request, "reviews/cannot_review.html", context, status=PROBLEM_STATUS[problem])


def _to_own_review(request, listing):
    """Someone who has reviewed the listing goes to their review, to change it, whichever way they came."""
    return redirect("reviews:edit", pk=Review.objects.get(listing=listing, author=request.user).pk)


def _review_page(request, listing, form, *, status=200, review=None, invitation=None, basis=None):
    context = {
        "listing": listing,
        "form": form,
        "errors": error_list(form),
        "review": review,
        "invitation": invitation,
        "basis": basis,
    }
    return render(request, "reviews/review_form.html", context, status=status)


def _after_writing(request, review):
    if review.status == Review.Status.PUBLISHED:
        messages.success(request, _("Thank you. Your review is published."))
        return redirect(reverse("listings:detail", args=[review.listing.slug]) + f"#review-{review.pk}")
    messages.info(
        request,
        _("Thank you. An editor will read your review before it is published. We will email you when they have."),
    )
    return redirect("reviews:mine")


def _write(request, listing, allowed, invitation=None):
    form = ReviewForm(
        request.POST or None,
        stamps=endorsable_stamps(),
        used_support_question=allowed.basis == Review.Basis.PEER_GROUP,
    )
    if request.method == "POST":
        if not form.is_valid():
            return _review_page(request, listing, form, status=400, invitation=invitation, basis=allowed)
        try:
            review = services.write(request.user, listing, form.draft(), invitation=invitation)
        except PermissionDenied as denied:  # someone used the invitation, or wrote a review, meanwhile
            if str(denied) == eligibility.ALREADY_REVIEWED:  # their own double click or other tab got there first
                return _to_own_review(request, listing)
            return _cannot_review(request, listing, str(denied), invitation)
        return _after_writing(request, review)
    return _review_page(request, listing, form, invitation=invitation, basis=allowed)


@require_http_methods(["GET", "POST"])
def invitation(request, token):
    """A client's link from a provider's invitation: sign up or in with the invited address, then write the review."""
    found = ReviewInvitation.objects.select_related("listing").filter(token=token).first()
    if found is None:
        raise Http404
    listing = _public_listing(pk=found.listing_id)
    allowed = eligibility.check(request.user, listing, invitation=found)
    if allowed.problem == eligibility.ALREADY_REVIEWED:
        return _to_own_review(request, listing)
    if not allowed:
        return _cannot_review(request, listing, allowed.problem, found)
    return _write(request, listing, allowed, invitation=found)


@require_http_methods(["GET", "POST"])
def write(request, slug):
    """Write a review as a member of an accredited peer group (people with an invitation use its link)."""
    listing = _public_listing(slug=slug)
    allowed = eligibility.check(request.user, listing)
    if allowed.problem == eligibility.ALREADY_REVIEWED:
        return _to_own_review(request, listing)
    if not allowed:
        return _cannot_review(request, listing, allowed.problem)
    return _write(request, listing, allowed)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    review = get_object_or_404(Review.objects.select_related("listing"), pk=pk)
    if not acts_for(request.user, "reviews.edit_review", review):
        raise Http404
    form = ReviewForm(request.POST or None, stamps=endorsable_stamps() + _retired_stamps(review), review=review)
    if request.method == "POST":
        if not form.is_valid():
            return _review_page(request, review.listing, form, status=400, review=review)
        try:
            review = services.edit(review, form.draft())
        except ValidationError as error:
            form.add_error(None, error)
            return _review_page(request, review.listing, form, status=ratelimits.error_status(error), review=review)
        if not Listing.objects.publicly_visible().filter(pk=review.listing_id).exists():
            messages.success(request, _("Your changes are saved."))
            return redirect("reviews:mine")
        if review.status == Review.Status.PUBLISHED:
            messages.success(request, _("Your changes are published."))
            return redirect(reverse("listings:detail", args=[review.listing.slug]) + f"#review-{review.pk}")
        messages.info(request, _("Your changes are saved. An editor will read them before they are published."))
        return redirect("reviews:mine")
    return _review_page(request, review.listing, form, review=review)


def _retired_stamps(review):
    """Stamps an editor retired after the reviewer endorsed them: the reviewer can keep or drop them."""
    return [item.stamp for item in review.endorsements.select_related("stamp") if not item.stamp.is_active]


@login_required
def mine(request):
    """The signed-in person's reviews, with where each stands, and the peer groups they coordinate."""
    reviews = (
        Review.objects.filter(author=request.user).select_related("listing", "reply").order_by("-created_at", "-pk")
    )
    emails = confirmed_emails(request.user)
    coordinated = PeerGroup.objects.filter(coordinator_email__in=emails) if emails else PeerGroup.objects.none()
    context = {
        "reviews": reviews,
        "coordinated": coordinated,
        "peer_group": eligibility.peer_group_of(request.user, emails),
    }
    return render(request, "reviews/mine.html", context)


def listing_all(request, slug):
    """Every published review of a listing, 20 to a page, newest first."""
    listing = _public_listing(slug=slug)
    page = Paginator(presenters.published_reviews(listing), presenters.SHOWN_REVIEWS).get_page(request.GET.get("page"))
    if request.GET.get("page") not in (None, str(page.number)):
        raise Http404
    rows, _stamps = presenters.review_rows(list(page.object_list))
    context = {"listing": listing, "page": page, "rows": rows, "summary": rating_summary(listing)}
    return render(request, "reviews/listing_all.html", context)
