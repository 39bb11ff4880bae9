"""Publishing a listing, end to end in a real browser: sign up, verify, create an organisation, add a listing with a
rate card and a photo, submit; an editor approves; the public sees it; a price change shows and is in the history.
axe-core checks every page on the way."""

import re

import pytest
from django.core import mail
from PIL import Image

from providers.models import Listing, RateCardItem
from providers.seed import seed_default_taxonomies
from tests.browser.test_accounts import set_up_authenticator, sign_in_as_editor
from tests.factories import PASSWORD
from tests.site_tree import build_site

pytestmark = pytest.mark.django_db(transaction=True)

PROVIDER = "new.provider@example.org"


@pytest.fixture
def site(transactional_db):
    tree = build_site(languages=("en", "ur"))
    seed_default_taxonomies()
    return tree


def photo_file(tmp_path):
    path = tmp_path / "garden.png"
    Image.new("RGB", (640, 480), (40, 120, 90)).save(path)
    return path


def submit(page, name):
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def sign_up_and_verify(visitor):
    page = visitor.page
    visitor.visit("/accounts/signup/")
    page.locator("#id_email").fill(PROVIDER)
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    submit(page, "Sign Up")
    assert "/accounts/confirm-email/" in page.url
    visitor.check()
    confirm_path = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", mail.outbox[-1].body).group(1)
    visitor.visit(confirm_path)
    submit(page, "Confirm")
    visitor.check()


def create_organisation(visitor):
    page = visitor.page
    visitor.visit("/dashboard/organisations/new/")
    page.locator("#id_name").fill("Leith Home Support")
    page.locator("#id_kind").select_option("registered_provider")
    page.locator("#id_regulator").select_option("care_inspectorate")
    page.locator("#id_registration_number").fill("CS2026001234")
    page.locator("#id_phone").fill("0131 496 0000")
    submit(page, "Register the organisation")
    # Now an owner, who will receive money: two-factor authentication before the dashboard.
    set_up_authenticator(visitor)


def add_listing(visitor, tmp_path):
    page = visitor.page
    visitor.visit("/dashboard/")
    with page.expect_navigation():
        page.get_by_role("link", name=re.compile("^Add a listing")).click()
    visitor.check()
    page.locator("#id_title").fill("Care at home in Leith")
    page.locator("#id_summary").fill("Personal care and help at home from a small, steady team.")
    submit(page, "Save and continue")
    visitor.check()
    listing = Listing.objects.get(title="Care at home in Leith")

    page.get_by_label("Care at home", exact=True).check()
    page.get_by_label("Personal care", exact=True).check()
    page.get_by_label("Direct payment (Option 1)").check()
    page.get_by_label("Within a distance of a place").check()
    page.locator("#id_base_postcode").fill("eh6 6qu")
    page.locator("#id_radius_km").fill("12")
    page.locator("input[name=availability]").first.check()
    page.locator("#id_rates-0-description").fill("Daytime support")
    page.locator("#id_rates-0-amount").fill("24.50")
    page.locator("#id_contact_phone").fill("0131 496 0000")
    submit(page, "Save")
    visitor.check()

    visitor.visit(f"/dashboard/listings/{listing.pk}/photos/")
    page.locator("input[type=file]").set_input_files(str(photo_file(tmp_path)))
    page.locator("#id_alt_text").fill("Two carers laughing in a sunny garden")
    submit(page, "Upload the photo")
    visitor.check()

    visitor.visit(f"/dashboard/listings/{listing.pk}/")
    submit(page, "Save and send for approval")
    visitor.check()
    listing.refresh_from_db()
    assert listing.status == Listing.Status.SUBMITTED
    return listing


def approve_as_editor(browser_visitor, listing):
    sign_in_as_editor(browser_visitor)
    page = browser_visitor.page
    browser_visitor.visit("/admin/providers/listings/")
    with page.expect_navigation():
        page.get_by_role("link", name="Care at home in Leith").click()
    submit(page, "Approve and publish")
    listing.refresh_from_db()
    assert listing.status == Listing.Status.PUBLISHED


def test_a_new_provider_publishes_a_listing_and_changes_its_price(browser, live_server, visitor, site, tmp_path):
    from tests.browser.conftest import _new_page

    sign_up_and_verify(visitor)
    create_organisation(visitor)
    listing = add_listing(visitor, tmp_path)

    editor_context, editor_visitor = _new_page(browser, live_server)
    try:
        approve_as_editor(editor_visitor, listing)
    finally:
        editor_context.close()

    page = visitor.page
    visitor.visit(f"/support/{listing.slug}/")
    assert "Care at home in Leith" in page.inner_text("h1")
    assert "£24.50" in page.inner_text("main")
    assert page.locator("main img[alt='Two carers laughing in a sunny garden']").count() == 1

    visitor.visit(f"/dashboard/listings/{listing.pk}/")
    page.locator("#id_rates-0-amount").fill("26.00")
    submit(page, "Save")
    visitor.visit(f"/support/{listing.slug}/")
    assert "£26.00" in page.inner_text("main")
    assert "£24.50" not in page.inner_text("main")

    rate = RateCardItem.objects.get(listing=listing)
    history = list(rate.history.order_by("history_date").values_list("amount", "history_user__email"))
    assert [str(amount) for amount, _user in history][-2:] == ["24.50", "26.00"]
    assert history[-1][1] == PROVIDER  # the history says who changed the price
