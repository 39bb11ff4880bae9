"""The words the demand log may keep: those of the taxonomies (needs, service types, languages, funding options,
in every language, names and slugs) and of the synonym groups, without the little words. Anything else someone
types (a street, a name, a condition in their own words) is dropped before the log is written."""

from django.core.cache import cache

from .text import SYNONYMS, _stop_words, tokens

CACHE_KEY = "search:log-vocabulary"
CACHE_SECONDS = 600


def build(models):
    """The vocabulary from these taxonomy models (real ones, or a migration's historical ones)."""
    words = set()
    for model in models:
        for name, slug in model.objects.values_list("name", "slug"):
            words.update(tokens(name))
            words.update(tokens(slug.replace("-", " ").replace("_", " ")))
    for group in SYNONYMS:
        for entry in group:
            words.update(tokens(entry))
    # Numbers never: a taxonomy's "24 hour" would otherwise let a flat or house number through.
    return frozenset(word for word in words - _stop_words() if not any(c.isdigit() for c in word))


def taxonomy_models():
    from providers.models import FundingOption, Language, Need, ServiceType

    return (Need, ServiceType, Language, FundingOption)


def current():
    words = cache.get(CACHE_KEY)
    if words is None:
        words = build(taxonomy_models())
        cache.set(CACHE_KEY, words, CACHE_SECONDS)
    return words


def forget(**kwargs):
    """Taxonomies changed: the next search builds the vocabulary again."""
    cache.delete(CACHE_KEY)


def keep_known_words(text, words, limit=200):
    """Only the words of `text` that are in `words`, folded as search folds them, each once, in order."""
    kept = dict.fromkeys(token for token in tokens(text or "") if token in words)
    return " ".join(kept)[:limit]
