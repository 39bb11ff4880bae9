"""The "glossary" rich text feature: editors select words and link them to a glossary term.

In the database the link is `<a linktype="glossary" id="N">words</a>` (N is a GlossaryTerm id);
in the Draftail editor it is a GLOSSARY entity with data `{"id": N, "term": "..."}`;
on the site GlossaryLinkHandler (home/glossary.py) turns it into a link to the term on the glossary page.
"""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from draftjs_exporter.dom import DOM
from wagtail.admin.rich_text.converters.html_to_contentstate import LinkElementHandler
from wagtail.admin.rich_text.editors.draftail.features import EntityFeature

from .glossary import GlossaryLinkHandler

FEATURE_NAME = "glossary"
ENTITY_TYPE = "GLOSSARY"


def glossary_link_entity(props):
    """Contentstate → database: `<a linktype="glossary" id="N">children</a>`."""
    term_id = props.get("id")
    if term_id in (None, ""):
        return props["children"]  # a link without a term is dropped, its words kept
    return DOM.create_element("a", {"linktype": FEATURE_NAME, "id": term_id}, props["children"])


class GlossaryLinkElementHandler(LinkElementHandler):
    """Database → contentstate: `a[linktype="glossary"]` becomes a GLOSSARY entity with the term's id and name."""

    def get_attribute_data(self, attrs):
        from .models import GlossaryTerm

        try:
            term_id = int(attrs["id"])
        except (KeyError, TypeError, ValueError):
            return {}
        term = GlossaryTerm.objects.filter(id=term_id).only("id", "term").first()
        # keep the id of a deleted term, so the link still shows (as broken) and is saved unchanged
        return {"id": term.id, "term": term.term} if term else {"id": term_id}


def register_glossary_feature(features):
    features.register_link_type(GlossaryLinkHandler)
    features.register_editor_plugin(
        "draftail",
        FEATURE_NAME,
        EntityFeature(
            {
                "type": ENTITY_TYPE,
                "icon": "help",
                "description": _("Glossary term"),
                "attributes": ["id", "term"],
                "chooserUrls": {"glossaryChooser": reverse_lazy("wagtailsnippetchoosers_home_glossaryterm:choose")},
            },
            # chooser-modal.js provides the snippet chooser's onload handlers (CHOOSER_MODAL_ONLOAD_HANDLERS)
            js=["wagtailadmin/js/chooser-modal.js", "home/js/glossary-draftail.js"],
            css={"all": ["home/css/glossary-draftail.css"]},
        ),
    )
    features.register_converter_rule(
        "contentstate",
        FEATURE_NAME,
        {
            "from_database_format": {'a[linktype="glossary"]': GlossaryLinkElementHandler(ENTITY_TYPE)},
            "to_database_format": {"entity_decorators": {ENTITY_TYPE: glossary_link_entity}},
        },
    )
