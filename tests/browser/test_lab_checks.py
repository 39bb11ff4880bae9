"""Lab checks on a phone, as Lighthouse's mobile run makes them: the main page types do not move after their first
paint (cumulative layout shift at most 0.1, "good"), every target is big enough or far enough from the next (WCAG 2.2,
2.5.8), and "Page 1 of 2" is readable. The measures themselves are checked against pages made to fail."""

import pytest

from providers.seed import seed_default_taxonomies
from tests.browser.lab import CONTRAST, PHONE, SIZES, layout_shift, target_size_problems
from tests.review_data import add_reviews
from tests.search_data import published_listing
from tests.site_tree import build_site, sync_aliases
from tests.unit.providers.test_listing_page import build_listing

pytestmark = pytest.mark.django_db(transaction=True)

GOOD_LAYOUT_SHIFT = 0.1
PHONE_WIDTH = '<meta name="viewport" content="width=device-width, initial-scale=1">'


@pytest.fixture
def site(transactional_db):
    build_site()
    sync_aliases(["ur"])
    seed_default_taxonomies()
    for number in range(20):  # with the listing below, two pages of results
        published_listing(f"Care at home {number}", km=1 + number / 10, needs=["personal-care"], price="18.00")
    listing = build_listing(count=3)
    add_reviews(listing, (5, 4, 4), endorse=("reliable",))
    return {"listing": listing}


def main_pages(site):
    listing = f"/support/{site['listing'].slug}/"
    return {
        "home": "/",
        "guidance page": "/guidance/employing-a-pa/",
        "results": "/find-support/?where=EH6+5AA",
        "listing": listing,
        "home in Urdu": "/ur/",
        "results in Urdu": "/ur/find-support/?where=EH6+5AA",
        "listing in Urdu": f"/ur{listing}",
    }


def test_main_pages_stay_still_and_have_big_enough_targets_on_a_phone(phone_visitor, site):
    page = phone_visitor.page
    shifts, problems = {}, []
    for name, path in main_pages(site).items():
        response = page.goto(phone_visitor.base_url + path)
        assert response.status == 200, path
        shift = layout_shift(page)
        shifts[name] = shift["value"]
        if shift["value"] > GOOD_LAYOUT_SHIFT:
            problems.append(f"{name}: layout shift {shift['value']:.3f}, from {', '.join(shift['sources'])}")
        # No template syntax, and axe-core (its target-size rule included) on the phone's layout.
        phone_visitor.check()
        problems += [f"{name}: {problem}" for problem in target_size_problems(page)]
        for text, width, height in page.evaluate(SIZES, ".app-language-switcher a, .app-language-switcher span"):
            if width < 24 or height < 24:
                problems.append(f"{name}: the language switcher's {text} is {width:.0f}×{height:.0f} px")
    print("\nCumulative layout shift on a phone: " + ", ".join(f"{name} {value:.3f}" for name, value in shifts.items()))
    assert not problems, "\n".join(problems)


def test_page_one_of_two_is_readable(phone_visitor, site):
    phone_visitor.visit("/find-support/?where=EH6+5AA")
    status = phone_visitor.page.locator(".govuk-pagination .app-pagination__status")
    assert status.inner_text() == "Page 1 of 2"
    assert phone_visitor.page.evaluate(CONTRAST, ".govuk-pagination .app-pagination__status") >= 4.5


# The measures, on pages made to fail them.


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


def test_the_layout_shift_measure_sees_content_pushed_down_after_the_first_paint(phone_page):
    phone_page.set_content(
        f"{PHONE_WIDTH}<main><p id='first'>Results</p>" + "<p>A result</p>" * 30 + "</main>"
        "<script>setTimeout(() => document.querySelector('main').insertAdjacentHTML("
        "'afterbegin', '<div style=\"height: 300px\">Filters</div>'), 300)</script>"
    )
    assert layout_shift(phone_page)["value"] > GOOD_LAYOUT_SHIFT
    still = phone_page.context.new_page()  # a new document: the first one's shifts stay in its timeline
    still.set_content(f"{PHONE_WIDTH}<main>" + "<p>A result</p>" * 30 + "</main>")
    assert layout_shift(still)["value"] == 0


def test_the_target_size_measure_finds_small_targets_close_together(phone_page):
    links = "".join(f"<a href='#{n}' style='font-size: 10px'>{n}</a> " for n in range(3))
    small = f"{PHONE_WIDTH}<nav>{links}</nav>"
    phone_page.set_content(small)
    assert len(target_size_problems(phone_page)) == 3
    big = f"{PHONE_WIDTH}<nav style='display: flex; gap: 4px'>" + "".join(
        f"<a href='#{n}' style='display: block; padding: 6px'>{n}</a>" for n in range(3)
    )
    phone_page.set_content(big + "</nav><p>In a sentence, <a href='#x'>a</a> and <a href='#y'>b</a> are fine.</p>")
    assert target_size_problems(phone_page) == []


def test_the_template_syntax_check_finds_leaks_where_people_see_or_hear_them(phone_page):
    from tests.browser.conftest import template_syntax_leaks

    phone_page.set_content(
        "<title>Reviews {{ title }}</title><p>{# One published review: rating,</p>"
        "<p>who and since when. #}</p><button aria-label='{% translate \"Close\" %}'>×</button>"
    )
    leaks = template_syntax_leaks(phone_page)
    assert len(leaks) == 6, leaks  # an opening and a closing mark in each of the three places
    assert [leak for leak in leaks if "One published review" in leak and "who and since when. #}" in leak]
    phone_page.set_content(
        '<p data-config=\'{"a": {"b": 1}}\'>Plain words.</p><script type=\'application/json\'>{"a": {"b": 1}}</script>'
    )
    assert template_syntax_leaks(phone_page) == []


def test_axe_checks_target_size_on_every_page_visited(phone_page):
    from tests.browser.conftest import AXE, AXE_OPTIONS

    tiny = "display: inline-block; width: 10px; height: 10px"
    links = "".join(f"<a href='#{n}' style='{tiny}'>{n}</a>" for n in range(3))
    phone_page.set_content(f"<html lang='en'><title>Links</title>{PHONE_WIDTH}<main><nav>{links}</nav></main></html>")
    results = AXE.run(phone_page, options=AXE_OPTIONS)
    assert "target-size" in {violation["id"] for violation in results.response["violations"]}
