from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from wagtail.models import Locale

from home.models import GuidancePage

PAGE_SIZE = 10
MAX_QUERY_LENGTH = 200


def guidance_search(request):
    """Search guidance in the reader's language (untranslated pages appear as their English aliases)."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    results = None
    if query:
        pages = (
            GuidancePage.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .select_related("locale", "alias_of__locale")
        )
        results = Paginator(pages.search(query), PAGE_SIZE)
        try:
            results = results.page(request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage):
            results = results.page(1)
    return render(request, "search/search.html", {"query": query, "results": results})
