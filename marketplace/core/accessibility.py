"""Checks that keep editors' content accessible. Each returns a list of problems (empty when fine)."""

import re
from html.parser import HTMLParser

from django.utils.translation import gettext as _

# Link text that says nothing about where the link goes once read out of context (WCAG 2.4.4).
VAGUE_LINK_TEXT = {
    "click here",
    "click",
    "here",
    "click this",
    "this link",
    "link",
    "more",
    "read more",
    "more info",
    "more information",
    "this page",
    "go",
}
BARE_URL = re.compile(r"^\s*(https?://|www\.)\S+\s*$", re.IGNORECASE)
IMAGE_FILENAME = re.compile(r"\.(jpe?g|png|gif|webp|svg|avif|tiff?)\s*$", re.IGNORECASE)
MEANINGLESS_ALT = {"image", "picture", "photo", "img", "graphic", "icon", "alt"}


class _LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._depth += 1
            self.links.append("")

    def handle_endtag(self, tag):
        if tag == "a" and self._depth:
            self._depth -= 1

    def handle_data(self, data):
        if self._depth:
            self.links[-1] += data


def link_text_problems(text):
    cleaned = " ".join(text.split()).strip(" .:!").lower()
    if not cleaned:
        return [_("A link has no text. Give every link words that say where it goes.")]
    if cleaned in VAGUE_LINK_TEXT:
        return [
            _(
                "The link text “%(text)s” does not say where the link goes. "
                "Use words such as “Read the guide to direct payments”."
            )
            % {"text": text.strip()}
        ]
    if BARE_URL.match(text):
        return [
            _("The link text “%(text)s” is a web address. Use words that say where the link goes.")
            % {"text": text.strip()}
        ]
    return []


def rich_text_link_problems(html):
    parser = _LinkCollector()
    parser.feed(html or "")
    problems = []
    for text in parser.links:
        problems.extend(link_text_problems(text))
    return problems


def alt_text_problems(alt_text):
    cleaned = (alt_text or "").strip()
    if not cleaned:
        return [_("Describe the picture in the alternative text, for people who cannot see it.")]
    if IMAGE_FILENAME.search(cleaned):
        return [_("The alternative text looks like a file name. Describe what the picture shows.")]
    if cleaned.lower() in MEANINGLESS_ALT:
        return [_("The alternative text “%(text)s” does not describe the picture.") % {"text": cleaned}]
    return []


def heading_level_problems(levels):
    """Given heading levels in page order (the page title is level 1), return {position: problem}."""
    problems = {}
    previous = 1
    for position, level in levels:
        if level > previous + 1:
            problems[position] = _(
                "This heading skips a level: a level %(level)s heading must follow a level %(expected)s heading."
            ) % {"level": level, "expected": level - 1}
        previous = level
    return problems
