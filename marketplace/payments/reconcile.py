"""Compare what the site kept with what Stripe says: its events list over a recent window, and each connected account.

Differences reported:
- an event Stripe lists that never reached the webhook, or reached it and was not processed (or failed);
- an event kept here that Stripe does not list (it did not come from Stripe);
- an account whose state here differs from Stripe's (or that Stripe does not know);
- a request to create something at Stripe whose key was stored but which never completed;
- a recent payment or refund whose status or amount differs from Stripe's PaymentIntent or Refund, a refund Stripe
  lists that the site has no record of, and a PaymentIntent for an invoice that the site never recorded
  (`invoices/reconciling.py`).

Nothing changes unless asked: `apply=True` brings in what Stripe has settled for good (see `reconciling`).
"""

import datetime

import stripe
from django.utils import timezone

from . import stripe_api
from .invoices import reconciling
from .models import ConnectedAccount, StripeRequest, WebhookEvent
from .tasks import process_webhook_event

UNFINISHED_AFTER = datetime.timedelta(minutes=10)  # a request still running after this is reported


def _stripe_events(client, since, accounts):
    """Stripe's events created since `since`: the platform's, and each connected account's own."""
    params = {"created": {"gte": int(since.timestamp())}, "limit": 100}
    found = {}
    for options in [{}] + [{"stripe_account": account.stripe_id} for account in accounts]:
        for event in client.v1.events.list(params=params, options=options).auto_paging_iter():
            # A test server may list events older than asked for: the window is ours to keep.
            if event.created >= params["created"]["gte"]:
                found.setdefault(event.id, event)
    return found


def _account_differences(client, accounts):
    for account in accounts:
        try:
            remote = client.v1.accounts.retrieve(account.stripe_id).to_dict()
        except stripe.InvalidRequestError:
            yield f"account {account.stripe_id} ({account.supplier}): Stripe does not know it"
            continue
        if account.status == ConnectedAccount.Status.DISCONNECTED:
            continue
        requirements = remote.get("requirements") or {}
        ours = (account.charges_enabled, account.payouts_enabled, sorted(account.currently_due))
        theirs = (
            bool(remote.get("charges_enabled")),
            bool(remote.get("payouts_enabled")),
            sorted(requirements.get("currently_due") or []),
        )
        names = ("charges_enabled", "payouts_enabled", "currently_due")
        for name, here, there in zip(names, ours, theirs, strict=True):
            if here != there:
                yield f"account {account.stripe_id} ({account.supplier}): {name} is {here!r} here, {there!r} at Stripe"


def differences(*, days=3, now=None, apply=False, applied=None):
    """Every difference found, as lines of text (none when all agree). With `apply`, what was brought in from Stripe
    is appended to the `applied` list."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=days)
    client = stripe_api.client()
    accounts = list(ConnectedAccount.objects.select_related("supplier").order_by("pk"))
    remote = _stripe_events(client, since, accounts)
    local = {event.stripe_id: event for event in WebhookEvent.objects.filter(created__gte=since)}
    local.update({event.stripe_id: event for event in WebhookEvent.objects.filter(stripe_id__in=list(remote))})
    found = []
    for event_id, event in sorted(remote.items(), key=lambda item: (item[1].created, item[0])):
        kept = local.get(event_id)
        if kept is None:
            found.append(f"event {event_id} ({event.type}): Stripe sent it, it never arrived here")
        elif kept.processed_at is None:
            found.append(f"event {event_id} ({event.type}): arrived, not processed ({kept.get_outcome_display()})")
    for event_id, kept in sorted(local.items()):
        if event_id not in remote and kept.created >= since:
            found.append(f"event {event_id} ({kept.type}): kept here, Stripe does not list it")
    found.extend(_account_differences(client, accounts))
    money, done = reconciling.differences(client, since, list(remote.values()), apply=apply)
    found.extend(money)
    if applied is not None:
        applied.extend(done)
    unfinished = StripeRequest.objects.filter(
        completed_at__isnull=True, created_at__gte=since, created_at__lt=now - UNFINISHED_AFTER
    )
    for request in unfinished.order_by("created_at"):
        found.append(f"request {request.key} ({request.purpose}): key stored, Stripe never answered")
    return found


def retry_unprocessed():
    """Queue every kept event not processed yet (a failed handler, a lost task) again, oldest first."""
    waiting = list(
        WebhookEvent.objects.filter(processed_at__isnull=True).order_by("created", "pk").values_list("pk", flat=True)
    )
    for pk in waiting:
        process_webhook_event.enqueue(pk)
    return len(waiting)
