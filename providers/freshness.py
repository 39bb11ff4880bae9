"""Keeping listings and checks current: reminders to owners before a listing goes stale or a check expires.

Hiding is not done here: `Listing.objects.publicly_visible()` and `Verification.objects.current()` filter by date, so a
listing or badge drops out of public view on time even if these jobs never run. The jobs only send reminders, once each:
a listing's reminder is sent again only after the provider confirms it (which clears `reconfirm_reminder_sent_at`).
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import F, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from marketplace.core.emails import queue_email
from marketplace.core.urls_absolute import absolute_url

from .models import Listing, Verification
from .models.listings import hide_after, reconfirm_after

# Where an owner goes to confirm a listing; the first name that exists wins (the provider dashboard owns these URLs).
CONFIRM_URL_NAMES = ("providers:listing_confirm", "providers:listing_edit")
DASHBOARD_URL_NAMES = ("providers:home",)


def _first_url(names, *args):
    for name in names:
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    return None


def listing_confirm_url(listing):
    return absolute_url(_first_url(CONFIRM_URL_NAMES, listing.pk) or dashboard_path())


def dashboard_path():
    return _first_url(DASHBOARD_URL_NAMES) or "/dashboard/"


def listings_needing_reminder(now=None):
    """Published listings that are due or stale (not yet hidden) and not reminded since they were last confirmed."""
    now = now or timezone.now()
    due_from = now - (reconfirm_after() - timedelta(days=settings.LISTING_REMINDER_DAYS))
    return (
        Listing.objects.filter(
            status=Listing.Status.PUBLISHED,
            last_confirmed_at__lte=due_from,
            last_confirmed_at__gt=now - hide_after(),
        )
        .filter(Q(reconfirm_reminder_sent_at__isnull=True) | Q(reconfirm_reminder_sent_at__lt=F("last_confirmed_at")))
        .select_related("supplier")
        .prefetch_related("supplier__members")
        .order_by("last_confirmed_at")
    )


def send_listing_reminders(now=None):
    """Email the owners of each listing that needs reconfirming, once. Returns how many listings were reminded."""
    now = now or timezone.now()
    count = 0
    for listing in listings_needing_reminder(now):
        context = {
            "listing": listing,
            "freshness": listing.freshness(now),
            "is_stale": listing.freshness(now) == Listing.Freshness.STALE,
            "reconfirm_by": listing.reconfirm_by(),
            "hidden_from": listing.last_confirmed_at + hide_after(),
            "confirm_url": listing_confirm_url(listing),
        }
        for email, language in listing.supplier.recipients():
            queue_email("providers/email/reconfirm_reminder", email, context, language=language)
        listing.reconfirm_reminder_sent_at = now
        listing.save(update_fields=["reconfirm_reminder_sent_at"])
        count += 1
    return count


def verifications_needing_reminder(today=None):
    today = today or timezone.localdate()
    return (
        Verification.objects.expiring_within(settings.VERIFICATION_EXPIRY_REMINDER_DAYS, today=today)
        .filter(expiry_reminder_sent_at__isnull=True)
        .select_related("supplier")
        .prefetch_related("supplier__members")
        .order_by("expires_on")
    )


def send_verification_reminders(now=None):
    """Email the owners of each verified check that expires soon, once. Returns how many checks were reminded."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    count = 0
    for verification in verifications_needing_reminder(today):
        context = {
            "verification": verification,
            "subject": verification.supplier.name,
            "days_left": (verification.expires_on - today).days,
            "dashboard_url": absolute_url(dashboard_path()),
        }
        for email, language in verification.supplier.recipients():
            queue_email("providers/email/verification_expiring", email, context, language=language)
        verification.expiry_reminder_sent_at = now
        verification.save(update_fields=["expiry_reminder_sent_at"])
        count += 1
    return count


def notify_verification_decision(verification):
    """Tell the owners an editor accepted or did not accept their evidence (and why)."""
    template = (
        "providers/email/verification_verified"
        if verification.status == Verification.Status.VERIFIED
        else "providers/email/verification_rejected"
    )
    context = {
        "verification": verification,
        "subject": verification.supplier.name,
        "dashboard_url": absolute_url(dashboard_path()),
    }
    for email, language in verification.supplier.recipients():
        queue_email(template, email, context, language=language)


def freshness_counts(now=None):
    """Published listings by freshness band, for the editors' dashboard."""
    now = now or timezone.now()
    published = Listing.objects.filter(status=Listing.Status.PUBLISHED)
    return {
        "stale": published.filter(
            last_confirmed_at__lte=now - reconfirm_after(), last_confirmed_at__gt=now - hide_after()
        ).count(),
        "hidden": published.filter(
            Q(last_confirmed_at__isnull=True) | Q(last_confirmed_at__lte=now - hide_after())
        ).count(),
    }


def filter_by_freshness(queryset, band, now=None):
    """Narrow a listing queryset to one freshness band (as `Listing.freshness()` computes it)."""
    now = now or timezone.now()
    due_from = now - (reconfirm_after() - timedelta(days=settings.LISTING_REMINDER_DAYS))
    stale_from = now - reconfirm_after()
    hidden_from = now - hide_after()
    bands = {
        Listing.Freshness.FRESH: Q(last_confirmed_at__gt=due_from),
        Listing.Freshness.DUE: Q(last_confirmed_at__lte=due_from, last_confirmed_at__gt=stale_from),
        Listing.Freshness.STALE: Q(last_confirmed_at__lte=stale_from, last_confirmed_at__gt=hidden_from),
        Listing.Freshness.HIDDEN: Q(last_confirmed_at__isnull=True) | Q(last_confirmed_at__lte=hidden_from),
    }
    return queryset.filter(bands[band]) if band in bands else queryset
