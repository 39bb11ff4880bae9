"""The list of guidance under an index page, filterable by topic and audience without JavaScript."""

from django.core.paginator import Paginator

from .forms import terms_by_name
from .models import Audience, GuidancePage, Topic

PAGE_SIZE = 20


def guidance_listing(index_page, request):
    pages = (
        GuidancePage.objects.live()
        .public()
        .child_of(index_page)
        .select_related("locale", "alias_of__locale")
        .prefetch_related("topics", "audiences")
        .order_by("title")
    )
    topic_slug = request.GET.get("topic", "")
    audience_slug = request.GET.get("audience", "")
    if topic_slug:
        pages = pages.filter(topics__slug=topic_slug)
    if audience_slug:
        pages = pages.filter(audiences__slug=audience_slug)
    paginator = Paginator(pages.distinct(), PAGE_SIZE)
    page_number = request.GET.get("page", "1")
    return {
        "guidance_pages": paginator.get_page(page_number),
        "topics": terms_by_name(Topic),
        "audiences": terms_by_name(Audience),
        "selected_topic": topic_slug,
        "selected_audience": audience_slug,
    }
