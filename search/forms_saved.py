"""The form that asks for an email address to send a saved search's alerts to."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MAX_SAVED_QUERY_LENGTH


class SavedSearchEmailForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
            "max_length": _("Enter an email address of %(limit_value)d characters or fewer"),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    query = forms.CharField(widget=forms.HiddenInput, max_length=MAX_SAVED_QUERY_LENGTH, required=False)
