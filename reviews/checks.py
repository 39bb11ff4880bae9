"""Automatic checks on what reviewers write. A flag never rejects a review: it sends it to an editor.

They look for personal data (phone numbers, email addresses, full names of a provider's staff), abuse and links.
Editors can add words to REVIEW_BLOCKED_WORDS (an environment list) for their area's languages.
"""

import re
import unicodedata

from django.conf import settings
from django.utils.translation import gettext_lazy as _

PHONE = "phone"
EMAIL = "email"
LINK = "link"
STAFF_NAME = "staff_name"
ABUSE = "abuse"
BURST = "burst"
RESUBMITTED = "resubmitted"

FLAG_LABELS = {
    PHONE: _("It seems to contain a phone number"),
    EMAIL: _("It seems to contain an email address"),
    LINK: _("It contains a link or web address"),
    STAFF_NAME: _("It seems to name a member of staff in full"),
    ABUSE: _("It contains words that may be abusive"),
    BURST: _("The listing received many reviews in a short time"),
    RESUBMITTED: _("Changed by the reviewer after an editor did not publish it"),
}

_EMAIL = re.compile(r"[\w.+-]+\s*(@|\(at\)|\[at\])\s*[\w-]+(\.[\w-]+)+", re.IGNORECASE)
_WEB_ADDRESS = re.compile(r"(https?://|www\.)\S+", re.IGNORECASE)
# A bare domain. Lower case only, so a missing space after a full stop ("great.Info was clear") is not a link.
_DOMAIN = re.compile(r"\b[\w-]+\.(com|co\.uk|org\.uk|org|net|uk|scot|wales|info|io|ly)(/\S*)?\b")
# A run of digits with spaces, dots, dashes and brackets between them: a phone number when it has 10 to 13 digits and
# starts like one (0 in the UK, 44, or + for any country). Dates and year ranges ("2023-2024 (12 months)") do not.
_PHONE = re.compile(r"(?<![\w])(\+?\d[\d\s().-]{8,}\d)(?![\w])")
_TITLED_NAME = re.compile(r"\b(Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z][a-z'’-]+(\s+[A-Z][a-z'’-]+)?\b")

# Abuse in English, including disability slurs; obfuscation such as "f*ck" or "s.h.i.t" is folded away first.
ABUSIVE_WORDS = {
    "fuck", "fucking", "fucker", "shit", "shite", "cunt", "bastard", "bitch", "twat", "wanker", "prick",
    "dickhead", "arsehole", "asshole", "bollocks", "retard", "retarded", "spastic", "spaz", "spacker", "mong",
    "cripple", "moron", "scum", "slag", "whore",
}  # fmt: skip
THREATS = re.compile(r"\b(kill|hurt|burn|smash)\s+(you|them|her|him)\b|\bwatch\s+your\s+back\b", re.IGNORECASE)
_LEET = str.maketrans({"@": "a", "4": "a", "3": "e", "1": "i", "!": "i", "0": "o", "$": "s", "5": "s", "7": "t"})


def _folded_words(text):
    """Words with accents, leetspeak and separators inside words removed: "F.u.c.k" and "sh1t" are found. A "*"
    stays, standing for a letter someone starred out."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    plain = plain.translate(_LEET)
    plain = re.sub(r"(?<=[\w*])[._-](?=[\w*])", "", plain)
    return set(re.findall(r"[a-z*]*[a-z][a-z*]*", plain))


def blocked_words():
    return ABUSIVE_WORDS | {word.lower() for word in getattr(settings, "REVIEW_BLOCKED_WORDS", ())}


def is_abusive(words, blocked):
    if words & blocked:
        return True
    for word in (word for word in words if "*" in word):
        # Each star hides up to two letters: "f*ck" and "f**k" are both "fuck".
        pattern = re.compile("".join("[a-z]{0,2}" if ch == "*" else ch for ch in word) + "$")
        if any(pattern.match(candidate) for candidate in blocked):
            return True
    return False


def has_phone_number(text):
    for match in _PHONE.finditer(text):
        run = match.group(1)
        digits = "".join(ch for ch in run if ch.isdigit())
        if 10 <= len(digits) <= 13 and (run.startswith("+") or digits.startswith(("0", "44"))):
            return True
    return False


def names_staff(text, staff_names):
    folded = " ".join(text.split()).casefold()
    for name in staff_names:
        name = " ".join(name.split())
        if len(name.split()) >= 2 and name.casefold() in folded:
            return True
    return bool(_TITLED_NAME.search(text))


def check_text(text, staff_names=()):
    """The flags `text` raises, in a fixed order. `staff_names` are the full names of the provider's people that are
    not public (a personal assistant's own public name is fine to write)."""
    flags = []
    if has_phone_number(text):
        flags.append(PHONE)
    if _EMAIL.search(text):
        flags.append(EMAIL)
    without_emails = _EMAIL.sub(" ", text)
    if _WEB_ADDRESS.search(without_emails) or _DOMAIN.search(without_emails):
        flags.append(LINK)
    if names_staff(text, staff_names):
        flags.append(STAFF_NAME)
    if is_abusive(_folded_words(text), blocked_words()) or THREATS.search(text):
        flags.append(ABUSE)
    return flags


def staff_names(listing):
    """Full names of the people behind a listing whose names are not on the listing page."""
    names = set()
    for user in listing.supplier.members.all():
        names.update(filter(None, (user.get_full_name(), user.display_name)))
    names.discard(listing.supplier.name)  # a PA's public name is on the page already
    return sorted(name for name in names if len(name.split()) >= 2)
