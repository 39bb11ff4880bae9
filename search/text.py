"""Free-text matching shared by both backends: tokens, synonyms, little words and typo tolerance defined once.

A listing matches when it contains at least one of the words asked for (a synonym group counts as one word), and
best match puts listings that match more of the words first. Taxonomy names (needs, services, languages, funding)
are words in the listing's text like any other: a word naming one ranks the listings that have it higher, but it
never becomes a filter the searcher did not choose.

The database backend applies these rules in Python; the Elasticsearch backend turns the same `TextQuery` into
queries that mean the same thing (standard tokens, lower case, accents folded, Elasticsearch's AUTO fuzziness with
transpositions), so a query finds the same listings on either engine.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

MAX_TERMS = 8

# Words people use for the same thing. Each group is matched as alternatives; multi-word entries as phrases.
SYNONYMS = (
    ("pa", "personal assistant", "personal assistants"),
    ("carer", "care worker", "support worker", "carers"),
    ("respite", "short break", "short breaks"),
    ("bsl", "british sign language", "sign language"),
    ("dementia", "alzheimers", "memory loss"),
    ("autism", "autistic", "asd"),
    ("learning disability", "learning disabilities"),
    ("personal care", "washing and dressing"),
    ("advocacy", "advocate"),
    ("sitting service", "sitter"),
)

# Little words: they say how someone asks rather than what for ("Polish speaking carer near me"), in the
# interface's languages. Left out of a query that has other words: otherwise "speaking" would rank an
# English-speaking carer with a Polish-speaking one, and "near" or "a" would match almost any listing.
STOP_WORDS = (
    # English
    "a an the and or of in on at to for with by from near nearby around close me my i we us our you your who that "
    "which what is are am be can could will would please want wants need needs looking look find someone somebody "
    "anyone anybody some any speaking speaks speak spoken "
    # Welsh, Scottish Gaelic, Polish
    "ac y yr yn n gyda ger sy sydd siarad mewn neu "
    "agus am le aig air ann faisg bruidhinn na nan ri "
    "w z ze do po dla od oraz lub która który które mówi mówiący mówiąca blisko obok "
    # Urdu, Arabic
    "اور میں کے کی کا سے والا والی والے بولنے قریب "
    "و في من على يتحدث تتحدث قرب بالقرب"
)

# Where a word is found matters: in the title most, then the summary and the listing's terms, then anywhere else.
FIELD_WEIGHTS = {"title": 3.0, "summary": 2.0, "terms": 2.0, "body": 1.0}
FUZZY_FACTOR = 0.5  # a typo-tolerant match counts half an exact one
# Each word matched adds this to a best-match score: more than everything else in a score can add together
# (MAX_TERMS words at the title's weight, plus nearness, checks, freshness and rating, `base.blend`), so listings
# that match more of the words always come first.
MATCHED_WORD_WEIGHT = 100.0

# Tokens: runs of letters, digits and combining marks (Indic vowel signs belong to their word), and each Chinese
# or Hiragana character on its own, as Elasticsearch's standard tokenizer has them; apostrophes, full stops and
# underscores split words. The Elasticsearch index stores these tokens (`search.index.engine_document`).
_SINGLE = "\u3040-\u309f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_MARKS = "".join(chr(c) for c in range(0x300, 0x10000) if unicodedata.category(chr(c)) in ("Mn", "Mc", "Me"))
_TOKEN = re.compile(f"[{_SINGLE}]|(?:[^\\W_{_SINGLE}]|[{re.escape(_MARKS)}])+")
# Latin letters that asciifolding turns into plain ones but Unicode does not decompose.
_LATIN_EXTRAS = str.maketrans(
    {"ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h", "ŧ": "t", "ĸ": "q"}
)


def _is_latin(char):
    return char.isascii() or "\u00c0" <= char <= "\u024f" or "\u1e00" <= char <= "\u1eff"


def fold(text):
    """Lower case without accents: what Elasticsearch's lowercase + asciifolding filters do.

    Only accents on Latin letters go (asciifolding leaves other scripts as they are), so Urdu, Punjabi or Welsh
    words keep their meaning."""
    if text.isascii():  # most listings: nothing to fold but case
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = []
    base = ""
    for char in decomposed:
        if unicodedata.combining(char) and "\u0300" <= char <= "\u036f" and _is_latin(base):
            continue
        if not unicodedata.combining(char):
            base = char
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept)).translate(_LATIN_EXTRAS)


@lru_cache(maxsize=50_000)
def tokens(text):
    """The words of a text as both engines index them. Cached: the database backend tokenises every local
    listing's fields on each search with words, and listings change far less often than people search."""
    return tuple(_TOKEN.findall(fold(text or "")))


def allowed_edits(token):
    """Elasticsearch's AUTO fuzziness: exact up to 2 characters, one edit up to 5, two beyond."""
    return 0 if len(token) <= 2 else 1 if len(token) <= 5 else 2


def near_words(word, vocabulary):
    """The words of `vocabulary` within `allowed_edits(word)` insertions, deletions, substitutions or adjacent swaps
    of `word` (optimal string alignment, as Lucene's fuzzy queries count them), compared in C by rapidfuzz."""
    limit = allowed_edits(word)
    if limit == 0:
        return {word} if word in vocabulary else set()
    return {match for match, _, _ in process.extract_iter(word, vocabulary, scorer=OSA.distance, score_cutoff=limit)}


@dataclass(frozen=True)
class Alternative:
    """One way to satisfy a term: a single word (typo-tolerant) or a phrase (exact words in order)."""

    words: tuple[str, ...]

    @property
    def is_phrase(self):
        return len(self.words) > 1


@dataclass(frozen=True)
class Term:
    """One word asked for (or a synonym group: one idea), matched in any of its alternative forms."""

    alternatives: tuple[Alternative, ...]


@dataclass(frozen=True)
class TextQuery:
    terms: tuple[Term, ...]

    def __bool__(self):
        return bool(self.terms)


@cache
def _stop_words():
    return frozenset(tokens(STOP_WORDS))


@cache
def _synonym_groups():
    return tuple(tuple(tuple(tokens(entry)) for entry in group) for group in SYNONYMS)


def parse(text):
    """Split a query into terms, recognising synonym phrases ("personal assistant", "washing and dressing") before
    single words. Little words (STOP_WORDS) are left out unless they are all there is; a term asked for twice
    counts once."""
    words = tokens(text)
    terms, little = [], []
    index = 0
    while index < len(words):
        for length in (3, 2, 1):
            chunk = tuple(words[index : index + length])
            if len(chunk) < length:
                continue
            group = next((g for g in _synonym_groups() if chunk in g), None)
            if group:
                terms.append(Term(tuple(Alternative(entry) for entry in group)))
                index += length
                break
        else:
            word = words[index]
            (little if word in _stop_words() else terms).append(Term((Alternative((word,)),)))
            index += 1
    return TextQuery(tuple(dict.fromkeys(terms or little))[:MAX_TERMS])


class TextMatcher:
    """Scores documents against a query. Typo-tolerant matches are worked out once per word of the vocabulary, not
    once per document, so scoring a thousand listings stays cheap."""

    def __init__(self, query, vocabulary):
        self.query = query
        self.near_words = {}
        for term in query.terms:
            for alternative in term.alternatives:
                if not alternative.is_phrase:
                    word = alternative.words[0]
                    self.near_words[word] = near_words(word, vocabulary)

    def score(self, field_tokens):
        """Sum over the terms matched of MATCHED_WORD_WEIGHT plus the term's best match; None when none matches.

        `field_tokens` maps each field name in FIELD_WEIGHTS to the field's tokens in order."""
        total = 0.0
        for term in self.query.terms:
            if best := max(self._alternative_score(alternative, field_tokens) for alternative in term.alternatives):
                total += MATCHED_WORD_WEIGHT + best
        return total or None

    def _alternative_score(self, alternative, field_tokens):
        best = 0.0
        for name, weight in FIELD_WEIGHTS.items():
            words = field_tokens.get(name, ())
            if alternative.is_phrase:
                found = weight if _contains_phrase(words, alternative.words) else 0.0
            elif alternative.words[0] in words:
                found = weight
            elif not self.near_words[alternative.words[0]].isdisjoint(words):
                found = weight * FUZZY_FACTOR
            else:
                found = 0.0
            best = max(best, found)
        return best


def _contains_phrase(words, phrase):
    size = len(phrase)
    return any(tuple(words[i : i + size]) == phrase for i in range(len(words) - size + 1))
