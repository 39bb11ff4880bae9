"""From a search to a booking, in Urdu, in a real browser: a person searches near their postcode, opens a personal
assistant's listing and sends an enquiry; the PA replies; both agree to share contact details and only then see each
other's; the PA offers a weekly booking from its rate card and the person accepts it. Pages are right to left, and
axe-core checks every one. The same journey runs with JavaScript off."""

import pytest
from playwright.sync_api import expect

from marketplace.bookings.models import Booking
from marketplace.enquiries.models import Enquiry
from tests.browser.test_accounts import sign_in
from tests.browser.test_booking_journey import make_offer, patient
from tests.factories import UserFactory, personal_assistant
from tests.search_data import published_listing
from tests.site_tree import build_site, sync_aliases

pytestmark = pytest.mark.django_db(transaction=True)

PA_EMAIL = "amira.pa@example.org"
PA_PHONE = "0131 496 0720"
PERSON = "bilal@example.org"
ENQUIRY_TEXT = "میری والدہ کو پیر کی صبح مدد چاہیے۔ کیا آپ دستیاب ہیں؟"


@pytest.fixture
def pa_listing(transactional_db):
    from providers.seed import seed_default_taxonomies

    build_site(languages=("en", "ur"))
    sync_aliases(["ur"])
    seed_default_taxonomies()
    listing = published_listing("Amira, personal assistant", needs=["dementia"], languages=["urdu"], price="18.00")
    pa = personal_assistant("Amira K", user=UserFactory(email=PA_EMAIL), area_label="EH6, City of Edinburgh")
    pa.supplier.phone, pa.supplier.email = PA_PHONE, PA_EMAIL
    pa.supplier.save()
    listing.supplier = pa.supplier
    listing.save()
    UserFactory(email=PERSON, display_name="Bilal Ahmed", preferred_language="ur")
    return listing


def submit_form(page, action_part):
    """Press the submit button of the form posting to an address containing `action_part` (labels are in Urdu)."""
    with page.expect_navigation():
        page.locator(f"form[action*='{action_part}'] button[type=submit]").first.click()


def send_enquiry(visitor, listing):
    page = visitor.page
    sign_in(visitor, PERSON)
    visitor.visit("/ur/find-support/?where=EH6+5AA")
    assert page.locator("html").get_attribute("dir") == "rtl"
    card = page.locator(f"[data-listing='{listing.slug}']")
    with page.expect_navigation():
        card.locator(f"a[href^='/ur/support/{listing.slug}/']").first.click()
    visitor.check()
    with page.expect_navigation():
        page.locator(f"a[href*='/enquiries/new/{listing.slug}/']").first.click()
    visitor.check()
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.locator("#id_needs_0").check()
    page.locator("#id_service_types_0").check()
    page.locator("#id_area").fill("EH6")
    page.locator("#id_message").fill(ENQUIRY_TEXT)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    visitor.check()
    enquiry = Enquiry.objects.get(person__email=PERSON)
    assert page.url.endswith(f"/enquiries/{enquiry.pk}/")
    expect(page.locator(".app-thread")).to_contain_text(ENQUIRY_TEXT)
    expect(page.locator("main")).not_to_contain_text(PA_PHONE)
    return enquiry


def test_search_enquire_share_and_book_in_urdu(visitor, browser, live_server, pa_listing):
    run_journey(visitor, browser, live_server, pa_listing, javascript=True)


def test_search_enquire_share_and_book_without_javascript(visitor_without_js, browser, live_server, pa_listing):
    run_journey(visitor_without_js, browser, live_server, pa_listing, javascript=False)


def run_journey(person, browser, live_server, listing, javascript):
    from tests.browser.conftest import _new_page

    patient(person)
    enquiry = send_enquiry(person, listing)
    assert enquiry.area == "EH6" and enquiry.language == "ur"

    context, pa = _new_page(browser, live_server, javascript=javascript)
    try:
        patient(pa)
        sign_in(pa, PA_EMAIL)
        pa.visit(f"/enquiries/{enquiry.pk}/")
        expect(pa.page.locator(".app-thread")).to_contain_text(ENQUIRY_TEXT)
        expect(pa.page.locator("main")).not_to_contain_text(PERSON)  # nobody's address shows before both agree
        pa.page.locator("#id_body").fill("Yes, I can come on Monday mornings. I speak Urdu.")
        with pa.page.expect_navigation():
            pa.page.locator("form:has(#id_body) button[type=submit]").click()
        pa.check()
        submit_form(pa.page, "/share/")
        pa.check()
        expect(pa.page.locator("main")).not_to_contain_text(PERSON)  # the person has not agreed yet

        person.visit(f"/ur/enquiries/{enquiry.pk}/")
        expect(person.page.locator(".app-thread")).to_contain_text("I speak Urdu")
        expect(person.page.locator("main")).not_to_contain_text(PA_PHONE)
        submit_form(person.page, "/share/")
        person.check()
        expect(person.page.locator("main")).to_contain_text(PA_PHONE)

        pa.visit(f"/enquiries/{enquiry.pk}/")
        expect(pa.page.locator("main")).to_contain_text(PERSON)
        booking = make_offer(pa, enquiry, email=None)
    finally:
        context.close()

    person.visit(f"/ur/bookings/{booking.pk}/")
    assert person.page.locator("html").get_attribute("dir") == "rtl"
    submit_form(person.page, f"/bookings/{booking.pk}/accept/")
    person.check()
    booking.refresh_from_db()
    assert booking.status == Booking.Status.ACCEPTED
    assert booking.visits.exists()  # the weekly pattern planned its visits
