"""The page's meta description: what search engines and link previews show under its title."""

import html

from django import template
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext

register = template.Library()

# Search engines show about this many characters.
LENGTH = 160


def plain(text):
    """Rich text or plain text as one line of plain text, cut at a word near the length shown."""
    words = " ".join(html.unescape(strip_tags(text or "")).split())
    return Truncator(words).chars(LENGTH)


@register.simple_tag(takes_context=True)
def meta_description(context):
    """A guidance page's search description or summary, an index's or home page's introduction; otherwise what the
    whole site is for. A page type with words of its own (a listing, find support) overrides the block instead."""
    page = context.get("page")
    for field in ("search_description", "summary", "intro"):
        text = plain(getattr(page, field, ""))
        if text:
            return text
    return gettext(
        "Guidance on self-directed support, and personal assistants and support services that cover where you live."
    )
