"""Keeping guidance current: which pages are overdue for review, and reminders to their owners."""

from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from marketplace.core.emails import queue_email

from .models import GuidancePage


def overdue_pages(today=None):
    today = today or timezone.localdate()
    return (
        GuidancePage.objects.filter(next_review_due__lt=today, alias_of__isnull=True, live=True)
        .select_related("owner", "locale")
        .order_by("next_review_due")
    )


def pages_due_soon(today=None):
    today = today or timezone.localdate()
    horizon = today + timedelta(days=settings.GUIDANCE_REVIEW_REMINDER_DAYS)
    return (
        GuidancePage.objects.filter(
            next_review_due__gte=today, next_review_due__lte=horizon, alias_of__isnull=True, live=True
        )
        .select_related("owner", "locale")
        .order_by("next_review_due")
    )


def send_review_reminders(today=None):
    """Email each page owner one list of their pages that are overdue or due soon. Returns how many emails."""
    today = today or timezone.localdate()
    by_owner = defaultdict(list)
    for page in list(overdue_pages(today)) + list(pages_due_soon(today)):
        if page.owner and page.owner.is_active and page.owner.email:
            by_owner[page.owner].append(page)
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    for owner, pages in by_owner.items():
        queue_email(
            "home/email/review_reminder",
            owner.email,
            {
                "owner": owner,
                "pages": [
                    {
                        "title": page.title,
                        "language": page.locale.get_display_name(),
                        "due": page.next_review_due,
                        "overdue": page.next_review_due < today,
                        "edit_url": base_url + reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    }
                    for page in pages
                ],
            },
            language=owner.preferred_language,
        )
    return len(by_owner)
