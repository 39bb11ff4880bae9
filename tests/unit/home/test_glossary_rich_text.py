"""The "glossary" rich text feature: editor (contentstate) ⇄ database ⇄ the page a reader sees."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.models import Locale
from wagtail.rich_text import expand_db_html, features

from home.models import GlossaryTerm

pytestmark = pytest.mark.django_db

FEATURES = ["bold", "italic", "link", "glossary"]


def make_term():
    english = Locale.objects.get_or_create(language_code="en")[0]
    return GlossaryTerm.objects.create(
        term="Direct payment", slug="direct-payment", locale=english, definition="Money from the council."
    )


def contentstate_with_glossary_link(term_id):
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "depth": 0,
                    "text": "Pay a PA with a direct payment.",
                    "inlineStyleRanges": [],
                    "entityRanges": [{"key": 0, "offset": 16, "length": 14}],
                }
            ],
            "entityMap": {"0": {"type": "GLOSSARY", "mutability": "MUTABLE", "data": {"id": term_id, "term": "x"}}},
        }
    )


def test_contentstate_to_database_stores_a_glossary_link_with_the_term_id():
    html = ContentstateConverter(features=FEATURES).to_database_format(contentstate_with_glossary_link(42))
    assert html == '<p data-block-key="a1b2c">Pay a PA with a <a linktype="glossary" id="42">direct payment</a>.</p>'


def test_contentstate_glossary_entity_without_a_term_keeps_only_the_words():
    html = ContentstateConverter(features=FEATURES).to_database_format(contentstate_with_glossary_link(None))
    assert html == '<p data-block-key="a1b2c">Pay a PA with a direct payment.</p>'


def test_database_to_contentstate_gives_the_editor_the_term_id_and_name_and_round_trips():
    term = make_term()
    html = f'<p data-block-key="a1b2c">Pay a PA with a <a linktype="glossary" id="{term.pk}">direct payment</a>.</p>'
    converter = ContentstateConverter(features=FEATURES)

    contentstate = converter.from_database_format(html)

    raw = json.loads(contentstate)
    assert raw["entityMap"]["0"] == {
        "type": "GLOSSARY",
        "mutability": "MUTABLE",
        "data": {"id": term.pk, "term": "Direct payment"},
    }
    assert raw["blocks"][0]["entityRanges"] == [{"key": 0, "offset": 16, "length": 14}]
    assert converter.to_database_format(contentstate) == html


def test_database_to_contentstate_keeps_the_id_of_a_deleted_term():
    converter = ContentstateConverter(features=FEATURES)
    raw = json.loads(converter.from_database_format('<p><a linktype="glossary" id="999">PVG</a></p>'))
    assert raw["entityMap"]["0"]["data"] == {"id": 999}


def test_draftail_gets_a_glossary_entity_type_that_opens_the_glossary_term_chooser():
    plugin = features.get_editor_plugin("draftail", "glossary")
    options = {}
    plugin.construct_options(options)

    (entity_type,) = options["entityTypes"]
    assert entity_type["type"] == "GLOSSARY"
    chooser_url = reverse("wagtailsnippetchoosers_home_glossaryterm:choose")
    assert str(entity_type["chooserUrls"]["glossaryChooser"]) == chooser_url
    media = str(DraftailRichTextArea(features=FEATURES).media)
    assert "home/js/glossary-draftail.js" in media
    assert "home/css/glossary-draftail.css" in media


def test_front_end_links_the_words_to_the_term_on_the_glossary_page_with_its_definition(site_tree):
    term = site_tree["term"]

    html = expand_db_html(f'<p>Pay with a <a linktype="glossary" id="{term.pk}">direct payment</a>.</p>')

    link = re.search(r'<a [^>]*class="app-glossary-term"[^>]*>direct payment</a>', html)
    assert link, html
    assert f'href="{site_tree["glossary"].url}#term-direct-payment"' in link.group(0)
    assert 'data-glossary-definition="Money from the council paid to you to arrange your own support."' in link.group(0)


def test_front_end_shows_the_term_in_the_active_language_when_translated(site_tree):
    term = site_tree["term"]
    urdu_term = term.copy_for_translation(Locale.objects.get_or_create(language_code="ur")[0])
    urdu_term.term = "براہ راست ادائیگی"
    urdu_term.definition = "کونسل کی طرف سے آپ کو دی جانے والی رقم۔"
    urdu_term.save()
    html = f'<p><a linktype="glossary" id="{term.pk}">direct payment</a></p>'

    with translation.override("ur"):
        urdu = expand_db_html(html)
    with translation.override("en"):
        english = expand_db_html(html)

    assert 'data-glossary-definition="کونسل کی طرف سے آپ کو دی جانے والی رقم۔"' in urdu
    assert "#term-direct-payment" in urdu
    assert 'data-glossary-definition="Money from the council paid to you to arrange your own support."' in english


@pytest.mark.django_db
def test_pages_using_a_glossary_term_are_recorded_for_editors(site_tree):
    from wagtail.models import ReferenceIndex

    term = site_tree["term"]
    usages = ReferenceIndex.get_references_to(term)
    assert site_tree["guidance"].pk in {int(usage.object_id) for usage in usages}
