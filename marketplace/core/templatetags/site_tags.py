import functools

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page

from ..form_errors import form_errors

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
        url = page_urls.get(code) or _in_language(request, current, code)
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


def _in_language(request, current, code):
    """This request's path in another language (`translate_url`), with its query string."""
    path, mark, query = request.get_full_path().partition("?")
    return _path_in_language(path, current, code) + mark + query


@functools.lru_cache(maxsize=4096)
def _path_in_language(path, current, code):
    # Every page links to itself in each language: resolving and reversing the path is a third of the cost of the
    # site's header, and the answer depends only on the URLconf, the path and the active language.
    return translate_url(path, code)


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


@register.filter
def error_pairs(form):
    """A form's errors as the error summary's (anchor id, message) pairs, for pages whose view passes only the form."""
    return form_errors(form) if form is not None else []
