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

FLAG_LABELS = {
    PHONE: _("It seems to contain a phone number"),
    EMAIL: _("It seems to contain an email address"),
    LINK: _("It contains a link or web address"),
    STAFF_NAME: _("It seems to name a member of staff in full"),
    ABUSE: _("It contains words that may be abusive"),
    BURST: _("The listing received many reviews in a short time"),
}

_EMAIL = re.compile(r"[\w.+-]+\s*(@|\(at\)|\[at\])\s*[\w-]+(\.[\w-]+)+", re.IGNORECASE)
_LINK = re.compile(
    r"(https?://|www\.)\S+|\b[\w-]+\.(com|co\.uk|org\.uk|org|net|uk|scot|wales|info|io|ly)(/\S*)?\b", re.IGNORECASE
)
# Ten or more digits in one run that allows spaces, dots, dashes and brackets: UK numbers, with or without +44.
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
    """Words with accents, leetspeak and separators inside words removed: "F.u.c.k" and "sh1t" are found."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    plain = plain.translate(_LEET)
    plain = re.sub(r"(?<=\w)[*._-](?=\w)", "", plain)
    return set(re.findall(r"[a-z]+", plain))


def blocked_words():
    return ABUSIVE_WORDS | {word.lower() for word in getattr(settings, "REVIEW_BLOCKED_WORDS", ())}


def has_phone_number(text):
    return any(sum(ch.isdigit() for ch in match.group(1)) >= 10 for match in _PHONE.finditer(text))


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
    if _LINK.search(_EMAIL.sub(" ", text)):
        flags.append(LINK)
    if names_staff(text, staff_names):
        flags.append(STAFF_NAME)
    if _folded_words(text) & blocked_words() or THREATS.search(text):
        flags.append(ABUSE)
    return flags


def staff_names(listing):
    """Full names of the people behind a listing whose names are not on the listing page."""
    names = set()
    if listing.organisation_id:
        for user in listing.organisation.members.all():
            names.update(filter(None, (user.get_full_name(), user.display_name)))
    else:
        user = listing.personal_assistant.user
        names.update(filter(None, (user.get_full_name(), user.display_name)))
        names.discard(listing.personal_assistant.display_name)
    return sorted(name for name in names if len(name.split()) >= 2)
