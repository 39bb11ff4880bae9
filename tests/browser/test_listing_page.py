"""The public listing page in a real browser, in English and Urdu (right to left), with axe-core checks."""

import pytest

from providers.seed import seed_default_taxonomies
from tests.factories import PASSWORD
from tests.site_tree import build_site, sync_aliases
from tests.unit.providers.test_listing_page import PA_HOME_POSTCODE, build_listing

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def listings(transactional_db):
    build_site()
    sync_aliases(["ur", "gd"])
    seed_default_taxonomies()
    return {"organisation": build_listing(count=3), "pa": build_listing(owner="pa", count=2)}


@pytest.mark.parametrize("language", ["", "/ur"], ids=["english", "urdu"])
@pytest.mark.parametrize("owner", ["organisation", "pa"])
def test_listing_page_is_accessible_with_real_tables(visitor, listings, language, owner):
    listing = listings[owner]
    visitor.visit(f"{language}/support/{listing.slug}/")
    page = visitor.page
    expected = ("ur", "rtl") if language else ("en", "ltr")
    assert (page.get_attribute("html", "lang"), page.get_attribute("html", "dir")) == expected
    assert page.title().startswith(listing.title)
    assert page.locator("h1").inner_text() == listing.title

    rate_card = page.locator("table.app-rate-card")
    assert rate_card.locator("caption").count() == 1
    assert rate_card.locator("thead th[scope=col]").count() == 4
    assert rate_card.locator("tbody th[scope=row]").count() == listing.rates.count()
    assert "£12.50" in rate_card.inner_text()

    availability = page.locator("table.app-availability")
    assert availability.locator("thead th[scope=col]").count() == 6  # the day column and five times of day
    assert availability.locator("tbody th[scope=row]").count() == 7
    assert availability.locator("tbody td").count() == 35

    assert page.get_by_role("region", name="Usual availability by day and time of day").count() <= 1
    assert page.locator("#reviews h2").count() == 1 and page.locator("#quality-stamps h2").count() == 1
    assert page.locator('a[href^="tel:"]').count() == 1
    if owner == "pa":
        assert PA_HOME_POSTCODE not in page.content()


def test_hidden_listing_is_not_found(visitor, listings):
    listing = listings["organisation"]
    listing.status = "suspended"
    listing.save(update_fields=["status"])
    # Not through visitor.visit: the site has no templates/404.html yet, so the bare Django page fails axe-core.
    response = visitor.page.goto(f"{visitor.base_url}/support/{listing.slug}/")
    assert response.status == 404


def test_your_data_and_delete_account_pages_are_accessible(visitor, listings):
    """The privacy pages (same capability) in a browser: download link, wrong password, then deletion."""
    from providers.models import Listing
    from tests.mfa import current_code, enable_totp

    listing = listings["pa"]
    user = listing.supplier.personal_assistant.user
    user.authenticator_set.all().delete()
    secret = enable_totp(user)  # a supplier owner signs in with two factors; this test knows the secret
    page = visitor.page
    visitor.visit("/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.locator("#id_code").fill(current_code(secret))
    with page.expect_navigation():
        page.get_by_role("button", name="Sign In").click()

    visitor.visit("/ur/accounts/your-data/")
    assert page.get_attribute("html", "dir") == "rtl"
    visitor.visit("/ur/accounts/your-data/delete/")
    visitor.visit("/accounts/your-data/")
    assert page.get_by_role("link", name="Download your data").get_attribute("href") == "/accounts/your-data/download/"
    page.get_by_role("link", name="Delete your account").click()
    page.wait_for_url("**/accounts/your-data/delete/")
    visitor.check()

    page.get_by_label("Your password").fill("not-the-password")
    page.get_by_role("button", name="Delete your account").click()
    visitor.check()
    assert page.locator(".govuk-error-summary").is_visible()
    assert page.title().startswith("Error:")

    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Delete your account").click()
    page.wait_for_url(lambda url: "/delete/" not in url)
    visitor.check()
    assert "Your account has been deleted" in page.inner_text("main")
    listing.refresh_from_db()
    assert listing.status == Listing.Status.ARCHIVED
    assert page.goto(f"{visitor.base_url}/support/{listing.slug}/").status == 404
