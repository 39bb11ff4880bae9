"""Guidance alerts in a person's data (`marketplace.core.privacy`): the subscriptions for their confirmed addresses."""

from marketplace.core.accounts import addressed_to
from marketplace.core.privacy import iso

from .models import AlertSubscription


def _theirs(emails):
    return AlertSubscription.objects.filter(addressed_to(emails))


def export(user, emails):
    subscriptions = _theirs(emails).prefetch_related("topics", "audiences").order_by("pk")
    return {
        "alert_subscriptions": [
            {
                "email": subscription.email,
                "language": subscription.language,
                "topics": [topic.name for topic in subscription.topics.all()],
                "audiences": [audience.name for audience in subscription.audiences.all()],
                "created_at": iso(subscription.created_at),
                "confirmed_at": iso(subscription.confirmed_at),
            }
            for subscription in subscriptions
        ]
    }


def erase(user, emails):
    _theirs(emails).delete()
