"""Find support in a real browser: postcode, two needs and a language, facet counts, removing a filter, sorting,
opening a listing and coming back with the back button; with and without JavaScript; axe-core on every page."""

import re

import pytest
from playwright.sync_api import expect

from providers.seed import seed_default_taxonomies
from tests.review_data import add_reviews
from tests.search_data import published_listing
from tests.site_tree import build_site

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def directory(transactional_db):
    build_site()
    seed_default_taxonomies()
    leith = published_listing(
        "Leith dementia care",
        km=1,
        needs=["dementia", "personal-care"],
        languages=["polish"],
        price="21.00",
        verified=True,
    )
    polish = published_listing(
        "Polish-speaking PA", km=3, needs=["dementia", "personal-care"], languages=["polish"], price="17.00"
    )
    urdu = published_listing(
        "Urdu-speaking PA", km=2, needs=["dementia", "personal-care"], languages=["urdu"], price="16.00"
    )
    published_listing("Autism support", km=2, needs=["autism"], languages=["polish"], price="19.00")
    published_listing("Out of area", km=30, radius_km=5, needs=["dementia"], languages=["polish"])
    return {"leith": leith, "polish": polish, "urdu": urdu}


@pytest.fixture
def reviewed_directory(directory):
    """Leith: 5, 5, 4 (shown 4.7), reliable; the Polish-speaking PA: 4, 4, 3 (3.7), reliable; the Urdu-speaking PA:
    one five-star review, one endorsement (no stamp)."""
    add_reviews(directory["leith"], (5, 5, 4), endorse=("reliable",))
    add_reviews(directory["polish"], (4, 4, 3), endorse=("reliable",))
    add_reviews(directory["urdu"], (5,), endorse=("reliable",))
    return directory


def result_titles(page):
    return page.locator(".app-result__title a").all_inner_texts()


def journey(visitor):
    page = visitor.page
    visitor.visit("/find-support/")
    page.get_by_label("Postcode or place").fill("EH6 5AA")
    page.locator("#find-form").get_by_role("button", name="Search").click()
    visitor.check()
    expect(page.locator("#results-heading")).to_contain_text("4 results for support that covers EH6 5AA")
    assert "Out of area" not in result_titles(page)

    filters = page.locator("#filters-form")
    filters.locator("summary", has_text="Needs").click()
    filters.get_by_role("checkbox", name=re.compile(r"^Dementia \(3")).check()
    filters.get_by_role("checkbox", name=re.compile(r"^Personal care \(3")).check()
    filters.locator("summary", has_text="Languages").click()
    filters.get_by_role("checkbox", name=re.compile(r"^Polish \(3")).check()
    filters.get_by_role("button", name="Apply filters").click()
    visitor.check()
    expect(page.locator("#results-heading")).to_contain_text("2 results")
    assert sorted(result_titles(page)) == ["Leith dementia care", "Polish-speaking PA"]
    # Facet counts say what each other choice would give: Urdu instead of Polish would find one.
    expect(filters.get_by_role("checkbox", name=re.compile(r"^Urdu \(1 result"))).to_be_visible()
    expect(filters.get_by_role("checkbox", name=re.compile(r"^Autism \(0 results"))).to_be_visible()

    page.get_by_role("link", name="Remove Polish").click()
    visitor.check()
    expect(page.locator("#results-heading")).to_contain_text("3 results")

    page.get_by_role("navigation", name="Sort by").get_by_role("link", name="Lowest price").click()
    visitor.check()
    assert result_titles(page) == ["Urdu-speaking PA", "Polish-speaking PA", "Leith dementia care"]
    results_url = page.url

    page.get_by_role("link", name="Polish-speaking PA", exact=True).click()
    visitor.check()
    expect(page.locator("h1")).to_have_text("Polish-speaking PA")
    page.go_back()
    page.wait_for_load_state("load")
    assert page.url == results_url
    assert result_titles(page) == ["Urdu-speaking PA", "Polish-speaking PA", "Leith dementia care"]
    expect(page.locator("#filters-form").get_by_role("checkbox", name=re.compile(r"^Dementia"))).to_be_checked()


def test_the_find_support_journey_with_javascript(visitor, directory):
    journey(visitor)


def test_the_find_support_journey_without_javascript(visitor_without_js, directory):
    journey(visitor_without_js)


def test_the_map_shows_beside_the_list_with_javascript(visitor, directory):
    visitor.visit("/find-support/?where=EH6+5AA")
    page = visitor.page
    toggle = page.locator(".app-results-map__toggle")
    expect(toggle).to_have_text("Show results on a map")
    toggle.click()
    expect(page.locator("#results-map .leaflet-marker-icon")).to_have_count(4)
    assert page.locator("#results-map").get_attribute("dir") == "ltr"
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(toggle).to_have_text("Hide the map")
    assert len(result_titles(page)) == 4  # the list stays complete
    visitor.check()


def test_an_ambiguous_place_and_a_bad_postcode_in_urdu(visitor, directory):
    visitor.visit("/ur/find-support/?where=Newport")
    page = visitor.page
    assert page.get_attribute("html", "dir") == "rtl"
    page.get_by_role("link", name="Newport, Pembrokeshire").click()
    visitor.check()
    visitor.visit("/ur/find-support/?where=ZZ99+9ZZ", expected_status=400)
    expect(page.locator(".govuk-error-summary")).to_be_visible()


def test_filter_by_a_stamp_and_a_minimum_rating_then_sort_by_highest_rated(visitor, reviewed_directory):
    visitor.visit("/find-support/?where=EH6+5AA")
    page = visitor.page
    card = page.locator(".app-result", has=page.get_by_role("link", name="Leith dementia care", exact=True))
    expect(card).to_contain_text("4.7 out of 5 from 3 reviews")
    expect(card.get_by_role("link", name=re.compile(r"^Reliable"))).to_have_attribute(
        "href", re.compile(r"/reviews/quality-stamps/#stamp-reliable$")
    )
    expect(card).to_contain_text("endorsed by 3 reviewers")

    filters = page.locator("#filters-form")
    filters.locator("summary", has_text="Quality stamps").click()
    filters.get_by_role("checkbox", name=re.compile(r"^Reliable \(2 results")).check()
    filters.locator("summary", has_text="Rating from reviews").click()
    filters.get_by_role("radio", name=re.compile(r"^4 stars and above \(2 results")).check()
    filters.get_by_role("button", name="Apply filters").click()
    visitor.check()
    expect(page.locator("#results-heading")).to_contain_text("1 result")
    assert result_titles(page) == ["Leith dementia care"]
    # With the stamp chosen, 3 stars and above would find both PAs who hold it.
    expect(filters.get_by_role("radio", name=re.compile(r"^3 stars and above \(2 results"))).to_be_visible()

    page.get_by_role("link", name="Remove 4 stars and above").click()
    visitor.check()
    expect(page.locator("#results-heading")).to_contain_text("2 results")

    page.get_by_role("navigation", name="Sort by").get_by_role("link", name="Highest rated").click()
    visitor.check()
    assert result_titles(page) == ["Leith dementia care", "Polish-speaking PA"]
    page.get_by_role("link", name="Remove Reliable").click()
    visitor.check()
    # One five-star review (score 3.75) ranks between three reviews averaging 4.7 (3.94) and 3.7 (3.56).
    assert result_titles(page) == ["Leith dementia care", "Urdu-speaking PA", "Polish-speaking PA", "Autism support"]
