from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Audience, GlossaryTerm, Topic
from .reviews import overdue_pages, pages_due_soon
from .rich_text import register_glossary_feature


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    list_display = ["term", "definition", "locale"]
    search_fields = ["term", "definition"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug", "locale"]


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    list_display = ["name", "slug", "locale"]


class GuidanceTaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Guidance words")
    menu_icon = "folder-open-inverse"
    items = (GlossaryTermViewSet, TopicViewSet, AudienceViewSet)


register_snippet(GuidanceTaxonomyGroup)


class ReviewDuePanel(Component):
    name = "guidance_review_due"
    order = 50
    template_name = "home/admin/review_due_panel.html"

    def get_context_data(self, parent_context):
        return {"overdue": list(overdue_pages()[:50]), "due_soon": list(pages_due_soon()[:20])}


@hooks.register("construct_homepage_panels")
def add_review_due_panel(request, panels):
    panels.append(ReviewDuePanel())


@hooks.register("register_rich_text_features")
def register_glossary_link(features):
    register_glossary_feature(features)
