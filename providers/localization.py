"""Translatable snippets (taxonomy terms, quality stamps) in the reader's language."""

from wagtail.models import Locale


def localize_terms(terms, locale=None):
    """Taxonomy terms in the reader's language (English where untranslated), with one query per taxonomy at most.

    `term.localized` would cost a query per term; this fetches every translation of the given terms at once.
    """
    terms = list(terms)
    if not terms:
        return []
    locale = locale or Locale.get_active()
    if all(term.locale_id == locale.pk for term in terms):
        return terms
    model = type(terms[0])
    translations = {
        term.translation_key: term
        for term in model.objects.filter(translation_key__in=[t.translation_key for t in terms], locale=locale)
    }
    return [translations.get(term.translation_key, term) for term in terms]
