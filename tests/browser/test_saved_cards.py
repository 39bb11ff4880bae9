"""The person keeps a 3-D Secure card on the saved-cards page (localstripe's Stripe.js stand-in runs confirmCardSetup
and its 3-D Secure dialog), sees it listed by brand and last four digits, pays an invoice with it (3-D Secure again)
and removes it; every page is checked with axe-core. Without JavaScript the page lists cards and explains saving.

localstripe's `confirmCardPayment` only completes the 3-D Secure step of a PaymentIntent already confirmed, so while
its dialog is open the test confirms the PaymentIntent (which has the saved card) through localstripe's API, as
Stripe.js would."""

import pytest

from marketplace.payments.cards.models import SavedCard
from marketplace.payments.invoices import issuing
from marketplace.payments.invoices.models import Payment
from tests.browser.test_accounts import sign_in
from tests.stripe_servers import THREE_D_SECURE
from tests.unit.payments.invoices import conftest as invoices

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("budget_ledgers_closed")]
person, owner, organisation, listing = invoices.person, invoices.owner, invoices.organisation, invoices.listing
booking, sessions_outlive_the_clock_jumps = invoices.booking, invoices.sessions_outlive_the_clock_jumps


def _type_card(page, number):
    field = page.locator("#card-element")
    for placeholder, value in (("number", number), ("exp_month", "12"), ("exp_year", "34"), ("cvc", "123")):
        field.locator(f"input[placeholder='{placeholder}']").fill(value)
    field.locator("input[placeholder='postal_code']").fill("EH6 6QU")


def test_the_person_saves_a_3d_secure_card_pays_with_it_and_removes_it(
    visitor,
    multilingual_site,
    booking,
    on_localstripe,
    localstripe_client,
):
    page = visitor.page
    sign_in(visitor, "amina@example.org")
    visitor.visit("/invoices/cards/")
    assert page.locator("#save-card-form").is_visible()
    _type_card(page, THREE_D_SECURE)
    page.locator("#save-card-button").click()
    dialog_button = page.get_by_role("button", name="Complete authentication")
    dialog_button.wait_for()
    with page.expect_navigation():
        dialog_button.click()
    visitor.check()
    assert page.get_by_text("ending 3184").first.is_visible()
    assert THREE_D_SECURE not in page.content()
    card = SavedCard.objects.get()

    invoice = issuing.issue_due()[0]
    visitor.visit(f"/invoices/{invoice.pk}/pay/")
    assert page.locator(f"#card-{card.pk}").is_checked()
    assert not page.locator("#card-group").is_visible()  # no card field while a saved card is chosen
    page.locator("#pay-button").click()
    dialog_button.wait_for()
    payment = Payment.objects.get()
    assert localstripe_client.v1.payment_intents.retrieve(payment.stripe_id).payment_method == card.stripe_id
    assert localstripe_client.v1.payment_intents.confirm(payment.stripe_id).status == "requires_action"
    with page.expect_navigation():
        dialog_button.click()
    assert "paid=1" in page.url
    assert localstripe_client.v1.payment_intents.retrieve(payment.stripe_id).status == "succeeded"

    visitor.visit(f"/invoices/cards/{card.pk}/remove/")
    with page.expect_navigation():
        page.get_by_role("button", name="Remove card").click()
    visitor.check()
    card.refresh_from_db()
    assert card.removed_at is not None
    assert page.get_by_text("You have no saved cards.").is_visible()


def test_without_javascript_the_saved_cards_page_explains(
    visitor_without_js,
    multilingual_site,
    booking,
    on_localstripe,
):
    sign_in(visitor_without_js, "amina@example.org")
    visitor_without_js.visit("/ar/invoices/cards/")
    page = visitor_without_js.page
    assert not page.locator("#save-card-form").is_visible()
    assert page.locator("noscript").count() == 1
