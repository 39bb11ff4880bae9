"""Glossary links in rich text: `<a linktype="glossary" id="N">words</a>` in the database.

On the page the link goes to the term on the glossary page; pages also list the terms they use with definitions.
"""

import json
import re

from django.utils.html import escape
from django.utils.translation import get_language_info
from wagtail.models import Locale
from wagtail.rich_text import LinkHandler

from marketplace.core.terms import localize

GLOSSARY_LINK_ID = re.compile(r'<a\b[^>]*\blinktype=\\?"glossary\\?"[^>]*>')
ID_ATTRIBUTE = re.compile(r'\bid=\\?"(\d+)\\?"')


def _glossary_url():
    from .models import GlossaryPage

    page = GlossaryPage.objects.live().filter(locale=Locale.get_active()).first()
    page = page or GlossaryPage.objects.live().filter(locale=Locale.get_default()).first()
    return page.url if page else ""


def terms_by_id(ids, locale):
    """{id: term} for these ids, each term in `locale` when translated, else as written."""
    from .models import GlossaryTerm

    terms = list(GlossaryTerm.objects.filter(id__in=ids).select_related("locale"))
    return {term.id: shown for term, shown in zip(terms, localize(terms, locale), strict=True)}


class GlossaryLinkHandler(LinkHandler):
    identifier = "glossary"

    @staticmethod
    def get_model():
        from .models import GlossaryTerm

        return GlossaryTerm

    @classmethod
    def extract_references(cls, attrs):
        """Lets the admin show which pages use a glossary term (Wagtail's reference index)."""
        if str(attrs.get("id", "")).isdigit():
            yield cls.get_model(), attrs["id"], "", ""

    @classmethod
    def expand_db_attributes(cls, attrs):
        return cls.expand_db_attributes_many([attrs])[0]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        ids = [int(attrs["id"]) for attrs in attrs_list if str(attrs.get("id", "")).isdigit()]
        terms = terms_by_id(ids, Locale.get_active())
        base_url = _glossary_url()
        tags = []
        for attrs in attrs_list:
            term = terms.get(int(attrs["id"])) if str(attrs.get("id", "")).isdigit() else None
            if term is None:
                tags.append("<a>")
                continue
            # The definition may be in another language than the words around the link (an English definition on an
            # Urdu page, when the term is not translated yet): the toggletip marks it with its own.
            language = term.locale.language_code
            tags.append(
                f'<a href="{escape(base_url)}#{escape(term.anchor)}" class="app-glossary-term" '
                f'data-glossary-definition="{escape(term.definition)}" data-glossary-lang="{escape(language)}" '
                f'data-glossary-dir="{"rtl" if get_language_info(language)["bidi"] else "ltr"}">'
            )
        return tags


def glossary_ids_in(stream_value):
    raw = json.dumps(list(stream_value.raw_data), ensure_ascii=False)
    ids = []
    for tag in GLOSSARY_LINK_ID.findall(raw):
        match = ID_ATTRIBUTE.search(tag)
        if match and int(match.group(1)) not in ids:
            ids.append(int(match.group(1)))
    return ids


def glossary_terms_in(stream_value, locale):
    """The glossary terms a page links to, in the page's language where translated, in order of first use."""
    ids = glossary_ids_in(stream_value)
    terms = terms_by_id(ids, locale)
    return [terms[term_id] for term_id in ids if term_id in terms]
