"""Marking words that are not in the page's language, so they are read aloud and laid out in their own.

A page not translated yet is shown in English, and a term or stamp without a translation keeps its English name: on an
Urdu page that English would otherwise inherit `dir="rtl"` (full stops jump to the start of the line) and be read
with an Urdu voice. Each piece of such content carries its own `lang` and `dir`; the interface's own words nested
inside it carry the interface's.
"""

from django import template
from django.utils import translation
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from wagtail.models import Locale, Page

register = template.Library()


def direction(code):
    try:
        return "rtl" if translation.get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


def _locale_languages(context):
    """{locale id: language code}, read once per request (there are a handful of locales)."""
    request = context.get("request")
    languages = getattr(request, "_locale_languages", None)
    if languages is None:
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        if request is not None:
            request._locale_languages = languages
    return languages


def language_of(context, item):
    """The language an item's words are written in: a language code, a page (an untranslated alias shows its
    source's words) or a translatable snippet (a term, a stamp, a glossary entry)."""
    if not item:
        return ""
    if isinstance(item, str):
        return item
    if hasattr(item, "content_language"):
        return item.content_language
    languages = _locale_languages(context)
    if isinstance(item, Page) and item.alias_of_id:
        return languages.get(item.alias_of.locale_id, "")
    return languages.get(getattr(item, "locale_id", None), "")


def _attributes(code):
    return format_html(' lang="{}" dir="{}"', code, direction(code))


def _interface_language():
    return translation.get_language() or ""


@register.simple_tag(takes_context=True)
def lang_attrs(context, item):
    """` lang="…" dir="…"` when the item's words are in another language than the interface's, else nothing."""
    code = language_of(context, item)
    if not code or code == _interface_language():
        return ""
    return _attributes(code)


@register.simple_tag(takes_context=True)
def interface_lang_attrs(context):
    """The interface's `lang` and `dir`, for its own words inside content shown in another language (the labels of
    a video block on a page shown in English because it is not translated yet)."""
    page = context.get("page")
    if not getattr(page, "is_untranslated_alias", False):
        return ""
    return _attributes(_interface_language())


@register.simple_tag(takes_context=True)
def lang_span(context, text, item):
    """The text, wrapped in a span with its own `lang` and `dir` when the item is in another language; for words
    placed inside a translated sentence ("Endorses “Reliable”")."""
    attributes = lang_attrs(context, item)
    if not attributes:
        return escape(text)
    return mark_safe(f"<span{attributes}>{escape(text)}</span>")  # noqa: S308 - attributes and text are escaped
