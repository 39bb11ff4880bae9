"""Paying an invoice by card: one PaymentIntent however often the form is sent (localstripe), a destination charge
to the supplier's account that Stripe's API description accepts (stripe-mock), and webhook events that mark the
invoice paid once, whatever their order or how often they come. Events are built from localstripe's own
PaymentIntent and signed with the stripe library's helper."""

import time

import pytest
from django.test import Client
from django.urls import reverse

from marketplace.payments.invoices import issuing
from marketplace.payments.invoices.models import Invoice, Payment
from marketplace.payments.models import ConnectedAccount, StripeRequest, WebhookEvent
from marketplace.payments.signals import payment_received
from tests.stripe_servers import THREE_D_SECURE, VISA, localstripe_authenticate, localstripe_card, stripe_event

from ..conftest import post_event
from .conftest import VISIT_PENCE, signed_in

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def invoice(booking):
    return issuing.issue_due()[0]


@pytest.fixture
def on_localstripe_without_connect(settings, on_localstripe):
    settings.STRIPE_DESTINATION_CHARGES = False  # localstripe knows nothing of Connect
    return on_localstripe


@pytest.fixture
def webhook(django_capture_on_commit_callbacks):
    client = Client(enforce_csrf_checks=True)

    def send(event, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return post_event(client, event, **kwargs)

    return send


@pytest.fixture
def announcements():
    heard = []

    def receiver(sender, **kwargs):
        kwargs.pop("signal")
        heard.append(kwargs)

    payment_received.connect(receiver)
    yield heard
    payment_received.disconnect(receiver)


def _start(client, invoice):
    return client.post(reverse("invoices:pay", args=[invoice.pk]), **JSON)


def _paid_by_card(localstripe_client, payment, number=VISA):
    """What Stripe.js does in the browser: confirm the PaymentIntent with the card (and 3-D Secure where asked).
    localstripe confirms only a PaymentIntent that already has its card, so the card is set first."""
    card = localstripe_card(localstripe_client, number)
    localstripe_client.v1.payment_intents.update(payment.stripe_id, params={"payment_method": card.id})
    intent = localstripe_client.v1.payment_intents.confirm(payment.stripe_id)
    if intent.status == "requires_action":
        intent = localstripe_authenticate(localstripe_client, intent, success=True)
    return intent


def test_sending_the_pay_form_twice_makes_one_payment_intent(
    person, invoice, on_localstripe_without_connect, localstripe_client
):
    client = signed_in(person)
    first, second = _start(client, invoice), _start(client, invoice)

    assert first.status_code == second.status_code == 200
    assert first.json()["client_secret"] == second.json()["client_secret"]
    assert Payment.objects.count() == 1
    assert StripeRequest.objects.filter(purpose="invoice_payment").count() == 1
    payment = Payment.objects.get()
    intent = localstripe_client.v1.payment_intents.retrieve(payment.stripe_id)
    assert (intent.amount, intent.currency, intent.metadata["invoice"]) == (2 * VISIT_PENCE, "gbp", str(invoice.pk))


def test_a_3d_secure_payment_marks_the_invoice_paid_once_whatever_the_webhook_does(
    person, invoice, on_localstripe_without_connect, localstripe_client, webhook, announcements
):
    _start(signed_in(person), invoice)
    payment = Payment.objects.get()
    intent = _paid_by_card(localstripe_client, payment, THREE_D_SECURE)
    assert intent.status == "succeeded"
    created = int(time.time())
    succeeded = stripe_event("payment_intent.succeeded", intent.to_dict(), created=created)

    assert webhook(succeeded).status_code == 200
    assert webhook(succeeded).status_code == 200  # the same event again
    again = stripe_event("payment_intent.succeeded", intent.to_dict(), created=created + 5)
    webhook(again)  # another event saying the same
    failed_earlier = stripe_event(
        "payment_intent.payment_failed",
        {**intent.to_dict(), "status": "requires_payment_method", "last_payment_error": {"code": "card_declined"}},
        created=created - 60,
    )
    webhook(failed_earlier)  # an older failure arriving late

    invoice.refresh_from_db()
    payment.refresh_from_db()
    assert invoice.status == Invoice.Status.PAID and invoice.paid_at is not None
    assert payment.status == Payment.Status.SUCCEEDED
    assert WebhookEvent.objects.count() == 3
    assert len(announcements) == 1
    assert announcements[0] | {"occurred_at": None} == {
        "person": person,
        "amount_pence": 2 * VISIT_PENCE,
        "occurred_at": None,
        "reference": invoice.reference,
        "supplier_name": invoice.supplier_name,
        "key": f"invoice-payment:{invoice.pk}",
    }
    page = signed_in(person).get(reverse("invoices:detail", args=[invoice.pk]))
    assert "Paid" in page.text
    assert signed_in(person).get(reverse("invoices:pay", args=[invoice.pk])).status_code == 409


def test_a_declined_card_leaves_the_invoice_unpaid_and_a_later_success_pays_it(
    person, invoice, on_localstripe_without_connect, localstripe_client, webhook
):
    _start(signed_in(person), invoice)
    payment = Payment.objects.get()
    intent = localstripe_client.v1.payment_intents.retrieve(payment.stripe_id).to_dict()
    failed = {**intent, "status": "requires_payment_method", "last_payment_error": {"code": "card_declined"}}
    webhook(stripe_event("payment_intent.payment_failed", failed, created=int(time.time()) - 30))
    payment.refresh_from_db()
    invoice.refresh_from_db()
    assert (payment.status, payment.failure_code, invoice.status) == ("failed", "card_declined", "issued")

    intent = _paid_by_card(localstripe_client, payment)
    webhook(stripe_event("payment_intent.succeeded", intent.to_dict()))
    invoice.refresh_from_db()
    assert invoice.status == Invoice.Status.PAID


def test_a_forged_payment_event_is_refused_and_changes_nothing(
    person, invoice, on_localstripe_without_connect, localstripe_client, webhook
):
    _start(signed_in(person), invoice)
    intent = localstripe_client.v1.payment_intents.retrieve(Payment.objects.get().stripe_id)

    response = webhook(stripe_event("payment_intent.succeeded", intent.to_dict()), secret="whsec_forged")

    assert response.status_code == 400
    invoice.refresh_from_db()
    assert invoice.status == Invoice.Status.ISSUED
    assert not WebhookEvent.objects.exists()


def test_a_destination_charge_to_the_suppliers_account_is_a_valid_stripe_request(
    person, invoice, settings, on_stripe_mock, stripe_mock_client
):
    settings.STRIPE_DESTINATION_CHARGES = True
    settings.PLATFORM_FEE_BASIS_POINTS = 150
    ConnectedAccount.objects.create(
        supplier=invoice.supplier, stripe_id="acct_leith", status="enabled", charges_enabled=True, payouts_enabled=True
    )

    response = _start(signed_in(person), invoice)

    assert response.status_code == 200, response.content  # stripe-mock refuses what Stripe's API would
    payment = Payment.objects.get()
    assert (payment.destination, payment.application_fee_pence) == ("acct_leith", 111)  # 1.5% of £74.00


def test_without_a_connected_account_ready_nothing_is_charged(person, invoice, settings, on_stripe_mock):
    settings.STRIPE_DESTINATION_CHARGES = True

    response = _start(signed_in(person), invoice)

    assert response.status_code == 409
    assert "cannot take card payments yet" in response.json()["error"]
    assert not Payment.objects.exists() and not StripeRequest.objects.exists()
    assert signed_in(person).get(reverse("invoices:pay", args=[invoice.pk])).status_code == 409


def test_a_helper_with_the_money_scope_pays_and_the_person_sees_it_in_their_log(
    money_helper, invoice, on_localstripe_without_connect
):
    from marketplace.acting.models import LogEntry

    response = _start(signed_in(money_helper, acting=money_helper.arrangement), invoice)

    assert response.status_code == 200
    assert Payment.objects.get().created_by == money_helper
    assert invoice.reference in LogEntry.objects.get(person=invoice.person).action


@pytest.mark.parametrize("who", ["stranger", "other_owner", "owner", "helper_without_money"])
def test_nobody_else_may_pay(who, request, invoice, helper, on_localstripe_without_connect):
    if who == "helper_without_money":
        client = signed_in(helper, acting=helper.arrangement)
    else:
        client = signed_in(request.getfixturevalue(who))
    assert client.get(reverse("invoices:pay", args=[invoice.pk])).status_code == 404
    assert _start(client, invoice).status_code == 404
    assert not Payment.objects.exists()


def test_the_pay_page_loads_stripe_js_from_the_setting_allows_only_its_origin_and_explains_without_javascript(
    person, invoice, settings, on_localstripe_without_connect
):
    settings.STRIPE_JS_URL = f"{on_localstripe_without_connect}/js.stripe.com/v3/"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_marketplace"

    response = signed_in(person).get(reverse("invoices:pay", args=[invoice.pk]))

    assert response.status_code == 200
    assert f'<script src="{settings.STRIPE_JS_URL}">' in response.text
    policy = response["Content-Security-Policy"]
    script_src = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert script_src.split()[1:] == ["'self'", on_localstripe_without_connect]
    assert "Paying by card needs JavaScript" in response.text
    assert reverse("invoices:pdf", args=[invoice.pk]) in response.text
    other_page = signed_in(person).get(reverse("invoices:detail", args=[invoice.pk]))
    assert on_localstripe_without_connect not in other_page["Content-Security-Policy"]


def test_a_pay_form_sent_without_javascript_creates_nothing(person, invoice, on_localstripe_without_connect):
    response = signed_in(person).post(reverse("invoices:pay", args=[invoice.pk]))
    assert response.status_code == 302
    assert not Payment.objects.exists() and not StripeRequest.objects.exists()


def test_a_credit_cancels_a_payment_left_half_way_and_the_next_payment_asks_the_new_amount(
    person, owner, invoice, on_localstripe_without_connect, localstripe_client
):
    from marketplace.payments.invoices.models import CreditNote

    _start(signed_in(person), invoice)  # the person opened the card form, then stopped at 3-D Secure
    first = Payment.objects.get()

    issuing.credit(invoice, owner, 1000, "The Monday visit was 30 minutes short")

    assert localstripe_client.v1.payment_intents.retrieve(first.stripe_id).status == "canceled"
    first.refresh_from_db()
    assert first.status == Payment.Status.FAILED
    assert CreditNote.objects.count() == 1
    assert _start(signed_in(person), invoice).status_code == 200
    second = Payment.objects.exclude(pk=first.pk).get()
    assert localstripe_client.v1.payment_intents.retrieve(second.stripe_id).amount == 2 * VISIT_PENCE - 1000


def test_no_credit_while_a_payment_has_gone_through_at_stripe_and_its_webhook_is_on_the_way(
    person, owner, invoice, on_localstripe_without_connect, localstripe_client
):
    from django.core.exceptions import ValidationError

    from marketplace.payments.invoices.models import CreditNote

    _start(signed_in(person), invoice)
    assert _paid_by_card(localstripe_client, Payment.objects.get()).status == "succeeded"

    with pytest.raises(ValidationError) as refused:
        issuing.credit(invoice, owner, 1000, "The Monday visit was 30 minutes short")
    assert refused.value.code == "paying"
    assert not CreditNote.objects.exists()
    invoice.refresh_from_db()
    assert invoice.status == Invoice.Status.ISSUED  # until the webhook says it is paid; then a refund is the way


def test_a_payment_that_goes_through_for_a_cancelled_invoice_still_reaches_the_budget(
    person, owner, invoice, announcements, django_capture_on_commit_callbacks
):
    from marketplace.payments.invoices.paying import mark_succeeded

    payment = Payment.objects.create(invoice=invoice, stripe_id="pi_late", amount_pence=2 * VISIT_PENCE)
    Invoice.objects.filter(pk=invoice.pk).update(status=Invoice.Status.CANCELLED)
    with django_capture_on_commit_callbacks(execute=True):
        mark_succeeded(payment.pk, invoice.issued_at)
    assert [heard["key"] for heard in announcements] == [f"invoice-payment:{invoice.pk}:pi_late"]
