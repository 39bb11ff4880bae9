"""Provider dashboard pages that the publishing journey does not pass through, checked with axe-core."""

import pytest

from providers.models import Membership
from providers.seed import seed_default_taxonomies
from tests.browser.test_accounts import sign_in
from tests.factories import UserFactory, new_organisation, owner_has_mfa
from tests.site_tree import build_site

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def organisation(transactional_db):
    build_site(languages=("en", "ur"))
    seed_default_taxonomies()
    owner = UserFactory(email="owner@example.org")
    organisation = new_organisation("Govan Home Support", slug="govan-home-support", kind="charity")
    Membership.objects.create(user=owner, supplier=organisation.supplier, role="owner")
    owner_has_mfa(owner)
    return organisation


@pytest.mark.parametrize("language", ["", "/ur"], ids=["english", "urdu"])
def test_checks_page_and_its_errors_are_accessible(visitor, organisation, language):
    page = visitor.page
    sign_in(visitor, "owner@example.org")
    visitor.visit(f"{language}/dashboard/")
    visitor.visit(f"{language}/dashboard/suppliers/{organisation.supplier_id}/checks/")
    with page.expect_navigation():
        page.locator("form button[type=submit]").click()
    visitor.check()
    assert page.locator(".govuk-error-summary").is_visible()
    visitor.visit(f"{language}/accounts/your-data/")


def test_remaining_provider_pages_are_accessible(visitor, organisation):
    from providers.models import Listing

    listing = Listing.objects.create(
        supplier=organisation.supplier, title="Govan support", slug="govan-support", summary="s"
    )
    sign_in(visitor, "owner@example.org")
    for path in [
        "/dashboard/personal-assistant/",
        f"/dashboard/organisations/{organisation.pk}/",
        f"/dashboard/organisations/{organisation.pk}/members/",
        f"/dashboard/suppliers/{organisation.supplier_id}/listings/new/",
        f"/dashboard/listings/{listing.pk}/",
        f"/dashboard/listings/{listing.pk}/photos/",
        f"/dashboard/listings/{listing.pk}/archive/",
        "/ur/dashboard/personal-assistant/",
    ]:
        visitor.visit(path)


def test_alert_messages_and_the_not_found_page_are_accessible(visitor, organisation):
    for path in ["/alerts/check-your-email/", "/alerts/unsubscribed/", "/ur/alerts/check-your-email/"]:
        visitor.visit(path)
    visitor.visit("/alerts/confirm/not-a-real-token/", expected_status=404)
    visitor.visit("/no-such-page/", expected_status=404)
    visitor.visit("/ur/no-such-page/", expected_status=404)
    assert visitor.page.get_attribute("html", "dir") == "rtl"
