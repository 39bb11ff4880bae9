"""The filter every insight page shares: a council area and a period of whole months, all in the URL (GET)."""

from django import forms
from django.forms.utils import flatatt
from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from providers.models import CouncilArea

from .periods import Period, recent_months

DEFAULT_MONTHS = 12


def month_label(month):
    return formats.date_format(month, "F Y")


class Select(forms.Select):
    """A select drawn in Python (named Select so that the GOV.UK field template styles it as one). Django draws each
    option through a template, which for 400 council areas took most of a page's time."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        chosen = {str(item) for item in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((str(key), mark_safe(" selected") if str(key) in chosen else "", label) for key, label in self.choices),
        )
        return format_html('<select name="{}"{}>{}</select>', name, flatatt(attrs), options)


class InsightForm(forms.Form):
    area = forms.ModelChoiceField(
        label=_("Council area"),
        queryset=CouncilArea.objects.order_by("name"),
        to_field_name="slug",
        widget=Select,
        empty_label=_("Choose a council area"),
        error_messages={
            "required": _("Choose a council area"),
            "invalid_choice": _("Choose a council area from the list"),
        },
    )
    start = forms.ChoiceField(
        label=_("From the start of"),
        widget=Select,
        error_messages={"invalid_choice": _("Choose the first month from the list")},
    )
    end = forms.ChoiceField(
        label=_("To the end of"),
        widget=Select,
        error_messages={"invalid_choice": _("Choose the last month from the list")},
    )

    def __init__(self, data=None, *, today=None, **kwargs):
        super().__init__(data, **kwargs)
        months = recent_months(today)
        choices = [(month.strftime("%Y-%m"), month_label(month)) for month in months]
        self.fields["start"].choices = choices
        self.fields["end"].choices = choices
        self.fields["start"].initial = months[min(DEFAULT_MONTHS, len(months)) - 1].strftime("%Y-%m")
        self.fields["end"].initial = months[0].strftime("%Y-%m")
        self.fields["start"].required = self.fields["end"].required = False

    def _month(self, name):
        from datetime import date

        value = self.cleaned_data.get(name) or self.fields[name].initial
        year, month = value.split("-")
        return date(int(year), int(month), 1)

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        start, end = self._month("start"), self._month("end")
        if start > end:
            self.add_error("end", _("The last month must be the same as the first month or after it"))
            return cleaned
        cleaned["period"] = Period(start, end)
        return cleaned
