"""Emails about reviews: to the client invited, to reviewers about their review, to providers about their listing."""

from django.conf import settings
from django.urls import reverse
from wagtail.models import Locale

from marketplace.core.emails import queue_email
from marketplace.core.terms import localize
from marketplace.core.urls_absolute import absolute_url

from .models import Review


def _language(user):
    return getattr(user, "preferred_language", "") or None


def _to_owners(listing, template, context, per_language=None):
    """Email the people who look after `listing`; `per_language(language)` adds what must be in their language."""
    context = {
        "listing": listing,
        "listing_url": absolute_url(reverse("listings:detail", args=[listing.slug])),
        "manage_url": absolute_url(reverse("reviews:manage", args=[listing.pk])),
        **context,
    }
    for email, language in listing.supplier.recipients():
        extra = per_language(language or settings.LANGUAGE_CODE) if per_language else {}
        queue_email(f"reviews/email/{template}", email, {**context, **extra}, language=language)


def invitation(invitation, language=None):
    link = absolute_url(reverse("reviews:invitation", args=[invitation.token]))
    queue_email(
        "reviews/email/invitation",
        invitation.email,
        {"invitation": invitation, "listing": invitation.listing, "link": link},
        language=language,
    )


def review_outcome(review):
    """Tell the reviewer where their review stands: published, held for an editor, or not published (and why)."""
    template = {
        Review.Status.PUBLISHED: "reviews/email/review_published",
        Review.Status.HELD: "reviews/email/review_held",
        Review.Status.REJECTED: "reviews/email/review_rejected",
    }[review.status]
    context = {
        "review": review,
        "listing": review.listing,
        "listing_url": absolute_url(reverse("listings:detail", args=[review.listing.slug])) + f"#review-{review.pk}",
        "edit_url": absolute_url(reverse("reviews:edit", args=[review.pk])),
    }
    queue_email(template, review.author.email, context, language=_language(review.author))
    if review.status == Review.Status.PUBLISHED:
        _to_owners(review.listing, "new_review", {"review": review})


def stamps_awarded(listing, stamps):
    def names(language):
        locale = Locale.objects.filter(language_code=language).first() or Locale.get_default()
        return {"stamps": [stamp.name for stamp in localize(stamps, locale)]}

    _to_owners(listing, "stamps_awarded", {}, per_language=names)


def report_decided(report):
    if report.reported_by is None or not report.reported_by.email:
        return
    queue_email(
        "reviews/email/report_decided",
        report.reported_by.email,
        {"report": report, "listing": report.review.listing},
        language=_language(report.reported_by),
    )


def vouched(member, language=None):
    queue_email(
        "reviews/email/vouched",
        member.email,
        {"group": member.group, "find_url": absolute_url(reverse("find:support"))},
        language=language,
    )
