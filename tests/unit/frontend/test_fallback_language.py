"""Words shown in another language than the page's carry their own `lang` and `dir`.

An English page shown on the Urdu site because it is not translated yet was laid out right to left (full stops jumped
to the start of lines) and read with an Urdu voice; so were terms and stamps without a translation.
"""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from providers.seed import seed_default_taxonomies
from tests.review_data import add_reviews
from tests.site_tree import sync_aliases
from tests.unit.providers.test_listing_page import build_listing

pytestmark = pytest.mark.django_db


def soup(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content.decode(), "html.parser")


def language(element):
    """The (lang, dir) an element's words are in: its own, or the nearest ancestor's."""
    lang = element if element.has_attr("lang") else element.find_parent(attrs={"lang": True})
    direction = element if element.has_attr("dir") else element.find_parent(attrs={"dir": True})
    return lang["lang"], direction["dir"]


@pytest.fixture
def untranslated(site_tree):
    """The English site, with Urdu and Gaelic aliases of every page (nothing translated)."""
    sync_aliases(["ur", "gd"])
    return site_tree


def test_an_untranslated_page_on_the_urdu_site_is_english_left_to_right(client, untranslated):
    page = soup(client, "/ur/guidance/employing-a-pa/")
    assert language(page.find("h1")) == ("en", "ltr")
    assert language(page.find(string="What to think about before you employ a PA.").parent) == ("en", "ltr")
    assert language(page.find(string="Before you start").parent) == ("en", "ltr")
    # The notice saying so is in Urdu, like the rest of the interface.
    assert language(page.find(id="translation-notice-title")) == ("ur", "rtl")
    assert language(page.find(id="words-on-this-page")) == ("ur", "rtl")


def test_interface_words_inside_the_english_content_stay_urdu(client, untranslated):
    page = soup(client, "/ur/guidance/employing-a-pa/")
    warning = page.find(class_="govuk-warning-text__text")
    assert language(warning) == ("en", "ltr")
    assert language(warning.find(class_="govuk-visually-hidden")) == ("ur", "rtl")


def test_untranslated_terms_topics_and_breadcrumbs_are_marked_english(client, untranslated):
    page = soup(client, "/ur/guidance/employing-a-pa/")
    assert language(page.find(id="term-direct-payment")) == ("en", "ltr")
    assert language(page.find("a", string="Employing a PA")) == ("en", "ltr")  # the topic
    assert language(page.find("li", string="Carers")) == ("en", "ltr")  # the audience
    breadcrumbs = page.find(class_="govuk-breadcrumbs")
    assert language(breadcrumbs.find("a", href="/ur/guidance/")) == ("en", "ltr")
    glossary_link = page.find("a", class_="app-glossary-term")
    assert (glossary_link["data-glossary-lang"], glossary_link["data-glossary-dir"]) == ("en", "ltr")


def test_a_left_to_right_language_marks_english_too(client, untranslated):
    page = soup(client, "/gd/guidance/employing-a-pa/")
    assert language(page.find("h1")) == ("en", "ltr")
    assert page.find("h1").find_parent(attrs={"lang": "en"}) is not None


def test_a_translated_page_has_no_english_marks(client, multilingual_site):
    page = soup(client, "/ur/guidance/employing-a-pa/")
    assert language(page.find("h1")) == ("ur", "rtl")
    assert page.find(id="translation-notice-title") is None
    # The glossary term, topic and audience are not translated in this site: only they are marked English.
    marked = {element.get_text(strip=True) for element in page.find("main").find_all(attrs={"lang": "en"})}
    assert marked == {
        "Direct payment",
        "Money from the council paid to you to arrange your own support.",
        "Employing a PA",
        "Carers",
    }


def test_english_pages_have_no_language_marks(client, untranslated):
    page = soup(client, "/guidance/employing-a-pa/")
    assert page.find("main").find_all(attrs={"lang": True}) == []


def test_untranslated_index_glossary_and_home_pages(client, untranslated):
    for path in ("/ur/", "/ur/guidance/", "/ur/glossary/"):
        page = soup(client, path)
        assert language(page.find("h1")) == ("en", "ltr"), path
    index = soup(client, "/ur/guidance/")
    assert language(index.find("a", string="Employing a personal assistant")) == ("en", "ltr")
    glossary = soup(client, "/ur/glossary/")
    assert language(glossary.find(id="term-direct-payment")) == ("en", "ltr")


def test_listing_terms_without_a_translation_are_marked_english(client, site_tree):
    seed_default_taxonomies()
    listing = build_listing()
    need = listing.needs.get()
    translated = need.copy_for_translation(Locale.objects.get(language_code="ur"))
    translated.name = "ذاتی نگہداشت"
    translated.save()
    page = soup(client, f"/ur/support/{listing.slug}/")
    assert language(page.find("li", string="ذاتی نگہداشت")) == ("ur", "rtl")
    untranslated_language = listing.languages.get().name
    assert language(page.find("li", string=untranslated_language)) == ("en", "ltr")


def test_stamps_without_a_translation_and_reviews_in_another_language(client, site_tree):
    seed_default_taxonomies()
    listing = build_listing()
    add_reviews(listing, (5, 5, 4), endorse=("reliable",))
    urdu_review = listing.reviews.first()
    urdu_review.language = "ur"
    urdu_review.text = "ہمیشہ وقت پر آئیں۔"
    urdu_review.save()
    english = soup(client, f"/support/{listing.slug}/")
    review_text = english.find(string="ہمیشہ وقت پر آئیں۔").parent
    assert language(review_text) == ("ur", "rtl")

    urdu = soup(client, f"/ur/support/{listing.slug}/")
    stamp_link = urdu.find("a", class_="app-stamp__name")
    assert language(stamp_link) == ("en", "ltr")
    endorsement = urdu.find(class_="app-review__endorsements").find("strong")
    assert language(endorsement) == ("ur", "rtl")  # the sentence around the stamp's name is Urdu
    assert language(endorsement.find("span")) == ("en", "ltr")


def test_translated_stamps_are_not_marked(client, site_tree):
    seed_default_taxonomies()
    listing = build_listing()
    add_reviews(listing, (5, 5, 4), endorse=("reliable",))
    translate_stamp = listing.reviews.first().endorsements.first().stamp
    urdu_stamp = translate_stamp.copy_for_translation(Locale.objects.get(language_code="ur"))
    urdu_stamp.name = "قابلِ اعتماد"
    urdu_stamp.save()
    urdu = soup(client, f"/ur/support/{listing.slug}/")
    assert language(urdu.find("a", class_="app-stamp__name")) == ("ur", "rtl")
