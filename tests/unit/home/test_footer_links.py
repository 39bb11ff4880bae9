"""The footer's links to the council pages: in the reader's language, falling back to English, found in one query."""

import re

import pytest
from django.db import connection
from django.template import RequestContext, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from home.models import FooterLink
from home.templatetags.navigation import forget_navigation
from tests.factories import InformationPageFactory
from tests.site_tree import add_council_pages, publish, sync_aliases, translate

pytestmark = pytest.mark.django_db

LABELS = ["Accessibility statement", "Privacy notice", "Cookies", "Contact us"]
SLUGS = ["accessibility-statement", "privacy-notice", "cookies", "contact-us"]
URDU_TITLES = ["رسائی کا بیان", "رازداری کا نوٹس", "کوکیز", "ہم سے رابطہ کریں"]
LINK = re.compile(r"<a ([^>]*)>([^<]+)</a>")


def footer_links(content):
    """[(attributes, words)] of the footer's links, attributes as a dict."""
    footer = content[content.index("<footer") :]
    return [(dict(re.findall(r'([\w-]+)="([^"]*)"', attrs)), words) for attrs, words in LINK.findall(footer)]


def council_links(content):
    return [link for link in footer_links(content) if link[0]["href"].rstrip("/").endswith(tuple(SLUGS))]


@pytest.fixture
def council(site_tree):
    return {**site_tree, **add_council_pages(site_tree["home"])}


def urdu_labels():
    with translation.override("ur"):
        labels = [translation.gettext(label) for label in LABELS]
    assert all(urdu != english for urdu, english in zip(labels, LABELS, strict=True)), "Urdu catalogue incomplete"
    return labels


def test_english_footer_links_to_the_four_pages(client, council):
    links = council_links(client.get("/glossary/").content.decode())
    assert [(attrs["href"], words) for attrs, words in links] == [
        (f"/{slug}/", label) for slug, label in zip(SLUGS, LABELS, strict=True)
    ]
    for attrs, _words in links:
        assert "hreflang" not in attrs and "aria-current" not in attrs
        # 5px above and below the 20px line: a 30px target (WCAG 2.2, 2.5.8); measured in the browser tests.
        assert {"govuk-!-display-inline-block", "govuk-!-padding-top-1", "govuk-!-padding-bottom-1"} <= set(
            attrs["class"].split()
        )


def test_footer_marks_the_page_you_are_on(client, council):
    links = council_links(client.get("/cookies/").content.decode())
    assert [attrs.get("aria-current") for attrs, _words in links] == [None, None, "page", None]


def test_urdu_footer_links_to_the_urdu_pages_in_urdu(client, council):
    translate(council["home"], "ur", title="مدد تلاش کریں اور منتخب کریں")
    for link, title in zip(["accessibility", "privacy", "cookies", "contact"], URDU_TITLES, strict=True):
        translate(council[link], "ur", title=title, summary="ایک مختصر خلاصہ۔")
    content = client.get("/ur/").content.decode()
    assert re.search(r'<html lang="ur" dir="rtl"', content)
    links = council_links(content)
    assert [(attrs["href"], words) for attrs, words in links] == [
        (f"/ur/{slug}/", label) for slug, label in zip(SLUGS, urdu_labels(), strict=True)
    ]
    assert not any("hreflang" in attrs for attrs, _words in links)


def test_untranslated_pages_are_linked_in_english_and_say_so(client, council):
    translate(council["home"], "ur", title="مدد تلاش کریں اور منتخب کریں")
    translate(council["privacy"], "ur", title="رازداری کا نوٹس", summary="ایک مختصر خلاصہ۔")
    # No Urdu copies of the other three yet: the footer falls back to the English pages.
    links = council_links(client.get("/ur/").content.decode())
    assert [(attrs["href"], attrs.get("hreflang"), words) for attrs, words in links] == [
        ("/accessibility-statement/", "en", urdu_labels()[0]),
        ("/ur/privacy-notice/", None, urdu_labels()[1]),
        ("/cookies/", "en", urdu_labels()[2]),
        ("/contact-us/", "en", urdu_labels()[3]),
    ]
    # Once the Urdu tree is synchronised, each untranslated page has an Urdu address showing the English text.
    sync_aliases(["ur"])
    links = council_links(client.get("/ur/").content.decode())
    assert [(attrs["href"], attrs.get("hreflang")) for attrs, _words in links] == [
        ("/ur/accessibility-statement/", "en"),
        ("/ur/privacy-notice/", None),
        ("/ur/cookies/", "en"),
        ("/ur/contact-us/", "en"),
    ]


def test_a_missing_or_unpublished_page_has_no_link(client, council):
    council["cookies"].unpublish()
    council["contact"].footer_link = ""
    publish(council["contact"])
    links = council_links(client.get("/glossary/").content.decode())
    assert [words for _attrs, words in links] == ["Accessibility statement", "Privacy notice"]


def information_page_queries(client, url, kept=False):
    """(all queries, the footer's queries) of one request; unless `kept`, nothing is kept from earlier requests."""
    if not kept:
        forget_navigation()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries), [q["sql"] for q in queries if "home_informationpage" in q["sql"]]


@pytest.mark.parametrize("url", ["/glossary/", "/ur/glossary/"])
def test_footer_pages_are_found_in_one_query_however_many_pages_there_are(client, council, url):
    translate(council["home"], "ur", title="مدد تلاش کریں اور منتخب کریں")
    sync_aliases(["ur"])
    information_page_queries(client, url)  # warm the site-root cache
    total_before, footer_queries = information_page_queries(client, url)
    assert len(footer_queries) == 1

    for number in range(6):
        publish(InformationPageFactory(parent=council["home"], slug=f"about-{number}", footer_link=""))
    for link, title in zip(["accessibility", "privacy", "cookies"], URDU_TITLES[:3], strict=True):
        translate(council[link], "ur", title=title, summary="ایک مختصر خلاصہ۔")
    sync_aliases(["ur", "gd"])
    information_page_queries(client, url)  # the site-root cache was cleared by the new pages
    total_after, footer_queries = information_page_queries(client, url)
    assert len(footer_queries) == 1
    assert total_after == total_before
    # Every page shows the footer: once found, the links are kept until a page changes.
    assert information_page_queries(client, url, kept=True)[1] == []


def test_the_lookup_is_kept_for_the_rest_of_the_request(council):
    forget_navigation()
    request = RequestFactory().get("/")
    template = Template("{% load navigation %}{% footer_links as first %}{% footer_links as again %}{{ again|length }}")
    with CaptureQueriesContext(connection) as queries:
        rendered = template.render(RequestContext(request, {}))
    assert rendered == "4"
    assert len([q for q in queries if "home_informationpage" in q["sql"]]) == 1


@pytest.mark.parametrize("language", ["ur", "ar", "gd", "pl", "cy"])
def test_footer_labels_and_the_editors_error_are_translated(language):
    english = [choice.label for choice in FooterLink] + [
        "“%(title)s” is already the “%(link)s” page in this language. Choose another footer link for this page, or "
        "change that page first."
    ]
    with translation.override(language):
        translated = [translation.gettext(str(words)) for words in english]
    for source, target in zip(english, translated, strict=True):
        assert target != source, f"{language} has no translation of {source!r}"
        assert target.count("%(") == source.count("%(")
