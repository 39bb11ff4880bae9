"""Small pieces every ORUK shape uses."""

import html
from dataclasses import dataclass, field
from datetime import UTC

import nh3
from django.utils import timezone

from marketplace.core.urls_absolute import absolute_url

from .. import directory
from ..taxonomies import TermIndex

EMPTY = (None, "", [], {})


def compact(**fields):
    """The fields that have a value: the standard asks for optional fields without one to be left out."""
    return {name: value for name, value in fields.items() if value not in EMPTY}


def timestamp(moment):
    """UTC with milliseconds, as the standard's example shows: 2026-03-15T10:30:45.123Z."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def plain_text(markup):
    """Text without tags: descriptions are stored as simple sanitised HTML, and consumers may not render HTML."""
    if not markup:
        return ""
    spaced = markup.replace("</p>", "</p>\n\n").replace("<br>", "\n").replace("</li>", "</li>\n")
    text = html.unescape(nh3.clean(spaced, tags=set()))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(lines).strip().replace("\n\n\n", "\n\n")


@dataclass
class Context:
    """What the shapes of one response (or one export) share: the time, the terms and the suppliers' checks."""

    now: object = field(default_factory=timezone.now)
    checks: dict = field(default_factory=dict)
    _terms: TermIndex | None = None

    @property
    def terms(self):
        if self._terms is None:
            self._terms = TermIndex()
        return self._terms

    def load_checks(self, listings):
        self.checks.update(
            directory.current_checks({listing.supplier_id for listing in listings}, timezone.localdate(self.now))
        )
        return self

    def checks_of(self, supplier_id):
        return self.checks.get(supplier_id, [])

    @staticmethod
    def url(path):
        return absolute_url(path)
