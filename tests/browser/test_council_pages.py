"""The council's footer pages in a real browser, in English and Urdu (right to left), with axe-core checks."""

import pytest

from tests.site_tree import COUNCIL_PAGES, add_council_pages, build_site, sync_aliases, translate

pytestmark = pytest.mark.django_db(transaction=True)

SLUGS = [slug for slug, _title in COUNCIL_PAGES.values()]
MINIMUM_TARGET = 24  # CSS pixels, WCAG 2.2 success criterion 2.5.8


@pytest.fixture
def site(transactional_db):
    tree = build_site()
    translate(tree["home"], "ur", title="مدد تلاش کریں اور منتخب کریں")
    pages = add_council_pages(tree["home"])
    translate(pages["privacy"], "ur", title="رازداری کا نوٹس", summary="ہم آپ کی معلومات کیسے استعمال کرتے ہیں۔")
    sync_aliases(["ur"])  # the other three stay English pages with Urdu addresses
    return tree


@pytest.mark.parametrize(("language", "direction"), [("en", "ltr"), ("ur", "rtl")])
def test_every_footer_page_opens_from_the_footer_with_no_accessibility_violations(visitor, site, language, direction):
    prefix = "" if language == "en" else f"/{language}"
    page = visitor.page
    for slug in SLUGS:
        visitor.visit(f"{prefix}/")
        link = page.locator(f'footer a[href="{prefix}/{slug}/"]')
        box = link.bounding_box()
        assert box["width"] >= MINIMUM_TARGET and box["height"] >= MINIMUM_TARGET, f"{slug} link is {box}"
        link.click()
        page.wait_for_url(f"**{prefix}/{slug}/")
        visitor.check()
        assert (page.get_attribute("html", "lang"), page.get_attribute("html", "dir")) == (language, direction)
        assert page.locator(f'footer a[href="{prefix}/{slug}/"]').get_attribute("aria-current") == "page"
        assert page.locator("main h1").is_visible()
        assert page.locator("main .app-page-meta time").is_visible()


def test_untranslated_footer_page_in_urdu_is_english_with_a_notice(visitor, site):
    visitor.visit("/ur/cookies/")
    assert visitor.page.locator("#translation-notice-title").is_visible()
    assert visitor.page.locator("article.app-information").get_attribute("lang") == "en"
    visitor.visit("/ur/privacy-notice/")
    assert visitor.page.locator("#translation-notice-title").count() == 0
    assert visitor.page.locator("article.app-information").get_attribute("lang") == "ur"
    assert visitor.page.locator("main h1").inner_text() == "رازداری کا نوٹس"
