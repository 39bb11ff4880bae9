"""Stripe Connect for suppliers: an Express account per supplier, onboarding through account links, and its state as
Stripe reports it (`account.updated` events, or the account read again when the supplier comes back from Stripe).

Whether an account can take payments is never decided here: it follows Stripe's `charges_enabled`,
`payouts_enabled` and `requirements`. Each change of state is recorded with who and when: the supplier who came back
from Stripe, or nobody and the id of the Stripe event that said so.
"""

import datetime

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.core.urls_absolute import absolute_url
from marketplace.core.workflow import Transition, Workflow

from . import stripe_api
from .models import ConnectedAccount, WebhookEvent

Status = ConnectedAccount.Status
ALL = tuple(Status.values)

WORKFLOW = Workflow(
    "connected_account",
    [
        Transition("open", ("",), Status.ONBOARDING, _("Start setting up payments")),
        Transition("enable", ALL, Status.ENABLED, _("Stripe lets it take payments")),
        Transition("restrict", ALL, Status.RESTRICTED, _("Stripe needs more information")),
        Transition("reopen", ALL, Status.ONBOARDING, _("Details not finished")),
        Transition("disconnect", ALL, Status.DISCONNECTED, _("Disconnected at Stripe")),
    ],
)
_TRANSITION_TO = {Status.ENABLED: "enable", Status.RESTRICTED: "restrict", Status.ONBOARDING: "reopen"}


def account_for(supplier):
    return ConnectedAccount.objects.filter(supplier=supplier).first()


def ensure_account(supplier, user):
    """The supplier's connected account, created at Stripe (once, whatever retries happen) if it has none."""
    existing = account_for(supplier)
    if existing is not None:
        return existing
    params = {
        "type": "express",
        "country": "GB",
        "default_currency": "gbp",
        "capabilities": {"card_payments": {"requested": True}, "transfers": {"requested": True}},
        "business_type": "individual" if supplier.is_personal_assistant else "company",
        "metadata": {"supplier": str(supplier.pk)},
    }
    if supplier.email:
        params["email"] = supplier.email
    client = stripe_api.client()
    created = stripe_api.stripe_call(
        "connect_account",
        supplier,
        lambda key: client.v1.accounts.create(params=params, options={"idempotency_key": key}),
        existing=client.v1.accounts.retrieve,
    )
    try:
        with transaction.atomic():
            account = ConnectedAccount.objects.create(supplier=supplier, stripe_id=created.id, created_by=user)
    except IntegrityError:  # a simultaneous request stored the same account first
        return account_for(supplier)
    WORKFLOW.record(WORKFLOW, account, WORKFLOW["open"], "", user, "", timezone.now())
    return account


def onboarding_link(account, attempt):
    """A Stripe-hosted onboarding page for the account (single use, short-lived). The same `attempt` (one visit's
    form, submitted twice) sends the same idempotency key."""
    supplier_pk = account.supplier_id
    params = {
        "account": account.stripe_id,
        "type": "account_onboarding",
        "refresh_url": absolute_url(reverse("payments:refresh", args=[supplier_pk])),
        "return_url": absolute_url(reverse("payments:return", args=[supplier_pk])),
    }
    client = stripe_api.client()
    link = stripe_api.stripe_call(
        "account_link",
        account,
        lambda key: client.v1.account_links.create(params=params, options={"idempotency_key": key}),
        attempt=attempt,
    )
    return link.url


def refresh_from_stripe(account, user):
    """Read the account again from Stripe (the supplier is back from onboarding) and keep what it says."""
    read_at = timezone.now()
    stripe_account = stripe_api.client().v1.accounts.retrieve(account.stripe_id)
    apply_state(stripe_account.to_dict(), read_at, by=user, reason="")
    account.refresh_from_db()
    return account


def _status_for(data):
    if data.get("charges_enabled") and data.get("payouts_enabled"):
        return Status.ENABLED
    if not data.get("details_submitted"):
        return Status.ONBOARDING
    return Status.RESTRICTED


def apply_state(data, as_of, *, by=None, reason=""):
    """Keep the state Stripe reported at `as_of` for the account `data` describes, unless newer state is already
    kept. Returns a WebhookEvent.Outcome."""
    requirements = data.get("requirements") or {}
    with transaction.atomic():
        account = ConnectedAccount.objects.select_for_update().filter(stripe_id=data.get("id") or "").first()
        if account is None:
            return WebhookEvent.Outcome.UNKNOWN_OBJECT
        if account.state_as_of and as_of < account.state_as_of:
            return WebhookEvent.Outcome.OLDER
        if account.status == Status.DISCONNECTED:
            return WebhookEvent.Outcome.OLDER  # nothing Stripe says about it afterwards reconnects it here
        account.charges_enabled = bool(data.get("charges_enabled"))
        account.payouts_enabled = bool(data.get("payouts_enabled"))
        account.details_submitted = bool(data.get("details_submitted"))
        account.currently_due = list(requirements.get("currently_due") or [])
        account.past_due = list(requirements.get("past_due") or [])
        account.disabled_reason = (requirements.get("disabled_reason") or "")[:100]
        account.state_as_of = as_of
        account.save()
        target = _status_for(data)
        if target != account.status:
            WORKFLOW.apply(account, _TRANSITION_TO[target], by, reason=reason, now=timezone.now())
    return WebhookEvent.Outcome.APPLIED


def _event_time(event):
    return datetime.datetime.fromtimestamp(event["created"], tz=datetime.UTC)


def on_account_updated(event):
    account_data = event["data"]["object"]
    return apply_state(account_data, _event_time(event), reason=event["id"])


def on_deauthorized(event):
    """The supplier disconnected the site from their Stripe account: it can take no more payments here."""
    with transaction.atomic():
        account = ConnectedAccount.objects.select_for_update().filter(stripe_id=event.get("account") or "").first()
        if account is None:
            return WebhookEvent.Outcome.UNKNOWN_OBJECT
        if account.status == Status.DISCONNECTED:
            return WebhookEvent.Outcome.OLDER
        account.charges_enabled = account.payouts_enabled = False
        account.state_as_of = max(filter(None, [account.state_as_of, _event_time(event)]))
        account.save()
        WORKFLOW.apply(account, "disconnect", None, reason=event["id"])
    return WebhookEvent.Outcome.APPLIED
