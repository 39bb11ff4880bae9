"""Guidance in a real browser: every page type in English and Urdu (right to left), with axe-core checks."""

import pytest

from tests.site_tree import build_site, sync_aliases, translate

pytestmark = pytest.mark.django_db(transaction=True)

PAGE_PATHS = [
    "/",
    "/guidance/",
    "/guidance/employing-a-pa/",
    "/glossary/",
    "/search/?q=assistant",
    "/alerts/",
    "/accounts/login/",
]


@pytest.fixture
def site(transactional_db):
    tree = build_site()
    translate(tree["home"], "ur", title="مدد تلاش کریں اور منتخب کریں")
    translate(tree["index"], "ur", title="رہنمائی")
    translate(
        tree["guidance"],
        "ur",
        title="ذاتی معاون کو ملازم رکھنا",
        summary="ذاتی معاون کو ملازم رکھنے سے پہلے کن باتوں پر غور کریں۔",
    )
    sync_aliases(["ur", "gd"])
    return tree


@pytest.mark.parametrize("language", ["", "/ur"], ids=["english", "urdu"])
def test_every_page_type_has_no_accessibility_violations(visitor, site, language):
    for path in PAGE_PATHS:
        visitor.visit(language + path)
        expected = ("ur", "rtl") if language else ("en", "ltr")
        assert (visitor.page.get_attribute("html", "lang"), visitor.page.get_attribute("html", "dir")) == expected


def test_right_to_left_layout_puts_the_main_column_on_the_right(visitor, site):
    visitor.visit("/ur/guidance/employing-a-pa/")
    article = visitor.page.locator("article.app-guidance").bounding_box()
    aside = visitor.page.locator("aside.app-guidance-aside").bounding_box()
    assert article["x"] > aside["x"], "In Urdu the article should sit to the right of the sidebar"
    assert visitor.page.evaluate("getComputedStyle(document.querySelector('main')).direction") == "rtl"
    visitor.visit("/guidance/employing-a-pa/")
    article = visitor.page.locator("article.app-guidance").bounding_box()
    aside = visitor.page.locator("aside.app-guidance-aside").bounding_box()
    assert article["x"] < aside["x"]


def test_keyboard_reaches_skip_link_language_switcher_and_main_content(visitor, site):
    page = visitor.page
    visitor.visit("/guidance/employing-a-pa/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    assert page.locator(".govuk-skip-link").evaluate("el => getComputedStyle(el).clip") in ("auto", "")

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"

    visitor.visit("/guidance/employing-a-pa/")
    reached = []
    for _ in range(30):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.getAttribute('hreflang')"))
        if "ur" in reached:
            break
    assert "ur" in reached, "The language switcher's Urdu link was not reachable by keyboard"
    page.keyboard.press("Enter")
    page.wait_for_url("**/ur/guidance/employing-a-pa/")
    assert page.get_attribute("html", "dir") == "rtl"
    visitor.check()


def test_untranslated_page_in_urdu_shows_notice_and_english_content(visitor, site):
    visitor.visit("/ur/glossary/")
    assert visitor.page.locator("#translation-notice-title").is_visible()
    assert visitor.page.locator("h1").get_attribute("lang") == "en"


def test_glossary_term_explains_itself_on_the_page(visitor, site):
    visitor.visit("/guidance/employing-a-pa/")
    term = visitor.page.locator("a.app-glossary-term").first
    assert term.get_attribute("href").endswith("/glossary/#term-direct-payment")
    assert "Money from the council" in visitor.page.locator(".app-glossary-list").inner_text()


def test_pages_work_without_javascript(visitor_without_js, site):
    for path in ["/", "/guidance/employing-a-pa/", "/ur/guidance/employing-a-pa/"]:
        visitor_without_js.visit(path)
    visitor_without_js.visit("/guidance/?topic=employing-a-pa")
    assert "Employing a personal assistant" in visitor_without_js.page.inner_text("main")
