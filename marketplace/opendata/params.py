"""Reading the API's query parameters. Anything malformed is a 400 with a message saying what to send instead."""

import math
from datetime import datetime, time

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from marketplace.geography import is_northern_ireland, lookup_postcode, normalise_postcode

from . import ids

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
MINIMAL_MAX_PER_PAGE = 10_000  # `minimal` asks for every service in one call
MAX_PAGE = 100_000
MAX_TEXT = 200
MAX_WORDS = 8
MAX_PROXIMITY_METRES = 200_000
TRUE = {"true", "1", "yes"}
FALSE = {"false", "0", "no"}
FORMATS = ("json", "ndjson")


class ApiError(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


def bad(message):
    return ApiError(400, message)


def _text(query, name):
    value = query.get(name, "")
    if len(value) > MAX_TEXT or any(ord(c) < 32 or 0xD800 <= ord(c) <= 0xDFFF for c in value):
        raise bad(_("“%(name)s” must be plain text of at most %(max)s characters.") % {"name": name, "max": MAX_TEXT})
    return value.strip()


def _whole_number(query, name, default, minimum, maximum=None):
    raw = query.get(name, "").strip()
    if not raw:
        return default
    if not raw.isascii() or not raw.isdigit():
        raise bad(_("“%(name)s” must be a whole number.") % {"name": name})
    value = int(raw) if len(raw) <= 12 else math.inf  # never parse a huge number only to refuse it
    if value < minimum or (maximum is not None and value > maximum):
        if maximum is None:
            message = _("“%(name)s” must be at least %(min)s.") % {"name": name, "min": minimum}
        else:
            message = _("“%(name)s” must be from %(min)s to %(max)s.") % {"name": name, "min": minimum, "max": maximum}
        raise bad(message)
    return value


def page(query):
    return _whole_number(query, "page", 1, 1, MAX_PAGE)


def per_page(query, maximum=MAX_PER_PAGE, default=DEFAULT_PER_PAGE):
    """Results per page: more than `maximum` is given `maximum` (the page's `size` says how many came)."""
    return min(_whole_number(query, "per_page", default, 1), maximum)


def flag(query, name):
    raw = query.get(name, "").strip().lower()
    if not raw:
        return False
    if raw in TRUE:
        return True
    if raw in FALSE:
        return False
    raise bad(_("“%(name)s” must be true or false.") % {"name": name})


def words(query):
    """The words of `search` (or its older name `text`), at most eight of them."""
    text = _text(query, "search") or _text(query, "text")
    return text.split()[:MAX_WORDS]


def identifier(query, name):
    raw = _text(query, name)
    if not raw:
        return None
    parsed = ids.parse(raw)
    if parsed is None:
        raise bad(_("“%(name)s” must be an identifier (a UUID) this API has given.") % {"name": name})
    return parsed


def moment(query, name):
    raw = _text(query, name)
    if not raw:
        return None
    try:
        value = parse_datetime(raw)
        if value is None and (day := parse_date(raw)):
            value = datetime.combine(day, time())
    except ValueError:
        value = None
    if value is None or not 1900 <= value.year <= 9000:
        raise bad(_("“%(name)s” must be a date and time such as 2026-01-31T09:00:00Z.") % {"name": name})
    return timezone.make_aware(value) if timezone.is_naive(value) else value


def output_format(query):
    raw = _text(query, "format").lower() or "json"
    if raw not in FORMATS:
        raise bad(_("“format” must be json or ndjson."))
    return raw


def postcode(query):
    """The postcode whose place services must cover, as a geography PostcodeArea, or None when not asked."""
    raw = _text(query, "postcode")
    if not raw:
        return None
    normalised = normalise_postcode(raw)
    if normalised is None:
        raise bad(_("“postcode” must be a full UK postcode, such as EH6 5AA."))
    if is_northern_ireland(normalised):
        raise bad(_("Northern Ireland postcodes are not covered yet."))
    area = lookup_postcode(normalised)
    if area is None:
        raise bad(_("We do not know the postcode %(postcode)s.") % {"postcode": normalised})
    return area


def proximity_km(query, area):
    """`proximity` (metres from the postcode) in kilometres, or None. It needs a postcode."""
    raw = _text(query, "proximity")
    if not raw:
        return None
    try:
        metres = float(raw)
    except ValueError:
        metres = math.nan
    if not math.isfinite(metres) or not 0 < metres <= MAX_PROXIMITY_METRES:
        raise bad(
            _("“proximity” must be a distance in metres, more than 0 and at most %(max)s.")
            % {"max": MAX_PROXIMITY_METRES}
        )
    if area is None:
        raise bad(_("“proximity” needs a “postcode” to measure from."))
    return metres / 1000
