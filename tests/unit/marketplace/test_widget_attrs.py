"""Widget attributes written in Python read exactly as Django's own `attrs.html` template writes them."""

from pathlib import Path

import django
from django import forms
from django.conf import settings
from django.forms.renderers import get_default_renderer
from django.template import Context, Engine
from django.utils.safestring import mark_safe

from marketplace.core.templatetags.widget_tags import widget_attrs

DJANGOS_ATTRS = Path(django.__file__).parent / "forms/templates/django/forms/widgets/attrs.html"


def test_attributes_read_as_djangos_template_writes_them():
    attrs = {
        "class": "govuk-input app-filters__price",
        "required": True,
        "disabled": False,
        "maxlength": 8,
        "step": 0.01,
        "placeholder": 'Say "hello" & <wave>',
        "data-note": mark_safe("<b>kept safe</b>"),
        "aria-describedby": None,
    }
    djangos = Engine().from_string(DJANGOS_ATTRS.read_text()).render(Context({"widget": {"attrs": attrs}}))
    assert widget_attrs(attrs) == djangos


def test_forms_render_through_the_faster_template():
    template = get_default_renderer().get_template("django/forms/widgets/attrs.html")
    assert Path(template.origin.name) == Path(settings.BASE_DIR) / "templates/django/forms/widgets/attrs.html"

    class Ask(forms.Form):
        postcode = forms.CharField(max_length=8, widget=forms.TextInput(attrs={"autocomplete": "postal-code"}))

    html = str(Ask()["postcode"])
    assert 'autocomplete="postal-code"' in html
    assert 'maxlength="8"' in html
    assert " required" in html
