"""Form widgets' attributes written in Python: Django's `attrs.html` loops over them in the template language, a tenth
of a millisecond for every field on every form page (seven on the results page alone)."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def widget_attrs(attrs):
    """What Django's `django/forms/widgets/attrs.html` writes: ` name="value"` for each attribute, the name alone when
    the value is True, nothing when it is False."""
    written = []
    for name, value in attrs.items():
        if value is True:
            written.append(f" {conditional_escape(name)}")
        elif value is not False:
            written.append(f' {conditional_escape(name)}="{conditional_escape(str(value))}"')
    return mark_safe("".join(written))  # noqa: S308 - names and values are escaped above
