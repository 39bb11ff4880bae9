"""Translatable terms (needs, service types, topics, audiences, quality stamps, glossary entries) in the reader's
language.

Editors write each term in the default language and translate it later: a reader sees the translation where there is
one and the term as written otherwise. Both helpers fetch a whole list's translations in one query (a term's own
`.localized` costs a query per term).
"""

from wagtail.models import Locale


def localize(terms, locale=None):
    """The terms in the same order, each in `locale` (the reader's language unless given) where translated."""
    terms = list(terms)
    if not terms:
        return []
    locale = locale or Locale.get_active()
    if all(term.locale_id == locale.pk for term in terms):
        return terms
    model = type(terms[0])
    translations = {
        term.translation_key: term
        for term in model._default_manager.filter(
            translation_key__in={term.translation_key for term in terms}, locale=locale
        ).select_related("locale")
    }
    return [translations.get(term.translation_key, term) for term in terms]


def localized_terms(model, locale=None, *, default=None):
    """Every term of `model` once: in `locale` (the reader's language unless given) where it is written or
    translated in it, else in the `default` language. One query; in the model's order."""
    locale = locale or Locale.get_active()
    default = default or Locale.get_default()
    chosen = {}
    for term in model._default_manager.filter(locale_id__in={default.pk, locale.pk}).select_related("locale"):
        if term.translation_key not in chosen or term.locale_id == locale.pk:
            chosen[term.translation_key] = term
    return list(chosen.values())
