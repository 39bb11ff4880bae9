"""Stripe's API for tests, from two real servers started once per test session on free loopback ports.

- localstripe (`scripts/localstripe_server.py`): stateful. Customers, payment methods from raw test cards,
  PaymentIntents (3-D Secure, declines), SetupIntents, refunds, and signed webhook events.
- stripe-mock (built by `scripts/stripe-mock.sh`): stateless. Answers every documented endpoint with fixture objects
  and rejects any request that does not validate against Stripe's OpenAPI description: Connect accounts and account
  links, destination charges, application fees.

Loaded by the root conftest as a plugin. A server that cannot start fails the tests that need it: they never skip.
What each server accepts and rejects is shown in tests/integration/test_stripe_servers.py.
"""

import contextlib
import json
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import stripe

REPO = Path(__file__).resolve().parent.parent
LOCALSTRIPE_LAUNCHER = REPO / "scripts" / "localstripe_server.py"
STRIPE_MOCK_SCRIPT = REPO / "scripts" / "stripe-mock.sh"
TEST_SECRET_KEY = "sk_test_marketplace"
# Test cards for the payments tests; localstripe charges any other 16-digit number it has no rule for.
VISA = "4242424242424242"
THREE_D_SECURE = "4000002760003184"
DECLINED_WHEN_CHARGED = "4000000000000341"
START_TIMEOUT_SECONDS = 60  # stripe-mock parses Stripe's whole OpenAPI description first (2-7 s here)
BUILD_TIMEOUT_SECONDS = 20 * 60  # a fresh machine may install Go, then fetch and compile stripe-mock


def free_loopback_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _answers(url):
    """True once anything answers HTTP at the URL (an error status counts: both servers answer 401 without a key)."""
    try:
        with urllib.request.urlopen(url, timeout=0.5):  # noqa: S310 (a local test server)
            return True
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False


@contextlib.contextmanager
def running_server(name, command, url, log_path):
    """Start a server, wait until it answers at `url`, stop it afterwards; its output goes to `log_path`."""
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    try:
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while not _answers(url):
            if process.poll() is not None or time.monotonic() > deadline:
                why = f"exited ({process.returncode})" if process.returncode is not None else "did not answer in time"
                output = Path(log_path).read_text(errors="replace")[-4000:]
                pytest.fail(f"{name} did not start at {url}: {why}. Its output:\n{output}", pytrace=False)
            time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def localstripe_url(tmp_path_factory):
    """The URL of a localstripe started empty for this test session (its log: localstripe.log in pytest's tmp dir)."""
    port = free_loopback_port()
    command = [sys.executable, str(LOCALSTRIPE_LAUNCHER), "--port", str(port)]
    log_path = tmp_path_factory.mktemp("localstripe") / "localstripe.log"
    with running_server("localstripe", command, f"http://127.0.0.1:{port}", log_path) as url:
        yield url


@pytest.fixture(scope="session")
def stripe_mock_binary():
    """stripe-mock's executable, built on first use (Go is installed with apt if missing)."""
    try:
        built = subprocess.run(  # noqa: S603
            [STRIPE_MOCK_SCRIPT], capture_output=True, text=True, timeout=BUILD_TIMEOUT_SECONDS
        )
    except subprocess.TimeoutExpired as timeout:
        pytest.fail(f"{STRIPE_MOCK_SCRIPT.name} did not finish in {BUILD_TIMEOUT_SECONDS} s: {timeout}", pytrace=False)
    if built.returncode != 0:
        pytest.fail(f"{STRIPE_MOCK_SCRIPT.name} failed:\n{built.stderr[-4000:]}", pytrace=False)
    return built.stdout.strip()


@pytest.fixture(scope="session")
def stripe_mock_url(stripe_mock_binary, tmp_path_factory):
    """The URL of a stripe-mock started for this test session, over HTTP on loopback."""
    port = free_loopback_port()
    # Unless given an HTTPS address too, stripe-mock also serves HTTPS on every interface (port 12112).
    command = [stripe_mock_binary, "-http-addr", f"127.0.0.1:{port}", "-https-addr", "127.0.0.1:0"]
    log_path = tmp_path_factory.mktemp("stripe-mock") / "stripe-mock.log"
    with running_server("stripe-mock", command, f"http://127.0.0.1:{port}", log_path) as url:
        yield url


def stripe_client(url, **options):
    """A StripeClient sending every request to the server at `url`, without retries (a test sees the first answer)."""
    return stripe.StripeClient(TEST_SECRET_KEY, base_addresses={"api": url}, max_network_retries=0, **options)


@pytest.fixture
def localstripe_client(localstripe_url):
    return stripe_client(localstripe_url)


@pytest.fixture
def stripe_mock_client(stripe_mock_url):
    return stripe_client(stripe_mock_url)


def localstripe_card(client, number=VISA):
    """A PaymentMethod made from a raw test card number (as localstripe's Stripe.js stand-in sends it)."""
    return client.v1.payment_methods.create(
        params={"type": "card", "card": {"number": number, "exp_month": 12, "exp_year": 2034, "cvc": "123"}}
    )


def localstripe_authenticate(client, payment_intent, *, success=True, client_secret=None):
    """Complete (or fail) a payment's 3-D Secure step as localstripe's Stripe.js stand-in does, through localstripe's
    own endpoint (not part of Stripe's API); returns the PaymentIntent as it then is."""
    response = client.raw_request(
        "post",
        f"/v1/payment_intents/{payment_intent.id}/_authenticate",
        client_secret=client_secret or payment_intent.client_secret,
        success="true" if success else "false",
    )
    return client.deserialize(response, api_mode="V1")


def _post_json(url, data, method="POST"):
    request = urllib.request.Request(  # noqa: S310 (a local test server)
        url, data=json.dumps(data).encode(), method=method, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
        return response.status


def register_localstripe_webhook(localstripe_url, target_url, secret, *, events=None, webhook_id="tests"):
    """Have localstripe POST each event (or only those of the `events` types) to `target_url`, signed with `secret`.

    localstripe keeps webhooks for the life of the server, and registering an id again replaces it.
    """
    data = {"url": target_url, "secret": secret}
    if events is not None:
        data["events"] = list(events)
    _post_json(f"{localstripe_url}/_config/webhooks/{webhook_id}", data)
    return webhook_id


@contextlib.contextmanager
def localstripe_webhook(localstripe_url, target_url, secret, *, events=None, webhook_id="tests"):
    """A webhook registered for the `with` block only (localstripe cannot delete one: it is left listening to no
    event type), so events of later tests are not sent to a receiver that has gone."""
    register_localstripe_webhook(localstripe_url, target_url, secret, events=events, webhook_id=webhook_id)
    try:
        yield webhook_id
    finally:
        register_localstripe_webhook(localstripe_url, target_url, secret, events=[], webhook_id=webhook_id)


def reset_localstripe(localstripe_url):
    """Empty localstripe's store (its registered webhooks stay)."""
    _post_json(f"{localstripe_url}/_config/data", {}, method="DELETE")


def webhook_secret():
    return f"whsec_{secrets.token_hex(16)}"


def stripe_event(event_type, data_object, *, account=None, created=None):
    """An event as Stripe sends it to a webhook, for what neither server emits (`account.updated`, disputes).

    `data_object` is the object as a dict: take it from stripe-mock (`obj.to_dict()`) so its shape is Stripe's own.
    `account` is the connected account's id, for Connect events.
    """
    event = {
        "id": f"evt_{secrets.token_hex(12)}",
        "object": "event",
        "api_version": stripe.api_version,
        "created": created or int(time.time()),
        "data": {"object": data_object},
        "livemode": False,
        "pending_webhooks": 1,
        "request": {"id": None, "idempotency_key": None},
        "type": event_type,
    }
    if account:
        event["account"] = account
    return event


def signed_webhook(event, secret, *, timestamp=None):
    """The body and `Stripe-Signature` header Stripe would send for `event`, signed by the stripe library's helper."""
    body = json.dumps(event)
    return body, stripe.WebhookSignature.generate_signature_header(body, secret, timestamp=timestamp)
