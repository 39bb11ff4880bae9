"""A supplier's owner connects an Express account at Stripe (stripe-mock checks every request against Stripe's API
description), comes back, and sees in plain words what Stripe still needs; nobody else may."""

import re

import pytest
import stripe
from django.contrib.contenttypes.models import ContentType

from marketplace.core.workflow import history
from marketplace.payments import connect, stripe_api
from marketplace.payments.models import ConnectedAccount, StripeRequest
from tests.stripe_servers import free_loopback_port

from .conftest import signed_in

PAGE = "/dashboard/payments/suppliers/{pk}/"


def _attempt(page):
    return re.search(r'name="attempt" value="([^"]+)"', page.content.decode()).group(1)


def test_the_owner_connects_an_express_account_and_is_sent_to_stripe(site_tree, owner, supplier, on_stripe_mock):
    client = signed_in(owner)
    page = client.get(PAGE.format(pk=supplier.pk))
    assert "Connect a Stripe account" in page.content.decode()

    response = client.post(PAGE.format(pk=supplier.pk), {"attempt": _attempt(page)})

    assert response.status_code == 302
    assert response["Location"].startswith("https://")  # Stripe's hosted onboarding
    account = ConnectedAccount.objects.get(supplier=supplier)
    assert account.stripe_id.startswith("acct_")
    assert (account.status, account.created_by) == ("onboarding", owner)
    opened = history(account).get()
    assert (opened.from_status, opened.to_status, opened.by) == ("", "onboarding", owner)


def test_a_double_click_creates_one_account_and_sends_one_idempotency_key(site_tree, owner, supplier, on_stripe_mock):
    client = signed_in(owner)
    attempt = _attempt(client.get(PAGE.format(pk=supplier.pk)))

    first = client.post(PAGE.format(pk=supplier.pk), {"attempt": attempt})
    second = client.post(PAGE.format(pk=supplier.pk), {"attempt": attempt})

    assert first.status_code == second.status_code == 302
    assert ConnectedAccount.objects.filter(supplier=supplier).count() == 1
    account_type = ContentType.objects.get_for_model(ConnectedAccount)
    links = StripeRequest.objects.filter(purpose="account_link", content_type=account_type)
    assert links.count() == 1  # the same form sent twice asked with the same key
    assert StripeRequest.objects.filter(purpose="connect_account").count() == 1


def test_the_key_is_stored_before_the_call_and_reused_when_it_is_retried(settings, owner, supplier, stripe_mock_url):
    settings.STRIPE_SECRET_KEY = "sk_test_marketplace"
    settings.STRIPE_API_BASE = f"http://127.0.0.1:{free_loopback_port()}"  # nothing listens: the call fails
    with pytest.raises(stripe.APIConnectionError):
        connect.ensure_account(supplier, owner)
    stored = StripeRequest.objects.get(purpose="connect_account")
    assert stored.completed_at is None and not ConnectedAccount.objects.exists()

    settings.STRIPE_API_BASE = stripe_mock_url
    sent = []
    original = stripe_api.stripe_call

    def spy(purpose, obj, create, **kwargs):
        return original(purpose, obj, lambda key: sent.append(key) or create(key), **kwargs)

    stripe_api.stripe_call, restore = spy, original
    try:
        account = connect.ensure_account(supplier, owner)
    finally:
        stripe_api.stripe_call = restore

    assert sent == [stored.key]
    stored.refresh_from_db()
    assert (stored.stripe_id, stored.completed_at is not None) == (account.stripe_id, True)


def test_stripe_echoes_the_stored_key(owner, supplier, on_stripe_mock):
    """stripe-mock returns the Idempotency-Key header it received: the request really carried the stored key."""
    client = stripe_api.client()
    created = stripe_api.stripe_call(
        "connect_account",
        supplier,
        lambda key: client.v1.accounts.create(params={"type": "express"}, options={"idempotency_key": key}),
    )
    assert created.last_response.headers["Idempotency-Key"] == StripeRequest.objects.get().key


def test_coming_back_reads_the_account_and_says_what_stripe_still_needs(site_tree, owner, supplier, on_stripe_mock):
    client = signed_in(owner)
    client.post(PAGE.format(pk=supplier.pk), {"attempt": _attempt(client.get(PAGE.format(pk=supplier.pk)))})

    response = client.get(f"{PAGE.format(pk=supplier.pk)}stripe/return/", follow=True)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Stripe still needs a few things" in page
    assert "A bank account for payouts" in page  # stripe-mock's account lacks `external_account`
    account = ConnectedAccount.objects.get()
    assert account.state_as_of is not None and "external_account" in account.currently_due
    dashboard = client.get("/dashboard/").content.decode()
    assert "A bank account for payouts" in dashboard and "Manage payments" in dashboard


def test_an_expired_link_gives_a_new_one(site_tree, owner, supplier, on_stripe_mock):
    client = signed_in(owner)
    client.post(PAGE.format(pk=supplier.pk), {"attempt": _attempt(client.get(PAGE.format(pk=supplier.pk)))})

    first = client.get(f"{PAGE.format(pk=supplier.pk)}stripe/refresh/")
    second = client.get(f"{PAGE.format(pk=supplier.pk)}stripe/refresh/")

    assert first.status_code == second.status_code == 302 and first["Location"].startswith("https://")
    assert StripeRequest.objects.filter(purpose="account_link").count() == 3  # a new key each time


@pytest.mark.parametrize("who", ["stranger", "staff"])
def test_only_an_owner_sees_or_changes_payments(site_tree, supplier, on_stripe_mock, who, request):
    client = signed_in(request.getfixturevalue(who))
    base = PAGE.format(pk=supplier.pk)

    for response in (
        client.get(base),
        client.post(base, {"attempt": "a" * 22}),
        client.get(f"{base}stripe/return/"),
        client.get(f"{base}stripe/refresh/"),
    ):
        assert response.status_code == 404
    assert not ConnectedAccount.objects.exists() and not StripeRequest.objects.exists()


def test_staff_see_the_state_but_not_the_way_to_change_it(site_tree, staff, supplier, on_stripe_mock):
    page = signed_in(staff).get("/dashboard/").content.decode()
    assert "Not connected" in page and "An owner of this account can set up payments." in page
    assert PAGE.format(pk=supplier.pk) not in page


def test_anonymous_visitors_are_asked_to_sign_in(site_tree, supplier):
    response = signed_in.__globals__["Client"]().get(PAGE.format(pk=supplier.pk))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("attempt", ["", "short", "x" * 65, "spaces are not allowed here", "nul\x00nul" * 4])
def test_a_tampered_form_is_refused_and_nothing_is_created(site_tree, owner, supplier, on_stripe_mock, attempt):
    response = signed_in(owner).post(PAGE.format(pk=supplier.pk), {"attempt": attempt})

    assert response.status_code == 400
    if "\x00" not in attempt:  # NUL characters are refused by the site's middleware before the view
        assert "The form was not sent as shown: open the page again." in response.content.decode()
    assert not ConnectedAccount.objects.exists() and not StripeRequest.objects.exists()


def test_without_a_key_the_pages_say_payments_are_not_set_up(site_tree, owner, supplier):
    client = signed_in(owner)
    for response in (
        client.get(PAGE.format(pk=supplier.pk)),
        client.post(PAGE.format(pk=supplier.pk), {"attempt": "a" * 22}),
        client.get("/dashboard/"),
    ):
        assert response.status_code == 200
        assert "Payments are not set up on this site yet" in response.content.decode()
    assert client.get(f"{PAGE.format(pk=supplier.pk)}stripe/return/").status_code == 302
    assert not StripeRequest.objects.exists()


def test_stripe_out_of_reach_gives_a_page_that_says_so(settings, site_tree, owner, supplier):
    settings.STRIPE_SECRET_KEY = "sk_test_marketplace"
    settings.STRIPE_API_BASE = f"http://127.0.0.1:{free_loopback_port()}"
    client = signed_in(owner)
    response = client.post(PAGE.format(pk=supplier.pk), {"attempt": _attempt(client.get(PAGE.format(pk=supplier.pk)))})

    assert response.status_code == 503
    assert "Stripe could not be reached just now" in response.content.decode()
    assert not ConnectedAccount.objects.exists()


def test_the_platform_fee_is_whole_pence_and_nothing_by_default(settings):
    assert stripe_api.platform_fee(12_345) == 0
    settings.PLATFORM_FEE_BASIS_POINTS = 150  # 1.5%
    assert stripe_api.platform_fee(1_000) == 15
    assert stripe_api.platform_fee(1_033) == 15  # 15.495p
    assert stripe_api.platform_fee(1_034) == 16  # 15.51p


@pytest.mark.parametrize(("language", "words"), [("pl", "Połącz konto Stripe"), ("ur", "Stripe اکاؤنٹ منسلک کریں")])
def test_the_page_speaks_the_readers_language(site_tree, owner, supplier, on_stripe_mock, language, words):
    page = signed_in(owner).get(f"/{language}{PAGE.format(pk=supplier.pk)}")
    assert page.status_code == 200 and words in page.content.decode()


def test_an_account_created_at_stripe_but_not_kept_here_is_fetched_not_created_again(owner, supplier, on_stripe_mock):
    """Stripe forgets idempotency keys after a day: a completed request's object is read back instead."""
    client = stripe_api.client()
    first = stripe_api.stripe_call(
        "connect_account",
        supplier,
        lambda key: client.v1.accounts.create(params={"type": "express"}, options={"idempotency_key": key}),
    )
    created = []

    again = stripe_api.stripe_call(
        "connect_account",
        supplier,
        lambda key: created.append(key) or client.v1.accounts.create(params={"type": "express"}),
        existing=client.v1.accounts.retrieve,
    )

    assert created == [] and again.id == first.id


def test_a_disconnected_account_is_not_sent_to_stripe_again(site_tree, owner, supplier, on_stripe_mock):
    ConnectedAccount.objects.create(supplier=supplier, stripe_id="acct_gone", status="disconnected")

    response = signed_in(owner).post(PAGE.format(pk=supplier.pk), {"attempt": "a" * 22})

    assert response.status_code == 409
    assert "Contact the council to connect again" in response.content.decode()
    assert not StripeRequest.objects.exists()
