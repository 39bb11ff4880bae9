"""Taxonomies, their terms, the terms a service is tagged with (attributes) and the languages it is given in."""

from django.utils.translation import gettext as _

from .. import ids
from ..taxonomies import TAXONOMIES, TERM_KINDS
from .common import compact


def taxonomy(definition, terms=None):
    """A taxonomy; with its terms nested when `terms` is given."""
    return compact(
        id=definition.id,
        name=str(definition.name),
        description=str(definition.description),
        taxonomy_terms=[taxonomy_term(term) for term in terms or ()],
    )


def taxonomy_term(term):
    kind = TERM_KINDS[term.taxonomy.key]
    return compact(
        id=term.id,
        name=term.name,
        # The standard requires a description; editors may not have written one.
        description=term.description or _("%(kind)s: %(name)s") % {"kind": kind, "name": term.name},
        taxonomy=str(term.taxonomy.name),
        taxonomy_id=term.taxonomy.id,
        term=term.name,
        code=term.code or term.slug,
    )


def _tagged(listing, context):
    """(taxonomy, term) for every term the listing is tagged with, in the editors' order."""
    found = []
    for definition in TAXONOMIES:
        terms = {
            context.terms.term(definition.key, row.translation_key) for row in getattr(listing, definition.key).all()
        }
        terms.discard(None)
        found.extend((definition, term) for term in sorted(terms, key=lambda t: (t.sort_order, t.name.casefold())))
    return found


def attributes(listing, context):
    service_id = ids.service(listing.pk)
    return [
        {
            "id": ids.stable_id("attribute", listing.pk, definition.key, term.translation_key),
            "link_id": service_id,
            "link_type": definition.link_type,
            "link_entity": "service",
            "taxonomy_term_id": term.id,
            "taxonomy_term": taxonomy_term(term),
        }
        for definition, term in _tagged(listing, context)
    ]


def languages(listing, context):
    """The languages the service is given in (the HSDS fields name and code, which the ORUK schema allows)."""
    service_id = ids.service(listing.pk)
    return [
        compact(
            id=ids.stable_id("language", listing.pk, term.translation_key),
            service_id=service_id,
            name=term.name,
            code=term.code,
        )
        for definition, term in _tagged(listing, context)
        if definition.key == "languages"
    ]
