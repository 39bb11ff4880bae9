"""Stripe's webhook: only genuine, fresh events are taken; each is kept once and processed in the background; an
event sent twice or an older one arriving late changes nothing. Events neither test server sends (`account.updated`)
are built from stripe-mock's account and signed with the stripe library's helper."""

import json
import time

import pytest
from django.test import Client

from marketplace.core.workflow import history
from marketplace.payments.models import ConnectedAccount, WebhookEvent
from tests.stripe_servers import signed_webhook, stripe_event, webhook_secret

from .conftest import account_event, post_event, signed_in

URL = "/payments/stripe/webhook/"


@pytest.fixture
def account(supplier, owner, on_stripe_mock):
    return ConnectedAccount.objects.create(supplier=supplier, stripe_id="acct_leith", created_by=owner)


@pytest.fixture
def webhook(db, django_capture_on_commit_callbacks):
    """A Stripe-like sender; what the site queues after commit runs at once (the test settings run tasks at once)."""
    client = Client(enforce_csrf_checks=True)

    def send(event, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return post_event(client, event, **kwargs)

    return send


def test_an_account_that_stripe_enables_can_take_payments(site_tree, webhook, account, owner, stripe_mock_client):
    event = account_event(
        stripe_mock_client, "acct_leith", created=int(time.time()), charges_enabled=True, payouts_enabled=True,
        details_submitted=True, currently_due=[],
    )  # fmt: skip

    response = webhook(event)

    assert response.status_code == 200
    account.refresh_from_db()
    assert (account.status, account.charges_enabled, account.currently_due) == ("enabled", True, [])
    change = history(account).get()
    assert (change.to_status, change.by, change.reason) == ("enabled", None, event["id"])  # Stripe said so
    kept = WebhookEvent.objects.get()
    assert (kept.stripe_id, kept.outcome, kept.account, kept.processed_at is not None) == (
        event["id"], "applied", "acct_leith", True,
    )  # fmt: skip
    assert "Ready to take payments" in signed_in(owner).get("/dashboard/").content.decode()


def test_the_dashboard_lists_what_stripe_needs_in_plain_words(site_tree, webhook, account, owner, stripe_mock_client):
    webhook(
        account_event(
            stripe_mock_client, "acct_leith", created=int(time.time()), details_submitted=True,
            currently_due=["individual.verification.document", "external_account", "tos_acceptance.date"],
        )
    )  # fmt: skip

    page = signed_in(owner).get("/dashboard/").content.decode()
    assert "Stripe needs more information" in page
    for words in ("Proof of identity", "A bank account for payouts", "Accepting Stripe’s terms of service"):
        assert words in page
    assert "individual.verification.document" not in page


def test_the_same_event_twice_is_kept_and_applied_once(webhook, account, stripe_mock_client):
    event = account_event(
        stripe_mock_client, "acct_leith", created=int(time.time()), charges_enabled=True, payouts_enabled=True,
        details_submitted=True,
    )  # fmt: skip

    assert webhook(event).status_code == 200
    assert webhook(event).status_code == 200

    assert WebhookEvent.objects.count() == 1
    assert history(account).count() == 1
    assert WebhookEvent.objects.get().attempts == 1


def test_an_older_event_arriving_late_does_not_undo_a_newer_one(webhook, account, stripe_mock_client):
    now = int(time.time())
    older = account_event(stripe_mock_client, "acct_leith", created=now - 120, charges_enabled=False)
    newer = account_event(
        stripe_mock_client, "acct_leith", created=now - 60, charges_enabled=True, payouts_enabled=True,
        details_submitted=True, currently_due=[],
    )  # fmt: skip

    webhook(newer)
    webhook(older)

    account.refresh_from_db()
    assert (account.status, account.charges_enabled) == ("enabled", True)
    assert WebhookEvent.objects.get(stripe_id=older["id"]).outcome == "older"
    assert [change.to_status for change in history(account)] == ["enabled"]


def test_an_event_about_an_account_we_do_not_know_changes_nothing(webhook, account, stripe_mock_client):
    assert webhook(account_event(stripe_mock_client, "acct_someone_else", created=int(time.time()))).status_code == 200
    assert WebhookEvent.objects.get().outcome == "unknown_object"
    account.refresh_from_db()
    assert account.state_as_of is None


def test_a_disconnected_account_stays_disconnected(webhook, account, stripe_mock_client):
    now = int(time.time())
    webhook(stripe_event("account.application.deauthorized", {"id": "ca_app", "object": "application"},
                         account="acct_leith", created=now - 30))  # fmt: skip
    webhook(account_event(stripe_mock_client, "acct_leith", created=now, charges_enabled=True, payouts_enabled=True))

    account.refresh_from_db()
    assert (account.status, account.charges_enabled) == ("disconnected", False)


def test_event_types_the_site_does_not_use_are_kept_and_marked(webhook):
    webhook(stripe_event("customer.created", {"id": "cus_1", "object": "customer"}))
    assert WebhookEvent.objects.get().outcome == "not_handled"


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda event: {"secret": webhook_secret()}, id="another-secret"),
        pytest.param(lambda event: {"timestamp": int(time.time()) - 301}, id="stale"),
        pytest.param(lambda event: {"timestamp": int(time.time()) + 120}, id="in-the-future"),
    ],
)
def test_forged_stale_or_future_events_are_refused(webhook, account, tamper):
    event = stripe_event("account.updated", {"id": "acct_leith", "object": "account", "charges_enabled": True})

    assert webhook(event, **tamper(event)).status_code == 400

    assert not WebhookEvent.objects.exists()


def test_a_changed_body_is_refused(settings, account):
    event = stripe_event("account.updated", {"id": "acct_leith", "object": "account", "charges_enabled": False})
    body, signature = signed_webhook(event, settings.STRIPE_WEBHOOK_SECRET)
    forged = body.replace('"charges_enabled": false', '"charges_enabled": true')

    response = Client().post(URL, forged, content_type="application/json", HTTP_STRIPE_SIGNATURE=signature)

    assert response.status_code == 400 and not WebhookEvent.objects.exists()


@pytest.mark.parametrize(
    ("body", "signature"),
    [
        ("", ""),
        ("not json", "t=1,v1=00"),
        (json.dumps({"id": "evt_1"}), ""),
        ("{}", "garbage"),
        ("\udcff", "t=abc,v1=zz"),
    ],
)
def test_garbage_is_refused_with_400(db, body, signature):
    response = Client().post(URL, body.encode(errors="surrogateescape"), content_type="application/json",
                             HTTP_STRIPE_SIGNATURE=signature)  # fmt: skip
    assert response.status_code == 400


@pytest.mark.parametrize(
    "event",
    [
        {"id": "evt_1", "type": "account.updated", "created": "yesterday", "data": {"object": {}}},
        {"id": "evt_1", "type": "account.updated", "created": 1, "data": {"object": "acct_1"}},
        {"id": "", "type": "account.updated", "created": 1, "data": {"object": {}}},
        ["a", "list"],
    ],
)
def test_a_signed_body_that_is_not_an_event_is_refused(webhook, event):
    assert webhook(event).status_code == 400
    assert not WebhookEvent.objects.exists()


def test_only_post_is_answered(db):
    assert Client().get(URL).status_code == 405


def test_without_a_webhook_secret_nothing_is_taken(settings, webhook):
    event = stripe_event("customer.created", {"id": "cus_1", "object": "customer"})
    body, signature = signed_webhook(event, settings.STRIPE_WEBHOOK_SECRET)
    settings.STRIPE_WEBHOOK_SECRET = ""

    response = Client().post(URL, body, content_type="application/json", HTTP_STRIPE_SIGNATURE=signature)

    assert response.status_code == 400 and not WebhookEvent.objects.exists()


def test_a_form_post_is_refused_with_400(db):
    response = Client().post(URL, {"id": "evt_1", "type": "account.updated", "file": ("x" * 10)})
    assert response.status_code == 400


def test_stored_bodies_are_emptied_after_a_month_and_a_replay_is_still_recognised(webhook, account, stripe_mock_client):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    event = account_event(stripe_mock_client, "acct_leith", created=int(time.time()), charges_enabled=True)
    webhook(event)
    recent = account_event(stripe_mock_client, "acct_leith", created=int(time.time()) + 1, charges_enabled=True)
    webhook(recent)
    first = WebhookEvent.objects.get(stripe_id=event["id"])
    WebhookEvent.objects.filter(pk=first.pk).update(processed_at=timezone.now() - datetime.timedelta(days=31))

    call_command("forget_webhook_payloads")

    first.refresh_from_db()
    assert first.payload == {} and first.type == "account.updated"
    assert WebhookEvent.objects.get(stripe_id=recent["id"]).payload != {}  # a recent one is kept whole
    assert webhook(event).status_code == 200  # the same event again, signed afresh
    assert WebhookEvent.objects.filter(stripe_id=event["id"]).get().attempts == 1
