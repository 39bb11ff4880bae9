"""Links to the guidance site's own pages (home, guidance, glossary) in the reader's language, for the header and
footer."""

from django import template
from wagtail.models import Locale

from ..models import GlossaryPage, GuidanceIndexPage, HomePage

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_urls(context):
    """URLs of the home, guidance and glossary pages in the reader's language (the English ones as a fallback)."""
    request = context["request"]
    cached = getattr(request, "_nav_urls", None)
    if cached is not None:
        return cached
    urls = {}
    locale = Locale.get_active()
    for key, model in (("home", HomePage), ("guidance", GuidanceIndexPage), ("glossary", GlossaryPage)):
        pages = model.objects.live().filter(depth__lte=3)
        page = pages.filter(locale=locale).first() or pages.filter(locale=Locale.get_default()).first()
        urls[key] = page.get_url(request) if page else "/"
    request._nav_urls = urls
    return urls
