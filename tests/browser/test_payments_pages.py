"""A supplier's payments page and the dashboard panel, in English and Urdu, checked with axe-core: not connected,
Stripe still needing details (in plain words), and a form sent as it should not be."""

import pytest

from marketplace.payments.models import ConnectedAccount
from tests.browser.test_accounts import sign_in
from tests.browser.test_dashboard_pages import organisation  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def stripe_set_up(settings):
    settings.STRIPE_SECRET_KEY = "sk_test_marketplace"  # pages only read what is kept here; no call goes to Stripe


@pytest.mark.parametrize("language", ["", "/ur"], ids=["english", "urdu"])
def test_payments_pages_are_accessible(visitor, organisation, stripe_set_up, language):  # noqa: F811
    page = visitor.page
    sign_in(visitor, "owner@example.org")
    payments = f"{language}/dashboard/payments/suppliers/{organisation.supplier_id}/"
    visitor.visit(payments)
    visitor.visit(f"{language}/dashboard/")

    ConnectedAccount.objects.create(
        supplier=organisation.supplier,
        stripe_id="acct_govan",
        details_submitted=True,
        status="restricted",
        currently_due=["external_account", "individual.verification.document"],
    )
    visitor.visit(f"{language}/dashboard/")
    visitor.visit(payments)
    page.evaluate("document.querySelector('input[name=attempt]').value = 'not valid'")
    with page.expect_navigation():
        page.locator("#connect").click()
    visitor.check()
    assert page.locator(".govuk-error-summary").is_visible()
