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
    "rating",
    "stamp",
    "max_price",
    "within",
    "units",
    "sort",
    "page",
)
MULTIPLE = {"need", "service", "funding", "language", "day", "time", "stamp"}


def canonical(params):
    """A QueryDict of the known, non-empty parameters in a fixed order: lists de-duplicated, single values the last
    one given (as Django's forms read them), and no shared location once a place is typed."""
    result = QueryDict(mutable=True)
    for key in PARAMETER_ORDER:
        values = []
        for value in params.getlist(key):
            value = value.strip()
            if value and value not in values:
                values.append(value)
        if values:
            result.setlist(key, values if key in MULTIPLE else values[-1:])
    if "where" in result:
        result.pop("near", None)
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
        if key in MULTIPLE:
            if str(value) not in result.getlist(key):
                result.appendlist(key, str(value))
        else:
            result.setlist(key, [str(value)])
    return canonical(result)


def without(params, errors):
    """The query without the parameters a form refused."""
    return with_changes(params, remove=[(key, None) for key in errors], keep_page=True)


def pairs(params, include=None, exclude=()):
    """(name, value) pairs for hidden inputs that carry the rest of the query through a form."""
    return [
        (key, value)
        for key, values in params.lists()
        if (include is None or key in include) and key not in exclude
        for value in values
    ]


def url(params):
    query = canonical(params).urlencode()
    return reverse("find:support") + (f"?{query}" if query else "")
