"""Ids as people and forms send them: plain ASCII digits, short enough for a 64-bit key.

`str.isdigit` alone is not enough: "²" and "٣" are digits to it, and `int("²")` raises, which would be a 500.
"""

MAX_DIGITS = 18  # below 2**63, the largest primary key PostgreSQL and SQLite hold


def parse_id(value):
    """The id `value` spells (a str, or an int as given), or None when it spells none."""
    text = str(value)
    if text.isascii() and text.isdigit() and len(text) <= MAX_DIGITS:
        return int(text)
    return None
