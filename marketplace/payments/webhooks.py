"""Stripe's webhook events: verified, stored once by event id, acknowledged at once, processed by a background task.

Handlers are registered by event type (`register("account.updated", handler)`); a handler takes the event as a dict
and returns a `WebhookEvent.Outcome`. Each must be safe to run for an event twice and for events out of order: they
compare the event's `created` with what they already kept.
"""

import datetime
import json
import logging
import time

import stripe
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import WebhookEvent

logger = logging.getLogger(__name__)
TOLERANCE_SECONDS = 300
FUTURE_SKEW_SECONDS = 5  # a clock a few seconds ahead of ours is not a replay
# Stored bodies carry card holders' names, emails and billing postcodes; reconciling looks back days, not months.
KEEP_PAYLOADS_DAYS = 30
_handlers = {}


class Refused(Exception):
    """The request is not a genuine, fresh event from Stripe."""


def register(event_type, handler):
    _handlers[event_type] = handler


def verify(body, signature_header, secret=None, *, now=None):
    """The event in `body` as a dict, if Stripe signed it with our secret less than five minutes ago."""
    secret = secret or settings.STRIPE_WEBHOOK_SECRET
    if not secret or not signature_header:
        raise Refused("no secret or no signature")
    try:
        payload = body.decode("utf-8")
        stripe.WebhookSignature.verify_header(payload, signature_header, secret, tolerance=TOLERANCE_SECONDS)
        # The library checks only the age; a timestamp ahead of our clock would let a captured request live longer.
        timestamp = int(next(part[2:] for part in signature_header.split(",") if part.startswith("t=")))
        event = json.loads(payload)
    except (UnicodeDecodeError, ValueError, StopIteration, stripe.SignatureVerificationError) as error:
        raise Refused(str(error)) from error
    if timestamp > (now or time.time()) + FUTURE_SKEW_SECONDS:
        raise Refused("timestamp in the future")
    if not isinstance(event, dict) or not _looks_like_event(event):
        raise Refused("not an event")
    return event


def _looks_like_event(event):
    data = event.get("data")
    return (
        isinstance(event.get("id"), str)
        and 0 < len(event["id"]) <= 255
        and isinstance(event.get("type"), str)
        and 0 < len(event["type"]) <= 100
        and isinstance(event.get("created"), int)
        and 0 <= event["created"] < 2**40
        and isinstance(data, dict)
        and isinstance(data.get("object"), dict)
        and isinstance(event.get("account") or "", str)
    )


def store(event):
    """Keep the event once; queue its processing after commit. Returns False for an event already kept."""
    try:
        with transaction.atomic():
            stored = WebhookEvent.objects.create(
                stripe_id=event["id"],
                type=event["type"],
                account=(event.get("account") or "")[:255],
                created=datetime.datetime.fromtimestamp(event["created"], tz=datetime.UTC),
                payload=event,
            )
    except IntegrityError:
        return False
    from .tasks import process_webhook_event

    transaction.on_commit(lambda: process_webhook_event.enqueue(stored.pk))
    return True


def process(event_pk):
    """Run the handler for a stored event, once: a second run of a processed event does nothing."""
    with transaction.atomic():
        event = WebhookEvent.objects.select_for_update().filter(pk=event_pk).first()
        if event is None or event.processed_at is not None:
            return None
        event.attempts += 1
        handler = _handlers.get(event.type)
        try:
            with transaction.atomic():
                outcome = handler(event.payload) if handler else WebhookEvent.Outcome.NOT_HANDLED
        except Exception as error:  # noqa: BLE001 (kept on the event for the reconciliation report and a retry)
            logger.exception("Stripe event %s (%s) failed", event.stripe_id, event.type)
            event.outcome, event.error = WebhookEvent.Outcome.FAILED, repr(error)[:2000]
            event.save(update_fields=["attempts", "outcome", "error"])
            return event.outcome
        event.outcome, event.error, event.processed_at = outcome, "", timezone.now()
        event.save(update_fields=["attempts", "outcome", "error", "processed_at"])
    return outcome


def forget_payloads(processed_before):
    """Empty the bodies of events processed before then; ids, types and outcomes stay. Returns how many."""
    return WebhookEvent.objects.filter(processed_at__lt=processed_before).exclude(payload={}).update(payload={})
