"""On a phone: results come straight after the search box with the filters behind one button (with or without
JavaScript, by keyboard too); a listing's key facts and contact details are near the top; English shown on the Urdu
site because a page is not translated yet reads left to right."""

import re

import pytest
from playwright.sync_api import expect

from providers.seed import seed_default_taxonomies
from tests.browser.lab import PHONE
from tests.review_data import add_reviews
from tests.search_data import published_listing
from tests.site_tree import build_site, sync_aliases
from tests.unit.providers.test_listing_page import build_listing

pytestmark = pytest.mark.django_db(transaction=True)

FIRST_SCREEN = PHONE["viewport"]["height"]


@pytest.fixture
def directory(transactional_db):
    build_site()
    sync_aliases(["ur"])
    seed_default_taxonomies()
    published_listing("Leith dementia care", km=1, needs=["dementia"], languages=["polish"])
    published_listing("Polish-speaking PA", km=3, needs=["dementia", "personal-care"], languages=["polish"])
    listing = build_listing(count=2)
    add_reviews(listing, (5, 4), endorse=("reliable",))
    return {"listing": listing}


def top(page, selector):
    return page.locator(selector).first.bounding_box()["y"]


def filter_by_dementia(visitor):
    page = visitor.page
    toggle = page.locator("summary.app-filters-panel__toggle")
    filters = page.locator("#filters-form")
    expect(toggle).to_have_text("Filter the results")
    expect(filters).to_be_hidden()
    assert top(page, "#results-heading") < FIRST_SCREEN, "the results should start on the first screen"

    toggle.focus()  # a keyboard user reaches it with Tab, and opens it with Enter
    page.keyboard.press("Enter")
    expect(filters).to_be_visible()
    filters.locator("summary", has_text="Needs").click()
    filters.get_by_role("checkbox", name=re.compile(r"^Dementia \(")).check()
    filters.get_by_role("button", name="Apply filters").click()
    visitor.check()
    expect(page.get_by_role("link", name="Remove Dementia")).to_be_visible()
    expect(page.get_by_role("link", name="Leith dementia care", exact=True)).to_be_visible()
    expect(toggle).to_have_text("Filter the results (1 chosen)")
    expect(filters).to_be_hidden()


def test_results_first_with_the_filters_behind_a_button_on_a_phone(phone_visitor, directory):
    phone_visitor.visit("/find-support/?where=EH6+5AA")
    filter_by_dementia(phone_visitor)


def test_the_filters_button_works_without_javascript(phone_visitor_without_js, directory):
    phone_visitor_without_js.visit("/find-support/?where=EH6+5AA")
    filter_by_dementia(phone_visitor_without_js)


def test_a_refused_filter_opens_the_panel_to_show_why(phone_visitor, directory):
    phone_visitor.visit("/find-support/?where=EH6+5AA&max_price=lots", expected_status=400)
    expect(phone_visitor.page.locator("#filters-form")).to_be_visible()


def test_on_a_wide_screen_the_filters_are_open_beside_the_results(visitor, directory):
    visitor.visit("/find-support/?where=EH6+5AA")
    page = visitor.page
    expect(page.locator("summary.app-filters-panel__toggle")).to_be_hidden()
    expect(page.locator("#filters-heading")).to_be_visible()
    filters = page.locator("#filters-form").bounding_box()
    results = page.locator("#results-heading").bounding_box()
    assert filters["x"] + filters["width"] <= results["x"]
    assert abs(filters["y"] - results["y"]) < 50


@pytest.mark.parametrize("language", ["", "/ur"], ids=["english", "urdu"])
def test_a_listings_key_facts_and_contact_details_are_near_the_top_on_a_phone(phone_visitor, directory, language):
    phone_visitor.visit(f"{language}/support/{directory['listing'].slug}/")
    page = phone_visitor.page
    price = page.locator("#key-facts-price").bounding_box()
    assert price["y"] + price["height"] < FIRST_SCREEN, "the price should be on the first screen"
    assert top(page, "#contact-heading") < 1.5 * FIRST_SCREEN
    assert top(page, "#contact-heading") < top(page, "#owner-heading")
    assert page.locator("#contact a[href^='tel:']").is_visible()


def test_on_a_wide_screen_key_facts_and_contact_sit_beside_the_details(visitor, directory):
    visitor.visit(f"/support/{directory['listing'].slug}/")
    page = visitor.page
    facts = page.locator("#key-facts").bounding_box()
    details = page.locator("#owner").bounding_box()
    assert facts["x"] > details["x"] + details["width"]
    assert facts["y"] < details["y"]


def test_english_shown_on_the_urdu_site_reads_left_to_right(phone_visitor, directory):
    phone_visitor.visit("/ur/guidance/employing-a-pa/")
    page = phone_visitor.page
    direction = "(selector) => getComputedStyle(document.querySelector(selector)).direction"
    assert page.evaluate(direction, "html") == "rtl"
    assert page.evaluate(direction, "article.app-guidance .govuk-body-l") == "ltr"
    assert page.evaluate(direction, "#translation-notice-title") == "rtl"
    # The full stop stays after the last word ("…a PA."), rather than jumping to the left of it.
    summary = page.locator("article.app-guidance .govuk-body-l").first
    expect(summary).to_have_text(re.compile(r"PA\.$"))
    letter, stop = summary.evaluate(
        """(element) => [2, 1].map((back) => {
          const range = document.createRange()
          const text = element.firstChild
          range.setStart(text, text.length - back)
          range.setEnd(text, text.length - back + 1)
          const box = range.getBoundingClientRect()
          return [box.left, box.right]
        })"""
    )
    assert stop[0] >= letter[1] - 1, f"the full stop {stop} should be right of the A {letter}"
