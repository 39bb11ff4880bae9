"""Guidance pages as a reader sees them, in several languages."""

import re

import pytest
from django.utils import translation

from tests.factories import GuidancePageFactory
from tests.site_tree import publish

pytestmark = pytest.mark.django_db


def html_attrs(response):
    match = re.search(r'<html lang="([^"]+)" dir="([^"]+)"', response.content.decode())
    return match.groups()


@pytest.mark.parametrize(
    ("url", "lang", "direction", "title"),
    [
        ("/guidance/employing-a-pa/", "en", "ltr", "Employing a personal assistant"),
        ("/ur/guidance/employing-a-pa/", "ur", "rtl", "ذاتی معاون کو ملازم رکھنا"),
        ("/gd/guidance/employing-a-pa/", "gd", "ltr", "A’ fastadh neach-taic pearsanta"),
    ],
)
def test_guidance_page_in_each_language_sets_lang_and_dir(client, multilingual_site, url, lang, direction, title):
    response = client.get(url)
    assert response.status_code == 200
    assert html_attrs(response) == (lang, direction)
    assert title in response.content.decode()
    assert "Not translated yet" not in response.content.decode()


def test_guidance_page_shows_last_reviewed_date_and_glossary_words(client, site_tree):
    page = site_tree["guidance"]
    content = client.get(page.url).content.decode()
    assert f'datetime="{page.last_reviewed:%Y-%m-%d}"' in content
    assert "Words used on this page" in content
    assert 'class="app-glossary-term"' in content
    assert "Money from the council paid to you" in content
    assert 'href="/glossary/#term-direct-payment"' in content


def test_untranslated_page_shows_english_with_a_notice_in_the_readers_language(client, multilingual_site):
    response = client.get("/ur/glossary/")
    content = response.content.decode()
    assert html_attrs(response) == ("ur", "rtl")
    with translation.override("ur"):
        notice = translation.gettext("Not translated yet")
    assert notice != "Not translated yet", "the Urdu catalogue should translate the notice"
    assert notice in content
    assert '<h1 class="govuk-heading-xl" lang="en" dir="ltr">Words we use</h1>' in content


def test_language_switcher_links_to_the_translated_page(client, multilingual_site):
    content = client.get("/guidance/employing-a-pa/").content.decode()
    assert 'href="/ur/guidance/employing-a-pa/" hreflang="ur" lang="ur" dir="rtl"' in content
    assert 'href="/gd/guidance/employing-a-pa/" hreflang="gd" lang="gd" dir="ltr"' in content
    assert '<span class="app-language-switcher__current" aria-current="true" lang="en"' in content


def test_guidance_index_filters_by_topic_without_javascript(client, site_tree):
    other = site_tree["index"].add_child(
        instance=site_tree["guidance"].__class__(
            title="Complaints", slug="complaints", summary="How to complain.", body=[]
        )
    )
    other.save_revision().publish()
    content = client.get("/guidance/?topic=employing-a-pa").content.decode()
    assert "Employing a personal assistant" in content
    assert "How to complain." not in content
    assert "How to complain." in client.get("/guidance/").content.decode()


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def add_guidance_pages(site_tree, count, prefix):
    for number in range(count):
        page = GuidancePageFactory(parent=site_tree["index"], title=f"{prefix} guide {number}")
        page.topics.add(site_tree["topic"])
        publish(page)


@pytest.mark.parametrize("url", ["/guidance/", "/search/?q=guide"])
def test_list_query_count_does_not_grow_with_pages(client, site_tree, url):
    add_guidance_pages(site_tree, 1, "first")
    count_queries(client, url)  # warm up
    with_few = count_queries(client, url)
    add_guidance_pages(site_tree, 14, "more")
    count_queries(client, url)  # the header and footer links are found again after pages are published
    with_many = count_queries(client, url)
    assert with_many == with_few
    assert with_many <= 30


def test_search_finds_guidance_in_the_readers_language(client, multilingual_site):
    english = client.get("/search/?q=assistant").content.decode()
    assert "Employing a personal assistant" in english
    urdu = client.get("/ur/search/?q=معاون").content.decode()
    assert "ذاتی معاون کو ملازم رکھنا" in urdu
    assert "Employing a personal assistant" not in urdu


@pytest.mark.parametrize("query", ["<script>alert(1)</script>", "' OR 1=1 --", "x" * 5000, "%00"])
def test_search_handles_hostile_input(client, site_tree, query):
    response = client.get("/search/", {"q": query, "page": "-3"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_home_page_in_urdu_is_right_to_left(client, multilingual_site):
    response = client.get("/ur/")
    assert html_attrs(response) == ("ur", "rtl")
    assert "مدد تلاش کریں اور منتخب کریں" in response.content.decode()
