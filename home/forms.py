from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.core.fields import email_field
from marketplace.core.terms import localized_terms

from .models import Audience, Topic


def terms_by_name(model):
    """Every term in the reader's language (the default language's where untranslated), by name: a queryset, for
    choices that post back a term's id."""
    return model.objects.filter(pk__in=[term.pk for term in localized_terms(model)]).order_by("name")


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
        self.fields["topics"].queryset = terms_by_name(Topic)
        self.fields["audiences"].queryset = terms_by_name(Audience)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("topics") and not cleaned.get("audiences") and not self.errors:
            raise forms.ValidationError(_("Choose at least one topic or group of people"), code="nothing_chosen")
        return cleaned
