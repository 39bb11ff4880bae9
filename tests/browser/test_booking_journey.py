"""Booking, end to end in a real browser: a supplier answers an enquiry with a weekly offer from its rate card; the
person (with JavaScript off) accepts it; the supplier confirms the first visit as delivered; the person approves it
using only the keyboard. axe-core checks every page on the way."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from marketplace.bookings.models import Booking, Visit
from marketplace.core.workflow import history
from marketplace.enquiries.models import Enquiry, Message
from providers.models import Membership
from providers.seed import seed_default_taxonomies
from tests.browser.test_accounts import sign_in
from tests.factories import UserFactory
from tests.search_data import published_listing
from tests.site_tree import build_site

pytestmark = pytest.mark.django_db(transaction=True)

OWNER = "owner@example.org"
PERSON = "amina@example.org"


@pytest.fixture
def enquiry(transactional_db):
    build_site()
    seed_default_taxonomies()
    listing = published_listing("Leith home support", needs=["dementia"], price="18.00")
    owner = UserFactory(email=OWNER)
    Membership.objects.create(user=owner, supplier=listing.supplier, role=Membership.Role.OWNER)
    person = UserFactory(email=PERSON, display_name="Amina Hussain")
    enquiry = Enquiry.objects.create(
        person=person, created_by=person, listing=listing, supplier=listing.supplier, area="EH6", language="en"
    )
    Message.objects.create(
        enquiry=enquiry, sender=person, side="person", body="Could someone help my mother on Monday mornings?"
    )
    return enquiry


def patient(*visitors):
    """This journey crosses many pages on a shared two-core machine: allow each more than the default ten seconds."""
    for visitor in visitors:
        visitor.page.set_default_timeout(30_000)
        if visitor.axe_page is not None:
            visitor.axe_page.set_default_timeout(30_000)


def submit(page, name):
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def follow(page, name):
    with page.expect_navigation():
        page.get_by_role("link", name=name).first.click()


def tab_to(page, name, limit=80):
    """Press Tab until the button or link called `name` has the focus (as someone without a mouse does)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate("() => (document.activeElement.innerText || document.activeElement.value || '')")
        if focused.strip() == name:
            return
    raise AssertionError(f"“{name}” cannot be reached with the Tab key")


def make_offer(visitor, enquiry):
    """The supplier answers in the thread with a weekly offer: Mondays 09:00–11:00 at the rate card's price."""
    page = visitor.page
    sign_in(visitor, OWNER)
    visitor.visit(f"/enquiries/{enquiry.pk}/")
    follow(page, "Make an offer")
    visitor.check()
    today = timezone.localdate()
    first_monday = today + timedelta(days=7 - today.weekday())
    page.get_by_role("checkbox", name="Weekday support").check()
    page.get_by_role("radio", name="Every week").check()
    page.locator("#id_start_date").fill(first_monday.isoformat())
    page.get_by_role("checkbox", name="Monday", exact=True).check()
    page.locator("#id_day_0_start").fill("09:00")
    page.locator("#id_day_0_end").fill("11:00")
    page.locator("#id_notice_hours").fill("24")
    page.locator("#id_charge_percent").fill("50")
    page.locator("#id_expires_on").fill((first_monday - timedelta(days=1)).isoformat())
    page.locator("#id_message").fill("We have a carer free on Monday mornings.")
    submit(page, "Send the offer")
    visitor.check()
    booking = Booking.objects.get(enquiry=enquiry)
    expect(page.locator("h1")).to_contain_text(booking.reference)
    expect(page.locator("body")).to_contain_text("£18.00")
    return booking


def test_an_offer_accepted_delivered_and_approved(visitor, visitor_without_js, enquiry):
    patient(visitor, visitor_without_js)
    booking = make_offer(visitor, enquiry)

    # The person, with JavaScript off, finds the offer in the conversation and accepts it.
    person_page = visitor_without_js.page
    sign_in(visitor_without_js, PERSON)
    visitor_without_js.visit(f"/enquiries/{enquiry.pk}/")
    expect(person_page.locator("#thread-bookings-title")).to_be_visible()
    follow(person_page, re.compile(rf"^Offer {booking.reference}"))
    visitor_without_js.check()
    submit(person_page, "Accept the offer")
    visitor_without_js.check()
    booking.refresh_from_db()
    assert booking.status == Booking.Status.ACCEPTED
    expect(person_page.locator("h1")).to_contain_text(f"Booking {booking.reference}")

    # Time passes: the first Monday's visit has happened.
    visit = booking.visits.order_by("starts_at").first()
    now = timezone.now()
    Visit.objects.filter(pk=visit.pk).update(starts_at=now - timedelta(hours=3), ends_at=now - timedelta(hours=1))

    supplier_page = visitor.page
    visitor.visit(f"/bookings/visits/{visit.pk}/")
    follow(supplier_page, "Confirm the visit happened")
    visitor.check()
    supplier_page.locator("#id_note").fill("Helped with breakfast and a walk to the park.")
    submit(supplier_page, "Confirm the visit happened")
    visitor.check()
    expect(supplier_page.locator("body")).to_contain_text("Delivered: waiting for approval")

    # The person approves it with the keyboard alone.
    visitor_without_js.visit(f"/bookings/visits/{visit.pk}/")
    expect(person_page.locator("body")).to_contain_text("Helped with breakfast")
    tab_to(person_page, "Approve the visit")
    with person_page.expect_navigation():
        person_page.keyboard.press("Enter")
    visitor_without_js.check()
    expect(person_page.locator("body")).to_contain_text("Approved")

    visit.refresh_from_db()
    assert visit.status == Visit.Status.APPROVED and visit.approved_by.email == PERSON
    assert visit.amount_due_pence == 3600
    assert [change.transition for change in history(visit)] == ["confirm", "approve"]
    booking.refresh_from_db()
    assert booking.status == Booking.Status.ACTIVE


def test_a_second_press_changes_nothing(visitor, enquiry):
    """Accepting in two tabs: the second tab's press says the offer was already answered."""
    patient(visitor)
    booking = make_offer(visitor, enquiry)
    page = visitor.page
    visitor.page.context.clear_cookies()
    sign_in(visitor, PERSON)
    visitor.visit(f"/bookings/{booking.pk}/")
    second_tab = page.context.new_page()
    second_tab.goto(page.url)
    submit(page, "Accept the offer")
    visitor.check()
    with second_tab.expect_navigation():
        second_tab.get_by_role("button", name="Accept the offer", exact=True).click()
    expect(second_tab.locator("h1")).to_contain_text("This cannot be done now")
    assert [change.transition for change in history(booking)] == ["accept"]
    second_tab.close()
