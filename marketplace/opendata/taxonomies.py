"""The four taxonomies a listing is tagged with (needs, service types, funding options, languages) as ORUK
taxonomies and taxonomy terms.

Terms are translatable snippets: a listing may point at any locale's row of a term. A term's identifier comes from
its translation key, so every translation of it is one ORUK term, named in the site's default language.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from providers.models import FundingOption, Language, Need, ServiceType

from . import ids


@dataclass(frozen=True)
class Taxonomy:
    key: str  # also the listing's many-to-many field
    model: type
    name: str
    description: str
    link_type: str  # what a term of this taxonomy says about a service (attribute.link_type)

    @property
    def id(self):
        return ids.taxonomy(self.key)


TAXONOMIES = (
    Taxonomy(
        "needs",
        Need,
        _("Needs"),
        _("What support is for, such as dementia, personal care or getting out and about."),
        "need",
    ),
    Taxonomy(
        "service_types",
        ServiceType,
        _("Service types"),
        _("The kind of service, such as a personal assistant, care at home, advocacy or payroll."),
        "service_type",
    ),
    Taxonomy(
        "funding_options",
        FundingOption,
        _("Funding options accepted"),
        _("How a person may pay for the service, such as a direct payment or an individual service fund."),
        "funding_option",
    ),
    Taxonomy(
        "languages",
        Language,
        _("Languages"),
        _("Languages the service can be given in without an interpreter, including British Sign Language."),
        "language",
    ),
)
BY_KEY = {taxonomy.key: taxonomy for taxonomy in TAXONOMIES}
TERM_KINDS = {
    "needs": pgettext_lazy("taxonomy term", "Need"),
    "service_types": pgettext_lazy("taxonomy term", "Service type"),
    "funding_options": pgettext_lazy("taxonomy term", "Funding option"),
    "languages": pgettext_lazy("taxonomy term", "Language"),
}


@dataclass(frozen=True)
class Term:
    taxonomy: Taxonomy
    translation_key: str
    name: str
    description: str
    slug: str
    code: str  # a language's ISO 639 code; empty for other taxonomies
    sort_order: int

    @property
    def id(self):
        return ids.taxonomy_term(self.taxonomy.key, self.translation_key)


class TermIndex:
    """Every term of the four taxonomies, in the default language where it has one: one query per taxonomy."""

    def __init__(self):
        self.terms = {}  # (taxonomy key, translation key) -> Term
        for taxonomy in TAXONOMIES:
            fields = ["translation_key", "name", "description", "slug", "sort_order", "locale__language_code"]
            if taxonomy.model is Language:
                fields.append("code")
            rows = taxonomy.model.objects.values(*fields)
            # The default language's row wins; a term nobody has put in it keeps its first translation.
            rows = sorted(rows, key=lambda row: (row["locale__language_code"] != settings.LANGUAGE_CODE, row["name"]))
            for row in rows:
                key = (taxonomy.key, str(row["translation_key"]))
                if key not in self.terms:
                    self.terms[key] = Term(
                        taxonomy,
                        key[1],
                        row["name"],
                        row["description"],
                        row["slug"],
                        row.get("code", ""),
                        row["sort_order"],
                    )
        self.by_id = {term.id: term for term in self.terms.values()}

    def term(self, taxonomy_key, translation_key):
        return self.terms.get((taxonomy_key, str(translation_key)))

    def ordered(self, taxonomy_key=None):
        """Terms in the order editors gave them, taxonomy by taxonomy."""
        order = {taxonomy.key: index for index, taxonomy in enumerate(TAXONOMIES)}
        terms = [t for t in self.terms.values() if taxonomy_key is None or t.taxonomy.key == taxonomy_key]
        return sorted(terms, key=lambda t: (order[t.taxonomy.key], t.sort_order, t.name.casefold(), t.id))
