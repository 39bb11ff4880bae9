"""The personal budget, end to end in a real browser, in English, in Urdu (right to left) and with JavaScript off: the
holder records her budget (after a first try with nothing filled in), adds PA wages paid through payroll, and shares
her ledger with her council; the council's finance officer signs in with two factors, finds her among the shared
budgets and opens her ledger; the holder sees that they looked, stops sharing, and the officer's very next request
for her ledger is refused. axe-core checks every page on the way.

The selectors use ids and form values, not English words, so the same journey runs in Urdu."""

import pytest
from django.utils import timezone

from marketplace.budgets import services
from marketplace.budgets.models import Budget, Entry, Look
from tests.browser.conftest import _new_page
from tests.factories import PASSWORD, UserFactory
from tests.mfa import current_code, enable_totp
from tests.site_tree import build_site

pytestmark = pytest.mark.django_db(transaction=True)

EDINBURGH = "S12000036"


@pytest.fixture
def people(budget_ledgers_closed):
    build_site(languages=("en", "ur"))
    holder = UserFactory(email="amina@example.org", display_name="Amina Hussain", preferred_language="ur")
    officer = UserFactory(email="finance@example.org", display_name="Fiona Finance")
    services.make_finance_officer(officer, EDINBURGH)
    secret = enable_totp(officer)
    return holder, officer, secret


def submit(page, selector="main form button[type=submit]"):
    with page.expect_navigation():
        page.locator(selector).first.click()


def sign_in(visitor, prefix, email, secret=None):
    page = visitor.page
    visitor.visit(f"{prefix}/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    submit(page)
    if secret:
        page.locator("#id_code").fill(current_code(secret))
        submit(page)


def holder_records_spends_and_shares(visitor, prefix):
    page = visitor.page
    visitor.visit(f"{prefix}/budgets/")
    with page.expect_navigation():
        page.locator(f"main a[href='{prefix}/budgets/record/']").first.click()
    visitor.check()
    submit(page)  # nothing filled in: every question explains itself
    visitor.check()
    assert page.locator(".govuk-error-summary").is_visible()
    page.locator("#id_amount").fill("1,200.00")
    page.locator("#id_period_2").check()  # monthly
    page.locator("#id_start_date").fill(timezone.localdate().replace(day=1).isoformat())
    page.locator("#id_held_as_0").check()  # direct payment
    page.locator("#id_managed_by_0").check()  # themselves
    page.locator("#id_council").select_option(EDINBURGH)
    submit(page)
    visitor.check()
    assert page.url.endswith(f"{prefix}/budgets/")
    assert "1,200.00" in page.locator("#summary-budget").inner_text()

    with page.expect_navigation():
        page.locator(f"main a[href='{prefix}/budgets/spending/']").first.click()
    visitor.check()
    page.locator("#id_kind_0").check()  # PA wages through payroll
    page.locator("#id_amount").fill("412.50")
    page.locator("#id_occurred_on").fill(timezone.localdate().isoformat())
    page.locator("#id_description").fill("PA wages, week 1")
    submit(page)
    visitor.check()
    assert "412.50" in page.locator("#summary-spent").inner_text()
    assert "787.50" in page.locator("#summary-remaining").inner_text()

    with page.expect_navigation():
        page.locator(f"main a[href='{prefix}/budgets/sharing/']").first.click()
    visitor.check()
    submit(page, "main button[name=choice][value=share]")
    visitor.check()
    assert Budget.objects.get().shared_with == EDINBURGH


def officer_sees_the_ledger(visitor, prefix, secret):
    page = visitor.page
    sign_in(visitor, prefix, "finance@example.org", secret)
    visitor.visit(f"{prefix}/budgets/council/")
    budget = Budget.objects.get()
    with page.expect_navigation():
        page.locator(f"main a[href='{prefix}/budgets/council/{budget.pk}/']").click()
    visitor.check()
    assert "PA wages, week 1" in page.inner_text("main")
    assert Look.objects.filter(role="council_finance").exists()


def holder_sees_who_looked_and_withdraws(visitor, prefix):
    page = visitor.page
    visitor.visit(f"{prefix}/budgets/")
    assert "Fiona Finance" in page.locator("#looks").inner_text()
    visitor.visit(f"{prefix}/budgets/sharing/")
    submit(page, "main button[name=choice][value=withdraw]")
    visitor.check()
    assert Budget.objects.get().shared_with == ""


@pytest.mark.parametrize(("prefix", "javascript"), [("", True), ("/ur", True), ("", False)])
def test_budget_journey(browser, live_server, people, prefix, javascript):
    holder, officer, secret = people
    holder_context, holder_visitor = _new_page(browser, live_server, javascript=javascript)
    officer_context, officer_visitor = _new_page(browser, live_server, javascript=javascript)
    try:
        sign_in(holder_visitor, prefix, holder.email)
        holder_records_spends_and_shares(holder_visitor, prefix)
        if prefix == "/ur":
            assert holder_visitor.page.get_attribute("html", "dir") == "rtl"
        officer_sees_the_ledger(officer_visitor, prefix, secret)
        holder_sees_who_looked_and_withdraws(holder_visitor, prefix)
        budget = Budget.objects.get()
        officer_visitor.visit(f"{prefix}/budgets/council/{budget.pk}/", expected_status=404)
        officer_visitor.visit(f"{prefix}/budgets/council/")
        assert officer_visitor.page.locator("#no-shared").is_visible()
        assert Entry.objects.count() == 1
    finally:
        holder_context.close()
        officer_context.close()
