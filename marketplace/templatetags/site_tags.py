from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

register = template.Library()


def _native_name(code):
    return dict(settings.LANGUAGES).get(code, code)


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in every language: the translated page when one exists, else the same path."""
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    page_urls = {}
    if isinstance(page, Page) and page.pk:
        for translated in page.get_translations(inclusive=True).live().select_related("locale"):
            page_urls[translated.locale.language_code] = translated.get_url(request)
    languages = []
    for code, _name in settings.LANGUAGES:
        url = page_urls.get(code) or translate_url(request.get_full_path(), code)
        languages.append(
            {
                "code": code,
                "name": _native_name(code),
                "url": url,
                "current": code == current,
                "bidi": translation.get_language_info(code)["bidi"],
            }
        )
    return {"languages": languages}


@register.simple_tag
def active_locale():
    return Locale.get_active()


@register.filter
def language_name(code):
    return _native_name(code)


@register.filter
def language_direction(code):
    try:
        return "rtl" if translation.get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


@register.simple_tag(takes_context=True)
def nav_urls(context):
    """URLs of the home, guidance and glossary pages in the reader's language (the English ones as a fallback)."""
    request = context["request"]
    cached = getattr(request, "_nav_urls", None)
    if cached is not None:
        return cached
    from home.models import GlossaryPage, GuidanceIndexPage, HomePage

    urls = {}
    locale = Locale.get_active()
    for key, model in (("home", HomePage), ("guidance", GuidanceIndexPage), ("glossary", GlossaryPage)):
        pages = model.objects.live().filter(depth__lte=3)
        page = pages.filter(locale=locale).first() or pages.filter(locale=Locale.get_default()).first()
        urls[key] = page.get_url(request) if page else "/"
    request._nav_urls = urls
    return urls


@register.simple_tag(takes_context=True)
def footer_links(context):
    """The footer's council pages (accessibility statement, privacy notice, cookies, contact) in the reader's
    language, else the default language's, each as {"label", "url", "hreflang", "current"}: one query, kept for the
    request.

    `hreflang` names the language a link's page is written in when that is not the reader's language.
    """
    request = context.get("request")
    cached = getattr(request, "_footer_links", None)
    if cached is not None:
        return cached
    from home.models import FooterLink, InformationPage

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
        url = page.get_url(request)
        links.append(
            {
                "label": choice.label,
                "url": url,
                "hreflang": written_in if written_in != current else "",
                "current": request is not None and url == request.path,
            }
        )
    if request is not None:
        request._footer_links = links
    return links


_WIDGET_CLASSES = {
    "Select": "govuk-select",
    "SelectMultiple": "govuk-select",
    "Textarea": "govuk-textarea",
    "CheckboxInput": "govuk-checkboxes__input",
    "ClearableFileInput": "govuk-file-upload",
    "FileInput": "govuk-file-upload",
}


@register.simple_tag
def govuk_widget(field, extra_class=""):
    """Render a form field's widget with GOV.UK classes and links to its hint and error messages."""
    css_class = _WIDGET_CLASSES.get(type(field.field.widget).__name__, "govuk-input")
    if field.errors and css_class in {"govuk-input", "govuk-select", "govuk-textarea", "govuk-file-upload"}:
        css_class += f" {css_class}--error"
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}-hint")
    if field.errors:
        described_by.append(f"{field.auto_id}-error")
    attrs = {"class": f"{css_class} {extra_class}".strip()}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)


@register.simple_tag
def data_attributions():
    """The licence notices the offline place data requires, in the licensor's own (English) words."""
    from search.geocoding import ATTRIBUTIONS

    return ATTRIBUTIONS
