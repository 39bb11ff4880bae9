"""The person pays a weekly invoice by card with 3-D Secure on localstripe (its Stripe.js stand-in) and sees it paid
once localstripe's signed webhook has arrived; every page is checked with axe-core, and the pay page without
JavaScript explains itself and offers the PDF.

localstripe's `confirmCardPayment` ignores the card field and only completes the 3-D Secure step of a PaymentIntent
that already has its card, and its confirm endpoint refuses a card: so while its 3-D Secure dialog is open, the test
gives the PaymentIntent the 3-D Secure card through localstripe's API (what Stripe.js does with the card field)."""

import pytest

from marketplace.payments.invoices import issuing
from marketplace.payments.invoices.models import Invoice, Payment
from tests.browser.test_accounts import sign_in
from tests.stripe_servers import THREE_D_SECURE, localstripe_card, localstripe_webhook
from tests.unit.payments.invoices import conftest as invoices

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("budget_ledgers_closed")]
person, owner, organisation, listing = invoices.person, invoices.owner, invoices.organisation, invoices.listing
booking, sessions_outlive_the_clock_jumps = invoices.booking, invoices.sessions_outlive_the_clock_jumps


def test_the_person_pays_by_card_with_3d_secure_and_sees_the_invoice_paid(
    visitor, live_server, multilingual_site, booking, on_localstripe, localstripe_client, settings
):
    invoice = issuing.issue_due()[0]
    page = visitor.page
    sign_in(visitor, "amina@example.org")
    visitor.visit("/invoices/")
    visitor.visit(f"/invoices/{invoice.pk}/")
    visitor.visit(f"/invoices/{invoice.pk}/pay/")
    assert page.locator("#pay-form").is_visible()

    webhook_url = f"{live_server.url}/payments/stripe/webhook/"
    with localstripe_webhook(
        on_localstripe, webhook_url, settings.STRIPE_WEBHOOK_SECRET, events=["payment_intent.succeeded"]
    ):
        page.locator("#pay-button").click()
        dialog_button = page.get_by_role("button", name="Complete authentication")
        dialog_button.wait_for()
        payment = Payment.objects.get()
        card = localstripe_card(localstripe_client, THREE_D_SECURE)
        localstripe_client.v1.payment_intents.update(payment.stripe_id, params={"payment_method": card.id})
        assert localstripe_client.v1.payment_intents.confirm(payment.stripe_id).status == "requires_action"
        with page.expect_navigation():
            dialog_button.click()
        assert "paid=1" in page.url
        visitor.check()
        assert page.locator(".govuk-notification-banner").is_visible()
        for _ in range(50):
            invoice.refresh_from_db()
            if invoice.status == Invoice.Status.PAID:
                break
            page.wait_for_timeout(200)
    assert invoice.status == Invoice.Status.PAID
    visitor.visit(f"/invoices/{invoice.pk}/")
    assert page.locator(".govuk-tag--green").is_visible()


def test_without_javascript_the_pay_page_explains_and_offers_the_pdf(
    visitor_without_js, multilingual_site, booking, on_localstripe
):
    invoice = issuing.issue_due()[0]
    sign_in(visitor_without_js, "amina@example.org")
    visitor_without_js.visit(f"/ur/invoices/{invoice.pk}/pay/")
    page = visitor_without_js.page
    assert not page.locator("#pay-form").is_visible()
    assert page.locator(f"a[href$='/invoices/{invoice.pk}/pdf/']").count() >= 1
