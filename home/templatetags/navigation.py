"""Links to the guidance site's own pages (home, guidance, glossary) in the reader's language, for the header and
footer. Every page shows them, so each process keeps them per site and language until a page is published, moved
or removed (`navigation_changed`, connected in HomeConfig.ready)."""

from django import template
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

from marketplace.core.generations import ProcessMemo

from ..models import FooterLink, GlossaryPage, GuidanceIndexPage, HomePage, InformationPage

register = template.Library()
_kept = ProcessMemo("navigation", max_values=200)  # keyed by the request's host: bounded whatever hosts are allowed
navigation_changed = _kept.changed
forget_navigation = _kept.forget


def _site_key(request):
    return (request.get_host() if request is not None else "", translation.get_language())


@register.simple_tag(takes_context=True)
def nav_urls(context):
    """URLs of the home, guidance and glossary pages in the reader's language (the English ones as a fallback)."""
    request = context["request"]
    return _kept.get(("nav", *_site_key(request)), lambda: _nav_urls(request))


def _nav_urls(request):
    locale = Locale.get_active()
    default = Locale.get_default()
    wanted = {"home": HomePage, "guidance": GuidanceIndexPage, "glossary": GlossaryPage}
    content_types = ContentType.objects.get_for_models(*wanted.values())
    pages = (
        Page.objects.live()
        .filter(depth__lte=3, locale__in={locale, default}, content_type__in=content_types.values())
        .order_by("path")
    )
    found = {}
    for page in pages:
        found.setdefault((page.content_type_id, page.locale_id), page)
    urls = {}
    for key, model in wanted.items():
        content_type_id = content_types[model].pk
        page = found.get((content_type_id, locale.pk)) or found.get((content_type_id, default.pk))
        urls[key] = page.get_url(request) if page else "/"
    return urls


@register.simple_tag(takes_context=True)
def footer_links(context):
    """The footer's council pages (accessibility statement, privacy notice, cookies, contact) in the reader's
    language, else the default language's, each as {"label", "url", "hreflang", "current"}.

    `hreflang` names the language a link's page is written in when that is not the reader's language.
    """
    request = context.get("request")
    links = _kept.get(("footer", *_site_key(request)), lambda: _footer_links(request))
    path = request.path if request is not None else None
    return [{**link, "current": link["url"] == path} for link in links]


def _footer_links(request):
    current = get_supported_content_language_variant(translation.get_language())
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    pages = (
        InformationPage.objects.live()
        .exclude(footer_link="")
        .filter(locale__language_code__in={current, default})
        .select_related("locale", "alias_of__locale")
        .defer("body")
        .order_by("path")
    )
    chosen = {}
    for page in pages:
        language = page.locale.language_code
        held = chosen.get(page.footer_link)
        if held is None or (language == current and held.locale.language_code != current):
            chosen[page.footer_link] = page
    links = []
    for choice in FooterLink:
        page = chosen.get(choice.value)
        if choice == FooterLink.NONE or page is None:
            continue
        written_in = page.alias_of.locale.language_code if page.alias_of_id else page.locale.language_code
        links.append(
            {
                "label": choice.label,
                "url": page.get_url(request),
                "hreflang": written_in if written_in != current else "",
            }
        )
    return links
