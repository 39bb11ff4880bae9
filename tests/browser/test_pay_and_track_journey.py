"""Pay and track, end to end in a real browser with three people at once: approved visits become a weekly invoice;
the person pays it by card with 3-D Secure on localstripe and its signed webhook marks it paid; her budget shows the
payment; the supplier's owner refunds part of it and her budget shows that too; the council's finance officer sees
her ledger only after she shares it, and not after she withdraws. axe-core checks every page on the way."""

import pytest
from django.utils import timezone

from marketplace.budgets import services
from marketplace.budgets.models import HeldAs, ManagedBy, Period
from marketplace.budgets.templatetags.budget_tags import pounds
from marketplace.payments.invoices import issuing
from marketplace.payments.invoices.models import Invoice, Payment, Refund
from tests.browser.conftest import _new_page
from tests.browser.test_accounts import sign_in
from tests.factories import UserFactory
from tests.mfa import enable_totp
from tests.stripe_servers import THREE_D_SECURE, localstripe_card, localstripe_webhook
from tests.unit.payments.invoices import conftest as invoices

pytestmark = pytest.mark.django_db(transaction=True)
person, owner, organisation, listing = invoices.person, invoices.owner, invoices.organisation, invoices.listing
booking, sessions_outlive_the_clock_jumps = invoices.booking, invoices.sessions_outlive_the_clock_jumps

EDINBURGH = "S12000036"
REFUND_PENCE = 1000


@pytest.fixture
def officer(budget_ledgers_closed):
    user = UserFactory(email="finance@example.org", display_name="Fiona Finance")
    services.make_finance_officer(user, EDINBURGH)
    enable_totp(user)
    return user


@pytest.fixture
def budget(person):
    return services.record_budget(
        person,
        person,
        amount_pence=120_000,
        period=Period.MONTHLY,
        start_date=timezone.localdate().replace(day=1),
        held_as=HeldAs.DIRECT_PAYMENT,
        managed_by=ManagedBy.SELF,
        council=EDINBURGH,
    ).budget


@pytest.fixture
def visitors(browser, live_server):
    opened = [_new_page(browser, live_server) for _who in ("person", "owner", "officer")]
    yield [visitor for _context, visitor in opened]
    for context, _visitor in opened:
        context.close()


def submit(page, selector):
    with page.expect_navigation():
        page.locator(selector).first.click()


def spent_on_budget_page(visitor):
    visitor.visit("/budgets/")
    return visitor.page.locator("#summary-spent").inner_text()


def pay_with_3d_secure(visitor, invoice, live_server, localstripe_url, localstripe_client, secret):
    page = visitor.page
    visitor.visit(f"/invoices/{invoice.pk}/pay/")
    webhook_url = f"{live_server.url}/payments/stripe/webhook/"
    with localstripe_webhook(localstripe_url, webhook_url, secret, events=["payment_intent.succeeded"]):
        page.locator("#pay-button").click()
        dialog_button = page.get_by_role("button", name="Complete authentication")
        dialog_button.wait_for()
        # localstripe's Stripe.js ignores the card field: give the PaymentIntent the 3-D Secure card as Stripe.js would.
        payment = Payment.objects.get()
        card = localstripe_card(localstripe_client, THREE_D_SECURE)
        localstripe_client.v1.payment_intents.update(payment.stripe_id, params={"payment_method": card.id})
        assert localstripe_client.v1.payment_intents.confirm(payment.stripe_id).status == "requires_action"
        with page.expect_navigation():
            dialog_button.click()
        visitor.check()
        for _attempt in range(50):
            invoice.refresh_from_db()
            if invoice.status == Invoice.Status.PAID:
                break
            page.wait_for_timeout(200)
    assert invoice.status == Invoice.Status.PAID


def test_pay_then_track_in_the_budget_and_share_with_the_council(
    visitors, live_server, multilingual_site, booking, budget, officer, on_localstripe, localstripe_client, settings
):
    person_visitor, owner_visitor, officer_visitor = visitors
    invoice = issuing.issue_due()[0]
    sign_in(person_visitor, "amina@example.org")
    sign_in(owner_visitor, "owner@example.org")
    sign_in(officer_visitor, "finance@example.org")

    assert spent_on_budget_page(person_visitor) == pounds(0)
    officer_visitor.visit(f"/budgets/council/{budget.pk}/", expected_status=404)  # not shared yet

    pay_with_3d_secure(
        person_visitor, invoice, live_server, on_localstripe, localstripe_client, settings.STRIPE_WEBHOOK_SECRET
    )
    assert spent_on_budget_page(person_visitor) == pounds(invoice.total_pence)
    assert invoice.reference in person_visitor.page.locator("#ledger").inner_text()

    owner_page = owner_visitor.page
    owner_visitor.visit(f"/invoices/{invoice.pk}/refund/")
    owner_page.locator("#id_amount").fill(f"{REFUND_PENCE / 100:.2f}")
    owner_page.locator("#id_reason").fill("The Monday visit was cancelled by us on the day.")
    submit(owner_page, "main form button[type=submit]")
    owner_visitor.check()
    assert Refund.objects.get().status == Refund.Status.SUCCEEDED
    assert spent_on_budget_page(person_visitor) == pounds(invoice.total_pence - REFUND_PENCE)

    person_visitor.visit("/budgets/sharing/")
    submit(person_visitor.page, "main button[name=choice][value=share]")
    person_visitor.check()
    officer_visitor.visit("/budgets/council/")
    submit(officer_visitor.page, f"main a[href='/budgets/council/{budget.pk}/']")
    officer_visitor.check()
    assert invoice.reference in officer_visitor.page.locator("#ledger").inner_text()

    person_visitor.visit("/budgets/sharing/")
    submit(person_visitor.page, "main button[name=choice][value=withdraw]")
    person_visitor.check()
    officer_visitor.visit(f"/budgets/council/{budget.pk}/", expected_status=404)
    officer_visitor.visit("/budgets/council/")
    assert officer_visitor.page.locator("#no-shared").is_visible()
