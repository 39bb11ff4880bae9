"""Wagtail's database search (guidance, the admin's page and snippet search) for any words people type.

modelsearch puts each word inside the database's own query syntax: on SQLite a double quote ends a quoted term early
and a NUL ends the string (both are errors, not "no results"), and PostgreSQL refuses any text with a NUL in it.
Neither character can be part of a searchable word, so they become spaces before the backend sees them; "words" of
punctuation alone are left out (with the default AND, one would make any search find nothing), and a query with no
words left finds nothing. Elasticsearch and OpenSearch take words as data and need none of this.
"""

import copy
import functools
import unicodedata

from modelsearch.backends import database
from modelsearch.query import And, Boost, Not, Or, Phrase, PlainText

_QUOTE = '"'


def searchable_words(text):
    """The words of the text, split where it has double quotes or control characters (NUL, tabs, …); a "word" with
    no letter or digit in it (a dash, "'>") is left out, as it can match nothing and would make every search fail."""
    kept = "".join(" " if char == _QUOTE or unicodedata.category(char) == "Cc" else char for char in str(text))
    return " ".join(word for word in kept.split() if any(char.isalnum() for char in word))


def _clean(query):
    """A copy of a query string or query object with only searchable words in it (None if no words remain)."""
    if isinstance(query, str):
        return searchable_words(query) or None
    if isinstance(query, (PlainText, Phrase)):
        words = searchable_words(query.query_string)
        if not words:
            return None
        query = copy.copy(query)
        query.query_string = words
        return query
    if isinstance(query, (And, Or)):
        parts = [part for part in map(_clean, query.subqueries) if part is not None]
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else type(query)(parts)
    if isinstance(query, (Not, Boost)):
        inner = _clean(query.subquery)
        if inner is None:
            return None
        query = copy.copy(query)
        query.subquery = inner
        return query
    return query  # MatchAll and the like carry no words


class SafeWordsMixin:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        # An empty string is the backends' own "no results" (EmptySearchResults).
        cleaned = _clean(query)
        return super()._search(query_compiler_class, "" if cleaned is None else cleaned, model_or_queryset, **kwargs)


@functools.cache
def _safe_class(backend_class):
    return type(f"SafeWords{backend_class.__name__}", (SafeWordsMixin, backend_class), {})


def SearchBackend(params):  # noqa: N802 - the name Wagtail's settings look for in a backend module
    """The backend modelsearch picks for the default database (SQLite FTS5, PostgreSQL, MySQL or the fallback)."""
    chosen = database.SearchBackend(params)
    return _safe_class(type(chosen))(params)
