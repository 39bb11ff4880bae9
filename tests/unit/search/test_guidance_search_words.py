"""Guidance search, and the editors' page search, with words that used to reach the database's full-text syntax: any
query gives a page of results (or none), in every language, on SQLite and PostgreSQL."""

import pytest
from django.utils import translation
from modelsearch.query import And, Not, Or, Phrase, PlainText
from wagtail.models import Page

from home.models import GuidancePage
from marketplace.core.models import EDITORS_GROUP
from marketplace.core.search_backend import searchable_words
from tests.factories import UserFactory
from tests.mfa import enable_totp

pytestmark = pytest.mark.django_db

BROKE_THE_SYNTAX = ['"', "\"'>", 'a"b', '""', "'", "\\", "NEAR(", "*", "a AND", "^", "\u202e"]
LANGUAGES = ["", "/ur", "/gd"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("query", BROKE_THE_SYNTAX)
def test_any_words_give_a_page_of_results_or_none(client, multilingual_site, language, query):
    response = client.get(f"{language}/search/", {"q": query})

    assert response.status_code == 200
    assert 'role="status"' in response.content.decode()  # the count of results, none or some


@pytest.mark.parametrize("query", ['"Employing a personal assistant"', '"employing', "assistant\"'>"])
def test_words_beside_quotes_still_find_their_pages(client, site_tree, query):
    response = client.get("/search/", {"q": query})

    assert "What to think about before you employ a PA." in response.content.decode()


def test_a_nul_in_the_words_is_explained_not_searched(client, site_tree):
    with translation.override("ur"):
        response = client.get("/ur/search/", {"q": "care\x00"})
        expected = translation.gettext("There is a problem")

    assert response.status_code == 400
    assert expected in response.content.decode()


def test_editors_page_search_takes_any_words(client, site_tree):
    editor = UserFactory(email="editor@example.org", groups=[EDITORS_GROUP])
    enable_totp(editor)
    client.force_login(editor)

    for query in ['"', "\"'>", 'say "hello', '"Employing a"']:
        assert client.get("/admin/pages/search/", {"q": query}).status_code == 200


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ('say "hello"', "say hello"),
        ("a\x00b", "a b"),
        ("  tabs\tand\nlines  ", "tabs and lines"),
        ("\u202eright to left\u202c", "\u202eright to left\u202c"),
        ("اردو ਪੰਜਾਬੀ", "اردو ਪੰਜਾਬੀ"),
        ('"', ""),
        ("'>", ""),
        ("care - dementia", "care dementia"),
        ("don't", "don't"),
    ],
)
def test_searchable_words_keep_words_and_drop_what_cannot_match(query, words):
    assert searchable_words(query) == words


@pytest.mark.parametrize(
    "query",
    [
        Phrase('"'),
        Phrase('employing "a'),
        PlainText("\"'>"),
        And([PlainText('"'), Phrase("assistant")]),
        Or([Phrase('"'), PlainText('"')]),
        Not(PlainText('"')),
    ],
)
def test_query_objects_are_cleaned_too(site_tree, query):
    list(GuidancePage.objects.search(query))
    list(Page.objects.autocomplete(query))
