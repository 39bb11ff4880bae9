"""`manage.py reconcile_stripe` compares what the site kept with Stripe's events (localstripe keeps and lists them)
and accounts (stripe-mock answers as Stripe's API description says), printing each difference and failing if any."""

import datetime
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from marketplace.payments.models import ConnectedAccount, StripeRequest, WebhookEvent
from tests.stripe_servers import reset_localstripe, stripe_event

from .conftest import post_event

pytestmark = pytest.mark.django_db


def _reconcile(days=3):
    out = io.StringIO()
    try:
        call_command("reconcile_stripe", days=days, stdout=out)
    except CommandError as failure:
        return out.getvalue(), str(failure)
    return out.getvalue(), None


def _deliver(event, capture):
    with capture(execute=True):
        return post_event(Client(), event)


def test_an_event_that_never_arrived_is_reported_until_it_does(
    on_localstripe, localstripe_client, django_capture_on_commit_callbacks
):
    reset_localstripe(on_localstripe)
    customer = localstripe_client.v1.customers.create(params={"email": "budget.holder@example.org"})
    event = next(iter(localstripe_client.v1.events.list(params={"type": "customer.created"}).auto_paging_iter()))
    assert event.data.object.id == customer.id

    output, failure = _reconcile()
    assert f"event {event.id} (customer.created): Stripe sent it, it never arrived here" in output
    assert failure == "1 difference(s) between this site and Stripe."

    assert _deliver(event.to_dict(for_json=True), django_capture_on_commit_callbacks).status_code == 200
    output, failure = _reconcile()
    assert failure is None and "No differences with Stripe" in output


def test_an_event_kept_here_that_stripe_does_not_list_is_reported(on_localstripe, django_capture_on_commit_callbacks):
    reset_localstripe(on_localstripe)
    forged = stripe_event("customer.created", {"id": "cus_nobody", "object": "customer"})
    _deliver(forged, django_capture_on_commit_callbacks)

    output, failure = _reconcile()

    assert f"event {forged['id']} (customer.created): kept here, Stripe does not list it" in output
    assert failure


def test_an_event_kept_but_not_processed_is_reported(on_localstripe, localstripe_client):
    reset_localstripe(on_localstripe)
    localstripe_client.v1.customers.create(params={"email": "someone@example.org"})
    event = next(iter(localstripe_client.v1.events.list().auto_paging_iter()))
    WebhookEvent.objects.create(
        stripe_id=event.id, type=event.type, created=timezone.now(), payload=event.to_dict(for_json=True)
    )

    output, failure = _reconcile()

    assert f"event {event.id} (customer.created): arrived, not processed (Waiting to be processed)" in output
    assert failure


def test_an_account_whose_state_differs_from_stripe_is_reported(on_stripe_mock, supplier, owner):
    """stripe-mock's account cannot take charges yet and lacks a bank account (see test_stripe_servers)."""
    account = ConnectedAccount.objects.create(
        supplier=supplier, stripe_id="acct_leith", charges_enabled=True, payouts_enabled=False
    )
    output, failure = _reconcile()
    assert "account acct_leith (Leith Home Support): charges_enabled is True here, False at Stripe" in output
    assert "currently_due is [] here" in output
    assert failure

    from tests.stripe_servers import stripe_client

    remote = stripe_client(on_stripe_mock).v1.accounts.retrieve("acct_leith")
    account.charges_enabled = False
    account.payouts_enabled = bool(remote.payouts_enabled)
    account.currently_due = list(remote.requirements.currently_due)
    account.save()
    output, failure = _reconcile()
    assert "account acct_leith" not in output


def test_a_request_whose_key_was_stored_but_never_completed_is_reported(on_localstripe, supplier):
    reset_localstripe(on_localstripe)
    request = StripeRequest.objects.create(
        purpose="connect_account",
        content_type=ContentType.objects.get_for_model(supplier),
        object_id=supplier.pk,
        key="sds-connect_account-1-abc",
    )
    StripeRequest.objects.filter(pk=request.pk).update(created_at=timezone.now() - datetime.timedelta(minutes=30))

    output, failure = _reconcile()

    assert "request sds-connect_account-1-abc (connect_account): key stored, Stripe never answered" in output
    assert failure


def test_the_command_refuses_to_run_without_a_key_or_with_a_silly_window(db, settings, on_localstripe):
    with pytest.raises(CommandError, match="between 1 and 30"):
        call_command("reconcile_stripe", days=0)
    settings.STRIPE_SECRET_KEY = ""
    with pytest.raises(CommandError, match="STRIPE_SECRET_KEY is not set"):
        call_command("reconcile_stripe")


def test_retry_processes_an_event_that_was_kept_but_never_processed(on_localstripe, localstripe_client):
    reset_localstripe(on_localstripe)
    localstripe_client.v1.customers.create(params={"email": "someone@example.org"})
    event = next(iter(localstripe_client.v1.events.list().auto_paging_iter()))
    WebhookEvent.objects.create(
        stripe_id=event.id, type=event.type, created=timezone.now(), payload=event.to_dict(for_json=True)
    )

    out = io.StringIO()
    call_command("reconcile_stripe", retry=True, stdout=out)

    assert "Queued 1 event(s) again." in out.getvalue() and "No differences with Stripe" in out.getvalue()
    assert WebhookEvent.objects.get().outcome == "not_handled"
