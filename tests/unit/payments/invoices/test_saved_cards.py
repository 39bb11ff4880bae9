"""Keeping a card for next time, on localstripe: one Customer per person, a SetupIntent per page, the card kept
only when Stripe says its SetupIntent succeeded for this person's Customer, removed (detached at Stripe), paying an
invoice with it, and webhook events that leave the list as Stripe has it whatever their order or number. Events are
built from localstripe's own objects and signed with the stripe library's helper (localstripe sends none for these)."""

import time

import pytest
import stripe
from django.test import Client
from django.urls import reverse

from marketplace.payments.cards import saving
from marketplace.payments.cards.models import SavedCard, StripeCustomer
from marketplace.payments.invoices import issuing
from marketplace.payments.invoices.models import Payment
from marketplace.payments.models import StripeRequest
from tests.stripe_servers import (
    DECLINED_WHEN_CHARGED,
    THREE_D_SECURE,
    VISA,
    localstripe_authenticate,
    localstripe_card,
    stripe_event,
)

from ..conftest import post_event
from .conftest import VISIT_PENCE, signed_in

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}
ATTEMPT = "page-token-0123456789"
DECLINED_WHEN_SAVED = "4000000000000002"


@pytest.fixture
def stripe_site(settings, on_localstripe):
    settings.STRIPE_DESTINATION_CHARGES = False  # localstripe knows nothing of Connect
    return on_localstripe


@pytest.fixture
def webhook(django_capture_on_commit_callbacks):
    client = Client(enforce_csrf_checks=True)

    def send(event):
        with django_capture_on_commit_callbacks(execute=True):
            return post_event(client, event)

    return send


def _setup(client, attempt=ATTEMPT):
    return client.post(reverse("invoices:cards"), {"attempt": attempt}, **JSON)


def _confirmed_setup(client, localstripe_client, number=VISA):
    """What the page's script and Stripe.js do: the site makes the SetupIntent, the browser confirms it with the
    card. Returns the SetupIntent as Stripe then has it."""
    secret = _setup(client).json()["client_secret"]
    setup_id = secret.split("_secret_")[0]
    card = localstripe_card(localstripe_client, number)
    return localstripe_client.v1.setup_intents.confirm(setup_id, params={"payment_method": card.id})


def _keep(client, setup_intent_id):
    return client.post(reverse("invoices:card_saved"), {"setup_intent": setup_intent_id}, **JSON)


@pytest.fixture
def saved(person, stripe_site, localstripe_client):
    client = signed_in(person)
    intent = _confirmed_setup(client, localstripe_client)
    assert _keep(client, intent.id).status_code == 200
    card = SavedCard.objects.get()
    card.setup_intent_id = intent.id  # for tests that send it again
    return card


def test_saving_a_card_keeps_brand_last_four_and_expiry_and_one_customer(person, stripe_site, localstripe_client):
    client = signed_in(person)
    first, second = _setup(client), _setup(client)
    assert first.status_code == second.status_code == 200
    assert first.json()["client_secret"] == second.json()["client_secret"]  # the same page sent twice
    assert _setup(client, "another-page-token-0123").json()["client_secret"] != first.json()["client_secret"]
    assert StripeCustomer.objects.count() == 1
    assert StripeRequest.objects.filter(purpose="customer").count() == 1

    setup_id = first.json()["client_secret"].split("_secret_")[0]
    card = localstripe_card(localstripe_client, VISA)
    localstripe_client.v1.setup_intents.confirm(setup_id, params={"payment_method": card.id})
    response = _keep(client, setup_id)
    assert response.status_code == 200 and response.json()["next"] == reverse("invoices:cards")
    assert _keep(client, setup_id).status_code == 200  # sent twice: one card

    card_row = SavedCard.objects.get()
    assert (card_row.person, card_row.brand, card_row.last4, card_row.exp_month, card_row.exp_year) == (
        person,
        "visa",
        "4242",
        12,
        2034,
    )
    customer = StripeCustomer.objects.get(person=person)
    assert localstripe_client.v1.payment_methods.retrieve(card.id).customer == customer.stripe_id
    page = client.get(reverse("invoices:cards"))
    assert "Visa ending 4242" in page.text and "12/2034" in page.text
    assert VISA not in page.text


def test_the_saved_cards_page_loads_its_script_from_static_files_only(person, stripe_site, settings):
    page = signed_in(person).get(reverse("invoices:cards"))
    assert page.status_code == 200
    assert "<script>" not in page.text and "js/cards.js" in page.text
    assert settings.STRIPE_JS_URL in page.text


def test_a_card_whose_bank_refuses_or_whose_3d_secure_is_not_done_is_not_kept(person, stripe_site, localstripe_client):
    client = signed_in(person)
    with pytest.raises(stripe.CardError):
        _confirmed_setup(client, localstripe_client, DECLINED_WHEN_SAVED)
    pending = _confirmed_setup(signed_in(person), localstripe_client, THREE_D_SECURE)
    assert pending.status == "requires_action"
    response = _keep(client, pending.id)
    assert response.status_code == 400 and "not saved" in response.json()["error"]
    assert not SavedCard.objects.exists()


def test_nobody_keeps_a_card_with_another_persons_setup_intent(person, stranger, stripe_site, localstripe_client):
    intent = _confirmed_setup(signed_in(person), localstripe_client)
    thief = signed_in(stranger)
    assert _keep(thief, intent.id).status_code == 400  # no Customer of their own
    _setup(thief)  # now they have one, but it is not this SetupIntent's
    assert _keep(thief, intent.id).status_code == 400
    assert not SavedCard.objects.exists()


@pytest.mark.parametrize("value", ["", "seti_", "pm_123", "seti_../../x", "seti_" + "a" * 300])
def test_bad_input_is_refused_and_saves_nothing(person, stripe_site, value):
    client = signed_in(person)
    assert _keep(client, value).status_code == 400
    assert _setup(client, attempt=value).status_code == 400
    assert not SavedCard.objects.exists() and not StripeRequest.objects.exists()


def test_another_user_cannot_see_or_remove_a_card(saved, stranger, helper, localstripe_client):
    remove = reverse("invoices:card_remove", args=[saved.pk])
    for user in (stranger, helper):  # helper: acts for the person, but without the money scope
        client = signed_in(user, getattr(user, "arrangement", None))
        assert client.get(remove).status_code == 404
        assert client.post(remove).status_code == 404
        assert "4242" not in client.get(reverse("invoices:cards")).text
    saved.refresh_from_db()
    assert saved.removed_at is None


def test_a_helper_with_the_money_scope_sees_and_removes_the_persons_card(
    saved, person, money_helper, localstripe_client
):
    client = signed_in(money_helper, money_helper.arrangement)
    assert "Visa ending 4242" in client.get(reverse("invoices:cards")).text
    remove = reverse("invoices:card_remove", args=[saved.pk])
    assert client.get(remove).status_code == 200
    assert client.post(remove).status_code == 302
    saved.refresh_from_db()
    assert saved.removed_at is not None and saved.removed_by == money_helper
    assert localstripe_client.v1.payment_methods.retrieve(saved.stripe_id).customer is None
    assert client.post(remove).status_code == 404  # removed once
    assert _keep(signed_in(person), saved.setup_intent_id).status_code == 400  # its old SetupIntent sent again
    saved.refresh_from_db()
    assert saved.removed_at is not None
    assert "4242" not in signed_in(person).get(reverse("invoices:cards")).text


def test_the_list_page_asks_the_database_a_fixed_number_of_times(
    person, stripe_site, localstripe_client, django_assert_max_num_queries
):
    client = signed_in(person)
    for _card in range(3):
        intent = _confirmed_setup(client, localstripe_client)
        _keep(client, intent.id)
    assert SavedCard.objects.count() == 3
    with django_assert_max_num_queries(13):
        client.get(reverse("invoices:cards"))


def test_setup_intent_event_keeps_the_card_once_even_without_the_page(person, stripe_site, localstripe_client, webhook):
    intent = _confirmed_setup(signed_in(person), localstripe_client)  # the browser closed before telling the site
    event = stripe_event("setup_intent.succeeded", intent.to_dict())
    assert webhook(event).status_code == 200
    assert webhook(event).status_code == 200
    webhook(stripe_event("setup_intent.succeeded", intent.to_dict()))  # another event saying the same
    assert SavedCard.objects.active().filter(person=person).count() == 1


def test_late_or_repeated_card_events_leave_the_list_as_stripe_has_it(saved, localstripe_client, webhook):
    attached = localstripe_client.v1.payment_methods.retrieve(saved.stripe_id).to_dict()
    now = int(time.time())
    detached = localstripe_client.v1.payment_methods.detach(saved.stripe_id).to_dict()  # removed at Stripe itself
    webhook(stripe_event("payment_method.detached", detached, created=now))
    saved.refresh_from_db()
    assert saved.removed_at is not None
    webhook(stripe_event("payment_method.attached", attached, created=now - 60))  # older, arriving late
    webhook(stripe_event("payment_method.detached", detached, created=now))  # again
    saved.refresh_from_db()
    assert saved.removed_at is not None
    assert not SavedCard.objects.active().exists()


def test_paying_an_invoice_with_a_saved_card(saved, person, booking, localstripe_client):
    invoice = issuing.issue_due()[0]
    client = signed_in(person)
    page = client.get(reverse("invoices:pay", args=[invoice.pk]))
    assert "Visa ending 4242" in page.text and 'name="card"' in page.text
    response = client.post(reverse("invoices:pay", args=[invoice.pk]), {"card": saved.pk}, **JSON)
    assert response.status_code == 200, response.content
    assert response.json()["payment_method"] == saved.stripe_id
    payment = Payment.objects.get()
    intent = localstripe_client.v1.payment_intents.retrieve(payment.stripe_id)
    customer = StripeCustomer.objects.get(person=person).stripe_id
    assert (intent.customer, intent.payment_method, intent.amount) == (customer, saved.stripe_id, 2 * VISIT_PENCE)
    assert localstripe_client.v1.payment_intents.confirm(payment.stripe_id).status == "succeeded"  # as Stripe.js does


def test_a_saved_card_asking_for_3d_secure_is_confirmed_in_the_browser(
    person, booking, stripe_site, localstripe_client
):
    client = signed_in(person)
    _keep(client, _confirmed_setup(client, localstripe_client, THREE_D_SECURE).id)  # not kept: 3-D Secure not done
    assert not SavedCard.objects.exists()
    # Saved through Stripe directly (as a completed 3-D Secure check would leave it), then paid with.
    card = localstripe_card(localstripe_client, THREE_D_SECURE)
    customer = StripeCustomer.objects.get(person=person)
    localstripe_client.v1.payment_methods.attach(card.id, params={"customer": customer.stripe_id})
    saved_card = saving.sync(card.id)
    invoice = issuing.issue_due()[0]
    response = client.post(reverse("invoices:pay", args=[invoice.pk]), {"card": saved_card.pk}, **JSON)
    intent = localstripe_client.v1.payment_intents.confirm(Payment.objects.get().stripe_id)
    assert response.status_code == 200 and intent.status == "requires_action"
    assert localstripe_authenticate(localstripe_client, intent, success=True).status == "succeeded"


def test_paying_with_someone_elses_or_a_removed_card_is_refused(saved, person, stranger, booking, stripe_site):
    invoice = issuing.issue_due()[0]
    pay = reverse("invoices:pay", args=[invoice.pk])
    strangers_card = SavedCard.objects.create(
        person=stranger, stripe_id="pm_not_yours", brand="visa", last4="1111", exp_month=1, exp_year=2030,
        saved_at=saved.saved_at,
    )  # fmt: skip
    client = signed_in(person)
    for value in (strangers_card.pk, "abc", "-1", 10**12):
        response = client.post(pay, {"card": value}, **JSON)
        assert response.status_code == 400 and "saved cards" in response.json()["error"]
    client.post(reverse("invoices:card_remove", args=[saved.pk]))
    assert client.post(pay, {"card": saved.pk}, **JSON).status_code == 400
    assert not Payment.objects.exists()
    assert not StripeRequest.objects.filter(purpose="invoice_payment").exists()


def test_a_saved_card_declined_when_charged_leaves_the_invoice_unpaid(
    person, booking, stripe_site, localstripe_client, webhook
):
    client = signed_in(person)
    assert _keep(client, _confirmed_setup(client, localstripe_client, DECLINED_WHEN_CHARGED).id).status_code == 200
    invoice = issuing.issue_due()[0]
    card = SavedCard.objects.get()
    assert client.post(reverse("invoices:pay", args=[invoice.pk]), {"card": card.pk}, **JSON).status_code == 200
    payment = Payment.objects.get()
    with pytest.raises(stripe.CardError):
        localstripe_client.v1.payment_intents.confirm(payment.stripe_id)
    failed = localstripe_client.v1.payment_intents.retrieve(payment.stripe_id).to_dict()
    webhook(stripe_event("payment_intent.payment_failed", failed))
    payment.refresh_from_db()
    invoice.refresh_from_db()
    assert (payment.status, invoice.status) == ("failed", "issued")


def test_the_data_download_lists_cards_and_closing_the_account_deletes_the_customer_at_stripe(
    saved, person, localstripe_client
):
    from marketplace.core.privacy import delete_account, export_user_data

    assert export_user_data(person)["saved_cards"] == [
        {
            "brand": "visa",
            "last4": "4242",
            "expires": "12/2034",
            "saved_at": saved.saved_at.isoformat(),
            "removed_at": None,
        }
    ]
    customer = StripeCustomer.objects.get(person=person).stripe_id
    delete_account(person)
    saved.refresh_from_db()
    assert saved.removed_at is not None
    with pytest.raises(stripe.InvalidRequestError):
        localstripe_client.v1.customers.retrieve(customer)


def test_saving_a_card_and_a_destination_charge_with_it_are_valid_stripe_requests(
    person, booking, settings, on_stripe_mock
):
    """localstripe knows nothing of Connect: stripe-mock checks the requests against Stripe's API description."""
    from marketplace.payments.models import ConnectedAccount

    settings.STRIPE_DESTINATION_CHARGES = True
    client = signed_in(person)
    assert _setup(client).status_code == 200, _setup(client).content  # the Customer and the SetupIntent
    assert StripeRequest.objects.filter(purpose__in=["customer", "card_setup"]).count() == 2
    invoice = issuing.issue_due()[0]
    ConnectedAccount.objects.create(
        supplier=invoice.supplier, stripe_id="acct_leith", status="enabled", charges_enabled=True, payouts_enabled=True
    )
    card = SavedCard.objects.create(
        person=person, stripe_id="pm_saved", brand="visa", last4="4242", exp_month=12, exp_year=2034,
        saved_at=invoice.issued_at,
    )  # fmt: skip
    response = client.post(reverse("invoices:pay", args=[invoice.pk]), {"card": card.pk}, **JSON)
    assert response.status_code == 200, response.content  # stripe-mock refuses what Stripe's API would
    assert Payment.objects.get().destination == "acct_leith"


def test_a_demo_card_is_listed_and_removed_without_stripe_but_cannot_pay(person, booking, settings, on_localstripe):
    settings.STRIPE_DESTINATION_CHARGES = False
    invoice = issuing.issue_due()[0]
    card = saving.record_demo_card(
        person, brand="mastercard", last4="4444", exp_month=9, exp_year=2029, at=invoice.issued_at
    )
    client = signed_in(person)
    assert "Mastercard ending 4444" in client.get(reverse("invoices:cards")).text
    response = client.post(reverse("invoices:pay", args=[invoice.pk]), {"card": card.pk}, **JSON)
    assert response.status_code == 409 and "demo card" in response.json()["error"]
    assert not Payment.objects.exists()
    assert client.post(reverse("invoices:card_remove", args=[card.pk])).status_code == 302
    card.refresh_from_db()
    assert card.removed_at is not None
