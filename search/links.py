"""URLs for the find-support page: the URL holds the whole query, so every link is the query with one change."""

from django.http import QueryDict
from django.urls import reverse

# The order parameters appear in, so equal queries have equal URLs (and saved searches compare as equal).
PARAMETER_ORDER = (
    "where",
    "near",
    "q",
    "need",
    "service",
    "funding",
    "language",
    "gender",
    "day",
    "time",
    "short_notice",
    "verified",
    "accepting",
    "max_price",
    "within",
    "units",
    "sort",
    "page",
)


def canonical(params):
    """A QueryDict with only known, non-empty parameters, in a fixed order, values de-duplicated."""
    result = QueryDict(mutable=True)
    for key in PARAMETER_ORDER:
        values = []
        for value in params.getlist(key):
            value = value.strip()
            if value and value not in values:
                values.append(value)
        if values:
            result.setlist(key, values)
    return result


def with_changes(params, remove=(), add=(), keep_page=False):
    """The query with (key, value) pairs removed (value None removes the key) and added; back to page 1."""
    result = canonical(params)
    if not keep_page:
        result.pop("page", None)
    for key, value in remove:
        if value is None:
            result.pop(key, None)
        else:
            result.setlist(key, [v for v in result.getlist(key) if v != str(value)])
    for key, value in add:
        if key in ("sort", "units", "gender", "within", "max_price", "where", "page"):
            result.setlist(key, [str(value)])
        elif str(value) not in result.getlist(key):
            result.appendlist(key, str(value))
    return result


def url(params):
    query = canonical(params).urlencode()
    return reverse("find:support") + (f"?{query}" if query else "")
