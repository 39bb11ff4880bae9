"""What the two Stripe test servers do with the stripe library's own calls (stripe 16), so the payments code is tested
against behaviour shown here: localstripe where state matters (a payment that succeeds, 3-D Secure, declines, saved
cards, refunds, signed webhooks), stripe-mock where Stripe's API description decides (Connect, destination charges,
application fees), and events built and signed with the library's helper for what neither server sends.
"""

import hashlib
import hmac
import queue
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import stripe

from tests.stripe_servers import (
    DECLINED_WHEN_CHARGED,
    THREE_D_SECURE,
    VISA,
    localstripe_authenticate,
    localstripe_card,
    localstripe_webhook,
    signed_webhook,
    stripe_event,
    webhook_secret,
)


@pytest.fixture
def customer(localstripe_client):
    return localstripe_client.v1.customers.create(params={"email": "budget.holder@example.com", "name": "Ada Budget"})


def test_localstripe_charges_a_card_through_a_payment_intent(localstripe_client, customer):
    method = localstripe_card(localstripe_client, VISA)
    localstripe_client.v1.payment_methods.attach(method.id, params={"customer": customer.id})

    intent = localstripe_client.v1.payment_intents.create(
        params={"amount": 2500, "currency": "gbp", "customer": customer.id, "payment_method": method.id,
                "metadata": {"invoice": "INV-0001"}},
        options={"idempotency_key": "pay-INV-0001"},
    )  # fmt: skip
    assert intent.status == "requires_confirmation"
    intent = localstripe_client.v1.payment_intents.confirm(intent.id)

    assert intent.status == "succeeded"
    stored = localstripe_client.v1.payment_intents.retrieve(intent.id)
    assert stored.status == "succeeded"
    assert stored.metadata.to_dict() == {"invoice": "INV-0001"}
    # Unlike Stripe, localstripe returns the charge expanded (Stripe sends its id unless asked to expand it).
    assert (stored.latest_charge.amount, stored.latest_charge.paid, stored.latest_charge.customer) == (
        2500,
        True,
        customer.id,
    )
    assert method.card.last4 == "4242"


def test_localstripe_holds_a_3d_secure_payment_until_the_card_holder_authenticates(localstripe_client):
    method = localstripe_card(localstripe_client, THREE_D_SECURE)
    intent = localstripe_client.v1.payment_intents.create(
        params={"amount": 1800, "currency": "gbp", "payment_method": method.id, "confirm": True}
    )

    assert intent.status == "requires_action"
    assert intent.next_action.type == "use_stripe_sdk"
    assert localstripe_client.v1.payment_intents.retrieve(intent.id).status == "requires_action"
    with pytest.raises(stripe.AuthenticationError):
        localstripe_authenticate(localstripe_client, intent, success=True, client_secret=f"{intent.id}_secret_wrong")

    assert localstripe_authenticate(localstripe_client, intent, success=True).status == "succeeded"
    assert localstripe_client.v1.payment_intents.retrieve(intent.id).latest_charge.amount == 1800


def test_localstripe_failed_3d_secure_asks_for_another_card(localstripe_client):
    method = localstripe_card(localstripe_client, THREE_D_SECURE)
    intent = localstripe_client.v1.payment_intents.create(
        params={"amount": 1800, "currency": "gbp", "payment_method": method.id, "confirm": True}
    )

    intent = localstripe_authenticate(localstripe_client, intent, success=False)

    assert intent.status == "requires_payment_method"
    assert intent.last_payment_error.code == "payment_intent_authentication_failure"


def test_localstripe_declines_card_0341_when_charged(localstripe_client, customer):
    method = localstripe_card(localstripe_client, DECLINED_WHEN_CHARGED)
    localstripe_client.v1.payment_methods.attach(method.id, params={"customer": customer.id})  # attaching succeeds
    intent = localstripe_client.v1.payment_intents.create(
        params={"amount": 900, "currency": "gbp", "customer": customer.id, "payment_method": method.id}
    )

    with pytest.raises(stripe.CardError) as declined:
        localstripe_client.v1.payment_intents.confirm(intent.id)

    assert (declined.value.http_status, declined.value.code) == (402, "card_declined")
    stored = localstripe_client.v1.payment_intents.retrieve(intent.id)
    assert stored.status == "requires_payment_method"
    assert stored.last_payment_error.code == "card_declined"


def test_localstripe_saves_a_card_with_a_setup_intent_for_later_payments(localstripe_client, customer):
    method = localstripe_card(localstripe_client, VISA)
    setup = localstripe_client.v1.setup_intents.create(params={"customer": customer.id, "usage": "off_session"})
    assert setup.status == "requires_payment_method"

    setup = localstripe_client.v1.setup_intents.confirm(setup.id, params={"payment_method": method.id})

    assert (setup.status, setup.payment_method) == ("succeeded", method.id)
    # Stripe attaches the card to the customer here; localstripe does not, so the code attaches it itself.
    assert localstripe_client.v1.payment_methods.retrieve(method.id).customer is None
    localstripe_client.v1.payment_methods.attach(method.id, params={"customer": customer.id})
    saved = localstripe_client.v1.payment_methods.list(params={"customer": customer.id, "type": "card"})
    assert [saved_card.id for saved_card in saved.data] == [method.id]
    later = localstripe_client.v1.payment_intents.create(
        params={"amount": 1200, "currency": "gbp", "customer": customer.id, "payment_method": method.id,
                "confirm": True, "off_session": True}
    )  # fmt: skip
    assert later.status == "succeeded"


def test_localstripe_setup_intent_with_a_3d_secure_card_completes_when_confirmed_again(localstripe_client, customer):
    setup = localstripe_client.v1.setup_intents.create(params={"customer": customer.id})
    setup = localstripe_client.v1.setup_intents.confirm(
        setup.id, params={"payment_method": localstripe_card(localstripe_client, THREE_D_SECURE).id}
    )
    assert setup.status == "requires_action"

    assert localstripe_client.v1.setup_intents.confirm(setup.id).status == "succeeded"


def test_localstripe_refunds_part_of_a_payment(localstripe_client):
    method = localstripe_card(localstripe_client, VISA)
    intent = localstripe_client.v1.payment_intents.create(
        params={"amount": 2500, "currency": "gbp", "payment_method": method.id, "confirm": True}
    )

    refund = localstripe_client.v1.refunds.create(
        params={"payment_intent": intent.id, "amount": 700, "metadata": {"reason": "visit cut short"}}
    )

    assert (refund.status, refund.amount, refund.payment_intent) == ("succeeded", 700, intent.id)
    charge = localstripe_client.v1.payment_intents.retrieve(intent.id).latest_charge
    assert (charge.amount_refunded, charge.refunded) == (700, False)
    listed = localstripe_client.v1.refunds.list(params={"payment_intent": intent.id})
    assert [listed_refund.id for listed_refund in listed.data] == [refund.id]


def test_localstripe_limits_the_payments_code_must_not_rely_on(localstripe_client, customer):
    client = localstripe_client
    method = localstripe_card(client, VISA)
    for unsupported in (
        {"transfer_data": {"destination": "acct_1"}},
        {"application_fee_amount": 100},
        {"on_behalf_of": "acct_1"},
        {"description": "Invoice INV-0001"},
        {"setup_future_usage": "off_session"},
        {"automatic_payment_methods": {"enabled": True}},
    ):
        with pytest.raises(stripe.InvalidRequestError) as refused:
            client.v1.payment_intents.create(params={"amount": 100, "currency": "gbp", **unsupported})
        assert refused.value.http_status == 400
        assert str(refused.value) == f"Unexpected {', '.join(unsupported)}"

    intent = client.v1.payment_intents.create(
        params={"amount": 1000, "currency": "gbp", "payment_method": method.id, "confirm": True}
    )
    with pytest.raises(stripe.InvalidRequestError, match="Unexpected reason"):
        client.v1.refunds.create(params={"payment_intent": intent.id, "amount": 100, "reason": "requested_by_customer"})
    # Stripe refuses refunds beyond the amount paid; localstripe takes them.
    client.v1.refunds.create(params={"payment_intent": intent.id, "amount": 800})
    client.v1.refunds.create(params={"payment_intent": intent.id, "amount": 800})
    assert client.v1.charges.retrieve(intent.latest_charge.id).amount_refunded == 1600

    # The Idempotency-Key header is ignored: the same key twice makes two customers.
    first = client.v1.customers.create(params={"email": "a@example.com"}, options={"idempotency_key": "same-key"})
    second = client.v1.customers.create(params={"email": "a@example.com"}, options={"idempotency_key": "same-key"})
    assert first.id != second.id

    for missing in (
        lambda: client.v1.accounts.create(params={"type": "express"}),
        lambda: client.v1.account_links.create(
            params={"account": "acct_1", "type": "account_onboarding", "return_url": "http://127.0.0.1/r"}
        ),
        lambda: client.v1.customers.payment_methods.list(customer.id),
        lambda: client.v1.disputes.list(),
    ):
        with pytest.raises(stripe.APIError) as not_found:
            missing()
        assert not_found.value.http_status == 404


class _WebhookReceiver(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 (the standard library's name)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.deliveries.put((body, self.headers.get("Stripe-Signature")))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def webhook_receiver():
    """An HTTP endpoint on loopback that keeps every POST it receives (body and Stripe-Signature header)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _WebhookReceiver)
    server.deliveries = queue.Queue()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def wait_for_event(client, receiver, secret, event_type, object_id, timeout=15):
    """The first delivered event of that type about that object, verified; events of earlier tests may arrive too."""
    deadline = time.monotonic() + timeout
    while (remaining := deadline - time.monotonic()) > 0:
        try:
            body, signature = receiver.deliveries.get(timeout=remaining)
        except queue.Empty:
            break
        event = client.construct_event(body, signature, secret)
        if event.type == event_type and event.data.object.id == object_id:
            return event, body, signature
    pytest.fail(f"localstripe sent no {event_type} for {object_id} within {timeout} s")


def test_localstripe_sends_signed_webhooks_that_the_library_verifies(
    localstripe_url, localstripe_client, webhook_receiver
):
    secret = webhook_secret()
    target = f"http://127.0.0.1:{webhook_receiver.server_port}/payments/stripe/webhook/"
    with localstripe_webhook(localstripe_url, target, secret, events=["payment_intent.succeeded"]):
        method = localstripe_card(localstripe_client, VISA)
        intent = localstripe_client.v1.payment_intents.create(
            params={"amount": 3100, "currency": "gbp", "payment_method": method.id, "confirm": True}
        )

        event, body, signature = wait_for_event(
            localstripe_client, webhook_receiver, secret, "payment_intent.succeeded", intent.id
        )

    assert event.data.object.amount == 3100
    assert event.data.object.status == "succeeded"
    with pytest.raises(stripe.SignatureVerificationError):
        stripe.Webhook.construct_event(body, signature, webhook_secret())
    # The reconciliation command can list the same events from the API.
    listed = localstripe_client.v1.events.list(params={"type": "payment_intent.succeeded", "created": {"gte": 0}})
    assert event.id in [listed_event.id for listed_event in listed.auto_paging_iter()]


def test_stripe_mock_onboards_an_express_connected_account(stripe_mock_client):
    account = stripe_mock_client.v1.accounts.create(
        params={"type": "express", "country": "GB", "email": "supplier@example.com", "business_type": "individual",
                "capabilities": {"card_payments": {"requested": True}, "transfers": {"requested": True}},
                "metadata": {"supplier": "42"}},
        options={"idempotency_key": "connect-supplier-42"},
    )  # fmt: skip

    assert account.id.startswith("acct_")
    assert (account.type, account.country, account.email) == ("express", "GB", "supplier@example.com")
    # The dashboard's "what Stripe still needs" comes from these fields.
    assert account.charges_enabled is False
    assert "external_account" in account.requirements.currently_due

    link = stripe_mock_client.v1.account_links.create(
        params={"account": account.id, "type": "account_onboarding",
                "refresh_url": "http://127.0.0.1:8000/dashboard/payments/connect/refresh/",
                "return_url": "http://127.0.0.1:8000/dashboard/payments/connect/return/"}
    )  # fmt: skip
    assert link.object == "account_link"
    assert link.url.startswith("https://")
    assert stripe_mock_client.v1.accounts.retrieve(account.id).id == account.id


def test_stripe_mock_takes_a_destination_charge_with_an_application_fee(stripe_mock_client):
    intent = stripe_mock_client.v1.payment_intents.create(
        params={"amount": 4200, "currency": "gbp", "customer": "cus_budgetholder", "payment_method": "pm_saved",
                "payment_method_types": ["card"], "transfer_data": {"destination": "acct_supplier"},
                "application_fee_amount": 150, "on_behalf_of": "acct_supplier", "setup_future_usage": "off_session",
                "description": "Invoice INV-0042", "metadata": {"invoice": "INV-0042"}},
        options={"idempotency_key": "pay-INV-0042"},
    )  # fmt: skip

    assert intent.id.startswith("pi_")
    assert (intent.amount, intent.currency, intent.application_fee_amount) == (4200, "gbp", 150)
    assert intent.last_response.headers["Idempotency-Key"] == "pay-INV-0042"
    refund = stripe_mock_client.v1.refunds.create(
        params={"payment_intent": intent.id, "amount": 1000, "reason": "requested_by_customer",
                "reverse_transfer": True, "refund_application_fee": True}
    )  # fmt: skip
    assert refund.amount == 1000


@pytest.mark.parametrize(
    ("create", "complaint"),
    [
        (
            lambda c: c.v1.payment_intents.create(params={"amount": 100, "currency": "gbp", "colour": "blue"}),
            "additional properties are not allowed",
        ),
        (lambda c: c.v1.payment_intents.create(params={"currency": "gbp"}), "'amount' is required"),
        (
            lambda c: c.v1.accounts.create(params={"type": "express", "capabilities": {"transfers": True}}),
            "'capabilities' validation failed",
        ),
        (
            lambda c: c.v1.account_links.create(params={"account": "acct_1", "type": "onboarding"}),
            "'type' validation failed",
        ),
        (
            lambda c: c.v1.refunds.create(params={"payment_intent": "pi_1", "reason": "visit cut short"}),
            "'reason' validation failed",
        ),
    ],
    ids=["unknown-parameter", "missing-amount", "malformed-capabilities", "unknown-link-type", "unknown-reason"],
)
def test_stripe_mock_refuses_requests_that_stripe_would_refuse(stripe_mock_client, create, complaint):
    with pytest.raises(stripe.InvalidRequestError) as refused:
        create(stripe_mock_client)

    assert refused.value.http_status == 400
    assert complaint in str(refused.value)


def test_a_signed_account_updated_event_is_accepted(stripe_mock_client):
    account = stripe_mock_client.v1.accounts.retrieve("acct_supplier").to_dict(for_json=True)
    account.update(charges_enabled=True, payouts_enabled=True, details_submitted=True)
    secret = webhook_secret()
    body, signature = signed_webhook(stripe_event("account.updated", account, account="acct_supplier"), secret)

    event = stripe.Webhook.construct_event(body, signature, secret)

    assert (event.type, event.account) == ("account.updated", "acct_supplier")
    assert event.data.object.id == "acct_supplier"
    assert event.data.object.charges_enabled is True


def test_a_signed_dispute_event_is_accepted(stripe_mock_client):
    dispute = stripe_mock_client.v1.disputes.retrieve("dp_visit").to_dict(for_json=True)
    secret = webhook_secret()
    body, signature = signed_webhook(stripe_event("charge.dispute.created", dispute), secret)

    event = stripe.Webhook.construct_event(body, signature, secret)

    assert event.type == "charge.dispute.created"
    assert (event.data.object.id, event.data.object.object) == ("dp_visit", "dispute")
    assert event.data.object.reason and event.data.object.amount > 0


def test_the_signature_helper_follows_stripes_scheme():
    secret = webhook_secret()
    timestamp = int(time.time())

    body, signature = signed_webhook(stripe_event("account.updated", {"id": "acct_1"}), secret, timestamp=timestamp)

    expected = hmac.new(secret.encode(), f"{timestamp}.{body}".encode(), hashlib.sha256).hexdigest()
    assert signature == f"t={timestamp},v1={expected}"


def test_forged_or_stale_events_are_refused():
    secret = webhook_secret()
    event = stripe_event("account.updated", {"id": "acct_supplier", "object": "account", "charges_enabled": True})
    body, signature = signed_webhook(event, secret)
    now = int(time.time())

    forged_body = body.replace('"charges_enabled": true', '"charges_enabled": false')
    _, other_secrets_signature = signed_webhook(event, webhook_secret())
    _, stale_signature = signed_webhook(event, secret, timestamp=now - 301)
    _, nearly_stale_signature = signed_webhook(event, secret, timestamp=now - 290)

    for payload, header in ((forged_body, signature), (body, other_secrets_signature), (body, stale_signature)):
        with pytest.raises(stripe.SignatureVerificationError):
            stripe.Webhook.construct_event(payload, header, secret, tolerance=300)
    assert stripe.Webhook.construct_event(body, nearly_stale_signature, secret, tolerance=300).id == event["id"]
