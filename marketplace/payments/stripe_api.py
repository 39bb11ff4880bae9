"""The one way the site talks to Stripe: a client built from the settings, and `stripe_call` for every request that
creates something there.

The idempotency key is written to the database (committed, outside any transaction the caller holds) before the
request goes out, and found again on a retry or a second click, so Stripe sees the same key and creates one object.
"""

import uuid

import stripe
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from .models import StripeRequest

NETWORK_RETRIES = 2  # the library resends with the same idempotency key


def is_configured():
    return bool(settings.STRIPE_SECRET_KEY)


def client():
    """A StripeClient for the configured key (and API address, for test servers)."""
    options = {"max_network_retries": NETWORK_RETRIES}
    if settings.STRIPE_API_BASE:
        options["base_addresses"] = {"api": settings.STRIPE_API_BASE}
    return stripe.StripeClient(settings.STRIPE_SECRET_KEY, **options)


def stripe_call(purpose, obj, create, *, attempt="", existing=None):
    """Send `create(idempotency_key)` for `obj`, with the key stored for (purpose, obj, attempt) before it is sent.

    The same (purpose, obj, attempt) always sends the same key: a request that failed half way, was retried, or was
    sent twice by a double click makes one object at Stripe. Stripe forgets keys after a day, so when an earlier
    request already created the object and `existing` is given, `existing(stripe_id)` fetches it instead of asking
    again. Returns what `create` (or `existing`) returned."""
    content_type = ContentType.objects.get_for_model(obj)
    request, _created = StripeRequest.objects.get_or_create(
        purpose=purpose,
        content_type=content_type,
        object_id=obj.pk,
        attempt=attempt,
        defaults={"key": f"sds-{purpose}-{obj.pk}-{uuid.uuid4().hex}"},
    )
    if request.stripe_id and existing is not None:
        return existing(request.stripe_id)
    result = create(request.key)
    StripeRequest.objects.filter(pk=request.pk).update(
        stripe_id=getattr(result, "id", None) or "", completed_at=timezone.now()
    )
    return result


def platform_fee(amount_pence):
    """The platform's fee on a payment, in whole pence (half a penny rounds up); 0 unless a fee is set."""
    return (amount_pence * settings.PLATFORM_FEE_BASIS_POINTS + 5_000) // 10_000
