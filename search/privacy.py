"""Saved searches in a person's data (`marketplace.core.privacy`): theirs, or sent to their confirmed addresses."""

from django.db.models import Q

from marketplace.core.accounts import addressed_to
from marketplace.core.privacy import iso

from .models import SavedSearch


def _theirs(user, emails):
    return SavedSearch.objects.filter(Q(user=user) | addressed_to(emails))


def export(user, emails):
    return {
        "saved_searches": [
            {
                "email": saved.email,
                "name": saved.label,
                "search": saved.query_string,
                "language": saved.language,
                "created_at": iso(saved.created_at),
                "confirmed_at": iso(saved.confirmed_at),
                "last_notified_at": iso(saved.last_notified_at),
            }
            for saved in _theirs(user, emails).order_by("pk")
        ]
    }


def erase(user, emails):
    _theirs(user, emails).delete()
