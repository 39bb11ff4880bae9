"""Private calendar feeds and the one email choice people make about bookings."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


def feed_token():
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """An iCalendar address for one user's visits: as the person (no supplier) or for one supplier they act for.
    Whoever has the address reads the feed, so it is long and random; revoking deletes it, renewing changes it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds")
    supplier = models.ForeignKey(
        "providers.Supplier", on_delete=models.CASCADE, null=True, blank=True, related_name="calendar_feeds"
    )
    token = models.CharField(max_length=64, unique=True, default=feed_token)
    created_at = models.DateTimeField(default=timezone.now)
    last_read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user"], condition=Q(supplier__isnull=True), name="one_person_feed"),
            models.UniqueConstraint(
                fields=["user", "supplier"], condition=Q(supplier__isnull=False), name="one_supplier_feed"
            ),
        ]

    def __str__(self):
        return f"Calendar feed of {self.user_id}"
