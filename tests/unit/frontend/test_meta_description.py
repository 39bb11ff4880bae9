"""Every page type has a meta description (what search engines and link previews show), in the reader's language."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from providers.seed import seed_default_taxonomies
from tests.unit.providers.test_listing_page import build_listing

pytestmark = pytest.mark.django_db

SITE_DESCRIPTION = (
    "Guidance on self-directed support, and personal assistants and support services that cover where you live."
)


def descriptions(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return [meta["content"] for meta in page.find_all("meta", attrs={"name": "description"})]


def test_a_guidance_page_uses_its_search_description_else_its_summary(client, site_tree):
    guidance = site_tree["guidance"]
    assert descriptions(client, guidance.url) == ["What to think about before you employ a PA."]
    guidance.search_description = "Employing a PA: contracts, pay and checks."
    guidance.save_revision().publish()
    assert descriptions(client, guidance.url) == ["Employing a PA: contracts, pay and checks."]


def test_home_index_and_glossary_use_their_introductions_as_plain_text(client, site_tree):
    for key in ("home", "index", "glossary"):
        page = site_tree[key].specific
        page.intro = '<p>Plain words &amp; <a linktype="glossary" id="1">direct payments</a> explained.</p>'
        page.save_revision().publish()
        assert descriptions(client, page.url) == ["Plain words & direct payments explained."], key


def test_a_long_introduction_is_cut_at_a_word(client, site_tree):
    home = site_tree["home"].specific
    home.intro = "<p>" + "Support that you choose and arrange yourself. " * 10 + "</p>"
    home.save_revision().publish()
    [description] = descriptions(client, "/")
    assert len(description) <= 160
    assert description.endswith("…")


def test_find_support_and_listings_describe_themselves(client, site_tree):
    seed_default_taxonomies()
    listing = build_listing(summary="Personal care and help around the house in Leith.")
    assert descriptions(client, f"/support/{listing.slug}/") == ["Personal care and help around the house in Leith."]
    [find] = descriptions(client, "/find-support/")
    assert find.startswith("Find personal assistants and support services that cover where you live")


def test_other_pages_say_what_the_site_is_for_in_the_readers_language(client, site_tree):
    assert descriptions(client, "/alerts/") == [SITE_DESCRIPTION]
    assert descriptions(client, "/search/") == [SITE_DESCRIPTION]
    with translation.override("ur"):
        urdu = translation.gettext(SITE_DESCRIPTION)
    assert urdu != SITE_DESCRIPTION
    assert descriptions(client, "/ur/alerts/") == [urdu]
    [stamps] = descriptions(client, "/reviews/quality-stamps/")
    assert stamps == "What each quality stamp means and how listings earn one."
