from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from marketplace.core.fields import email_field

from .models import Audience, Topic


def localized_terms(model):
    """Every term in the reader's language, with the default language's wording where none is translated."""
    active, default = Locale.get_active(), Locale.get_default()
    chosen = dict(model.objects.filter(locale=default).values_list("translation_key", "pk"))
    chosen.update(model.objects.filter(locale=active).values_list("translation_key", "pk"))
    return model.objects.filter(pk__in=chosen.values()).order_by("name")


class LocalizedChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return obj.name


class AlertSubscriptionForm(forms.Form):
    email = email_field()
    topics = LocalizedChoiceField(queryset=Topic.objects.none(), required=False, label=_("Topics"))
    audiences = LocalizedChoiceField(queryset=Audience.objects.none(), required=False, label=_("Written for"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = localized_terms(Topic)
        self.fields["audiences"].queryset = localized_terms(Audience)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("topics") and not cleaned.get("audiences") and not self.errors:
            raise forms.ValidationError(_("Choose at least one topic or group of people"), code="nothing_chosen")
        return cleaned
