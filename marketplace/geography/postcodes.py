"""Postcode format, and telling Northern Ireland apart (not covered: no coordinates, and care is run by trusts)."""

import re

MAX_INPUT_LENGTH = 100

# Outward codes A9, A99, AA9, AA99, A9A, AA9A with the letters Royal Mail allows in each position; inward code 9AA
# without C, I, K, M, O or V. Every postcode in Code-Point Open and the ONS lookup matches.
_OUTWARD = (
    r"(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?"
    r"|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])"
)
_INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"
_POSTCODE_RE = re.compile(rf"({_OUTWARD})\s*({_INWARD})", re.ASCII)
_OUTWARD_RE = re.compile(_OUTWARD, re.ASCII)


def normalise_postcode(text: str) -> str | None:
    """The postcode in its standard form ("dd11aa" → "DD1 1AA"), or None if `text` is not a postcode."""
    if not isinstance(text, str) or len(text) > MAX_INPUT_LENGTH or not text.isascii():
        return None
    match = _POSTCODE_RE.fullmatch(text.strip().upper())
    return f"{match[1]} {match[2]}" if match else None


def normalise_outward_code(text: str) -> str | None:
    """The outward code in its standard form ("eh6" → "EH6"), or None if `text` is not one."""
    if not isinstance(text, str) or len(text) > MAX_INPUT_LENGTH or not text.isascii():
        return None
    code = text.strip().upper()
    return code if _OUTWARD_RE.fullmatch(code) else None


def is_northern_ireland(postcode: str) -> bool:
    """Whether `postcode` is a Northern Ireland postcode or outward code (BT…), which this module does not cover."""
    if not isinstance(postcode, str) or len(postcode) > MAX_INPUT_LENGTH or not postcode.isascii():
        return False
    text = postcode.strip().upper()
    return text.startswith("BT") and bool(normalise_postcode(text) or _OUTWARD_RE.fullmatch(text))


# Northern Ireland (and the Republic's border counties, which hold no GB postcode either) as a polygon of
# (latitude, longitude), its eastern edge drawn down the middle of the North Channel: east of Rathlin and Fair Head
# but west of the Mull of Kintyre, then between Larne and the Rhins of Galloway and off the Ards peninsula.
_NORTHERN_IRELAND = (
    (55.45, -8.3),
    (55.45, -6.05),
    (54.95, -5.55),
    (54.60, -5.25),
    (54.05, -5.55),
    (53.95, -6.3),
    (53.95, -8.3),
)


def in_northern_ireland(latitude: float, longitude: float) -> bool:
    """Whether a point is in Northern Ireland (roughly: it errs towards Ireland at sea, never onto GB land)."""
    inside = False
    vertices = _NORTHERN_IRELAND
    for (lat1, lon1), (lat2, lon2) in zip(vertices, vertices[1:] + vertices[:1], strict=True):
        if (lat1 > latitude) != (lat2 > latitude):
            crossing = lon1 + (latitude - lat1) * (lon2 - lon1) / (lat2 - lat1)
            if longitude < crossing:
                inside = not inside
    return inside
